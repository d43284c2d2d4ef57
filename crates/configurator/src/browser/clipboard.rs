//! Copying code to the clipboard, with the selection as the fallback.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`. Where the browser has no clipboard for the page or
/// refuses, selects `shown` (the element showing the text) instead, so
/// Ctrl+C copies it; returns whether the text was copied.
pub async fn copy(text: &str, shown: &web_sys::Element) -> bool {
    let clipboard = web_sys::window()
        .map(|window| window.navigator())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"clipboard".into()).ok())
        .and_then(|clipboard| clipboard.dyn_into::<web_sys::Clipboard>().ok());
    if let Some(clipboard) = clipboard {
        if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return true;
        }
    }
    if let Some(selection) = web_sys::window().and_then(|window| window.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
        let _ = selection.select_all_children(shown);
    }
    false
}
