//! Keeping the carousel the same height on every slide.
//!
//! Only the shown slide is in the DOM, so the slide area cannot simply be as
//! tall as its tallest slide. Instead the carousel stacks, invisibly in the
//! same grid cell, copies of the few stories whose text is longest: the area
//! is then as tall as the tallest of those, and changing slides never moves
//! the page below (accessibility checklist M1). Text length is a good stand-in for
//! height because every slide has the same width and styles.

use story_feed::Story;

/// How many of the longest stories size the carousel.
pub const SIZER_COUNT: usize = 3;

/// The stories most likely to be the tallest, longest first: headings count
/// more per character (larger, bold type), a date and a byline add a line.
pub fn longest_stories(stories: &[Story], count: usize) -> Vec<&Story> {
    let weight = |s: &Story| {
        s.title.chars().count() * 8 / 5
            + s.summary.chars().count()
            + if s.published.is_some() { 40 } else { 0 }
            + if s.storyteller.is_some() || s.storyteller_name.is_some() { 40 } else { 0 }
            + s.storyteller_name.as_deref().map_or(0, |name| name.chars().count())
    };
    // The heaviest `count`, kept in order while walking the stories once:
    // linear in the feed, and no sort (a general sort costs the wasm ~3 KB).
    // Among equals, the earlier story wins.
    let mut heaviest: Vec<(usize, &Story)> = Vec::with_capacity(count + 1);
    for story in stories {
        let w = weight(story);
        let at = heaviest.iter().position(|&(other, _)| w > other).unwrap_or(heaviest.len());
        if at < count {
            heaviest.insert(at, (w, story));
            heaviest.truncate(count);
        }
    }
    heaviest.into_iter().map(|(_, story)| story).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_feed::Audience;

    fn story(id: &str, title: &str, summary: &str) -> Story {
        Story {
            id: id.into(),
            title: title.into(),
            title_from_text: false,
            summary: summary.into(),
            url: None,
            image: None,
            published: None,
            authors: vec![],
            tags: vec![],
            language: None,
            audience: Audience::All,
            expires: None,
            storyteller: None,
            storyteller_name: None,
        }
    }

    #[test]
    fn picks_the_longest_texts_with_titles_weighing_more() {
        let stories = [
            story("short", "Kort", "Kort."),
            story("long-summary", "Tittel", &"ord ".repeat(50)),
            story("long-title", &"Lang tittel ".repeat(10), "Kort."),
            story("medium", "Tittel", &"ord ".repeat(20)),
        ];
        let ids: Vec<_> = longest_stories(&stories, 2).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["long-summary", "long-title"]);
    }

    #[test]
    fn ties_go_to_the_earlier_story_and_order_is_by_weight() {
        let stories = [
            story("a", "Tittel", "ord ord"),
            story("b", "Tittel", &"ord ".repeat(30)),
            story("c", "Tittel", "ord ord"),
            story("d", "Tittel", &"ord ".repeat(10)),
            story("e", "Tittel", "ord ord"),
        ];
        let ids: Vec<_> = longest_stories(&stories, 4).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "d", "a", "c"]);
    }

    #[test]
    fn fewer_stories_than_asked_gives_them_all() {
        let stories = [story("a", "A", "")];
        assert_eq!(longest_stories(&stories, SIZER_COUNT).len(), 1);
        assert!(longest_stories(&[], SIZER_COUNT).is_empty());
    }
}
