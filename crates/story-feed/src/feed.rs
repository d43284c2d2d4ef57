//! Reading a JSON Feed 1.1 document with the `_saman` extension.
//!
//! Parsing is forgiving item by item and strict about safety:
//! - a document that is not JSON, or not a feed at all, is a [`FeedError`];
//! - an item that cannot be shown (no `id`, a duplicate `id`, no title, an
//!   audience nobody knows) is skipped with a [`SkipReason`], and the other
//!   items are kept;
//! - fields of the wrong type are ignored as if absent; unknown fields are
//!   ignored, as JSON Feed requires;
//! - text is plain text, links and images are `http(s)` only.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt::{self, Write as _};

use crate::audience::{Audience, View};
use crate::date::Date;
use crate::json::{self, Json, Object};
use crate::text::{collapse_whitespace, html_to_text, truncate_words};
use crate::url::resolve_http_url;

/// The longest summary a slide shows, in characters; longer ones are cut at a
/// word and end with `…`.
pub const SUMMARY_MAX_CHARS: usize = 240;

/// The longest title a slide shows, in characters.
pub const TITLE_MAX_CHARS: usize = 160;

/// One story, ready to show: every string is plain text, every URL is an
/// absolute `http(s)` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    /// The feed's unique id for the story.
    pub id: String,
    /// The headline, never empty.
    pub title: String,
    /// A short text for the slide; may be empty.
    pub summary: String,
    /// The full story.
    pub url: Option<String>,
    /// The story's picture.
    pub image: Option<Image>,
    /// The publication date as the editor wrote it.
    pub published: Option<Date>,
    /// Names of the authors.
    pub authors: Vec<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// The story's language as a BCP 47 tag (`nn`, `nb-NO`, `en`), if valid.
    pub language: Option<String>,
    /// Who the story is for.
    pub audience: Audience,
    /// The last day the story is shown (`_saman.expires`), if any.
    pub expires: Option<Date>,
    /// Who tells the story (`_saman.storyteller`: `resident`, `employee`, …).
    pub storyteller: Option<String>,
}

impl Story {
    /// Whether the story's last day has passed by `today`. A story is still
    /// shown on its `expires` date itself.
    pub fn is_expired_on(&self, today: Date) -> bool {
        self.expires.is_some_and(|last_day| last_day < today)
    }
}

/// A story's picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Absolute `http(s)` URL.
    pub src: String,
    /// Alternative text; empty means the image is decorative.
    pub alt: String,
}

/// A parsed feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    /// The feed's title.
    pub title: Option<String>,
    /// Every story that could be read, in feed order.
    pub stories: Vec<Story>,
    /// Items that were left out, and why.
    pub skipped: Vec<SkippedItem>,
}

/// An item of the feed that was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedItem {
    /// Its position in `items`, from 0.
    pub index: usize,
    /// Its id, when it had one.
    pub id: Option<String>,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why an item was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The item is not a JSON object.
    NotAnObject,
    /// The item has no usable `id` (JSON Feed requires one).
    MissingId,
    /// An earlier item has the same `id`.
    DuplicateId,
    /// The item has no title to show.
    MissingTitle,
    /// `_saman.audience` (on the item, or the feed's default) is not one of
    /// `residents`, `colleagues`, `all`; the item is left out rather than
    /// guessed, so a typo can never leak an internal story.
    UnknownAudience(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotAnObject => f.write_str("it is not a JSON object"),
            SkipReason::MissingId => f.write_str("it has no \"id\""),
            SkipReason::DuplicateId => f.write_str("an earlier item has the same \"id\""),
            SkipReason::MissingTitle => f.write_str("it has no \"title\""),
            SkipReason::UnknownAudience(name) => {
                write!(f, "its audience {} is not \"residents\", \"colleagues\" or \"all\"", Quoted(name))
            }
        }
    }
}

impl fmt::Display for SkippedItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "item {} (id {}) skipped: {}", self.index, Quoted(id), self.reason),
            None => write!(f, "item {} skipped: {}", self.index, self.reason),
        }
    }
}

/// Text from a feed in a message, in quotes, with quotes, backslashes and
/// control characters escaped: a feed cannot add lines of its own to the
/// console. (Like `{:?}`, without the Unicode tables that cost the widget.)
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_str("\"")
    }
}

/// Why a whole document could not be read as a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The document is not valid JSON.
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The document is JSON but not a JSON Feed.
    NotAFeed(&'static str),
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Json { line, column, message } => {
                write!(f, "invalid JSON at line {line}, column {column}: {message}")
            }
            FeedError::NotAFeed(why) => write!(f, "not a JSON Feed: {why}"),
        }
    }
}

impl std::error::Error for FeedError {}

impl Feed {
    /// Parses a feed document fetched from `feed_url` (an absolute URL, used
    /// to resolve relative links and images).
    pub fn parse(json: &str, feed_url: &str) -> Result<Feed, FeedError> {
        let json_error = |e: json::JsonError| FeedError::Json {
            line: e.line,
            column: e.column,
            message: e.message.to_owned(),
        };
        // Each item becomes a story as soon as it is read, so a feed of
        // thousands of stories never exists as a whole JSON tree (that
        // would double the widget's memory). The feed's own settings that
        // items inherit are normally written before `items`.
        let reader = RefCell::new(ItemReader::new(feed_url));
        let (document, streamed) = json::parse_streaming_items(
            json,
            &mut |before| reader.borrow_mut().defaults = Some(ItemDefaults::of(before)),
            &mut |item| reader.borrow_mut().read(&item),
        )
        .map_err(json_error)?;
        let document = feed_object(document)?;
        let reader = reader.into_inner();
        let one_items = document.0.iter().filter(|(key, _)| key == "items").count() == 1;
        if streamed && one_items && reader.defaults.as_ref() == Some(&ItemDefaults::of(&document)) {
            return Ok(reader.finish(&document));
        }
        // The settings come after the items, or there are several `items`:
        // read the whole document again, as one tree, without the first
        // attempt's stories still taking room.
        drop((reader, document));
        let document = feed_object(json::parse(json).map_err(json_error)?)?;
        let mut reader = ItemReader::new(feed_url);
        reader.defaults = Some(ItemDefaults::of(&document));
        if let Some(Json::Array(items)) = document.get("items") {
            for item in items {
                reader.read(item);
            }
        }
        Ok(reader.finish(&document))
    }

    /// The stories of one view, in feed order, with every other story
    /// dropped: what is not returned here cannot end up on screen.
    pub fn into_view(self, view: View) -> Vec<Story> {
        self.stories.into_iter().filter(|s| view.shows(s.audience)).collect()
    }
}

/// The top-level object of a feed, which must have an `items` array.
fn feed_object(document: Json) -> Result<Object, FeedError> {
    let Json::Object(document) = document else {
        return Err(FeedError::NotAFeed("the top level is not a JSON object"));
    };
    match document.get("items") {
        Some(Json::Array(_)) => Ok(document),
        _ => Err(FeedError::NotAFeed("it has no \"items\" array")),
    }
}

/// What an item inherits from the feed when it does not say.
#[derive(Clone, Debug, PartialEq)]
struct ItemDefaults {
    /// The feed's `_saman.audience`; `Err` holds an unknown name.
    audience: Result<Audience, String>,
    language: Option<String>,
}

impl ItemDefaults {
    /// The defaults a feed object declares.
    fn of(feed: &Object) -> ItemDefaults {
        ItemDefaults {
            audience: declared_audience(feed).map(|a| a.unwrap_or(Audience::All)),
            language: language_tag(feed),
        }
    }
}

/// Turns items into stories one at a time, in feed order.
struct ItemReader<'a> {
    feed_url: &'a str,
    /// Known once the `items` array starts.
    defaults: Option<ItemDefaults>,
    seen_ids: HashSet<String>,
    stories: Vec<Story>,
    skipped: Vec<SkippedItem>,
    /// The next item's position in `items`.
    index: usize,
}

impl<'a> ItemReader<'a> {
    fn new(feed_url: &'a str) -> Self {
        ItemReader {
            feed_url,
            defaults: None,
            seen_ids: HashSet::new(),
            stories: Vec::new(),
            skipped: Vec::new(),
            index: 0,
        }
    }

    fn read(&mut self, item: &Json) {
        let no_defaults = ItemDefaults { audience: Ok(Audience::All), language: None };
        let defaults = self.defaults.as_ref().unwrap_or(&no_defaults);
        match read_item(item, self.feed_url, defaults, &mut self.seen_ids) {
            Ok(story) => self.stories.push(story),
            Err((id, reason)) => self.skipped.push(SkippedItem { index: self.index, id, reason }),
        }
        self.index += 1;
    }

    fn finish(self, feed: &Object) -> Feed {
        Feed {
            title: plain_text(feed, "title").map(|t| truncate_words(&t, TITLE_MAX_CHARS)),
            stories: self.stories,
            skipped: self.skipped,
        }
    }
}

fn read_item(
    item: &Json,
    feed_url: &str,
    defaults: &ItemDefaults,
    seen_ids: &mut HashSet<String>,
) -> Result<Story, (Option<String>, SkipReason)> {
    let Json::Object(item) = item else {
        return Err((None, SkipReason::NotAnObject));
    };
    let id = match item.get("id") {
        Some(Json::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        // JSON Feed: an id that is a number is read as a string, as written.
        Some(Json::Number(n)) => n.clone(),
        _ => return Err((None, SkipReason::MissingId)),
    };
    let fail = |reason| Err((Some(id.clone()), reason));
    let audience = match declared_audience(item) {
        Ok(Some(audience)) => audience,
        Ok(None) => match &defaults.audience {
            Ok(audience) => *audience,
            Err(name) => return fail(SkipReason::UnknownAudience(name.clone())),
        },
        Err(name) => return fail(SkipReason::UnknownAudience(name)),
    };
    let Some(title) = plain_text(item, "title") else {
        return fail(SkipReason::MissingTitle);
    };
    // Checked last, so that a skipped item does not claim its id.
    if !seen_ids.insert(id.clone()) {
        return fail(SkipReason::DuplicateId);
    }
    let summary = plain_text(item, "summary")
        .or_else(|| plain_text(item, "content_text"))
        .or_else(|| string(item, "content_html").map(html_to_text).filter(|t| !t.is_empty()))
        .map(|s| truncate_words(&s, SUMMARY_MAX_CHARS))
        .unwrap_or_default();
    let link = |field| string(item, field).and_then(|u| resolve_http_url(feed_url, u));
    let image = link("image").or_else(|| link("banner_image")).map(|src| Image {
        src,
        alt: saman_field(item, "image_alt").map(collapse_whitespace).unwrap_or_default(),
    });
    Ok(Story {
        title: truncate_words(&title, TITLE_MAX_CHARS),
        summary,
        url: link("url").or_else(|| link("external_url")),
        image,
        published: string(item, "date_published").and_then(Date::parse_rfc3339),
        authors: authors(item),
        tags: strings(item.get("tags")),
        language: language_tag(item).or_else(|| defaults.language.clone()),
        audience,
        expires: saman_field(item, "expires").and_then(Date::parse_rfc3339),
        storyteller: saman_field(item, "storyteller").map(collapse_whitespace).filter(|s| !s.is_empty()),
        id,
    })
}

fn string<'a>(object: &'a Object, field: &str) -> Option<&'a str> {
    object.get(field).and_then(Json::as_str)
}

/// A string field as collapsed plain text; `None` when absent or blank.
fn plain_text(object: &Object, field: &str) -> Option<String> {
    string(object, field).map(collapse_whitespace).filter(|s| !s.is_empty())
}

/// A string field of the object's `_saman` extension.
fn saman_field<'a>(object: &'a Object, field: &str) -> Option<&'a str> {
    object.get("_saman")?.get(field)?.as_str()
}

/// The audience an object (item or feed) declares in `_saman.audience`:
/// `Ok(None)` when it declares none, `Err` with what it wrote when that is not
/// a known audience, including a `_saman` or an `audience` of the wrong type.
fn declared_audience(object: &Object) -> Result<Option<Audience>, String> {
    let saman = match object.get("_saman") {
        None | Some(Json::Null) => return Ok(None),
        Some(Json::Object(saman)) => saman,
        Some(other) => return Err(shortened_json(other)),
    };
    match saman.get("audience") {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(name)) => Audience::parse(name).map(Some).ok_or_else(|| truncate_words(name, 40)),
        Some(other) => Err(shortened_json(other)),
    }
}

/// A JSON value as a short text for a message.
fn shortened_json(value: &Json) -> String {
    truncate_words(&value.to_json_text(), 40)
}

fn strings(value: Option<&Json>) -> Vec<String> {
    let Some(Json::Array(values)) = value else {
        return Vec::new();
    };
    values.iter().filter_map(Json::as_str).map(collapse_whitespace).filter(|s| !s.is_empty()).collect()
}

/// Author names from JSON Feed 1.1 `authors`, or 1.0's single `author`.
fn authors(item: &Object) -> Vec<String> {
    let objects: Vec<&Json> = match (item.get("authors"), item.get("author")) {
        (Some(Json::Array(list)), _) => list.iter().collect(),
        (_, Some(author)) => vec![author],
        _ => Vec::new(),
    };
    objects
        .into_iter()
        .filter_map(|a| a.get("name")?.as_str())
        .map(collapse_whitespace)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The object's `language`, if it is a well-formed BCP 47 tag.
fn language_tag(object: &Object) -> Option<String> {
    let tag = string(object, "language")?.trim();
    is_language_tag(tag).then(|| tag.to_owned())
}

/// A well-formed BCP 47 language tag: a 2–3 letter language, then subtags of
/// 1–8 letters or digits (`nn`, `nb-NO`, `se`, `smj`, `en-GB`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
