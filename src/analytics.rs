//! The events a widget fires for the embedder's own analytics.
//!
//! A municipality measures its site with its own tool (Matomo, Siteimprove,
//! Google Analytics 4); the widget never tracks anyone itself, sends
//! nothing anywhere and stores nothing. Instead its host element fires
//! bubbling, composed `CustomEvent`s that the embedder's own code may
//! forward to that tool. Their `detail` says what a dashboard needs about
//! the *stories*, and nothing about the visitor:
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `saman-stories-ready` | the stories (or the empty state) are shown | `{ view, total, lang }` |
//! | `saman-stories-error` | the widget enters its error state | `{ reason }` |
//! | `saman-stories-show` | a story has been on screen for 1 s while the widget is in view and the page shown; once per story per widget | `{ id, title, url, position, total, view }` |
//! | `saman-stories-open` | a visitor follows a story's link (click, keyboard, middle click) | `{ id, url, position }` |
//! | `saman-stories-rotation` | a visitor stops or starts the rotation | `{ playing, cause }` |
//!
//! `position` counts from 1; `url` is `null` for a story without one;
//! `reason` is one of [`crate::load_error::LoadError::reason`]'s words;
//! `cause` is `button`, `navigation` (previous/next), `swipe` or `focus`
//! (keyboard focus inside the widget).

use std::collections::HashSet;
use std::time::Duration;

use story_feed::{Story, View};

use crate::i18n::Lang;

/// How long a story must be on screen, seen, before it counts as shown.
pub const SHOWN_AFTER: Duration = Duration::from_secs(1);

/// One event for the embedder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WidgetEvent<'a> {
    /// The stories of the view are on screen (`total` may be 0).
    Ready { view: View, total: usize, lang: Lang },
    /// The widget shows its error state.
    Error { reason: &'a str },
    /// A story has been seen for [`SHOWN_AFTER`].
    Show { story: &'a Story, position: usize, total: usize, view: View },
    /// A visitor followed a story's link.
    Open { story: &'a Story, position: usize },
    /// A visitor stopped (`playing: false`) or started the rotation.
    Rotation { playing: bool, cause: RotationCause },
}

/// What a visitor did that stopped or started the rotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RotationCause {
    /// The stop/start button.
    Button,
    /// The previous or next button.
    Navigation,
    /// A swipe on a touch screen.
    Swipe,
    /// Keyboard focus arrived inside the widget.
    Focus,
}

impl RotationCause {
    /// The word in the event's `detail`.
    pub fn as_str(self) -> &'static str {
        match self {
            RotationCause::Button => "button",
            RotationCause::Navigation => "navigation",
            RotationCause::Swipe => "swipe",
            RotationCause::Focus => "focus",
        }
    }
}

/// A value in an event's `detail`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DetailValue<'a> {
    /// A string.
    Text(&'a str),
    /// A count or position.
    Number(usize),
    /// `true` or `false`.
    Flag(bool),
    /// `null`.
    Nothing,
}

impl<'a> WidgetEvent<'a> {
    /// The event's type, as `addEventListener` takes it.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready { .. } => "saman-stories-ready",
            WidgetEvent::Error { .. } => "saman-stories-error",
            WidgetEvent::Show { .. } => "saman-stories-show",
            WidgetEvent::Open { .. } => "saman-stories-open",
            WidgetEvent::Rotation { .. } => "saman-stories-rotation",
        }
    }

    /// The members of the event's `detail`, in order.
    pub fn detail(&self) -> Vec<(&'static str, DetailValue<'a>)> {
        use DetailValue::*;
        let url = |story: &'a Story| story.url.as_deref().map_or(Nothing, Text);
        match *self {
            WidgetEvent::Ready { view, total, lang } => {
                vec![("view", Text(view.as_str())), ("total", Number(total)), ("lang", Text(lang.tag()))]
            }
            WidgetEvent::Error { reason } => vec![("reason", Text(reason))],
            WidgetEvent::Show { story, position, total, view } => vec![
                ("id", Text(&story.id)),
                ("title", Text(&story.title)),
                ("url", url(story)),
                ("position", Number(position)),
                ("total", Number(total)),
                ("view", Text(view.as_str())),
            ],
            WidgetEvent::Open { story, position } => {
                vec![("id", Text(&story.id)), ("url", url(story)), ("position", Number(position))]
            }
            WidgetEvent::Rotation { playing, cause } => {
                vec![("playing", Flag(playing)), ("cause", Text(cause.as_str()))]
            }
        }
    }
}

/// The stories a widget has already reported as shown: each one once per
/// page view, however often the rotation brings it back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoriesShown {
    ids: HashSet<String>,
}

impl StoriesShown {
    /// Notes that `story` has been shown; `true` the first time only.
    pub fn first_time(&mut self, story: &Story) -> bool {
        self.ids.insert(story.id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_feed::Feed;

    fn story(json: &str) -> Story {
        let feed = format!(r#"{{"items": [{json}]}}"#);
        Feed::parse(&feed, "https://k.example/feed.json").unwrap().stories.remove(0)
    }

    fn keys(event: WidgetEvent) -> Vec<&'static str> {
        event.detail().into_iter().map(|(key, _)| key).collect()
    }

    #[test]
    fn every_event_has_its_documented_name_and_shape() {
        let story = story(r#"{"id": "a", "title": "Ny leikeplass", "url": "https://k.example/a"}"#);
        let ready = WidgetEvent::Ready { view: View::Colleagues, total: 4, lang: Lang::Nn };
        assert_eq!(ready.name(), "saman-stories-ready");
        assert_eq!(
            ready.detail(),
            [
                ("view", DetailValue::Text("colleagues")),
                ("total", DetailValue::Number(4)),
                ("lang", DetailValue::Text("nn"))
            ]
        );
        let show = WidgetEvent::Show { story: &story, position: 2, total: 4, view: View::Residents };
        assert_eq!(show.name(), "saman-stories-show");
        assert_eq!(keys(show), ["id", "title", "url", "position", "total", "view"]);
        assert_eq!(show.detail()[2], ("url", DetailValue::Text("https://k.example/a")));
        let open = WidgetEvent::Open { story: &story, position: 2 };
        assert_eq!((open.name(), keys(open)), ("saman-stories-open", vec!["id", "url", "position"]));
        let rotation = WidgetEvent::Rotation { playing: false, cause: RotationCause::Focus };
        assert_eq!(rotation.name(), "saman-stories-rotation");
        assert_eq!(
            rotation.detail(),
            [("playing", DetailValue::Flag(false)), ("cause", DetailValue::Text("focus"))]
        );
        let error = WidgetEvent::Error { reason: "http-404" };
        assert_eq!((error.name(), keys(error)), ("saman-stories-error", vec!["reason"]));
    }

    #[test]
    fn a_story_without_an_address_has_a_null_url() {
        let story = story(r#"{"id": "b", "title": "Utan lenkje"}"#);
        let open = WidgetEvent::Open { story: &story, position: 1 };
        assert_eq!(open.detail()[1], ("url", DetailValue::Nothing));
    }

    #[test]
    fn a_story_counts_as_shown_once() {
        let (a, b) = (story(r#"{"id": "a", "title": "A"}"#), story(r#"{"id": "b", "title": "B"}"#));
        let mut shown = StoriesShown::default();
        assert!(shown.first_time(&a));
        assert!(shown.first_time(&b));
        assert!(!shown.first_time(&a));
    }
}
