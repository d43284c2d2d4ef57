//! `saman-feed import FILE_OR_URL [--out FILE] [--audience …]`: another
//! system's feed (RSS, Atom, RDF or JSON Feed), as a saman-stories feed.
//!
//! Every item gets the chosen audience (residents unless told otherwise:
//! what a CMS publishes in a feed is public already). The order of the
//! source is kept (CMSs list the newest first). What the conversion does is
//! described in [`crate::import`].

use std::io::Write;
use std::path::Path;

use story_feed::Audience;

pub use crate::import::{convert, Imported};

use crate::atomic_write::write_atomically;
use crate::failure::{Failure, Outcome};
use crate::json_feed::to_json;
use crate::source;

/// Runs `import`.
pub fn run(input: &str, out: Option<&Path>, audience: Audience) -> Result<Outcome, Failure> {
    let source = source::read(input)?;
    let imported = convert(&source.bytes, source.url.as_deref(), audience)
        .map_err(|e| Failure::new(format!("{input}: {e}")))?;
    for note in &imported.notes {
        eprintln!("{input}: {note}");
    }
    let json = to_json(&imported.feed);
    match out {
        Some(path) => {
            write_atomically(path, json.as_bytes())?;
            let count = imported.feed.items.len();
            eprintln!("wrote {} ({count} {})", path.display(), if count == 1 { "story" } else { "stories" });
        }
        None => std::io::stdout()
            .lock()
            .write_all(json.as_bytes())
            .map_err(|e| Failure::new(format!("cannot write to standard output: {e}")))?,
    }
    Ok(if imported.notes.is_empty() { Outcome::Clean } else { Outcome::Warnings })
}
