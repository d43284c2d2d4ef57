//! Why a feed could not be read, and the one sentence that says so.
//!
//! Each failure names what went wrong and what to ask the feed's server for
//! (CORS, the right address, https). The browser does not tell a page why
//! a cross-origin request failed, so the fetch tells the cases apart by
//! asking once more without CORS (`browser::fetch_feed`): a server that
//! answers that is up, and is refusing to share the feed.

use crate::i18n::{fill, Lang};

/// The largest feed file the page reads, in bytes.
pub const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// What a body that is not JSON looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// A web page.
    Html,
    /// XML: an RSS or Atom feed, most likely.
    Xml,
    /// Anything else.
    Other,
}

/// Why the page has no feed text to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// What was typed is not an absolute `http(s)` address.
    NotAUrl,
    /// An `http:` feed asked for from an `https:` page.
    MixedContent,
    /// No answer at all from the server.
    Unreachable { origin: String },
    /// The server answered, without `Access-Control-Allow-Origin`.
    CorsBlocked,
    /// No answer in time.
    Timeout { origin: String },
    /// An HTTP status other than success.
    Status { status: u16, text: String },
    /// A body that is not JSON at all.
    NotJson(BodyKind),
    /// A chosen file that could not be read.
    FileUnreadable,
    /// A chosen file too large to be a feed.
    FileTooLarge,
}

impl LoadFailure {
    /// The sentence for the webmaster, in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        let strings = lang.strings();
        match self {
            LoadFailure::NotAUrl => strings.fail_not_a_url.to_owned(),
            LoadFailure::MixedContent => strings.fail_mixed_content.to_owned(),
            LoadFailure::Unreachable { origin } => fill(strings.fail_unreachable, &[("origin", origin)]),
            LoadFailure::CorsBlocked => strings.fail_cors.to_owned(),
            LoadFailure::Timeout { origin } => fill(strings.fail_timeout, &[("origin", origin)]),
            LoadFailure::Status { status, text } => {
                let shown = if text.is_empty() { status.to_string() } else { format!("{status} {text}") };
                let template = match status {
                    404 | 410 => strings.fail_not_found,
                    401 | 403 | 407 => strings.fail_closed,
                    500..=599 => strings.fail_server_error,
                    _ => strings.fail_status,
                };
                fill(template, &[("status", &shown)])
            }
            LoadFailure::NotJson(kind) => {
                let kind = match kind {
                    BodyKind::Html => strings.body_html,
                    BodyKind::Xml => strings.body_xml,
                    BodyKind::Other => strings.body_other,
                };
                fill(strings.fail_not_json, &[("kind", kind)])
            }
            LoadFailure::FileUnreadable => strings.fail_file.to_owned(),
            LoadFailure::FileTooLarge => strings.fail_file_too_large.to_owned(),
        }
    }
}

/// A body that cannot be JSON at all: one that does not begin (after
/// white space and a byte order mark) with `{` or `[`. A body that does is
/// left to the check, which reports a broken one with its line and column.
pub fn not_json(body: &str) -> Option<LoadFailure> {
    let start = body.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.starts_with(['{', '[']) {
        return None;
    }
    let head: String = start.chars().take(200).collect::<String>().to_ascii_lowercase();
    let kind = if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        BodyKind::Html
    } else if head.starts_with('<') {
        BodyKind::Xml
    } else {
        BodyKind::Other
    };
    Some(LoadFailure::NotJson(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_that_are_not_json_are_told_apart() {
        assert_eq!(not_json(" \n{\"items\": []}"), None);
        assert_eq!(not_json("\u{feff}[1"), None);
        assert_eq!(not_json("<!DOCTYPE html><html>"), Some(LoadFailure::NotJson(BodyKind::Html)));
        assert_eq!(not_json("<?xml version=\"1.0\"?><rss>"), Some(LoadFailure::NotJson(BodyKind::Xml)));
        assert_eq!(not_json("status 404"), Some(LoadFailure::NotJson(BodyKind::Other)));
        assert_eq!(not_json(""), Some(LoadFailure::NotJson(BodyKind::Other)));
    }

    #[test]
    fn each_failure_has_one_sentence_that_says_what_to_ask_for() {
        let status = |status| LoadFailure::Status { status, text: String::new() };
        assert!(status(404).sentence(Lang::En).starts_with("The server answered 404: there is no feed"));
        assert!(status(403).sentence(Lang::Nb).contains("403: feeden er stengt"));
        assert!(status(503).sentence(Lang::Nn).contains("503, ein feil hos serveren"));
        assert!(LoadFailure::Status { status: 418, text: "I'm a teapot".into() }
            .sentence(Lang::En)
            .contains("418 I'm a teapot instead of the feed"));
        assert!(LoadFailure::CorsBlocked.sentence(Lang::En).contains("Access-Control-Allow-Origin"));
        assert!(LoadFailure::Unreachable { origin: "https://k.example".into() }
            .sentence(Lang::Nn)
            .contains("frå https://k.example"));
        assert!(LoadFailure::NotJson(BodyKind::Xml)
            .sentence(Lang::Nb)
            .contains("XML (kanskje RSS eller Atom), ikke JSON"));
        for lang in Lang::ALL {
            for failure in [
                LoadFailure::NotAUrl,
                LoadFailure::MixedContent,
                LoadFailure::Timeout { origin: "o".into() },
                LoadFailure::FileUnreadable,
                LoadFailure::FileTooLarge,
            ] {
                let sentence = failure.sentence(lang);
                assert!(sentence.ends_with('.') && !sentence.contains('{'), "{lang:?}: {sentence}");
            }
        }
    }
}
