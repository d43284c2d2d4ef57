//! Hostile and huge feeds, natively: `Feed::parse` never panics, and what it
//! returns keeps the crate's invariants whatever the input (property tests;
//! proptest keeps failing cases in `proptest-regressions/`); `check_feed`
//! reports exactly the items `Feed::parse` skips; a 5 MB feed parses.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::{json, Value};
use story_feed::{check_feed, CheckOptions, Feed, FeedError, View, MAX_DEPTH};

const FEED_URL: &str = "https://kommune.example/feeds/historier.json";

/// The invariants of lib.rs, checked on any parse result.
fn assert_invariants(feed: &Feed) {
    let mut ids = HashSet::new();
    for story in &feed.stories {
        assert!(!story.id.is_empty() && ids.insert(story.id.clone()), "ids are present and unique");
        assert!(!story.title.is_empty(), "titles are present");
        assert!(story.title.chars().count() <= story_feed::TITLE_MAX_CHARS);
        assert!(story.summary.chars().count() <= story_feed::SUMMARY_MAX_CHARS);
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
    fn check_and_the_widget_agree_on_generated_items(
        items in prop::collection::vec(generated_item(), 0..8),
        default in prop_oneof![Just(Value::Null), Just(json!({"audience": "colleagues"})), Just(json!({"audience": "x"})), Just(json!(["all"]))],
    ) {
        let document = json!({ "version": "https://jsonfeed.org/version/1.1", "title": "T", "_saman": default, "items": items });
        assert_check_agrees(&serde_json::to_string_pretty(&document).unwrap());
    }

    #[test]
    fn arbitrary_items_keep_the_invariants(items in prop::collection::vec(any_json(), 0..12), default in any_json()) {
        let document = json!({ "version": "https://jsonfeed.org/version/1.1", "_saman": default, "items": items });
        let feed = Feed::parse(&document.to_string(), FEED_URL).expect("a document with an items array is a feed");
        prop_assert_eq!(feed.stories.len() + feed.skipped.len(), items.len());
        assert_invariants(&feed);
        assert_check_agrees(&document.to_string());
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

/// Every feed file the tests keep: the hostile and odd feeds found or
/// written while hardening the parser (`tests/corpus/`), and the fixtures
/// the browser tests serve (`tests/fixtures/` at the top of the repository,
/// read from there rather than copied).
fn corpus() -> Vec<PathBuf> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = [crate_dir.join("tests/corpus"), crate_dir.join("../../tests/fixtures")]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

/// Each file of the corpus parses or fails cleanly, and what parses keeps
/// the invariants. Add a file to `tests/corpus/` for every feed that ever
/// broke.
#[test]
fn the_corpus_parses_or_fails_cleanly() {
    let files = corpus();
    for path in &files {
        if let Ok(feed) = Feed::parse(&read(path), FEED_URL) {
            assert_invariants(&feed);
        }
    }
    assert!(files.len() >= 14, "the corpus has {} files", files.len());
}

/// The items `Feed::parse` skips, by index.
fn skipped_by_the_widget(json: &str) -> BTreeSet<usize> {
    Feed::parse(json, FEED_URL).map(|feed| feed.skipped.iter().map(|s| s.index).collect()).unwrap_or_default()
}

/// The items `check_feed` reports as skipped, by index, each with a message
/// that names the widget's reason.
fn skipped_by_the_check(json: &str) -> BTreeSet<usize> {
    let options = CheckOptions { feed_url: Some(FEED_URL), today: None };
    let report = check_feed(json, &options);
    let mut skipped = BTreeSet::new();
    for problem in
        report.problems.iter().filter(|p| p.message.starts_with(story_feed::WIDGET_SKIPS_THIS_ITEM))
    {
        let path = problem.path.to_string();
        let index = path.strip_prefix("$.items[").and_then(|rest| rest.split(']').next()?.parse().ok());
        let index = index.unwrap_or_else(|| panic!("a skipped item is reported at {path}"));
        assert!(skipped.insert(index), "item {index} is reported as skipped twice");
    }
    skipped
}

/// Check and widget agree on which items are stories, and check names the
/// widget's own reason and notes.
fn assert_check_agrees(json: &str) {
    assert_eq!(skipped_by_the_check(json), skipped_by_the_widget(json), "{json}");
    let Ok(feed) = Feed::parse(json, FEED_URL) else { return };
    let report = check_feed(json, &CheckOptions { feed_url: Some(FEED_URL), today: None });
    for skipped in &feed.skipped {
        let reason = skipped.reason.to_string();
        let at = format!("$.items[{}]", skipped.index);
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.path.to_string().starts_with(&at) && p.message.contains(&reason)),
            "check names {reason:?} for {at}"
        );
    }
    for note in &feed.notes {
        let at = format!("$.items[{}]", note.index);
        let kind = note.kind.to_string();
        assert!(
            report.problems.iter().any(|p| p.path.to_string().starts_with(&at) && p.message.contains(&kind)),
            "check warns {kind:?} for {at}"
        );
    }
    assert_eq!(report.stories, feed.stories.len());
}

#[test]
fn check_and_the_widget_agree_on_the_corpus() {
    for path in corpus() {
        assert_check_agrees(&read(&path));
    }
}

/// The widget may fill the document from the browser's `JSON.parse`
/// instead of serde_json; another deserializer (here a `serde_json::Value`,
/// which, like serde-wasm-bindgen, has no depth limit of its own and gives
/// whole numbers as floats or integers as it likes) reads the same feed.
#[test]
fn another_deserializer_gives_the_same_feed() {
    use serde::Deserialize;
    for path in corpus() {
        let text = read(&path);
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        let document = story_feed::FeedDocument::deserialize(value).unwrap();
        assert_eq!(
            Feed::from_document(document, FEED_URL),
            Feed::parse(&text, FEED_URL),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_json_feed_example_shape_shows_every_story() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/microblog.json");
    let feed = Feed::parse(&read(&path), FEED_URL).unwrap();
    let titles: Vec<&str> = feed.stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Items need no title", "Hello, world!", "This item has no id, so its url is its id"]);
    assert!(feed.stories.iter().all(|s| s.title_from_text));
    assert_eq!(
        feed.stories[0].summary,
        "This one is plain text, and its first sentence becomes its heading."
    );
    assert_eq!(feed.stories[2].id, "https://example.org/initial-post");
    assert!(feed.skipped.is_empty());
    assert_eq!(
        feed.notes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [r#"item 2 (id "https://example.org/initial-post"): it has no "id", so its "url" is its id"#]
    );
}

/// Nesting beyond the limit fails the document wherever it is, even in a
/// member nobody reads; at the limit it parses.
#[test]
fn nesting_is_limited_everywhere_in_the_document() {
    // The document, `items` and the item are three levels.
    let nested = |levels: usize| {
        format!(
            "{{\"items\": [{{\"id\": \"a\", \"title\": \"A\", \"unknown\": {}1{}}}]}}",
            "[".repeat(levels),
            "]".repeat(levels)
        )
    };
    assert_eq!(Feed::parse(&nested(MAX_DEPTH - 3), FEED_URL).unwrap().stories.len(), 1);
    match Feed::parse(&nested(MAX_DEPTH - 2), FEED_URL) {
        Err(FeedError::Json { message, .. }) => assert_eq!(message, "recursion limit exceeded"),
        other => panic!("expected the recursion limit, got {other:?}"),
    }
    let deep_item = format!("{{\"items\": [{}{}]}}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert!(matches!(Feed::parse(&deep_item, FEED_URL), Err(FeedError::Json { .. })));
}

/// One item, of the kinds an editor or a converter writes, right or wrong.
fn generated_item() -> impl Strategy<Value = Value> {
    let id = prop_oneof![
        Just(Value::Null),
        Just(json!("a")),
        Just(json!("b")),
        Just(json!(" ")),
        Just(json!(7)),
        Just(json!(7.5)),
        Just(json!(["a"]))
    ];
    let title =
        prop_oneof![Just(Value::Null), Just(json!("Tittel")), Just(json!("  ")), Just(json!({"t": 1}))];
    let text = prop_oneof![
        Just(Value::Null),
        Just(json!("Ei setning. Og ei til.")),
        Just(json!("")),
        Just(json!(3))
    ];
    let html = prop_oneof![Just(Value::Null), Just(json!("<p>Hei</p>")), Just(json!("<img src=x>"))];
    let url =
        prop_oneof![Just(Value::Null), Just(json!("a.html")), Just(json!("javascript:x")), Just(json!(5))];
    let saman = prop_oneof![
        Just(Value::Null),
        Just(json!({"audience": "residents"})),
        Just(json!({"audience": "colegues"})),
        Just(json!({"audience": 42})),
        Just(json!("all")),
        Just(json!({"storyteller": "Anne", "storyteller_name": 5})),
    ];
    let shape = prop_oneof![8 => Just(true), 1 => Just(false)];
    (shape, id, title, text, html, url, saman).prop_map(|(object, id, title, text, html, url, saman)| {
        if !object {
            return json!([id]);
        }
        let mut item = serde_json::Map::new();
        for (key, value) in [
            ("id", id),
            ("title", title),
            ("summary", text),
            ("content_html", html),
            ("url", url),
            ("_saman", saman),
        ] {
            if !value.is_null() {
                item.insert(key.to_owned(), value);
            }
        }
        Value::Object(item)
    })
}
