//! # embed-snippet
//!
//! The code a web editor pastes into a page to show the widget, in its
//! three forms (the script tag, the `<saman-stories>` element, an iframe of
//! `embed.html`), and the Content-Security-Policy sources a page with a
//! strict policy needs for it. The editors' command-line tool
//! (`saman-feed snippet`) and the configurator page (`configure.html`) both
//! write their snippets here, so the two never disagree.
//!
//! ```
//! use embed_snippet::{Attribute, Embed};
//!
//! let embed = Embed::new(
//!     "https://kommune.example/historier/colleagues.json",
//!     "https://widget.kommune.example/",
//!     [(Attribute::Audience, "colleagues".to_owned()), (Attribute::Interval, "7".to_owned())],
//! )
//! .unwrap();
//! // `interval="7"` is the default, so it is left out.
//! assert_eq!(
//!     embed.element_form(),
//!     "<saman-stories feed=\"https://kommune.example/historier/colleagues.json\" audience=\"colleagues\"></saman-stories>\n\
//!      <script src=\"https://widget.kommune.example/saman-stories.js\" async></script>"
//! );
//! assert_eq!(
//!     embed.csp(&[]).header_value(),
//!     "script-src https://widget.kommune.example 'wasm-unsafe-eval'; style-src https://widget.kommune.example; \
//!      connect-src https://widget.kommune.example https://kommune.example; img-src https://kommune.example"
//! );
//! ```
//!
//! Everything here is plain text: no I/O and no browser. Attribute values
//! are escaped and query values percent-encoded, so no value can break out
//! of the markup it is put in.

mod attribute;
mod csp;
mod embed;
mod text;

pub use attribute::Attribute;
pub use csp::CspSources;
pub use embed::{Embed, EmbedError, FRAME_PAGE, LOADER_FILE};
pub use text::{encode_query_value, escape_attribute, origin};
