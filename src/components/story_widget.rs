use std::sync::Arc;
use std::time::Duration;

use leptos::ev::FocusEvent;
use leptos::prelude::*;
use story_feed::{Date, Feed, Selection, Story};
use wasm_bindgen::JsCast;

use super::{StatusMessage, StoryCarousel, StoryList, StoryStyle, WidgetEvents};
use crate::analytics::WidgetEvent;
use crate::browser::console;
use crate::browser::crash::{crash_if_asked, in_widget};
use crate::browser::feed_loader::FeedLoader;
use crate::browser::feed_request::Prefetched;
use crate::browser::hosts::WidgetId;
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
    /// one) already dropped.
    Ready(Arc<[Story]>),
    Failed,
}

/// What fills the widget: one of these at a time. A refresh that brings
/// other stories keeps it (and with it the carousel and its state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    Loading,
    Failed,
    Empty,
    List,
    Carousel,
}

/// One embedded widget: fetches the feed, keeps the stories of its view, and
/// shows them as a carousel or a list — or a loading, empty or error state
/// in the same space. When its owner is disposed, its request is aborted and
/// every timer and listener is gone.
#[component]
pub fn StoryWidget(
    /// The embed's settings, read from its attributes.
    config: WidgetConfig,
    /// The feed's absolute URL, or why there is none.
    feed_url: Result<String, LoadError>,
    /// The loader's request for the feed, already under way.
    prefetched: Option<Prefetched>,
) -> impl IntoView {
    let widget = use_context::<WidgetId>().unwrap_or(WidgetId(0));
    let lang = config.lang;
    let strings = lang.strings();
    let load = RwSignal::new(LoadState::Loading);
    let events = WidgetEvents::new(widget, config.view);
    provide_context(events);
    // Shows what one attempt brought: the stories, or the error state. A
    // refresh that fails keeps the stories on screen; one that brings the
    // same stories changes nothing (no flash). The widget may be gone by
    // now (`try_`). Entering the ready or the error state is announced to
    // the page once the DOM shows it.
    let show = move |result: Result<Arc<[Story]>, LoadError>| {
        let next = match &result {
            Ok(stories) => LoadState::Ready(Arc::clone(stories)),
            Err(_) => LoadState::Failed,
        };
        let entered = load.try_maybe_update(|current| {
            let keep = matches!(current, LoadState::Ready(_)) && next == LoadState::Failed;
            let change = !keep && *current != next;
            let entered = change && std::mem::discriminant(current) != std::mem::discriminant(&next);
            if change {
                *current = next;
            }
            (change, entered)
        });
        if entered == Some(true) {
            leptos::task::spawn_local(async move {
                match result {
                    Ok(stories) => {
                        events.fire(WidgetEvent::Ready { view: events.view, total: stories.len(), lang })
                    }
                    Err(error) => events.fire(WidgetEvent::Error { reason: &error.reason() }),
                }
            });
        }
    };
    match feed_url {
        Err(error) => {
            console::error(&error.to_string());
            show(Err(error));
        }
        Ok(url) => {
            let selection = Selection { view: config.view, filter: config.filter.clone(), today: None };
            let loader = FeedLoader::start(url.clone(), config.refresh, prefetched, move |body, again_in| {
                in_widget(widget, || {
                    crash_if_asked(widget, "load");
                    show(read_feed(&url, body, again_in, &selection));
                })
            });
            // Removing the widget drops the loader: the request is aborted
            // and no retry follows.
            let loader = StoredValue::new_local(Some(loader));
            on_cleanup(move || loader.set_value(None));
        }
    }

    let style = StoryStyle { lang, heading_level: config.heading_level, kiosk: config.mode == Mode::Kiosk };
    let name = config.label.clone().unwrap_or_else(|| strings.name(config.view).to_owned());
    // The visitor's choice between one story at a time and all of them.
    let show_list = RwSignal::new(config.layout == Layout::List);
    // Once the visitor has switched layouts or stopped rotation, a carousel
    // built again starts stopped.
    let switched = RwSignal::new(false);
    let stopped = RwSignal::new(false);
    let keyboard_focus = RwSignal::new(0u32);
    let stories = Signal::derive(move || match &*load.read() {
        LoadState::Ready(stories) => Arc::clone(stories),
        _ => Arc::from([]),
    });
    let content = Memo::new(move |_| match &*load.read() {
        LoadState::Loading => Content::Loading,
        LoadState::Failed => Content::Failed,
        LoadState::Ready(stories) if stories.is_empty() => Content::Empty,
        LoadState::Ready(_) if show_list.get() => Content::List,
        LoadState::Ready(_) => Content::Carousel,
    });
    let shown = move || match content.get() {
        Content::Loading => view! { <StatusMessage text=strings.loading kind="loading" /> }.into_any(),
        Content::Failed => view! { <StatusMessage text=strings.error kind="error" /> }.into_any(),
        Content::Empty => view! { <StatusMessage text=strings.empty kind="empty" /> }.into_any(),
        Content::List => view! { <StoryList stories name=name.clone() style /> }.into_any(),
        Content::Carousel => {
            let start_playing = !switched.get_untracked() && !stopped.get_untracked();
            view! {
                <StoryCarousel
                    stories
                    name=name.clone()
                    style
                    interval=config.interval
                    start_playing
                    most_per_view=config.slides_per_view
                    stopped
                    keyboard_focus=keyboard_focus.into()
                />
            }
            .into_any()
        }
    };
    // The bar under a carousel is there from the first frame, so it never
    // moves the page; the switch stays the same DOM node in both layouts,
    // so focus stays on it.
    let more_than_one = move || load.with(|load| matches!(load, LoadState::Ready(s) if s.len() > 1));
    let footer = (config.layout == Layout::Carousel).then(|| {
        view! {
            <div class="saman-footer" part="footer">
                <Show when=more_than_one>
                    <button
                        type="button"
                        class="saman-button saman-button--quiet saman-layout-switch"
                        part="button layout-switch"
                        on:click=move |_| {
                            in_widget(widget, || {
                                switched.set(true);
                                show_list.update(|list| *list = !*list);
                            })
                        }
                    >
                        {move || if show_list.get() { strings.show_one } else { strings.show_all }}
                    </button>
                </Show>
            </div>
        }
    });
    // Keyboard focus anywhere inside stops rotation for good (T3). A mouse
    // click also focuses a button, but is not `:focus-visible`: it must not
    // stop the carousel before the click on "Start" turns it back on.
    let on_focus_in = move |event: FocusEvent| {
        let keyboard = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            // A browser without `:focus-visible` (Safari before 15.4,
            // Firefox before 85) does not focus buttons on click either, so
            // any focus there is the keyboard's.
            .is_some_and(|element| {
                element.matches(":focus-visible").or_else(|_| element.matches(":focus")).unwrap_or(false)
            });
        if keyboard {
            in_widget(widget, || keyboard_focus.update(|count| *count = count.wrapping_add(1)));
        }
    };
    view! {
        <div class="saman" part="root" lang=lang.tag() on:focusin=on_focus_in>
            {shown}
            {footer}
        </div>
    }
}

/// One attempt of the loader has ended, with the feed's text or an error
/// (`again_in`: when the loader tries again): the stories of the view that
/// are not expired and pass the embed's filters, or why there are none,
/// with what the webmaster needs to know in the console.
fn read_feed(
    url: &str,
    body: Result<String, LoadError>,
    again_in: Option<Duration>,
    selection: &Selection,
) -> Result<Arc<[Story]>, LoadError> {
    match body.and_then(|text| Feed::parse(&text, url).map_err(LoadError::Feed)) {
        Ok(feed) => {
            for skipped in &feed.skipped {
                console::warn(&format!("{url}: {skipped}"));
            }
            for note in &feed.notes {
                console::warn(&format!("{url}: {note}"));
            }
            let selection = Selection { today: Some(today()), ..selection.clone() };
            Ok(feed.select(&selection).into())
        }
        Err(error) => {
            let again = again_in.map(|d| format!("; trying again in {} s", d.as_secs()));
            console::error(&format!("{url}: {error}{}", again.unwrap_or_default()));
            Err(error)
        }
    }
}
