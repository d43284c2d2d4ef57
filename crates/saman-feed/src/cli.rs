//! The command line: arguments, dispatch, and exit codes.
//!
//! Exit codes are the same for every command: 0 when all is well, 1 when it
//! worked but there are warnings, 2 for errors or input that could not be
//! read (clap's own usage errors also exit with 2).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use story_feed::{Audience, Date, View};

use crate::clock::{parse_date_argument, today};
use crate::commands::{self, check::Format, digest::Destination};
use crate::digest::language::Language;
use crate::digest::selection::Limit;
use crate::failure::{Failure, Outcome, EXIT_ERRORS};

/// Write, check and publish the stories of saman-stories.
#[derive(Debug, Parser)]
#[command(name = "saman-feed", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// An audience, as a command-line value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AudienceArg {
    /// Residents: the public website.
    Residents,
    /// Colleagues: the intranet.
    Colleagues,
    /// Both.
    All,
}

impl AudienceArg {
    fn audience(self) -> Audience {
        match self {
            AudienceArg::Residents => Audience::Residents,
            AudienceArg::Colleagues => Audience::Colleagues,
            AudienceArg::All => Audience::All,
        }
    }

    fn view(self) -> View {
        match self {
            AudienceArg::Residents => View::Residents,
            AudienceArg::Colleagues => View::Colleagues,
            AudienceArg::All => View::All,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a feed (file or URL) against JSON Feed 1.1 and the _saman extension.
    Check {
        /// The feed: a file, or an http(s) URL.
        feed: String,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The day that decides what has expired (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_argument)]
        today: Option<Date>,
    },
    /// Build residents.json, colleagues.json and all.json from a folder of Markdown stories.
    Build {
        /// The folder of stories: one ID.md per story, and optionally _feed.md.
        stories_dir: PathBuf,
        /// Where to write the feeds; relative image paths are looked up here.
        #[arg(long, value_name = "OUT_DIR")]
        out: PathBuf,
        /// The URL the feeds will be served from; relative images resolve against it.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// The feeds' title (default: _feed.md's, else made from the folder's name).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The day that decides what has expired (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_argument)]
        today: Option<Date>,
    },
    /// Convert another system's feed (file or URL) to a saman-stories feed.
    ///
    /// Reads RSS 0.9x, 1.0 (RDF) and 2.0, Atom, and JSON Feed 1.0 and 1.1, told
    /// apart by their content, in any encoding they declare. Ids and dates are
    /// kept; items without a title are kept (the widget gives them a heading
    /// from their text); HTML is sanitized.
    Import {
        /// The feed (RSS, Atom, RDF or JSON Feed): a file, or an http(s) URL.
        source: String,
        /// Write here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The audience every imported story gets.
        #[arg(long, value_enum, default_value_t = AudienceArg::Residents)]
        audience: AudienceArg,
    },
    /// Write the newest stories of one view as a newsletter section (email-safe HTML and plain text).
    ///
    /// For pasting into a newsletter tool. Only stories of the view (never a
    /// colleagues-only story in a residents digest), none that has expired,
    /// newest first. The same feed, options and day give the same bytes.
    Digest {
        /// The feed: a file, or an http(s) URL.
        feed: String,
        /// Whose stories.
        #[arg(long, value_enum, default_value_t = AudienceArg::Residents)]
        view: AudienceArg,
        /// Only stories published on or after this day.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_argument, conflicts_with = "count")]
        since: Option<Date>,
        /// The newest N stories [default: 5].
        #[arg(long, value_name = "N")]
        count: Option<usize>,
        /// The language of the digest's own words: nn, nb or en (default: the stories' language).
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: Option<Language>,
        /// Where every "read more" link leads (default: each story's own address).
        #[arg(long, value_name = "URL")]
        read_more: Option<String>,
        /// Where the feed is published, for its relative pictures and links (default: the URL it was read from).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Write the HTML here ("-": standard output).
        #[arg(long, value_name = "FILE", default_value = "-")]
        out: String,
        /// Write the plain-text twin here ("-": standard output).
        #[arg(long, value_name = "FILE")]
        text: Option<String>,
        /// The day that decides what has expired (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_argument)]
        today: Option<Date>,
    },
    /// Serve a folder on 127.0.0.1 with CORS and the right MIME types, for previews.
    Serve {
        /// The folder to serve.
        dir: PathBuf,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Print the embed snippet and the Content-Security-Policy a host page needs.
    Snippet {
        /// The feed's URL.
        #[arg(long, value_name = "URL")]
        feed: String,
        /// Which stories the widget shows.
        #[arg(long, value_enum, default_value_t = AudienceArg::Residents)]
        audience: AudienceArg,
        /// The widget's language (nn, nb, se, en…).
        #[arg(long)]
        lang: Option<String>,
        /// The widget's script (…/saman-stories.js) or its folder (default: the feed's origin).
        #[arg(long, value_name = "URL")]
        widget_url: Option<String>,
    },
}

/// How many stories a digest holds when neither `--count` nor `--since` says.
pub const DEFAULT_DIGEST_COUNT: usize = 5;

/// Parses a `--lang` value for `digest`.
fn parse_language(value: &str) -> Result<Language, String> {
    Language::from_tag(value).ok_or_else(|| format!("{value:?} is not nn, nb or en"))
}

/// Parses the process arguments, runs the command, and gives the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(outcome) => outcome.exit_code(),
        Err(failure) => {
            eprintln!("saman-feed: error: {failure}");
            ExitCode::from(EXIT_ERRORS)
        }
    }
}

/// Runs one command.
pub fn run(command: Command) -> Result<Outcome, Failure> {
    match command {
        Command::Check { feed, format, today: day } => commands::check::run(&feed, format, today(day)),
        Command::Build { stories_dir, out, base_url, title, today: day } => {
            commands::build::run(&commands::build::BuildArgs {
                stories_dir,
                out_dir: out,
                base_url,
                title,
                today: today(day),
            })
        }
        Command::Import { source, out, audience } => {
            commands::import::run(&source, out.as_deref(), audience.audience())
        }
        Command::Digest { feed, view, since, count, lang, read_more, base_url, out, text, today: day } => {
            commands::digest::run(&commands::digest::DigestArgs {
                feed,
                view: view.view(),
                limit: match since {
                    Some(day) => Limit::Since(day),
                    None => Limit::Count(count.unwrap_or(DEFAULT_DIGEST_COUNT)),
                },
                language: lang,
                read_more,
                base_url,
                today: today(day),
                html: Destination::parse(&out),
                text: text.as_deref().map(Destination::parse),
            })
        }
        Command::Serve { dir, port } => commands::serve::run(&dir, port),
        Command::Snippet { feed, audience, lang, widget_url } => {
            commands::snippet::run(&commands::snippet::SnippetArgs {
                feed,
                audience: audience.view(),
                lang,
                widget_url,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn build_takes_a_fixed_day() {
        let cli =
            Cli::try_parse_from(["saman-feed", "build", "stories", "--out", "feed", "--today", "2026-11-28"])
                .unwrap();
        let Command::Build { today, .. } = cli.command else { panic!("not build") };
        assert_eq!(today, Some(Date { year: 2026, month: 11, day: 28 }));
        assert!(
            Cli::try_parse_from(["saman-feed", "build", "s", "--out", "f", "--today", "i morgon"]).is_err()
        );
    }
}
