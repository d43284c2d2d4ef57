use leptos::prelude::*;
use story_feed::Story;

use super::story_content::{StoryContent, StoryStyle};

/// One story as a carousel slide: a group named "N of M" (accessibility
/// checklist S2), with its own `lang` when the story is written in another
/// language than the UI (V8).
#[component]
pub fn StorySlide(
    /// The story to show.
    story: Story,
    /// Where it is among the stories and on screen.
    place: SlidePlace,
    /// Language, heading level and page or info screen.
    style: StoryStyle,
    /// Whether its picture loads at once (the very first story's only).
    eager: bool,
) -> impl IntoView {
    let strings = style.lang.strings();
    let story_lang = story.language.clone().filter(|tag| style.lang.differs_from(tag));
    view! {
        <div
            class=numbered("saman-slide saman-story-layout saman-column-", place.column)
            part="slide"
            role="group"
            aria-roledescription=strings.slide
            aria-label=strings.position(place.number, place.total)
            lang=story_lang
        >
            <StoryContent story style eager position=place.number />
        </div>
    }
}

/// Where a slide is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlidePlace {
    /// Its story's 1-based position in the view.
    pub number: usize,
    /// How many stories the view has.
    pub total: usize,
    /// Its column when several slides show side by side, from 1.
    pub column: usize,
}

/// `prefix` followed by the single digit `n` (1–3 here; at most 9).
pub fn numbered(prefix: &str, n: usize) -> String {
    let mut text = String::from(prefix);
    text.push(char::from(b'0' + n.min(9) as u8));
    text
}
