//! The switch between the page's languages: three buttons, each named in
//! its own language, the current one pressed.

use leptos::prelude::*;

use super::Ui;
use crate::i18n::Lang;

/// Buttons for bokmål, nynorsk and English.
#[component]
pub fn LanguageSwitch(
    /// Called with the language chosen.
    on_choose: Callback<Lang>,
) -> impl IntoView {
    let ui = Ui::current();
    view! {
        <div class="language-switch" role="group" aria-label=ui.text(|s| s.language_switch)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.tag()
                            aria-pressed=move || (ui.lang() == lang).to_string()
                            on:click=move |_| on_choose.run(lang)
                        >
                            {lang.strings().language_name}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
