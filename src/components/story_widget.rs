use leptos::prelude::*;
use story_feed::{Date, Feed, Story};

use super::{StatusMessage, StoryCarousel, StoryList};
use crate::browser::console;
use crate::browser::crash::{crash_if_asked, in_widget, WidgetId};
use crate::browser::feed_loader::FeedLoader;
use crate::browser::feed_request::Prefetched;
use crate::browser::media::prefers_reduced_motion;
use crate::config::{Layout, WidgetConfig};
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
    Ready(Vec<Story>),
    Failed,
}

/// One embedded widget: fetches the feed, keeps the stories of its view, and
/// shows them as a carousel or a list — or a loading, empty or error state
/// in the same space.
#[component]
pub fn StoryWidget(
    /// The embed's settings.
    config: WidgetConfig,
    /// The feed's absolute URL, or why there is none.
    feed_url: Result<String, LoadError>,
    /// The loader's request for the feed, already under way.
    prefetched: Option<Prefetched>,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let view = config.view;
    let filter = config.filter.clone();
    let refresh = config.refresh;
    match feed_url {
        Err(error) => {
            console::error(&error.to_string());
            state.set(LoadState::Failed);
        }
        Ok(url) => {
            let widget = use_context::<WidgetId>().unwrap_or(WidgetId(0));
            let loader = FeedLoader::start(url.clone(), refresh, prefetched, move |body, again_in| {
                in_widget(widget, || {
                    crash_if_asked(widget, "load");
                    let feed = body.and_then(|text| Feed::parse(&text, &url).map_err(LoadError::Feed));
                    let next = match feed {
                        Ok(feed) => {
                            for skipped in &feed.skipped {
                                console::warn(&format!("{url}: {skipped}"));
                            }
                            let today = today();
                            let mut stories = feed.into_view(view);
                            stories.retain(|story| !story.is_expired_on(today) && filter.matches(story));
                            LoadState::Ready(stories)
                        }
                        Err(error) => {
                            let again = again_in.map(|d| format!("; trying again in {} s", d.as_secs()));
                            console::error(&format!("{url}: {error}{}", again.unwrap_or_default()));
                            LoadState::Failed
                        }
                    };
                    // A refresh that fails keeps the stories on screen; one
                    // that brings the same stories changes nothing (no flash).
                    // The widget may have been removed meanwhile (try_).
                    let _ = state.try_maybe_update(|current| {
                        let keep = matches!(current, LoadState::Ready(_)) && next == LoadState::Failed;
                        let change = !keep && *current != next;
                        if change {
                            *current = next;
                        }
                        (change, ())
                    });
                })
            });
            // Removing the widget drops the loader: the request is aborted and
            // no retry follows.
            let loader = StoredValue::new_local(Some(loader));
            on_cleanup(move || loader.set_value(None));
        }
    }

    // The display mode reaches the slides through context.
    provide_context(config.mode);
    let lang = config.lang;
    let strings = lang.strings();
    let interval = config.interval;
    let heading_level = config.heading_level;
    let slides_per_view = config.slides_per_view;
    let name = config.label.clone().unwrap_or_else(|| strings.name(view).to_owned());
    // The visitor's choice between one story at a time and all of them.
    let show_list = RwSignal::new(config.layout == Layout::List);
    // Once the visitor has switched layouts or stopped rotation, a carousel
    // built again (after the switch, or for refreshed stories) starts stopped.
    let switched = RwSignal::new(false);
    let stopped = RwSignal::new(false);
    let stories_shown = move || state.with(|s| matches!(s, LoadState::Ready(stories) if stories.len() > 1));
    let content = {
        let name = name.clone();
        move || match state.get() {
            LoadState::Loading => view! { <StatusMessage text=strings.loading kind="loading" /> }.into_any(),
            LoadState::Failed => view! { <StatusMessage text=strings.error kind="error" /> }.into_any(),
            LoadState::Ready(stories) if stories.is_empty() => {
                view! { <StatusMessage text=strings.empty kind="empty" /> }.into_any()
            }
            LoadState::Ready(stories) if show_list.get() => {
                view! { <StoryList stories name=name.clone() lang heading_level /> }.into_any()
            }
            LoadState::Ready(stories) => {
                let start_playing =
                    !switched.get_untracked() && !stopped.get_untracked() && !prefers_reduced_motion();
                view! {
                    <StoryCarousel
                        stories
                        name=name.clone()
                        lang
                        interval
                        heading_level
                        start_playing
                        most_per_view=slides_per_view
                        stopped
                    />
                }
                .into_any()
            }
        }
    };
    // The switch stays the same DOM node in both layouts, so focus stays on it.
    // The footer is there from the first frame, so it never moves the page.
    let footer = (config.layout == Layout::Carousel).then(|| {
        view! {
            <div class="saman-footer" part="footer">
                <Show when=stories_shown>
                    <button
                        type="button"
                        class="saman-button saman-button--quiet saman-layout-switch"
                        part="button layout-switch"
                        on:click=move |_| {
                            switched.set(true);
                            show_list.update(|list| *list = !*list);
                        }
                    >
                        {move || if show_list.get() { strings.show_one } else { strings.show_all }}
                    </button>
                </Show>
            </div>
        }
    });
    view! {
        <div class="saman" part="root" lang=lang.tag()>
            {content}
            {footer}
        </div>
    }
}
