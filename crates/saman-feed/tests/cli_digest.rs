//! `saman-feed digest`, run as a program: email-safe structure, the
//! audience guarantee, hostile text, determinism, the plain-text twin, and
//! bad input.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const TODAY: &str = "2026-11-28";
const BASE: [&str; 2] = ["--base-url", "https://fjordvik.kommune.example/historier/"];

/// Runs `digest` on the fixture feed with `extra` options; HTML on stdout.
fn digest(extra: &[&str]) -> std::process::Output {
    digest_on(TODAY, extra)
}

/// The same, made on `day`.
fn digest_on(day: &str, extra: &[&str]) -> std::process::Output {
    let feed = fixture("digest-feed.json");
    let mut args = vec!["digest", arg(&feed), "--today", day, BASE[0], BASE[1]];
    args.extend_from_slice(extra);
    run(&args)
}

/// One start tag: its name and attributes (values unescaped only of `&quot;`).
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`. Every `<` in the digest opens a tag (text is
/// escaped), and every attribute value is in double quotes: anything else
/// fails the scan, and with it the test.
fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("every tag is closed");
        let inside = &after[..close];
        rest = &after[close + 1..];
        if inside.starts_with('/') || inside.starts_with('!') {
            continue;
        }
        let (name, mut attributes_text) = inside.split_once(' ').unwrap_or((inside, ""));
        let mut attributes = Vec::new();
        loop {
            attributes_text = attributes_text.trim_start();
            if attributes_text.is_empty() {
                break;
            }
            let (attribute, value_and_rest) = attributes_text
                .split_once("=\"")
                .unwrap_or_else(|| panic!("unquoted attribute in <{inside}>"));
            let end = value_and_rest.find('"').expect("closing quote");
            attributes.push((attribute.to_ascii_lowercase(), value_and_rest[..end].to_owned()));
            attributes_text = &value_and_rest[end + 1..];
        }
        tags.push(Tag { name: name.to_ascii_lowercase(), attributes });
    }
    tags
}

#[test]
fn the_html_is_email_safe() {
    let output = digest(&["--view", "all", "--count", "10"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = stdout(&output);
    let tags = start_tags(&html);
    assert!(tags.len() > 20, "{html}");
    for tag in &tags {
        assert!(
            !["script", "style", "link", "iframe", "object", "embed", "form", "svg", "base", "div"]
                .contains(&tag.name.as_str()),
            "<{}> in an email",
            tag.name
        );
        for (name, value) in &tag.attributes {
            assert!(!name.starts_with("on"), "event attribute {name} on <{}>", tag.name);
            assert!(name != "class" && name != "id", "{name} needs a stylesheet");
            assert!(!value.to_ascii_lowercase().contains("javascript:"), "{name}={value}");
            if name == "href" || name == "src" {
                assert!(value.starts_with("https://") || value.starts_with("http://"), "{name}={value}");
            }
            if name == "style" {
                assert!(!value.contains("url("), "no external resources in styles: {value}");
            }
        }
    }
    let images: Vec<&Tag> = tags.iter().filter(|t| t.name == "img").collect();
    assert_eq!(images.len(), 2, "the bridge and the culture school have pictures");
    for image in &images {
        assert_eq!(image.get("width"), Some("560"), "{image:?}");
        assert_eq!(image.get("height"), Some("315"), "{image:?}");
        assert!(image.get("alt").is_some(), "{image:?}");
    }
    // Layout in tables that screen readers do not announce.
    let tables: Vec<&Tag> = tags.iter().filter(|t| t.name == "table").collect();
    assert!(!tables.is_empty());
    assert!(tables.iter().all(|t| t.get("role") == Some("presentation")));
    // Dark-mode safe: every cell sets its own background and text colour.
    for cell in tags.iter().filter(|t| t.name == "td") {
        let style = cell.get("style").unwrap_or_default();
        assert!(cell.get("bgcolor").is_some(), "{cell:?}");
        assert!(style.contains("background-color:#") && style.contains(";color:#"), "{cell:?}");
    }
    // Every text element says its colour, so nothing inherits a client's.
    for text in tags.iter().filter(|t| ["h2", "h3", "p", "a"].contains(&t.name.as_str())) {
        assert!(text.get("style").is_some_and(|s| s.contains("color:#")), "{text:?}");
    }
    assert!(html.contains("<meta name=\"color-scheme\" content=\"light\">"));
    assert!(html.contains("<html lang=\"nn\">"));
}

#[test]
fn a_residents_digest_never_holds_a_colleagues_only_story() {
    let residents = stdout(&digest(&["--view", "residents", "--count", "100"]));
    assert!(!residents.contains("COLLEAGUES-ONLY"), "{residents}");
    assert!(!residents.contains("intranett"), "{residents}");
    for shown in ["RESIDENTS-1", "ALL-1", "RESIDENTS-UNDATED", "HOSTILE"] {
        assert!(residents.contains(shown), "{shown} is missing");
    }
    let colleagues = stdout(&digest(&["--view", "colleagues", "--count", "100"]));
    assert!(
        colleagues.contains("COLLEAGUES-ONLY Ny lønnsløysing") && colleagues.contains("COLLEAGUES-ONLY-2")
    );
    assert!(!colleagues.contains("RESIDENTS-"), "{colleagues}");
    // The default view is the residents'.
    assert!(!stdout(&digest(&["--count", "100"])).contains("COLLEAGUES-ONLY"));
}

#[test]
fn expired_stories_are_left_out_and_the_newest_come_first() {
    let html = stdout(&digest(&["--view", "all", "--count", "100"]));
    assert!(!html.contains("EXPIRED"), "expired on 2026-11-27");
    let order: Vec<usize> =
        ["COLLEAGUES-ONLY Ny", "HOSTILE", "ALL-1", "COLLEAGUES-ONLY-2", "RESIDENTS-1", "RESIDENTS-UNDATED"]
            .iter()
            .map(|title| html.find(title).unwrap_or_else(|| panic!("{title} missing")))
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // The day before, the expired story is still current, and the newest.
    let earlier = stdout(&digest_on("2026-11-27", &["--view", "all", "--count", "1"]));
    assert!(earlier.contains("EXPIRED"));
}

#[test]
fn count_and_since_choose_how_many() {
    let two = stdout(&digest(&["--view", "all", "--count", "2"]));
    assert_eq!(two.matches("<h3").count(), 2);
    let since = stdout(&digest(&["--view", "all", "--since", "2026-11-02"]));
    assert_eq!(since.matches("<h3").count(), 3, "20 Nov, 18 Nov, 2 Nov");
    assert!(!since.contains("RESIDENTS-UNDATED"));
    let default = stdout(&digest(&["--view", "all"]));
    assert_eq!(default.matches("<h3").count(), 5);
    let clash = digest(&["--since", "2026-11-01", "--count", "2"]);
    assert_eq!(code(&clash), 2, "clap refuses both");
}

#[test]
fn hostile_text_stays_text() {
    // The HTML goes to a file of its own: the twin alone is on stdout.
    let dir = tempfile::tempdir().unwrap();
    let html_file = dir.path().join("digest.html");
    let output = digest(&["--count", "100", "--text", "-", "--out", html_file.to_str().unwrap()]);
    let text = stdout(&output);
    let html = stdout(&digest(&["--count", "100"]));
    assert!(!html.contains("<script") && !html.contains("<b>") && !html.contains("<img src=x"), "{html}");
    assert!(
        html.contains("HOSTILE &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39;")
    );
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"), "{html}");
    assert!(
        html.contains("href=\"https://fjordvik.kommune.example/historier/x?a=1&amp;b=&quot;2&quot;\""),
        "{html}"
    );
    // The javascript: "picture" never became one.
    assert!(!html.contains("alert(4)"));
    // In the twin, the same text is just text.
    assert!(text.contains("HOSTILE <script>alert(1)</script> \"quoted\" 'single'"), "{text}");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let runs: Vec<(Vec<u8>, Vec<u8>)> = (0..2)
        .map(|i| {
            let html = dir.path().join(format!("digest-{i}.html"));
            let text = dir.path().join(format!("digest-{i}.txt"));
            let output = digest(&["--view", "all", "--out", arg(&html), "--text", arg(&text)]);
            assert_eq!(code(&output), 0, "{}", stderr(&output));
            assert!(output.stdout.is_empty(), "files only");
            (fs::read(&html).unwrap(), fs::read(&text).unwrap())
        })
        .collect();
    assert_eq!(runs[0], runs[1]);
    // And what goes to standard output is the same document.
    assert_eq!(digest(&["--view", "all"]).stdout, runs[0].0);
    assert!(!String::from_utf8_lossy(&runs[0].0).contains("2026-11-28"), "no run date in the output");
}

#[test]
fn the_plain_text_twin_tells_the_same_stories() {
    let dir = tempfile::tempdir().unwrap();
    let text_path = dir.path().join("digest.txt");
    let html = stdout(&digest(&["--view", "residents", "--text", arg(&text_path)]));
    let text = fs::read_to_string(&text_path).unwrap();
    assert!(
        text.starts_with("Gode historier frå Fjordvik kommune\n===================================\n"),
        "{text}"
    );
    for title in
        ["HOSTILE", "ALL-1 Kulturskulen samlar barn frå tolv land", "RESIDENTS-1 Den nye brua er open"]
    {
        assert!(text.contains(title), "{title} missing from {text}");
    }
    assert_eq!(text.matches("Les heile historia:").count(), html.matches(">Les heile historia</a>").count());
    assert!(text.contains("Les heile historia: https://fjordvik.kommune.example/historier/kultur"), "{text}");
    assert!(text.contains("2. november 2026"), "{text}");
    assert!(text.lines().all(|line| line.chars().count() <= 72), "{text}");
    assert!(!text.contains("<h3") && !text.contains("<p"), "no markup in the twin");
}

#[test]
fn the_words_are_in_the_chosen_language() {
    let english = stdout(&digest(&["--lang", "en", "--view", "all"]));
    assert!(english.contains("<html lang=\"en\">") && english.contains(">Read the whole story</a>"));
    assert!(english.contains("20 November 2026"), "{english}");
    assert!(!english.contains("Les heile"));
    let bokmal = stdout(&digest(&["--lang", "nb-NO"]));
    assert!(bokmal.contains(">Les hele historien</a>") && bokmal.contains("<html lang=\"nb\">"));
    // The culture school story is written in bokmål, the others in the
    // feed's nynorsk: a story's cell names its language when the digest's
    // words are in another.
    let nynorsk = stdout(&digest(&["--view", "all"]));
    assert_eq!(nynorsk.matches("<td lang=\"nb\"").count(), 1, "{nynorsk}");
    assert!(!nynorsk.contains("<td lang=\"nn\""));
    assert!(!bokmal.contains("<td lang=\"nb\"") && bokmal.contains("<td lang=\"nn\""));
    assert_eq!(code(&digest(&["--lang", "de"])), 2);
}

#[test]
fn read_more_points_every_link_to_one_page() {
    let html =
        stdout(&digest(&["--view", "all", "--read-more", "https://fjordvik.kommune.example/nyhendebrev"]));
    let hrefs: Vec<String> =
        start_tags(&html).into_iter().filter_map(|t| t.get("href").map(str::to_owned)).collect();
    assert!(!hrefs.is_empty());
    assert!(hrefs.iter().all(|h| h == "https://fjordvik.kommune.example/nyhendebrev"), "{hrefs:?}");
    let bad = digest(&["--read-more", "javascript:alert(1)"]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("--read-more \"javascript:alert(1)\" is not a full https:// address"));
}

#[test]
fn a_feed_is_read_from_a_url_as_check_reads_it() {
    let json = fs::read(fixture("digest-feed.json")).unwrap();
    let (base, server) = serve_once(200, "application/feed+json", &json);
    let output = run(&["digest", &format!("{base}/historier/all.json"), "--today", TODAY, "--view", "all"]);
    server.join().unwrap();
    let html = stdout(&output);
    // The relative picture resolves against the address the feed came from.
    assert!(html.contains(&format!("src=\"{base}/historier/bilete/kultur.jpg\"")), "{html}");
}

#[test]
fn bad_input_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("digest.html");
    let output = run(&["digest", "no/such/feed.json", "--out", arg(&out)]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot read no/such/feed.json"), "{}", stderr(&output));
    let broken = dir.path().join("broken.json");
    fs::write(&broken, "{\"items\": [").unwrap();
    let output = run(&["digest", arg(&broken), "--out", arg(&out)]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("invalid JSON"), "{}", stderr(&output));
    assert!(!out.exists());
    let both = digest(&["--text", "-"]);
    assert_eq!(code(&both), 2);
    assert!(stderr(&both).contains("cannot both go to standard output"));
}

#[test]
fn an_empty_digest_says_so_and_warns() {
    let output = digest(&["--since", "2030-01-01", "--lang", "nn"]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("Ingen nye historier denne gongen."));
    assert!(stderr(&output).contains("no stories"), "{}", stderr(&output));
}

#[test]
fn the_demo_feed_makes_a_digest_with_a_warning_about_svg_pictures() {
    let feed = repo_root().join("demo/feed/residents.json");
    let output = run(&["digest", arg(&feed), "--today", TODAY, BASE[0], BASE[1]]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("is SVG, which many mail programs do not show"), "{}", stderr(&output));
    assert_eq!(stdout(&output).matches("<h3").count(), 5);
    assert!(Path::new(&feed).exists());
}
