//! `import` on feeds nobody on this project wrote.
//!
//! The test wants a folder of real feeds captured from public sites, with
//! RSS, Atom and RDF files in `rss/` and JSON Feed files in `jsonfeed/`
//! (broken ones included). It looks for it in `SAMAN_REALWORLD_DIR`, or else
//! in `shared/realworld` beside the repository's folder. The feeds are not
//! part of the repository (their content belongs to the sites that published
//! them); when the folder is missing the test says it skipped, and passes.
//!
//! Every file is imported and summed up in one line: the number of stories,
//! how many have a date, a picture or no title, and the number of warnings;
//! or the error. The lines are compared with `tests/realworld.expected`.
//! After an intended change, run
//! `SAMAN_BLESS=1 cargo test -p saman-feed --test realworld_corpus` and
//! review the diff of that file.
//!
//! For JSON Feed files the test also checks that ids and RFC 3339 dates come
//! through as the source wrote them.
//!
//! Each quirk of these files that matters has a small fixture of our own in
//! `tests/import_quirks.rs`, which always runs.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use saman_feed::import::{convert, Imported};
use serde_json::Value;
use story_feed::{is_rfc3339, Audience};

const EXPECTED: &str = "tests/realworld.expected";

fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SAMAN_REALWORLD_DIR") {
        return PathBuf::from(dir);
    }
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    repository.join("..").join("shared").join("realworld")
}

/// The corpus's feed files, as paths relative to it, sorted.
fn feed_files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for kind in ["rss", "jsonfeed"] {
        let Ok(entries) = fs::read_dir(dir.join(kind)) else { continue };
        for entry in entries.flatten() {
            if entry.path().is_file() {
                files.push(format!("{kind}/{}", entry.file_name().to_string_lossy()));
            }
        }
    }
    files.sort();
    files
}

fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// One line about one imported file.
fn summary(name: &str, result: &Result<Imported, String>) -> String {
    match result {
        Err(error) => format!("{name}: error: {error}"),
        Ok(imported) => {
            let items = &imported.feed.items;
            let count = |keep: &dyn Fn(&saman_feed::json_feed::JsonItem) -> bool| {
                items.iter().filter(|i| keep(i)).count()
            };
            format!(
                "{name}: {} ({} dated, {} with a picture, {} untitled), {}",
                counted(items.len(), "story", "stories"),
                count(&|i| i.date_published.is_some()),
                count(&|i| i.image.is_some()),
                count(&|i| i.title.is_none()),
                counted(imported.notes.len(), "warning", "warnings"),
            )
        }
    }
}

#[test]
fn every_real_world_feed_imports_as_expected() {
    let dir = corpus_dir();
    let files = feed_files(&dir);
    if files.is_empty() {
        println!(
            "skipped: no real-world feeds in {} (set SAMAN_REALWORLD_DIR to a folder with rss/ and jsonfeed/)",
            dir.display()
        );
        return;
    }
    let mut lines = Vec::new();
    for name in &files {
        let bytes = fs::read(dir.join(name)).unwrap();
        let result = convert(&bytes, None, Audience::Residents);
        if let (true, Ok(imported)) = (name.starts_with("jsonfeed/"), &result) {
            assert_ids_and_dates_kept(name, &bytes, imported);
        }
        lines.push(summary(name, &result));
    }
    let actual = lines.join("\n") + "\n";
    let expected_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXPECTED);
    if std::env::var_os("SAMAN_BLESS").is_some() || std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&expected_path, &actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    if actual != expected {
        let expected_lines: Vec<&str> = expected.lines().collect();
        let differences: Vec<String> = actual
            .lines()
            .filter(|line| !expected_lines.contains(line))
            .map(|line| format!("+ {line}"))
            .chain(
                expected_lines
                    .iter()
                    .filter(|line| !actual.lines().any(|a| a == **line))
                    .map(|line| format!("- {line}")),
            )
            .collect();
        panic!(
            "the imports differ from {EXPECTED} (SAMAN_BLESS=1 updates it; review the diff):\n{}",
            differences.join("\n")
        );
    }
    println!("{} real-world feeds imported as expected", files.len());
}

/// Every source item with an id and something to show is imported under
/// that id (unless its id is shared with other items), with its date as
/// written when that is RFC 3339.
fn assert_ids_and_dates_kept(name: &str, bytes: &[u8], imported: &Imported) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let source: Value = serde_json::from_slice(bytes).unwrap();
    let imported_items: HashMap<&str, &saman_feed::json_feed::JsonItem> =
        imported.feed.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let source_items = source["items"].as_array().unwrap();
    let source_id = |item: &Value| match &item["id"] {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let all_ids: Vec<Option<String>> = source_items.iter().map(source_id).collect();
    for (item, id) in source_items.iter().zip(&all_ids) {
        let Some(id) = id else { continue };
        let has_content = ["title", "summary", "content_text", "content_html"]
            .iter()
            .any(|field| item[field].as_str().is_some_and(|s| !s.trim().is_empty()));
        if !has_content || all_ids.iter().filter(|other| other.as_ref() == Some(id)).count() > 1 {
            continue;
        }
        let Some(kept) = imported_items.get(id.as_str()) else {
            panic!("{name}: the item with id {id:?} was not imported under that id");
        };
        if let Some(date) = item["date_published"].as_str().filter(|d| is_rfc3339(d)) {
            assert_eq!(kept.date_published.as_deref(), Some(date.trim()), "{name}: the date of {id:?}");
        }
    }
}
