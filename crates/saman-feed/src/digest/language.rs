//! The words a digest writes itself, in nynorsk, bokmål and English.
//!
//! Everything else in a digest comes from the feed. Dates are written the
//! way each language writes them in running text ("14. oktober 2026",
//! "14 October 2026"), from the calendar date the story carries.

use story_feed::Date;

/// A language a digest can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Nynorsk.
    Nynorsk,
    /// Bokmål.
    Bokmal,
    /// English.
    English,
}

impl Language {
    /// Reads a language tag: `nn`, `nb` (or `no`), `en`, with any region
    /// (`nn-NO`, `en-GB`). Other languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nn" => Some(Language::Nynorsk),
            "nb" | "no" => Some(Language::Bokmal),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The language most of `tags` name (the first of equals wins), else
    /// bokmål, as the widget defaults to.
    pub fn most_common<'a>(tags: impl IntoIterator<Item = &'a str>) -> Language {
        let mut counts: Vec<(Language, usize)> = Vec::new();
        for language in tags.into_iter().filter_map(Language::from_tag) {
            match counts.iter_mut().find(|(l, _)| *l == language) {
                Some((_, count)) => *count += 1,
                None => counts.push((language, 1)),
            }
        }
        // `max_by_key` keeps the last of equals; reversing makes it the first.
        counts.into_iter().rev().max_by_key(|(_, count)| *count).map_or(Language::Bokmal, |(l, _)| l)
    }

    /// The tag for HTML's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Nynorsk => "nn",
            Language::Bokmal => "nb",
            Language::English => "en",
        }
    }

    /// The section's heading when the feed has no title.
    pub fn default_heading(self) -> &'static str {
        match self {
            Language::Nynorsk | Language::Bokmal => "Historier",
            Language::English => "Stories",
        }
    }

    /// The text of the link to the whole story.
    pub fn read_more(self) -> &'static str {
        match self {
            Language::Nynorsk => "Les heile historia",
            Language::Bokmal => "Les hele historien",
            Language::English => "Read the whole story",
        }
    }

    /// What a digest without stories says.
    pub fn no_stories(self) -> &'static str {
        match self {
            Language::Nynorsk => "Ingen nye historier denne gongen.",
            Language::Bokmal => "Ingen nye historier denne gangen.",
            Language::English => "No new stories this time.",
        }
    }

    /// `date` as written in running text.
    pub fn date(self, date: Date) -> String {
        const NORWEGIAN: [&str; 12] = [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ];
        const ENGLISH: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = usize::from(date.month.clamp(1, 12) - 1);
        match self {
            Language::Nynorsk | Language::Bokmal => {
                format!("{}. {} {}", date.day, NORWEGIAN[month], date.year)
            }
            Language::English => format!("{} {} {}", date.day, ENGLISH[month], date.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_and_no_are_understood() {
        assert_eq!(Language::from_tag("nn-NO"), Some(Language::Nynorsk));
        assert_eq!(Language::from_tag(" NB "), Some(Language::Bokmal));
        assert_eq!(Language::from_tag("no"), Some(Language::Bokmal));
        assert_eq!(Language::from_tag("en-GB"), Some(Language::English));
        assert_eq!(Language::from_tag("se"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn the_most_common_language_wins_and_bokmal_is_the_fallback() {
        assert_eq!(Language::most_common(["nn", "nb", "nn-NO"]), Language::Nynorsk);
        assert_eq!(Language::most_common(["en", "nb"]), Language::English);
        assert_eq!(Language::most_common(["se", "fi"]), Language::Bokmal);
        assert_eq!(Language::most_common([]), Language::Bokmal);
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let date = Date { year: 2026, month: 5, day: 17 };
        assert_eq!(Language::Nynorsk.date(date), "17. mai 2026");
        assert_eq!(Language::English.date(date), "17 May 2026");
    }

    #[test]
    fn every_language_has_its_own_words() {
        let all = [Language::Nynorsk, Language::Bokmal, Language::English];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.read_more(), b.read_more());
                assert_ne!(a.no_stories(), b.no_stories());
            }
        }
    }
}
