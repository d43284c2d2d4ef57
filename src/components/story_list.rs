use leptos::prelude::*;
use story_feed::Story;

use super::StoryContent;
use crate::i18n::Lang;

/// Every story of the view as a static list: no rotation and no motion, for
/// pages that want none (`layout="list"`) and for visitors who switch to it.
#[component]
pub fn StoryList(
    /// The stories of the view.
    stories: Vec<Story>,
    /// The widget's accessible name.
    name: String,
    /// The UI language.
    lang: Lang,
    /// The level of the titles' headings.
    heading_level: u8,
) -> impl IntoView {
    let items = stories
        .into_iter()
        .enumerate()
        .map(|(index, story)| {
            let story_lang = story.language.clone().filter(|tag| lang.differs_from(tag));
            view! {
                <li class="saman-list-item" lang=story_lang>
                    <article class="saman-card" part="card">
                        <StoryContent story lang heading_level eager=index == 0 />
                    </article>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="saman-list-region" aria-label=name>
            <ul class="saman-list" part="list">{items}</ul>
        </section>
    }
}
