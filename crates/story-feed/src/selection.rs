//! Which stories an embed shows: the one place that decides.
//!
//! A story is shown when the embed's [`View`] shows its audience, it has
//! not expired, and it passes the embed's [`StoryFilter`] (tags, kind of
//! storyteller). The widget and the editors' tool both select here, so a
//! story cannot appear in one and not the other; what is not returned can
//! never reach the screen.

use crate::audience::View;
use crate::date::Date;
use crate::feed::{Feed, Story};
use crate::filter::StoryFilter;

/// What an embed asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The audience view (`audience="…"`).
    pub view: View,
    /// The `tags` and `storyteller` attributes.
    pub filter: StoryFilter,
    /// Today's date, to leave out expired stories; `None` keeps them.
    pub today: Option<Date>,
}

impl Selection {
    /// Whether `story` is shown.
    pub fn shows(&self, story: &Story) -> bool {
        self.view.shows(story.audience)
            && !self.today.is_some_and(|today| story.is_expired_on(today))
            && self.filter.matches(story)
    }
}

impl Feed {
    /// The stories of one view, in feed order, with every other story
    /// dropped.
    pub fn into_view(self, view: View) -> Vec<Story> {
        self.select(&Selection { view, ..Selection::default() })
    }

    /// The stories `selection` shows, in feed order, with every other story
    /// dropped.
    pub fn select(self, selection: &Selection) -> Vec<Story> {
        self.stories.into_iter().filter(|story| selection.shows(story)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storyteller::Storyteller;

    const TODAY: Date = Date { year: 2026, month: 11, day: 28 };

    fn feed() -> Feed {
        let json = r#"{"items": [
            {"id": "r", "title": "R", "tags": ["Helse"], "_saman": {"audience": "residents", "storyteller": "resident"}},
            {"id": "c", "title": "C", "tags": ["helse"], "_saman": {"audience": "colleagues", "storyteller": "employee"}},
            {"id": "a", "title": "A", "_saman": {"audience": "all", "storyteller": "Employee", "expires": "2026-11-28"}},
            {"id": "old", "title": "Old", "tags": ["helse"], "_saman": {"expires": "2026-11-27"}}
        ]}"#;
        Feed::parse(json, "https://k.example/f.json").unwrap()
    }

    fn ids(selection: &Selection) -> Vec<String> {
        feed().select(selection).into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn the_view_decides_by_audience() {
        let of = |view| ids(&Selection { view, ..Selection::default() });
        assert_eq!(of(View::Residents), ["r", "a", "old"]);
        assert_eq!(of(View::Colleagues), ["c", "a", "old"]);
        assert_eq!(of(View::All), ["r", "c", "a", "old"]);
        assert_eq!(feed().into_view(View::Colleagues).len(), 3);
    }

    #[test]
    fn expired_stories_go_after_their_last_day_only_when_today_is_known() {
        let today = |today| ids(&Selection { view: View::All, today, ..Selection::default() });
        assert_eq!(today(Some(TODAY)), ["r", "c", "a"]);
        assert_eq!(today(Some(Date { day: 29, ..TODAY })), ["r", "c"]);
        assert_eq!(today(None), ["r", "c", "a", "old"]);
    }

    #[test]
    fn filters_narrow_the_view_and_everything_combines() {
        let employees = StoryFilter::parse(None, Some(Storyteller::Employee));
        let selection = Selection { view: View::All, filter: employees, today: None };
        assert_eq!(ids(&selection), ["c", "a"]);
        let helse = StoryFilter::parse(Some("HELSE"), None);
        let selection = Selection { view: View::Residents, filter: helse, today: Some(TODAY) };
        assert_eq!(ids(&selection), ["r"]);
    }
}
