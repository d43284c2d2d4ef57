//! The stories a carousel shows together with the state of its rotation.
//!
//! They change together, in one step, so a view never sees new stories with
//! an old position or the other way round. Each story carries a *revision*:
//! a number that a story on screen keeps across a refreshed feed for as
//! long as it is unchanged, even if the refresh moved it, and that is new
//! for everything else. The slides on screen are named by the carousel's
//! showing and their stories' revisions ([`SlideKey`]), so:
//! - every move of the window is a new set of slides, whose rotation timer
//!   starts again and which the view draws as new nodes that fade in (M1);
//! - a refresh that only moved the story on screen changes nothing about
//!   its slide (the same node, the rotation's schedule kept), while a story
//!   that changed on screen counts as a new slide.

use std::sync::Arc;

use story_feed::Story;

use crate::carousel::Carousel;

/// What identifies a slide in the DOM: see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SlideKey {
    /// The carousel's showing when the slide appeared.
    pub showing: u32,
    /// The revision of the slide's story.
    pub revision: u32,
}

/// A carousel's stories and rotation state.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownStories {
    /// Which stories are shown and whether they rotate.
    pub carousel: Carousel,
    stories: Arc<[Story]>,
    /// The revision of each story, in the same order.
    revisions: Arc<[u32]>,
    /// The last revision handed out.
    next_revision: u32,
    /// How many stories the container has room for side by side.
    fit: usize,
}

impl ShownStories {
    /// Shows `stories`, starting with the first; `playing` is whether
    /// rotation starts on.
    pub fn new(stories: Arc<[Story]>, playing: bool) -> ShownStories {
        let count = u32::try_from(stories.len()).unwrap_or(u32::MAX);
        ShownStories {
            carousel: Carousel::new(stories.len(), playing),
            revisions: (0..count).collect(),
            next_revision: count.saturating_sub(1),
            stories,
            fit: 1,
        }
    }

    /// All the stories, in feed order.
    pub fn stories(&self) -> &Arc<[Story]> {
        &self.stories
    }

    /// The slides on screen, in order.
    pub fn slides(&self) -> Vec<SlideKey> {
        let showing = self.carousel.showing();
        self.carousel.visible().map(|index| SlideKey { showing, revision: self.revisions[index] }).collect()
    }

    /// Where the story of a slide is now, from 0; `None` once it is gone.
    pub fn index_of(&self, key: SlideKey) -> Option<usize> {
        self.revisions.iter().position(|&revision| revision == key.revision)
    }

    /// The container has room for `fit` stories side by side.
    pub fn set_fit(&mut self, fit: usize) {
        self.fit = fit;
        self.carousel.set_per_view(fit);
    }

    /// The address of the picture worth fetching ahead: the one of the story
    /// after the shown ones.
    pub fn next_picture(&self) -> Option<&str> {
        let next = self.carousel.next_hidden()?;
        self.stories[next].image.as_ref().map(|image| image.src.as_str())
    }

    /// Shows `stories` from now on, in place: the story that was first on
    /// screen stays first (wherever it moved in the feed; if it is gone, the
    /// window stays about where it was), the unchanged stories on screen keep
    /// their revision, and rotation, hover and visibility stay as they were.
    pub fn replace_stories(&mut self, stories: Arc<[Story]>) {
        // Only the slides on screen have DOM to keep, so only their stories
        // are looked for in the new list (a few linear scans, no hashing);
        // every other story gets a new revision.
        let on_screen: Vec<(&Story, u32)> =
            self.carousel.visible().map(|index| (&self.stories[index], self.revisions[index])).collect();
        let position_of = |id: &str| stories.iter().position(|story| story.id == id);
        let mut revisions: Vec<u32> = Vec::with_capacity(stories.len());
        for _ in 0..stories.len() {
            self.next_revision = self.next_revision.wrapping_add(1);
            revisions.push(self.next_revision);
        }
        for &(before, revision) in &on_screen {
            if let Some(index) = position_of(&before.id).filter(|&index| stories[index] == *before) {
                revisions[index] = revision;
            }
        }
        let first = on_screen
            .first()
            .and_then(|(story, _)| position_of(&story.id))
            .unwrap_or(self.carousel.current());
        self.carousel.replace_stories(stories.len(), first, self.fit);
        self.revisions = revisions.into();
        self.stories = stories;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_feed::Feed;

    /// Stories with these ids and titles, in this order.
    fn stories(items: &[(&str, &str)]) -> Arc<[Story]> {
        let items: Vec<String> = items
            .iter()
            .map(|(id, title)| {
                format!(r#"{{"id": "{id}", "title": "{title}", "image": "https://k.example/{id}.png"}}"#)
            })
            .collect();
        let json = format!(r#"{{"items": [{}]}}"#, items.join(","));
        Feed::parse(&json, "https://k.example/feed.json").unwrap().stories.into()
    }

    #[test]
    fn each_move_brings_new_slides() {
        let mut shown = ShownStories::new(stories(&[("a", "A"), ("b", "B"), ("c", "C")]), true);
        let first = shown.slides();
        shown.carousel.advance();
        shown.carousel.show_previous();
        assert_eq!(shown.carousel.current(), 0);
        assert_ne!(shown.slides(), first, "the same story, shown anew");
        assert_eq!(shown.slides()[0].revision, first[0].revision);
    }

    #[test]
    fn a_refresh_keeps_unchanged_stories_and_the_one_on_screen() {
        let mut shown = ShownStories::new(stories(&[("a", "A"), ("b", "B"), ("c", "C")]), true);
        shown.carousel.advance();
        let on_screen = shown.slides();
        shown.replace_stories(stories(&[("new", "New"), ("a", "A"), ("b", "B"), ("c", "C changed")]));
        assert_eq!(shown.slides(), on_screen, "story b moved one place on, and kept its slide");
        assert_eq!(shown.carousel.current(), 2);
        assert_eq!(shown.index_of(on_screen[0]), Some(2));
        assert!(shown.carousel.is_playing(), "rotation goes on");
        shown.carousel.advance();
        let changed = shown.slides()[0];
        assert_eq!(shown.stories()[shown.index_of(changed).unwrap()].title, "C changed");
        assert!(changed.revision > 3, "a changed story has a new revision");
    }

    #[test]
    fn when_the_shown_story_is_gone_the_window_stays_about_where_it_was() {
        let mut shown = ShownStories::new(stories(&[("a", "A"), ("b", "B"), ("c", "C")]), false);
        shown.carousel.show_next();
        shown.carousel.show_next();
        shown.replace_stories(stories(&[("a", "A"), ("b", "B")]));
        assert_eq!(shown.carousel.visible(), 1..2);
        assert_eq!(shown.index_of(SlideKey { showing: 0, revision: 2 }), None);
    }

    #[test]
    fn several_side_by_side_and_the_picture_after_them() {
        let mut shown = ShownStories::new(stories(&[("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]), true);
        shown.set_fit(3);
        assert_eq!(shown.slides().len(), 3);
        assert_eq!(shown.next_picture(), Some("https://k.example/d.png"));
        shown.replace_stories(stories(&[("a", "A"), ("b", "B")]));
        assert_eq!(shown.carousel.per_view(), 2, "room for three, two stories");
        assert_eq!(shown.next_picture(), None);
        shown.replace_stories(stories(&[("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]));
        assert_eq!(shown.carousel.per_view(), 3, "the room is used again");
    }
}
