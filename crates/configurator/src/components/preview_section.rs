//! Step 3: the real widget with the settings, in every frame of
//! `crate::preview`. Each widget is made anew, with all its attributes at
//! once, whenever its attributes change: the loader starts the widget again
//! on any attribute change, and one new element is one start, not one per
//! attribute.

use leptos::prelude::*;

use super::Ui;
use crate::preview::{preview_attributes, PageScheme, Width};
use crate::settings::{Mode, Settings};

/// The preview frames.
#[component]
pub fn PreviewSection(settings: RwSignal<Settings>) -> impl IntoView {
    let ui = Ui::current();
    let has_feed = move || settings.with(|s| s.feed_url().is_some());
    view! {
        <section class="step" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{ui.text(|s| s.preview_heading)}</h2>
            <p class="intro">{ui.text(|s| s.preview_intro)}</p>
            <Show
                when=has_feed
                fallback=move || view! { <p class="note">{ui.text(|s| s.preview_needs_feed)}</p> }
            >
                {Width::ALL
                    .into_iter()
                    .map(|width| {
                        view! {
                            <div class=format!("preview-width preview-width--{}", width.key())>
                                <h3>{move || width.name(ui.lang())}</h3>
                                <div class="preview-pair">
                                    {PageScheme::ALL
                                        .into_iter()
                                        .map(|scheme| view! { <PreviewFrame settings width scheme /> })
                                        .collect_view()}
                                </div>
                            </div>
                        }
                    })
                    .collect_view()}
            </Show>
        </section>
    }
}

/// One frame: a page of one scheme, one width, and the widget in it.
#[component]
fn PreviewFrame(settings: RwSignal<Settings>, width: Width, scheme: PageScheme) -> impl IntoView {
    let ui = Ui::current();
    let attributes = Memo::new(move |_| settings.with(|s| preview_attributes(s, width, scheme, ui.lang())));
    // A widget that fills its container needs a container of fixed height.
    let fixed = move || settings.with(|s| s.fill || s.mode == Mode::Kiosk);
    view! {
        <div
            class="preview-frame"
            class:preview-frame--fixed=fixed
            data-color-scheme=scheme.key()
            data-frame=format!("{}-{}", width.key(), scheme.key())
        >
            <p class="frame-label">{move || scheme.name(ui.lang())}</p>
            <div class="frame-box">
                <For
                    each=move || [attributes.get()]
                    key=|attributes| attributes.clone()
                    children=|attributes| view! { <PreviewWidget attributes /> }
                />
            </div>
        </div>
    }
}

/// A `<saman-stories>` element with these attributes.
#[component]
fn PreviewWidget(attributes: Vec<(&'static str, String)>) -> impl IntoView {
    let get = |name: &str| attributes.iter().find(|(n, _)| *n == name).map(|(_, value)| value.clone());
    view! {
        <saman-stories
            feed=get("feed")
            audience=get("audience")
            lang=get("lang")
            interval=get("interval")
            layout=get("layout")
            heading-level=get("heading-level")
            label=get("label")
            href=get("href")
            fill=get("fill")
            color-scheme=get("color-scheme")
            mode=get("mode")
            refresh=get("refresh")
            tags=get("tags")
            storyteller=get("storyteller")
            slides-per-view=get("slides-per-view")
        ></saman-stories>
    }
}
