//! What a command reports when it cannot do its job.
//!
//! Every bad input ends in a [`Failure`] with a message an editor can act
//! on, never in a panic. The process then exits with [`EXIT_ERRORS`].

use std::fmt;
use std::process::ExitCode;

/// Exit code: all went well, no problems.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: done, but with warnings.
pub const EXIT_WARNINGS: u8 = 1;
/// Exit code: errors, or input that could not be read.
pub const EXIT_ERRORS: u8 = 2;

/// A command that could not complete, with the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure(pub String);

impl Failure {
    /// A failure with `message`.
    pub fn new(message: impl Into<String>) -> Failure {
        Failure(message.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

/// How a command that completed went: clean, with warnings, or with errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Nothing to report.
    Clean,
    /// Done, but an editor should look at the warnings.
    Warnings,
    /// Problems that must be fixed.
    Errors,
}

impl Outcome {
    /// The process exit code: 0, 1 or 2.
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Clean => EXIT_CLEAN,
            Outcome::Warnings => EXIT_WARNINGS,
            Outcome::Errors => EXIT_ERRORS,
        })
    }
}
