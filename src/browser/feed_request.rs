//! Fetching a feed with gloo-net: bounded in time, and cancelled when its
//! widget goes away.
//!
//! The first request of a widget is usually already under way: the loader
//! starts it as soon as the element is on the page ([`Prefetched`]), so the
//! feed, the glue and the wasm download at the same time.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{AbortController, AbortSignal, RequestCache, RequestInit};

use super::live_count::{Live, REQUESTS};
use crate::load_error::{time_left, LoadError};

/// A feed request the loader started for a widget before its code arrived:
/// `{ url, response: Promise<Response>, controller: AbortController,
/// started: performance.now() when it was sent }`.
pub struct Prefetched {
    url: String,
    response: js_sys::Promise,
    controller: AbortController,
    /// `performance.now()` when the loader sent it.
    started: Option<f64>,
}

impl Prefetched {
    /// Reads the loader's object; `None` if there is none or it is not one.
    pub fn from_js(value: &JsValue) -> Option<Prefetched> {
        let field = |name: &str| js_sys::Reflect::get(value, &name.into()).ok();
        Some(Prefetched {
            url: field("url")?.as_string()?,
            response: field("response")?.dyn_into().ok()?,
            controller: field("controller")?.dyn_into().ok()?,
            started: field("started").and_then(|started| started.as_f64()),
        })
    }
}

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
    /// the browser's cache. A `prefetched` request for the same URL is
    /// taken over instead of asking again.
    pub fn start(
        url: String,
        revalidate: bool,
        prefetched: Option<Prefetched>,
        on_done: impl FnOnce(Result<String, LoadError>) + 'static,
    ) -> FeedRequest {
        // A head start for another URL (the page's base changed meanwhile)
        // is of no use: stop it rather than download the feed twice.
        let prefetched = prefetched.and_then(|p| {
            if p.url == url {
                Some(p)
            } else {
                p.controller.abort();
                None
            }
        });
        let controller = match &prefetched {
            Some(p) => Some(p.controller.clone()),
            None => AbortController::new().ok(),
        };
        // The time limit counts from when the request was sent, also when
        // the loader sent it before the widget's code had arrived.
        let now = web_sys::window().and_then(|w| w.performance()).map(|p| p.now());
        let waited = prefetched.as_ref().and_then(|p| Some(now? - p.started?)).unwrap_or(0.0);
        let signal = controller.as_ref().map(AbortController::signal);
        let timed_out = Rc::new(Cell::new(false));
        let timeout = {
            let controller = controller.clone();
            let timed_out = Rc::clone(&timed_out);
            Timeout::new(time_left(waited).as_millis() as u32, move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            })
        };
        let response = prefetched.map(|p| p.response);
        spawn_local(async move {
            let result = fetch_text(&url, revalidate, response, signal.as_ref()).await;
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

async fn fetch_text(
    url: &str,
    revalidate: bool,
    prefetched: Option<js_sys::Promise>,
    signal: Option<&AbortSignal>,
) -> Result<String, LoadError> {
    let response: Response = match prefetched {
        Some(promise) => {
            let raw = JsFuture::from(promise).await.map_err(|_| LoadError::Network)?;
            raw.dyn_into::<web_sys::Response>().map_err(|_| LoadError::Network)?.into()
        }
        None => {
            // The request is made here and sent by gloo-net: gloo-net's own
            // builder appends `&` to a URL that has a query, which changes
            // the URL and with it the browser's cache entry, so a refresh
            // could never be a conditional request.
            let init = RequestInit::new();
            init.set_cache(if revalidate { RequestCache::NoCache } else { RequestCache::Default });
            init.set_signal(signal);
            let request =
                web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| LoadError::Network)?;
            Request::from(request).send().await.map_err(|_| LoadError::Network)?
        }
    };
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    // A body cut off mid-way fails here as a network error.
    response.text().await.map_err(|_| LoadError::Network)
}
