//! Browser resources, each in a type that cleans up when dropped (listeners,
//! observers, timers, requests), so the components stay free of `web_sys`
//! plumbing. A component keeps them in a `StoredValue`, which its owner
//! drops on cleanup.
//!
//! These are small wrappers of our own rather than leptos-use hooks: the
//! five hooks the carousel would use (timeout, document visibility,
//! intersection and resize observers, media query) cost 12.6 KB of brotli
//! wasm more than these files (DEVELOPERS.md, "How the widget stays small").

pub mod console;
pub mod crash;
pub mod event_listener;
pub mod events;
pub mod feed_loader;
pub mod feed_request;
pub mod hosts;
pub mod live_count;
pub mod media;
pub mod on_screen;
pub mod resize;
pub mod timer;
