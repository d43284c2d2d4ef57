//! Firing the analytics events (see [`crate::analytics`]) on a widget's host
//! element, as bubbling, composed `CustomEvent`s that the page's own code
//! can listen for on the element, the document or the window.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

use super::hosts::{host_of, WidgetId};
use crate::analytics::{DetailValue, WidgetEvent};

/// Fires `event` on widget `widget`'s element (nothing if it is gone).
pub fn fire(widget: WidgetId, event: WidgetEvent<'_>) {
    let Some(host) = host_of(widget) else { return };
    let detail = js_sys::Object::new();
    for (key, value) in event.detail() {
        let value = match value {
            DetailValue::Text(text) => JsValue::from_str(text),
            DetailValue::Number(number) => JsValue::from_f64(number as f64),
            DetailValue::Flag(flag) => JsValue::from_bool(flag),
            DetailValue::Nothing => JsValue::NULL,
        };
        // Setting a member of a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&event);
    }
}
