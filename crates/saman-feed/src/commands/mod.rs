//! One module per subcommand.

pub mod build;
pub mod check;
pub mod import;
pub mod serve;
pub mod snippet;
