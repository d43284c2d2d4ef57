//! A one-shot timer that is cancelled when dropped.

use std::time::Duration;

use gloo_timers::callback::Timeout;

use super::live_count::{Live, TIMERS};

/// Runs a callback once after a delay, unless dropped first. It counts as a
/// live timer (`debugCounts().timers`) while it is armed: until it has run,
/// or until it is dropped.
pub struct Timer {
    _timeout: Timeout,
}

impl Timer {
    /// Schedules `callback` after `delay`.
    pub fn once(delay: Duration, callback: impl FnOnce() + 'static) -> Timer {
        let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
        // The count goes with the callback: used up when it runs, dropped
        // with it when the timer is cancelled.
        let armed = Live::new(&TIMERS);
        Timer {
            _timeout: Timeout::new(millis, move || {
                drop(armed);
                callback();
            }),
        }
    }
}
