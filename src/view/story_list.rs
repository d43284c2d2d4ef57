use story_feed::Story;
use web_sys::Element;

use super::dom::el;
use super::story_content::{story_content, StoryStyle};

/// Every story of the view as a static list: no rotation and no motion, for
/// pages that want none (`layout="list"`) and for visitors who switch to it.
/// `name` is the widget's accessible name.
pub fn story_list(stories: &[Story], name: &str, style: StoryStyle) -> Element {
    let mut list = el("ul").class("saman-list").part("list");
    for (index, story) in stories.iter().enumerate() {
        let story_lang = story.language.as_deref().filter(|tag| style.lang.differs_from(tag));
        let card = story_content(el("article").class("saman-card").part("card"), story, style, index == 0);
        list = list.child(el("li").class("saman-list-item").attr_some("lang", story_lang).child(card));
    }
    el("section").class("saman-list-region").attr("aria-label", name).child(list).build()
}
