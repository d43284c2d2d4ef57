use leptos::prelude::*;
use story_feed::{Feed, Story};

use super::{StatusMessage, StoryCarousel};
use crate::browser::console;
use crate::browser::feed_request::FeedRequest;
use crate::config::WidgetConfig;
use crate::load_error::LoadError;

/// Where the widget is in getting its stories.
#[derive(Clone, Debug, PartialEq)]
enum LoadState {
    Loading,
    /// The stories of the embed's view, every other story already dropped.
    Ready(Vec<Story>),
    Failed,
}

/// One embedded widget: fetches the feed, keeps the stories of its view, and
/// shows them — or a loading, empty or error state in the same space.
#[component]
pub fn StoryWidget(
    /// The embed's settings.
    config: WidgetConfig,
    /// The feed's absolute URL, or why there is none.
    feed_url: Result<String, LoadError>,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let view = config.view;
    match feed_url {
        Err(error) => {
            console::error(&error.to_string());
            state.set(LoadState::Failed);
        }
        Ok(url) => {
            let request = FeedRequest::start(url.clone(), move |body| {
                let feed = body.and_then(|text| Feed::parse(&text, &url).map_err(LoadError::Feed));
                let next = match feed {
                    Ok(feed) => {
                        for skipped in &feed.skipped {
                            console::warn(&format!("{url}: {skipped}"));
                        }
                        LoadState::Ready(feed.into_view(view))
                    }
                    Err(error) => {
                        console::error(&format!("{url}: {error}"));
                        LoadState::Failed
                    }
                };
                // The widget may have been removed meanwhile.
                let _ = state.try_set(next);
            });
            // Removing the widget drops the request, which aborts it.
            let request = StoredValue::new_local(Some(request));
            on_cleanup(move || request.set_value(None));
        }
    }

    let lang = config.lang;
    let strings = lang.strings();
    let interval = config.interval;
    view! {
        <div class="saman" lang=lang.tag()>
            {move || match state.get() {
                LoadState::Loading => view! { <StatusMessage text=strings.loading kind="loading" /> }.into_any(),
                LoadState::Failed => view! { <StatusMessage text=strings.error kind="error" /> }.into_any(),
                LoadState::Ready(stories) if stories.is_empty() => {
                    view! { <StatusMessage text=strings.empty kind="empty" /> }.into_any()
                }
                LoadState::Ready(stories) => {
                    view! { <StoryCarousel stories view lang interval /> }.into_any()
                }
            }}
        </div>
    }
}
