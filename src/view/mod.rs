//! The widget's DOM, from the outside in: [`StoryWidget`] loads the feed and
//! picks a state; [`StoryCarousel`] shows the stories one at a time,
//! [`story_list`] all at once; both show a story with [`story_content`].
//!
//! There is no framework here: a framework's runtime alone would take most
//! of the widget's 60 KB byte budget (DEVELOPERS.md, "Why no framework").
//! Instead, state lives in plain types ([`crate::carousel::Carousel`],
//! `LoadState`) and each view keeps its DOM in step with them, touching only
//! what changed. Elements are built with [`dom`], which can set text and
//! attributes but never HTML.

use std::cell::RefCell;
use std::rc::Weak;

pub mod dom;
mod icons;
mod status_message;
mod story_carousel;
mod story_content;
mod story_list;
mod story_widget;

pub use status_message::status_message;
pub use story_carousel::{CarouselSettings, StoryCarousel};
pub use story_content::{story_content, story_sizer, StoryStyle};
pub use story_list::story_list;
pub use story_widget::StoryWidget;

/// Runs `f` on a view's state from one of its callbacks, unless the view is
/// gone (its widget was removed) or busy: a DOM change of its own can set
/// off an event synchronously, and then the outer call is the one that
/// renders.
fn with_state<S>(state: &Weak<RefCell<S>>, f: impl FnOnce(&mut S)) {
    let Some(state) = state.upgrade() else { return };
    let Ok(mut state) = state.try_borrow_mut() else { return };
    f(&mut state);
}
