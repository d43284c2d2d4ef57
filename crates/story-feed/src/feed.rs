//! The rules that turn a feed document into stories.
//!
//! Reading is forgiving item by item and strict about safety:
//! - a document that is not JSON, or not a feed at all, is a [`FeedError`];
//! - an item that cannot be shown (not an object, no `id`, a duplicate
//!   `id`, nothing to show, an audience nobody knows) is skipped with a
//!   [`SkipReason`], and the other items are kept;
//! - a member of the wrong type is ignored as if absent, and unknown
//!   members are ignored, as JSON Feed requires;
//! - text is plain text, links and images are `http(s)` only.
//!
//! Where JSON Feed is lenient, so is the model: an item without a `title`
//! is shown with a heading made from its text ([`title_from_text`]), and an
//! item without an `id` takes its `url` as its id, with an [`ItemNote`].
//!
//! These are the only rules: the widget shows what [`Feed::from_document`]
//! keeps, and `saman-feed check` ([`crate::check_feed`]) reports over the
//! same result.

use std::fmt::{self, Write as _};

use crate::audience::Audience;
use crate::date::Date;
use crate::document::{FeedDocument, ItemDocument, SamanExtension, Text};
use crate::field::{read_field, Field, ReadError, RECURSION_LIMIT_EXCEEDED};
use crate::lone_surrogates::replace_lone_surrogates;
use crate::seen_ids::SeenIds;
use crate::storyteller::Storyteller;
use crate::text::{title_from_text, truncate_words};
use crate::url::resolve_http_url;

/// The longest summary a slide shows, in characters; longer ones are cut at a
/// word and end with `…`.
pub const SUMMARY_MAX_CHARS: usize = 240;

/// The longest title a slide shows, in characters.
pub const TITLE_MAX_CHARS: usize = 160;

/// The longest name kept (an author, a tag, a storyteller's name and role),
/// in characters.
pub const NAME_MAX_CHARS: usize = 100;

/// The longest alternative text kept for a picture, in characters.
pub const IMAGE_ALT_MAX_CHARS: usize = 500;

/// One story, ready to show: every string is plain text, every URL is an
/// absolute `http(s)` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    /// The feed's unique id for the story (its `id`, else its `url`).
    pub id: String,
    /// The headline, never empty.
    pub title: String,
    /// Whether the item had no title, so `title` was made from its text
    /// (see [`title_from_text`]).
    pub title_from_text: bool,
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
    /// The kind of person whose story it is (`_saman.storyteller`); an
    /// unknown kind is `None`.
    pub storyteller: Option<Storyteller>,
    /// That person's published name and role (`_saman.storyteller_name`),
    /// e.g. "Anne Li, helsesjukepleiar".
    pub storyteller_name: Option<String>,
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
    /// Items that were kept, but not as they were written.
    pub notes: Vec<ItemNote>,
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
    /// The item has no usable `id` (a non-blank string or a whole number,
    /// see [`crate::Id`]) and no `http(s)` `url` to take its place.
    MissingId,
    /// An earlier item has the same `id`.
    DuplicateId,
    /// The item has neither a title nor any text to make one from
    /// (`summary`, `content_text`, `content_html`).
    NoTitleOrText,
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
            // Without a title the text would do; this item has neither.
            SkipReason::NoTitleOrText => f.write_str("it has no \"title\""),
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

/// An item that was kept, but not as it was written: worth a console
/// warning in the widget and a warning in `saman-feed check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemNote {
    /// Its position in `items`, from 0.
    pub index: usize,
    /// The id of its story.
    pub id: String,
    /// What was made of it.
    pub kind: NoteKind,
}

/// What the model made of an item it kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// The item has no usable `id`; its `url` (resolved) is its id.
    UrlAsId,
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteKind::UrlAsId => f.write_str("it has no \"id\", so its \"url\" is its id"),
        }
    }
}

impl fmt::Display for ItemNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "item {} (id {}): {}", self.index, Quoted(&self.id), self.kind)
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
    /// The document is not valid JSON (or nests deeper than
    /// [`crate::MAX_DEPTH`]: `recursion limit exceeded`).
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser expected, in serde_json's words.
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

impl FeedError {
    /// The `NotAFeed` of a document whose top level is not an object.
    pub const TOP_LEVEL_NOT_AN_OBJECT: FeedError = FeedError::NotAFeed("the top level is not a JSON object");

    /// The `NotAFeed` of a document without an `items` array.
    pub const NO_ITEMS_ARRAY: FeedError = FeedError::NotAFeed("it has no \"items\" array");

    /// A serde_json error, its message without serde_json's own
    /// " at line L column C".
    pub fn from_serde_json(error: &serde_json::Error) -> FeedError {
        let (line, column) = (error.line(), error.column());
        let text = error.to_string();
        let place = format!(" at line {line} column {column}");
        let message = text.strip_suffix(&place).unwrap_or(&text).to_owned();
        FeedError::Json { line, column, message }
    }
}

impl Feed {
    /// Parses a feed document fetched from `feed_url` (an absolute URL, used
    /// to resolve relative links and images), with serde_json.
    ///
    /// Lone UTF-16 surrogate escapes (half an emoji) become U+FFFD rather
    /// than failing the document, as in the browser's `JSON.parse`. A number
    /// beyond the range of a float (`1e400`) is an error, as in serde_json.
    pub fn parse(json: &str, feed_url: &str) -> Result<Feed, FeedError> {
        let json = replace_lone_surrogates(json);
        let document = read_document(&json)?;
        drop(json);
        Feed::from_document(document, feed_url)
    }

    /// The stories of a document however it was deserialized (serde_json,
    /// or the browser's `JSON.parse` through serde-wasm-bindgen), fetched
    /// from `feed_url`. Each item becomes a story, or a [`SkippedItem`], as
    /// the document is taken apart, so its text is not held twice.
    pub fn from_document(document: FeedDocument, feed_url: &str) -> Result<Feed, FeedError> {
        let FeedDocument { is_object, title, language, saman, items, .. } = document;
        if !is_object {
            return Err(FeedError::TOP_LEVEL_NOT_AN_OBJECT);
        }
        let Field::Valid(items) = items else {
            return Err(FeedError::NO_ITEMS_ARRAY);
        };
        let mut reader = ItemReader {
            feed_url,
            defaults: ItemDefaults {
                audience: declared_audience(&saman).map(|a| a.unwrap_or(Audience::All)),
                language: language_tag(&language),
            },
            seen_ids: SeenIds::with_capacity(items.len()),
            feed: Feed {
                title: title
                    .valid()
                    .filter(|t| !t.is_empty())
                    .map(|t| truncate_words(t.as_str(), TITLE_MAX_CHARS)),
                stories: Vec::with_capacity(items.len()),
                skipped: Vec::new(),
                notes: Vec::new(),
            },
        };
        for (index, item) in items.into_iter().enumerate() {
            reader.read(index, item);
        }
        Ok(reader.feed)
    }
}

/// The document in `json`, read with serde_json (as `serde_json::from_str`
/// would, without the error for nesting that serde_json reports itself).
fn read_document(json: &str) -> Result<FeedDocument, FeedError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let document = match read_field::<FeedDocument, _>(&mut deserializer) {
        Ok(document) => document,
        Err(ReadError::Deserializer(error)) => return Err(FeedError::from_serde_json(&error)),
        // serde_json stops at the same depth (with the same message) before
        // any walk does, so this is only a safety net: it has no position.
        Err(ReadError::TooDeep) => {
            return Err(FeedError::Json { line: 0, column: 0, message: RECURSION_LIMIT_EXCEEDED.to_owned() })
        }
    };
    deserializer.end().map_err(|e| FeedError::from_serde_json(&e))?;
    Ok(FeedDocument::from_field(document))
}

/// What an item inherits from the feed when it does not say.
struct ItemDefaults {
    /// The feed's `_saman.audience`; `Err` holds an unknown one, quoted.
    audience: Result<Audience, String>,
    language: Option<String>,
}

/// An item's id, when it had one, and why it is skipped.
type Skip = (Option<String>, SkipReason);

/// Turns items into stories one at a time, in feed order.
struct ItemReader<'a> {
    feed_url: &'a str,
    defaults: ItemDefaults,
    seen_ids: SeenIds,
    feed: Feed,
}

impl ItemReader<'_> {
    // A function of its own, called once per item: browsers compile wasm
    // quickly first and optimise a function only for its later calls, so
    // the loop over 5,000 items, inlined into one call, never ran optimised.
    #[inline(never)]
    fn read(&mut self, index: usize, item: Field<ItemDocument>) {
        match self.story(item) {
            Ok((story, note)) => {
                if let Some(kind) = note {
                    self.feed.notes.push(ItemNote { index, id: story.id.clone(), kind });
                }
                self.feed.stories.push(story);
            }
            Err((id, reason)) => self.feed.skipped.push(SkippedItem { index, id, reason }),
        }
    }

    /// The item's story, with what was made of it; or its id (if any) and
    /// why it was skipped.
    fn story(&mut self, item: Field<ItemDocument>) -> Result<(Story, Option<NoteKind>), Skip> {
        let Field::Valid(item) = item else {
            return Err((None, SkipReason::NotAnObject));
        };
        let link = |field: &Field<String>| field.valid().and_then(|u| resolve_http_url(self.feed_url, u));
        let own_url = link(&item.url);
        let (id, note) = match (item.id.valid(), &own_url) {
            (Some(id), _) => (id.text.clone(), None),
            (None, Some(url)) => (url.clone(), Some(NoteKind::UrlAsId)),
            (None, None) => return Err((None, SkipReason::MissingId)),
        };
        let url = own_url.or_else(|| link(&item.external_url));
        let skip = |reason| Err((Some(id.clone()), reason));
        let audience = match declared_audience(&item.saman) {
            Ok(Some(audience)) => audience,
            Ok(None) => match &self.defaults.audience {
                Ok(audience) => *audience,
                Err(quoted) => return skip(SkipReason::UnknownAudience(quoted.clone())),
            },
            Err(quoted) => return skip(SkipReason::UnknownAudience(quoted)),
        };
        let text = story_text(&item);
        let (title, summary, title_from_text) = match item.title.valid().filter(|t| !t.is_empty()) {
            Some(title) => (
                truncate_words(title.as_str(), TITLE_MAX_CHARS),
                text.map(|t| truncate_words(t, SUMMARY_MAX_CHARS)).unwrap_or_default(),
                false,
            ),
            None => match text.and_then(title_from_text) {
                Some(made) => (made.title, truncate_words(&made.rest, SUMMARY_MAX_CHARS), true),
                None => return skip(SkipReason::NoTitleOrText),
            },
        };
        // Checked last, so that a skipped item does not claim its id; the
        // story is added next (see `read`).
        if self.seen_ids.contains_or_add(&id, &self.feed.stories) {
            return skip(SkipReason::DuplicateId);
        }
        let saman = item.saman.valid();
        let saman_text = |field: fn(&SamanExtension) -> &Field<Text>, max| {
            saman
                .and_then(|s| field(s).valid())
                .filter(|t| !t.is_empty())
                .map(|t| truncate_words(t.as_str(), max))
        };
        let image = link(&item.image).or_else(|| link(&item.banner_image)).map(|src| Image {
            src,
            alt: saman_text(|s| &s.image_alt, IMAGE_ALT_MAX_CHARS).unwrap_or_default(),
        });
        let story = Story {
            title,
            title_from_text,
            summary,
            url,
            image,
            published: date(&item.date_published),
            authors: authors(&item),
            tags: tags(&item),
            language: language_tag(&item.language).or_else(|| self.defaults.language.clone()),
            audience,
            expires: saman.and_then(|s| date(&s.expires)),
            storyteller: saman.and_then(|s| s.storyteller.valid()).and_then(|kind| Storyteller::parse(kind)),
            storyteller_name: saman_text(|s| &s.storyteller_name, NAME_MAX_CHARS),
            id,
        };
        Ok((story, note))
    }
}

/// The text a story shows: its `summary`, else `content_text`, else
/// `content_html` as text; `None` when all are absent or blank.
pub(crate) fn story_text(item: &ItemDocument) -> Option<&str> {
    [item.summary.valid(), item.content_text.valid(), item.content_html.valid().map(|html| &html.0)]
        .into_iter()
        .flatten()
        .find(|text| !text.is_empty())
        .map(Text::as_str)
}

/// The audience an item or feed declares in `_saman.audience`: `Ok(None)`
/// when it declares none, `Err` with what it wrote (shortened) when that is
/// not a known audience, including a `_saman` or an `audience` of the
/// wrong type.
pub(crate) fn declared_audience(saman: &Field<SamanExtension>) -> Result<Option<Audience>, String> {
    let shortened = |text: &str| truncate_words(text, 40);
    let saman = match saman {
        Field::Absent => return Ok(None),
        Field::Invalid(quoted) => return Err(shortened(quoted)),
        Field::Valid(saman) => saman,
    };
    match &saman.audience {
        Field::Absent => Ok(None),
        Field::Valid(name) => Audience::parse(name).map(Some).ok_or_else(|| shortened(name)),
        Field::Invalid(quoted) => Err(shortened(quoted)),
    }
}

fn date(field: &Field<String>) -> Option<Date> {
    field.valid().and_then(|d| Date::parse_rfc3339(d))
}

/// A name from a text: `None` when blank, cut when long.
fn name(text: &Text) -> Option<String> {
    (!text.is_empty()).then(|| truncate_words(text.as_str(), NAME_MAX_CHARS))
}

/// The names of the tags.
fn tags(item: &ItemDocument) -> Vec<String> {
    let tags = item.tags.valid().map_or(&[][..], Vec::as_slice);
    tags.iter().filter_map(|tag| tag.valid().and_then(name)).collect()
}

/// Author names from JSON Feed 1.1 `authors`, or 1.0's single `author`.
fn authors(item: &ItemDocument) -> Vec<String> {
    let authors = match (&item.authors, &item.author) {
        (Field::Valid(list), _) => list.as_slice(),
        (_, author @ Field::Valid(_)) => std::slice::from_ref(author),
        _ => &[],
    };
    authors
        .iter()
        .filter_map(|author| author.valid().and_then(|author| author.name.valid()).and_then(name))
        .collect()
}

/// The `language` of an item or feed, if it is a well-formed BCP 47 tag.
pub(crate) fn language_tag(language: &Field<String>) -> Option<String> {
    let tag = language.valid()?.trim();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_escapes_quotes_backslashes_and_control_characters() {
        let quoted = Quoted("a\"b\\c\nd\re\tf\u{1}g\u{1f}h\u{7f}i\u{9f}j æ\u{a0}").to_string();
        assert_eq!(quoted, "\"a\\\"b\\\\c\\nd\\re\\tf\\u{1}g\\u{1f}h\\u{7f}i\\u{9f}j æ\u{a0}\"");
    }

    #[test]
    fn a_serde_json_error_loses_only_its_place_from_its_message() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let long = format!("{}x", "\n".repeat(12345));
        for json in ["", "[", "{\"a\": 1,\n\n\n\n\n\n\n\n\n\n    x}", &deep, "\"\\q\"", "[1] 2", &long] {
            let error = serde_json::from_str::<serde_json::Value>(json).unwrap_err();
            let FeedError::Json { line, column, message } = FeedError::from_serde_json(&error) else {
                panic!("{json}");
            };
            assert_eq!((line, column), (error.line(), error.column()));
            assert_eq!(format!("{message} at line {line} column {column}"), error.to_string(), "{json}");
        }
    }
}
