//! Browser resources, each wrapped in a type or function that cleans up after
//! itself, so the components stay free of `web_sys` plumbing. Observers,
//! document listeners, media queries and the rotation timer come from
//! leptos-use in the components themselves; what is here has no leptos-use
//! counterpart (the feed request and its retries, crash handling, counts for
//! leak tests).

pub mod console;
pub mod crash;
pub mod feed_loader;
pub mod feed_request;
pub mod live_count;
pub mod timer;
pub mod width;
