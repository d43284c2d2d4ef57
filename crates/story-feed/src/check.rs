//! Checking a feed before residents see it.
//!
//! [`Feed::from_document`] is forgiving: it shows what it can and quietly
//! skips the rest. An editor needs the opposite: every problem, where it
//! is, and how bad it is. [`check_feed`] reads the document into the same
//! model the widget uses, so it reports exactly what the widget does:
//!
//! - every item the widget skips is an [`Severity::Error`] that names the
//!   same [`SkipReason`] (its message begins with
//!   [`WIDGET_SKIPS_THIS_ITEM`]), and every [`ItemNote`] is a warning;
//! - then the checks only an editor needs, against JSON Feed 1.1 and the
//!   `_saman` extension. An error is something the widget drops or that
//!   breaks the format, or a story without a declared audience (the widget
//!   would show it to everyone); a [`Severity::Warning`] is something that
//!   still shows, but worse than it should: no alt text, an `http:` image,
//!   a cut summary, a heading made from the text, an expired story, a
//!   language tag or storyteller kind the widget ignores.
//!
//! Each problem carries its JSON path and line ([`Locations`]).

use std::collections::HashMap;
use std::fmt;

use crate::date::Date;
use crate::document::{FeedDocument, ItemDocument, SamanExtension, Text};
use crate::feed::{
    declared_audience, is_language_tag, story_text, Feed, ItemNote, SkipReason, SkippedItem, Story,
    NAME_MAX_CHARS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS,
};
use crate::field::Field;
use crate::json_path::{JsonPath, Locations};
use crate::lone_surrogates::{lone_surrogate_escapes, replace_lone_surrogates};
use crate::storyteller::Storyteller;
use crate::url::resolve_http_url;

/// The `version` of a JSON Feed 1.1 document.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// How the message of every item the widget skips begins.
pub const WIDGET_SKIPS_THIS_ITEM: &str = "the widget skips this item: ";

/// The base for relative links of a feed checked without knowing where it
/// is served: relative links are then taken as fine over https.
const UNKNOWN_FEED_URL: &str = "https://feed.invalid/";

/// How bad a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The story still shows, but worse than it should.
    Warning,
    /// The story is dropped, unsafe or not valid JSON Feed.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// How bad it is.
    pub severity: Severity,
    /// Where it is, e.g. `$.items[3].image`; for a missing field, the path
    /// the field should have.
    pub path: JsonPath,
    /// The 1-based line of the path (or of its nearest existing ancestor).
    pub line: Option<usize>,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

/// What [`check_feed`] needs to know besides the document.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckOptions<'a> {
    /// The URL the feed is served from, to resolve relative links; `None` for
    /// a local file, whose relative links then resolve against the feed's
    /// own `feed_url`, or are taken as fine.
    pub feed_url: Option<&'a str>,
    /// Today's date, to find expired stories; `None` skips that check.
    pub today: Option<Date>,
}

/// The outcome of [`check_feed`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// How many entries `items` has (0 when the document is not a feed).
    pub items: usize,
    /// How many of them the widget shows as stories (in some view).
    pub stories: usize,
    /// Every problem, ordered by line.
    pub problems: Vec<Problem>,
}

impl CheckReport {
    /// How many problems have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }

    /// The severity of the worst problem, `None` for a clean feed.
    pub fn worst(&self) -> Option<Severity> {
        self.problems.iter().map(|p| p.severity).max()
    }
}

/// Checks a feed document against the widget's rules, JSON Feed 1.1 and
/// the `_saman` extension.
pub fn check_feed(json: &str, options: &CheckOptions) -> CheckReport {
    let mut checker = Checker { options, problems: Vec::new() };
    let document = match serde_json::from_str::<FeedDocument>(&replace_lone_surrogates(json)) {
        Ok(document) => document,
        Err(e) => {
            checker.problems.push(Problem {
                severity: Severity::Error,
                path: JsonPath::root(),
                line: Some(e.line()),
                message: format!("not valid JSON (column {}): {e}", e.column()),
            });
            return CheckReport { items: 0, stories: 0, problems: checker.problems };
        }
    };
    for escape in lone_surrogate_escapes(json) {
        let line = 1 + json[..escape].bytes().filter(|&b| b == b'\n').count();
        checker.problems.push(Problem {
            severity: Severity::Warning,
            path: JsonPath::root(),
            line: Some(line),
            message: format!(
                "{} is half of a character (a lone UTF-16 surrogate); readers see \u{FFFD} in its place",
                &json[escape..escape + 6]
            ),
        });
    }
    let (items, stories) = checker.document(document);
    let locations = Locations::scan(json);
    let mut problems = checker.problems;
    for problem in &mut problems {
        if problem.line.is_none() {
            problem.line = locations.line(&problem.path);
        }
    }
    // Stable: problems on one line keep the order they were found in.
    problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    CheckReport { items, stories, problems }
}

/// What the model made of one item.
enum Outcome<'a> {
    Skipped(&'a SkippedItem),
    Kept(&'a Story),
}

struct Checker<'a> {
    options: &'a CheckOptions<'a>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, severity: Severity, path: JsonPath, message: impl Into<String>) {
        self.problems.push(Problem { severity, path, line: None, message: message.into() });
    }

    fn error(&mut self, path: JsonPath, message: impl Into<String>) {
        self.report(Severity::Error, path, message);
    }

    fn warning(&mut self, path: JsonPath, message: impl Into<String>) {
        self.report(Severity::Warning, path, message);
    }

    /// Checks the whole document; returns the number of items and of
    /// stories the widget shows.
    fn document(&mut self, document: FeedDocument) -> (usize, usize) {
        let root = JsonPath::root();
        if !document.is_object {
            self.error(root, "the top level is not a JSON object, so this is not a JSON Feed");
            return (0, 0);
        }
        self.version(&document.version, root.key("version"));
        match &document.title {
            Field::Valid(title) if !title.is_empty() => {}
            Field::Invalid(quoted) => self.error(
                root.key("title"),
                format!("the feed's \"title\" {quoted} is not text: JSON Feed requires a title for the feed"),
            ),
            _ => self.error(root.key("title"), "missing \"title\": JSON Feed requires a title for the feed"),
        }
        self.language(&document.language, root.key("language"));
        self.url(&document.home_page_url, &root, "home_page_url", "link");
        self.url(&document.feed_url, &root, "feed_url", "link");
        let feed_declares_audience = self.feed_audience(&document.saman, &root);
        let items = match &document.items {
            Field::Absent => {
                self.error(root.key("items"), "missing \"items\": a JSON Feed has an array of items");
                return (0, 0);
            }
            Field::Invalid(_) => {
                self.error(root.key("items"), "\"items\" is not an array");
                return (0, 0);
            }
            Field::Valid(items) => items.clone(),
        };
        if items.is_empty() {
            self.warning(root.key("items"), "the feed has no stories");
        }
        // The feed's own address when the check was not told where it is.
        let own_url = document.feed_url.valid().and_then(|url| resolve_http_url("", url));
        let feed_url = self.options.feed_url.map(str::to_owned).or(own_url);
        let Ok(feed) = Feed::from_document(document, feed_url.as_deref().unwrap_or(UNKNOWN_FEED_URL)) else {
            return (items.len(), 0);
        };
        let outcomes = outcomes(&feed, items.len());
        let first_use = first_use_of_ids(&outcomes);
        for (index, (item, outcome)) in items.iter().zip(&outcomes).enumerate() {
            let path = root.key("items").index(index);
            if let Outcome::Skipped(skipped) = outcome {
                self.skipped(skipped, item.valid(), &path, &first_use);
            }
            for note in feed.notes.iter().filter(|note| note.index == index) {
                self.note(note, &path);
            }
            if let Field::Valid(item) = item {
                self.item(item, outcome, &path, feed_declares_audience);
            }
        }
        (items.len(), feed.stories.len())
    }

    fn version(&mut self, version: &Field<String>, at: JsonPath) {
        match version {
            Field::Valid(v) if v == JSON_FEED_VERSION => {}
            Field::Valid(v) if v == "https://jsonfeed.org/version/1" => self.warning(
                at,
                format!(
                    "this is JSON Feed 1.0; the _saman extension is defined for 1.1 ({JSON_FEED_VERSION:?})"
                ),
            ),
            Field::Valid(v) => self.error(
                at,
                format!("unknown version {}: a JSON Feed 1.1 has {JSON_FEED_VERSION:?}", quote(v)),
            ),
            Field::Invalid(quoted) => {
                self.error(at, format!("unknown version {quoted}: a JSON Feed 1.1 has {JSON_FEED_VERSION:?}"))
            }
            Field::Absent => self.error(at, format!("missing \"version\": add {JSON_FEED_VERSION:?}")),
        }
    }

    /// Whether the feed declares an audience for its items (an unknown one
    /// is reported here, once; each item that relies on it is reported as
    /// skipped).
    fn feed_audience(&mut self, saman: &Field<SamanExtension>, root: &JsonPath) -> bool {
        let consequence = "every story without its own audience is skipped by the widget";
        match saman {
            Field::Absent => false,
            Field::Invalid(_) => {
                self.error(root.key("_saman"), format!("\"_saman\" is not an object: {consequence}"));
                true
            }
            Field::Valid(saman) if saman.audience.is_absent() => false,
            Field::Valid(_) => {
                if let Err(name) = declared_audience(saman) {
                    self.error(
                        root.key("_saman").key("audience"),
                        format!(
                            "unknown feed audience {}: {consequence} (use \"residents\", \"colleagues\" or \"all\")",
                            quote(&name)
                        ),
                    );
                }
                true
            }
        }
    }

    /// An item the widget skips: an error naming the widget's reason.
    fn skipped(
        &mut self,
        skipped: &SkippedItem,
        item: Option<&ItemDocument>,
        path: &JsonPath,
        first_use: &HashMap<&str, usize>,
    ) {
        let (at, hint) = match (&skipped.reason, item) {
            (SkipReason::NotAnObject, _) | (_, None) => (path.clone(), String::new()),
            (SkipReason::MissingId, Some(item)) => {
                let written =
                    item.id.invalid().map(|quoted| format!(" ({quoted} is neither text nor a whole number)"));
                (path.key("id"), format!("{}: JSON Feed requires a unique id", written.unwrap_or_default()))
            }
            (SkipReason::DuplicateId, _) => {
                let first = skipped.id.as_deref().and_then(|id| first_use.get(id));
                (
                    path.key("id"),
                    first.map(|first| format!(" (first used by $.items[{first}])")).unwrap_or_default(),
                )
            }
            (SkipReason::NoTitleOrText, _) => (
                path.key("title"),
                " and no summary, content_text or content_html to make one from".to_owned(),
            ),
            (SkipReason::UnknownAudience(_), Some(item)) => match &item.saman {
                Field::Invalid(_) => (path.key("_saman"), ": \"_saman\" is not an object".to_owned()),
                Field::Valid(saman) if !saman.audience.is_absent() => {
                    (path.key("_saman").key("audience"), String::new())
                }
                _ => (path.key("_saman").key("audience"), " (the feed's default, $._saman)".to_owned()),
            },
        };
        self.error(at, format!("{WIDGET_SKIPS_THIS_ITEM}{}{hint}", skipped.reason));
    }

    fn note(&mut self, note: &ItemNote, path: &JsonPath) {
        self.warning(path.key("id"), format!("{}: give it an \"id\" that never changes", note.kind));
    }

    /// The checks of one item that only an editor needs.
    fn item(
        &mut self,
        item: &ItemDocument,
        outcome: &Outcome,
        path: &JsonPath,
        feed_declares_audience: bool,
    ) {
        let skipped_for =
            |reason: fn(&SkipReason) -> bool| matches!(outcome, Outcome::Skipped(s) if reason(&s.reason));
        if item.id.valid().is_some_and(|id| id.was_number) {
            self.warning(path.key("id"), "\"id\" is a number; JSON Feed 1.1 says it is a string");
        }
        self.title(item, outcome, path);
        if !skipped_for(|r| *r == SkipReason::NoTitleOrText)
            && item.title.valid().is_none_or(Text::is_empty)
            && story_text(item).is_none()
        {
            self.error(path.key("title"), "no \"title\" and no text: the widget skips an item with neither");
        }
        self.text_field(&item.summary, path.key("summary"), "summary", SUMMARY_MAX_CHARS);
        self.text_field(&item.content_text, path.key("content_text"), "content_text", usize::MAX);
        if let Some(quoted) = item.content_html.invalid() {
            self.warning(
                path.key("content_html"),
                format!("\"content_html\" {quoted} is not a string; it is ignored"),
            );
        }
        if item.content_html.is_absent() && item.content_text.is_absent() {
            self.warning(
                path.clone(),
                "JSON Feed 1.1 requires \"content_html\" or \"content_text\" in every item",
            );
        }
        if !skipped_for(|r| matches!(r, SkipReason::UnknownAudience(_))) {
            self.audience(item, path, feed_declares_audience);
        }
        self.url(&item.url, path, "url", "link");
        self.url(&item.external_url, path, "external_url", "link");
        self.url(&item.image, path, "image", "image");
        self.url(&item.banner_image, path, "banner_image", "image");
        self.image_alt(item, path);
        self.date(&item.date_published, path.key("date_published"));
        self.date(&item.date_modified, path.key("date_modified"));
        self.language(&item.language, path.key("language"));
        if let Field::Valid(saman) = &item.saman {
            self.saman_extras(saman, &path.key("_saman"));
        }
    }

    /// A long title, or a heading the widget made from the text.
    fn title(&mut self, item: &ItemDocument, outcome: &Outcome, path: &JsonPath) {
        let at = path.key("title");
        if let Field::Valid(title) = &item.title {
            if title.char_count() > TITLE_MAX_CHARS {
                self.warning(
                    at.clone(),
                    format!(
                        "the title is {} characters; a slide shows at most {TITLE_MAX_CHARS} and cuts the rest",
                        title.char_count()
                    ),
                );
            }
        }
        if let Outcome::Kept(story) = outcome {
            if story.title_from_text {
                let written =
                    item.title.invalid().map(|quoted| format!(" ({quoted} is not text)")).unwrap_or_default();
                self.warning(
                    at,
                    format!(
                        "no \"title\"{written}: the slide's heading is made from the text: {}",
                        quote(&story.title)
                    ),
                );
            }
        }
    }

    /// A text member: of the wrong type, or longer than a slide shows.
    fn text_field(&mut self, field: &Field<Text>, at: JsonPath, name: &str, max_chars: usize) {
        match field {
            Field::Invalid(quoted) => {
                self.warning(at, format!("\"{name}\" {quoted} is not a string; it is ignored"))
            }
            Field::Valid(text) if text.char_count() > max_chars => self.warning(
                at,
                format!(
                    "the {name} is {} characters; a slide shows at most {max_chars} and cuts the rest",
                    text.char_count()
                ),
            ),
            _ => {}
        }
    }

    fn audience(&mut self, item: &ItemDocument, path: &JsonPath, feed_declares_audience: bool) {
        let at = path.key("_saman").key("audience");
        match declared_audience(&item.saman) {
            Ok(Some(_)) => {}
            Ok(None) if feed_declares_audience => {}
            Ok(None) => self.error(
                at,
                "missing audience: set _saman.audience to \"residents\", \"colleagues\" or \"all\" (without it the widget shows the story to everyone)",
            ),
            Err(name) => self.error(
                at,
                format!("unknown audience {} (use \"residents\", \"colleagues\" or \"all\")", quote(&name)),
            ),
        }
    }

    /// A link or image: must be `https:` (or relative to an `https:` feed).
    fn url(&mut self, field: &Field<String>, parent: &JsonPath, name: &str, kind: &str) {
        let at = parent.key(name);
        let reference = match field {
            Field::Absent => return,
            Field::Invalid(quoted) => {
                self.warning(at, format!("\"{name}\" {quoted} is not a string; it is ignored"));
                return;
            }
            Field::Valid(reference) => reference,
        };
        let base = self.options.feed_url.unwrap_or(UNKNOWN_FEED_URL);
        match resolve_http_url(base, reference) {
            None => self
                .error(at, format!("{kind} {} is not an http(s) URL; the widget drops it", quote(reference))),
            Some(resolved) if resolved.starts_with("http://") => self.warning(
                at,
                format!(
                    "{kind} {} is not https: browsers block or upgrade plain http on https pages",
                    quote(&resolved)
                ),
            ),
            Some(_) => {}
        }
    }

    fn image_alt(&mut self, item: &ItemDocument, path: &JsonPath) {
        let has_image = item.image.valid().is_some() || item.banner_image.valid().is_some();
        let alt = match &item.saman {
            Field::Valid(saman) => &saman.image_alt,
            _ => &Field::Absent,
        };
        let at = path.key("_saman").key("image_alt");
        match alt {
            Field::Invalid(quoted) => self.warning(at, format!("image_alt {quoted} is not a string; it is ignored")),
            Field::Valid(alt) if !alt.is_empty() => {}
            _ if has_image => self.warning(
                at,
                "image without alt text: describe the picture in _saman.image_alt for readers who cannot see it",
            ),
            _ => {}
        }
    }

    /// A date member; returns the date when it parses.
    fn date(&mut self, field: &Field<String>, at: JsonPath) -> Option<Date> {
        let quoted = match field {
            Field::Absent => return None,
            Field::Valid(date) if is_rfc3339(date) => return Date::parse_rfc3339(date),
            Field::Valid(date) => quote(date),
            Field::Invalid(quoted) => quoted.clone(),
        };
        self.error(
            at,
            format!("the date {quoted} does not parse: use RFC 3339, e.g. \"2026-10-14T09:00:00+02:00\""),
        );
        None
    }

    fn language(&mut self, field: &Field<String>, at: JsonPath) {
        let quoted = match field {
            Field::Absent => return,
            Field::Valid(tag) if is_language_tag(tag.trim()) => return,
            Field::Valid(tag) => quote(tag),
            Field::Invalid(quoted) => quoted.clone(),
        };
        self.warning(
            at,
            format!(
                "language {quoted} is not a valid BCP 47 tag (e.g. \"nn\", \"nb\", \"se\", \"en-GB\"); the widget ignores it"
            ),
        );
    }

    /// `_saman.expires`, `pinned`, `storyteller` and `storyteller_name`.
    fn saman_extras(&mut self, saman: &SamanExtension, at: &JsonPath) {
        if let Some(expires) = self.date(&saman.expires, at.key("expires")) {
            if let Some(today) = self.options.today.filter(|today| expires < *today) {
                self.warning(
                    at.key("expires"),
                    format!("expired on {expires} (today is {today}); the widget no longer shows it; remove it from the feed"),
                );
            }
        }
        if let Some(quoted) = saman.pinned.invalid() {
            self.warning(
                at.key("pinned"),
                format!("\"pinned\" {quoted} is not true or false; it is ignored"),
            );
        }
        let kinds = "\"resident\" or \"employee\"";
        match &saman.storyteller {
            Field::Invalid(quoted) => self.warning(
                at.key("storyteller"),
                format!("\"storyteller\" {quoted} is not a string; it is ignored (use {kinds})"),
            ),
            Field::Valid(kind) if Storyteller::parse(kind).is_none() => self.warning(
                at.key("storyteller"),
                format!(
                    "unknown storyteller {}: the widget ignores it; \"storyteller\" is the kind of person, {kinds}, and their name and role go in \"storyteller_name\"",
                    quote(kind)
                ),
            ),
            _ => {}
        }
        self.text_field(
            &saman.storyteller_name,
            at.key("storyteller_name"),
            "storyteller_name",
            NAME_MAX_CHARS,
        );
    }
}

/// The outcome of every item, by index: the model keeps the stories in
/// feed order, so the items that were not skipped are its stories.
fn outcomes(feed: &Feed, items: usize) -> Vec<Outcome<'_>> {
    let mut skipped = feed.skipped.iter().peekable();
    let mut stories = feed.stories.iter();
    (0..items)
        .filter_map(|index| match skipped.next_if(|s| s.index == index) {
            Some(skipped) => Some(Outcome::Skipped(skipped)),
            None => stories.next().map(Outcome::Kept),
        })
        .collect()
}

/// Where each kept story's id is first used.
fn first_use_of_ids<'a>(outcomes: &[Outcome<'a>]) -> HashMap<&'a str, usize> {
    let mut first_use = HashMap::new();
    for (index, outcome) in outcomes.iter().enumerate() {
        if let Outcome::Kept(story) = outcome {
            first_use.entry(story.id.as_str()).or_insert(index);
        }
    }
    first_use
}

/// Text from the feed as a short JSON string for a message.
fn quote(text: &str) -> String {
    let quoted = serde_json::Value::from(text).to_string();
    if quoted.chars().count() <= 60 {
        quoted
    } else {
        format!("{}…", quoted.chars().take(59).collect::<String>())
    }
}

/// An RFC 3339 date-time (`2026-10-14T09:00:00+02:00`, `…T07:00:00.5Z`), or a
/// plain date (`2026-10-14`), which the widget reads as well.
pub fn is_rfc3339(s: &str) -> bool {
    let s = s.trim();
    if Date::parse_rfc3339(s).is_none() {
        return false;
    }
    let Some(time) = s.get(11..) else {
        return s.len() == 10;
    };
    let digits = |part: Option<&str>, max: u32| {
        part.is_some_and(|p| {
            p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u32>().unwrap_or(99) <= max
        })
    };
    let clock = |t: &str| {
        let bytes = t.as_bytes();
        t.len() == 8
            && bytes[2] == b':'
            && bytes[5] == b':'
            && digits(t.get(0..2), 23)
            && digits(t.get(3..5), 59)
            && digits(t.get(6..8), 60)
    };
    // `get` refuses to cut inside a multi-byte character.
    let (Some(clock_part), Some(rest)) = (time.get(..8), time.get(8..)) else {
        return false;
    };
    if !clock(clock_part) {
        return false;
    }
    let rest = match rest.strip_prefix('.') {
        Some(fraction) => {
            let digits_end = fraction.find(|c: char| !c.is_ascii_digit()).unwrap_or(fraction.len());
            if digits_end == 0 {
                return false;
            }
            &fraction[digits_end..]
        }
        None => rest,
    };
    match rest {
        "Z" | "z" => true,
        offset if offset.len() == 6 && (offset.starts_with('+') || offset.starts_with('-')) => {
            offset.as_bytes()[3] == b':' && digits(offset.get(1..3), 23) && digits(offset.get(4..6), 59)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date { year: 2026, month: 11, day: 28 };

    fn check(json: &str) -> CheckReport {
        check_feed(json, &CheckOptions { feed_url: None, today: Some(TODAY) })
    }

    /// `(severity, path, line)` of every problem.
    fn found(report: &CheckReport) -> Vec<(Severity, String, Option<usize>)> {
        report.problems.iter().map(|p| (p.severity, p.path.to_string(), p.line)).collect()
    }

    fn feed_with_items(items: &str) -> String {
        format!("{{\n\"version\": \"{JSON_FEED_VERSION}\",\n\"title\": \"Historier\",\n\"items\": [\n{items}\n]\n}}\n")
    }

    const GOOD_ITEM: &str = r#"{"id": "a", "title": "Ny leikeplass", "content_text": "Tekst", "image": "https://k.example/a.png", "date_published": "2026-10-14T09:00:00+02:00", "language": "nn", "_saman": {"audience": "residents", "image_alt": "Born på huska", "expires": "2026-11-28"}}"#;

    #[test]
    fn a_good_feed_has_no_problems() {
        let report = check(&feed_with_items(GOOD_ITEM));
        assert_eq!(report.problems, vec![]);
        assert_eq!(report.items, 1);
        assert_eq!(report.worst(), None);
    }

    #[test]
    fn every_problem_has_its_path_and_line() {
        let items = [
            GOOD_ITEM,
            r#"{"title": "Utan id", "content_text": "x", "_saman": {"audience": "residents"}}"#,
            r#"{"id": "a", "title": "Same id", "content_text": "x", "_saman": {"audience": "all"}}"#,
            r#"{"id": "c", "title": "No audience", "content_text": "x"}"#,
            r#"{"id": "d", "title": "Typo", "content_text": "x", "_saman": {"audience": "colegues"}}"#,
            r#"{"id": "e", "title": "Bad picture", "content_text": "x", "image": "http://k.example/e.png", "url": "javascript:alert(1)", "_saman": {"audience": "all"}}"#,
            r#"{"id": "f", "title": "Bad date", "content_text": "x", "date_published": "14.10.2026", "language": "norsk", "_saman": {"audience": "all", "expires": "2026-11-27"}}"#,
        ];
        let report = check(&feed_with_items(&items.join(",\n")));
        let at = |i: usize, rest: &str| format!("$.items[{i}]{rest}");
        use Severity::*;
        assert_eq!(
            found(&report),
            vec![
                (Error, at(1, ".id"), Some(6)),
                (Error, at(2, ".id"), Some(7)),
                (Error, at(3, "._saman.audience"), Some(8)),
                (Error, at(4, "._saman.audience"), Some(9)),
                (Error, at(5, ".url"), Some(10)),
                (Warning, at(5, ".image"), Some(10)),
                (Warning, at(5, "._saman.image_alt"), Some(10)),
                (Error, at(6, ".date_published"), Some(11)),
                (Warning, at(6, ".language"), Some(11)),
                (Warning, at(6, "._saman.expires"), Some(11)),
            ]
        );
        assert_eq!(report.count(Error), 6);
        assert_eq!(report.count(Warning), 4);
        assert_eq!(report.worst(), Some(Error));
        assert!(report.problems[1].message.contains("first used by $.items[0]"));
    }

    #[test]
    fn long_summaries_and_missing_content_are_warnings() {
        let long = "ord ".repeat(SUMMARY_MAX_CHARS / 4 + 1);
        let item =
            format!(r#"{{"id": "a", "title": "T", "summary": "{long}", "_saman": {{"audience": "all"}}}}"#);
        let report = check(&feed_with_items(&item));
        let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(report.worst(), Some(Severity::Warning), "{messages:?}");
        assert_eq!(report.problems.len(), 2, "{messages:?}");
        assert!(messages[1].contains("content_html"), "{messages:?}");
        assert!(
            messages[0].contains(&format!("summary is {} characters", SUMMARY_MAX_CHARS + 3)),
            "{messages:?}"
        );
    }

    #[test]
    fn a_feed_default_audience_covers_its_items_but_an_unknown_one_is_an_error() {
        let feed = |audience: &str| {
            format!(
                r#"{{"version": "{JSON_FEED_VERSION}", "title": "T", "_saman": {{"audience": "{audience}"}}, "items": [{{"id": "a", "title": "T", "content_text": "x"}}]}}"#
            )
        };
        assert_eq!(check(&feed("colleagues")).problems, vec![]);
        let report = check(&feed("everyone"));
        let expected =
            [(Severity::Error, "$._saman.audience"), (Severity::Error, "$.items[0]._saman.audience")];
        assert_eq!(found(&report), expected.map(|(s, path)| (s, path.to_owned(), Some(1))));
        assert_eq!(
            report.problems[1].message,
            format!("{WIDGET_SKIPS_THIS_ITEM}its audience \"everyone\" is not \"residents\", \"colleagues\" or \"all\" (the feed's default, $._saman)")
        );
    }

    #[test]
    fn the_widget_s_leniency_is_reported_as_warnings() {
        let items = [
            r#"{"url": "https://k.example/a", "content_text": "Ein heil setning. Og meir.", "_saman": {"audience": "all"}}"#,
            r#"{"id": "b", "title": ["B"], "content_text": "Tekst", "_saman": {"audience": "all", "storyteller": "Anne Li", "storyteller_name": "Anne Li, helsesjukepleiar"}}"#,
            r#"{"id": 3, "title": "T", "content_text": "\ud83d", "_saman": {"audience": "all", "storyteller": "resident"}}"#,
        ];
        let report = check(&feed_with_items(&items.join(",\n")));
        let at = |i: usize, rest: &str| format!("$.items[{i}]{rest}");
        use Severity::*;
        assert_eq!(
            found(&report),
            vec![
                (Warning, at(0, ".id"), Some(5)),
                (Warning, at(0, ".title"), Some(5)),
                (Warning, at(1, ".title"), Some(6)),
                (Warning, at(1, "._saman.storyteller"), Some(6)),
                (Warning, "$".to_owned(), Some(7)),
                (Warning, at(2, ".id"), Some(7)),
            ]
        );
        let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages[0].starts_with("it has no \"id\", so its \"url\" is its id"), "{messages:?}");
        assert!(messages[1].ends_with("made from the text: \"Ein heil setning\""), "{messages:?}");
        assert!(messages[2].contains(r#"(["B"] is not text)"#), "{messages:?}");
        assert!(messages[3].contains("\"resident\" or \"employee\""), "{messages:?}");
        assert!(messages[4].starts_with("\\ud83d is half of a character"), "{messages:?}");
        assert_eq!(report.stories, 3);
    }

    #[test]
    fn a_feed_saman_that_is_not_an_object_skips_the_items_that_rely_on_it() {
        let json = format!(
            r#"{{"version": "{JSON_FEED_VERSION}", "title": "T", "_saman": "colleagues", "items": [
{{"id": "a", "title": "A", "content_text": "x"}},
{{"id": "b", "title": "B", "content_text": "x", "_saman": {{"audience": "residents"}}}}]}}"#
        );
        let report = check(&json);
        let expected = [(Severity::Error, "$._saman", 1), (Severity::Error, "$.items[0]._saman.audience", 2)];
        assert_eq!(found(&report), expected.map(|(s, path, line)| (s, path.to_owned(), Some(line))));
        assert!(report.problems[0].message.contains("every story without its own audience is skipped"));
        assert!(report.problems[1].message.starts_with(WIDGET_SKIPS_THIS_ITEM));
        assert_eq!((report.items, report.stories), (2, 1));
    }

    #[test]
    fn invalid_json_is_an_error_on_its_line() {
        let report = check("{\n\"items\": [\n{\"id\": }\n]}");
        assert_eq!(found(&report), vec![(Severity::Error, "$".to_owned(), Some(3))]);
        assert!(report.problems[0].message.starts_with("not valid JSON"));
    }

    #[test]
    fn documents_that_are_not_feeds_are_errors() {
        let report = check("[1, 2]");
        assert_eq!(found(&report), vec![(Severity::Error, "$".to_owned(), Some(1))]);
        let report = check(r#"{"title": "T"}"#);
        let paths: Vec<String> = report.problems.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(paths, ["$.version", "$.items"]);
    }

    #[test]
    fn relative_urls_resolve_against_the_feed_url_when_known() {
        let item = r#"{"id": "a", "title": "T", "content_text": "x", "url": "a.html", "_saman": {"audience": "all"}}"#;
        let json = feed_with_items(item);
        assert_eq!(check(&json).problems, vec![]);
        let over_http = CheckOptions { feed_url: Some("http://k.example/feed.json"), today: None };
        let report = check_feed(&json, &over_http);
        assert_eq!(found(&report), vec![(Severity::Warning, "$.items[0].url".to_owned(), Some(5))]);
        assert!(report.problems[0].message.contains("http://k.example/a.html"));
    }

    #[test]
    fn expiry_is_only_checked_when_today_is_known() {
        let item = r#"{"id": "a", "title": "T", "content_text": "x", "_saman": {"audience": "all", "expires": "2020-01-01"}}"#;
        let json = feed_with_items(item);
        assert_eq!(check(&json).count(Severity::Warning), 1);
        assert_eq!(check_feed(&json, &CheckOptions::default()).problems, vec![]);
    }

    #[test]
    fn rfc3339_timestamps_are_recognised() {
        for good in [
            "2026-10-14",
            "2026-10-14T09:00:00Z",
            "2026-10-14T09:00:00.123+02:00",
            "2026-10-14t23:59:60-11:30",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "2026-10-14T",
            "2026-10-14T09:00",
            "2026-10-14T09:00:00",
            "2026-10-14T25:00:00Z",
            "2026-10-14T09:00:00+0200",
            "2026-10-14T09:00:00.Z",
            "2026-02-30T09:00:00Z",
            "2026-10-14Tæøå",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_checked_without_panicking(text in "\\PC{0,200}") {
            let _ = check(&text);
        }

        #[test]
        fn every_line_reported_exists_in_the_document(
            items in proptest::collection::vec(("[a-c]{0,2}", "(residents|colleagues|all|x)?", "[ \n]{0,3}"), 0..8)
        ) {
            let items: Vec<String> = items
                .iter()
                .map(|(id, audience, space)| {
                    format!("{{{space}\"id\": \"{id}\",{space}\"title\": \"T\", \"_saman\": {{\"audience\": \"{audience}\"}}}}")
                })
                .collect();
            let json = feed_with_items(&items.join(",\n"));
            let report = check(&json);
            let lines = json.lines().count();
            for problem in &report.problems {
                let line = problem.line.expect("a parsed document locates every problem");
                proptest::prop_assert!((1..=lines).contains(&line), "{line} of {lines}");
            }
        }
    }
}
