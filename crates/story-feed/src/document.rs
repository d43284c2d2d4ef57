//! A feed document as written: JSON Feed 1.1 with the `_saman` extension.
//!
//! These types are what serde fills, with serde_json ([`crate::Feed::parse`])
//! or any other deserializer (the browser's `JSON.parse` through
//! serde-wasm-bindgen); [`crate::Feed::from_document`] then applies the
//! rules. They hold only the members the model or the editors' check reads:
//! every other member is walked (see [`crate::MAX_DEPTH`]) and forgotten.
//!
//! What is read here is already bounded, so a feed of thousands of stories
//! never exists as a whole JSON tree and a huge string never lives long:
//! text is held as [`Text`] (white space collapsed, at most
//! [`Text::KEPT_CHARS`] characters), and `content_html` is reduced to text
//! as it is read ([`HtmlText`]).
//!
//! Duplicate members: the last one counts, as in the browser's `JSON.parse`
//! (serde's derive would refuse the whole document), so one careless tool
//! cannot cost a feed all its stories. Members are therefore read by hand
//! rather than derived; every member is a [`Field`], so a value of the
//! wrong type is kept as [`Field::Invalid`] and never fails the document.

use serde::de::Deserializer;
use serde::Deserialize;

use crate::field::{Field, FieldValue, Members, Scalar, Slot};
use crate::text::{collapse_whitespace_bounded, html_to_text};

/// A whole feed document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedDocument {
    /// Whether the top level is a JSON object; when it is not, every other
    /// member is absent.
    pub is_object: bool,
    /// `version`: `https://jsonfeed.org/version/1.1`.
    pub version: Field<String>,
    /// `title`: the feed's title.
    pub title: Field<Text>,
    /// `home_page_url`.
    pub home_page_url: Field<String>,
    /// `feed_url`: where the feed says it is published.
    pub feed_url: Field<String>,
    /// `language`: the default language of the items.
    pub language: Field<String>,
    /// `_saman`: the feed's defaults for its items.
    pub saman: Field<SamanExtension>,
    /// `items`, every element in place (an element that is not an object is
    /// [`Field::Invalid`]).
    pub items: Field<Vec<Field<ItemDocument>>>,
}

/// One element of `items`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemDocument {
    /// `id`: a string, or a whole number (see [`Id`]).
    pub id: Field<Id>,
    /// `url`: the story on the web.
    pub url: Field<String>,
    /// `external_url`: what the story is about, elsewhere.
    pub external_url: Field<String>,
    /// `title`.
    pub title: Field<Text>,
    /// `summary`.
    pub summary: Field<Text>,
    /// `content_text`.
    pub content_text: Field<Text>,
    /// `content_html`, reduced to text as it is read.
    pub content_html: Field<HtmlText>,
    /// `image`.
    pub image: Field<String>,
    /// `banner_image`.
    pub banner_image: Field<String>,
    /// `date_published` (RFC 3339).
    pub date_published: Field<String>,
    /// `date_modified` (RFC 3339).
    pub date_modified: Field<String>,
    /// `authors` (JSON Feed 1.1), every element in place.
    pub authors: Field<Vec<Field<Author>>>,
    /// `author` (JSON Feed 1.0).
    pub author: Field<Author>,
    /// `tags`, every element in place.
    pub tags: Field<Vec<Field<Text>>>,
    /// `language`.
    pub language: Field<String>,
    /// `_saman`.
    pub saman: Field<SamanExtension>,
}

/// The `_saman` extension of an item, or of the feed as its items' default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SamanExtension {
    /// `audience`: `residents`, `colleagues` or `all`.
    pub audience: Field<String>,
    /// `image_alt`: the picture's alternative text.
    pub image_alt: Field<Text>,
    /// `storyteller`: the kind of person whose story it is (`resident`,
    /// `employee`).
    pub storyteller: Field<String>,
    /// `storyteller_name`: that person's published name and role.
    pub storyteller_name: Field<Text>,
    /// `expires`: the last day the story is shown.
    pub expires: Field<String>,
    /// `pinned`: shown before the others (read by the editors' tool).
    pub pinned: Field<bool>,
}

/// An author object (`{"name": …}`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Author {
    /// `name`.
    pub name: Field<Text>,
}

/// An item's `id`: a string with white space trimmed, never empty, or a
/// number, which JSON Feed says is read as a string.
///
/// The rule for numbers, the same with every deserializer: a whole number
/// of at most 2^53 in size (where every JSON reader, `JSON.parse` included,
/// reads it exactly) is its decimal digits, so `42`, `42.0` and `4.2e1` are
/// all the id `"42"`; any other number is no id at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Id {
    /// The id as text.
    pub text: String,
    /// Whether the document wrote it as a number.
    pub was_number: bool,
}

/// The largest whole number every JSON reader reads exactly (2^53).
const EXACT_INTEGER_MAX: u64 = 1 << 53;

impl FieldValue for Id {
    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        if let Some(text) = value.as_str() {
            let text = text.trim();
            return (!text.is_empty()).then(|| Id { text: text.to_owned(), was_number: false });
        }
        let number = value.whole_number()?;
        (number.unsigned_abs() <= EXACT_INTEGER_MAX)
            .then(|| Id { text: number.to_string(), was_number: true })
    }
}

/// Text from a feed, ready to show: white space collapsed to single
/// spaces, control characters dropped, at most [`Text::KEPT_CHARS`]
/// characters kept (far more than a slide shows, so what a slide shows is
/// the same as if all of it had been kept).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    chars: usize,
}

impl Text {
    /// How many characters of a text are kept.
    pub const KEPT_CHARS: usize = 1024;

    /// `raw` collapsed and cut to [`Text::KEPT_CHARS`].
    pub fn new(raw: &str) -> Text {
        let (text, chars) = collapse_whitespace_bounded(raw, Text::KEPT_CHARS);
        Text { text, chars }
    }

    /// The kept text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// How many characters the whole text has (after collapsing), kept or not.
    pub fn char_count(&self) -> usize {
        self.chars
    }

    /// Whether the text is empty (or was only white space).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl FieldValue for Text {
    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        value.as_str().map(Text::new)
    }
}

/// `content_html` reduced to plain text (see [`html_to_text`]): the widget
/// never uses the markup, and the text is far smaller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlText(pub Text);

impl FieldValue for HtmlText {
    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        value.as_str().map(|html| HtmlText(Text::new(&html_to_text(html))))
    }
}

impl<'de> Deserialize<'de> for FeedDocument {
    /// Never fails but on nesting beyond [`crate::MAX_DEPTH`] (or what the
    /// deserializer itself refuses): a top level that is not an object is a
    /// document with `is_object == false`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(FeedDocument::from_field(Field::deserialize(deserializer)?))
    }
}

impl FeedDocument {
    /// The document of a top level read as a field: one with
    /// `is_object == false` when the top level is not an object.
    pub(crate) fn from_field(field: Field<FeedDocument>) -> FeedDocument {
        field.into_valid().unwrap_or_default()
    }
}

impl FieldValue for FeedDocument {
    fn object(field: &mut Field<Self>) -> Option<&mut dyn Members> {
        Some(field.set_valid(FeedDocument { is_object: true, ..FeedDocument::default() })?)
    }
}

impl Members for FeedDocument {
    fn member(&mut self, name: &str) -> Option<Slot<'_>> {
        Some(match name {
            "version" => Slot::new(&mut self.version),
            "title" => Slot::new(&mut self.title),
            "home_page_url" => Slot::new(&mut self.home_page_url),
            "feed_url" => Slot::new(&mut self.feed_url),
            "language" => Slot::new(&mut self.language),
            "_saman" => Slot::new(&mut self.saman),
            // An earlier `items` is dropped as the next one starts.
            "items" => Slot::new(&mut self.items),
            _ => return None,
        })
    }
}

impl FieldValue for ItemDocument {
    fn object(field: &mut Field<Self>) -> Option<&mut dyn Members> {
        Some(field.set_valid(ItemDocument::default())?)
    }
}

impl Members for ItemDocument {
    fn member(&mut self, name: &str) -> Option<Slot<'_>> {
        Some(match name {
            "id" => Slot::new(&mut self.id),
            "url" => Slot::new(&mut self.url),
            "external_url" => Slot::new(&mut self.external_url),
            "title" => Slot::new(&mut self.title),
            "summary" => Slot::new(&mut self.summary),
            "content_text" => Slot::new(&mut self.content_text),
            "content_html" => Slot::new(&mut self.content_html),
            "image" => Slot::new(&mut self.image),
            "banner_image" => Slot::new(&mut self.banner_image),
            "date_published" => Slot::new(&mut self.date_published),
            "date_modified" => Slot::new(&mut self.date_modified),
            "authors" => Slot::new(&mut self.authors),
            "author" => Slot::new(&mut self.author),
            "tags" => Slot::new(&mut self.tags),
            "language" => Slot::new(&mut self.language),
            "_saman" => Slot::new(&mut self.saman),
            _ => return None,
        })
    }
}

impl FieldValue for SamanExtension {
    fn object(field: &mut Field<Self>) -> Option<&mut dyn Members> {
        Some(field.set_valid(SamanExtension::default())?)
    }
}

impl Members for SamanExtension {
    fn member(&mut self, name: &str) -> Option<Slot<'_>> {
        Some(match name {
            "audience" => Slot::new(&mut self.audience),
            "image_alt" => Slot::new(&mut self.image_alt),
            "storyteller" => Slot::new(&mut self.storyteller),
            "storyteller_name" => Slot::new(&mut self.storyteller_name),
            "expires" => Slot::new(&mut self.expires),
            "pinned" => Slot::new(&mut self.pinned),
            _ => return None,
        })
    }
}

impl FieldValue for Author {
    fn object(field: &mut Field<Self>) -> Option<&mut dyn Members> {
        Some(field.set_valid(Author::default())?)
    }
}

impl Members for Author {
    fn member(&mut self, name: &str) -> Option<Slot<'_>> {
        (name == "name").then(|| Slot::new(&mut self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MAX_DEPTH;

    fn document(json: &str) -> FeedDocument {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn every_member_is_read_and_unknown_ones_are_forgotten() {
        let feed = document(
            r#"{"version": "v", "title": " T ", "x": {"y": [1]}, "language": "nn",
                "_saman": {"audience": "all", "future": 1},
                "items": [{"id": " a ", "title": "A", "content_html": "<p>Hei <b>du</b></p>",
                           "tags": ["t", 3], "authors": [{"name": "N"}, 5], "_saman": {"pinned": true}}]}"#,
        );
        assert!(feed.is_object);
        assert_eq!(feed.version, Field::Valid("v".to_owned()));
        assert_eq!(feed.title.valid().map(Text::as_str), Some("T"));
        assert_eq!(feed.saman.valid().unwrap().audience, Field::Valid("all".to_owned()));
        let items = feed.items.into_valid().unwrap();
        let item = items[0].valid().unwrap();
        assert_eq!(item.id, Field::Valid(Id { text: "a".to_owned(), was_number: false }));
        assert_eq!(item.content_html.valid().map(|h| h.0.as_str()), Some("Hei du"));
        assert_eq!(item.tags.valid().unwrap()[1], Field::Invalid("3".to_owned()));
        assert_eq!(item.authors.valid().unwrap()[1], Field::Invalid("5".to_owned()));
        assert_eq!(item.saman.valid().unwrap().pinned, Field::Valid(true));
    }

    #[test]
    fn the_last_of_duplicate_members_counts() {
        let feed = document(r#"{"title": "A", "title": "B", "items": [1], "items": [{"id": 1, "id": "x"}]}"#);
        assert_eq!(feed.title.valid().map(Text::as_str), Some("B"));
        let items = feed.items.into_valid().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].valid().unwrap().id.valid().map(|id| id.text.as_str()), Some("x"));
    }

    #[test]
    fn a_top_level_that_is_not_an_object_is_not_a_feed_yet_no_error() {
        for json in ["[1, {\"items\": []}]", "\"text\"", "null", "7"] {
            assert!(!document(json).is_object, "{json}");
        }
    }

    #[test]
    fn ids_are_strings_or_exact_whole_numbers() {
        let id = |json: &str| {
            let item: Field<ItemDocument> = serde_json::from_str(&format!("{{\"id\": {json}}}")).unwrap();
            item.into_valid().unwrap().id
        };
        let number = |text: &str| Field::Valid(Id { text: text.to_owned(), was_number: true });
        assert_eq!(id("42"), number("42"));
        assert_eq!(id("42.0"), number("42"));
        assert_eq!(id("4.2e1"), number("42"));
        assert_eq!(id("-7"), number("-7"));
        assert_eq!(id("9007199254740992"), number("9007199254740992"));
        assert_eq!(id("9007199254740993"), Field::Invalid("9007199254740993".to_owned()));
        assert_eq!(id("1.5"), Field::Invalid("1.5".to_owned()));
        assert_eq!(id("\"  \""), Field::Invalid("\"  \"".to_owned()));
        assert_eq!(id("[\"x\"]"), Field::Invalid("[\"x\"]".to_owned()));
    }

    #[test]
    fn huge_text_is_kept_short_but_its_length_is_known() {
        let item: Field<ItemDocument> =
            serde_json::from_str(&format!("{{\"title\": \"{}\"}}", "ordet \\n".repeat(100_000))).unwrap();
        let title = item.into_valid().unwrap().title.into_valid().unwrap();
        assert_eq!(title.as_str().chars().count(), Text::KEPT_CHARS);
        assert!(title.as_str().starts_with("ordet ordet"));
        assert_eq!(title.char_count(), 6 * 100_000 - 1);
    }

    /// A deserializer without a depth limit of its own (a
    /// `serde_json::Value` built by hand) is stopped anywhere in the
    /// document, in a value of the wrong kind as in an unknown member, and
    /// the whole read fails.
    #[test]
    fn nesting_beyond_the_limit_fails_the_document_with_any_deserializer() {
        let nest = |depth: usize| {
            let mut value = serde_json::Value::Null;
            for _ in 0..depth {
                value = serde_json::Value::Array(vec![value]);
            }
            value
        };
        for member in ["title", "unknown"] {
            let item = |depth| serde_json::json!({"items": [{"id": "a", member: nest(depth)}]});
            assert!(FeedDocument::deserialize(item(MAX_DEPTH)).is_ok(), "{member}");
            let error = FeedDocument::deserialize(item(1000)).unwrap_err();
            assert_eq!(error.to_string(), crate::field::RECURSION_LIMIT_EXCEEDED, "{member}");
        }
    }

    /// The same document through another deserializer (a `serde_json::Value`
    /// instead of the text) reads the same.
    #[test]
    fn any_deserializer_gives_the_same_document() {
        let json = r#"{"title": "T", "items": [{"id": 42.0, "title": ["x"], "_saman": "all"}, null]}"#;
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(FeedDocument::deserialize(value).unwrap(), document(json));
    }
}
