//! Counts of the widget's live browser resources, so tests can prove that a
//! removed widget leaves nothing running (no timers, requests, listeners or
//! widget).
//!
//! Each resource holds a [`Live`] token: created with the resource, dropped
//! with it. The loader exposes the counts as
//! `customElements.get('saman-stories').debugCounts()`.

use std::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::prelude::*;

/// Mounted widgets.
pub static WIDGETS: AtomicUsize = AtomicUsize::new(0);
/// Pending rotation timers.
pub static TIMERS: AtomicUsize = AtomicUsize::new(0);
/// Event listeners and observers on the page or the widget.
pub static LISTENERS: AtomicUsize = AtomicUsize::new(0);
/// Feed requests held by widgets (in flight or finished but not yet freed).
pub static REQUESTS: AtomicUsize = AtomicUsize::new(0);

/// Counts one live resource in `counter` for as long as it exists.
pub struct Live(&'static AtomicUsize);

impl Live {
    /// Counts one more resource in `counter`.
    pub fn new(counter: &'static AtomicUsize) -> Live {
        counter.fetch_add(1, Ordering::Relaxed);
        Live(counter)
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// `{ widgets, timers, requests, listeners }`: how many of each are alive now.
#[wasm_bindgen]
pub fn debug_counts() -> js_sys::Object {
    let counts = js_sys::Object::new();
    for (name, counter) in
        [("widgets", &WIDGETS), ("timers", &TIMERS), ("requests", &REQUESTS), ("listeners", &LISTENERS)]
    {
        let value = JsValue::from(counter.load(Ordering::Relaxed) as u32);
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&counts, &name.into(), &value);
    }
    counts
}
