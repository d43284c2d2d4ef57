//! An event listener that is removed when dropped.

use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget};

use super::live_count::{Live, LISTENERS};

/// Listens for `event` on `target` for as long as it lives.
pub struct EventListener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(Event)>,
    _live: Live,
}

impl EventListener {
    /// Starts calling `handler` for every `event` on `target`.
    pub fn new(
        target: &EventTarget,
        event: &'static str,
        handler: impl FnMut(Event) + 'static,
    ) -> EventListener {
        let callback = Closure::<dyn FnMut(Event)>::new(handler);
        // Adding a listener with a valid function cannot fail.
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        EventListener { target: target.clone(), event, callback, _live: Live::new(&LISTENERS) }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
    }
}
