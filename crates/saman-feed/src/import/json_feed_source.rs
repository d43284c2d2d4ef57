//! Reading JSON Feed 1.0 and 1.1 from another system.
//!
//! The document is read as a JSON tree and each field on its own, so that
//! what other systems publish in practice still imports: a byte-order mark,
//! `http://` instead of `https://` in `version`, `tags` written as one
//! comma-separated string, 1.0's single `author` beside 1.1's `authors`,
//! dates in RSS's format or without a time zone, HTML entities in titles.
//! What is kept as the source wrote it: ids, and dates that are already RFC
//! 3339. A document that is not a JSON Feed at all (broken JSON, no `items`
//! array, RSS written as JSON) is an error.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};
use story_feed::text::{collapse_whitespace, html_to_text, truncate_words};
use story_feed::{is_language_tag, is_rfc3339, resolve_http_url, Audience, SUMMARY_MAX_CHARS};

use super::syndication::canonical_case;
use super::{SourceFeed, SourceItem};
use crate::json_feed::{JsonAuthor, JsonItem, SamanItem};
use crate::norwegian_time::norwegian_wall_clock_to_rfc3339;
use crate::sanitize::{first_image, sanitize_html};

const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Whether the document is JSON rather than XML: its first character
/// (after a byte-order mark and white space) opens an object.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads a JSON Feed. The error says why the document is not one.
pub fn read(bytes: &[u8], source_url: Option<&str>, audience: Audience) -> Result<SourceFeed, String> {
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    let document: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not a JSON Feed: the JSON is broken: {e}"))?;
    let Value::Object(feed) = document else {
        return Err("not a JSON Feed: the top level is not a JSON object".into());
    };
    let Some(Value::Array(items)) = feed.get("items") else {
        return Err("not a JSON Feed: it has no \"items\" array".into());
    };
    let mut notes = Vec::new();
    match feed.get("version").and_then(Value::as_str) {
        Some(version) if is_json_feed_version(version) => {}
        Some(version) => {
            notes.push(format!("its version {version:?} is not a JSON Feed version; read as 1.1"))
        }
        None => notes.push("it has no \"version\"; read as JSON Feed 1.1".into()),
    }
    // Relative links are relative to where the feed was fetched from, else
    // to where it says it lives.
    let base = source_url
        .map(str::to_owned)
        .or_else(|| url(&feed, "feed_url", ""))
        .or_else(|| url(&feed, "home_page_url", ""))
        .unwrap_or_default();
    let feed_authors = authors(&feed);
    let mut dates = DateReport::default();
    let items = items
        .iter()
        .map(|value| match value {
            Value::Object(item) => SourceItem {
                source_id: id(item),
                item: read_item(item, &base, &feed_authors, audience, &mut dates),
            },
            // Neither a title nor text: the import's rules leave it out.
            _ => SourceItem { source_id: None, item: empty_item(audience) },
        })
        .collect();
    notes.extend(dates.notes());
    Ok(SourceFeed {
        title: plain_text(&feed, "title"),
        home_page_url: url(&feed, "home_page_url", &base),
        description: plain_text(&feed, "description"),
        language: string(&feed, "language").map(str::trim).filter(|t| is_language_tag(t)).map(canonical_case),
        items,
        ids_required: true,
        notes,
    })
}

/// `https://jsonfeed.org/version/1`, `…/1.1`, and the `http://` some write.
fn is_json_feed_version(version: &str) -> bool {
    let version = version.trim();
    ["https://jsonfeed.org/version/", "http://jsonfeed.org/version/"].iter().any(|p| version.starts_with(p))
}

fn read_item(
    item: &Map<String, Value>,
    base: &str,
    feed_authors: &[JsonAuthor],
    audience: Audience,
    dates: &mut DateReport,
) -> JsonItem {
    let content_html = string(item, "content_html")
        .map(|html| sanitize_html(html, Some(base).filter(|b| !b.is_empty())))
        .filter(|html| !html.trim().is_empty());
    let content_text = string(item, "content_text")
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
        .or_else(|| content_html.as_deref().map(html_to_text))
        .unwrap_or_default();
    let (image, image_alt) = image(item, base, content_html.as_deref());
    let item_authors = authors(item);
    JsonItem {
        id: String::new(),
        url: url(item, "url", base).or_else(|| url(item, "external_url", base)),
        title: plain_text(item, "title"),
        summary: plain_text(item, "summary").map(|s| truncate_words(&s, SUMMARY_MAX_CHARS)),
        content_html,
        content_text,
        image,
        date_published: string(item, "date_published")
            .or_else(|| string(item, "date_modified"))
            .and_then(|date| dates.read(date)),
        // JSON Feed: an item without authors has the feed's.
        authors: if item_authors.is_empty() { feed_authors.to_vec() } else { item_authors },
        tags: tags(item.get("tags")),
        language: string(item, "language").map(str::trim).filter(|t| is_language_tag(t)).map(str::to_owned),
        saman: SamanItem {
            audience: audience.as_str(),
            image_alt,
            storyteller: None,
            storyteller_name: None,
            expires: None,
            pinned: false,
        },
    }
}

fn empty_item(audience: Audience) -> JsonItem {
    JsonItem {
        id: String::new(),
        url: None,
        title: None,
        summary: None,
        content_html: None,
        content_text: String::new(),
        image: None,
        date_published: None,
        authors: Vec::new(),
        tags: Vec::new(),
        language: None,
        saman: SamanItem {
            audience: audience.as_str(),
            image_alt: None,
            storyteller: None,
            storyteller_name: None,
            expires: None,
            pinned: false,
        },
    }
}

/// The item's id as written: a string, or a number read as its text.
fn id(item: &Map<String, Value>) -> Option<String> {
    match item.get("id")? {
        Value::String(s) => Some(collapse_whitespace(s)).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The item's picture: `image`, `banner_image`, an image attachment, or the
/// first picture in its content; with `_saman.image_alt`, or the alt text of
/// the picture in the content.
fn image(
    item: &Map<String, Value>,
    base: &str,
    content_html: Option<&str>,
) -> (Option<String>, Option<String>) {
    let given_alt = item
        .get("_saman")
        .and_then(|saman| saman.get("image_alt"))
        .and_then(Value::as_str)
        .map(collapse_whitespace)
        .filter(|alt| !alt.is_empty());
    let attached = || {
        item.get("attachments")?.as_array()?.iter().find_map(|attachment| {
            let is_image = attachment.get("mime_type")?.as_str()?.trim().starts_with("image/");
            is_image.then(|| resolve_http_url(base, attachment.get("url")?.as_str()?)).flatten()
        })
    };
    if let Some(src) = url(item, "image", base).or_else(|| url(item, "banner_image", base)).or_else(attached)
    {
        return (Some(src), given_alt);
    }
    match content_html.and_then(first_image) {
        Some(found) => match resolve_http_url(base, &found.src) {
            Some(src) => (Some(src), given_alt.or_else(|| found.alt.map(|a| collapse_whitespace(&a)))),
            None => (None, None),
        },
        None => (None, None),
    }
}

/// JSON Feed 1.1's `authors`, else 1.0's single `author`.
fn authors(object: &Map<String, Value>) -> Vec<JsonAuthor> {
    let list: Vec<&Value> = match (object.get("authors"), object.get("author")) {
        (Some(Value::Array(authors)), _) => authors.iter().collect(),
        (_, Some(author)) => vec![author],
        _ => Vec::new(),
    };
    list.into_iter()
        .filter_map(|author| author.get("name")?.as_str())
        .map(collapse_whitespace)
        .filter(|name| !name.is_empty())
        .map(|name| JsonAuthor { name })
        .collect()
}

/// Tags from an array of strings, or from one comma-separated string.
fn tags(value: Option<&Value>) -> Vec<String> {
    let words: Vec<&str> = match value {
        Some(Value::Array(tags)) => tags.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(tags)) => tags.split(',').collect(),
        _ => Vec::new(),
    };
    words.into_iter().map(collapse_whitespace).filter(|tag| !tag.is_empty()).collect()
}

fn string<'a>(object: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    object.get(field)?.as_str()
}

/// A text field as plain text. JSON Feed text is plain, but systems that
/// write it from HTML templates leave entities (`&#8211;`) and tags in it.
fn plain_text(object: &Map<String, Value>, field: &str) -> Option<String> {
    let text = string(object, field)?;
    let plain = if text.contains(['<', '&']) { html_to_text(text) } else { collapse_whitespace(text) };
    Some(plain).filter(|t| !t.is_empty())
}

/// A link field as an absolute `http(s)` URL.
fn url(object: &Map<String, Value>, field: &str, base: &str) -> Option<String> {
    resolve_http_url(base, string(object, field)?)
}

/// Reads dates, and counts the ones that needed a guess or could not be read,
/// for one note each per feed.
#[derive(Default)]
struct DateReport {
    without_zone: usize,
    without_zone_example: Option<String>,
    unreadable: usize,
    unreadable_example: Option<String>,
}

impl DateReport {
    /// `date` as RFC 3339: as written when it is already, converted from
    /// RSS's format with its own offset, or as Norwegian wall-clock time when
    /// it has no time zone. `None` when it cannot be read at all.
    fn read(&mut self, date: &str) -> Option<String> {
        let date = date.trim();
        if is_rfc3339(date) {
            return Some(date.to_owned());
        }
        if let Ok(with_offset) = DateTime::parse_from_rfc2822(date) {
            return Some(with_offset.to_rfc3339());
        }
        if let Some(wall_clock) = wall_clock(date) {
            self.without_zone += 1;
            self.without_zone_example.get_or_insert_with(|| date.to_owned());
            return Some(norwegian_wall_clock_to_rfc3339(wall_clock));
        }
        self.unreadable += 1;
        self.unreadable_example.get_or_insert_with(|| date.to_owned());
        None
    }

    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(example) = &self.without_zone_example {
            notes.push(format!(
                "{} {} no time zone (like {example:?}): read as Norwegian time",
                self.without_zone,
                if self.without_zone == 1 { "date has" } else { "dates have" }
            ));
        }
        if let Some(example) = &self.unreadable_example {
            notes.push(format!(
                "{} {} not be read (like {example:?}) and {} left out",
                self.unreadable,
                if self.unreadable == 1 { "date could" } else { "dates could" },
                if self.unreadable == 1 { "is" } else { "are" }
            ));
        }
        notes
    }
}

/// A date and time without a zone (`2018-01-06T08:00`, `…:00`, `2018-01-06
/// 08:00:00`); a date alone is read as noon, so that no reader's time zone
/// moves it to another day.
fn wall_clock(date: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(date, format).ok())
        .or_else(|| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?.and_hms_opt(12, 0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_json(json: &str) -> SourceFeed {
        read(json.as_bytes(), None, Audience::Residents).unwrap()
    }

    #[test]
    fn json_is_told_from_xml_by_its_first_character() {
        assert!(looks_like_json(b"\xEF\xBB\xBF\n  {\"items\": []}"));
        assert!(!looks_like_json(b"\n<?xml version=\"1.0\"?><rss/>"));
        assert!(!looks_like_json(b""));
    }

    #[test]
    fn dates_are_kept_as_written_or_read_with_a_note() {
        let mut dates = DateReport::default();
        assert_eq!(dates.read("2026-10-14T09:00:00-07:00").as_deref(), Some("2026-10-14T09:00:00-07:00"));
        assert_eq!(
            dates.read("Fri, 31 May 2019 12:17:58 -0700").as_deref(),
            Some("2019-05-31T12:17:58-07:00")
        );
        assert_eq!(dates.read("2018-01-06T08:00").as_deref(), Some("2018-01-06T08:00:00+01:00"));
        assert_eq!(dates.read("i går"), None);
        assert_eq!(
            dates.notes(),
            [
                "1 date has no time zone (like \"2018-01-06T08:00\"): read as Norwegian time",
                "1 date could not be read (like \"i går\") and is left out"
            ]
        );
    }

    #[test]
    fn tags_as_one_string_and_authors_of_either_version_are_read() {
        let feed = read_json(
            r#"{"version": "https://jsonfeed.org/version/1.1", "author": {"name": "Redaksjonen"},
               "items": [
                 {"id": 7, "title": "A", "content_text": "x", "tags": "skule, helse,,"},
                 {"id": "b", "title": "B", "content_text": "y", "authors": [{"name": "Kari"}], "author": {"name": "Ola"}}
               ]}"#,
        );
        let a = &feed.items[0];
        assert_eq!(a.source_id.as_deref(), Some("7"));
        assert_eq!(a.item.tags, ["skule", "helse"]);
        assert_eq!(a.item.authors, [JsonAuthor { name: "Redaksjonen".into() }]);
        assert_eq!(feed.items[1].item.authors, [JsonAuthor { name: "Kari".into() }]);
        assert!(feed.notes.is_empty(), "{:?}", feed.notes);
    }

    #[test]
    fn entities_in_titles_are_decoded_and_relative_links_resolved() {
        let feed = read_json(
            r#"{"version": "http://jsonfeed.org/version/1", "title": "Blogg &#8211; Fjordvik",
               "feed_url": "https://k.example/feed.json",
               "items": [{"id": "1", "title": "Q&amp;A <em>no</em>", "url": "/a", "content_html": "<p>Hei</p>"}]}"#,
        );
        assert_eq!(feed.title.as_deref(), Some("Blogg – Fjordvik"));
        assert_eq!(feed.items[0].item.title.as_deref(), Some("Q&A no"));
        assert_eq!(feed.items[0].item.url.as_deref(), Some("https://k.example/a"));
        assert_eq!(feed.items[0].item.content_text, "Hei");
    }

    #[test]
    fn documents_that_are_not_json_feeds_are_refused_with_the_reason() {
        let refuse = |json: &str| read(json.as_bytes(), None, Audience::Residents).unwrap_err();
        assert!(refuse(r#"{"rss": {"channel": {}}}"#).contains("no \"items\" array"));
        assert!(refuse(r#"{"items": [{"id": "1", "title": "cut"#)
            .starts_with("not a JSON Feed: the JSON is broken"));
        assert!(refuse("[1, 2]").contains("not a JSON object"));
    }
}
