use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::Duration;

use story_feed::{Date, Feed, Story, StoryFilter, View};
use web_sys::Element;

use super::dom::{append, el, set_text};
use super::status_message::status_message;
use super::story_carousel::{CarouselSettings, StoryCarousel};
use super::story_content::StoryStyle;
use super::story_list::story_list;
use super::with_state;
use crate::browser::console;
use crate::browser::crash::{crash_if_asked, in_widget, WidgetId};
use crate::browser::event_listener::EventListener;
use crate::browser::feed_loader::FeedLoader;
use crate::browser::feed_request::Prefetched;
use crate::browser::media::prefers_reduced_motion;
use crate::config::{Layout, Mode, WidgetConfig};
use crate::load_error::LoadError;

/// The visitor's calendar date.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    // The browser's calendar fields are always in range.
    Date { year: now.get_full_year() as u16, month: now.get_month() as u8 + 1, day: now.get_date() as u8 }
}

/// Where the widget is in getting its stories.
#[derive(Clone, Debug, PartialEq)]
enum LoadState {
    Loading,
    /// The stories of the embed's view, every other story (and every expired
    /// one) already dropped; shared with the carousel that shows them.
    Ready(Rc<[Story]>),
    Failed,
}

/// One embedded widget: fetches the feed, keeps the stories of its view, and
/// shows them as a carousel or a list — or a loading, empty or error state
/// in the same space. Dropping it removes its DOM, aborts its request and
/// stops every timer and listener.
pub struct StoryWidget {
    /// `div.saman`, removed on drop whatever the state is doing.
    root: Element,
    _state: Rc<RefCell<WidgetState>>,
}

struct WidgetState {
    /// `div.saman`, the widget's root element.
    root: Element,
    /// What fills the root now.
    content: Content,
    /// The bar under a carousel with the layout switch (`None` for
    /// `layout="list"`).
    footer: Option<Footer>,
    load: LoadState,
    view: View,
    filter: StoryFilter,
    name: String,
    style: StoryStyle,
    interval: Duration,
    most_per_view: usize,
    /// The visitor's choice between one story at a time and all of them.
    show_list: bool,
    /// Once the visitor has switched layouts or stopped rotation, a carousel
    /// built again (after the switch, or for refreshed stories) starts stopped.
    switched: bool,
    stopped: Rc<Cell<bool>>,
    widget: WidgetId,
    loader: Option<FeedLoader>,
    me: Weak<RefCell<WidgetState>>,
}

/// What the widget shows.
enum Content {
    Status(Element),
    List(Element),
    Carousel(StoryCarousel),
}

impl Content {
    fn element(&self) -> &Element {
        match self {
            Content::Status(element) | Content::List(element) => element,
            Content::Carousel(carousel) => carousel.element(),
        }
    }
}

/// The footer is there from the first frame, so it never moves the page;
/// the switch stays the same DOM node in both layouts, so focus stays on it.
struct Footer {
    element: Element,
    switch: Option<(Element, EventListener)>,
}

impl StoryWidget {
    /// Builds the widget inside `parent` and starts loading `feed_url` (taking
    /// over the loader's `prefetched` request when there is one).
    pub fn new(
        parent: &Element,
        config: WidgetConfig,
        feed_url: Result<String, LoadError>,
        prefetched: Option<Prefetched>,
        widget: WidgetId,
    ) -> StoryWidget {
        let strings = config.lang.strings();
        let content = Content::Status(status_message(strings.loading, "loading"));
        let footer = (config.layout == Layout::Carousel)
            .then(|| Footer { element: el("div").class("saman-footer").part("footer").build(), switch: None });
        let root = el("div")
            .class("saman")
            .part("root")
            .attr("lang", config.lang.tag())
            .child(content.element())
            .child_some(footer.as_ref().map(|f| &f.element))
            .build();
        append(parent, &root);
        let state = Rc::new_cyclic(|me| {
            RefCell::new(WidgetState {
                root,
                content,
                footer,
                load: LoadState::Loading,
                view: config.view,
                filter: config.filter,
                name: config.label.unwrap_or_else(|| strings.name(config.view).to_owned()),
                style: StoryStyle {
                    lang: config.lang,
                    heading_level: config.heading_level,
                    kiosk: config.mode == Mode::Kiosk,
                },
                interval: config.interval,
                most_per_view: config.slides_per_view,
                show_list: config.layout == Layout::List,
                switched: false,
                stopped: Rc::new(Cell::new(false)),
                widget,
                loader: None,
                me: me.clone(),
            })
        });
        match feed_url {
            Err(error) => {
                console::error(&error.to_string());
                state.borrow_mut().set_load(LoadState::Failed);
            }
            Ok(url) => {
                let weak = Rc::downgrade(&state);
                let loader = FeedLoader::start(url.clone(), config.refresh, prefetched, move |body, again_in| {
                    with_state(&weak, |state| in_widget(widget, || state.on_attempt(&url, body, again_in)));
                });
                // Removing the widget drops the loader: the request is
                // aborted and no retry follows.
                state.borrow_mut().loader = Some(loader);
            }
        }
        let root = state.borrow().root.clone();
        StoryWidget { root, _state: state }
    }
}

impl Drop for StoryWidget {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl WidgetState {
    /// One attempt of the loader has ended: with the feed's text, or an
    /// error (`again_in`: when the loader tries again).
    fn on_attempt(&mut self, url: &str, body: Result<String, LoadError>, again_in: Option<Duration>) {
        crash_if_asked(self.widget, "load");
        let next = match body.and_then(|text| Feed::parse(&text, url).map_err(LoadError::Feed)) {
            Ok(feed) => {
                for skipped in &feed.skipped {
                    console::warn(&format!("{url}: {skipped}"));
                }
                let today = today();
                let mut stories = feed.into_view(self.view);
                stories.retain(|story| !story.is_expired_on(today) && self.filter.matches(story));
                LoadState::Ready(stories.into())
            }
            Err(error) => {
                let again = again_in.map(|d| format!("; trying again in {} s", d.as_secs()));
                console::error(&format!("{url}: {error}{}", again.unwrap_or_default()));
                LoadState::Failed
            }
        };
        // A refresh that fails keeps the stories on screen; one that brings
        // the same stories changes nothing (no flash).
        let keep = matches!(self.load, LoadState::Ready(_)) && next == LoadState::Failed;
        if !keep && self.load != next {
            self.set_load(next);
        }
    }

    fn set_load(&mut self, load: LoadState) {
        self.load = load;
        match (&self.content, &self.load) {
            // Refreshed stories on a carousel: in place, no flash.
            (Content::Carousel(carousel), LoadState::Ready(stories)) if !stories.is_empty() => {
                carousel.replace_stories(Rc::clone(stories));
            }
            _ => self.show_content(),
        }
        self.show_switch();
    }

    /// Replaces what the widget shows with what its state says.
    fn show_content(&mut self) {
        let strings = self.style.lang.strings();
        let content = match &self.load {
            LoadState::Loading => Content::Status(status_message(strings.loading, "loading")),
            LoadState::Failed => Content::Status(status_message(strings.error, "error")),
            LoadState::Ready(stories) if stories.is_empty() => Content::Status(status_message(strings.empty, "empty")),
            LoadState::Ready(stories) if self.show_list => Content::List(story_list(stories, &self.name, self.style)),
            LoadState::Ready(stories) => {
                let start_playing = !self.switched && !self.stopped.get() && !prefers_reduced_motion();
                let settings = CarouselSettings {
                    name: self.name.clone(),
                    style: self.style,
                    interval: self.interval,
                    start_playing,
                    most_per_view: self.most_per_view,
                    pauses_on_hover: !self.style.kiosk,
                    widget: self.widget,
                    focus_scope: self.root.clone(),
                };
                Content::Carousel(StoryCarousel::new(Rc::clone(stories), settings, self.stopped.clone()))
            }
        };
        let _ = self.root.replace_child(content.element(), self.content.element());
        // The old content's listeners and timers go with it.
        self.content = content;
    }

    /// Shows the layout switch when there are stories to switch between,
    /// naming the layout it switches to.
    fn show_switch(&mut self) {
        let strings = self.style.lang.strings();
        let wanted = matches!(&self.load, LoadState::Ready(stories) if stories.len() > 1);
        let text = if self.show_list { strings.show_one } else { strings.show_all };
        let me = self.me.clone();
        let widget = self.widget;
        let Some(footer) = &mut self.footer else { return };
        match (&footer.switch, wanted) {
            (Some((button, _)), true) => set_text(button, text),
            (Some((button, _)), false) => {
                button.remove();
                footer.switch = None;
            }
            (None, true) => {
                let button = el("button")
                    .attr("type", "button")
                    .class("saman-button saman-button--quiet saman-layout-switch")
                    .part("button layout-switch")
                    .text(text)
                    .build();
                append(&footer.element, &button);
                let click = EventListener::new(&button, "click", move |_| {
                    with_state(&me, |state| in_widget(widget, || state.switch_layout()));
                });
                footer.switch = Some((button, click));
            }
            (None, false) => {}
        }
    }

    /// The visitor switched between one story at a time and all of them.
    fn switch_layout(&mut self) {
        self.switched = true;
        self.show_list = !self.show_list;
        self.show_content();
        self.show_switch();
    }
}
