//! The entry point the loader calls: one `mount` per `<saman-stories>`
//! element, one [`MountedWidget`] to free when the element leaves the page.

use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::browser::console;
use crate::browser::crash::{in_widget, install_panic_hook};
use crate::browser::feed_request::Prefetched;
use crate::browser::hosts::{forget_host, register_host, WidgetId};
use crate::browser::live_count::{Live, WIDGETS};
use crate::components::StoryWidget;
use crate::config::WidgetConfig;
use crate::load_error::LoadError;

/// A widget on the page: its own Leptos mount, with its own reactive owner.
/// Freeing it (`free()` from JavaScript) unmounts its DOM and disposes the
/// owner, which stops its timers, removes its listeners and observers and
/// aborts its feed request.
#[wasm_bindgen]
pub struct MountedWidget {
    /// The `UnmountHandle` of the mount, whatever its view type.
    mount: Option<Box<dyn Any>>,
    owner: Owner,
    id: WidgetId,
    _live: Live,
}

impl Drop for MountedWidget {
    fn drop(&mut self) {
        // Unmount the DOM first, then run every cleanup of the owner tree.
        self.mount = None;
        self.owner.cleanup();
        forget_host(self.id);
    }
}

/// Numbers the widgets of the page.
static NEXT_WIDGET: AtomicUsize = AtomicUsize::new(1);

/// Mounts a widget configured by `host`'s attributes into `root`, an element
/// inside `host`'s shadow root. `prefetched` is the loader's feed request,
/// already under way (`{ url, response, controller }`), or `undefined`.
#[wasm_bindgen]
pub fn mount(host: &HtmlElement, root: HtmlElement, prefetched: JsValue) -> MountedWidget {
    install_panic_hook();
    let id = WidgetId(NEXT_WIDGET.fetch_add(1, Ordering::Relaxed));
    register_host(id, host.clone());
    let document = host.owner_document();
    let page_lang =
        document.as_ref().and_then(|d| d.document_element()).and_then(|html| html.get_attribute("lang"));
    let config = WidgetConfig::from_attributes(|name| host.get_attribute(name), page_lang.as_deref());
    for warning in &config.warnings {
        console::warn(warning);
    }
    let feed_url = match &config.feed {
        None => Err(LoadError::NoFeed),
        Some(feed) => resolve_against_page(feed, document.as_ref()),
    };
    let prefetched = Prefetched::from_js(&prefetched);
    let owner = Owner::new();
    let mount = in_widget(id, || {
        owner.with(|| {
            leptos::mount::mount_to(root, move || {
                provide_context(id);
                view! { <StoryWidget config feed_url prefetched /> }
            })
        })
    });
    MountedWidget { mount: Some(Box::new(mount)), owner, id, _live: Live::new(&WIDGETS) }
}

/// Resolves a feed URL as the page would resolve a link (`document.baseURI`).
/// Only `http(s)` feeds are read: a `data:` or `blob:` feed would let a link
/// to embed.html show made-up stories under the widget's address.
fn resolve_against_page(feed: &str, document: Option<&web_sys::Document>) -> Result<String, LoadError> {
    let base = document.and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    web_sys::Url::new_with_base(feed, &base)
        .ok()
        .filter(|url| matches!(url.protocol().as_str(), "https:" | "http:"))
        .map(|url| url.href())
        .ok_or_else(|| LoadError::BadFeedUrl(feed.to_owned()))
}
