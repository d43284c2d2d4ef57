//! Loading a feed until it arrives, and again every so often when asked:
//! transient failures are retried with [`Backoff`], permanent ones are
//! reported once (and tried again only at the next refresh). Dropping the
//! loader aborts the request in flight and cancels the next attempt.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use super::feed_request::{FeedRequest, Prefetched};
use super::timer::Timer;
use crate::backoff::Backoff;
use crate::load_error::LoadError;

/// What the loader tells its owner after each attempt: the body or the
/// error, and when it will try again (`None`: it will not).
pub type OnAttempt = dyn Fn(Result<String, LoadError>, Option<Duration>);

/// A feed being loaded, with retries and optional refreshes.
pub struct FeedLoader {
    _state: Rc<RefCell<LoaderState>>,
}

struct LoaderState {
    request: Option<FeedRequest>,
    next: Option<Timer>,
    backoff: Backoff,
    refresh: Option<Duration>,
}

impl FeedLoader {
    /// Starts loading `url` (taking over the loader's `prefetched` request
    /// when there is one), and loads it again every `refresh` after it
    /// arrived; `on_attempt` hears about every attempt.
    pub fn start(
        url: String,
        refresh: Option<Duration>,
        prefetched: Option<Prefetched>,
        on_attempt: impl Fn(Result<String, LoadError>, Option<Duration>) + 'static,
    ) -> FeedLoader {
        let state = Rc::new(RefCell::new(LoaderState {
            request: None,
            next: None,
            backoff: Backoff::default(),
            refresh,
        }));
        attempt(&state, url, false, prefetched, Rc::new(on_attempt));
        FeedLoader { _state: state }
    }
}

/// One request; `revalidate` for every request after the first, so a
/// refresh or retry asks the server instead of the browser's cache.
fn attempt(
    state: &Rc<RefCell<LoaderState>>,
    url: String,
    revalidate: bool,
    prefetched: Option<Prefetched>,
    on_attempt: Rc<OnAttempt>,
) {
    let weak: Weak<RefCell<LoaderState>> = Rc::downgrade(state);
    let request = FeedRequest::start(url.clone(), revalidate, prefetched, move |result| {
        // The loader was dropped: its widget is gone.
        let Some(state) = weak.upgrade() else { return };
        let again_in = {
            let mut state = state.borrow_mut();
            match &result {
                Err(error) if error.is_transient() => Some(state.backoff.next_delay()),
                _ => {
                    state.backoff.reset();
                    state.refresh
                }
            }
        };
        on_attempt(result, again_in);
        let next = again_in.map(|delay| {
            let weak = Rc::downgrade(&state);
            Timer::once(delay, move || {
                if let Some(state) = weak.upgrade() {
                    attempt(&state, url, true, None, on_attempt);
                }
            })
        });
        state.borrow_mut().next = next;
    });
    state.borrow_mut().request = Some(request);
}
