use leptos::ev::MouseEvent;
use leptos::prelude::*;
use story_feed::Story;

use super::WidgetEvents;
use crate::analytics::WidgetEvent;
use crate::i18n::Lang;
use crate::short_url::short_url;

/// How a story is shown: in the UI language, with titles at a heading level
/// that fits the host page, and with the story's address spelled out on an
/// info screen (where nobody can click).
#[derive(Clone, Copy, Debug)]
pub struct StoryStyle {
    /// The UI language, for the date.
    pub lang: Lang,
    /// The level of the titles' headings, 2–6.
    pub heading_level: u8,
    /// Whether this is an info screen (`mode="kiosk"`).
    pub kiosk: bool,
}

/// A story's picture and caption: the title (a link to the full story when
/// the feed has one) as a heading of the configured level, summary, whose
/// story it is (a byline from `_saman.storyteller` and
/// `_saman.storyteller_name`) and date. Every string is set as text, never as HTML, so nothing in a feed
/// can run. Used by both the carousel's slides and the list.
#[component]
pub fn StoryContent(
    /// The story to show.
    story: Story,
    /// Language, heading level and page or info screen.
    style: StoryStyle,
    /// Whether this is the first picture a visitor sees: that one loads at
    /// once, every other one lazily (accessibility checklist M2).
    eager: bool,
    /// Its 1-based position in the view, for the page's analytics.
    #[prop(into)]
    position: Signal<usize>,
) -> impl IntoView {
    let strings = style.lang.strings();
    // Following the link (a click, Enter, or the middle button for a new
    // tab) is announced to the page as `saman-stories-open`.
    let opened = {
        let events = WidgetEvents::of_widget();
        let story = story.clone();
        move || {
            if let Some(events) = events {
                events.fire(WidgetEvent::Open { story: &story, position: position.get_untracked() });
            }
        }
    };
    let byline = strings.byline(story.storyteller, story.storyteller_name.as_deref());
    let Story { title, summary, url, image, published, .. } = story;
    let address = url.as_deref().filter(|_| style.kiosk).map(short_url);
    let title = match url {
        Some(href) => {
            let on_click = opened.clone();
            let on_aux_click = move |event: MouseEvent| {
                if event.button() == 1 {
                    opened();
                }
            };
            view! {
                <a class="saman-link" part="link" href=href on:click=move |_| on_click() on:auxclick=on_aux_click>
                    {title}
                </a>
            }
            .into_any()
        }
        None => title.into_any(),
    };
    let image = image.map(|image| {
        view! {
            <img
                class="saman-image"
                part="image"
                src=image.src
                alt=image.alt
                loading=if eager { "eager" } else { "lazy" }
                decoding="async"
            />
        }
    });
    let date = published.map(|date| {
        view! {
            <p class="saman-date" part="date">
                <time datetime=date.to_string()>{strings.date(date)}</time>
            </p>
        }
    });
    view! {
        <div class="saman-media" part="media">{image}</div>
        <div class="saman-caption" part="caption">
            <Heading level=style.heading_level>{title}</Heading>
            {(!summary.is_empty()).then(|| view! { <p class="saman-summary" part="summary">{summary}</p> })}
            {byline.map(|byline| view! { <p class="saman-byline" part="byline">{byline}</p> })}
            {date}
            {address.map(|address| view! { <p class="saman-address" part="address">{address}</p> })}
        </div>
    }
}

/// A story title's heading, `<h2>`…`<h6>`, so the widget fits the host
/// page's outline.
#[component]
fn Heading(
    /// The heading level, 2–6 (anything else is 3).
    level: u8,
    /// The title.
    children: Children,
) -> impl IntoView {
    let tag = match level {
        2 => "h2",
        4 => "h4",
        5 => "h5",
        6 => "h6",
        _ => "h3",
    };
    // One element whose tag is chosen here, rather than five views.
    leptos::html::custom(tag).attr("class", "saman-title").attr("part", "title").child(children())
}

/// An invisible copy of a story's text that only takes up room: see
/// `crate::sizer`. Hidden from everyone (`visibility: hidden`, `inert`,
/// `aria-hidden`) and without links, headings or pictures.
#[component]
pub fn StorySizer(
    /// The story whose text takes up the room.
    story: Story,
    /// Language, heading level and page or info screen.
    style: StoryStyle,
) -> impl IntoView {
    let strings = style.lang.strings();
    let address = story.url.as_deref().filter(|_| style.kiosk).map(short_url);
    let byline = strings.byline(story.storyteller, story.storyteller_name.as_deref());
    view! {
        <div class="saman-sizer saman-story-layout" aria-hidden="true" inert="">
            <div class="saman-media"></div>
            <div class="saman-caption">
                <div class="saman-title">{story.title}</div>
                {(!story.summary.is_empty()).then(|| view! { <p class="saman-summary">{story.summary}</p> })}
                {byline.map(|byline| view! { <p class="saman-byline">{byline}</p> })}
                {story.published.map(|date| view! { <p class="saman-date">{strings.date(date)}</p> })}
                {address.map(|address| view! { <p class="saman-address">{address}</p> })}
            </div>
        </div>
    }
}
