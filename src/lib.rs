//! # saman-stories
//!
//! The story widget: Rust compiled to WebAssembly that shows the stories of
//! a feed as an accessible rotating carousel inside the shadow root of a
//! `<saman-stories>` element.
//!
//! - [`embed`] is the entry point the loader (`loader/saman-stories.js`) calls;
//! - [`view`] builds and updates the DOM; [`carousel`], [`config`], [`i18n`], [`sizer`],
//!   [`swipe`], [`backoff`] and [`load_error`] are plain logic, unit-tested
//!   natively;
//! - [`browser`] wraps the browser resources (requests, console, media queries);
//! - feeds themselves are the business of the `story-feed` crate.

pub mod backoff;
pub mod browser;
pub mod carousel;
pub mod config;
pub mod embed;
pub mod i18n;
pub mod load_error;
pub mod short_url;
pub mod sizer;
pub mod swipe;
pub mod view;

/// The allocator in the browser: talc, smaller and faster than dlmalloc.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
