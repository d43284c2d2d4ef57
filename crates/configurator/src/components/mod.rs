//! The page's Leptos views, one concern per file: the page
//! ([`App`]), the language switch, the feed and its report, the settings
//! form and its fields, the preview, and the code to copy.
//!
//! Views hold no literal text: every word comes from the table of the
//! page's language through [`Ui`], so switching language changes the text
//! in place and keeps focus where it is.

mod app;
mod code_section;
mod feed_section;
mod fields;
mod language_switch;
mod preview_section;
mod report_view;
mod settings_form;

pub use app::{App, FeedState};

use leptos::prelude::*;

use crate::i18n::{Lang, Strings};

/// Picks one text from a table.
pub type Pick = fn(&'static Strings) -> &'static str;

/// The page's language, shared by every component as context.
#[derive(Clone, Copy)]
pub struct Ui(pub RwSignal<Lang>);

impl Ui {
    /// The page's `Ui`, provided by [`App`].
    pub fn current() -> Ui {
        expect_context::<Ui>()
    }

    /// The language now (tracked).
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// The table of the language now (tracked).
    pub fn strings(self) -> &'static Strings {
        self.lang().strings()
    }

    /// One text, following the language.
    pub fn text(self, pick: Pick) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.strings())
    }
}
