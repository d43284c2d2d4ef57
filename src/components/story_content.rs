use leptos::prelude::*;
use story_feed::Story;

use crate::config::Mode;
use crate::i18n::Lang;
use crate::short_url::short_url;

/// A story's picture and caption: title (a link to the full story when the
/// feed has one) as a heading of the configured level, summary and date.
/// Every string is set as text, never as HTML, so nothing in a feed can run.
/// Used by both the carousel's slides and the list.
#[component]
pub fn StoryContent(
    /// The story to show.
    story: Story,
    /// The UI language, for the date.
    lang: Lang,
    /// The level of the title's heading, 2–6.
    heading_level: u8,
    /// Whether the picture is the first one a visitor sees: that one loads
    /// at once, every other one lazily (CAROUSEL-A11Y M2).
    eager: bool,
) -> impl IntoView {
    let strings = lang.strings();
    let address = kiosk_address(&story);
    let title = match story.url {
        Some(href) => view! { <a class="saman-link" part="link" href=href>{story.title}</a> }.into_any(),
        None => story.title.into_any(),
    };
    view! {
        <div class="saman-media" part="media">
            {story.image.map(|image| view! {
                <img
                    class="saman-image"
                    part="image"
                    src=image.src
                    alt=image.alt
                    loading=if eager { "eager" } else { "lazy" }
                    decoding="async"
                />
            })}
        </div>
        <div class="saman-caption" part="caption">
            {heading(heading_level, title)}
            {(!story.summary.is_empty()).then(|| view! { <p class="saman-summary" part="summary">{story.summary}</p> })}
            {story.published.map(|date| view! {
                <p class="saman-date" part="date"><time datetime=date.to_string()>{strings.date(date)}</time></p>
            })}
            {address.map(|address| view! { <p class="saman-address" part="address">{address}</p> })}
        </div>
    }
}

/// On an info screen nobody can click: the story's address in short, to
/// read off the screen. `None` on a page, or without an address.
fn kiosk_address(story: &Story) -> Option<String> {
    let kiosk = use_context::<Mode>() == Some(Mode::Kiosk);
    story.url.as_deref().filter(|_| kiosk).map(short_url)
}

/// The title as `<h2>`…`<h6>`, so the widget fits the host page's outline.
fn heading(level: u8, title: AnyView) -> AnyView {
    match level {
        2 => view! { <h2 class="saman-title" part="title">{title}</h2> }.into_any(),
        4 => view! { <h4 class="saman-title" part="title">{title}</h4> }.into_any(),
        5 => view! { <h5 class="saman-title" part="title">{title}</h5> }.into_any(),
        6 => view! { <h6 class="saman-title" part="title">{title}</h6> }.into_any(),
        _ => view! { <h3 class="saman-title" part="title">{title}</h3> }.into_any(),
    }
}

/// An invisible copy of a story's text that only takes up room: see
/// `crate::sizer`. Hidden from everyone (`visibility: hidden`, `inert`,
/// `aria-hidden`) and without links, headings or pictures.
#[component]
pub fn StorySizer(
    /// The story whose text sets the height.
    story: Story,
    /// The UI language, for the date.
    lang: Lang,
) -> impl IntoView {
    let strings = lang.strings();
    let address = kiosk_address(&story);
    view! {
        <div class="saman-sizer saman-story-layout" aria-hidden="true" inert=true>
            <div class="saman-media"></div>
            <div class="saman-caption">
                <div class="saman-title">{story.title}</div>
                {(!story.summary.is_empty()).then(|| view! { <p class="saman-summary">{story.summary}</p> })}
                {story.published.map(|date| view! { <p class="saman-date">{strings.date(date)}</p> })}
                {address.map(|address| view! { <p class="saman-address">{address}</p> })}
            </div>
        </div>
    }
}
