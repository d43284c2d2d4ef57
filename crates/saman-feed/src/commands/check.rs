//! `saman-feed check FEED_OR_URL [--format text|json]`.
//!
//! Prints every problem of a feed with its line and JSON path, the way
//! compilers do (`feed.json:12: error: $.items[3].image: …`), or one JSON
//! report for CI. The exit code is 0 for a clean feed, 1 for warnings only
//! and 2 for errors or an input that could not be read.

use serde::Serialize;
use story_feed::{check_feed, CheckOptions, CheckReport, Date, Severity};

use crate::failure::{Failure, Outcome};
use crate::source;

/// How the report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per problem, then a summary.
    Text,
    /// One JSON object, for CI.
    Json,
}

/// The `--format json` report.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    source: &'a str,
    items: usize,
    stories: usize,
    errors: usize,
    warnings: usize,
    problems: Vec<JsonProblem>,
}

#[derive(Debug, Serialize)]
struct JsonProblem {
    severity: &'static str,
    path: String,
    line: Option<usize>,
    message: String,
}

/// Runs `check` on `input` (a file or URL) as of `today`.
pub fn run(input: &str, format: Format, today: Date) -> Result<Outcome, Failure> {
    let report = match read_and_check(input, today) {
        Ok(report) => report,
        Err(failure) if format == Format::Json => {
            // CI gets a report it can parse even when the input is missing.
            print_json(input, &unreadable_report(&failure));
            return Err(failure);
        }
        Err(failure) => return Err(failure),
    };
    match format {
        Format::Text => print_text(input, &report),
        Format::Json => print_json(input, &report),
    }
    Ok(match report.worst() {
        None => Outcome::Clean,
        Some(Severity::Warning) => Outcome::Warnings,
        Some(Severity::Error) => Outcome::Errors,
    })
}

fn read_and_check(input: &str, today: Date) -> Result<CheckReport, Failure> {
    let source = source::read(input)?;
    let options = CheckOptions { feed_url: source.url.as_deref(), today: Some(today) };
    Ok(check_feed(source.text()?, &options))
}

fn unreadable_report(failure: &Failure) -> CheckReport {
    CheckReport {
        items: 0,
        stories: 0,
        problems: vec![story_feed::Problem {
            severity: Severity::Error,
            path: story_feed::JsonPath::root(),
            line: None,
            message: failure.to_string(),
        }],
    }
}

fn print_text(input: &str, report: &CheckReport) {
    for problem in &report.problems {
        let line = problem.line.map(|l| format!("{l}:")).unwrap_or_default();
        println!("{input}:{line} {}: {}: {}", problem.severity, problem.path, problem.message);
    }
    let skipped = report.items - report.stories.min(report.items);
    let stories = match skipped {
        0 => counted(report.items, "story", "stories"),
        _ => format!("{}, {skipped} skipped by the widget", counted(report.items, "item", "items")),
    };
    let (errors, warnings) = (report.count(Severity::Error), report.count(Severity::Warning));
    if errors + warnings == 0 {
        println!("{input}: {stories}, no problems");
    } else {
        println!(
            "{input}: {stories}, {}, {}",
            counted(errors, "error", "errors"),
            counted(warnings, "warning", "warnings")
        );
    }
}

fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn print_json(input: &str, report: &CheckReport) {
    let json = JsonReport {
        source: input,
        items: report.items,
        stories: report.stories,
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        problems: report
            .problems
            .iter()
            .map(|p| JsonProblem {
                severity: p.severity.as_str(),
                path: p.path.to_string(),
                line: p.line,
                message: p.message.clone(),
            })
            .collect(),
    };
    println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
}
