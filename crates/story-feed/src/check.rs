//! Checking a feed before residents see it.
//!
//! [`Feed::parse`](crate::Feed::parse) is forgiving: it shows what it can and
//! quietly skips the rest. An editor needs the opposite: every problem, where
//! it is, and how bad it is. [`check_feed`] reads the same document against
//! JSON Feed 1.1 and the `_saman` extension and reports each problem with its
//! JSON path and line.
//!
//! - An [`Severity::Error`] is something the widget drops or refuses, or that
//!   breaks the JSON Feed format, or a story without a declared audience
//!   (the widget would show it to everyone).
//! - A [`Severity::Warning`] is something that still shows, but worse than it
//!   should: no alt text, an `http:` image, a summary cut short, an expired
//!   story, a language tag the widget ignores.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::audience::Audience;
use crate::date::Date;
use crate::feed::{is_language_tag, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS};
use crate::json_path::{JsonPath, Locations};
use crate::text::collapse_whitespace;
use crate::url::resolve_http_url;

/// The `version` of a JSON Feed 1.1 document.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

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
    /// a local file, whose relative links are then taken as fine.
    pub feed_url: Option<&'a str>,
    /// Today's date, to find expired stories; `None` skips that check.
    pub today: Option<Date>,
}

/// The outcome of [`check_feed`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// How many entries `items` has (0 when the document is not a feed).
    pub items: usize,
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

/// Checks a feed document against JSON Feed 1.1 and the `_saman` extension.
pub fn check_feed(json: &str, options: &CheckOptions) -> CheckReport {
    let mut checker = Checker { options, problems: Vec::new() };
    let items = match serde_json::from_str::<Value>(json) {
        Ok(document) => checker.document(&document),
        Err(e) => {
            checker.problems.push(Problem {
                severity: Severity::Error,
                path: JsonPath::root(),
                line: Some(e.line()),
                message: format!("not valid JSON (column {}): {e}", e.column()),
            });
            return CheckReport { items: 0, problems: checker.problems };
        }
    };
    let locations = Locations::scan(json);
    let mut problems = checker.problems;
    for problem in &mut problems {
        problem.line = locations.line(&problem.path);
    }
    // Stable: problems on one line keep the order they were found in.
    problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    CheckReport { items, problems }
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

    /// Checks the whole document and returns the number of items.
    fn document(&mut self, document: &Value) -> usize {
        let root = JsonPath::root();
        let Value::Object(feed) = document else {
            self.error(root, "the top level is not a JSON object, so this is not a JSON Feed");
            return 0;
        };
        match feed.get("version") {
            Some(Value::String(v)) if v == JSON_FEED_VERSION => {}
            Some(Value::String(v)) if v == "https://jsonfeed.org/version/1" => self.warning(
                root.key("version"),
                format!(
                    "this is JSON Feed 1.0; the _saman extension is defined for 1.1 ({JSON_FEED_VERSION:?})"
                ),
            ),
            Some(other) => self.error(
                root.key("version"),
                format!("unknown version {}: a JSON Feed 1.1 has {JSON_FEED_VERSION:?}", short(other)),
            ),
            None => {
                self.error(root.key("version"), format!("missing \"version\": add {JSON_FEED_VERSION:?}"))
            }
        }
        if text(feed, "title").is_none() {
            self.error(root.key("title"), "missing \"title\": JSON Feed requires a title for the feed");
        }
        self.language(feed, &root);
        for field in ["home_page_url", "feed_url"] {
            self.url(feed, &root, field, "link");
        }
        let feed_audience = self.feed_audience(feed, &root);
        let Some(items) = feed.get("items") else {
            self.error(root.key("items"), "missing \"items\": a JSON Feed has an array of items");
            return 0;
        };
        let Value::Array(items) = items else {
            self.error(root.key("items"), "\"items\" is not an array");
            return 0;
        };
        if items.is_empty() {
            self.warning(root.key("items"), "the feed has no stories");
        }
        let mut first_use_of_id: HashMap<String, usize> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let path = root.key("items").index(index);
            let Value::Object(item) = item else {
                self.error(path, "this item is not a JSON object; the widget skips it");
                continue;
            };
            if let Some(id) = self.id(item, &path) {
                match first_use_of_id.get(&id) {
                    Some(first) => self.error(
                        path.key("id"),
                        format!("duplicate id {id:?} (first used by $.items[{first}]); the widget skips this story"),
                    ),
                    None => {
                        first_use_of_id.insert(id, index);
                    }
                }
            }
            self.item(item, &path, feed_audience);
        }
        items.len()
    }

    /// Whether the feed declares its own `_saman.audience`, the default of its
    /// items (an unknown one is reported here, once, not for every item).
    fn feed_audience(&mut self, feed: &Map<String, Value>, root: &JsonPath) -> bool {
        match saman(feed) {
            Ok(Some(saman)) => match saman.get("audience") {
                None | Some(Value::Null) => false,
                Some(value) => {
                    if value.as_str().and_then(Audience::parse).is_none() {
                        self.error(
                            root.key("_saman").key("audience"),
                            format!(
                                "unknown feed audience {}: every story without its own audience is dropped by the widget (use \"residents\", \"colleagues\" or \"all\")",
                                short(value)
                            ),
                        );
                    }
                    true
                }
            },
            Ok(None) => false,
            Err(()) => {
                self.error(root.key("_saman"), "\"_saman\" is not an object; the widget drops every story");
                true
            }
        }
    }

    /// The item's id as the widget reads it, after reporting what is wrong.
    fn id(&mut self, item: &Map<String, Value>, path: &JsonPath) -> Option<String> {
        let at = path.key("id");
        match item.get("id") {
            None | Some(Value::Null) => {
                self.error(at, "missing \"id\": JSON Feed requires a unique id; the widget skips this story");
                None
            }
            Some(Value::String(id)) if id.trim().is_empty() => {
                self.error(at, "empty \"id\"; the widget skips this story");
                None
            }
            Some(Value::String(id)) => Some(id.trim().to_owned()),
            Some(Value::Number(n)) => {
                self.warning(at, "\"id\" is a number; JSON Feed 1.1 says it is a string");
                Some(n.to_string())
            }
            Some(other) => {
                self.error(
                    at,
                    format!("\"id\" {} is not a string; the widget skips this story", short(other)),
                );
                None
            }
        }
    }

    fn item(&mut self, item: &Map<String, Value>, path: &JsonPath, feed_has_audience: bool) {
        match text(item, "title") {
            None => self.error(path.key("title"), "missing \"title\": the widget skips stories without one"),
            Some(title) if title.chars().count() > TITLE_MAX_CHARS => self.warning(
                path.key("title"),
                format!(
                    "the title is {} characters; a slide shows at most {TITLE_MAX_CHARS} and cuts the rest",
                    title.chars().count()
                ),
            ),
            Some(_) => {}
        }
        if let Some(summary) = item.get("summary") {
            match summary.as_str().map(collapse_whitespace) {
                Some(s) if s.chars().count() > SUMMARY_MAX_CHARS => self.warning(
                    path.key("summary"),
                    format!(
                        "the summary is {} characters; a slide shows at most {SUMMARY_MAX_CHARS} and cuts the rest",
                        s.chars().count()
                    ),
                ),
                Some(_) => {}
                None => self.warning(path.key("summary"), "\"summary\" is not a string; it is ignored"),
            }
        }
        if !item.contains_key("content_html") && !item.contains_key("content_text") {
            self.warning(
                path.clone(),
                "JSON Feed 1.1 requires \"content_html\" or \"content_text\" in every item",
            );
        }
        self.audience(item, path, feed_has_audience);
        for field in ["url", "external_url"] {
            self.url(item, path, field, "link");
        }
        for field in ["image", "banner_image"] {
            self.url(item, path, field, "image");
        }
        self.image_alt(item, path);
        for field in ["date_published", "date_modified"] {
            self.date(item.get(field), path.key(field));
        }
        self.language(item, path);
        self.saman_extras(item, path);
    }

    fn audience(&mut self, item: &Map<String, Value>, path: &JsonPath, feed_has_audience: bool) {
        let saman = match saman(item) {
            Ok(saman) => saman,
            Err(()) => {
                self.error(path.key("_saman"), "\"_saman\" is not an object; the widget drops this story");
                return;
            }
        };
        let at = path.key("_saman").key("audience");
        match saman.and_then(|s| s.get("audience")) {
            None | Some(Value::Null) if !feed_has_audience => self.error(
                at,
                "missing audience: set _saman.audience to \"residents\", \"colleagues\" or \"all\" (without it the widget shows the story to everyone)",
            ),
            None | Some(Value::Null) => {}
            Some(value) => {
                if value.as_str().and_then(Audience::parse).is_none() {
                    self.error(
                        at,
                        format!(
                            "unknown audience {}: the widget drops this story (use \"residents\", \"colleagues\" or \"all\")",
                            short(value)
                        ),
                    );
                }
            }
        }
    }

    /// A link or image: must be `https:` (or relative to an `https:` feed).
    fn url(&mut self, object: &Map<String, Value>, path: &JsonPath, field: &str, kind: &str) {
        let Some(value) = object.get(field) else { return };
        let at = path.key(field);
        let Some(reference) = value.as_str() else {
            self.warning(at, format!("\"{field}\" is not a string; it is ignored"));
            return;
        };
        // Without a feed URL, a relative reference is taken as relative to an
        // https feed: it is fine wherever the feed is served over https.
        let base = self.options.feed_url.unwrap_or("https://feed.invalid/");
        match resolve_http_url(base, reference) {
            None => {
                self.error(at, format!("{kind} {} is not an http(s) URL; the widget drops it", short(value)))
            }
            Some(resolved) if resolved.starts_with("http://") => self.warning(
                at,
                format!(
                    "{kind} {} is not https: browsers block or upgrade plain http on https pages",
                    short(&Value::String(resolved))
                ),
            ),
            Some(_) => {}
        }
    }

    fn image_alt(&mut self, item: &Map<String, Value>, path: &JsonPath) {
        let has_image =
            ["image", "banner_image"].iter().any(|f| item.get(*f).and_then(Value::as_str).is_some());
        let alt = saman(item).ok().flatten().and_then(|s| s.get("image_alt"));
        let at = path.key("_saman").key("image_alt");
        match alt {
            Some(Value::String(alt)) if !alt.trim().is_empty() => {}
            Some(Value::String(_)) | None | Some(Value::Null) if has_image => self.warning(
                at,
                "image without alt text: describe the picture in _saman.image_alt for readers who cannot see it",
            ),
            Some(Value::String(_)) | None | Some(Value::Null) => {}
            Some(other) => self.warning(at, format!("image_alt {} is not a string; it is ignored", short(other))),
        }
    }

    /// A date field; returns the date when it parses.
    fn date(&mut self, value: Option<&Value>, at: JsonPath) -> Option<Date> {
        let value = value?;
        let parsed = value.as_str().filter(|s| is_rfc3339(s)).and_then(Date::parse_rfc3339);
        if parsed.is_none() {
            self.error(
                at,
                format!(
                    "the date {} does not parse: use RFC 3339, e.g. \"2026-10-14T09:00:00+02:00\"",
                    short(value)
                ),
            );
        }
        parsed
    }

    fn language(&mut self, object: &Map<String, Value>, path: &JsonPath) {
        let Some(value) = object.get("language") else { return };
        let valid = value.as_str().is_some_and(|tag| is_language_tag(tag.trim()));
        if !valid {
            self.warning(
                path.key("language"),
                format!(
                    "language {} is not a valid BCP 47 tag (e.g. \"nn\", \"nb\", \"se\", \"en-GB\"); the widget ignores it",
                    short(value)
                ),
            );
        }
    }

    /// `_saman.expires`, `_saman.pinned` and `_saman.storyteller`.
    fn saman_extras(&mut self, item: &Map<String, Value>, path: &JsonPath) {
        let Ok(Some(saman)) = saman(item) else { return };
        let at = path.key("_saman");
        if let Some(expires) = self.date(saman.get("expires"), at.key("expires")) {
            if let Some(today) = self.options.today.filter(|today| expires < *today) {
                self.warning(
                    at.key("expires"),
                    format!("expired on {expires} (today is {today}); the widget no longer shows it; remove it from the feed"),
                );
            }
        }
        if saman.get("pinned").is_some_and(|p| !p.is_boolean()) {
            self.warning(at.key("pinned"), "\"pinned\" is not true or false; it is ignored");
        }
        if saman.get("storyteller").is_some_and(|s| !s.is_string()) {
            self.warning(at.key("storyteller"), "\"storyteller\" is not a string; it is ignored");
        }
    }
}

/// An object's `_saman`: `Ok(None)` when absent, `Err` when not an object.
fn saman(object: &Map<String, Value>) -> Result<Option<&Map<String, Value>>, ()> {
    match object.get("_saman") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(saman)) => Ok(Some(saman)),
        Some(_) => Err(()),
    }
}

/// A non-blank string field.
fn text(object: &Map<String, Value>, field: &str) -> Option<String> {
    object.get(field)?.as_str().map(collapse_whitespace).filter(|s| !s.is_empty())
}

/// A JSON value as a short quotation for a message.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 60 {
        text
    } else {
        format!("{}…", text.chars().take(59).collect::<String>())
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
        assert_eq!(found(&report), vec![(Severity::Error, "$._saman.audience".to_owned(), Some(1))]);
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
