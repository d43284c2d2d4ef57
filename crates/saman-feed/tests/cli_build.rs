//! `saman-feed build`, run as a program: golden files, the demo feeds, and
//! every kind of bad input.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const TODAY: &str = "2026-11-28";
const FEED_FILES: [&str; 3] = ["residents.json", "colleagues.json", "all.json"];

fn build(stories: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", arg(stories), "--out", arg(out), "--today", TODAY];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn the_fixture_stories_build_to_the_golden_feeds() {
    let out = tempfile::tempdir().unwrap();
    let output =
        build(&fixture("stories"), out.path(), &["--base-url", "https://historier.fjordvik.example/feed"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    assert!(
        stdout(&output).contains("left out 1 expired (before 2026-11-28): julemarknad-2025"),
        "{}",
        stdout(&output)
    );
    for file in FEED_FILES {
        let json = fs::read_to_string(out.path().join(file)).unwrap();
        assert_golden(&json, &fixture("stories-expected").join(file));
    }
}

#[test]
fn nothing_executable_survives_a_build() {
    let out = tempfile::tempdir().unwrap();
    build(&fixture("stories"), out.path(), &["--base-url", "https://historier.fjordvik.example/feed/"]);
    let all = fs::read_to_string(out.path().join("all.json")).unwrap();
    for gone in ["<script", "alert", "onerror", "onclick", "javascript:"] {
        assert!(!all.contains(gone), "{gone} survived:\n{all}");
    }
}

#[test]
fn residents_json_holds_no_colleagues_story_and_each_feed_checks_clean() {
    let out = tempfile::tempdir().unwrap();
    build(&fixture("stories"), out.path(), &["--base-url", "https://historier.fjordvik.example/feed/"]);
    let residents = fs::read_to_string(out.path().join("residents.json")).unwrap();
    assert!(!residents.contains("\"colleagues\""));
    assert!(!residents.contains("ny-turnus"));
    for file in FEED_FILES {
        let output = run(&["check", arg(&out.path().join(file)), "--today", TODAY]);
        assert_eq!(code(&output), 0, "{file}: {}", stdout(&output));
    }
}

#[test]
fn the_same_stories_give_the_same_bytes() {
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for out in [&first, &second] {
        fs::create_dir_all(out.path().join("bilete")).unwrap();
        fs::write(out.path().join("bilete/leikeplass.jpg"), b"jpg").unwrap();
        assert_eq!(code(&build(&fixture("stories"), out.path(), &[])), 0);
    }
    for file in FEED_FILES {
        let a = fs::read(first.path().join(file)).unwrap();
        assert_eq!(a, fs::read(second.path().join(file)).unwrap(), "{file}");
        assert!(a.ends_with(b"}\n"), "{file} ends with a newline");
    }
    // Without --base-url, the picture stays relative to the feed.
    let residents = fs::read_to_string(first.path().join("residents.json")).unwrap();
    assert!(residents.contains("\"image\": \"bilete/leikeplass.jpg\""), "{residents}");
}

/// The demo's feeds are built by this tool: they must be exactly what a
/// build of demo/stories gives now.
#[test]
fn the_committed_demo_feeds_are_what_build_produces() {
    let demo = repo_root().join("demo");
    let out = tempfile::tempdir().unwrap();
    // Relative image paths are checked against the output folder.
    fs::create_dir(out.path().join("bilete")).unwrap();
    for entry in fs::read_dir(demo.join("feed/bilete")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), out.path().join("bilete").join(entry.file_name())).unwrap();
    }
    let output = build(&demo.join("stories"), out.path(), &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    for file in FEED_FILES {
        let built = fs::read_to_string(out.path().join(file)).unwrap();
        let committed = fs::read_to_string(demo.join("feed").join(file)).unwrap();
        assert!(
            built == committed,
            "demo/feed/{file} is out of date: run `cargo run -p saman-feed -- build demo/stories --out demo/feed --today {TODAY}`"
        );
    }
}

/// Copies the fixture stories into a fresh folder and applies `change`.
fn stories_with(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(fixture("stories")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    change(dir.path());
    dir
}

const BASE: [&str; 2] = ["--base-url", "https://historier.fjordvik.example/feed/"];

#[test]
fn a_story_without_audience_stops_the_build_and_nothing_is_written() {
    let stories = stories_with(|dir| {
        fs::write(
            dir.join("utan-publikum.md"),
            "---\ntitle: Kven skal sjå denne?\nsummary: Ingen veit.\n---\nTekst\n",
        )
        .unwrap()
    });
    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("residents.json"), "old").unwrap();
    let output = build(stories.path(), out.path(), &BASE);
    assert_eq!(code(&output), 2);
    let errors = stderr(&output);
    assert!(errors.contains("utan-publikum.md:1: error: missing `audience:`"), "{errors}");
    assert!(errors.contains("no feeds written: 1 error"), "{errors}");
    assert_eq!(fs::read_to_string(out.path().join("residents.json")).unwrap(), "old");
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1, "nothing else was written");
}

#[test]
fn a_misspelt_audience_and_bad_front_matter_name_file_and_line() {
    let stories = stories_with(|dir| {
        fs::write(dir.join("skrivefeil.md"), "---\ntitle: T\naudience: colegues\n---\n").unwrap();
        fs::write(dir.join("utan-start.md"), "title: T\naudience: all\n").unwrap();
        fs::write(dir.join("ukjent-felt.md"), "---\ntitle: T\naudience: all\nforfattar: Kari\n---\n")
            .unwrap();
    });
    let out = tempfile::tempdir().unwrap();
    let output = build(stories.path(), out.path(), &BASE);
    assert_eq!(code(&output), 2);
    let errors = stderr(&output);
    assert!(errors.contains("skrivefeil.md:3: error: unknown audience \"colegues\""), "{errors}");
    assert!(
        errors.contains("utan-start.md:1: error: a story starts with a line of three dashes"),
        "{errors}"
    );
    assert!(errors.contains("ukjent-felt.md:4: error: unknown field `forfattar`"), "{errors}");
    assert!(errors.contains("no feeds written: 3 errors"), "{errors}");
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn a_missing_image_file_is_an_error() {
    let out = tempfile::tempdir().unwrap();
    let output = build(&fixture("stories"), out.path(), &[]);
    assert_eq!(code(&output), 2);
    let errors = stderr(&output);
    assert!(
        errors.contains("ny-leikeplass.md:7: error: cannot read the image \"bilete/leikeplass.jpg\""),
        "{errors}"
    );
    assert!(errors.contains("image paths are relative to the feed's folder"), "{errors}");
}

#[test]
fn warnings_still_build_but_exit_with_1() {
    let stories = stories_with(|dir| {
        fs::write(
            dir.join("utan-alt.md"),
            "---\ntitle: T\naudience: all\nimage: https://k.example/a.png\n---\n",
        )
        .unwrap()
    });
    let out = tempfile::tempdir().unwrap();
    let output = build(stories.path(), out.path(), &BASE);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("utan-alt.md:4: warning: the image has no `image_alt:`"),
        "{}",
        stderr(&output)
    );
    assert!(fs::read_to_string(out.path().join("all.json")).unwrap().contains("utan-alt"));
}

#[test]
fn missing_folders_and_settings_are_clear_errors() {
    let out = tempfile::tempdir().unwrap();
    let output = build(Path::new("no/such/stories"), out.path(), &[]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("no/such/stories is not a folder of stories"), "{}", stderr(&output));

    let empty = tempfile::tempdir().unwrap();
    let output = build(empty.path(), out.path(), &[]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("holds no stories"), "{}", stderr(&output));
    assert!(!out.path().join("residents.json").exists());

    let output = build(&fixture("stories"), out.path(), &["--base-url", "historier/"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("--base-url \"historier/\" is not a full https:// address"),
        "{}",
        stderr(&output)
    );
}

/// The fixture stories without `_feed.md`, in a folder called `name`.
fn stories_without_settings(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join(name);
    fs::create_dir(&dir).unwrap();
    for entry in fs::read_dir(fixture("stories")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "_feed.md" {
            fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    (parent, dir)
}

fn feed_title(out: &Path, file: &str) -> String {
    let feed: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join(file)).unwrap()).unwrap();
    feed["title"].as_str().unwrap().to_owned()
}

#[test]
fn a_folder_of_stories_without_feed_settings_builds_with_one_note() {
    let (_parent, dir) = stories_without_settings("kultur-i-fjordvik");
    let out = tempfile::tempdir().unwrap();
    let output = build(&dir, out.path(), &BASE);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let notes = stderr(&output);
    assert_eq!(notes.matches("note:").count(), 1, "{notes}");
    assert!(notes.contains("the feeds are titled \"Kultur i fjordvik\""), "{notes}");
    assert!(notes.contains("--title") && notes.contains("_feed.md"), "{notes}");
    for file in FEED_FILES {
        assert_eq!(feed_title(out.path(), file), "Kultur i fjordvik");
    }
    let check = run(&["check", arg(&out.path().join("all.json")), "--today", TODAY]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
}

#[test]
fn a_generic_folder_name_gives_the_default_title_and_title_sets_it_without_a_note() {
    let (_parent, dir) = stories_without_settings("stories");
    let out = tempfile::tempdir().unwrap();
    let output = build(&dir, out.path(), &BASE);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(feed_title(out.path(), "residents.json"), "Historier");

    let output = build(&dir, out.path(), &[BASE[0], BASE[1], "--title", "Gode historier"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(!stderr(&output).contains("note:"), "{}", stderr(&output));
    assert_eq!(feed_title(out.path(), "colleagues.json"), "Gode historier");
}

#[test]
fn title_on_the_command_line_wins_over_feed_settings() {
    let out = tempfile::tempdir().unwrap();
    let output = build(&fixture("stories"), out.path(), &[BASE[0], BASE[1], "--title", "Frå kommandolinja"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(feed_title(out.path(), "all.json"), "Frå kommandolinja");
    // And _feed.md then need not have a title of its own.
    let stories = stories_with(|dir| fs::write(dir.join("_feed.md"), "---\nlanguage: nn\n---\n").unwrap());
    let output = build(stories.path(), out.path(), &[BASE[0], BASE[1], "--title", "T"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = build(stories.path(), out.path(), &BASE);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("missing `title:`"), "{}", stderr(&output));
}
