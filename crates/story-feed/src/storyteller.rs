//! Whose story it is.
//!
//! The stories are told by the people they are about: residents of the
//! municipality and its employees. `_saman.storyteller` names that kind of
//! person, so an embed can show only residents' stories, or only
//! colleagues' (`storyteller="employee"`). The person's own published name
//! and role is a separate field, `_saman.storyteller_name` ("Anne Li,
//! helsesjukepleiar"), shown as a byline.

use std::fmt;

/// The kind of person whose story it is (`_saman.storyteller`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Storyteller {
    /// Someone who lives in the municipality.
    Resident,
    /// Someone who works for it.
    Employee,
}

impl Storyteller {
    /// Every kind, in the order messages list them.
    pub const ALL: [Storyteller; 2] = [Storyteller::Resident, Storyteller::Employee];

    /// Parses a kind, ignoring case and surrounding white space. Anything
    /// else (a person's name, a typo) gives `None`.
    pub fn parse(name: &str) -> Option<Storyteller> {
        let name = name.trim();
        Storyteller::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(name))
    }

    /// The name used in feeds and attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Storyteller::Resident => "resident",
            Storyteller::Employee => "employee",
        }
    }
}

impl fmt::Display for Storyteller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_ignoring_case_and_round_trip() {
        for kind in Storyteller::ALL {
            assert_eq!(Storyteller::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Storyteller::parse("  Employee "), Some(Storyteller::Employee));
        assert_eq!(Storyteller::parse("RESIDENT"), Some(Storyteller::Resident));
    }

    #[test]
    fn names_and_typos_are_not_kinds() {
        for other in ["Anne Li, helsesjukepleiar", "employe", "residents", ""] {
            assert_eq!(Storyteller::parse(other), None, "{other}");
        }
    }
}
