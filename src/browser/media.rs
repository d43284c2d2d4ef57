//! Media queries the widget honours.

use web_sys::MediaQueryList;

/// The visitor's "reduce motion" setting, as a query that also says when it
/// changes (accessibility checklist T5); `None` where the browser cannot
/// tell.
pub fn reduced_motion() -> Option<MediaQueryList> {
    web_sys::window()?.match_media("(prefers-reduced-motion: reduce)").ok().flatten()
}
