use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use leptos::ev::{FocusEvent, PointerEvent};
use leptos::prelude::*;
use story_feed::Story;
use wasm_bindgen::JsCast;

use super::icons::{ChevronIcon, PauseIcon, PlayIcon};
use super::{StorySizer, StorySlide};
use crate::browser::crash::{crash_if_asked, in_widget, WidgetId};
use crate::browser::event_listener::EventListener;
use crate::browser::on_screen::OnScreenObserver;
use crate::browser::resize::WidthObserver;
use crate::browser::timer::Timer;
use crate::carousel::{slides_that_fit, Carousel};
use crate::config::Mode;
use crate::i18n::Lang;
use crate::sizer::{longest_stories, SIZER_COUNT};
use crate::swipe::Swipe;

/// What tells the carousel whether anyone can see it and how wide it is;
/// dropping it stops listening.
struct Watchers {
    _page: EventListener,
    _viewport: Option<OnScreenObserver>,
    _width: Option<WidthObserver>,
}

/// Numbers the carousels on a page, so every id is unique even outside the
/// shadow roots that already scope them.
static NEXT_CAROUSEL: AtomicUsize = AtomicUsize::new(1);

/// The stories of a view, one at a time, following the W3C APG carousel
/// pattern: a labelled region, a stop/start button first, previous/next
/// buttons, and only the shown slide in the DOM, so hidden stories are
/// neither focusable nor read (CAROUSEL-A11Y S1–S3, R1–R4, T1–T5, A1, F1).
#[component]
pub fn StoryCarousel(
    /// The stories of the view, at least one.
    stories: Vec<Story>,
    /// The widget's accessible name.
    name: String,
    /// The UI language.
    lang: Lang,
    /// Time between automatic slide changes.
    interval: Duration,
    /// The level of the titles' headings.
    heading_level: u8,
    /// Whether rotation starts on (off under reduced motion, or when the
    /// visitor comes back from the list).
    start_playing: bool,
    /// The most stories shown side by side when the container is wide.
    most_per_view: usize,
    /// Set once rotation stops, so that a carousel rebuilt for refreshed
    /// stories does not start rotating again behind the visitor's back.
    stopped: RwSignal<bool>,
) -> impl IntoView {
    let strings = lang.strings();
    let total = stories.len();
    let sizers = longest_stories(&stories, SIZER_COUNT)
        .into_iter()
        .map(|story| view! { <StorySizer story=story.clone() lang /> })
        .collect_view();
    let stories = StoredValue::new(stories);
    let carousel = RwSignal::new(Carousel::new(total, start_playing));
    // Memos, so that hovering does not re-render the slide and pressing the
    // button does not re-create it (focus stays on the same node, R3).
    let current = Memo::new(move |_| carousel.with(Carousel::current));
    let playing = Memo::new(move |_| carousel.with(Carousel::is_playing));
    let rotating = Memo::new(move |_| carousel.with(Carousel::is_rotating));
    let visible = Memo::new(move |_| carousel.with(Carousel::visible));
    let per_view = Memo::new(move |_| carousel.with(Carousel::per_view));
    let can_rotate = Memo::new(move |_| carousel.with(Carousel::can_rotate));
    Effect::new(move |_| {
        if carousel.with(Carousel::is_stopped) {
            stopped.set(true);
        }
    });

    // One timer at a time, re-armed for a full interval after every change
    // of slide or of rotation state, so a resumed carousel never skips (T1, T7).
    let widget = use_context::<WidgetId>().unwrap_or(WidgetId(0));
    let timer = StoredValue::new_local(None::<Timer>);
    Effect::new(move |_| {
        let due = rotating.get();
        current.track();
        let next = due
            .then(|| Timer::once(interval, move || in_widget(widget, || carousel.update(Carousel::advance))));
        timer.set_value(next);
    });
    on_cleanup(move || timer.set_value(None));

    // No rotation while the page is hidden or the widget is out of view (T6).
    let region = NodeRef::<leptos::html::Section>::new();
    let watchers = StoredValue::new_local(None::<Watchers>);
    Effect::new(move |_| {
        let Some(element) = region.get() else { return };
        let Some(document) = element.owner_document() else { return };
        let on_visibility = {
            let document = document.clone();
            move |_| in_widget(widget, || carousel.update(|c| c.set_page_hidden(document.hidden())))
        };
        watchers.set_value(Some(Watchers {
            _page: EventListener::new(&document, "visibilitychange", on_visibility),
            _viewport: OnScreenObserver::new(&element, move |seen| {
                in_widget(widget, || carousel.update(|c| c.set_off_screen(!seen)))
            }),
            // Several stories side by side when the container is wide.
            _width: (most_per_view > 1)
                .then(|| {
                    WidthObserver::new(&element, move |width_em| {
                        in_widget(widget, || {
                            let fit = slides_that_fit(width_em, most_per_view);
                            if carousel.with_untracked(Carousel::per_view) != fit {
                                carousel.update(|c| c.set_per_view(fit));
                            }
                        })
                    })
                })
                .flatten(),
        }));
    });
    on_cleanup(move || watchers.set_value(None));

    let slides_id = format!("saman-{}-slides", NEXT_CAROUSEL.fetch_add(1, Ordering::Relaxed));
    let swipe_start = StoredValue::new(None::<(i32, f64, f64)>);
    let on_pointer_down = move |event: PointerEvent| {
        if event.pointer_type() != "mouse" {
            let start = (event.pointer_id(), f64::from(event.client_x()), f64::from(event.client_y()));
            swipe_start.set_value(Some(start));
        }
    };
    let on_pointer_up = move |event: PointerEvent| {
        let Some((id, x, y)) = swipe_start.get_value() else {
            return;
        };
        swipe_start.set_value(None);
        if id != event.pointer_id() {
            return;
        }
        let movement = (f64::from(event.client_x()) - x, f64::from(event.client_y()) - y);
        match Swipe::from_movement(movement.0, movement.1) {
            Some(Swipe::ToNext) => carousel.update(Carousel::show_next),
            Some(Swipe::ToPrevious) => carousel.update(Carousel::show_previous),
            None => {}
        }
    };
    // Keyboard focus inside stops rotation for good (T3). A mouse click also
    // focuses a button, but is not `:focus-visible`: it must not stop the
    // carousel before the click on "Stop" toggles it back on.
    let on_focus_in = move |event: FocusEvent| {
        let keyboard = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
        if keyboard {
            carousel.update(Carousel::stop_rotation);
        }
    };
    // An info screen keeps rotating under a resting mouse pointer.
    let pauses_on_hover = use_context::<Mode>() != Some(Mode::Kiosk);
    let on_hover = move |hovered: bool| {
        move |event: PointerEvent| {
            if pauses_on_hover && event.pointer_type() == "mouse" {
                carousel.update(|c| c.set_hovered(hovered));
            }
        }
    };

    // With nothing to rotate there is nothing to control, but the bar keeps
    // its place.
    let controls_id = slides_id.clone();
    let controls = move || {
        can_rotate.get().then(|| {
            let slides_id = controls_id.clone();
            view! {
                    <button
                        type="button"
                        class="saman-button saman-rotation"
                        part="button rotation-button"
                        on:click=move |_| carousel.update(Carousel::toggle_rotation)
                    >
                        {move || if playing.get() { PauseIcon().into_any() } else { PlayIcon().into_any() }}
                        <span class="saman-rotation-text">
                            {move || if playing.get() { strings.stop } else { strings.start }}
                        </span>
                        <span class="saman-visually-hidden">
                            {move || if playing.get() { strings.stop_rest } else { strings.start_rest }}
                        </span>
                    </button>
                    <div class="saman-nav">
                        <button
                            type="button"
                            class="saman-button saman-previous"
                            part="button previous-button"
                            aria-controls=slides_id.clone()
                            aria-label=strings.previous
                            on:click=move |_| carousel.update(Carousel::show_previous)
                        >
                            <ChevronIcon left=true />
                        </button>
                        <span class="saman-position" part="position">{move || {
                            let shown = visible.get();
                            strings.positions(shown.start + 1, shown.end, total)
                        }}</span>
                        <button
                            type="button"
                            class="saman-button saman-next"
                            part="button next-button"
                            aria-controls=slides_id
                            aria-label=strings.next
                            on:click=move |_| {
                                crash_if_asked(widget, "next");
                                carousel.update(Carousel::show_next)
                            }
                        >
                            <ChevronIcon left=false />
                        </button>
                    </div>
            }
        })
    };

    view! {
        <section
            node_ref=region
            class="saman-carousel"
            aria-roledescription=strings.carousel
            aria-label=name
            on:focusin=on_focus_in
            on:pointerenter=on_hover(true)
            on:pointerleave=on_hover(false)
        >
            <div class="saman-controls" part="controls">{controls}</div>
            <div
                id=slides_id
                class=move || format!("saman-slides saman-slides--{}", per_view.get())
                part="slides"
                // Announce slide changes only when the visitor makes them (A1).
                aria-live=move || if playing.get() { "off" } else { "polite" }
                on:pointerdown=on_pointer_down
                on:pointerup=on_pointer_up
                on:pointercancel=move |_| swipe_start.set_value(None)
            >
                // Keyed by window and position, so every slide is new DOM: the old
                // ones leave, the new ones fade in, and nothing moves (M1).
                <For
                    each=move || {
                        let shown = visible.get();
                        shown.clone().map(move |index| (shown.start, index)).collect::<Vec<_>>()
                    }
                    key=|slide| *slide
                    children=move |(start, index)| {
                        let story = stories.with_value(|all| all[index].clone());
                        let column = index - start + 1;
                        view! {
                            <StorySlide story number=index + 1 total lang heading_level first=index == 0 column />
                        }
                    }
                />
                {sizers}
            </div>
        </section>
    }
}
