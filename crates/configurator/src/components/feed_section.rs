//! Step 1: the feed. An address to fetch or a file to read, one sentence
//! on what is happening (or why it failed), and the report.

use std::sync::Arc;

use leptos::ev::{DragEvent, SubmitEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::report_view::ReportView;
use super::{FeedState, Ui};
use crate::browser::feed_file::read_text;
use crate::browser::fetch_feed::fetch_feed;
use crate::browser::today;
use crate::report::FeedReport;
use crate::settings::Settings;

/// What to check.
enum Source {
    /// The feed at an address.
    Address(String),
    /// A file chosen or dropped.
    File(web_sys::File),
}

/// The feed's address, a file, the status and the report.
#[component]
pub fn FeedSection(settings: RwSignal<Settings>, feed: RwSignal<FeedState>) -> impl IntoView {
    let ui = Ui::current();
    // Only the newest check may show its result.
    let generation = StoredValue::new(0u64);
    let check = move |source: Source| {
        let this = generation.get_value().wrapping_add(1);
        generation.set_value(this);
        feed.set(FeedState::Loading);
        spawn_local(async move {
            let outcome = match source {
                Source::Address(address) => fetch_feed(&address)
                    .await
                    .map(|fetched| FeedReport::new(&fetched.text, &address, Some(&fetched.url), today())),
                Source::File(file) => {
                    read_text(&file).await.map(|text| FeedReport::new(&text, &file.name(), None, today()))
                }
            };
            if generation.get_value() == this {
                feed.set(match outcome {
                    Ok(report) => FeedState::Checked(Arc::new(report)),
                    Err(failure) => FeedState::Failed(failure),
                });
            }
        });
    };
    // An address becomes the setting, and is checked.
    let commit = move |typed: String, again: bool| {
        let address = typed.trim().to_owned();
        let changed = settings.with_untracked(|s| s.feed != address);
        if changed {
            settings.update(|s| s.feed = address.clone());
        } else if !again || matches!(feed.get_untracked(), FeedState::Loading) {
            return;
        }
        if address.is_empty() {
            generation.update_value(|g| *g = g.wrapping_add(1));
            feed.set(FeedState::Idle);
        } else {
            check(Source::Address(address));
        }
    };
    let initial = settings.with_untracked(|s| s.feed.clone());
    if !initial.trim().is_empty() {
        check(Source::Address(initial.trim().to_owned()));
    }
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if let Some(input) = input.get_untracked() {
            commit(input.value(), true);
        }
    };
    let on_file = move |event: leptos::ev::Event| {
        let file = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            check(Source::File(file));
        }
    };
    let over = RwSignal::new(false);
    let on_drop = move |event: DragEvent| {
        event.prevent_default();
        over.set(false);
        if let Some(file) = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0))
        {
            check(Source::File(file));
        }
    };
    let status = move || match feed.get() {
        FeedState::Idle => String::new(),
        FeedState::Loading => ui.strings().checking.to_owned(),
        FeedState::Failed(failure) => failure.sentence(ui.lang()),
        FeedState::Checked(report) => report.summary(ui.lang()),
    };
    let failed = move || feed.with(|state| matches!(state, FeedState::Failed(_)));
    let report = move || match feed.get() {
        FeedState::Checked(report) => Some(view! { <ReportView report settings /> }),
        _ => None,
    };
    view! {
        <section class="step" aria-labelledby="feed-heading">
            <h2 id="feed-heading">{ui.text(|s| s.feed_heading)}</h2>
            // The page says itself what is wrong with an address.
            <form class="feed-form" novalidate on:submit=on_submit>
                <label for="feed">{ui.text(|s| s.feed_label)}</label>
                <div class="feed-row">
                    <input
                        id="feed"
                        name="feed"
                        type="url"
                        inputmode="url"
                        autocomplete="url"
                        spellcheck="false"
                        aria-describedby="feed-help"
                        value=initial
                        node_ref=input
                        on:change=move |event| commit(event_target_value(&event), false)
                    />
                    <button type="submit">{ui.text(|s| s.check_button)}</button>
                </div>
                <p id="feed-help" class="help">{ui.text(|s| s.feed_help)}</p>
            </form>
            <div
                class="dropzone"
                class:dropzone--over=move || over.get()
                on:dragover=move |event: DragEvent| {
                    event.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
            >
                <label for="feed-file">{ui.text(|s| s.file_label)}</label>
                <input
                    id="feed-file"
                    type="file"
                    accept=".json,application/json,application/feed+json"
                    aria-describedby="feed-file-help"
                    on:change=on_file
                />
                <p id="feed-file-help" class="help">{ui.text(|s| s.file_help)}</p>
            </div>
            <p id="feed-status" class="status" class:status--failed=failed role="status">
                {status}
            </p>
            {report}
        </section>
    }
}
