use std::sync::Arc;

use leptos::prelude::*;
use story_feed::Story;

use super::story_content::{StoryContent, StoryStyle};

/// Every story of the view as a static list: no rotation and no motion, for
/// pages that want none (`layout="list"`) and for visitors who switch to it.
#[component]
pub fn StoryList(
    /// The stories of the view.
    stories: Signal<Arc<[Story]>>,
    /// The widget's accessible name.
    name: String,
    /// Language, heading level and page or info screen.
    style: StoryStyle,
) -> impl IntoView {
    let items = move || {
        stories.with(|stories| {
            stories
                .iter()
                .enumerate()
                .map(|(index, story)| {
                    let story_lang = story.language.clone().filter(|tag| style.lang.differs_from(tag));
                    view! {
                        <li class="saman-list-item" lang=story_lang>
                            <article class="saman-card" part="card">
                                <StoryContent story=story.clone() style eager=index == 0 position=index + 1 />
                            </article>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="saman-list-region" aria-label=name>
            <ul class="saman-list" part="list">{items}</ul>
        </section>
    }
}
