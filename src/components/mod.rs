//! The widget's Leptos components, from the outside in:
//! [`StoryWidget`] loads the feed and picks a state; [`StoryCarousel`] shows
//! the stories one at a time, [`StoryList`] all at once; [`StorySlide`] and
//! the list's items both show a story with [`StoryContent`].

mod icons;
mod status_message;
mod story_carousel;
mod story_content;
mod story_list;
mod story_slide;
mod story_widget;

pub use status_message::StatusMessage;
pub use story_carousel::StoryCarousel;
pub use story_content::{StoryContent, StorySizer};
pub use story_list::StoryList;
pub use story_slide::StorySlide;
pub use story_widget::StoryWidget;
