//! A one-shot timer that is cancelled when dropped.

use std::time::Duration;

use gloo_timers::callback::Timeout;

use super::live_count::{Live, TIMERS};

/// Runs a callback once after a delay, unless dropped first.
pub struct Timer {
    _timeout: Timeout,
    _live: Live,
}

impl Timer {
    /// Schedules `callback` after `delay`.
    pub fn once(delay: Duration, callback: impl FnOnce() + 'static) -> Timer {
        let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
        Timer { _timeout: Timeout::new(millis, callback), _live: Live::new(&TIMERS) }
    }
}
