//! Step 4: the code for the settings, in its three forms, the
//! Content-Security-Policy sources, and the link to these settings — each
//! with a copy button.

use leptos::prelude::*;
use leptos::task::spawn_local;

use embed_snippet::Embed;

use super::{FeedState, Pick, Ui};
use crate::browser::{clipboard, page_address};
use crate::i18n::{fill, Lang};
use crate::settings::Settings;

/// The code to copy.
#[component]
pub fn CodeSection(
    settings: RwSignal<Settings>,
    feed: RwSignal<FeedState>,
    /// The page's address, with the settings in it.
    address: RwSignal<String>,
) -> impl IntoView {
    let ui = Ui::current();
    // The widget's files are next to this page.
    let folder = page_address::own_folder();
    let embed = Memo::new(move |_| {
        settings.with(|s| s.feed_url().and_then(|url| Embed::new(&url, &folder, s.attributes()).ok()))
    });
    let form = move |write: fn(&Embed) -> String| {
        Signal::derive(move || embed.with(|embed| embed.as_ref().map(write).unwrap_or_default()))
    };
    // The iframe's name: the label, else the widget's name for the view in
    // its language (embed.html's page is in bokmål).
    let frame_title = move || {
        settings.with(|s| match s.label.trim() {
            "" => s.lang.unwrap_or(Lang::Nb).strings().widget_name(s.audience).to_owned(),
            label => label.to_owned(),
        })
    };
    let iframe = Signal::derive(move || {
        let title = frame_title();
        embed.with(|embed| embed.as_ref().map(|embed| embed.iframe_form(&title)).unwrap_or_default())
    });
    // The pictures' origins, once the report is of this very feed.
    let csp = Signal::derive(move || {
        let origins = feed.with(|state| match state {
            FeedState::Checked(report) if settings.with(|s| s.feed.trim() == report.source) => {
                report.image_origins.clone()
            }
            _ => Vec::new(),
        });
        embed.with(|embed| embed.as_ref().map(|embed| embed.csp(&origins).lines()).unwrap_or_default())
    });
    let has_code = move || embed.with(Option::is_some);
    view! {
        <section class="step" aria-labelledby="code-heading">
            <h2 id="code-heading">{ui.text(|s| s.code_heading)}</h2>
            <p class="intro">{ui.text(|s| s.code_intro)}</p>
            <Show
                when=has_code
                fallback=move || view! { <p class="note">{ui.text(|s| s.code_needs_feed)}</p> }
            >
                <CodeBlock
                    id="script-form"
                    title=|s| s.script_heading
                    help=|s| s.script_help
                    code=form(Embed::script_form)
                />
                <CodeBlock
                    id="element-form"
                    title=|s| s.element_heading
                    help=|s| s.element_help
                    code=form(Embed::element_form)
                />
                <CodeBlock id="iframe-form" title=|s| s.iframe_heading help=|s| s.iframe_help code=iframe />
                <CodeBlock id="csp" title=|s| s.csp_heading help=|s| s.csp_help code=csp />
                <CodeBlock
                    id="frame-csp"
                    title=|s| s.frame_csp_heading
                    help=|s| s.frame_csp_help
                    code=form(|embed| embed.frame_csp().lines())
                />
            </Show>
            <CodeBlock id="share-link" title=|s| s.share_heading help=|s| s.share_help code=address.into() />
        </section>
    }
}

/// A heading, a help text, the code, and a button that copies it.
#[component]
fn CodeBlock(id: &'static str, title: Pick, help: Pick, code: Signal<String>) -> impl IntoView {
    let ui = Ui::current();
    let shown = NodeRef::<leptos::html::Pre>::new();
    // `Some(true)` once copied, `Some(false)` when only selected.
    let copied = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        code.track();
        copied.set(None);
    });
    let copy = move |_| {
        let text = code.get_untracked();
        if let Some(shown) = shown.get_untracked() {
            spawn_local(async move {
                let done = clipboard::copy(&text, &shown).await;
                copied.set(Some(done));
            });
        }
    };
    let button_name = move || fill(ui.strings().copy_name, &[("what", title(ui.strings()))]);
    let status = move || match copied.get() {
        Some(true) => ui.strings().copied,
        Some(false) => ui.strings().copy_failed,
        None => "",
    };
    view! {
        <div class="code-block" id=id>
            <h3>{ui.text(title)}</h3>
            <p class="help">{ui.text(help)}</p>
            <pre node_ref=shown class="code"><code>{move || code.get()}</code></pre>
            <div class="copy-row">
                <button type="button" class="copy" aria-label=button_name on:click=copy>
                    {ui.text(|s| s.copy)}
                </button>
                <span class="copy-status" role="status">{status}</span>
            </div>
        </div>
    }
}
