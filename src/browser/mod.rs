//! Browser resources, each wrapped in a type or function that cleans up after
//! itself, so the views stay free of `web_sys` plumbing.

pub mod console;
pub mod crash;
pub mod event_listener;
pub mod feed_loader;
pub mod feed_request;
pub mod live_count;
pub mod media;
pub mod on_screen;
pub mod resize;
pub mod timer;
