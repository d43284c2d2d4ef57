//! The page: its language, its settings (kept in the address), the state
//! of the feed, and the four steps.

use std::sync::Arc;

use leptos::prelude::*;

use super::code_section::CodeSection;
use super::feed_section::FeedSection;
use super::language_switch::LanguageSwitch;
use super::preview_section::PreviewSection;
use super::settings_form::SettingsForm;
use super::Ui;
use crate::browser::page_address;
use crate::i18n::Lang;
use crate::load_failure::LoadFailure;
use crate::report::FeedReport;
use crate::settings::Settings;

/// Where the page is with the feed.
#[derive(Clone, Debug)]
pub enum FeedState {
    /// Nothing asked for yet.
    Idle,
    /// Fetching or reading.
    Loading,
    /// No feed text: why.
    Failed(LoadFailure),
    /// The report.
    Checked(Arc<FeedReport>),
}

/// The configurator page.
#[component]
pub fn App() -> impl IntoView {
    let query = page_address::read_query();
    // `?ui=` chooses the page's language; else the browser's preference.
    let chosen = query.iter().find(|(name, _)| name == "ui").and_then(|(_, tag)| Lang::from_tag(tag));
    let languages = page_address::browser_languages();
    let ui = RwSignal::new(chosen.unwrap_or_else(|| Lang::preferred(languages.iter().map(String::as_str))));
    // The language goes into the address only once someone chose it.
    let ui_in_address = RwSignal::new(chosen.is_some());
    provide_context(Ui(ui));
    let settings = RwSignal::new(Settings::from_query(query.iter().map(|(n, v)| (n.as_str(), v.as_str()))));
    let feed = RwSignal::new(FeedState::Idle);
    let address = RwSignal::new(String::new());

    // The address follows the settings, without new history entries.
    Effect::new(move |_| {
        let mut pairs = settings.with(Settings::to_query);
        if ui_in_address.get() {
            pairs.push(("ui", ui.get().tag().to_owned()));
        }
        address.set(page_address::write_query(&pairs));
    });
    Effect::new(move |_| {
        let lang = ui.get();
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            document.set_title(lang.strings().page_title);
        }
    });
    let choose_language = Callback::new(move |lang: Lang| {
        ui.set(lang);
        ui_in_address.set(true);
    });
    let text = Ui(ui);
    view! {
        <header class="page-header">
            <LanguageSwitch on_choose=choose_language />
            <h1>{text.text(|s| s.page_title)}</h1>
            <p class="intro">{text.text(|s| s.intro)}</p>
        </header>
        <main class="steps">
            <FeedSection settings feed />
            <SettingsForm settings />
            <PreviewSection settings />
            <CodeSection settings feed address />
        </main>
    }
}
