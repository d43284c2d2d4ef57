//! Component tests of the widget in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts a widget into a shadow root, as the loader does, with a
//! feed from the fixture server (scripts/fixture-server.mjs) on its own
//! origin, and reads the DOM the visitor would get. Run by scripts/wasm-test.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::Ordering;
use std::time::Duration;

use gloo_timers::future::sleep;
use saman_stories::browser::live_count::{REQUESTS, TIMERS, WIDGETS};
use saman_stories::embed::{mount, MountedWidget};
use saman_stories::i18n::{EN, NN};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// The fixture server's origin (scripts/wasm-test sets it).
const FEEDS: &str = match option_env!("SAMAN_TEST_FEED_ORIGIN") {
    Some(origin) => origin,
    None => "http://127.0.0.1:4180",
};

/// A mounted widget and the element it renders into.
struct Mounted {
    host: HtmlElement,
    root: HtmlElement,
    widget: Option<MountedWidget>,
}

impl Mounted {
    fn new(attributes: &[(&str, &str)]) -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        for (name, value) in attributes {
            host.set_attribute(name, value).unwrap();
        }
        document.body().unwrap().append_child(&host).unwrap();
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        shadow.append_child(&root).unwrap();
        let widget = Some(mount(&host, root.clone(), wasm_bindgen::JsValue::UNDEFINED));
        Mounted { host, root, widget }
    }

    fn feed(file: &str, audience: &str) -> Mounted {
        Mounted::new(&[("feed", &format!("{FEEDS}/{file}")), ("audience", audience), ("lang", "en")])
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).and_then(|e| e.text_content()).unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        self.find(selector).expect(selector).unchecked_into::<HtmlElement>().click();
    }

    fn html(&self) -> String {
        self.root.inner_html()
    }

    /// Waits (up to 5 s) for `selector` to match.
    async fn wait_for(&self, selector: &str) -> Element {
        let found = eventually(|| self.find(selector)).await;
        found.unwrap_or_else(|| panic!("{selector} never appeared; DOM: {}", self.html()))
    }

    /// Waits for the effects of a state change to reach the DOM.
    async fn settle(&self) {
        sleep(Duration::from_millis(20)).await;
    }

    /// Shows every story of the view once, by pressing Next, and returns the
    /// titles; checks after each step that `forbidden` occurs nowhere in the DOM.
    async fn titles_of_every_slide(&self, forbidden: &[&str]) -> Vec<String> {
        let total: usize = self.text(".saman-position").rsplit(' ').next().unwrap().parse().unwrap();
        let mut titles = Vec::new();
        for _ in 0..total {
            let html = self.html();
            for word in forbidden {
                assert!(!html.contains(word), "{word:?} is in the DOM: {html}");
            }
            titles.push(self.text(".saman-title"));
            self.click(".saman-next");
            self.settle().await;
        }
        titles
    }

    fn unmount(&mut self) {
        self.widget = None;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget = None;
        self.host.remove();
    }
}

async fn eventually<T>(mut probe: impl FnMut() -> Option<T>) -> Option<T> {
    for _ in 0..250 {
        if let Some(value) = probe() {
            return Some(value);
        }
        sleep(Duration::from_millis(20)).await;
    }
    None
}

#[wasm_bindgen_test]
async fn residents_view_shows_residents_and_shared_stories_and_nothing_else() {
    let widget = Mounted::feed("mixed.json", "residents");
    let region = widget.wait_for("section.saman-carousel").await;
    assert_eq!(region.get_attribute("aria-roledescription").as_deref(), Some("carousel"));
    assert_eq!(region.get_attribute("aria-label").as_deref(), Some(EN.name_residents));
    assert_eq!(widget.text(".saman-position"), "1 of 4");
    let titles = widget.titles_of_every_slide(&["SECRET", "colleague", "col-1", "col-2"]).await;
    assert_eq!(
        titles,
        [
            "Resident story one",
            "Shared story for everyone",
            "Resident story two <img src=x onerror=alert(1)>",
            "Story without an audience counts as all",
        ]
    );
}

#[wasm_bindgen_test]
async fn colleagues_view_shows_colleagues_and_shared_stories_and_nothing_else() {
    let widget = Mounted::feed("mixed.json", "colleagues");
    widget.wait_for(".saman-carousel").await;
    let titles = widget.titles_of_every_slide(&["Resident", "res-1", "res-2"]).await;
    assert_eq!(
        titles,
        [
            "Internal colleague story one",
            "Shared story for everyone",
            "Internal colleague story two",
            "Story without an audience counts as all",
        ]
    );
}

#[wasm_bindgen_test]
async fn slides_are_labelled_groups_with_position_image_date_and_link() {
    let widget = Mounted::feed("mixed.json", "residents");
    let slide = widget.wait_for(".saman-slide").await;
    assert_eq!(slide.get_attribute("role").as_deref(), Some("group"));
    assert_eq!(slide.get_attribute("aria-roledescription").as_deref(), Some("slide"));
    assert_eq!(slide.get_attribute("aria-label").as_deref(), Some("1 of 4"));
    let image = widget.find(".saman-image").unwrap();
    assert_eq!(image.get_attribute("src").unwrap(), format!("{FEEDS}/img/res-1.svg"));
    assert_eq!(image.get_attribute("alt").as_deref(), Some("Resident picture one"));
    assert_eq!(widget.text("time"), "14 March 2026");
    assert_eq!(widget.find("time").unwrap().get_attribute("datetime").as_deref(), Some("2026-03-14"));
    let link = widget.find(".saman-title a").unwrap();
    assert_eq!(link.get_attribute("href").unwrap(), format!("{FEEDS}/stories/res-1.html"));
    assert_eq!(widget.root.query_selector_all(".saman-slide").unwrap().length(), 1, "one slide in the DOM");
}

#[wasm_bindgen_test]
async fn a_story_in_another_language_is_marked() {
    let widget = Mounted::feed("mixed.json", "residents");
    widget.wait_for(".saman-slide").await;
    widget.click(".saman-next");
    widget.settle().await;
    let slide = widget.find(".saman-slide").unwrap();
    assert_eq!(widget.text(".saman-title"), "Shared story for everyone");
    assert_eq!(slide.get_attribute("lang").as_deref(), Some("nn"));
    assert_eq!(widget.find(".saman").unwrap().get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn hostile_content_stays_text_and_unsafe_urls_are_dropped() {
    let widget = Mounted::feed("mixed.json", "residents");
    widget.wait_for(".saman-slide").await;
    for _ in 0..2 {
        widget.click(".saman-next");
        widget.settle().await;
    }
    assert_eq!(widget.text(".saman-title"), "Resident story two <img src=x onerror=alert(1)>");
    assert!(widget.find(".saman-title a").is_none(), "a javascript: link is not a link");
    assert!(widget.find(".saman-slide img").is_none(), "a data: image is not an image");
    assert_eq!(widget.text(".saman-summary"), "Text after the script.");
    let window = web_sys::window().unwrap();
    let pwned = js_sys::Reflect::get(&window, &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a script in content_html ran");
}

#[wasm_bindgen_test]
async fn manual_navigation_stops_rotation_and_turns_announcements_on() {
    let widget = Mounted::feed("mixed.json", "residents");
    widget.wait_for(".saman-rotation").await;
    assert_eq!(widget.find(".saman-rotation").unwrap().text_content().unwrap(), "Stop automatic slide show");
    assert_eq!(widget.find(".saman-slides").unwrap().get_attribute("aria-live").as_deref(), Some("off"));
    widget.click(".saman-previous");
    widget.settle().await;
    assert_eq!(widget.text(".saman-position"), "4 of 4");
    assert_eq!(widget.find(".saman-rotation").unwrap().text_content().unwrap(), "Start automatic slide show");
    assert_eq!(widget.find(".saman-slides").unwrap().get_attribute("aria-live").as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn the_rotation_button_toggles_on_the_same_node() {
    let widget = Mounted::feed("mixed.json", "residents");
    let button = widget.wait_for(".saman-rotation").await;
    widget.click(".saman-rotation");
    widget.settle().await;
    let after = widget.find(".saman-rotation").unwrap();
    assert!(button.is_same_node(Some(&after)));
    assert_eq!(after.text_content().unwrap(), "Start automatic slide show");
    assert!(after.get_attribute("aria-pressed").is_none());
    widget.click(".saman-rotation");
    widget.settle().await;
    assert_eq!(button.text_content().unwrap(), "Stop automatic slide show");
}

#[wasm_bindgen_test]
async fn controls_are_native_buttons_pointing_at_the_slides() {
    let widget = Mounted::feed("mixed.json", "residents");
    widget.wait_for(".saman-rotation").await;
    let slides_id = widget.find(".saman-slides").unwrap().id();
    assert!(!slides_id.is_empty());
    let buttons = widget.root.query_selector_all("button").unwrap();
    assert_eq!(buttons.length(), 4, "rotation, previous, next, show all");
    for i in 0..buttons.length() {
        let button: Element = buttons.item(i).unwrap().unchecked_into();
        assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    }
    for selector in [".saman-previous", ".saman-next"] {
        let button = widget.find(selector).unwrap();
        assert_eq!(button.get_attribute("aria-controls"), Some(slides_id.clone()));
        assert!(!button.get_attribute("aria-label").unwrap_or_default().is_empty());
    }
    let first_button = widget.find("button").unwrap();
    assert!(first_button.class_list().contains("saman-rotation"), "the rotation button comes first");
}

#[wasm_bindgen_test]
async fn nynorsk_strings_are_used_throughout() {
    let widget = Mounted::new(&[("feed", &format!("{FEEDS}/mixed.json")), ("lang", "nn")]);
    widget.wait_for(".saman-slide").await;
    let region = widget.find(".saman-carousel").unwrap();
    assert_eq!(region.get_attribute("aria-label").as_deref(), Some(NN.name_residents));
    assert_eq!(widget.text(".saman-position"), "1 av 4");
    assert_eq!(widget.text("time"), "14. mars 2026");
    assert_eq!(
        widget.find(".saman-previous").unwrap().get_attribute("aria-label").as_deref(),
        Some(NN.previous)
    );
    assert_eq!(widget.text(".saman-rotation"), "Stopp automatisk vising");
}

#[wasm_bindgen_test]
async fn a_missing_feed_shows_the_error_state() {
    let widget = Mounted::feed("status/404", "residents");
    let status = widget.wait_for(".saman-status--error").await;
    assert_eq!(status.text_content().unwrap(), EN.error);
}

/// The wasm stack is 256 KiB (.cargo/config.toml): a feed nested to the
/// reader's limit must fit, even in this unoptimised build, and one level
/// more is the error serde_json names.
#[wasm_bindgen_test]
fn json_nested_to_the_limit_fits_the_stack() {
    // The document, `items` and the item are three levels; the rest are
    // objects in arrays in an unknown member, the deepest frames the
    // reader has.
    let levels = story_feed::MAX_DEPTH - 3;
    let (pairs, odd) = (levels / 2, levels % 2);
    let value =
        format!("{}{}1{}{}", "[".repeat(odd), "[{\"a\":".repeat(pairs), "}]".repeat(pairs), "]".repeat(odd));
    let feed = |value: &str| format!("{{\"items\": [{{\"id\": \"a\", \"title\": \"A\", \"x\": {value}}}]}}");
    let url = "https://k.example/feed.json";
    assert_eq!(story_feed::Feed::parse(&feed(&value), url).map(|f| f.stories.len()), Ok(1));
    let too_deep = story_feed::Feed::parse(&feed(&format!("[{value}]")), url).unwrap_err();
    assert!(too_deep.to_string().ends_with("recursion limit exceeded"), "{too_deep}");
}

#[wasm_bindgen_test]
async fn malformed_json_shows_the_error_state() {
    let widget = Mounted::feed("malformed.json", "residents");
    widget.wait_for(".saman-status--error").await;
}

#[wasm_bindgen_test]
async fn a_widget_without_feed_shows_the_error_state() {
    let widget = Mounted::new(&[("lang", "en")]);
    widget.wait_for(".saman-status--error").await;
}

#[wasm_bindgen_test]
async fn a_view_without_stories_shows_the_empty_state_and_no_hidden_story() {
    let widget = Mounted::feed("colleagues-only.json", "residents");
    let status = widget.wait_for(".saman-status--empty").await;
    assert_eq!(status.text_content().unwrap(), EN.empty);
    assert!(!widget.html().contains("SECRET"));
}

#[wasm_bindgen_test]
async fn a_single_story_has_nothing_to_rotate() {
    let widget = Mounted::feed("single.json", "all");
    widget.wait_for(".saman-slide").await;
    assert!(widget.find("button").is_none());
    assert_eq!(widget.text(".saman-title"), "The only story");
}

#[wasm_bindgen_test]
async fn the_loading_state_shows_until_the_feed_arrives() {
    let widget = Mounted::feed("slow/mixed.json?ms=400", "residents");
    widget.settle().await;
    assert_eq!(widget.text(".saman-status--loading"), EN.loading);
    widget.wait_for(".saman-slide").await;
}

#[wasm_bindgen_test]
async fn unmounting_removes_the_view_and_frees_timers_requests_and_the_widget() {
    let counts = || {
        (WIDGETS.load(Ordering::Relaxed), TIMERS.load(Ordering::Relaxed), REQUESTS.load(Ordering::Relaxed))
    };
    let before = counts();
    let mut widget = Mounted::feed("mixed.json", "residents");
    widget.wait_for(".saman-slide").await;
    widget.settle().await;
    let (widgets, timers, requests) = counts();
    assert_eq!((widgets, requests), (before.0 + 1, before.2 + 1));
    // The rotation's timer, and the one second after which the story on
    // screen counts as shown once the viewport observer has seen it.
    assert!((before.1 + 1..=before.1 + 2).contains(&timers), "{timers} timers, {} before", before.1);
    widget.unmount();
    widget.settle().await;
    assert_eq!(widget.html(), "");
    assert_eq!(counts(), before);
}

#[wasm_bindgen_test]
async fn unmounting_while_loading_aborts_the_request() {
    let before = REQUESTS.load(Ordering::Relaxed);
    let mut widget = Mounted::feed("slow/mixed.json?ms=3000", "residents");
    widget.settle().await;
    assert_eq!(REQUESTS.load(Ordering::Relaxed), before + 1);
    widget.unmount();
    assert_eq!(REQUESTS.load(Ordering::Relaxed), before);
    sleep(Duration::from_millis(100)).await;
    assert_eq!(widget.html(), "", "nothing renders after unmounting");
}
