//! # saman-feed
//!
//! The story editors' command-line tool for saman-stories. Stories come from
//! people — communication staff, intranet editors, employees and residents
//! who agreed to share — and this tool turns them into the feeds the widget
//! reads, and catches mistakes before a resident sees them:
//!
//! - `check` validates a feed (JSON Feed 1.1 with the `_saman` extension);
//! - `build` turns a folder of Markdown stories into one feed per audience;
//! - `import` converts another system's RSS, Atom or JSON Feed;
//! - `digest` writes the newest stories of one view as a newsletter section;
//! - `serve` previews feeds and the widget locally;
//! - `snippet` prints the embed code and the CSP a host page needs.
//!
//! Everything about what a feed *means* lives in the shared `story-feed`
//! crate, so the tool and the widget never disagree.

pub mod atomic_write;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod digest;
pub mod failure;
pub mod feed_title;
pub mod front_matter;
pub mod import;
pub mod json_feed;
pub mod markdown;
pub mod norwegian_time;
pub mod sanitize;
pub mod source;
pub mod story_file;
