//! Telling a horizontal swipe from a scroll or a tap.

/// The shortest horizontal movement, in CSS pixels, that counts as a swipe.
pub const MIN_SWIPE_PX: f64 = 40.0;

/// Which way a finger moved the slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swipe {
    /// Finger moved left: show the next story.
    ToNext,
    /// Finger moved right: show the previous story.
    ToPrevious,
}

impl Swipe {
    /// Classifies a pointer's movement from press to release. Mostly-vertical
    /// movements are scrolls and short ones are taps: both give `None`.
    pub fn from_movement(dx: f64, dy: f64) -> Option<Swipe> {
        if dx.abs() < MIN_SWIPE_PX || dx.abs() < dy.abs() * 1.5 {
            return None;
        }
        Some(if dx < 0.0 { Swipe::ToNext } else { Swipe::ToPrevious })
    }
}

#[cfg(test)]
mod tests {
    use super::Swipe;

    #[test]
    fn horizontal_movements_swipe() {
        assert_eq!(Swipe::from_movement(-80.0, 10.0), Some(Swipe::ToNext));
        assert_eq!(Swipe::from_movement(60.0, -20.0), Some(Swipe::ToPrevious));
    }

    #[test]
    fn taps_and_scrolls_do_not() {
        assert_eq!(Swipe::from_movement(10.0, 0.0), None);
        assert_eq!(Swipe::from_movement(-50.0, 45.0), None);
        assert_eq!(Swipe::from_movement(0.0, 300.0), None);
    }
}
