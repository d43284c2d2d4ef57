use web_sys::Element;

use super::dom::el;

/// What the widget shows instead of stories: while loading, when the view
/// is empty, or when the feed failed. It has the carousel's very shape (a
/// controls bar, a picture box, a caption), so the carousel replaces it
/// without moving the host page (CAROUSEL-A11Y M1).
///
/// `kind` (`loading`, `empty` or `error`) is a modifier for styling; `text`
/// is in the UI language.
pub fn status_message(text: &str, kind: &str) -> Element {
    let mut class = String::from("saman-frame saman-status saman-status--");
    class.push_str(kind);
    el("div")
        .class(&class)
        .part("status")
        .attr_some("aria-busy", (kind == "loading").then_some("true"))
        .child(el("div").class("saman-controls"))
        .child(
            el("div").class("saman-story-layout").child(el("div").class("saman-media")).child(
                // A status, so a screen reader hears loading turn into an error.
                el("div")
                    .class("saman-caption")
                    .child(el("p").class("saman-status-text").attr("role", "status").text(text)),
            ),
        )
        .build()
}
