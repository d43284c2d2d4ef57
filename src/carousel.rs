//! The carousel's state: which story is shown and whether it rotates.
//!
//! This is plain data so the rules of the accessibility checklist
//! (docs/accessibility-checklist.md) live in one place and
//! are unit-tested natively; the component only forwards events here and
//! renders what it says.
//!
//! Rotation has two independent switches:
//! - *playing*: the visitor's (or the system's) choice. It turns off for
//!   good on the stop button, on keyboard focus inside the widget (T3), on
//!   any manual navigation (T4), and starts off under reduced motion (T5).
//!   Only the start button turns it back on.
//! - *hovered*: a mouse pointer over the widget pauses rotation while it
//!   stays there (T2), without changing *playing*.
//! - *unseen*: rotation also waits while the page is hidden or the widget
//!   is scrolled out of view (T6), without changing *playing*.
//!
//! On wide containers several stories may show side by side (`per_view`):
//! the carousel then moves a window of consecutive stories one story at a
//! time, from the first window to the last and back to the first.
//!
//! Every move of that window counts as a new *showing* ([`Carousel::showing`]):
//! the view draws each showing as new slides, so each move brings slides that fade
//! in without moving anything, while a refreshed feed (which keeps the
//! showing) keeps the slides of the stories that did not change.

/// Which story is shown, and whether the carousel rotates by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Carousel {
    len: usize,
    current: usize,
    playing: bool,
    hovered: bool,
    page_hidden: bool,
    off_screen: bool,
    per_view: usize,
    showing: u32,
}

impl Carousel {
    /// A carousel over `len` stories, showing the first. `playing` is whether
    /// rotation starts on (off under `prefers-reduced-motion`).
    pub fn new(len: usize, playing: bool) -> Self {
        Carousel {
            len,
            current: 0,
            playing,
            hovered: false,
            page_hidden: false,
            off_screen: false,
            per_view: 1,
            showing: 0,
        }
    }

    /// The index of the first shown story.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Counts the moves of the shown window by rotation, navigation or a
    /// change of width; a refresh ([`Carousel::replace_stories`]) keeps it.
    pub fn showing(&self) -> u32 {
        self.showing
    }

    /// The indices of the shown stories, consecutive.
    pub fn visible(&self) -> std::ops::Range<usize> {
        self.current..(self.current + self.per_view).min(self.len)
    }

    /// How many stories show at once.
    pub fn per_view(&self) -> usize {
        self.per_view
    }

    /// Shows `count` stories at once (at least one, at most all), keeping
    /// the first shown story where it can.
    pub fn set_per_view(&mut self, count: usize) {
        self.per_view = count.clamp(1, self.len.max(1));
        self.move_to(self.current.min(self.windows().saturating_sub(1)));
    }

    /// The feed brought other stories: `len` of them now, the first shown
    /// being `first` (the story that was shown, where it is now). Rotation
    /// state, hover and visibility stay; `fit` is how many stories the
    /// container has room for side by side.
    pub fn replace_stories(&mut self, len: usize, first: usize, fit: usize) {
        self.len = len;
        self.per_view = fit.clamp(1, len.max(1));
        self.current = first.min(self.windows().saturating_sub(1));
    }

    /// How many different windows of stories there are to show.
    fn windows(&self) -> usize {
        self.len.saturating_sub(self.per_view) + 1
    }

    /// The number of stories.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no stories.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether there is anything to rotate through (more stories than show
    /// at once). Without that, the widget shows no rotation or navigation
    /// controls.
    pub fn can_rotate(&self) -> bool {
        self.len > self.per_view
    }

    /// Whether rotation was switched off (by the visitor, or from the start
    /// under reduced motion), whether or not there is anything to rotate.
    pub fn is_stopped(&self) -> bool {
        !self.playing
    }

    /// Whether rotation is switched on (the stop button shows "Stop").
    pub fn is_playing(&self) -> bool {
        self.playing && self.can_rotate()
    }

    /// Whether the next automatic advance is due to be scheduled now.
    pub fn is_rotating(&self) -> bool {
        self.is_playing() && !self.hovered && !self.page_hidden && !self.off_screen
    }

    /// Whether a visitor can see the carousel: the page is shown and the
    /// widget is in the viewport (as far as the browser has told).
    pub fn is_seen(&self) -> bool {
        !self.page_hidden && !self.off_screen
    }

    /// The story after the shown ones, whose picture is worth fetching
    /// ahead: `None` when every story is shown.
    pub fn next_hidden(&self) -> Option<usize> {
        let next = self.visible().end % self.len.max(1);
        (self.can_rotate() && !self.visible().contains(&next)).then_some(next)
    }

    /// The visitor moves to the next story: rotation stops for good (T4).
    pub fn show_next(&mut self) {
        self.playing = false;
        self.step(1);
    }

    /// The visitor moves to the previous story: rotation stops for good (T4).
    pub fn show_previous(&mut self) {
        self.playing = false;
        self.step(self.windows().saturating_sub(1));
    }

    /// The timer moves to the next story; rotation goes on.
    pub fn advance(&mut self) {
        if self.is_rotating() {
            self.step(1);
        }
    }

    /// The rotation button was pressed.
    pub fn toggle_rotation(&mut self) {
        self.playing = !self.playing;
    }

    /// Rotation stops and stays stopped until the start button (T3).
    pub fn stop_rotation(&mut self) {
        self.playing = false;
    }

    /// A mouse pointer entered (`true`) or left (`false`) the widget (T2).
    pub fn set_hovered(&mut self, hovered: bool) {
        self.hovered = hovered;
    }

    /// The page was hidden (`true`) or shown again (T6).
    pub fn set_page_hidden(&mut self, hidden: bool) {
        self.page_hidden = hidden;
    }

    /// The widget left (`true`) or entered the viewport (T6).
    pub fn set_off_screen(&mut self, off_screen: bool) {
        self.off_screen = off_screen;
    }

    fn step(&mut self, by: usize) {
        if self.len > 0 {
            self.move_to((self.current + by) % self.windows());
        }
    }

    /// Shows the window starting at `first`, a new showing if it moved.
    fn move_to(&mut self, first: usize) {
        if first != self.current {
            self.current = first;
            self.showing = self.showing.wrapping_add(1);
        }
    }
}

/// How many stories fit side by side in a container `width_em` wide, at
/// most `most`: one below 40 em (phones, narrow columns), two below 64 em,
/// three from there.
pub fn slides_that_fit(width_em: f64, most: usize) -> usize {
    let fit = if width_em >= 64.0 {
        3
    } else if width_em >= 40.0 {
        2
    } else {
        1
    };
    fit.min(most).max(1)
}

#[cfg(test)]
mod tests {
    use super::{slides_that_fit, Carousel};

    #[test]
    fn the_next_hidden_story_follows_the_window_and_wraps() {
        let mut c = Carousel::new(4, true);
        assert_eq!(c.next_hidden(), Some(1));
        c.set_per_view(2);
        assert_eq!(c.next_hidden(), Some(2));
        c.show_next();
        c.show_next();
        assert_eq!(c.visible(), 2..4);
        assert_eq!(c.next_hidden(), Some(0));
        c.set_per_view(4);
        assert_eq!(c.next_hidden(), None);
        assert_eq!(Carousel::new(1, true).next_hidden(), None);
        assert_eq!(Carousel::new(0, true).next_hidden(), None);
    }

    #[test]
    fn new_stories_keep_the_shown_one_and_the_rotation_state() {
        let mut c = Carousel::new(3, true);
        c.show_next();
        c.replace_stories(5, 3, 1);
        assert_eq!((c.current(), c.len(), c.is_stopped()), (3, 5, true));
        // Fewer stories: the window stays within them.
        c.replace_stories(2, 3, 1);
        assert_eq!(c.visible(), 1..2);
        // More room than stories, then more stories: the room is used again.
        c.replace_stories(2, 0, 3);
        assert_eq!(c.per_view(), 2);
        c.replace_stories(6, 0, 3);
        assert_eq!((c.per_view(), c.visible()), (3, 0..3));
    }

    #[test]
    fn every_move_is_a_new_showing_but_a_refresh_is_not() {
        let mut c = Carousel::new(4, true);
        assert_eq!(c.showing(), 0);
        c.advance();
        c.show_previous();
        assert_eq!((c.current(), c.showing()), (0, 2));
        c.replace_stories(6, 3, 1);
        assert_eq!((c.current(), c.showing()), (3, 2), "a refresh keeps the showing");
        c.set_per_view(3);
        assert_eq!((c.current(), c.showing()), (3, 2), "wider, and the window stays");
        c.set_per_view(1);
        c.show_next();
        assert_eq!((c.current(), c.showing()), (4, 3));
        let mut single = Carousel::new(1, true);
        single.show_next();
        assert_eq!(single.showing(), 0, "nothing to move to");
    }

    #[test]
    fn it_is_seen_unless_the_page_is_hidden_or_it_is_off_screen() {
        let mut c = Carousel::new(3, true);
        assert!(c.is_seen());
        c.set_off_screen(true);
        assert!(!c.is_seen());
        c.set_off_screen(false);
        c.set_page_hidden(true);
        assert!(!c.is_seen());
    }

    #[test]
    fn wider_containers_fit_more_stories_up_to_the_most_asked_for() {
        assert_eq!(slides_that_fit(20.0, 3), 1);
        assert_eq!(slides_that_fit(45.0, 3), 2);
        assert_eq!(slides_that_fit(80.0, 3), 3);
        assert_eq!(slides_that_fit(80.0, 2), 2);
        assert_eq!(slides_that_fit(80.0, 1), 1);
        assert_eq!(slides_that_fit(80.0, 0), 1);
    }

    #[test]
    fn automatic_advance_wraps_around() {
        let mut c = Carousel::new(3, true);
        let seen: Vec<_> = (0..4)
            .map(|_| {
                c.advance();
                c.current()
            })
            .collect();
        assert_eq!(seen, [1, 2, 0, 1]);
        assert!(c.is_playing());
    }

    #[test]
    fn manual_navigation_wraps_and_stops_rotation_for_good() {
        let mut c = Carousel::new(3, true);
        c.show_previous();
        assert_eq!(c.current(), 2);
        assert!(!c.is_playing());
        c.advance();
        assert_eq!(c.current(), 2, "a stopped carousel ignores the timer");
        c.show_next();
        assert_eq!(c.current(), 0);
        assert!(!c.is_playing());
    }

    #[test]
    fn hover_pauses_without_stopping() {
        let mut c = Carousel::new(3, true);
        c.set_hovered(true);
        assert!(c.is_playing() && !c.is_rotating());
        c.advance();
        assert_eq!(c.current(), 0);
        c.set_hovered(false);
        assert!(c.is_rotating());
    }

    #[test]
    fn leaving_does_not_resume_what_something_else_stopped() {
        let mut c = Carousel::new(3, true);
        c.set_hovered(true);
        c.stop_rotation(); // keyboard focus arrived while hovered
        c.set_hovered(false);
        assert!(!c.is_rotating());
    }

    #[test]
    fn only_the_button_restarts_rotation() {
        let mut c = Carousel::new(3, false);
        assert!(!c.is_rotating(), "reduced motion starts stopped");
        c.toggle_rotation();
        assert!(c.is_rotating());
        c.toggle_rotation();
        assert!(!c.is_rotating());
    }

    #[test]
    fn a_hidden_page_or_an_unseen_widget_waits_and_then_goes_on() {
        let mut c = Carousel::new(3, true);
        c.set_page_hidden(true);
        assert!(!c.is_rotating());
        c.advance();
        assert_eq!(c.current(), 0);
        c.set_page_hidden(false);
        c.set_off_screen(true);
        assert!(!c.is_rotating());
        c.set_off_screen(false);
        assert!(c.is_rotating() && c.is_playing());
    }

    #[test]
    fn several_per_view_move_a_window_one_story_at_a_time() {
        let mut c = Carousel::new(5, true);
        c.set_per_view(3);
        assert_eq!(c.visible(), 0..3);
        let starts: Vec<_> = (0..4)
            .map(|_| {
                c.advance();
                c.current()
            })
            .collect();
        assert_eq!(starts, [1, 2, 0, 1]);
        c.show_previous();
        assert_eq!(c.visible(), 0..3);
        c.show_previous();
        assert_eq!(c.visible(), 2..5);
    }

    #[test]
    fn narrowing_keeps_the_first_story_and_widening_keeps_the_window_inside() {
        let mut c = Carousel::new(5, true);
        c.show_previous(); // the last story
        assert_eq!(c.visible(), 4..5);
        c.set_per_view(3);
        assert_eq!(c.visible(), 2..5);
        c.set_per_view(1);
        assert_eq!(c.visible(), 2..3);
    }

    #[test]
    fn as_many_per_view_as_stories_has_nothing_to_rotate() {
        let mut c = Carousel::new(3, true);
        c.set_per_view(3);
        assert!(!c.can_rotate() && !c.is_rotating());
        c.set_per_view(10);
        assert_eq!((c.per_view(), c.visible()), (3, 0..3));
    }

    #[test]
    fn one_story_or_none_never_rotates() {
        for len in [0, 1] {
            let mut c = Carousel::new(len, true);
            assert!(!c.can_rotate() && !c.is_playing() && !c.is_rotating());
            c.advance();
            c.show_next();
            c.show_previous();
            assert_eq!(c.current(), 0);
        }
    }
}
