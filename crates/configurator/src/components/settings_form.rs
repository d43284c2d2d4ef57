//! Step 2: every setting of the widget, each with its default in its help
//! text. Changes go straight into the settings (and from there into the
//! address, the preview and the code).

use leptos::prelude::*;
use story_feed::{Storyteller, View};

use super::fields::{CheckField, SelectField, TextField};
use super::{Pick, Ui};
use crate::i18n::Lang;
use crate::settings::{layout_name, mode_name, parse_scheme, scheme_name, Invalid, Layout, Mode, Settings};

/// The settings form.
#[component]
pub fn SettingsForm(settings: RwSignal<Settings>) -> impl IntoView {
    let ui = Ui::current();
    let initial = settings.get_untracked();
    let set = |apply: fn(&mut Settings, String)| {
        Callback::new(move |value: String| settings.update(|settings| apply(settings, value)))
    };
    let invalid = |which: Invalid, message: Pick| {
        (Signal::derive(move || settings.with(|s| s.invalid(which))), message)
    };
    let audience_options: Vec<(&'static str, Pick)> = vec![
        ("residents", |s| s.view_residents),
        ("colleagues", |s| s.view_colleagues),
        ("all", |s| s.view_all),
    ];
    let lang_options: Vec<(&'static str, Pick)> = vec![
        ("", |s| s.lang_page),
        ("nb", |_| Lang::Nb.strings().language_name),
        ("nn", |_| Lang::Nn.strings().language_name),
        ("en", |_| Lang::En.strings().language_name),
    ];
    let layout_options: Vec<(&'static str, Pick)> =
        vec![("carousel", |s| s.layout_carousel), ("list", |s| s.layout_list)];
    // Texts that are the same in every language.
    let heading_options: Vec<(&'static str, Pick)> =
        vec![("2", |_| "h2"), ("3", |_| "h3"), ("4", |_| "h4"), ("5", |_| "h5"), ("6", |_| "h6")];
    let slides_options: Vec<(&'static str, Pick)> = vec![("1", |_| "1"), ("2", |_| "2"), ("3", |_| "3")];
    let storyteller_options: Vec<(&'static str, Pick)> = vec![
        ("", |s| s.storyteller_any),
        ("resident", |s| s.storyteller_resident),
        ("employee", |s| s.storyteller_employee),
    ];
    let scheme_options: Vec<(&'static str, Pick)> = vec![
        ("", |s| s.scheme_page),
        ("light", |s| s.scheme_light),
        ("dark", |s| s.scheme_dark),
        ("auto", |s| s.scheme_auto),
    ];
    let mode_options: Vec<(&'static str, Pick)> =
        vec![("page", |s| s.mode_page), ("kiosk", |s| s.mode_kiosk)];
    view! {
        <section class="step" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{ui.text(|s| s.settings_heading)}</h2>
            <p class="intro">{ui.text(|s| s.settings_intro)}</p>
            <div class="fields">
                <SelectField
                    id="audience"
                    label=|s| s.audience_label
                    help=|s| s.audience_help
                    options=audience_options
                    initial=initial.audience.as_str().to_owned()
                    on_change=set(|s, v| s.audience = View::parse(&v).unwrap_or_default())
                />
                <SelectField
                    id="lang"
                    label=|s| s.lang_label
                    help=|s| s.lang_help
                    options=lang_options
                    initial=initial.lang.map(Lang::tag).unwrap_or_default().to_owned()
                    on_change=set(|s, v| s.lang = Lang::from_tag(&v))
                />
                <TextField
                    id="interval"
                    label=|s| s.interval_label
                    help=|s| s.interval_help
                    inputmode="decimal"
                    initial=initial.interval.clone()
                    on_input=set(|s, v| s.interval = v)
                    invalid=invalid(Invalid::Interval, |s| s.invalid_interval)
                />
                <SelectField
                    id="layout"
                    label=|s| s.layout_label
                    help=|s| s.layout_help
                    options=layout_options
                    initial=layout_name(initial.layout).to_owned()
                    on_change=set(|s, v| s.layout = if v == "list" { Layout::List } else { Layout::Carousel })
                />
                <SelectField
                    id="heading-level"
                    label=|s| s.heading_level_label
                    help=|s| s.heading_level_help
                    options=heading_options
                    initial=initial.heading_level.to_string()
                    on_change=set(|s, v| s.heading_level = v.parse().unwrap_or(3))
                />
                <TextField
                    id="label"
                    label=|s| s.label_label
                    help=|s| s.label_help
                    initial=initial.label.clone()
                    on_input=set(|s, v| s.label = v)
                />
                <TextField
                    id="href"
                    label=|s| s.href_label
                    help=|s| s.href_help
                    kind="url"
                    initial=initial.href.clone()
                    on_input=set(|s, v| s.href = v)
                    invalid=invalid(Invalid::Href, |s| s.invalid_url)
                />
                <SelectField
                    id="slides-per-view"
                    label=|s| s.slides_label
                    help=|s| s.slides_help
                    options=slides_options
                    initial=initial.slides_per_view.to_string()
                    on_change=set(|s, v| s.slides_per_view = v.parse().unwrap_or(1))
                />
                <TextField
                    id="tags"
                    label=|s| s.tags_label
                    help=|s| s.tags_help
                    initial=initial.tags.clone()
                    on_input=set(|s, v| s.tags = v)
                />
                <SelectField
                    id="storyteller"
                    label=|s| s.storyteller_label
                    help=|s| s.storyteller_help
                    options=storyteller_options
                    initial=initial.storyteller.map(Storyteller::as_str).unwrap_or_default().to_owned()
                    on_change=set(|s, v| s.storyteller = Storyteller::parse(&v))
                />
                <SelectField
                    id="color-scheme"
                    label=|s| s.scheme_label
                    help=|s| s.scheme_help
                    options=scheme_options
                    initial=initial.color_scheme.map(scheme_name).unwrap_or_default().to_owned()
                    on_change=set(|s, v| s.color_scheme = parse_scheme(&v))
                />
                <SelectField
                    id="mode"
                    label=|s| s.mode_label
                    help=|s| s.mode_help
                    options=mode_options
                    initial=mode_name(initial.mode).to_owned()
                    on_change=set(|s, v| s.mode = if v == "kiosk" { Mode::Kiosk } else { Mode::Page })
                />
                <TextField
                    id="refresh"
                    label=|s| s.refresh_label
                    help=|s| s.refresh_help
                    inputmode="decimal"
                    initial=initial.refresh.clone()
                    on_input=set(|s, v| s.refresh = v)
                    invalid=invalid(Invalid::Refresh, |s| s.invalid_refresh)
                />
                <CheckField
                    id="fill"
                    label=|s| s.fill_label
                    help=|s| s.fill_help
                    initial=initial.fill
                    on_change=Callback::new(move |on: bool| settings.update(|s| s.fill = on))
                />
            </div>
        </section>
    }
}
