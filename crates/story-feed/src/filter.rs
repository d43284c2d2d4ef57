//! Narrowing a view further, by tags and by the kind of storyteller.
//!
//! `tags="helse,skule"` keeps stories with at least one of those tags
//! (compared without regard to case, see [`fold_case`]);
//! `storyteller="resident"` keeps stories whose `_saman.storyteller` is
//! that kind ([`Storyteller`]). An empty filter keeps everything.

use crate::feed::Story;
use crate::storyteller::Storyteller;
use crate::text::fold_case;

/// A filter from an embed's `tags` and `storyteller` attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryFilter {
    /// Case-folded tags; a story needs one of them. Empty: any story.
    pub tags: Vec<String>,
    /// The kind of storyteller a story needs. `None`: any story.
    pub storyteller: Option<Storyteller>,
}

impl StoryFilter {
    /// A filter of the comma-separated `tags` and a kind of storyteller (see
    /// [`Storyteller::parse`] for reading the attribute).
    pub fn parse(tags: Option<&str>, storyteller: Option<Storyteller>) -> StoryFilter {
        StoryFilter {
            tags: tags
                .unwrap_or_default()
                .split(',')
                .map(|t| fold_case(t.trim()))
                .filter(|t| !t.is_empty())
                .collect(),
            storyteller,
        }
    }

    /// Whether `story` passes the filter.
    pub fn matches(&self, story: &Story) -> bool {
        let tag_ok = self.tags.is_empty() || story.tags.iter().any(|t| self.tags.contains(&fold_case(t)));
        let teller_ok = self.storyteller.is_none() || story.storyteller == self.storyteller;
        tag_ok && teller_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Feed;

    fn stories() -> Vec<Story> {
        let json = r#"{"items": [
            {"id": "1", "title": "A", "tags": ["Helse", "barn"], "_saman": {"storyteller": "resident"}},
            {"id": "2", "title": "B", "tags": ["skule"], "_saman": {"storyteller": "Employee", "storyteller_name": "Anne Li"}},
            {"id": "3", "title": "C", "_saman": {"storyteller": "Anne Li, helsesjukepleiar"}}
        ]}"#;
        Feed::parse(json, "https://k.example/f.json").unwrap().stories
    }

    fn ids(filter: &StoryFilter) -> Vec<String> {
        stories().into_iter().filter(|s| filter.matches(s)).map(|s| s.id).collect()
    }

    #[test]
    fn an_empty_filter_keeps_everything() {
        let filter = StoryFilter::parse(Some(" , "), None);
        assert_eq!(filter, StoryFilter::default());
        assert_eq!(ids(&filter), ["1", "2", "3"]);
    }

    #[test]
    fn tags_keep_stories_with_any_of_them_ignoring_case() {
        assert_eq!(ids(&StoryFilter::parse(Some("helse, skule ,"), None)), ["1", "2"]);
        assert_eq!(ids(&StoryFilter::parse(Some("BARN"), None)), ["1"]);
        assert!(ids(&StoryFilter::parse(Some("kultur"), None)).is_empty());
    }

    #[test]
    fn storyteller_keeps_only_stories_of_that_kind() {
        assert_eq!(ids(&StoryFilter::parse(None, Some(Storyteller::Employee))), ["2"]);
        assert_eq!(ids(&StoryFilter::parse(Some("helse"), Some(Storyteller::Resident))), ["1"]);
        assert!(ids(&StoryFilter::parse(Some("skule"), Some(Storyteller::Resident))).is_empty());
    }

    #[test]
    fn a_name_in_storyteller_is_no_kind_and_matches_no_kind() {
        let unknown = &stories()[2];
        assert_eq!(unknown.storyteller, None);
        assert!(Storyteller::ALL.iter().all(|&kind| !StoryFilter::parse(None, Some(kind)).matches(unknown)));
    }
}
