//! Messages for the webmaster in the browser console, always prefixed with
//! `saman-stories:` so they are easy to find among the host page's own.

/// Logs a problem that stopped a widget from showing its stories.
pub fn error(message: &str) {
    web_sys::console::error_1(&format!("saman-stories: {message}").into());
}

/// Logs a problem the widget worked around.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("saman-stories: {message}").into());
}
