//! # story-feed
//!
//! The stories of saman-stories, with no knowledge of the browser: this crate
//! reads a JSON Feed 1.1 document with the `_saman` extension, validates it
//! item by item, and selects the stories an embed shows. The widget (in
//! WebAssembly) and the editors' command-line tool both use it, so a feed
//! means the same thing everywhere.
//!
//! ```
//! use story_feed::{Feed, Selection, View};
//!
//! let json = r#"{
//!   "version": "https://jsonfeed.org/version/1.1",
//!   "title": "Historier",
//!   "items": [
//!     {"id": "1", "title": "Ny leikeplass", "_saman": {"audience": "residents"}},
//!     {"id": "2", "title": "Nytt turnussystem", "_saman": {"audience": "colleagues"}},
//!     {"id": "3", "content_text": "Biblioteket held ope til ti. Kom innom!"}
//!   ]
//! }"#;
//! let feed = Feed::parse(json, "https://kommune.example/historier.json").unwrap();
//! let residents = feed.select(&Selection { view: View::Residents, ..Selection::default() });
//! assert_eq!(residents.len(), 2);
//! assert_eq!(residents[0].title, "Ny leikeplass");
//! // An item without a title gets a heading made from its text.
//! assert_eq!(residents[1].title, "Biblioteket held ope til ti");
//! assert_eq!(residents[1].summary, "Kom innom!");
//! ```
//!
//! The layers, each in its own module:
//! - [`FeedDocument`] and its parts: the document as written, read with
//!   serde from any deserializer, every member a lenient [`Field`];
//! - [`Feed::from_document`] (and [`Feed::parse`], with serde_json): the
//!   rules that make stories of items, or skip them with a reason;
//! - [`Feed::select`] with a [`Selection`]: which stories an embed shows;
//! - [`check_feed`]: the editors' report over the same rules, with JSON
//!   paths and line numbers ([`Locations`]).
//!
//! Invariants every consumer may rely on:
//! - every [`Story`] has a non-empty `id` (unique within the feed) and title;
//! - every URL in a [`Story`] is an absolute `http:` or `https:` URL;
//! - every string in a [`Story`] is plain text, never markup to interpret;
//! - [`Feed::select`] returns only stories that [`Selection::shows`];
//! - reading a document recurses at most [`MAX_DEPTH`] levels, whatever
//!   the deserializer.

mod audience;
mod check;
mod date;
mod document;
mod feed;
mod field;
mod filter;
mod json_path;
mod lone_surrogates;
mod seen_ids;
mod selection;
mod storyteller;
pub mod text;
mod url;

pub use audience::{Audience, View};
pub use check::{
    check_feed, is_rfc3339, CheckOptions, CheckReport, Problem, Severity, JSON_FEED_VERSION,
    WIDGET_SKIPS_THIS_ITEM,
};
pub use date::Date;
pub use document::{Author, FeedDocument, HtmlText, Id, ItemDocument, SamanExtension, Text};
pub use feed::{
    is_language_tag, Feed, FeedError, Image, ItemNote, NoteKind, SkipReason, SkippedItem, Story,
    IMAGE_ALT_MAX_CHARS, NAME_MAX_CHARS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS,
};
pub use field::{Elements, Field, FieldValue, Members, Scalar, Slot, MAX_DEPTH};
pub use filter::StoryFilter;
pub use json_path::{JsonPath, Locations, Segment};
pub use lone_surrogates::{lone_surrogate_escapes, replace_lone_surrogates};
pub use selection::Selection;
pub use storyteller::Storyteller;
pub use url::resolve_http_url;
