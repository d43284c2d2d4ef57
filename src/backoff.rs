//! How long to wait before asking for a feed again after a transient failure.
//!
//! 2 s, 4 s, 8 s, … doubling up to a minute, then every minute for as long as
//! the widget is on the page: a feed that comes back is shown within a
//! minute, and a server that is down is not hammered by every open page.

use std::time::Duration;

/// The first wait.
pub const FIRST_RETRY: Duration = Duration::from_secs(2);
/// The longest wait.
pub const MAX_RETRY: Duration = Duration::from_secs(60);

/// Exponential backoff between feed requests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backoff {
    failures: u32,
}

impl Backoff {
    /// The wait before the next attempt, counting one more failure.
    pub fn next_delay(&mut self) -> Duration {
        let factor = 1u32 << self.failures.min(16);
        self.failures = self.failures.saturating_add(1);
        FIRST_RETRY.saturating_mul(factor).min(MAX_RETRY)
    }

    /// A request succeeded: the next failure starts over at [`FIRST_RETRY`].
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_two_seconds_up_to_a_minute() {
        let mut backoff = Backoff::default();
        let delays: Vec<u64> = (0..8).map(|_| backoff.next_delay().as_secs()).collect();
        assert_eq!(delays, [2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn never_overflows() {
        let mut backoff = Backoff::default();
        for _ in 0..1000 {
            assert!(backoff.next_delay() <= MAX_RETRY);
        }
    }

    #[test]
    fn success_starts_over() {
        let mut backoff = Backoff::default();
        backoff.next_delay();
        backoff.next_delay();
        backoff.reset();
        assert_eq!(backoff.next_delay(), FIRST_RETRY);
    }
}
