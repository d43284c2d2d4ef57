//! Narrowing a view further, by tags and by who tells the story.
//!
//! `tags="helse,skule"` keeps stories with at least one of those tags;
//! `storyteller="resident"` keeps stories whose `_saman.storyteller` is
//! `resident`. Both compare without regard to case (see [`fold_case`]); an
//! empty filter keeps everything.

use crate::feed::Story;
use crate::text::fold_case;

/// A filter from an embed's `tags` and `storyteller` attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryFilter {
    /// Case-folded tags; a story needs one of them. Empty: any story.
    pub tags: Vec<String>,
    /// Case-folded storyteller (`resident`, `employee`, …). None: anyone.
    pub storyteller: Option<String>,
}

impl StoryFilter {
    /// Reads the attributes: `tags` is a comma-separated list.
    pub fn parse(tags: Option<&str>, storyteller: Option<&str>) -> StoryFilter {
        StoryFilter {
            tags: tags
                .unwrap_or_default()
                .split(',')
                .map(|t| fold_case(t.trim()))
                .filter(|t| !t.is_empty())
                .collect(),
            storyteller: storyteller.map(|s| fold_case(s.trim())).filter(|s| !s.is_empty()),
        }
    }

    /// Whether `story` passes the filter.
    pub fn matches(&self, story: &Story) -> bool {
        let tag_ok = self.tags.is_empty() || story.tags.iter().any(|t| self.tags.contains(&fold_case(t)));
        let teller_ok = match &self.storyteller {
            None => true,
            Some(wanted) => story.storyteller.as_deref().is_some_and(|s| fold_case(s) == *wanted),
        };
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
            {"id": "2", "title": "B", "tags": ["skule"], "_saman": {"storyteller": "Employee"}},
            {"id": "3", "title": "C"}
        ]}"#;
        Feed::parse(json, "https://k.example/f.json").unwrap().stories
    }

    fn ids(filter: &StoryFilter) -> Vec<String> {
        stories().into_iter().filter(|s| filter.matches(s)).map(|s| s.id).collect()
    }

    #[test]
    fn an_empty_filter_keeps_everything() {
        let filter = StoryFilter::parse(None, Some("  "));
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
    fn storyteller_keeps_only_stories_told_by_them() {
        assert_eq!(ids(&StoryFilter::parse(None, Some("employee"))), ["2"]);
        assert_eq!(ids(&StoryFilter::parse(Some("helse"), Some("resident"))), ["1"]);
        assert!(ids(&StoryFilter::parse(Some("skule"), Some("resident"))).is_empty());
    }
}
