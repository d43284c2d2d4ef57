//! Inline SVG icons. They are decoration: every button that shows one also
//! has a text name.

use leptos::prelude::*;

/// Two bars: rotation is on and the button stops it.
pub const PAUSE: &str = "M7 5h3.5v14H7zM13.5 5H17v14h-3.5z";
/// A triangle: rotation is off and the button starts it.
pub const PLAY: &str = "M8 5v14l11-7z";
/// A chevron pointing left (previous).
pub const CHEVRON_LEFT: &str = "M15.4 6.4 14 5l-7 7 7 7 1.4-1.4L9.8 12z";
/// A chevron pointing right (next).
pub const CHEVRON_RIGHT: &str = "M8.6 6.4 10 5l7 7-7 7-1.4-1.4 5.6-5.6z";

/// An icon, hidden from assistive technology.
#[component]
pub fn Icon(
    /// The path to draw (one of the constants above); it may change, and
    /// the icon stays the same node.
    #[prop(into)]
    path: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <svg class="saman-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path></path>
        </svg>
    }
}
