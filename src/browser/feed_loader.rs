//! Loading a feed until it arrives: transient failures are retried with
//! [`Backoff`], permanent ones are reported once. Dropping the loader aborts
//! the request in flight and cancels the next retry.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use super::feed_request::FeedRequest;
use super::timer::Timer;
use crate::backoff::Backoff;
use crate::load_error::LoadError;

/// What the loader tells its owner after each attempt: the body or the
/// error, and when it will try again (`None`: it will not).
pub type OnAttempt = dyn Fn(Result<String, LoadError>, Option<Duration>);

/// A feed being loaded, with retries.
pub struct FeedLoader {
    _state: Rc<RefCell<LoaderState>>,
}

struct LoaderState {
    request: Option<FeedRequest>,
    retry: Option<Timer>,
    backoff: Backoff,
}

impl FeedLoader {
    /// Starts loading `url`; `on_attempt` hears about every attempt.
    pub fn start(
        url: String,
        on_attempt: impl Fn(Result<String, LoadError>, Option<Duration>) + 'static,
    ) -> FeedLoader {
        let state =
            Rc::new(RefCell::new(LoaderState { request: None, retry: None, backoff: Backoff::default() }));
        attempt(&state, url, Rc::new(on_attempt));
        FeedLoader { _state: state }
    }
}

fn attempt(state: &Rc<RefCell<LoaderState>>, url: String, on_attempt: Rc<OnAttempt>) {
    let weak: Weak<RefCell<LoaderState>> = Rc::downgrade(state);
    let request = FeedRequest::start(url.clone(), move |result| {
        // The loader was dropped: its widget is gone.
        let Some(state) = weak.upgrade() else { return };
        let retry_in = match &result {
            Ok(_) => {
                state.borrow_mut().backoff.reset();
                None
            }
            Err(error) if error.is_transient() => Some(state.borrow_mut().backoff.next_delay()),
            Err(_) => None,
        };
        on_attempt(result, retry_in);
        let retry = retry_in.map(|delay| {
            let weak = Rc::downgrade(&state);
            Timer::once(delay, move || {
                if let Some(state) = weak.upgrade() {
                    attempt(&state, url, on_attempt);
                }
            })
        });
        state.borrow_mut().retry = retry;
    });
    state.borrow_mut().request = Some(request);
}
