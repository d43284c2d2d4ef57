//! Which `<saman-stories>` element each mounted widget belongs to: the
//! element the panic hook blames and the analytics events are fired on.

use std::cell::RefCell;

use web_sys::HtmlElement;

/// A widget's number, known to everything it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WidgetId(pub usize);

thread_local! {
    /// The host element of every mounted widget, by number.
    static HOSTS: RefCell<Vec<(WidgetId, HtmlElement)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers `host` as the element of widget `id` until [`forget_host`].
pub fn register_host(id: WidgetId, host: HtmlElement) {
    HOSTS.with(|hosts| hosts.borrow_mut().push((id, host)));
}

/// Forgets the element of widget `id`.
pub fn forget_host(id: WidgetId) {
    HOSTS.with(|hosts| hosts.borrow_mut().retain(|(n, _)| *n != id));
}

/// The element of widget `id`, while it is mounted. Never fails, even from
/// inside the panic hook while another borrow is active: then `None`.
pub fn host_of(id: WidgetId) -> Option<HtmlElement> {
    HOSTS
        .try_with(|hosts| {
            hosts.try_borrow().ok()?.iter().find(|(n, _)| *n == id).map(|(_, host)| host.clone())
        })
        .ok()
        .flatten()
}
