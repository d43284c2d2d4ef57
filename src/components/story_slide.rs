use leptos::prelude::*;
use story_feed::Story;

use crate::i18n::{Lang, Strings};

/// One story as a slide: picture, title (a link to the full story when the
/// feed has one), summary and date. Every string is set as text, never as
/// HTML, so nothing in a feed can run.
#[component]
pub fn StorySlide(
    /// The story to show.
    story: Story,
    /// Its 1-based position in the view.
    number: usize,
    /// How many stories the view has.
    total: usize,
    /// The UI language, to mark stories written in another one.
    lang: Lang,
) -> impl IntoView {
    let strings: &'static Strings = lang.strings();
    let story_lang = story.language.filter(|tag| lang.differs_from(tag));
    let title = match story.url {
        Some(href) => view! { <a class="saman-link" href=href>{story.title}</a> }.into_any(),
        None => story.title.into_any(),
    };
    view! {
        <div
            class="saman-slide"
            role="group"
            aria-roledescription=strings.slide
            aria-label=strings.position(number, total)
            lang=story_lang
        >
            <div class="saman-media">
                {story.image.map(|image| view! {
                    // The shown slide is the first image the visitor sees: never lazy (M2).
                    <img class="saman-image" src=image.src alt=image.alt decoding="async" />
                })}
            </div>
            <div class="saman-caption">
                <h3 class="saman-title">{title}</h3>
                {(!story.summary.is_empty()).then(|| view! { <p class="saman-summary">{story.summary}</p> })}
                {story.published.map(|date| view! {
                    <p class="saman-date"><time datetime=date.to_string()>{strings.date(date)}</time></p>
                })}
            </div>
        </div>
    }
}
