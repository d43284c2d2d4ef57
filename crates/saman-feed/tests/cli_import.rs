//! `saman-feed import`, run as a program: the WordPress golden file, safety,
//! Atom, URLs and bad input.

mod common;

use std::fs;

use common::*;

#[test]
fn a_wordpress_rss_feed_imports_to_the_golden_json_feed() {
    let output = run(&["import", arg(&fixture("wordpress-rss.xml"))]);
    // 1: one item has no alt text and a repeated item was left out.
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert_golden(&stdout(&output), &fixture("wordpress-rss.expected.json"));
    let notes = stderr(&output);
    assert!(
        notes.contains(
            "item 2 (\"Skolene får nye lesesaler etter ønske fra elevrådene\"): its image has no alt text"
        ),
        "{notes}"
    );
    assert!(notes.contains("item 4 left out: its id \"https://www.fjordvik.kommune.example/?p=4211\" was used by an earlier item"), "{notes}");
}

#[test]
fn nothing_executable_survives_an_import_and_norwegian_text_does() {
    let output = run(&["import", arg(&fixture("wordpress-rss.xml"))]);
    let json = stdout(&output);
    for gone in
        ["<script", "document.cookie", "onerror", "onclick", "alert", "javascript:", "<iframe", "<style"]
    {
        assert!(!json.contains(gone), "{gone} survived");
    }
    for kept in ["Åse Bøe", "Sofie Ødegård", "frå", "Nærmiljø", "«Det er første gang vi blir hørt så raskt»"]
    {
        assert!(json.contains(kept), "{kept} is missing");
    }
    let feed: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Published 00:30 Norwegian summer time on 17 May: still 17 May.
    assert_eq!(feed["items"][2]["date_published"], "2026-05-17T00:30:00+02:00");
    assert_eq!(feed["language"], "nn-NO");
}

#[test]
fn the_import_passes_check_apart_from_the_missing_alt_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nyheiter.json");
    let output =
        run(&["import", arg(&fixture("wordpress-rss.xml")), "--out", arg(&out), "--audience", "all"]);
    assert_eq!(code(&output), 1);
    assert_eq!(stdout(&output), "", "with --out nothing goes to standard output");
    assert!(stderr(&output).contains("wrote"), "{}", stderr(&output));
    let json = fs::read_to_string(&out).unwrap();
    assert_eq!(json.matches("\"audience\": \"all\"").count(), 3);
    let check = run(&["check", arg(&out), "--today", "2026-11-28"]);
    assert_eq!(code(&check), 1, "{}", stdout(&check));
    let problems: Vec<String> = stdout(&check).lines().map(str::to_owned).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("$.items[1]._saman.image_alt: image without alt text"), "{problems:?}");
}

#[test]
fn atom_feeds_import_too_with_html_titles_reduced_to_text() {
    let output = run(&["import", arg(&fixture("atom.xml")), "--audience", "colleagues"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let feed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let item = &feed["items"][0];
    assert_eq!(item["title"], "Ny lønnsløsning fra januar");
    assert_eq!(item["url"], "https://intranett.fjordvik.kommune.example/nyheter/lonn");
    assert_eq!(item["_saman"]["audience"], "colleagues");
    assert_eq!(item["content_text"], "Alle ansatte får lønnsslippen i appen.");
    assert!(!stdout(&output).contains("alert"));
}

#[test]
fn an_rss_feed_is_fetched_from_a_url() {
    let rss = fs::read(fixture("wordpress-rss.xml")).unwrap();
    let (base, server) = serve_once(200, "application/rss+xml; charset=UTF-8", &rss);
    let output = run(&["import", &format!("{base}/feed/")]);
    server.join().unwrap();
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let feed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(feed["items"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_input_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let not_a_feed = dir.path().join("side.html");
    fs::write(&not_a_feed, "<!DOCTYPE html><html><body>Ikkje ein feed</body></html>").unwrap();
    let output = run(&["import", arg(&not_a_feed), "--out", arg(&out)]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("not an RSS or Atom feed"), "{}", stderr(&output));
    assert!(!out.exists());

    let output = run(&["import", "no/such/rss.xml"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot read no/such/rss.xml"), "{}", stderr(&output));

    let output = run(&["import", arg(&fixture("atom.xml")), "--audience", "everyone"]);
    assert_eq!(code(&output), 2, "clap refuses unknown audiences");
}
