//! Media queries the widget honours.

/// Whether the visitor asked for reduced motion: the carousel then starts
/// stopped and changes slides without animation (CAROUSEL-A11Y T5).
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|query| query.matches())
}
