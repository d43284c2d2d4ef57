//! The shipped WebAssembly binary (a bin target, so it is built with LTO).
//!
//! It mounts nothing by itself: the loader calls the library's exported
//! `mount` once per `<saman-stories>` element on the page.

use saman_stories as _;

fn main() {}
