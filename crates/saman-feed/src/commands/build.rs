//! `saman-feed build STORIES_DIR --out OUT_DIR`: one feed per audience.
//!
//! A folder of Markdown stories becomes three JSON Feed 1.1 files:
//!
//! | file              | stories for                 | for                      |
//! |-------------------|-----------------------------|--------------------------|
//! | `residents.json`  | `residents` and `all`       | the public website       |
//! | `colleagues.json` | `colleagues` and `all`      | the intranet only        |
//! | `all.json`        | every audience              | internal previews        |
//!
//! Separate files are the point: the widget's audience filter is
//! presentation, not access control, so a story that residents must not see
//! must not be in a file residents can fetch. [`build_feeds`] decides which
//! story goes where with [`View::shows`], the same rule the widget uses.
//!
//! The folder holds one `ID.md` per story and, optionally, `_feed.md` (the
//! feed's title and other settings, front matter only); files starting with
//! `_` or `.` are not stories (use them for templates and drafts). A folder
//! of stories alone is enough: without `_feed.md` the title comes from
//! `--title`, else from the folder's name or the stories' language
//! ([`crate::feed_title`]), and one note says how to set it. A build with
//! errors writes nothing; a build writes all three files or none.

use std::cmp::Reverse;
use std::fs;
use std::path::{Path, PathBuf};

use story_feed::{is_language_tag, resolve_http_url, Date, Storyteller, View};

use crate::atomic_write::write_all_atomically;
use crate::failure::{Failure, Outcome};
use crate::feed_title::title_for_folder;
use crate::front_matter::{parse_front_matter, FrontValue};
use crate::json_feed::{to_json, JsonAuthor, JsonFeed, JsonItem, SamanItem};
use crate::markdown::render_markdown;
use crate::story_file::{read_story, Remark, StoryFile};

/// The file with the feed's own settings.
pub const FEED_SETTINGS_FILE: &str = "_feed.md";

/// The files a build writes, and the view each one holds.
pub const FEED_FILES: [(&str, View); 3] =
    [("residents.json", View::Residents), ("colleagues.json", View::Colleagues), ("all.json", View::All)];

/// What `build` needs besides the stories.
#[derive(Clone, Debug)]
pub struct BuildArgs {
    /// The folder of stories.
    pub stories_dir: PathBuf,
    /// Where the feeds are written (and where relative images are looked for).
    pub out_dir: PathBuf,
    /// The URL the feeds will be served from.
    pub base_url: Option<String>,
    /// The feed's title from the command line; it wins over `_feed.md`'s.
    pub title: Option<String>,
    /// The day that decides what has expired.
    pub today: Date,
}

/// The feed-wide settings of `_feed.md`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedSettings {
    /// The feed's title, e.g. "Gode historier frå Fjordvik kommune".
    pub title: String,
    /// The website the stories belong to.
    pub home_page_url: Option<String>,
    /// A sentence about the feed.
    pub description: Option<String>,
    /// The default language of the stories.
    pub language: Option<String>,
}

/// One feed file, ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltFeed {
    /// `residents.json`, `colleagues.json` or `all.json`.
    pub file_name: &'static str,
    /// The view it holds.
    pub view: View,
    /// The document.
    pub json: String,
    /// How many stories it holds.
    pub stories: usize,
}

/// The three feeds, and the ids of the stories left out because they expired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltFeeds {
    /// In the order of [`FEED_FILES`].
    pub feeds: Vec<BuiltFeed>,
    /// Ids of expired stories, sorted.
    pub expired: Vec<String>,
}

/// Builds the three feeds from checked stories. Pure: the same stories,
/// settings, base URL and day give the same bytes, in any input order.
pub fn build_feeds(
    settings: &FeedSettings,
    stories: &[StoryFile],
    base_url: Option<&str>,
    today: Date,
) -> BuiltFeeds {
    let (mut current, expired): (Vec<&StoryFile>, Vec<&StoryFile>) =
        stories.iter().partition(|s| s.expires.is_none_or(|last_day| last_day >= today));
    current.sort_by(|a, b| {
        let key = |s: &StoryFile| (Reverse(s.pinned), Reverse(s.published()), Reverse(s.date.clone()));
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    let items: Vec<JsonItem> = current.iter().map(|story| json_item(story, base_url)).collect();
    let feeds = FEED_FILES
        .iter()
        .map(|&(file_name, view)| {
            let mut feed = JsonFeed::new(settings.title.clone());
            feed.home_page_url = settings.home_page_url.clone();
            feed.feed_url = base_url.and_then(|base| resolve_http_url(base, file_name));
            feed.description = settings.description.clone();
            feed.language = settings.language.clone();
            feed.items = current
                .iter()
                .zip(&items)
                .filter(|(story, _)| view.shows(story.audience))
                .map(|(_, item)| item.clone())
                .collect();
            BuiltFeed { file_name, view, stories: feed.items.len(), json: to_json(&feed) }
        })
        .collect();
    let mut expired: Vec<String> = expired.iter().map(|s| s.id.clone()).collect();
    expired.sort();
    BuiltFeeds { feeds, expired }
}

fn json_item(story: &StoryFile, base_url: Option<&str>) -> JsonItem {
    let body = render_markdown(&story.body, base_url);
    // JSON Feed needs content_text or content_html; a story that is only a
    // summary is its own text.
    let content_text =
        if body.text.is_empty() { story.summary.clone().unwrap_or_default() } else { body.text };
    JsonItem {
        id: story.id.clone(),
        url: story.url.clone(),
        title: Some(story.title.clone()),
        summary: story.summary.clone(),
        content_html: Some(body.html).filter(|html| !html.is_empty()),
        content_text,
        image: story.image.as_deref().map(|image| match base_url {
            Some(base) => resolve_http_url(base, image).unwrap_or_else(|| image.to_owned()),
            None => image.to_owned(),
        }),
        date_published: story.date.clone(),
        authors: story.authors.iter().map(|name| JsonAuthor { name: name.clone() }).collect(),
        tags: story.tags.clone(),
        language: story.language.clone(),
        saman: SamanItem {
            audience: story.audience.as_str(),
            image_alt: story.image_alt.clone(),
            storyteller: story.storyteller.map(Storyteller::as_str),
            storyteller_name: story.storyteller_name.clone(),
            expires: story.expires.map(|d| d.to_string()),
            pinned: story.pinned,
        },
    }
}

/// Runs `build`: reads, checks, and writes the feeds when there are no errors.
pub fn run(args: &BuildArgs) -> Result<Outcome, Failure> {
    let base_url = args.base_url.as_deref().map(normalize_base_url).transpose()?;
    let mut report = Report::default();
    let title = args.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let settings = read_settings(&args.stories_dir, title.is_some(), &mut report)?;
    let paths = story_paths(&args.stories_dir)?;
    if settings.is_none() && paths.is_empty() {
        return Err(Failure::new(format!(
            "{} holds no stories: write one Markdown file per story there (ID.md)",
            args.stories_dir.display()
        )));
    }
    let mut stories = Vec::new();
    for path in paths {
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            report.error(&path, None, "the file name is not UTF-8 text: rename the file".into());
            continue;
        };
        let source = match fs::read_to_string(&path) {
            Ok(source) => source,
            Err(e) => {
                report.error(&path, None, format!("cannot read the story: {e}"));
                continue;
            }
        };
        match read_story(&id, &source) {
            Ok(read) => {
                for warning in read.warnings {
                    report.remark("warning", &path, &warning);
                }
                check_image(
                    &read.story,
                    (&path, read.image_line),
                    &args.out_dir,
                    base_url.as_deref(),
                    &mut report,
                );
                stories.push(read.story);
            }
            Err(errors) => {
                for error in errors {
                    report.remark("error", &path, &error);
                }
            }
        }
    }
    if report.errors > 0 {
        eprintln!(
            "no feeds written: {} error{} in {}",
            report.errors,
            if report.errors == 1 { "" } else { "s" },
            args.stories_dir.display()
        );
        return Ok(Outcome::Errors);
    }
    let settings = match settings {
        Some(settings) => FeedSettings { title: title.map_or(settings.title, str::to_owned), ..settings },
        None => settings_without_file(&args.stories_dir, title, &stories),
    };
    let built = build_feeds(&settings, &stories, base_url.as_deref(), args.today);
    fs::create_dir_all(&args.out_dir)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", args.out_dir.display())))?;
    let files: Vec<(PathBuf, Vec<u8>)> =
        built.feeds.iter().map(|f| (args.out_dir.join(f.file_name), f.json.clone().into_bytes())).collect();
    write_all_atomically(&files)?;
    for feed in &built.feeds {
        println!(
            "wrote {} ({} {})",
            args.out_dir.join(feed.file_name).display(),
            feed.stories,
            plural(feed.stories)
        );
    }
    if !built.expired.is_empty() {
        println!(
            "left out {} expired (before {}): {}",
            built.expired.len(),
            args.today,
            built.expired.join(", ")
        );
    }
    Ok(if report.warnings > 0 { Outcome::Warnings } else { Outcome::Clean })
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        "story"
    } else {
        "stories"
    }
}

/// Counts and prints remarks as `FILE:LINE: error: MESSAGE`.
#[derive(Default)]
struct Report {
    errors: usize,
    warnings: usize,
}

impl Report {
    fn remark(&mut self, severity: &str, path: &Path, remark: &Remark) {
        if severity == "error" {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
        match remark.line {
            Some(line) => eprintln!("{}:{line}: {severity}: {}", path.display(), remark.message),
            None => eprintln!("{}: {severity}: {}", path.display(), remark.message),
        }
    }

    fn error(&mut self, path: &Path, line: Option<usize>, message: String) {
        self.remark("error", path, &Remark { line, message });
    }

    fn warning(&mut self, path: &Path, line: Option<usize>, message: String) {
        self.remark("warning", path, &Remark { line, message });
    }
}

/// The story files of the folder, sorted by name.
fn story_paths(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Failure::new(format!("cannot read the stories folder {}: {e}", dir.display())))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry
            .map_err(|e| Failure::new(format!("cannot read the stories folder {}: {e}", dir.display())))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_markdown = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if is_markdown && !name.starts_with(['_', '.']) && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// The settings of a folder without `_feed.md`: a title, and a note on how
/// to choose it.
fn settings_without_file(dir: &Path, title: Option<&str>, stories: &[StoryFile]) -> FeedSettings {
    let title = match title {
        Some(title) => title.to_owned(),
        None => {
            let title = title_for_folder(dir, stories.iter().filter_map(|s| s.language.as_deref()));
            eprintln!(
                "{}: note: no {FEED_SETTINGS_FILE}, so the feeds are titled {title:?}; to choose the title, pass --title or write {} with:\n---\ntitle: Gode historier frå Fjordvik kommune\nlanguage: nn\n---",
                dir.display(),
                dir.join(FEED_SETTINGS_FILE).display()
            );
            title
        }
    };
    FeedSettings { title, home_page_url: None, description: None, language: None }
}

/// Reads `_feed.md`; `None` when the folder has none. `title_given`: the
/// command line gave the title, so `_feed.md` need not.
fn read_settings(
    dir: &Path,
    title_given: bool,
    report: &mut Report,
) -> Result<Option<FeedSettings>, Failure> {
    let path = dir.join(FEED_SETTINGS_FILE);
    if !dir.is_dir() {
        return Err(Failure::new(format!("{} is not a folder of stories", dir.display())));
    }
    let source = match fs::read_to_string(&path) {
        Ok(source) => source,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Failure::new(format!("cannot read {}: {e}", path.display()))),
    };
    let front = match parse_front_matter(&source) {
        Ok(front) => front,
        Err(e) => {
            report.error(&path, Some(e.line), e.message);
            return Ok(Some(FeedSettings {
                title: String::new(),
                home_page_url: None,
                description: None,
                language: None,
            }));
        }
    };
    let mut settings =
        FeedSettings { title: String::new(), home_page_url: None, description: None, language: None };
    for field in front.fields {
        let FrontValue::Text(value) = field.value else {
            report.error(&path, Some(field.line), format!("`{}` is one value, not a list", field.name));
            continue;
        };
        let value = value.trim().to_owned();
        match field.name.as_str() {
            "title" => settings.title = value,
            "description" => settings.description = Some(value).filter(|v| !v.is_empty()),
            "language" if is_language_tag(&value) => settings.language = Some(value),
            "language" => {
                report.error(&path, Some(field.line), format!("{value:?} is not a language tag (nn, nb, …)"))
            }
            "home_page_url" => match resolve_http_url("", &value) {
                Some(url) => settings.home_page_url = Some(url),
                None => {
                    report.error(&path, Some(field.line), format!("{value:?} is not a full https:// address"))
                }
            },
            other => report.error(
                &path,
                Some(field.line),
                format!(
                    "unknown field `{other}`: the fields are title, description, language, home_page_url"
                ),
            ),
        }
    }
    if settings.title.is_empty() && !title_given {
        report.error(&path, None, "missing `title:` — the feed needs a title (or pass --title)".into());
    }
    Ok(Some(settings))
}

/// A `--base-url` as the folder URL relative paths resolve against.
fn normalize_base_url(base: &str) -> Result<String, Failure> {
    let url = resolve_http_url("", base)
        .ok_or_else(|| Failure::new(format!("--base-url {base:?} is not a full https:// address")))?;
    // Without the slash, "https://k.example/feed" + "bilete/a.png" would
    // resolve beside "feed" instead of inside it.
    Ok(if url.ends_with('/') { url } else { format!("{url}/") })
}

/// Checks that a story's image can be shown: a web address, or a file next
/// to the feed.
fn check_image(
    story: &StoryFile,
    (path, line): (&Path, Option<usize>),
    out_dir: &Path,
    base_url: Option<&str>,
    report: &mut Report,
) {
    let Some(image) = story.image.as_deref() else { return };
    let has_scheme = image.split_once(':').is_some_and(|(scheme, _)| !scheme.contains('/'));
    if has_scheme || image.starts_with("//") {
        match resolve_http_url("https://base.invalid/", image) {
            None => report.error(
                path,
                line,
                format!("the image {image:?} is not an https:// address or a path relative to the feed"),
            ),
            Some(url) if url.starts_with("http://") => report.warning(
                path,
                line,
                format!("the image {image:?} is not https: browsers block it on https pages"),
            ),
            Some(_) => {}
        }
        return;
    }
    if base_url.is_some() || image.starts_with('/') {
        // Served from elsewhere on the web server: nothing local to look at.
        return;
    }
    let file = out_dir.join(image.split(['?', '#']).next().unwrap_or(image));
    match fs::metadata(&file) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => report.error(path, line, format!("the image {image:?} is not a file: {}", file.display())),
        Err(e) => report.error(
            path,
            line,
            format!(
                "cannot read the image {image:?} at {} ({e}); image paths are relative to the feed's folder {}",
                file.display(),
                out_dir.display()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;
    use std::collections::BTreeSet;
    use story_feed::Audience;

    const TODAY: Date = Date { year: 2026, month: 11, day: 28 };

    fn settings() -> FeedSettings {
        FeedSettings {
            title: "Historier".into(),
            home_page_url: None,
            description: None,
            language: Some("nn".into()),
        }
    }

    fn story(id: &str, audience: Audience) -> StoryFile {
        StoryFile {
            id: id.into(),
            title: format!("Tittel {id}"),
            summary: None,
            audience,
            storyteller: None,
            storyteller_name: None,
            image: None,
            image_alt: None,
            date: None,
            tags: vec![],
            authors: vec![],
            language: None,
            pinned: false,
            expires: None,
            url: None,
            body: String::new(),
        }
    }

    fn ids(json: &str) -> Vec<String> {
        let feed: Value = serde_json::from_str(json).unwrap();
        feed["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
    }

    fn feed(built: &BuiltFeeds, view: View) -> &str {
        &built.feeds.iter().find(|f| f.view == view).unwrap().json
    }

    #[test]
    fn pinned_first_then_newest_then_by_id() {
        let mut old_pinned = story("c-pinned", Audience::All);
        old_pinned.pinned = true;
        old_pinned.date = Some("2020-01-01T12:00:00Z".into());
        let mut new = story("b-new", Audience::All);
        new.date = Some("2026-10-14T09:00:00+02:00".into());
        let mut same_day = story("a-new", Audience::All);
        same_day.date = Some("2026-10-14T09:00:00+02:00".into());
        let undated = story("0-undated", Audience::All);
        let built = build_feeds(&settings(), &[undated, new, old_pinned, same_day], None, TODAY);
        assert_eq!(ids(feed(&built, View::All)), ["c-pinned", "a-new", "b-new", "0-undated"]);
    }

    #[test]
    fn expired_stories_are_left_out_and_the_last_day_still_shows() {
        let mut yesterday = story("yesterday", Audience::All);
        yesterday.expires = Some(Date { year: 2026, month: 11, day: 27 });
        let mut today = story("today", Audience::All);
        today.expires = Some(TODAY);
        let built = build_feeds(&settings(), &[yesterday, today], None, TODAY);
        assert_eq!(ids(feed(&built, View::All)), ["today"]);
        assert_eq!(built.expired, ["yesterday"]);
    }

    #[test]
    fn images_resolve_against_the_base_url_or_stay_relative() {
        let mut with_image = story("a", Audience::Residents);
        with_image.image = Some("bilete/a.svg".into());
        let relative = build_feeds(&settings(), std::slice::from_ref(&with_image), None, TODAY);
        assert!(feed(&relative, View::Residents).contains("\"image\": \"bilete/a.svg\""));
        let absolute = build_feeds(&settings(), &[with_image], Some("https://k.example/historier/"), TODAY);
        let residents = feed(&absolute, View::Residents);
        assert!(residents.contains("\"image\": \"https://k.example/historier/bilete/a.svg\""), "{residents}");
        assert!(
            residents.contains("\"feed_url\": \"https://k.example/historier/residents.json\""),
            "{residents}"
        );
    }

    #[test]
    fn base_urls_are_folders() {
        assert_eq!(normalize_base_url("https://k.example/feed").unwrap(), "https://k.example/feed/");
        assert_eq!(normalize_base_url("https://k.example/").unwrap(), "https://k.example/");
        assert!(normalize_base_url("bilete/").is_err());
        assert!(normalize_base_url("ftp://k.example/").is_err());
    }

    fn arbitrary_story() -> impl Strategy<Value = StoryFile> {
        let audience =
            prop_oneof![Just(Audience::Residents), Just(Audience::Colleagues), Just(Audience::All)];
        let day =
            (2025u16..=2027, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| Date { year, month, day });
        (
            audience,
            any::<bool>(),
            proptest::option::of(day.clone()),
            proptest::option::of(day),
            "[a-zæøå ]{0,30}",
        )
            .prop_map(|(audience, pinned, published, expires, body)| {
                let mut s = story("placeholder", audience);
                s.pinned = pinned;
                s.date = published.map(|d| format!("{d}T12:00:00Z"));
                s.expires = expires;
                s.body = body;
                s
            })
    }

    fn arbitrary_stories() -> impl Strategy<Value = Vec<StoryFile>> {
        proptest::collection::vec(arbitrary_story(), 0..25).prop_map(|stories| {
            // File stems are unique within a folder.
            stories
                .into_iter()
                .enumerate()
                .map(|(i, s)| StoryFile { id: format!("historie-{i}"), ..s })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn residents_json_never_contains_a_colleagues_only_story(stories in arbitrary_stories()) {
            let built = build_feeds(&settings(), &stories, None, TODAY);
            let residents: Value = serde_json::from_str(feed(&built, View::Residents)).unwrap();
            for item in residents["items"].as_array().unwrap() {
                prop_assert_ne!(item["_saman"]["audience"].as_str(), Some("colleagues"));
            }
            let colleagues_only: BTreeSet<String> =
                stories.iter().filter(|s| s.audience == Audience::Colleagues).map(|s| s.id.clone()).collect();
            let in_residents: BTreeSet<String> = ids(feed(&built, View::Residents)).into_iter().collect();
            prop_assert!(colleagues_only.is_disjoint(&in_residents));
            // And what the widget reads from it agrees.
            let parsed = story_feed::Feed::parse(feed(&built, View::Residents), "https://k.example/residents.json").unwrap();
            prop_assert!(parsed.skipped.is_empty());
            prop_assert!(parsed.stories.iter().all(|s| s.audience != Audience::Colleagues));
        }

        #[test]
        fn every_feed_holds_exactly_the_current_stories_of_its_view(stories in arbitrary_stories()) {
            let built = build_feeds(&settings(), &stories, None, TODAY);
            for (_, view) in FEED_FILES {
                let expected: BTreeSet<String> = stories
                    .iter()
                    .filter(|s| view.shows(s.audience) && s.expires.is_none_or(|d| d >= TODAY))
                    .map(|s| s.id.clone())
                    .collect();
                let actual: BTreeSet<String> = ids(feed(&built, view)).into_iter().collect();
                prop_assert_eq!(actual, expected);
            }
        }

        #[test]
        fn the_output_does_not_depend_on_the_order_stories_are_read_in(
            (stories, shuffled) in arbitrary_stories().prop_flat_map(|s| (Just(s.clone()), Just(s).prop_shuffle()))
        ) {
            prop_assert_eq!(build_feeds(&settings(), &stories, None, TODAY), build_feeds(&settings(), &shuffled, None, TODAY));
        }
    }
}
