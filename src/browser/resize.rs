//! Knowing an element's width as it changes (a `ResizeObserver` that
//! disconnects when dropped).

use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

use super::live_count::{Live, LISTENERS};

/// Calls back with the element's width in its own `em` whenever its size
/// changes, for as long as it lives.
pub struct WidthObserver {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
    _live: Live,
}

impl WidthObserver {
    /// Observes `element`; `None` where the browser has no ResizeObserver.
    pub fn new(element: &Element, on_width_em: impl Fn(f64) + 'static) -> Option<WidthObserver> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.pop().dyn_into::<ResizeObserverEntry>() else { return };
            on_width_em(width_in_em(&entry.target()));
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(WidthObserver { observer, _callback: callback, _live: Live::new(&LISTENERS) })
    }
}

/// The content width of `element` in its own `em` (its computed font size;
/// 16 px when the browser does not say), so the breakpoints follow the
/// visitor's text size.
fn width_in_em(element: &Element) -> f64 {
    let font_px = web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .map(|size| js_sys::parse_float(&size))
        // Not NaN, and not zero.
        .filter(|px| *px > 0.0)
        .unwrap_or(16.0);
    f64::from(element.client_width()) / font_px
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
