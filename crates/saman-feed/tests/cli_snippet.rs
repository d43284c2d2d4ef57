//! `saman-feed snippet`, run as a program.

mod common;

use common::*;

#[test]
fn the_snippet_and_csp_are_printed() {
    let output = run(&[
        "snippet",
        "--feed",
        "https://historier.fjordvik.example/residents.json",
        "--audience",
        "colleagues",
        "--lang",
        "nn",
        "--widget-url",
        "https://cdn.example/saman-stories.js",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("<script src=\"https://cdn.example/saman-stories.js\" data-feed=\"https://historier.fjordvik.example/residents.json\" data-audience=\"colleagues\" data-lang=\"nn\" async></script>"), "{text}");
    assert!(text.contains("<saman-stories feed=\"https://historier.fjordvik.example/residents.json\" audience=\"colleagues\" lang=\"nn\"></saman-stories>"), "{text}");
    assert!(text.contains("script-src https://cdn.example 'wasm-unsafe-eval'; style-src https://cdn.example; connect-src https://cdn.example https://historier.fjordvik.example; img-src https://historier.fjordvik.example"), "{text}");
    assert!(text.contains("<iframe src=\"https://cdn.example/embed.html?feed=https%3A%2F%2Fhistorier.fjordvik.example%2Fresidents.json&amp;audience=colleagues&amp;lang=nn\""), "{text}");
    assert!(text.contains("frame-src https://cdn.example"), "{text}");
}

#[test]
fn a_feed_that_is_not_a_url_is_refused() {
    let output = run(&["snippet", "--feed", "residents.json"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("--feed \"residents.json\" is not a full https:// address"),
        "{}",
        stderr(&output)
    );
}
