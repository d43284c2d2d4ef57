//! The widget's Leptos components, from the outside in:
//! [`StoryWidget`] loads the feed and picks a state; [`StoryCarousel`] shows
//! the stories one at a time; [`StorySlide`] is one story.

mod icons;
mod status_message;
mod story_carousel;
mod story_slide;
mod story_widget;

pub use status_message::StatusMessage;
pub use story_carousel::StoryCarousel;
pub use story_slide::StorySlide;
pub use story_widget::StoryWidget;
