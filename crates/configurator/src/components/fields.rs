//! The form's fields: a label, the control, and a help text the control
//! is described by (`aria-describedby`), plus an error text while the
//! value is one the widget would not read. Each control's id is the
//! attribute's name.

use leptos::prelude::*;

use super::{Pick, Ui};

/// A choice from a list.
#[component]
pub fn SelectField(
    /// The control's id: the attribute's name.
    id: &'static str,
    label: Pick,
    help: Pick,
    /// `(value, text)` of each option; the empty value means the default
    /// of an attribute whose default is its absence.
    options: Vec<(&'static str, Pick)>,
    /// The value chosen when the page opened.
    initial: String,
    /// Called with the value chosen.
    on_change: Callback<String>,
) -> impl IntoView {
    let ui = Ui::current();
    let help_id = format!("{id}-help");
    view! {
        <div class="field">
            <label for=id>{ui.text(label)}</label>
            <select
                id=id
                name=id
                aria-describedby=help_id.clone()
                on:change=move |event| on_change.run(event_target_value(&event))
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        view! {
                            <option value=value selected=initial == value>
                                {ui.text(text)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id=help_id class="help">{ui.text(help)}</p>
        </div>
    }
}

/// Free text, kept as typed.
#[component]
pub fn TextField(
    /// The control's id: the attribute's name.
    id: &'static str,
    label: Pick,
    help: Pick,
    /// The text when the page opened.
    initial: String,
    /// Called with the text on every change.
    on_input: Callback<String>,
    /// The `inputmode` (`decimal` for numbers).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The input's `type` (`text` unless given).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// Whether the text is one the widget would not read, and what to say.
    #[prop(optional)]
    invalid: Option<(Signal<bool>, Pick)>,
) -> impl IntoView {
    let ui = Ui::current();
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let is_invalid = move || invalid.is_some_and(|(invalid, _)| invalid.get());
    let described = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || if is_invalid() { format!("{help_id} {error_id}") } else { help_id.clone() }
    };
    view! {
        <div class="field">
            <label for=id>{ui.text(label)}</label>
            <input
                id=id
                name=id
                type=kind.unwrap_or("text")
                inputmode=inputmode
                autocomplete="off"
                spellcheck="false"
                value=initial
                aria-describedby=described
                aria-invalid=move || is_invalid().then_some("true")
                on:input=move |event| on_input.run(event_target_value(&event))
            />
            <p id=help_id class="help">{ui.text(help)}</p>
            {invalid.map(|(_, message)| {
                view! {
                    <p id=error_id class="error" hidden=move || !is_invalid()>
                        {ui.text(message)}
                    </p>
                }
            })}
        </div>
    }
}

/// On or off.
#[component]
pub fn CheckField(
    /// The control's id: the attribute's name.
    id: &'static str,
    label: Pick,
    help: Pick,
    /// Whether it was on when the page opened.
    initial: bool,
    /// Called with the new state.
    on_change: Callback<bool>,
) -> impl IntoView {
    let ui = Ui::current();
    let help_id = format!("{id}-help");
    view! {
        <div class="field field--check">
            <input
                id=id
                name=id
                type="checkbox"
                checked=initial
                aria-describedby=help_id.clone()
                on:change=move |event| on_change.run(event_target_checked(&event))
            />
            <label for=id>{ui.text(label)}</label>
            <p id=help_id class="help">{ui.text(help)}</p>
        </div>
    }
}
