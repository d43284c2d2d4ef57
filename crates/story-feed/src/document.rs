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

use serde::de::{Deserializer, MapAccess};
use serde::Deserialize;

use crate::field::{read_members, Field, FieldValue, Members};
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
const EXACT_INTEGER_MAX: i128 = 1 << 53;

impl FieldValue for Id {
    fn from_string(text: &str) -> Option<Self> {
        let text = text.trim();
        (!text.is_empty()).then(|| Id { text: text.to_owned(), was_number: false })
    }

    fn from_whole_number(value: i128) -> Option<Self> {
        (value.abs() <= EXACT_INTEGER_MAX).then(|| Id { text: value.to_string(), was_number: true })
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
    fn from_string(text: &str) -> Option<Self> {
        Some(Text::new(text))
    }
}

/// `content_html` reduced to plain text (see [`html_to_text`]): the widget
/// never uses the markup, and the text is far smaller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlText(pub Text);

impl FieldValue for HtmlText {
    fn from_string(html: &str) -> Option<Self> {
        Some(HtmlText(Text::new(&html_to_text(html))))
    }
}

impl<'de> Deserialize<'de> for FeedDocument {
    /// Never fails but on nesting beyond [`crate::MAX_DEPTH`] (or what the
    /// deserializer itself refuses): a top level that is not an object is a
    /// document with `is_object == false`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Field::<FeedDocument>::deserialize(deserializer)?.into_valid().unwrap_or_default())
    }
}

/// The members of the top level.
enum FeedMember {
    Version,
    Title,
    HomePageUrl,
    FeedUrl,
    Language,
    Saman,
    Items,
}

impl Members for FeedMember {
    fn named(name: &str) -> Option<Self> {
        Some(match name {
            "version" => FeedMember::Version,
            "title" => FeedMember::Title,
            "home_page_url" => FeedMember::HomePageUrl,
            "feed_url" => FeedMember::FeedUrl,
            "language" => FeedMember::Language,
            "_saman" => FeedMember::Saman,
            "items" => FeedMember::Items,
            _ => return None,
        })
    }
}

impl FieldValue for FeedDocument {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Result<Self, A>, A::Error> {
        let mut feed = FeedDocument { is_object: true, ..FeedDocument::default() };
        read_members(&mut map, |member, map| {
            match member {
                FeedMember::Version => feed.version = map.next_value()?,
                FeedMember::Title => feed.title = map.next_value()?,
                FeedMember::HomePageUrl => feed.home_page_url = map.next_value()?,
                FeedMember::FeedUrl => feed.feed_url = map.next_value()?,
                FeedMember::Language => feed.language = map.next_value()?,
                FeedMember::Saman => feed.saman = map.next_value()?,
                // An earlier `items` is dropped before the next one is read.
                FeedMember::Items => {
                    feed.items = Field::Absent;
                    feed.items = map.next_value()?;
                }
            }
            Ok(())
        })?;
        Ok(Ok(feed))
    }
}

/// The members of an item.
enum ItemMember {
    Id,
    Url,
    ExternalUrl,
    Title,
    Summary,
    ContentText,
    ContentHtml,
    Image,
    BannerImage,
    DatePublished,
    DateModified,
    Authors,
    Author,
    Tags,
    Language,
    Saman,
}

impl Members for ItemMember {
    fn named(name: &str) -> Option<Self> {
        Some(match name {
            "id" => ItemMember::Id,
            "url" => ItemMember::Url,
            "external_url" => ItemMember::ExternalUrl,
            "title" => ItemMember::Title,
            "summary" => ItemMember::Summary,
            "content_text" => ItemMember::ContentText,
            "content_html" => ItemMember::ContentHtml,
            "image" => ItemMember::Image,
            "banner_image" => ItemMember::BannerImage,
            "date_published" => ItemMember::DatePublished,
            "date_modified" => ItemMember::DateModified,
            "authors" => ItemMember::Authors,
            "author" => ItemMember::Author,
            "tags" => ItemMember::Tags,
            "language" => ItemMember::Language,
            "_saman" => ItemMember::Saman,
            _ => return None,
        })
    }
}

impl FieldValue for ItemDocument {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Result<Self, A>, A::Error> {
        let mut item = ItemDocument::default();
        read_members(&mut map, |member, map| {
            match member {
                ItemMember::Id => item.id = map.next_value()?,
                ItemMember::Url => item.url = map.next_value()?,
                ItemMember::ExternalUrl => item.external_url = map.next_value()?,
                ItemMember::Title => item.title = map.next_value()?,
                ItemMember::Summary => item.summary = map.next_value()?,
                ItemMember::ContentText => item.content_text = map.next_value()?,
                ItemMember::ContentHtml => item.content_html = map.next_value()?,
                ItemMember::Image => item.image = map.next_value()?,
                ItemMember::BannerImage => item.banner_image = map.next_value()?,
                ItemMember::DatePublished => item.date_published = map.next_value()?,
                ItemMember::DateModified => item.date_modified = map.next_value()?,
                ItemMember::Authors => item.authors = map.next_value()?,
                ItemMember::Author => item.author = map.next_value()?,
                ItemMember::Tags => item.tags = map.next_value()?,
                ItemMember::Language => item.language = map.next_value()?,
                ItemMember::Saman => item.saman = map.next_value()?,
            }
            Ok(())
        })?;
        Ok(Ok(item))
    }
}

/// The members of `_saman`.
enum SamanMember {
    Audience,
    ImageAlt,
    Storyteller,
    StorytellerName,
    Expires,
    Pinned,
}

impl Members for SamanMember {
    fn named(name: &str) -> Option<Self> {
        Some(match name {
            "audience" => SamanMember::Audience,
            "image_alt" => SamanMember::ImageAlt,
            "storyteller" => SamanMember::Storyteller,
            "storyteller_name" => SamanMember::StorytellerName,
            "expires" => SamanMember::Expires,
            "pinned" => SamanMember::Pinned,
            _ => return None,
        })
    }
}

impl FieldValue for SamanExtension {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Result<Self, A>, A::Error> {
        let mut saman = SamanExtension::default();
        read_members(&mut map, |member, map| {
            match member {
                SamanMember::Audience => saman.audience = map.next_value()?,
                SamanMember::ImageAlt => saman.image_alt = map.next_value()?,
                SamanMember::Storyteller => saman.storyteller = map.next_value()?,
                SamanMember::StorytellerName => saman.storyteller_name = map.next_value()?,
                SamanMember::Expires => saman.expires = map.next_value()?,
                SamanMember::Pinned => saman.pinned = map.next_value()?,
            }
            Ok(())
        })?;
        Ok(Ok(saman))
    }
}

/// The members of an author.
enum AuthorMember {
    Name,
}

impl Members for AuthorMember {
    fn named(name: &str) -> Option<Self> {
        (name == "name").then_some(AuthorMember::Name)
    }
}

impl FieldValue for Author {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Result<Self, A>, A::Error> {
        let mut author = Author::default();
        read_members(&mut map, |AuthorMember::Name, map| {
            author.name = map.next_value()?;
            Ok(())
        })?;
        Ok(Ok(author))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The same document through another deserializer (a `serde_json::Value`
    /// instead of the text) reads the same.
    #[test]
    fn any_deserializer_gives_the_same_document() {
        let json = r#"{"title": "T", "items": [{"id": 42.0, "title": ["x"], "_saman": "all"}, null]}"#;
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(FeedDocument::deserialize(value).unwrap(), document(json));
    }
}
