//! Turning a panic into the error state of the one widget that panicked.
//!
//! The release build aborts on panic: the WebAssembly instance traps and
//! cannot be trusted afterwards. So a panic is handled in three steps:
//! 1. the panic hook (installed once by [`install_panic_hook`]) logs the
//!    message and dispatches a `saman-stories-crash` event on the host
//!    element of the widget that was running — known from the
//!    [`in_widget`] scope every callback of a widget runs in;
//! 2. the trap surfaces in the wasm-bindgen glue, which the build patches to
//!    catch it (scripts/build-loader.mjs), so no exception reaches the page;
//! 3. the loader gives the crashed widget its fallback and mounts the
//!    others again on a fresh instance (loader/saman-stories.js).

use std::cell::Cell;
use std::sync::Once;

use web_sys::Event;

use super::console;
use super::hosts::{host_of, WidgetId};

thread_local! {
    /// The widget whose callback is running, if one is.
    static RUNNING: Cell<Option<WidgetId>> = const { Cell::new(None) };
}

/// Runs `f` as widget `id`'s code, so a panic inside is blamed on it.
pub fn in_widget<T>(id: WidgetId, f: impl FnOnce() -> T) -> T {
    let outer = RUNNING.with(|running| running.replace(Some(id)));
    let result = f();
    RUNNING.with(|running| running.set(outer));
    result
}

/// Panics if the widget's host has `debug-crash="<point>"`: the test hook
/// that proves a crash stays inside its widget (e2e/crash.spec.js). Only the
/// test build has it (cargo feature `test-hooks`); in the shipped build this
/// does nothing and the attribute is not read.
#[cfg(feature = "test-hooks")]
pub fn crash_if_asked(id: WidgetId, point: &str) {
    let asked = host_of(id).is_some_and(|host| host.get_attribute("debug-crash").as_deref() == Some(point));
    if asked {
        panic!("debug-crash=\"{point}\" asked for this crash");
    }
}

/// Without the `test-hooks` feature there is nothing to ask for.
#[cfg(not(feature = "test-hooks"))]
#[inline(always)]
pub fn crash_if_asked(_id: WidgetId, _point: &str) {}

/// Installs the panic hook (once per page).
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The payload and place, without std's full panic formatting.
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
                .unwrap_or("(no message)");
            let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            console::error(&format!("the widget crashed: panicked{place}: {message}"));
            let culprit = RUNNING.try_with(Cell::get).ok().flatten();
            let host = culprit.and_then(host_of);
            if let (Some(host), Ok(event)) = (host, Event::new("saman-stories-crash")) {
                let _ = host.dispatch_event(&event);
            }
        }));
    });
}
