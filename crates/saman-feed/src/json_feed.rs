//! The JSON Feed 1.1 documents this tool writes.
//!
//! Field order is fixed by these structs (serde writes fields in declaration
//! order), and absent fields are left out rather than written as `null`, so
//! the same stories always give the same bytes. [`to_json`] writes two-space
//! indented JSON ending in a newline, friendly to diffs and version control.

use serde::Serialize;
use story_feed::JSON_FEED_VERSION;

/// A feed document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonFeed {
    /// Always [`JSON_FEED_VERSION`].
    pub version: &'static str,
    /// The feed's title.
    pub title: String,
    /// The website the stories belong to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_page_url: Option<String>,
    /// Where this feed is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed_url: Option<String>,
    /// What the feed is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The feed's default language (BCP 47).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The stories.
    pub items: Vec<JsonItem>,
}

impl JsonFeed {
    /// An empty feed titled `title`.
    pub fn new(title: String) -> JsonFeed {
        JsonFeed {
            version: JSON_FEED_VERSION,
            title,
            home_page_url: None,
            feed_url: None,
            description: None,
            language: None,
            items: Vec::new(),
        }
    }
}

/// One story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonItem {
    /// Unique within the feed.
    pub id: String,
    /// The full story on the web.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The headline. Absent for an imported item that had none (valid in
    /// RSS and JSON Feed): the widget then makes a heading from its text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The slide text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The story as sanitized HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_html: Option<String>,
    /// The story as plain text (JSON Feed needs this or `content_html`).
    pub content_text: String,
    /// The picture: absolute, or relative to the feed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<JsonAuthor>,
    /// Free-form tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// BCP 47.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The saman-stories extension.
    #[serde(rename = "_saman")]
    pub saman: SamanItem,
}

/// An author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonAuthor {
    /// The author's name.
    pub name: String,
}

/// The `_saman` object of an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SamanItem {
    /// `residents`, `colleagues` or `all`.
    pub audience: &'static str,
    /// The picture's alternative text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_alt: Option<String>,
    /// The kind of person whose story it is: `resident` or `employee`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storyteller: Option<&'static str>,
    /// That person's published name and role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storyteller_name: Option<String>,
    /// The last day the story is shown (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Shown before unpinned stories.
    #[serde(skip_serializing_if = "is_false")]
    pub pinned: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The document as indented JSON with a trailing newline.
pub fn to_json(feed: &JsonFeed) -> String {
    // Serializing these plain structs to a String cannot fail.
    let mut json = serde_json::to_string_pretty(feed).unwrap_or_default();
    json.push('\n');
    json
}
