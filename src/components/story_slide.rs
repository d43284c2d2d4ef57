use leptos::prelude::*;
use story_feed::Story;

use super::StoryContent;
use crate::i18n::Lang;

/// One story as a carousel slide: a group named "N of M" (CAROUSEL-A11Y S2),
/// with its own `lang` when the story is written in another language than
/// the UI (V8).
#[component]
pub fn StorySlide(
    /// The story to show.
    story: Story,
    /// Its 1-based position in the view.
    number: usize,
    /// How many stories the view has.
    total: usize,
    /// The UI language.
    lang: Lang,
    /// The level of the title's heading.
    heading_level: u8,
    /// Whether this is the first slide shown (its picture loads at once).
    first: bool,
    /// Its column when several slides show side by side, from 1.
    column: usize,
) -> impl IntoView {
    let strings = lang.strings();
    let story_lang = story.language.clone().filter(|tag| lang.differs_from(tag));
    view! {
        <div
            class=format!("saman-slide saman-story-layout saman-column-{column}")
            part="slide"
            role="group"
            aria-roledescription=strings.slide
            aria-label=strings.position(number, total)
            lang=story_lang
        >
            <StoryContent story lang heading_level eager=first />
        </div>
    }
}
