use leptos::prelude::*;

/// What the widget shows instead of stories: while loading, when the view
/// is empty, or when the feed failed. It has the carousel's very shape (a
/// controls bar, a picture box, a caption), so the carousel replaces it
/// without moving the host page (accessibility checklist M1).
#[component]
pub fn StatusMessage(
    /// The message, in the UI language.
    text: &'static str,
    /// `loading`, `empty` or `error`: a modifier for styling.
    kind: &'static str,
) -> impl IntoView {
    view! {
        <div
            class=format!("saman-frame saman-status saman-status--{kind}")
            part="status"
            aria-busy=(kind == "loading").then_some("true")
        >
            <div class="saman-controls"></div>
            <div class="saman-story-layout">
                <div class="saman-media"></div>
                <div class="saman-caption">
                    // A status, so a screen reader hears loading turn into an error.
                    <p class="saman-status-text" role="status">{text}</p>
                </div>
            </div>
        </div>
    }
}
