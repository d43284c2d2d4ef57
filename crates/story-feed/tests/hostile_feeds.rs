//! Hostile and huge feeds, natively: `Feed::parse` never panics, and what it
//! returns keeps the crate's invariants whatever the input (property tests;
//! proptest keeps failing cases in `proptest-regressions/`), and a 5 MB feed
//! parses.

use std::collections::HashSet;

use proptest::prelude::*;
use serde_json::{json, Value};
use story_feed::{Feed, View};

const FEED_URL: &str = "https://kommune.example/feeds/historier.json";

/// The invariants of lib.rs, checked on any parse result.
fn assert_invariants(feed: &Feed) {
    let mut ids = HashSet::new();
    for story in &feed.stories {
        assert!(!story.id.is_empty() && ids.insert(story.id.clone()), "ids are present and unique");
        assert!(!story.title.is_empty(), "titles are present");
        for url in story.url.iter().chain(story.image.iter().map(|i| &i.src)) {
            assert!(url.starts_with("https://") || url.starts_with("http://"), "{url}");
        }
    }
    for view in [View::Residents, View::Colleagues, View::All] {
        assert!(feed.clone().into_view(view).iter().all(|s| view.shows(s.audience)));
    }
}

/// Any JSON value, nested a few levels, with strings that look like what
/// attackers and sloppy converters write.
fn any_json() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        ".*",
        Just("javascript:alert(1)".to_owned()),
        Just("  java\tscript:x".to_owned()),
        Just("data:text/html,<script>x</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("colleagues".to_owned()),
        Just("residents".to_owned()),
        Just("2026-02-30T10:00:00Z".to_owned()),
        Just("//evil.example/x".to_owned()),
        Just("../../../etc/passwd".to_owned()),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        text.prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("id".to_owned()),
            Just("title".to_owned()),
            Just("url".to_owned()),
            Just("image".to_owned()),
            Just("summary".to_owned()),
            Just("content_html".to_owned()),
            Just("date_published".to_owned()),
            Just("_saman".to_owned()),
            Just("audience".to_owned()),
            Just("image_alt".to_owned()),
            Just("language".to_owned()),
            Just("tags".to_owned()),
            Just("authors".to_owned()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        if let Ok(feed) = Feed::parse(&text, FEED_URL) {
            assert_invariants(&feed);
        }
    }

    #[test]
    fn arbitrary_items_keep_the_invariants(items in prop::collection::vec(any_json(), 0..12), default in any_json()) {
        let document = json!({ "version": "https://jsonfeed.org/version/1.1", "_saman": default, "items": items });
        let feed = Feed::parse(&document.to_string(), FEED_URL).expect("a document with an items array is a feed");
        prop_assert_eq!(feed.stories.len() + feed.skipped.len(), items.len());
        assert_invariants(&feed);
    }
}

#[test]
fn a_five_megabyte_feed_parses() {
    let item = |i: usize| {
        json!({
            "id": format!("story-{i}"),
            "url": format!("historier/{i}.html"),
            "title": format!("Historie nummer {i} om helsestasjonen og biblioteket i bygda"),
            "summary": "Småbarnsforeldre fortel om kveldsope helsestasjon. ".repeat(4),
            "image": format!("bilete/{i}.jpg"),
            "date_published": "2026-10-14T09:00:00+02:00",
            "tags": ["helse", "barn"],
            "_saman": { "audience": if i % 3 < 1 { "colleagues" } else { "residents" }, "image_alt": "Eit bilete" }
        })
    };
    let items: Vec<Value> = (0..12_000).map(item).collect();
    let text = json!({ "version": "https://jsonfeed.org/version/1.1", "items": items }).to_string();
    assert!(text.len() > 5_000_000, "the feed is {} bytes", text.len());
    let feed = Feed::parse(&text, FEED_URL).unwrap();
    assert_eq!(feed.stories.len(), 12_000);
    assert_eq!(feed.into_view(View::Residents).len(), 8_000);
}

/// The kept corpus: hostile and odd feeds found or written while hardening
/// the parser (tests/corpus/). Each parses or fails cleanly, and what parses
/// keeps the invariants. Add a file here for every feed that ever broke.
#[test]
fn the_corpus_parses_or_fails_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        if let Ok(feed) = Feed::parse(&text, FEED_URL) {
            assert_invariants(&feed);
        }
        count += 1;
    }
    assert!(count >= 10, "the corpus has {count} files");
}
