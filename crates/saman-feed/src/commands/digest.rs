//! `saman-feed digest FEED_OR_URL [--view …] [--since DAY | --count N] …`:
//! the newest stories of one view as a newsletter section.
//!
//! Writes the section as email-safe HTML (`--out`, standard output by
//! default) and, with `--text`, its plain-text twin; see [`crate::digest`].
//! Warnings (items the feed could not show, pictures mail programs do not
//! show, a digest without stories) go to standard error, and the exit code
//! is then 1.

use std::io::Write;
use std::path::PathBuf;

use story_feed::{resolve_http_url, Date, Feed, View};

use crate::atomic_write::write_all_atomically;
use crate::digest::language::Language;
use crate::digest::selection::{select_stories, Limit};
use crate::digest::{email_html, plain_text, DigestContent};
use crate::failure::{Failure, Outcome};
use crate::source;

/// Where one of the digest's two forms goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

impl Destination {
    /// `-` is standard output, anything else a file.
    pub fn parse(value: &str) -> Destination {
        if value == "-" {
            Destination::Stdout
        } else {
            Destination::File(PathBuf::from(value))
        }
    }
}

/// What `digest` needs.
#[derive(Clone, Debug)]
pub struct DigestArgs {
    /// The feed: a file or an `http(s)` URL.
    pub feed: String,
    /// Whose stories.
    pub view: View,
    /// How many of the newest.
    pub limit: Limit,
    /// The language of the digest's own words; `None`: the stories'.
    pub language: Option<Language>,
    /// Where every "read more" link leads; `None`: each story's own address.
    pub read_more: Option<String>,
    /// Where the feed is published, for its relative links; `None`: where it
    /// was fetched from.
    pub base_url: Option<String>,
    /// The day that decides what has expired.
    pub today: Date,
    /// Where the HTML goes.
    pub html: Destination,
    /// Where the plain text goes, if anywhere.
    pub text: Option<Destination>,
}

/// Runs `digest`.
pub fn run(args: &DigestArgs) -> Result<Outcome, Failure> {
    let absolute = |option: &str, url: &Option<String>| -> Result<Option<String>, Failure> {
        url.as_deref()
            .map(|u| {
                resolve_http_url("", u)
                    .ok_or_else(|| Failure::new(format!("{option} {u:?} is not a full https:// address")))
            })
            .transpose()
    };
    let read_more = absolute("--read-more", &args.read_more)?;
    let base_url = absolute("--base-url", &args.base_url)?;
    if args.html == Destination::Stdout && args.text == Some(Destination::Stdout) {
        return Err(Failure::new("the HTML and the text cannot both go to standard output: give --out FILE"));
    }

    let source = source::read(&args.feed)?;
    let feed_url = base_url.or_else(|| source.url.clone()).unwrap_or_default();
    let feed =
        Feed::parse(source.text()?, &feed_url).map_err(|e| Failure::new(format!("{}: {e}", args.feed)))?;
    let mut warnings = Vec::new();
    warnings.extend(feed.skipped.iter().map(ToString::to_string));
    let feed_title = feed.title.clone();
    let stories = select_stories(feed, args.view, args.today, args.limit);
    for story in &stories {
        let is_svg = story.image.as_ref().is_some_and(|image| {
            image.src.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase().ends_with(".svg")
        });
        if is_svg {
            warnings.push(format!(
                "the picture of {:?} is SVG, which many mail programs do not show: use JPEG or PNG for newsletters",
                story.title
            ));
        }
    }
    if stories.is_empty() {
        warnings.push(format!("no stories for the view {} in this digest: it says so", args.view));
    }
    let language = args
        .language
        .unwrap_or_else(|| Language::most_common(stories.iter().filter_map(|s| s.language.as_deref())));
    let content = DigestContent::new(feed_title.as_deref(), language, &stories, read_more.as_deref());
    let html = email_html::render(&content);
    let text = args.text.as_ref().map(|destination| (destination, plain_text::render(&content)));

    let mut files = Vec::new();
    let mut to_stdout = None;
    for (destination, document) in std::iter::once((&args.html, html)).chain(text) {
        match destination {
            Destination::File(path) => files.push((path.clone(), document.into_bytes())),
            Destination::Stdout => to_stdout = Some(document),
        }
    }
    for warning in &warnings {
        eprintln!("{}: warning: {warning}", args.feed);
    }
    write_all_atomically(&files)?;
    for (path, _) in &files {
        let count = stories.len();
        eprintln!("wrote {} ({count} {})", path.display(), if count == 1 { "story" } else { "stories" });
    }
    if let Some(document) = to_stdout {
        std::io::stdout()
            .lock()
            .write_all(document.as_bytes())
            .map_err(|e| Failure::new(format!("cannot write to standard output: {e}")))?;
    }
    Ok(if warnings.is_empty() { Outcome::Clean } else { Outcome::Warnings })
}
