//! The `saman-feed` command: see the library crate for what it does.

use std::process::ExitCode;

fn main() -> ExitCode {
    saman_feed::cli::main()
}
