//! A lint that fails the suite if shipped code gains an API that turns
//! strings into markup or code: the widget must only ever set text and
//! attributes, so nothing in a feed can run.
//!
//! Scans the widget (`src/`), the loader (`loader/`), the build hooks
//! (`scripts/build-loader.mjs`, `scripts/build-configurator.mjs`), the feed
//! crate (`crates/story-feed/src/`), and the configurator page and the embed
//! code it writes (`crates/configurator/src/`, `crates/embed-snippet/src/`).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// APIs that parse or run strings as HTML or JavaScript, in Rust (web-sys) and
/// JavaScript spelling.
const FORBIDDEN: [&str; 14] = [
    "inner_html",
    "innerHTML",
    "outer_html",
    "outerHTML",
    "insert_adjacent_html",
    "insertAdjacentHTML",
    "document.write",
    "create_contextual_fragment",
    "createContextualFragment",
    "set_html_unsafe",
    "setHTMLUnsafe",
    "eval(",
    "new Function",
    "DOMParser",
];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "js" | "mjs")) {
            out.push(path);
        }
    }
}

fn shipped_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("scripts/build-loader.mjs"), root.join("scripts/build-configurator.mjs")];
    for dir in
        ["src", "loader", "crates/story-feed/src", "crates/configurator/src", "crates/embed-snippet/src"]
    {
        files_under(&root.join(dir), &mut files);
    }
    files
}

/// Every use of a forbidden API as `file:line: api`.
fn findings(files: &[PathBuf]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            for api in FORBIDDEN {
                if line.contains(api) {
                    found.push(format!("{}:{}: {api}", file.display(), number + 1));
                }
            }
        }
    }
    found
}

#[test]
fn shipped_code_never_injects_markup_or_code() {
    let files = shipped_sources();
    assert!(files.len() > 20, "the scan found too few files: {files:?}");
    assert_eq!(findings(&files), Vec::<String>::new());
}

#[test]
fn the_lint_catches_what_it_looks_for() {
    let dir = std::env::temp_dir().join(format!("saman-lint-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.rs");
    fs::write(&bad, "fn f(e: &web_sys::Element) { e.set_inner_html(\"<b>x</b>\"); }\n").unwrap();
    let found = findings(std::slice::from_ref(&bad));
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found, [format!("{}:1: inner_html", bad.display())]);
}
