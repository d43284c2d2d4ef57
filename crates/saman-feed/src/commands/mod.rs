//! One module per subcommand.

pub mod build;
pub mod check;
pub mod digest;
pub mod import;
pub mod serve;
pub mod snippet;
