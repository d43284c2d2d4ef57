//! Who a story is for, and which stories an embed shows.
//!
//! Every story has exactly one [`Audience`]. Every embed has exactly one
//! [`View`]. [`View::shows`] is the single place that decides whether a story
//! may appear in a view: the widget drops every other story before rendering,
//! so an out-of-view story never reaches the DOM.

use std::fmt;

/// The audience a story is written for (`_saman.audience` in the feed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Residents of the municipality: safe for the public website.
    Residents,
    /// Employees only: intranet stories.
    Colleagues,
    /// Both audiences.
    All,
}

impl Audience {
    /// Parses an audience name, ignoring case and surrounding white space.
    ///
    /// Unknown names give `None`: the caller must then *not* guess, because a
    /// misspelt `"colegues"` read as `"all"` would leak an internal story.
    pub fn parse(name: &str) -> Option<Audience> {
        match name.trim().to_ascii_lowercase().as_str() {
            "residents" => Some(Audience::Residents),
            "colleagues" => Some(Audience::Colleagues),
            "all" => Some(Audience::All),
            _ => None,
        }
    }

    /// The name used in feeds.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Residents => "residents",
            Audience::Colleagues => "colleagues",
            Audience::All => "all",
        }
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The view an embed asks for (`audience="…"` on the element).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// The public website: stories for residents or for all.
    #[default]
    Residents,
    /// The intranet: stories for colleagues or for all.
    Colleagues,
    /// Every story in the feed.
    All,
}

impl View {
    /// Parses a view name, ignoring case and surrounding white space.
    pub fn parse(name: &str) -> Option<View> {
        match name.trim().to_ascii_lowercase().as_str() {
            "residents" => Some(View::Residents),
            "colleagues" => Some(View::Colleagues),
            "all" => Some(View::All),
            _ => None,
        }
    }

    /// Whether a story written for `audience` belongs in this view.
    pub fn shows(self, audience: Audience) -> bool {
        match self {
            View::Residents => matches!(audience, Audience::Residents | Audience::All),
            View::Colleagues => matches!(audience, Audience::Colleagues | Audience::All),
            View::All => true,
        }
    }

    /// The name used in embed attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Residents => "residents",
            View::Colleagues => "colleagues",
            View::All => "all",
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUDIENCES: [Audience; 3] = [Audience::Residents, Audience::Colleagues, Audience::All];

    #[test]
    fn residents_view_never_shows_colleagues_only_stories() {
        assert!(View::Residents.shows(Audience::Residents));
        assert!(View::Residents.shows(Audience::All));
        assert!(!View::Residents.shows(Audience::Colleagues));
    }

    #[test]
    fn colleagues_view_never_shows_residents_only_stories() {
        assert!(View::Colleagues.shows(Audience::Colleagues));
        assert!(View::Colleagues.shows(Audience::All));
        assert!(!View::Colleagues.shows(Audience::Residents));
    }

    #[test]
    fn all_view_shows_every_audience() {
        assert!(AUDIENCES.iter().all(|a| View::All.shows(*a)));
    }

    #[test]
    fn names_parse_case_insensitively_and_round_trip() {
        for a in AUDIENCES {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
            assert_eq!(Audience::parse(&format!("  {} ", a.as_str().to_uppercase())), Some(a));
        }
        assert_eq!(View::parse(" Colleagues"), Some(View::Colleagues));
    }

    #[test]
    fn misspelt_names_are_rejected_not_guessed() {
        assert_eq!(Audience::parse("colegues"), None);
        assert_eq!(Audience::parse(""), None);
        assert_eq!(View::parse("public"), None);
    }

    #[test]
    fn default_view_is_residents() {
        assert_eq!(View::default(), View::Residents);
    }
}
