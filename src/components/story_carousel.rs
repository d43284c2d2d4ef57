use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::ev::PointerEvent;
use leptos::html::Section;
use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_intersection_observer::use_intersection_observer;
use leptos_use_media_query::use_media_query;
use leptos_use_resize_observer::use_resize_observer;
use leptos_use_timeout_fn::{use_timeout_fn, UseTimeoutFnReturn};
use story_feed::Story;
use web_sys::{HtmlImageElement, VisibilityState};

use super::icons::{Icon, CHEVRON_LEFT, CHEVRON_RIGHT, PAUSE, PLAY};
use super::story_content::{StorySizer, StoryStyle};
use super::story_slide::{numbered, StorySlide};
use crate::browser::crash::{crash_if_asked, in_widget, WidgetId};
use crate::browser::live_count::{count_until_cleanup, Live, LISTENERS, TIMERS};
use crate::browser::width::width_in_em;
use crate::carousel::slides_that_fit;
use crate::shown_stories::ShownStories;
use crate::sizer::{longest_stories, SIZER_COUNT};
use crate::swipe::Swipe;

/// Numbers the carousels on a page, so every id is unique even outside the
/// shadow roots that already scope them.
static NEXT_CAROUSEL: AtomicUsize = AtomicUsize::new(1);

/// The stories of a view, one at a time (or a few side by side), following
/// the W3C APG carousel pattern: a labelled region, a stop/start button
/// first, previous/next buttons, and only the shown slides in the DOM, so
/// hidden stories are neither focusable nor read (accessibility checklist
/// S1–S3, R1–R4, T1–T7, A1, F1).
///
/// Its state is a [`ShownStories`] in one signal; memos pick out what each
/// part of the view needs, so hovering touches no DOM, pressing the rotation
/// button keeps the same button node (R3), and a new slide is a new node
/// that fades in without moving anything (M1). Its timer, observers and
/// listeners go with its owner.
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
    /// Fires when keyboard focus arrives anywhere in the widget, including
    /// the layout switch under the carousel: rotation then stops for good (T3).
    keyboard_focus: Trigger,
) -> impl IntoView {
    let strings = style.lang.strings();
    let widget = use_context::<WidgetId>().unwrap_or(WidgetId(0));
    let mut initial = ShownStories::new(stories.get_untracked(), start_playing);
    // A carousel built while the page is hidden (a background tab, an info
    // screen's refresh) waits until it is shown (T6).
    initial.carousel.set_page_hidden(document().hidden());
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

    let carousel = Memo::new(move |_| shown.with(|state| state.carousel));
    let playing = Memo::new(move |_| carousel.get().is_playing());
    let rotating = Memo::new(move |_| carousel.get().is_rotating());
    let can_rotate = Memo::new(move |_| carousel.get().can_rotate());
    let slides = Memo::new(move |_| shown.with(ShownStories::slides));
    let all_stories = Memo::new_with_compare(
        move |_| shown.with(|state| Arc::clone(state.stories())),
        |before, now| !matches!((before, now), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    );
    Effect::new(move |_| {
        if carousel.get().is_stopped() && !stopped.get_untracked() {
            stopped.set(true);
        }
    });

    // A refreshed feed: its stories, in place.
    Effect::new(move |_| {
        let now = stories.get();
        if !shown.with_untracked(|state| Arc::ptr_eq(state.stories(), &now)) {
            in_widget(widget, || shown.update(|state| state.replace_stories(now)));
        }
    });

    // One timer, started again for a full interval whenever rotation starts
    // or another story comes on screen, so a resumed carousel never skips
    // (T1, T7). A story that only moved in a refreshed feed keeps its slide,
    // and with it the rotation's schedule.
    let UseTimeoutFnReturn { start, stop, is_pending, .. } =
        use_timeout_fn(move |_: ()| update(&|state| state.carousel.advance()), interval.as_millis() as f64);
    Effect::new(move |_| {
        slides.track();
        if rotating.get() {
            start(());
        } else {
            stop();
        }
    });
    let pending_timer = StoredValue::new(None::<Live>);
    Effect::new(move |_| pending_timer.set_value(is_pending.get().then(|| Live::new(&TIMERS))));

    // Keyboard focus inside stops rotation for good (T3); so does manual
    // navigation (T4), and reduced motion from the start or later on (T5).
    Effect::watch(
        move || keyboard_focus.track(),
        move |_, _, _| update(&|state| state.carousel.stop_rotation()),
        false,
    );
    let reduced_motion = use_media_query("(prefers-reduced-motion: reduce)".to_owned());
    count_until_cleanup(&LISTENERS);
    Effect::new(move |_| {
        if reduced_motion.get() {
            update(&|state| state.carousel.stop_rotation());
        }
    });

    // No rotation while the page is hidden or the widget is out of view (T6).
    let visibility = use_document_visibility();
    count_until_cleanup(&LISTENERS);
    Effect::new(move |_| {
        let hidden = visibility.get() == VisibilityState::Hidden;
        update(&|state| state.carousel.set_page_hidden(hidden));
    });
    let region = NodeRef::<Section>::new();
    let seen_once = RwSignal::new(false);
    use_intersection_observer(region, move |entries, _| {
        // The last entry is the newest state.
        let Some(seen) = entries.last().map(|entry| entry.is_intersecting()) else { return };
        if seen && !seen_once.get_untracked() {
            seen_once.set(true);
        }
        update(&|state| state.carousel.set_off_screen(!seen));
    });
    count_until_cleanup(&LISTENERS);
    // Several stories side by side when the container is wide.
    if most_per_view > 1 {
        use_resize_observer(region, move |entries, _| {
            let Some(entry) = entries.last() else { return };
            let fit = slides_that_fit(width_in_em(&entry.target()), most_per_view);
            update(&|state| state.set_fit(fit));
        });
        count_until_cleanup(&LISTENERS);
    }

    // While a visitor can see the carousel, the picture of the story after
    // the shown ones is fetched ahead, so it is there when the slide
    // changes. Nothing else loads ahead, and nothing at all while unseen.
    let next_picture = Memo::new(move |_| shown.with(|state| state.next_picture().map(str::to_owned)));
    let preload = StoredValue::new_local(None::<(String, HtmlImageElement)>);
    Effect::new(move |_| {
        let seen = seen_once.get() && carousel.get().is_seen();
        let Some(src) = next_picture.get().filter(|_| seen) else { return };
        if preload.with_value(|fetched| fetched.as_ref().is_some_and(|(fetched, _)| *fetched == src)) {
            return;
        }
        if let Ok(image) = HtmlImageElement::new() {
            image.set_decoding("async");
            image.set_src(&src);
            preload.set_value(Some((src, image)));
        }
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
            Some(Swipe::ToNext) => update(&|state| state.carousel.show_next()),
            Some(Swipe::ToPrevious) => update(&|state| state.carousel.show_previous()),
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
            let position = move || {
                let carousel = carousel.get();
                let shown = carousel.visible();
                strings.positions(shown.start + 1, shown.end, carousel.len())
            };
            view! {
                <button
                    type="button"
                    class="saman-button saman-rotation"
                    part="button rotation-button"
                    on:click=move |_| update(&|state| state.carousel.toggle_rotation())
                >
                    <Icon path=Signal::derive(move || if playing.get() { PAUSE } else { PLAY }) />
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
                        on:click=move |_| update(&|state| state.carousel.show_previous())
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
                            crash_if_asked(widget, "next");
                            update(&|state| state.carousel.show_next())
                        }
                    >
                        <Icon path=CHEVRON_RIGHT />
                    </button>
                </div>
            }
        }
    };
    let slide = move |key| {
        let index = move || shown.with(|state| state.index_of(key));
        let (story, eager) = shown.with_untracked(|state| {
            let index = state.index_of(key).unwrap_or_default();
            (state.stories()[index].clone(), index == 0)
        });
        let number = Signal::derive(move || index().map_or(0, |i| i + 1));
        let total = Signal::derive(move || carousel.get().len());
        let column =
            Signal::derive(move || index().map_or(1, |i| i.saturating_sub(carousel.get().current()) + 1));
        view! { <StorySlide story number total column style eager /> }
    };
    // Invisible copies of the longest stories hold the slide area at the
    // height of the tallest (see `crate::sizer`).
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
                <Show when=move || can_rotate.get()>{controls.clone()}</Show>
            </div>
            <div
                id=slides_id
                class=move || numbered("saman-slides saman-slides--", carousel.get().per_view())
                part="slides"
                // Announce slide changes only when the visitor makes them (A1).
                aria-live=move || if playing.get() { "off" } else { "polite" }
                on:pointerdown=on_pointer_down
                on:pointerup=on_pointer_up
                on:pointercancel=move |_| swipe_from.set_value(None)
            >
                <For each=move || slides.get() key=|key| *key children=slide />
                {sizers}
            </div>
        </section>
    }
}
