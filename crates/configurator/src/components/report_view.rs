//! The feed report: the summary is in the status line above; here are the
//! stories per view, every problem with its line and story, the stories
//! without alt text and the expired ones.

use std::sync::Arc;

use leptos::prelude::*;
use story_feed::{Severity, View};

use super::Ui;
use crate::i18n::fill;
use crate::report::{FeedReport, ProblemKind, ReportedProblem};
use crate::settings::Settings;

/// The report of one feed.
#[component]
pub fn ReportView(report: Arc<FeedReport>, settings: RwSignal<Settings>) -> impl IntoView {
    let ui = Ui::current();
    let source = report.source.clone();
    let views = [View::Residents, View::Colleagues, View::All].map(|view| {
        let count = report.shown(view, "", None);
        view! {
            <tr>
                <th scope="row">{move || ui.strings().view_name(view)}</th>
                <td>{count}</td>
            </tr>
        }
    });
    let with_settings = {
        let report = Arc::clone(&report);
        move || settings.with(|s| report.shown(s.audience, &s.tags, s.storyteller))
    };
    let problems = if report.problems.is_empty() {
        view! { <p>{ui.text(|s| s.no_problems)}</p> }.into_any()
    } else {
        view! {
            <ol class="problems">
                {report.problems.iter().map(problem_row).collect_view()}
            </ol>
        }
        .into_any()
    };
    let listed = |kind: ProblemKind, class: &'static str| {
        let rows: Vec<_> = report.of_kind(kind).map(story_row).collect();
        if rows.is_empty() {
            view! { <p class=class>{ui.text(|s| s.none)}</p> }.into_any()
        } else {
            view! { <ul class=class>{rows}</ul> }.into_any()
        }
    };
    let missing_alt = listed(ProblemKind::MissingImageText, "missing-alt");
    let expired = listed(ProblemKind::Expired, "expired");
    view! {
        <section class="report" aria-labelledby="report-heading">
            <h3 id="report-heading">
                {move || fill(ui.strings().report_heading, &[("source", &source)])}
            </h3>
            <table class="views">
                <caption>{ui.text(|s| s.views_heading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ui.text(|s| s.view_column)}</th>
                        <th scope="col">{ui.text(|s| s.shown_column)}</th>
                    </tr>
                </thead>
                <tbody>
                    {views}
                    <tr class="with-settings">
                        <th scope="row">{ui.text(|s| s.with_settings)}</th>
                        <td>{with_settings}</td>
                    </tr>
                </tbody>
            </table>
            <h4>{ui.text(|s| s.problems_heading)}</h4>
            <Show when=move || ui.lang() != crate::i18n::Lang::En>
                <p class="help">{ui.text(|s| s.messages_in_english)}</p>
            </Show>
            {problems}
            <h4>{ui.text(|s| s.missing_alt_heading)}</h4>
            {missing_alt}
            <h4>{ui.text(|s| s.expired_heading)}</h4>
            {expired}
        </section>
    }
}

/// The story a problem is about, or its item's number.
fn story_label(problem: &ReportedProblem) -> impl Fn() -> String + Send + Sync + 'static {
    let ui = Ui::current();
    let (story, item) = (problem.story.clone(), problem.item);
    move || match (&story, item) {
        (Some(story), _) => story.clone(),
        (None, Some(index)) => fill(ui.strings().item_number, &[("number", &(index + 1).to_string())]),
        (None, None) => String::new(),
    }
}

/// A problem as `saman-feed check` prints it, with its story.
fn problem_row(problem: &ReportedProblem) -> impl IntoView {
    let ui = Ui::current();
    let severity = problem.severity;
    let line = problem.line;
    view! {
        <li class="problem" data-severity=severity.as_str()>
            <span class="problem-severity">
                {move || match severity {
                    Severity::Error => ui.strings().severity_error,
                    Severity::Warning => ui.strings().severity_warning,
                }}
            </span>
            {line.map(|line| {
                view! {
                    ", "
                    <span class="problem-line" data-line=line.to_string()>
                        {move || fill(ui.strings().line, &[("line", &line.to_string())])}
                    </span>
                }
            })}
            {problem.item.map(|_| view! { ": " <span class="problem-story">{story_label(problem)}</span> })}
            <div class="problem-detail">
                <code class="problem-path">{problem.path.clone()}</code>
                ": "
                <span class="problem-message" lang="en">{problem.message.clone()}</span>
            </div>
        </li>
    }
}

/// A story in the alt-text or expired list, with its line.
fn story_row(problem: &ReportedProblem) -> impl IntoView {
    let ui = Ui::current();
    let line = problem.line;
    view! {
        <li>
            <span class="story-title">{story_label(problem)}</span>
            {line.map(|line| view! { " (" {move || fill(ui.strings().line, &[("line", &line.to_string())])} ")" })}
        </li>
    }
}
