//! Inline SVG icons. They are decoration: every button that shows one also
//! has a text name.

use leptos::prelude::*;

/// Two bars: rotation is on and the button stops it.
#[component]
pub fn PauseIcon() -> impl IntoView {
    view! {
        <svg class="saman-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z"></path>
        </svg>
    }
}

/// A triangle: rotation is off and the button starts it.
#[component]
pub fn PlayIcon() -> impl IntoView {
    view! {
        <svg class="saman-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M8 5v14l11-7z"></path>
        </svg>
    }
}

/// A chevron pointing left (previous) or right (next).
#[component]
pub fn ChevronIcon(
    /// Whether the chevron points left.
    left: bool,
) -> impl IntoView {
    let path = if left {
        "M15.4 6.4 14 5l-7 7 7 7 1.4-1.4L9.8 12z"
    } else {
        "M8.6 6.4 10 5l7 7-7 7-1.4-1.4 5.6-5.6z"
    };
    view! {
        <svg class="saman-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path></path>
        </svg>
    }
}
