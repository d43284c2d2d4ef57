//! # saman-stories
//!
//! The story widget: Rust compiled to WebAssembly that shows the stories of
//! a feed as an accessible rotating carousel inside the shadow root of a
//! `<saman-stories>` element.
//!
//! - [`embed`] is the entry point the loader (`loader/saman-stories.js`) calls:
//!   one Leptos mount per element;
//! - [`components`] are the Leptos views; [`carousel`], [`shown_stories`],
//!   [`config`], [`i18n`], [`analytics`], [`sizer`], [`swipe`], [`backoff`],
//!   [`short_url`] and [`load_error`] are plain logic, unit-tested natively;
//! - [`browser`] wraps the browser resources (the feed request and its
//!   retries, timers, listeners, observers, the analytics events, crash
//!   handling, counts for leak tests), each cleaning up when dropped;
//! - feeds themselves are the business of the `story-feed` crate.

pub mod analytics;
pub mod backoff;
pub mod browser;
pub mod carousel;
pub mod components;
pub mod config;
pub mod embed;
pub mod i18n;
pub mod load_error;
pub mod short_url;
pub mod shown_stories;
pub mod sizer;
pub mod swipe;

/// The allocator in the browser: talc, smaller and faster than dlmalloc.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
