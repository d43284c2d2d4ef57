use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use story_feed::Story;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, PointerEvent};

use super::dom::{append, el, set_attribute, set_text, El};
use super::icons::{icon, CHEVRON_LEFT, CHEVRON_RIGHT, PAUSE, PLAY};
use super::story_content::{story_content, story_sizer, StoryStyle};
use super::with_state;
use crate::browser::crash::{crash_if_asked, in_widget, WidgetId};
use crate::browser::event_listener::EventListener;
use crate::browser::on_screen::OnScreenObserver;
use crate::browser::resize::WidthObserver;
use crate::browser::timer::Timer;
use crate::carousel::{slides_that_fit, Carousel};
use crate::sizer::{longest_stories, SIZER_COUNT};
use crate::swipe::Swipe;

/// How a carousel is set up, besides its stories.
pub struct CarouselSettings {
    /// The widget's accessible name.
    pub name: String,
    /// Language, heading level and page or info screen.
    pub style: StoryStyle,
    /// Time between automatic slide changes.
    pub interval: Duration,
    /// Whether rotation starts on (off under reduced motion, or when the
    /// visitor comes back from the list).
    pub start_playing: bool,
    /// The most stories shown side by side when the container is wide.
    pub most_per_view: usize,
    /// Whether a resting mouse pointer pauses rotation (not on an info
    /// screen, where it keeps rotating).
    pub pauses_on_hover: bool,
    /// The widget it belongs to, blamed for a crash in its callbacks.
    pub widget: WidgetId,
    /// Where keyboard focus stops rotation (T3): the whole widget, so the
    /// layout switch under the carousel counts too.
    pub focus_scope: Element,
}

/// Numbers the carousels on a page, so every id is unique even outside the
/// shadow roots that already scope them.
static NEXT_CAROUSEL: AtomicUsize = AtomicUsize::new(1);

/// The stories of a view, one at a time (or a few side by side), following
/// the W3C APG carousel pattern: a labelled region, a stop/start button
/// first, previous/next buttons, and only the shown slides in the DOM, so
/// hidden stories are neither focusable nor read (CAROUSEL-A11Y S1–S3,
/// R1–R4, T1–T6, A1, F1).
///
/// The state lives in a plain [`Carousel`]; every event changes it through
/// [`StoryCarousel`]'s one `update` path, which then touches only the DOM
/// that changed: pressing the rotation button keeps the same button node
/// (R3), hovering leaves the slide alone, and a new slide is a new node that
/// fades in without moving anything (M1). Dropping it stops its timer and
/// every listener and observer.
pub struct StoryCarousel {
    section: Element,
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
    _viewport: Option<OnScreenObserver>,
    _width: Option<WidthObserver>,
}

/// A carousel's state and the DOM it keeps in step with it.
struct State {
    carousel: Carousel,
    /// What the DOM shows now: `None` before the first render.
    rendered: Option<Carousel>,
    stories: Rc<[Story]>,
    style: StoryStyle,
    interval: Duration,
    widget: WidgetId,
    /// Set once rotation stops, so that a carousel rebuilt for refreshed
    /// stories does not start rotating again behind the visitor's back.
    stopped: Rc<Cell<bool>>,
    /// Whether the viewport observer has reported the carousel visible.
    seen_once: bool,
    /// How many stories the container has room for side by side.
    fit: usize,
    slides_id: String,
    controls_bar: Element,
    controls: Option<Controls>,
    slides: Element,
    /// Set when the stories were replaced, until the next render: the
    /// position names a new total, and the rotation timer starts over if
    /// the slide on screen changed (`true`) or runs on if it only moved in
    /// the list (`false`).
    replaced: Option<bool>,
    /// The shown slides, keyed by window start and story index.
    shown: Vec<((usize, usize), Element)>,
    /// The sizers, after the slides; replaced when the stories are.
    sizers: Vec<Element>,
    /// The next story's picture and its address, fetched ahead while the
    /// carousel is seen.
    preload: Option<(String, Element)>,
    /// Where and with which pointer a touch or pen swipe began.
    swipe_from: Option<(i32, f64, f64)>,
    /// One timer at a time, re-armed for a full interval after every change
    /// of slide or of rotation state, so a resumed carousel never skips (T1, T7).
    timer: Option<Timer>,
    me: Weak<RefCell<State>>,
}

/// The rotation and navigation controls, there while there is anything to
/// rotate through.
struct Controls {
    rotation: Element,
    icon: Element,
    label: Element,
    label_rest: Element,
    position: Element,
    _clicks: [EventListener; 3],
}

impl StoryCarousel {
    /// A carousel over `stories` (at least one). `stopped` is shared with
    /// the widget: set when rotation stops.
    pub fn new(stories: Rc<[Story]>, settings: CarouselSettings, stopped: Rc<Cell<bool>>) -> StoryCarousel {
        let strings = settings.style.lang.strings();
        let widget = settings.widget;
        let slides_id = format!("saman-{}-slides", NEXT_CAROUSEL.fetch_add(1, Ordering::Relaxed));
        let controls_bar = el("div").class("saman-controls").part("controls").build();
        let slides = el("div").attr("id", &slides_id).part("slides").build();
        let section = el("section")
            .class("saman-carousel")
            .attr("aria-roledescription", strings.carousel)
            .attr("aria-label", &settings.name)
            .child(&controls_bar)
            .child(&slides)
            .build();
        let document = section.owner_document();
        let mut carousel = Carousel::new(stories.len(), settings.start_playing);
        // A carousel built while the page is hidden (a background tab, an
        // info screen's refresh) waits until it is shown (T6).
        if let Some(document) = &document {
            carousel.set_page_hidden(document.hidden());
        }
        let state = Rc::new_cyclic(|me| {
            RefCell::new(State {
                carousel,
                rendered: None,
                stories,
                style: settings.style,
                interval: settings.interval,
                widget,
                stopped,
                seen_once: false,
                fit: 1,
                slides_id,
                controls_bar,
                controls: None,
                slides: slides.clone(),
                sizers: Vec::new(),
                replaced: None,
                shown: Vec::new(),
                preload: None,
                swipe_from: None,
                timer: None,
                me: me.clone(),
            })
        });
        {
            let mut state = state.borrow_mut();
            state.replace_sizers();
            state.render();
        }

        let weak = Rc::downgrade(&state);
        let on = |target: &Element, event: &'static str, handler: fn(&mut State, Event)| {
            let weak = weak.clone();
            EventListener::new(target, event, move |event| update(&weak, |state| handler(state, event)))
        };
        let mut listeners = vec![
            // Keyboard focus inside stops rotation for good (T3). A mouse
            // click also focuses a button, but is not `:focus-visible`: it
            // must not stop the carousel before the click on "Stop" toggles
            // it back on.
            on(&settings.focus_scope, "focusin", |state, event| {
                let keyboard = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
                if keyboard {
                    state.carousel.stop_rotation();
                }
            }),
            on(&slides, "pointerdown", |state, event| {
                let Some(event) = event.dyn_ref::<PointerEvent>() else { return };
                if event.pointer_type() != "mouse" {
                    state.swipe_start(event);
                }
            }),
            on(&slides, "pointerup", |state, event| {
                if let Some(event) = event.dyn_ref::<PointerEvent>() {
                    state.swipe_end(event);
                }
            }),
            on(&slides, "pointercancel", |state, _| state.swipe_from = None),
        ];
        if settings.pauses_on_hover {
            fn hover(state: &mut State, event: Event, hovered: bool) {
                if event.dyn_ref::<PointerEvent>().is_some_and(|e| e.pointer_type() == "mouse") {
                    state.carousel.set_hovered(hovered);
                }
            }
            listeners.push(on(&section, "pointerenter", |state, event| hover(state, event, true)));
            listeners.push(on(&section, "pointerleave", |state, event| hover(state, event, false)));
        }
        // No rotation while the page is hidden or the widget is out of view (T6).
        if let Some(document) = document {
            let page = document.clone();
            let weak = weak.clone();
            listeners.push(EventListener::new(&document, "visibilitychange", move |_| {
                update(&weak, |state| state.carousel.set_page_hidden(page.hidden()))
            }));
        }
        let viewport = {
            let weak = weak.clone();
            OnScreenObserver::new(&section, move |seen| {
                update(&weak, |state| {
                    state.seen_once |= seen;
                    state.carousel.set_off_screen(!seen);
                })
            })
        };
        if viewport.is_none() {
            // Without an observer, assume the visitor sees it.
            let mut state = state.borrow_mut();
            state.seen_once = true;
            state.fetch_next_picture();
        }
        // Several stories side by side when the container is wide.
        let most_per_view = settings.most_per_view;
        let width = (most_per_view > 1)
            .then(|| {
                let weak = weak.clone();
                WidthObserver::new(&section, move |width_em| {
                    let fit = slides_that_fit(width_em, most_per_view);
                    update(&weak, |state| {
                        state.fit = fit;
                        state.carousel.set_per_view(fit);
                    })
                })
            })
            .flatten();
        StoryCarousel { section, state, _listeners: listeners, _viewport: viewport, _width: width }
    }

    /// The carousel's region, to place in the widget.
    pub fn element(&self) -> &Element {
        &self.section
    }

    /// Shows `stories` (at least one) from now on, in place: the story on
    /// screen stays on screen (the same DOM node, if it did not change),
    /// rotation goes on as it was, and focus stays where it is. This is how
    /// an info screen takes a refreshed feed without a flash.
    pub fn replace_stories(&self, stories: Rc<[Story]>) {
        update(&Rc::downgrade(&self.state), |state| state.replace_stories(stories));
    }
}

/// Runs `change` on the carousel's state (as the widget's code, so a panic
/// is blamed on it) and brings the DOM and the timer in step.
fn update(state: &Weak<RefCell<State>>, change: impl FnOnce(&mut State)) {
    with_state(state, |state| {
        in_widget(state.widget, || {
            change(state);
            state.render();
        })
    });
}

impl State {
    /// Touches the DOM that differs between what is shown and the state.
    fn render(&mut self) {
        let now = self.carousel;
        let before = self.rendered.replace(now);
        let changed = |f: fn(&Carousel) -> bool| before.is_none_or(|b| f(&b) != f(&now));
        if now.is_stopped() {
            self.stopped.set(true);
        }
        if changed(Carousel::can_rotate) {
            self.controls = now.can_rotate().then(|| self.build_controls());
        }
        let strings = self.style.lang.strings();
        let replaced = self.replaced.take();
        let visible_changed = before.is_none_or(|b| b.visible() != now.visible());
        let playing_changed = changed(Carousel::is_playing);
        if let Some(controls) = &mut self.controls {
            let built = before.is_none_or(|b| !b.can_rotate());
            if built || playing_changed {
                let playing = now.is_playing();
                let new_icon = icon(if playing { PAUSE } else { PLAY });
                let _ = controls.rotation.replace_child(&new_icon, &controls.icon);
                controls.icon = new_icon;
                set_text(&controls.label, if playing { strings.stop } else { strings.start });
                set_text(&controls.label_rest, if playing { strings.stop_rest } else { strings.start_rest });
            }
            if built || visible_changed || replaced.is_some() {
                let shown = now.visible();
                set_text(&controls.position, &strings.positions(shown.start + 1, shown.end, now.len()));
            }
        }
        if before.is_none_or(|b| b.per_view() != now.per_view()) {
            set_attribute(&self.slides, "class", &numbered("saman-slides saman-slides--", now.per_view()));
        }
        if playing_changed {
            // Announce slide changes only when the visitor makes them (A1).
            set_attribute(&self.slides, "aria-live", if now.is_playing() { "off" } else { "polite" });
        }
        if visible_changed {
            self.show_slides(now.visible());
        }
        let slide_changed = replaced.unwrap_or_else(|| before.is_none_or(|b| b.current() != now.current()));
        if changed(Carousel::is_rotating) || slide_changed {
            self.timer = now.is_rotating().then(|| {
                let state = self.me.clone();
                Timer::once(self.interval, move || update(&state, |s| s.carousel.advance()))
            });
        }
        self.fetch_next_picture();
    }

    fn replace_stories(&mut self, stories: Rc<[Story]>) {
        let old = std::mem::replace(&mut self.stories, stories);
        let before = self.carousel.visible();
        // The story that was first on screen, where it is now; if it is gone,
        // about the same place.
        let first = old
            .get(before.start)
            .and_then(|shown| self.stories.iter().position(|new| new.id == shown.id))
            .unwrap_or(before.start);
        self.carousel.replace_stories(self.stories.len(), first, self.fit);
        let now = self.carousel.visible();
        // The slides whose story did not change keep their node (no fade,
        // focus stays), with their new position in the name; the others are
        // made again.
        let keep = now.clone().zip(before.clone()).take_while(|&(i, was)| self.stories[i] == old[was]).count();
        let strings = self.style.lang.strings();
        for ((key, slide), index) in self.shown.iter_mut().zip(now.clone()).take(keep) {
            *key = (now.start, index);
            set_attribute(slide, "aria-label", &strings.position(index + 1, self.stories.len()));
        }
        for (_, slide) in self.shown.drain(keep..) {
            slide.remove();
        }
        self.show_slides(now.clone());
        self.replace_sizers();
        // A slide that shows another story than before gets a full interval.
        self.replaced = Some(keep < now.len() || keep < before.len());
    }

    /// Sizes the slide area by the longest of the current stories.
    fn replace_sizers(&mut self) {
        for sizer in self.sizers.drain(..) {
            sizer.remove();
        }
        self.sizers = longest_stories(&self.stories, SIZER_COUNT)
            .into_iter()
            .map(|story| story_sizer(story, self.style).build())
            .collect();
        for sizer in &self.sizers {
            append(&self.slides, sizer);
        }
    }

    fn swipe_start(&mut self, event: &PointerEvent) {
        self.swipe_from = Some((event.pointer_id(), f64::from(event.client_x()), f64::from(event.client_y())));
    }

    /// A swipe to the left shows the next story, to the right the previous
    /// one; both stop rotation, like the buttons (T4).
    fn swipe_end(&mut self, event: &PointerEvent) {
        let Some((id, x, y)) = self.swipe_from.take() else { return };
        if id != event.pointer_id() {
            return;
        }
        match Swipe::from_movement(f64::from(event.client_x()) - x, f64::from(event.client_y()) - y) {
            Some(Swipe::ToNext) => self.carousel.show_next(),
            Some(Swipe::ToPrevious) => self.carousel.show_previous(),
            None => {}
        }
    }

    /// Puts the slides of `visible` in the DOM. Slides are keyed by window
    /// and position, so every change of window brings new DOM: the old
    /// slides leave, the new ones fade in, and nothing moves (M1); a wider
    /// container keeps the slides already shown.
    fn show_slides(&mut self, visible: std::ops::Range<usize>) {
        let keys: Vec<(usize, usize)> = visible.clone().map(|index| (visible.start, index)).collect();
        let keep = self.shown.iter().zip(&keys).take_while(|((shown, _), key)| shown == *key).count();
        for (_, slide) in self.shown.drain(keep..) {
            slide.remove();
        }
        for &(start, index) in &keys[keep..] {
            let slide = self.slide(index, index - start + 1);
            let _ = self.slides.insert_before(&slide, self.sizers.first().map(AsRef::as_ref));
            self.shown.push(((start, index), slide));
        }
    }

    /// One story as a slide: a group named "N of M" (S2), with its own
    /// `lang` when the story is written in another language than the UI
    /// (V8). Only the very first story's picture loads at once (M2).
    fn slide(&self, index: usize, column: usize) -> Element {
        let story = &self.stories[index];
        let strings = self.style.lang.strings();
        let story_lang = story.language.as_deref().filter(|tag| self.style.lang.differs_from(tag));
        let slide = el("div")
            .class(&numbered("saman-slide saman-story-layout saman-column-", column))
            .part("slide")
            .attr("role", "group")
            .attr("aria-roledescription", strings.slide)
            .attr("aria-label", &strings.position(index + 1, self.stories.len()))
            .attr_some("lang", story_lang);
        story_content(slide, story, self.style, index == 0).build()
    }

    /// While a visitor can see the carousel, fetches the picture of the
    /// story after the shown ones, so it is there when the slide changes.
    /// Nothing else loads ahead, and nothing at all while unseen.
    fn fetch_next_picture(&mut self) {
        if !self.seen_once || !self.carousel.is_seen() {
            return;
        }
        let Some(src) = self.carousel.next_hidden().and_then(|i| self.stories[i].image.as_ref()).map(|i| &i.src)
        else {
            return;
        };
        if self.preload.as_ref().map(|(fetched, _)| fetched) != Some(src) {
            self.preload = Some((src.clone(), el("img").attr("decoding", "async").attr("src", src).build()));
        }
    }

    fn build_controls(&self) -> Controls {
        let strings = self.style.lang.strings();
        let placeholder = icon(PLAY);
        let label = el("span").class("saman-rotation-text").build();
        let label_rest = el("span").class("saman-visually-hidden").build();
        let rotation = el("button")
            .attr("type", "button")
            .class("saman-button saman-rotation")
            .part("button rotation-button")
            .child(&placeholder)
            .child(&label)
            .child(&label_rest)
            .build();
        let nav_button = |class: &str, part: &str, name: &str, chevron: &str| {
            el("button")
                .attr("type", "button")
                .class(class)
                .part(part)
                .attr("aria-controls", &self.slides_id)
                .attr("aria-label", name)
                .child(icon(chevron))
                .build()
        };
        let previous =
            nav_button("saman-button saman-previous", "button previous-button", strings.previous, CHEVRON_LEFT);
        let next = nav_button("saman-button saman-next", "button next-button", strings.next, CHEVRON_RIGHT);
        let position = el("span").class("saman-position").part("position").build();
        let nav: El = el("div").class("saman-nav").child(&previous).child(&position).child(&next);
        append(&self.controls_bar, &rotation);
        append(&self.controls_bar, nav.as_ref());
        let click = |button: &Element, action: fn(&mut State)| {
            let weak = self.me.clone();
            EventListener::new(button, "click", move |_| update(&weak, action))
        };
        Controls {
            _clicks: [
                click(&rotation, |state| state.carousel.toggle_rotation()),
                click(&previous, |state| state.carousel.show_previous()),
                click(&next, |state| {
                    crash_if_asked(state.widget, "next");
                    state.carousel.show_next()
                }),
            ],
            rotation,
            icon: placeholder,
            label,
            label_rest,
            position,
        }
    }
}

/// `prefix` followed by the single digit `n` (1–3 here; at most 9).
fn numbered(prefix: &str, n: usize) -> String {
    let mut text = String::from(prefix);
    text.push(char::from(b'0' + n.min(9) as u8));
    text
}

impl Drop for Controls {
    fn drop(&mut self) {
        // With nothing to rotate there is nothing to control, but the bar
        // keeps its place.
        if let Some(nav) = self.position.parent_element() {
            nav.remove();
        }
        self.rotation.remove();
    }
}
