use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::either::Either;
use leptos::ev::PointerEvent;
use leptos::html::Section;
use leptos::prelude::*;
use story_feed::Story;
use web_sys::{HtmlImageElement, MediaQueryList};

use super::icons::{Icon, CHEVRON_LEFT, CHEVRON_RIGHT, PAUSE, PLAY};
use super::story_content::{StorySizer, StoryStyle};
use super::story_slide::{numbered, SlidePlace, StorySlide};
use super::WidgetEvents;
use crate::analytics::{RotationCause, WidgetEvent, SHOWN_AFTER};
use crate::browser::crash::{crash_if_asked, in_widget};
use crate::browser::event_listener::EventListener;
use crate::browser::hosts::WidgetId;
use crate::browser::media::reduced_motion;
use crate::browser::on_screen::OnScreenObserver;
use crate::browser::resize::WidthObserver;
use crate::browser::timer::Timer;
use crate::carousel::slides_that_fit;
use crate::shown_stories::{ShownStories, SlideKey};
use crate::sizer::{longest_stories, SIZER_COUNT};
use crate::swipe::Swipe;

/// What tells the carousel whether anyone can see it, whether motion is
/// welcome and how wide it is; dropping it stops listening.
struct Watchers {
    _page: EventListener,
    _motion: Option<EventListener>,
    _viewport: Option<OnScreenObserver>,
    _width: Option<WidthObserver>,
}

/// What the carousel did last about its state, to tell what changed since.
#[derive(Clone, PartialEq)]
struct Followed {
    slides: Vec<SlideKey>,
    rotating: bool,
    /// Whether a visitor can see the carousel (known to be in view, and
    /// the page shown).
    seen: bool,
    keyboard_focus: u32,
}

/// Numbers the carousels on a page, so every id is unique even outside the
/// shadow roots that already scope them.
static NEXT_CAROUSEL: AtomicUsize = AtomicUsize::new(1);

/// The stories of a view, one at a time (or a few side by side), following
/// the W3C APG carousel pattern: a labelled region, a stop/start button
/// first, previous/next buttons, and only the shown slides in the DOM, so
/// hidden stories are neither focusable nor read (accessibility checklist
/// S1–S3, R1–R4, T1–T7, A1, F1).
///
/// Its whole state is one [`ShownStories`] in one signal. The view reads it
/// in small closures, so hovering touches no DOM, pressing the rotation
/// button keeps the same button node (R3), and a new slide is a new node
/// that fades in without moving anything (M1); one effect follows it with
/// the timer and the picture fetched ahead. Its timer, listeners and
/// observers go with its owner.
#[component]
pub fn StoryCarousel(
    /// The stories of the view, at least one. When they change (a refreshed
    /// feed), the carousel takes them in place: the story on screen stays,
    /// and so do rotation and focus.
    stories: Signal<Arc<[Story]>>,
    /// The widget's accessible name.
    name: String,
    /// Language, heading level and page or info screen.
    style: StoryStyle,
    /// Time between automatic slide changes.
    interval: Duration,
    /// Whether rotation starts on (off when the visitor stopped it before,
    /// or came back from the list).
    start_playing: bool,
    /// The most stories shown side by side when the container is wide.
    most_per_view: usize,
    /// Set once rotation stops, so that a carousel built again does not
    /// start rotating behind the visitor's back.
    stopped: RwSignal<bool>,
    /// Counts the times keyboard focus arrived anywhere in the widget,
    /// including the layout switch under the carousel: each arrival stops
    /// rotation for good (T3).
    keyboard_focus: Signal<u32>,
) -> impl IntoView {
    let strings = style.lang.strings();
    let widget = use_context::<WidgetId>().unwrap_or(WidgetId(0));
    let mut initial = ShownStories::new(stories.get_untracked(), start_playing);
    // A carousel built while the page is hidden (a background tab, an info
    // screen's refresh) waits until it is shown (T6); under reduced motion
    // it starts stopped (T5).
    initial.carousel.set_page_hidden(document().hidden());
    let motion = reduced_motion();
    if motion.as_ref().is_some_and(MediaQueryList::matches) {
        initial.carousel.stop_rotation();
    }
    let shown = RwSignal::new(initial);
    // Every change to the carousel goes through here, as the widget's own
    // code (a panic is blamed on it), and notifies only when it changed.
    let update = move |change: &dyn Fn(&mut ShownStories)| {
        in_widget(widget, || {
            shown.maybe_update(|state| {
                let before = state.carousel;
                change(state);
                state.carousel != before
            })
        })
    };
    let carousel = move || shown.with(|state| state.carousel);
    // A visitor's own action, announced to the page when it stopped or
    // started the rotation.
    let events = WidgetEvents::of_widget();
    let by_visitor = move |cause: RotationCause, change: &dyn Fn(&mut ShownStories)| {
        let was_stopped = shown.with_untracked(|state| state.carousel.is_stopped());
        update(change);
        let stopped = shown.with_untracked(|state| state.carousel.is_stopped());
        if let (true, Some(events)) = (stopped != was_stopped, events) {
            events.fire(WidgetEvent::Rotation { playing: !stopped, cause });
        }
    };

    // A refreshed feed: its stories, in place.
    Effect::new(move |_| {
        let now = stories.get();
        if !shown.with_untracked(|state| Arc::ptr_eq(state.stories(), &now)) {
            in_widget(widget, || shown.update(|state| state.replace_stories(now)));
        }
    });

    // Following the state:
    // - keyboard focus stops rotation for good (T3);
    // - a story on screen for a second while a visitor can see it counts
    //   as shown, for the page's analytics (`saman-stories-show`);
    // - once stopped, a carousel built again starts stopped;
    // - one timer, started again for a full interval whenever rotation
    //   starts or another story comes on screen, so a resumed carousel never
    //   skips (T1, T7); a story that only moved in a refreshed feed keeps
    //   its slide, and with it the rotation's schedule;
    // - while a visitor can see the carousel, the picture of the story after
    //   the shown ones is fetched ahead; nothing else loads ahead, and
    //   nothing at all while unseen.
    let timer = StoredValue::new_local(None::<Timer>);
    let show_timer = StoredValue::new_local(None::<Timer>);
    let preload = StoredValue::new_local(None::<(String, HtmlImageElement)>);
    let seen_once = StoredValue::new(false);
    Effect::new(move |before: Option<Followed>| {
        let keyboard_focus = keyboard_focus.get();
        if before.as_ref().is_some_and(|before| before.keyboard_focus != keyboard_focus) {
            by_visitor(RotationCause::Focus, &|state| state.carousel.stop_rotation());
        }
        let (now, next_picture) = shown.with(|state| {
            let seen = seen_once.get_value() && state.carousel.is_seen();
            let followed = Followed {
                slides: state.slides(),
                rotating: state.carousel.is_rotating(),
                seen,
                keyboard_focus,
            };
            (followed, state.next_picture().filter(|_| seen).map(str::to_owned))
        });
        if carousel().is_stopped() && !stopped.get_untracked() {
            stopped.set(true);
        }
        let moved = before.as_ref().is_none_or(|before| before.slides != now.slides);
        if moved || before.as_ref().is_some_and(|before| before.rotating != now.rotating) {
            let next = now
                .rotating
                .then(|| Timer::once(interval, move || update(&|state| state.carousel.advance())));
            timer.set_value(next);
        }
        if moved || before.as_ref().is_some_and(|before| before.seen != now.seen) {
            let count_shown = move || {
                shown.with_untracked(|state| {
                    for key in state.slides() {
                        let index = state.index_of(key).unwrap_or_default();
                        if let Some(events) = events {
                            events.shown(&state.stories()[index], index + 1, state.carousel.len());
                        }
                    }
                })
            };
            let next = (now.seen && events.is_some()).then(|| Timer::once(SHOWN_AFTER, count_shown));
            show_timer.set_value(next);
        }
        if let Some(src) = next_picture {
            let fetched =
                preload.with_value(|fetched| fetched.as_ref().is_some_and(|(fetched, _)| *fetched == src));
            if let (false, Ok(image)) = (fetched, HtmlImageElement::new()) {
                image.set_decoding("async");
                image.set_src(&src);
                preload.set_value(Some((src, image)));
            }
        }
        now
    });

    // What the visitor can see and wants: no rotation while the page is
    // hidden or the widget is out of view (T6), none from when reduced
    // motion is asked for (T5), and several stories side by side when the
    // container is wide. Watched from when the region is in the DOM until
    // the carousel's owner is cleaned up.
    let region = NodeRef::<Section>::new();
    let watchers = StoredValue::new_local(None::<Watchers>);
    Effect::new(move |_| {
        let Some(element) = region.get() else { return };
        let page = document();
        let on_visibility = {
            let page = page.clone();
            move |_| {
                let hidden = page.hidden();
                update(&|state| state.carousel.set_page_hidden(hidden));
            }
        };
        let on_motion = |query: MediaQueryList| {
            let asked = query.clone();
            EventListener::new(&query.into(), "change", move |_| {
                if asked.matches() {
                    update(&|state| state.carousel.stop_rotation());
                }
            })
        };
        let viewport = OnScreenObserver::new(&element, move |seen| {
            let first_time = seen && !seen_once.get_value();
            seen_once.set_value(seen_once.get_value() || seen);
            update(&|state| state.carousel.set_off_screen(!seen));
            if first_time {
                // Seen at last: the picture after the shown ones may load.
                shown.notify();
            }
        });
        if viewport.is_none() {
            // Without an observer, assume the visitor sees it.
            seen_once.set_value(true);
        }
        let width = (most_per_view > 1)
            .then(|| {
                WidthObserver::new(&element, move |width_em| {
                    let fit = slides_that_fit(width_em, most_per_view);
                    update(&|state| state.set_fit(fit));
                })
            })
            .flatten();
        watchers.set_value(Some(Watchers {
            _page: EventListener::new(&page.into(), "visibilitychange", on_visibility),
            _motion: motion.clone().map(on_motion),
            _viewport: viewport,
            _width: width,
        }));
    });
    on_cleanup(move || {
        watchers.try_set_value(None);
        timer.try_set_value(None);
        show_timer.try_set_value(None);
    });

    // A swipe on touch or pen: to the left shows the next story, to the
    // right the previous one; both stop rotation, like the buttons (T4).
    let swipe_from = StoredValue::new(None::<(i32, f64, f64)>);
    let on_pointer_down = move |event: PointerEvent| {
        if event.pointer_type() != "mouse" {
            swipe_from.set_value(Some((
                event.pointer_id(),
                event.client_x().into(),
                event.client_y().into(),
            )));
        }
    };
    let on_pointer_up = move |event: PointerEvent| {
        let Some((id, x, y)) = swipe_from.get_value() else { return };
        swipe_from.set_value(None);
        if id != event.pointer_id() {
            return;
        }
        match Swipe::from_movement(f64::from(event.client_x()) - x, f64::from(event.client_y()) - y) {
            Some(Swipe::ToNext) => by_visitor(RotationCause::Swipe, &|state| state.carousel.show_next()),
            Some(Swipe::ToPrevious) => {
                by_visitor(RotationCause::Swipe, &|state| state.carousel.show_previous())
            }
            None => {}
        }
    };
    // A resting mouse pointer pauses rotation (T2), but not on an info screen.
    let on_hover = move |hovered: bool| {
        move |event: PointerEvent| {
            if !style.kiosk && event.pointer_type() == "mouse" {
                update(&|state| state.carousel.set_hovered(hovered));
            }
        }
    };

    let slides_id = format!("saman-{}-slides", NEXT_CAROUSEL.fetch_add(1, Ordering::Relaxed));
    let controls = {
        let slides_id = slides_id.clone();
        move || {
            let playing = move || carousel().is_playing();
            let position = move || {
                let carousel = carousel();
                let shown = carousel.visible();
                strings.positions(shown.start + 1, shown.end, carousel.len())
            };
            view! {
                <button
                    type="button"
                    class="saman-button saman-rotation"
                    part="button rotation-button"
                    on:click=move |_| by_visitor(RotationCause::Button, &|state| state.carousel.toggle_rotation())
                >
                    <Icon path=Signal::derive(move || if playing() { PAUSE } else { PLAY }) />
                    <span class="saman-rotation-text">
                        {move || if playing() { strings.stop } else { strings.start }}
                    </span>
                    <span class="saman-visually-hidden">
                        {move || if playing() { strings.stop_rest } else { strings.start_rest }}
                    </span>
                </button>
                <div class="saman-nav">
                    <button
                        type="button"
                        class="saman-button saman-previous"
                        part="button previous-button"
                        aria-controls=slides_id.clone()
                        aria-label=strings.previous
                        on:click=move |_| {
                            by_visitor(RotationCause::Navigation, &|state| state.carousel.show_previous())
                        }
                    >
                        <Icon path=CHEVRON_LEFT />
                    </button>
                    <span class="saman-position" part="position">{position}</span>
                    <button
                        type="button"
                        class="saman-button saman-next"
                        part="button next-button"
                        aria-controls=slides_id.clone()
                        aria-label=strings.next
                        on:click=move |_| {
                            in_widget(widget, || crash_if_asked(widget, "next"));
                            by_visitor(RotationCause::Navigation, &|state| state.carousel.show_next())
                        }
                    >
                        <Icon path=CHEVRON_RIGHT />
                    </button>
                </div>
            }
        }
    };
    // The shown slides, as one list that is made again when the window
    // moves or a refresh changes what is on screen. The list alternates
    // between two branches of an `Either` with each showing: a move swaps
    // the branch, so its slides are new nodes that fade in (M1), while
    // within a showing (a refresh, a change of width) the same branch is
    // updated in place, so the story on screen keeps its node, its focus and
    // its screen-reader position. (A keyed `<For>` did the same, but left a
    // few hundred bytes behind for every slide it ever showed.)
    let on_screen = Memo::new(move |_| {
        shown.with(|state| {
            let places: Vec<(SlideKey, usize)> = state
                .slides()
                .into_iter()
                .map(|key| (key, state.index_of(key).unwrap_or_default()))
                .collect();
            (state.carousel.showing(), places, state.carousel.len(), state.carousel.current())
        })
    });
    let slides = move || {
        let (showing, places, total, current) = on_screen.get();
        let views = shown.with_untracked(|state| {
            places
                .into_iter()
                .map(|(_, index)| {
                    let place =
                        SlidePlace { number: index + 1, total, column: index.saturating_sub(current) + 1 };
                    let story = state.stories()[index].clone();
                    view! { <StorySlide story place style eager=index == 0 /> }
                })
                .collect_view()
        });
        if showing % 2 == 0 {
            Either::Left(views)
        } else {
            Either::Right(views)
        }
    };
    // Invisible copies of the longest stories hold the slide area at the
    // height of the tallest (see `crate::sizer`); made again only when the
    // stories are replaced.
    let all_stories = Memo::new_with_compare(
        move |_| shown.with(|state| Arc::clone(state.stories())),
        |before, now| !matches!((before, now), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    );
    let sizers = move || {
        all_stories.with(|stories| {
            longest_stories(stories, SIZER_COUNT)
                .into_iter()
                .map(|story| view! { <StorySizer story=story.clone() style /> })
                .collect_view()
        })
    };

    view! {
        <section
            node_ref=region
            class="saman-carousel"
            aria-roledescription=strings.carousel
            aria-label=name
            on:pointerenter=on_hover(true)
            on:pointerleave=on_hover(false)
        >
            // With nothing to rotate there is nothing to control, but the
            // bar keeps its place.
            <div class="saman-controls" part="controls">
                <Show when=move || carousel().can_rotate()>{controls.clone()}</Show>
            </div>
            <div
                id=slides_id
                class=move || numbered("saman-slides saman-slides--", carousel().per_view())
                part="slides"
                // Announce slide changes only when the visitor makes them (A1).
                aria-live=move || if carousel().is_playing() { "off" } else { "polite" }
                on:pointerdown=on_pointer_down
                on:pointerup=on_pointer_up
                on:pointercancel=move |_| swipe_from.set_value(None)
            >
                {slides}
                {sizers}
            </div>
        </section>
    }
}
