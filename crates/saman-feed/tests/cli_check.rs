//! `saman-feed check`, run as a program: exit codes, lines, JSON reports,
//! and feeds fetched from a local server.

mod common;

use std::fs;

use common::*;

const TODAY: &str = "2026-11-28";

/// A feed with one problem of each severity, on known lines.
const FEED_WITH_PROBLEMS: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Historier",
  "items": [
    {
      "id": "ok",
      "title": "Ny leikeplass",
      "content_text": "Tekst",
      "_saman": {"audience": "residents"}
    },
    {
      "id": "ok",
      "title": "Same id again",
      "content_text": "Tekst",
      "image": "http://kommune.example/bilete.png",
      "_saman": {"audience": "all", "image_alt": "Eit bilete"}
    }
  ]
}
"#;

fn write_feed(json: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.json");
    fs::write(&path, json).unwrap();
    let path = arg(&path).to_owned();
    (dir, path)
}

#[test]
fn problems_are_printed_with_file_line_and_path_and_errors_exit_2() {
    let (_dir, path) = write_feed(FEED_WITH_PROBLEMS);
    let output = run(&["check", &path, "--today", TODAY]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stdout(&output),
        format!(
            "{path}:12: error: $.items[1].id: the widget skips this item: an earlier item has the same \"id\" (first used by $.items[0])\n\
             {path}:15: warning: $.items[1].image: image \"http://kommune.example/bilete.png\" is not https: browsers block or upgrade plain http on https pages\n\
             {path}: 2 items, 1 skipped by the widget, 1 error, 1 warning\n"
        )
    );
}

#[test]
fn warnings_only_exit_1_and_a_clean_feed_exits_0() {
    let warnings_only = FEED_WITH_PROBLEMS.replacen(
        "\"id\": \"ok\",\n      \"title\": \"Same",
        "\"id\": \"two\",\n      \"title\": \"Same",
        1,
    );
    let (_dir, path) = write_feed(&warnings_only);
    assert_eq!(code(&run(&["check", &path, "--today", TODAY])), 1);
    let clean = warnings_only.replace("http://kommune", "https://kommune");
    let (_dir, path) = write_feed(&clean);
    let output = run(&["check", &path, "--today", TODAY]);
    assert_eq!(code(&output), 0);
    assert_eq!(stdout(&output), format!("{path}: 2 stories, no problems\n"));
}

#[test]
fn the_json_report_is_machine_readable() {
    let (_dir, path) = write_feed(FEED_WITH_PROBLEMS);
    let output = run(&["check", &path, "--format", "json", "--today", TODAY]);
    assert_eq!(code(&output), 2);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["source"], path.as_str());
    assert_eq!(report["items"], 2);
    assert_eq!(report["stories"], 1);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["problems"][0]["severity"], "error");
    assert_eq!(report["problems"][0]["path"], "$.items[1].id");
    assert_eq!(report["problems"][0]["line"], 12);
    assert_eq!(report["problems"][1]["line"], 15);
}

#[test]
fn unreadable_input_exits_2_with_a_clear_message() {
    let output = run(&["check", "no/such/feed.json"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).starts_with("saman-feed: error: cannot read no/such/feed.json:"),
        "{}",
        stderr(&output)
    );

    let output = run(&["check", "no/such/feed.json", "--format", "json"]);
    assert_eq!(code(&output), 2);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], 1);

    let (_dir, path) = write_feed("{\n  \"items\": [\n    {\"id\": }\n  ]\n}");
    let output = run(&["check", &path]);
    assert_eq!(code(&output), 2);
    assert!(
        stdout(&output).starts_with(&format!("{path}:3: error: $: not valid JSON")),
        "{}",
        stdout(&output)
    );
}

#[test]
fn expiry_is_judged_against_the_given_day() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
{"id": "a", "title": "T", "content_text": "x", "_saman": {"audience": "all", "expires": "2026-11-27"}}]}"#;
    let (_dir, path) = write_feed(feed);
    assert_eq!(code(&run(&["check", &path, "--today", "2026-11-27"])), 0);
    let output = run(&["check", &path, "--today", "2026-11-28"]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains(":2: warning: $.items[0]._saman.expires: expired on 2026-11-27"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_feed_is_fetched_from_a_url_and_its_relative_links_resolve_against_it() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
{"id": "a", "title": "T", "content_text": "x", "image": "bilete/a.png", "_saman": {"audience": "all", "image_alt": "A"}}]}"#;
    let (base, server) = serve_once(200, "application/feed+json", feed.as_bytes());
    let url = format!("{base}/feed.json");
    let output = run(&["check", &url, "--today", TODAY]);
    server.join().unwrap();
    // Served over plain http, the relative image resolves to an http URL.
    assert_eq!(code(&output), 1, "{}{}", stdout(&output), stderr(&output));
    assert!(stdout(&output)
        .contains(&format!("warning: $.items[0].image: image \"{base}/bilete/a.png\" is not https")));
}

#[test]
fn network_failures_and_http_errors_are_clear() {
    let output = run(&["check", "http://127.0.0.1:9/feed.json"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot fetch http://127.0.0.1:9/feed.json"), "{}", stderr(&output));

    let (base, server) = serve_once(404, "text/plain", b"not found");
    let output = run(&["check", &format!("{base}/feed.json")]);
    server.join().unwrap();
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("the server answered HTTP 404"), "{}", stderr(&output));
}
