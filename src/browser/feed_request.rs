//! Fetching a feed: bounded in time, and cancelled when its widget goes away.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use web_sys::{AbortController, AbortSignal, RequestCache};

use super::live_count::{Live, REQUESTS};
use crate::load_error::{LoadError, FEED_TIMEOUT};

/// A feed request in flight. Dropping it aborts the request, so a removed
/// widget leaves no network activity behind, and its callback never runs.
pub struct FeedRequest {
    controller: Option<AbortController>,
    _timeout: Timeout,
    _live: Live,
}

impl FeedRequest {
    /// Starts fetching `url` and calls `on_done` with the body text or the
    /// reason it could not be had — unless the request is dropped first.
    /// `revalidate` asks the server whether the feed changed (a conditional
    /// request when it sent an ETag or Last-Modified) instead of trusting
    /// the browser's cache.
    pub fn start(
        url: String,
        revalidate: bool,
        on_done: impl FnOnce(Result<String, LoadError>) + 'static,
    ) -> FeedRequest {
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        let timed_out = Rc::new(Cell::new(false));
        let timeout = {
            let controller = controller.clone();
            let timed_out = Rc::clone(&timed_out);
            Timeout::new(FEED_TIMEOUT.as_millis() as u32, move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            })
        };
        spawn_local(async move {
            let result = fetch_text(&url, revalidate, signal.as_ref()).await;
            if timed_out.get() {
                on_done(Err(LoadError::Timeout));
            } else if !signal.as_ref().is_some_and(AbortSignal::aborted) {
                on_done(result);
            }
        });
        FeedRequest { controller, _timeout: timeout, _live: Live::new(&REQUESTS) }
    }
}

impl Drop for FeedRequest {
    fn drop(&mut self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

async fn fetch_text(url: &str, revalidate: bool, signal: Option<&AbortSignal>) -> Result<String, LoadError> {
    let cache = if revalidate { RequestCache::NoCache } else { RequestCache::Default };
    let response =
        Request::get(url).cache(cache).abort_signal(signal).send().await.map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    // A body cut off mid-way fails here as a network error.
    response.text().await.map_err(|_| LoadError::Network)
}
