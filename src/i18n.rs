//! The widget's UI language: one table of strings per language.
//!
//! Every word the widget itself shows or announces comes from a [`Strings`]
//! table; views never hold literal text. To add a language (for
//! example North Sámi, `se`), add a variant to [`Lang`], a table beside the
//! others, and the tag in [`Lang::from_tag`] — and have a native speaker
//! review the table before it ships.

use story_feed::{Date, Storyteller, View};

/// A UI language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Norwegian bokmål; the default.
    #[default]
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// Reads a BCP 47 tag (`nn`, `nn-NO`, `no`, `en-GB`, …) by its primary
    /// subtag. Unsupported languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag to put in `lang` attributes.
    pub fn tag(self) -> &'static str {
        self.strings().tag
    }

    /// This language's table.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nb => &NB,
            Lang::Nn => &NN,
            Lang::En => &EN,
        }
    }

    /// Whether a story written in `tag` needs its own `lang` attribute inside
    /// a widget speaking this language.
    pub fn differs_from(self, tag: &str) -> bool {
        Lang::from_tag(tag) != Some(self)
    }
}

/// Every text of the widget in one language.
#[derive(Debug)]
pub struct Strings {
    /// The BCP 47 tag of the language.
    pub tag: &'static str,
    /// `aria-roledescription` of the carousel.
    pub carousel: &'static str,
    /// `aria-roledescription` of one slide.
    pub slide: &'static str,
    /// The widget's accessible name in each view (must not repeat `carousel`).
    pub name_residents: &'static str,
    pub name_colleagues: &'static str,
    pub name_all: &'static str,
    /// "N of M" between the number and the total.
    pub of: &'static str,
    /// The visible word on the rotation button while rotating, and the rest
    /// of its accessible name ("Stopp" + " automatisk visning").
    pub stop: &'static str,
    pub stop_rest: &'static str,
    /// The same while stopped.
    pub start: &'static str,
    pub start_rest: &'static str,
    /// Names of the previous/next buttons.
    pub previous: &'static str,
    pub next: &'static str,
    /// The button that switches from the carousel to the list of all stories.
    pub show_all: &'static str,
    /// The button that switches back to one story at a time.
    pub show_one: &'static str,
    /// Shown while the feed loads.
    pub loading: &'static str,
    /// Shown when the view has no stories.
    pub empty: &'static str,
    /// Shown when the feed cannot be loaded or read.
    pub error: &'static str,
    /// Before the storyteller's name: "Fortalt av" Anne Li, helsesjukepleiar.
    pub told_by: &'static str,
    /// Whose story it is when the feed gives no name: a resident's, an
    /// employee's.
    pub resident_tells: &'static str,
    pub employee_tells: &'static str,
    /// The kind of storyteller after a name: "(innbyggjar)", "(tilsett)".
    pub resident: &'static str,
    pub employee: &'static str,
    /// Month names for dates, January first.
    pub months: [&'static str; 12],
    /// Whether dates read "14. mars 2026" (true) or "14 March 2026".
    pub day_with_period: bool,
}

impl Strings {
    /// The widget's accessible name for a view.
    pub fn name(&self, view: View) -> &'static str {
        match view {
            View::Residents => self.name_residents,
            View::Colleagues => self.name_colleagues,
            View::All => self.name_all,
        }
    }

    /// "3 av 12": the position of a slide, 1-based.
    pub fn position(&self, number: usize, total: usize) -> String {
        format!("{number} {} {total}", self.of)
    }

    /// "3–5 av 12": the positions of the slides shown side by side.
    pub fn positions(&self, first: usize, last: usize, total: usize) -> String {
        if first == last {
            self.position(first, total)
        } else {
            format!("{first}–{last} {} {total}", self.of)
        }
    }

    /// Who tells a story, as its byline says: "Fortalt av Anne Li,
    /// helsesjukepleiar (tilsett)", "Ein innbyggjar fortel", or `None` when
    /// the feed says neither who nor what kind of person.
    pub fn byline(&self, kind: Option<Storyteller>, name: Option<&str>) -> Option<String> {
        let kind_word = kind.map(|kind| match kind {
            Storyteller::Resident => self.resident,
            Storyteller::Employee => self.employee,
        });
        match (name, kind_word) {
            (Some(name), Some(word)) => Some(format!("{} {name} ({word})", self.told_by)),
            (Some(name), None) => Some(format!("{} {name}", self.told_by)),
            (None, Some(_)) => kind.map(|kind| {
                match kind {
                    Storyteller::Resident => self.resident_tells,
                    Storyteller::Employee => self.employee_tells,
                }
                .to_owned()
            }),
            (None, None) => None,
        }
    }

    /// A date as people write it in this language.
    pub fn date(&self, date: Date) -> String {
        let month = self.months[usize::from(date.month) - 1];
        let period = if self.day_with_period { "." } else { "" };
        format!("{}{period} {month} {}", date.day, date.year)
    }
}

const NORWEGIAN_MONTHS: [&str; 12] = [
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

/// Norwegian bokmål.
pub static NB: Strings = Strings {
    tag: "nb",
    carousel: "karusell",
    slide: "lysbilde",
    name_residents: "Historier for innbyggere",
    name_colleagues: "Historier for ansatte",
    name_all: "Historier",
    of: "av",
    stop: "Stopp",
    stop_rest: " automatisk visning",
    start: "Start",
    start_rest: " automatisk visning",
    previous: "Forrige historie",
    next: "Neste historie",
    show_all: "Vis alle historier",
    show_one: "Vis én historie om gangen",
    loading: "Henter historier …",
    empty: "Ingen historier å vise akkurat nå.",
    error: "Historiene kunne ikke lastes. Prøv igjen senere.",
    told_by: "Fortalt av",
    resident_tells: "En innbygger forteller",
    employee_tells: "En ansatt forteller",
    resident: "innbygger",
    employee: "ansatt",
    months: NORWEGIAN_MONTHS,
    day_with_period: true,
};

/// Norwegian nynorsk.
pub static NN: Strings = Strings {
    tag: "nn",
    carousel: "karusell",
    slide: "lysbilete",
    name_residents: "Historier for innbyggjarar",
    name_colleagues: "Historier for tilsette",
    name_all: "Historier",
    of: "av",
    stop: "Stopp",
    stop_rest: " automatisk vising",
    start: "Start",
    start_rest: " automatisk vising",
    previous: "Førre historie",
    next: "Neste historie",
    show_all: "Vis alle historier",
    show_one: "Vis éi historie om gongen",
    loading: "Hentar historier …",
    empty: "Ingen historier å vise akkurat no.",
    error: "Historiene kunne ikkje lastast. Prøv igjen seinare.",
    told_by: "Fortalt av",
    resident_tells: "Ein innbyggjar fortel",
    employee_tells: "Ein tilsett fortel",
    resident: "innbyggjar",
    employee: "tilsett",
    months: NORWEGIAN_MONTHS,
    day_with_period: true,
};

/// English.
pub static EN: Strings = Strings {
    tag: "en",
    carousel: "carousel",
    slide: "slide",
    name_residents: "Stories for residents",
    name_colleagues: "Stories for employees",
    name_all: "Stories",
    of: "of",
    stop: "Stop",
    stop_rest: " automatic slide show",
    start: "Start",
    start_rest: " automatic slide show",
    previous: "Previous story",
    next: "Next story",
    show_all: "Show all stories",
    show_one: "Show one story at a time",
    loading: "Loading stories …",
    empty: "No stories to show right now.",
    error: "The stories could not be loaded. Please try again later.",
    told_by: "Told by",
    resident_tells: "A resident tells",
    employee_tells: "An employee tells",
    resident: "resident",
    employee: "employee",
    months: [
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
    ],
    day_with_period: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    #[test]
    fn tags_map_to_languages_by_primary_subtag() {
        assert_eq!(Lang::from_tag("nn-NO"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("NB_no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("se"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn every_table_is_complete() {
        for lang in ALL {
            let s = lang.strings();
            let texts = [
                s.tag,
                s.carousel,
                s.slide,
                s.name_residents,
                s.name_colleagues,
                s.name_all,
                s.of,
                s.stop,
                s.stop_rest,
                s.start,
                s.start_rest,
                s.previous,
                s.next,
                s.show_all,
                s.show_one,
                s.loading,
                s.empty,
                s.error,
                s.told_by,
                s.resident_tells,
                s.employee_tells,
                s.resident,
                s.employee,
            ];
            assert!(texts.iter().all(|t| !t.trim().is_empty()), "{lang:?} has an empty string");
            assert!(s.months.iter().all(|m| !m.is_empty()));
            assert_eq!(Lang::from_tag(s.tag), Some(lang));
        }
    }

    #[test]
    fn the_name_never_repeats_the_role_description() {
        for lang in ALL {
            let s = lang.strings();
            for view in [View::Residents, View::Colleagues, View::All] {
                assert!(!s.name(view).to_lowercase().contains(s.carousel), "{lang:?} {view}");
            }
        }
    }

    #[test]
    fn rotation_labels_state_the_action() {
        assert_eq!(format!("{}{}", NB.stop, NB.stop_rest), "Stopp automatisk visning");
        assert_eq!(format!("{}{}", NB.start, NB.start_rest), "Start automatisk visning");
        assert_eq!(format!("{}{}", NN.stop, NN.stop_rest), "Stopp automatisk vising");
        assert_eq!(format!("{}{}", EN.start, EN.start_rest), "Start automatic slide show");
    }

    #[test]
    fn positions_and_dates_read_naturally() {
        assert_eq!(NN.position(3, 12), "3 av 12");
        assert_eq!(EN.position(1, 2), "1 of 2");
        assert_eq!(NB.positions(3, 5, 12), "3–5 av 12");
        assert_eq!(EN.positions(4, 4, 12), "4 of 12");
        let date = Date { year: 2026, month: 3, day: 4 };
        assert_eq!(NB.date(date), "4. mars 2026");
        assert_eq!(NN.date(date), "4. mars 2026");
        assert_eq!(EN.date(date), "4 March 2026");
    }

    #[test]
    fn the_byline_says_who_tells_and_what_kind_of_person() {
        let name = Some("Anne Li, helsesjukepleiar");
        assert_eq!(
            NN.byline(Some(Storyteller::Employee), name).as_deref(),
            Some("Fortalt av Anne Li, helsesjukepleiar (tilsett)")
        );
        assert_eq!(NB.byline(None, name).as_deref(), Some("Fortalt av Anne Li, helsesjukepleiar"));
        assert_eq!(NN.byline(Some(Storyteller::Resident), None).as_deref(), Some("Ein innbyggjar fortel"));
        assert_eq!(EN.byline(Some(Storyteller::Employee), None).as_deref(), Some("An employee tells"));
        assert_eq!(EN.byline(None, None), None);
    }

    #[test]
    fn stories_in_another_language_are_marked() {
        assert!(!Lang::Nn.differs_from("nn-NO"));
        assert!(Lang::Nn.differs_from("nb"));
        assert!(Lang::En.differs_from("se"));
    }
}
