//! # story-feed
//!
//! The stories of saman-stories, with no knowledge of the browser: this crate
//! parses a JSON Feed 1.1 document with the `_saman` extension, validates it
//! item by item, and selects the stories of a view. The widget (in
//! WebAssembly) and the editors' command-line tool both use it, so a feed
//! means the same thing everywhere.
//!
//! ```
//! use story_feed::{Feed, View};
//!
//! let json = r#"{
//!   "version": "https://jsonfeed.org/version/1.1",
//!   "title": "Historier",
//!   "items": [
//!     {"id": "1", "title": "Ny leikeplass", "_saman": {"audience": "residents"}},
//!     {"id": "2", "title": "Nytt turnussystem", "_saman": {"audience": "colleagues"}}
//!   ]
//! }"#;
//! let feed = Feed::parse(json, "https://kommune.example/historier.json").unwrap();
//! let residents = feed.into_view(View::Residents);
//! assert_eq!(residents.len(), 1);
//! assert_eq!(residents[0].title, "Ny leikeplass");
//! ```
//!
//! The `check` feature (on by default) adds [`check_feed`], the editors'
//! full report with line numbers; it needs serde_json, which the widget
//! leaves out (`default-features = false`) to stay small.
//!
//! Invariants every consumer may rely on:
//! - every [`Story`] has a non-empty `id` (unique within the feed) and title;
//! - every URL in a [`Story`] is an absolute `http:` or `https:` URL;
//! - every string in a [`Story`] is plain text, never markup to interpret;
//! - [`Feed::into_view`] returns only stories that [`View::shows`].

mod audience;
#[cfg(feature = "check")]
mod check;
mod date;
mod feed;
mod filter;
pub mod json;
#[cfg(feature = "check")]
mod json_path;
pub mod text;
mod url;

pub use audience::{Audience, View};
#[cfg(feature = "check")]
pub use check::{check_feed, is_rfc3339, CheckOptions, CheckReport, Problem, Severity, JSON_FEED_VERSION};
pub use date::Date;
pub use feed::{
    is_language_tag, Feed, FeedError, Image, SkipReason, SkippedItem, Story, SUMMARY_MAX_CHARS,
    TITLE_MAX_CHARS,
};
pub use filter::StoryFilter;
#[cfg(feature = "check")]
pub use json_path::{JsonPath, Locations, Segment};
pub use url::resolve_http_url;
