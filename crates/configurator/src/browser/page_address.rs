//! The page's own address: the settings in its query string, the folder
//! the widget's files are in, and the browser's languages.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

/// The query parameters of the page's address, in order.
pub fn read_query() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|window| window.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    let Ok(Some(entries)) = js_sys::try_iter(&params) else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Replaces the page's query string with `pairs` (no new history entry),
/// and returns the page's new address.
pub fn write_query(pairs: &[(&str, String)]) -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let location = window.location();
    let Ok(params) = UrlSearchParams::new() else { return String::new() };
    for (name, value) in pairs {
        params.append(name, value);
    }
    let query = String::from(params.to_string());
    let path = location.pathname().unwrap_or_default();
    let address = if query.is_empty() { path } else { format!("{path}?{query}") };
    if let Ok(history) = window.history() {
        // Refused only for another origin, which a path never is.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
    location.href().unwrap_or_default()
}

/// The folder this page is served from: the widget's files are next to it.
pub fn own_folder() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|href| web_sys::Url::new_with_base(".", &href).ok())
        .map(|url| url.href())
        .unwrap_or_default()
}

/// The browser's preferred languages, most wanted first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}
