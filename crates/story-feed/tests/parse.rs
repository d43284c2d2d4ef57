//! Reading whole feeds: defaults, skipped items, views and safety.

use story_feed::{
    Audience, Date, Feed, FeedError, NoteKind, SkipReason, Storyteller, View, SUMMARY_MAX_CHARS,
};

const FEED_URL: &str = "https://kommune.example/feeds/historier.json";

fn parse(json: &str) -> Feed {
    Feed::parse(json, FEED_URL).expect("feed parses")
}

fn feed_with_items(items: &str) -> Feed {
    parse(&format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{items}]}}"#))
}

#[test]
fn reads_every_field_of_a_full_item() {
    let feed = parse(
        r#"{
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Historier frå Fjordvik",
        "language": "nn",
        "items": [{
            "id": "helse-1",
            "url": "historier/helse.html",
            "title": "  Ny   helsestasjon ",
            "summary": "Fleire timar for småbarnsforeldre.",
            "content_text": "Lang tekst",
            "image": "bilete/helse.jpg",
            "date_published": "2026-03-14T09:30:00+01:00",
            "authors": [{"name": "Kari Nordmann"}, {"url": "x"}],
            "tags": ["helse", 3, "barn"],
            "language": "nb-NO",
            "_saman": {"audience": "residents", "image_alt": "Ei jordmor vel ein baby", "future": true},
            "unknown_field": {"ignored": [1, 2, 3]}
        }]
    }"#,
    );
    assert_eq!(feed.title.as_deref(), Some("Historier frå Fjordvik"));
    assert!(feed.skipped.is_empty());
    let story = &feed.stories[0];
    assert_eq!(story.id, "helse-1");
    assert_eq!(story.title, "Ny helsestasjon");
    assert_eq!(story.summary, "Fleire timar for småbarnsforeldre.");
    assert_eq!(story.url.as_deref(), Some("https://kommune.example/feeds/historier/helse.html"));
    let image = story.image.as_ref().unwrap();
    assert_eq!(image.src, "https://kommune.example/feeds/bilete/helse.jpg");
    assert_eq!(image.alt, "Ei jordmor vel ein baby");
    assert_eq!(story.published, Some(Date { year: 2026, month: 3, day: 14 }));
    assert_eq!(story.authors, ["Kari Nordmann"]);
    assert_eq!(story.tags, ["helse", "barn"]);
    assert_eq!(story.language.as_deref(), Some("nb-NO"));
    assert_eq!(story.audience, Audience::Residents);
}

#[test]
fn a_story_is_shown_through_its_expiry_date_and_not_after() {
    let feed = feed_with_items(
        r#"
        {"id": "a", "title": "A", "_saman": {"expires": "2026-11-28"}},
        {"id": "b", "title": "B", "_saman": {"expires": "not a date"}},
        {"id": "c", "title": "C"}
    "#,
    );
    let day = |d| Date { year: 2026, month: 11, day: d };
    assert!(!feed.stories[0].is_expired_on(day(28)));
    assert!(feed.stories[0].is_expired_on(day(29)));
    assert!(!feed.stories[1].is_expired_on(day(29)), "an unreadable date never hides a story");
    assert!(!feed.stories[2].is_expired_on(day(29)));
}

#[test]
fn an_item_without_audience_counts_as_all() {
    let feed = feed_with_items(r#"{"id": "a", "title": "A"}"#);
    assert_eq!(feed.stories[0].audience, Audience::All);
}

#[test]
fn the_feed_level_audience_is_the_default_for_its_items() {
    let feed = parse(
        r#"{"_saman": {"audience": "colleagues"}, "language": "nn", "items": [
            {"id": "a", "title": "A"},
            {"id": "b", "title": "B", "_saman": {"audience": "all"}, "language": "en"}
        ]}"#,
    );
    assert_eq!(feed.stories[0].audience, Audience::Colleagues);
    assert_eq!(feed.stories[0].language.as_deref(), Some("nn"));
    assert_eq!(feed.stories[1].audience, Audience::All);
    assert_eq!(feed.stories[1].language.as_deref(), Some("en"));
}

#[test]
fn bad_items_are_skipped_with_reasons_and_good_ones_kept() {
    let feed = feed_with_items(
        r#"
        {"id": "ok-1", "title": "Good"},
        "not an object",
        {"title": "No id"},
        {"id": "   ", "title": "Blank id"},
        {"id": "ok-1", "title": "Duplicate"},
        {"id": "nothing-to-show", "title": "  ", "summary": {"text": "x"}, "url": "https://k.example/n"},
        {"id": "typo", "title": "T", "_saman": {"audience": "colegues"}},
        {"id": "wrong-type", "title": "T", "_saman": {"audience": ["colleagues"]}},
        {"id": "saman-string", "title": "T", "_saman": "colleagues"},
        {"id": 42, "title": "Numeric id", "tags": "not-an-array", "image": 7, "date_published": "yesterday"}
    "#,
    );
    let ids: Vec<_> = feed.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["ok-1", "42"]);
    let reasons: Vec<_> = feed.skipped.iter().map(|s| (s.index, s.reason.clone())).collect();
    assert_eq!(
        reasons,
        [
            (1, SkipReason::NotAnObject),
            (2, SkipReason::MissingId),
            (3, SkipReason::MissingId),
            (4, SkipReason::DuplicateId),
            (5, SkipReason::NoTitleOrText),
            (6, SkipReason::UnknownAudience("colegues".into())),
            (7, SkipReason::UnknownAudience("[\"colleagues\"]".into())),
            (8, SkipReason::UnknownAudience("\"colleagues\"".into())),
        ]
    );
    let numeric = &feed.stories[1];
    assert!(numeric.tags.is_empty() && numeric.image.is_none() && numeric.published.is_none());
    assert_eq!(
        feed.skipped[5].to_string(),
        "item 6 (id \"typo\") skipped: its audience \"colegues\" is not \"residents\", \"colleagues\" or \"all\""
    );
}

#[test]
fn an_unknown_feed_level_audience_skips_the_items_that_rely_on_it() {
    let feed = parse(
        r#"{"_saman": {"audience": "intern"}, "items": [
            {"id": "a", "title": "A"},
            {"id": "b", "title": "B", "_saman": {"audience": "residents"}}
        ]}"#,
    );
    assert_eq!(feed.stories.len(), 1);
    assert_eq!(feed.stories[0].id, "b");
    assert_eq!(feed.skipped[0].reason, SkipReason::UnknownAudience("intern".into()));
}

#[test]
fn views_select_by_audience_and_drop_the_rest() {
    let feed = feed_with_items(
        r#"
        {"id": "r", "title": "R", "_saman": {"audience": "residents"}},
        {"id": "c", "title": "C", "_saman": {"audience": "colleagues"}},
        {"id": "a", "title": "A", "_saman": {"audience": "all"}},
        {"id": "d", "title": "D"}
    "#,
    );
    let ids = |view| feed.clone().into_view(view).into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(View::Residents), ["r", "a", "d"]);
    assert_eq!(ids(View::Colleagues), ["c", "a", "d"]);
    assert_eq!(ids(View::All), ["r", "c", "a", "d"]);
}

#[test]
fn summary_falls_back_to_content_text_then_html_reduced_to_text() {
    let feed = feed_with_items(
        r#"
        {"id": "1", "title": "T", "content_text": "Berre tekst", "content_html": "<p>html</p>"},
        {"id": "2", "title": "T", "content_html": "<p>Hei <script>alert(1)</script><b>&amp; ha det</b></p>"},
        {"id": "3", "title": "T", "summary": "   ", "content_html": "<img src=x onerror=alert(1)>"}
    "#,
    );
    assert_eq!(feed.stories[0].summary, "Berre tekst");
    assert_eq!(feed.stories[1].summary, "Hei & ha det");
    assert_eq!(feed.stories[2].summary, "");
}

#[test]
fn long_summaries_are_cut_for_a_slide() {
    let long = "ord ".repeat(200);
    let feed = feed_with_items(&format!(r#"{{"id": "1", "title": "T", "summary": "{long}"}}"#));
    let summary = &feed.stories[0].summary;
    assert!(summary.chars().count() <= SUMMARY_MAX_CHARS);
    assert!(summary.ends_with('…'));
}

#[test]
fn markup_in_titles_stays_text() {
    let feed = feed_with_items(r#"{"id": "1", "title": "<img src=x onerror=alert(1)> & <b>fet</b>"}"#);
    assert_eq!(feed.stories[0].title, "<img src=x onerror=alert(1)> & <b>fet</b>");
}

#[test]
fn only_http_links_and_images_survive() {
    let feed = feed_with_items(
        r#"
        {"id": "1", "title": "T", "url": "javascript:alert(1)", "image": "data:image/png;base64,AAAA"},
        {"id": "2", "title": "T", "url": "vbscript:x", "external_url": "https://ekstern.example/a", "banner_image": "//cdn.example/b.jpg"},
        {"id": "3", "title": "T", "image": "/bilete/c.jpg"}
    "#,
    );
    assert_eq!(feed.stories[0].url, None);
    assert_eq!(feed.stories[0].image, None);
    assert_eq!(feed.stories[1].url.as_deref(), Some("https://ekstern.example/a"));
    assert_eq!(feed.stories[1].image.as_ref().unwrap().src, "https://cdn.example/b.jpg");
    let image = feed.stories[2].image.as_ref().unwrap();
    assert_eq!(image.src, "https://kommune.example/bilete/c.jpg");
    assert_eq!(image.alt, "", "an image without image_alt is decorative");
}

#[test]
fn invalid_language_tags_are_ignored() {
    let feed = feed_with_items(
        r#"
        {"id": "1", "title": "T", "language": "nynorsk please"},
        {"id": "2", "title": "T", "language": "se"},
        {"id": "3", "title": "T", "language": "\"><script>"}
    "#,
    );
    let langs: Vec<_> = feed.stories.iter().map(|s| s.language.as_deref()).collect();
    assert_eq!(langs, [None, Some("se"), None]);
}

#[test]
fn json_errors_name_line_and_column() {
    let err = Feed::parse("{\n  \"items\": [\n    {\"id\": 1,,}\n  ]\n}", FEED_URL).unwrap_err();
    match &err {
        FeedError::Json { line, column, message } => {
            assert_eq!((*line, *column), (3, 14));
            assert!(!message.contains("line"), "{message}");
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
    assert!(err.to_string().starts_with("invalid JSON at line 3, column 14: "));
}

#[test]
fn documents_that_are_not_feeds_are_refused() {
    assert_eq!(Feed::parse("[]", FEED_URL), Err(FeedError::NotAFeed("the top level is not a JSON object")));
    assert_eq!(
        Feed::parse(r#"{"items": {}}"#, FEED_URL),
        Err(FeedError::NotAFeed("it has no \"items\" array"))
    );
    assert_eq!(Feed::parse(r#"{"rss": 2}"#, FEED_URL), Err(FeedError::NotAFeed("it has no \"items\" array")));
    assert!(matches!(Feed::parse("", FEED_URL), Err(FeedError::Json { .. })));
}

#[test]
fn an_empty_feed_is_a_feed_with_no_stories() {
    let feed = feed_with_items("");
    assert!(feed.stories.is_empty() && feed.skipped.is_empty());
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(Feed::parse(&deep, FEED_URL), Err(FeedError::Json { .. })));
}

#[test]
fn skip_messages_quote_feed_text_so_it_cannot_forge_console_lines() {
    let json = r#"{"items": [
        {"id": "a\"\nsaman-stories: forged", "title": "One"},
        {"id": "a\"\nsaman-stories: forged", "title": "Two"}
    ]}"#;
    let feed = Feed::parse(json, FEED_URL).unwrap();
    let message = feed.skipped[0].to_string();
    assert_eq!(
        message,
        r#"item 1 (id "a\"\nsaman-stories: forged") skipped: an earlier item has the same "id""#
    );
    assert!(!message.contains('\n'));
}

#[test]
fn feed_settings_written_after_the_items_still_apply_to_them() {
    let items = r#""items": [{"id": "1", "title": "A"}, {"id": "2", "title": "B", "language": "en"}]"#;
    let settings = r#""language": "nn", "_saman": {"audience": "colleagues"}"#;
    let before = Feed::parse(&format!("{{{settings}, {items}}}"), FEED_URL).unwrap();
    let after = Feed::parse(&format!("{{{items}, {settings}}}"), FEED_URL).unwrap();
    assert_eq!(before, after);
    assert!(after.stories.iter().all(|s| s.audience == Audience::Colleagues));
    assert_eq!(after.stories[0].language.as_deref(), Some("nn"));
    assert_eq!(after.stories[1].language.as_deref(), Some("en"));
}

#[test]
fn of_several_items_arrays_the_last_one_counts() {
    let json = r#"{"items": [{"id": "1", "title": "First"}], "items": [{"id": "2", "title": "Second"}]}"#;
    let feed = Feed::parse(json, FEED_URL).unwrap();
    assert_eq!(feed.stories.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(), ["Second"]);
    let not_array_last = r#"{"items": [{"id": "1", "title": "First"}], "items": 5}"#;
    assert_eq!(Feed::parse(not_array_last, FEED_URL), Err(FeedError::NotAFeed("it has no \"items\" array")));
}

#[test]
fn an_item_without_a_title_is_shown_with_a_heading_from_its_text() {
    let feed = feed_with_items(
        r#"
        {"id": "1", "summary": "Biblioteket held ope til ti. Kom innom!", "content_text": "Lang tekst"},
        {"id": "2", "title": 7, "content_text": "Ny gangbru over elva"},
        {"id": "3", "content_html": "<p>Hello, <b>world</b>!</p><p>More text.</p>"},
        {"id": "4", "title": "Eigen tittel", "summary": "Samandrag"}
    "#,
    );
    let shown: Vec<_> =
        feed.stories.iter().map(|s| (s.title.as_str(), s.summary.as_str(), s.title_from_text)).collect();
    assert_eq!(
        shown,
        [
            ("Biblioteket held ope til ti", "Kom innom!", true),
            ("Ny gangbru over elva", "", true),
            ("Hello, world!", "More text.", true),
            ("Eigen tittel", "Samandrag", false),
        ]
    );
}

#[test]
fn an_item_without_title_or_text_is_skipped() {
    let feed =
        feed_with_items(r#"{"id": "1", "summary": "  ", "content_html": "<img src=x>", "url": "a.html"}"#);
    assert_eq!(feed.skipped[0].reason, SkipReason::NoTitleOrText);
    assert_eq!(feed.skipped[0].to_string(), r#"item 0 (id "1") skipped: it has no "title""#);
}

#[test]
fn an_item_without_an_id_takes_its_url_with_a_note() {
    let feed = feed_with_items(
        r#"
        {"title": "A", "url": "historier/a.html"},
        {"id": ["x"], "title": "B", "url": "https://k.example/b", "external_url": "https://x.example/"},
        {"title": "C", "url": "javascript:alert(1)", "external_url": "https://x.example/c"},
        {"title": "D", "url": "https://kommune.example/feeds/historier/a.html"}
    "#,
    );
    let ids: Vec<_> = feed.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["https://kommune.example/feeds/historier/a.html", "https://k.example/b"]);
    let notes: Vec<_> = feed.notes.iter().map(|n| (n.index, n.kind.clone())).collect();
    assert_eq!(notes, [(0, NoteKind::UrlAsId), (1, NoteKind::UrlAsId)]);
    assert_eq!(
        feed.notes[0].to_string(),
        r#"item 0 (id "https://kommune.example/feeds/historier/a.html"): it has no "id", so its "url" is its id"#
    );
    let reasons: Vec<_> = feed.skipped.iter().map(|s| (s.index, s.reason.clone())).collect();
    assert_eq!(reasons, [(2, SkipReason::MissingId), (3, SkipReason::DuplicateId)]);
}

#[test]
fn number_ids_are_their_digits_when_whole_and_exact() {
    let feed = feed_with_items(
        r#"
        {"id": 42, "title": "A"},
        {"id": 42.0, "title": "Same id as written differently"},
        {"id": 1e3, "title": "B"},
        {"id": 1.5, "title": "Not a whole number"},
        {"id": 12345678901234567890, "title": "Not exact in JavaScript"}
    "#,
    );
    let ids: Vec<_> = feed.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["42", "1000"]);
    let reasons: Vec<_> = feed.skipped.iter().map(|s| (s.index, s.reason.clone())).collect();
    assert_eq!(
        reasons,
        [(1, SkipReason::DuplicateId), (3, SkipReason::MissingId), (4, SkipReason::MissingId)]
    );
}

#[test]
fn the_storyteller_is_a_kind_and_their_name_is_a_byline() {
    let feed = feed_with_items(
        r#"
        {"id": "1", "title": "A", "_saman": {"storyteller": " Employee ", "storyteller_name": " Anne Li,\n helsesjukepleiar "}},
        {"id": "2", "title": "B", "_saman": {"storyteller": "resident"}},
        {"id": "3", "title": "C", "_saman": {"storyteller": "Anne Li, helsesjukepleiar", "storyteller_name": ["x"]}}
    "#,
    );
    let tellers: Vec<_> =
        feed.stories.iter().map(|s| (s.storyteller, s.storyteller_name.as_deref())).collect();
    assert_eq!(
        tellers,
        [
            (Some(Storyteller::Employee), Some("Anne Li, helsesjukepleiar")),
            (Some(Storyteller::Resident), None),
            (None, None),
        ]
    );
}

#[test]
fn a_feed_level_saman_that_is_not_an_object_skips_only_items_without_an_audience() {
    let feed = parse(
        r#"{"_saman": "colleagues", "items": [
            {"id": "a", "title": "A"},
            {"id": "b", "title": "B", "_saman": {"audience": "residents"}}
        ]}"#,
    );
    assert_eq!(feed.stories.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(feed.skipped[0].reason, SkipReason::UnknownAudience("\"colleagues\"".into()));
}

#[test]
fn half_an_emoji_becomes_a_replacement_character_not_a_failure() {
    let feed = feed_with_items(r#"{"id": "1", "title": "Kaffi \ud83d og kake \ud83c\udf70"}"#);
    assert_eq!(feed.stories[0].title, "Kaffi \u{FFFD} og kake 🍰");
}

#[test]
fn fields_of_the_wrong_type_are_ignored_as_if_absent() {
    let feed = feed_with_items(
        r#"{"id": "1", "title": "T", "summary": {}, "content_text": "Tekst", "url": 7, "external_url": "https://x.example/",
            "image": [], "banner_image": "b.jpg", "authors": "y", "author": {"name": "Kari"}, "tags": "x",
            "language": 5, "date_published": {}, "_saman": {"image_alt": 3, "expires": true, "storyteller": [], "pinned": "ja"}}"#,
    );
    assert!(feed.skipped.is_empty());
    let story = &feed.stories[0];
    assert_eq!(story.summary, "Tekst");
    assert_eq!(story.url.as_deref(), Some("https://x.example/"));
    assert_eq!(
        story.image.as_ref().map(|i| (i.src.as_str(), i.alt.as_str())),
        Some(("https://kommune.example/feeds/b.jpg", ""))
    );
    assert_eq!(story.authors, ["Kari"]);
    assert!(story.tags.is_empty() && story.language.is_none() && story.published.is_none());
    assert!(story.expires.is_none() && story.storyteller.is_none());
}

#[test]
fn json_errors_read_as_the_browser_tests_expect() {
    let not_json = r#"<?xml version="1.0"?><rss><channel><title>RSS</title></channel></rss>"#;
    let malformed = include_str!("../../../tests/fixtures/malformed.json");
    let message = |json| Feed::parse(json, FEED_URL).unwrap_err().to_string();
    assert_eq!(message(not_json), "invalid JSON at line 1, column 1: expected value");
    assert_eq!(message(malformed), "invalid JSON at line 4, column 38: expected value");
    let not_a_feed = include_str!("../../../tests/fixtures/not-a-feed.json");
    assert_eq!(message(not_a_feed), "not a JSON Feed: it has no \"items\" array");
}
