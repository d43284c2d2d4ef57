use story_feed::Story;

use super::dom::{el, El};
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

/// Appends a story's picture and caption to `parent`: the title (a link to
/// the full story when the feed has one) as a heading of the configured
/// level, summary and date. Every string is set as text, never as HTML, so
/// nothing in a feed can run. Used by both the carousel's slides and the
/// list. `eager` marks the first picture a visitor sees: that one loads at
/// once, every other one lazily (CAROUSEL-A11Y M2).
pub fn story_content(parent: El, story: &Story, style: StoryStyle, eager: bool) -> El {
    let strings = style.lang.strings();
    let title = heading(style.heading_level).class("saman-title").part("title");
    let title = match &story.url {
        Some(href) => title.child(el("a").class("saman-link").part("link").attr("href", href).text(&story.title)),
        None => title.text(&story.title),
    };
    let image = story.image.as_ref().map(|image| {
        el("img")
            .class("saman-image")
            .part("image")
            .attr("src", &image.src)
            .attr("alt", &image.alt)
            .attr("loading", if eager { "eager" } else { "lazy" })
            .attr("decoding", "async")
    });
    let date = story.published.map(|date| {
        el("p")
            .class("saman-date")
            .part("date")
            .child(el("time").attr("datetime", &date.to_string()).text(&strings.date(date)))
    });
    parent.child(el("div").class("saman-media").part("media").child_some(image)).child(
        el("div")
            .class("saman-caption")
            .part("caption")
            .child(title)
            .child_some(summary(story, true))
            .child_some(date)
            .child_some(kiosk_address(story, style, true)),
    )
}

/// The title's heading, `<h2>`…`<h6>`, so the widget fits the host page's
/// outline.
fn heading(level: u8) -> El {
    el(match level {
        2 => "h2",
        4 => "h4",
        5 => "h5",
        6 => "h6",
        _ => "h3",
    })
}

fn summary(story: &Story, with_part: bool) -> Option<El> {
    (!story.summary.is_empty()).then(|| {
        let p = el("p").class("saman-summary").text(&story.summary);
        if with_part {
            p.part("summary")
        } else {
            p
        }
    })
}

/// On an info screen: the story's address in short, to read off the screen.
/// `None` on a page, or without an address.
fn kiosk_address(story: &Story, style: StoryStyle, with_part: bool) -> Option<El> {
    let url = story.url.as_deref().filter(|_| style.kiosk)?;
    let p = el("p").class("saman-address").text(&short_url(url));
    Some(if with_part { p.part("address") } else { p })
}

/// An invisible copy of a story's text that only takes up room: see
/// `crate::sizer`. Hidden from everyone (`visibility: hidden`, `inert`,
/// `aria-hidden`) and without links, headings or pictures.
pub fn story_sizer(story: &Story, style: StoryStyle) -> El {
    let strings = style.lang.strings();
    el("div")
        .class("saman-sizer saman-story-layout")
        .attr("aria-hidden", "true")
        .attr("inert", "")
        .child(el("div").class("saman-media"))
        .child(
            el("div")
                .class("saman-caption")
                .child(el("div").class("saman-title").text(&story.title))
                .child_some(summary(story, false))
                .child_some(story.published.map(|date| el("p").class("saman-date").text(&strings.date(date))))
                .child_some(kiosk_address(story, style, false)),
        )
}
