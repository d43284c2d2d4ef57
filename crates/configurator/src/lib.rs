//! # saman-configurator
//!
//! `configure.html`, the page where a webmaster sets up the widget without
//! a terminal: paste the feed's address (or drop a feed file) and see the
//! same report as `saman-feed check`; choose every setting with its default
//! and a short help text; see the real widget with those settings at three
//! widths on a light and a dark page; copy the code in its three forms,
//! with the Content-Security-Policy sources a strict site needs. The
//! settings live in the page's address, so a link reopens them.
//!
//! - [`settings`], [`report`], [`load_failure`], [`preview`] and [`i18n`]
//!   are plain logic, unit-tested natively;
//! - [`browser`] fetches, reads files, keeps the address and copies;
//! - [`components`] are the Leptos views.
//!
//! The code itself comes from the `embed-snippet` crate and the report
//! from `story_feed::check_feed`, the same as the command-line tool's.

pub mod browser;
pub mod components;
pub mod i18n;
pub mod load_failure;
pub mod preview;
pub mod report;
pub mod settings;

/// Shows the page in `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(components::App);
}
