//! The widget's Leptos components, from the outside in: [`StoryWidget`]
//! loads the feed and picks a state; [`StoryCarousel`] shows the stories one
//! at a time (or a few side by side), [`StoryList`] all at once; a
//! [`StorySlide`] and each list item show a story with [`StoryContent`];
//! [`StatusMessage`] stands in while loading, when empty and on errors.
//!
//! State lives in plain, natively tested types
//! ([`crate::carousel::Carousel`], [`crate::shown_stories::ShownStories`])
//! held in signals; the views read them through memos, so each part of the
//! DOM changes only when what it shows changes. Every string from a feed
//! reaches the DOM as text or an attribute value, never as HTML.

mod icons;
mod status_message;
mod story_carousel;
mod story_content;
mod story_list;
mod story_slide;
mod story_widget;
mod widget_events;

pub use status_message::StatusMessage;
pub use story_carousel::StoryCarousel;
pub use story_content::{StoryContent, StorySizer, StoryStyle};
pub use story_list::StoryList;
pub use story_slide::StorySlide;
pub use story_widget::StoryWidget;
pub use widget_events::WidgetEvents;
