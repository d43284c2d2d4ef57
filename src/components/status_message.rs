use leptos::prelude::*;

/// What the widget shows instead of stories: while loading, when the view
/// is empty, or when the feed failed. It keeps the carousel's footprint, so
/// the host page does not shift when the stories arrive.
#[component]
pub fn StatusMessage(
    /// The text to show, in the UI language.
    text: &'static str,
    /// A modifier for styling: `loading`, `empty` or `error`.
    kind: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("saman-frame saman-status saman-status--{kind}") aria-busy=(kind == "loading").then_some("true")>
            <p class="saman-status-text">{text}</p>
        </div>
    }
}
