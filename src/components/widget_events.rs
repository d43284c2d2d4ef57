use leptos::prelude::*;
use story_feed::{Story, View};

use crate::analytics::{StoriesShown, WidgetEvent};
use crate::browser::events::fire;
use crate::browser::hosts::WidgetId;

/// What the components need to fire their widget's analytics events (see
/// [`crate::analytics`]); [`super::StoryWidget`] provides it as context.
#[derive(Clone, Copy, Debug)]
pub struct WidgetEvents {
    widget: WidgetId,
    /// The embed's view, for the events that name it.
    pub view: View,
    shown: StoredValue<StoriesShown>,
}

impl WidgetEvents {
    /// The events of widget `widget`, showing `view`.
    pub fn new(widget: WidgetId, view: View) -> WidgetEvents {
        WidgetEvents { widget, view, shown: StoredValue::new(StoriesShown::default()) }
    }

    /// The events of the widget a component belongs to.
    pub fn of_widget() -> Option<WidgetEvents> {
        use_context()
    }

    /// Fires `event` on the widget's element.
    pub fn fire(&self, event: WidgetEvent<'_>) {
        fire(self.widget, event);
    }

    /// `story`, at `position` of `total`, has been seen long enough: fires
    /// `saman-stories-show` the first time only.
    pub fn shown(&self, story: &Story, position: usize, total: usize) {
        if self.shown.try_update_value(|shown| shown.first_time(story)) == Some(true) {
            self.fire(WidgetEvent::Show { story, position, total, view: self.view });
        }
    }
}
