//! Knowing whether an element is in the viewport (an `IntersectionObserver`
//! that disconnects when dropped).

use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

use super::live_count::{Live, LISTENERS};

/// Calls back with `true` when the element enters the viewport and `false`
/// when it leaves it, for as long as it lives.
pub struct OnScreenObserver {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
    _live: Live,
}

impl OnScreenObserver {
    /// Observes `element`; `None` where the browser has no IntersectionObserver.
    pub fn new(element: &Element, on_change: impl Fn(bool) + 'static) -> Option<OnScreenObserver> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the newest state.
            if let Ok(entry) = entries.pop().dyn_into::<IntersectionObserverEntry>() {
                on_change(entry.is_intersecting());
            }
        });
        let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(OnScreenObserver { observer, _callback: callback, _live: Live::new(&LISTENERS) })
    }
}

impl Drop for OnScreenObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
