//! Fetching a feed from the page, and telling why it failed.
//!
//! The request is the one a visitor's browser makes for the widget: a
//! cross-origin GET without cookies. When it fails without an answer, the
//! browser does not say whether the server was unreachable or refused to
//! share (CORS); a second request in `no-cors` mode tells them apart, since
//! it succeeds (with an answer the page may not read) whenever the server
//! answers at all. Both go only to the address the webmaster typed.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use story_feed::resolve_http_url;
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestInit, RequestMode};

use crate::load_failure::{not_json, LoadFailure};

/// How long the page waits for a feed.
const TIMEOUT_MS: u32 = 20_000;

/// A feed's text and the address it came from (after redirects).
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The body.
    pub text: String,
    /// The final address.
    pub url: String,
}

/// Fetches the feed at `address` (an absolute `http(s)` URL).
pub async fn fetch_feed(address: &str) -> Result<Fetched, LoadFailure> {
    let url = resolve_http_url("", address.trim()).ok_or(LoadFailure::NotAUrl)?;
    let origin = embed_snippet::origin(&url);
    let page_is_https = web_sys::window()
        .and_then(|window| window.location().protocol().ok())
        .is_some_and(|protocol| protocol == "https:");
    if page_is_https && url.starts_with("http://") {
        return Err(LoadFailure::MixedContent);
    }
    let controller = AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    // Dropped (and so cancelled) when this function returns.
    let _timeout = {
        let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            if let Some(controller) = controller {
                controller.abort();
            }
        })
    };
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    // Always ask the server: the webmaster wants the feed as it is now.
    init.set_cache(RequestCache::NoCache);
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
    }
    let no_answer = |timed_out: bool| {
        if timed_out {
            LoadFailure::Timeout { origin: origin.clone() }
        } else {
            LoadFailure::Unreachable { origin: origin.clone() }
        }
    };
    // Built with web-sys: gloo-net's own builder adds `&` to a URL with a query.
    let request = web_sys::Request::new_with_str_and_init(&url, &init).map_err(|_| LoadFailure::NotAUrl)?;
    let response = match Request::from(request).send().await {
        Ok(response) => response,
        Err(_) if timed_out.get() => return Err(no_answer(true)),
        Err(_) => {
            return Err(if answers_without_cors(&url).await {
                LoadFailure::CorsBlocked
            } else {
                no_answer(false)
            })
        }
    };
    if !response.ok() {
        return Err(LoadFailure::Status { status: response.status(), text: response.status_text() });
    }
    let final_url = response.url();
    let text = response.text().await.map_err(|_| no_answer(timed_out.get()))?;
    if let Some(failure) = not_json(&text) {
        return Err(failure);
    }
    Ok(Fetched { text, url: if final_url.is_empty() { url } else { final_url } })
}

/// Whether the server at `url` answers a request that does not ask to
/// read the answer.
async fn answers_without_cors(url: &str) -> bool {
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    init.set_credentials(RequestCredentials::Omit);
    let Ok(request) = web_sys::Request::new_with_str_and_init(url, &init) else { return false };
    Request::from(request).send().await.is_ok()
}
