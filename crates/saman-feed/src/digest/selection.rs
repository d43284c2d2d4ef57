//! Which stories a digest holds.
//!
//! The view decides first, with the same rule the widget and `build` use
//! ([`Feed::into_view`]): a story outside the view never reaches the
//! digest, so a residents' newsletter cannot carry a colleagues-only story.
//! Then expired stories are dropped, the rest ordered newest first (undated
//! stories last, feed order among equals), and cut by date or count.

use story_feed::{Date, Feed, Story, View};

/// How many of the newest stories a digest takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The newest `n`.
    Count(usize),
    /// Those published on or after this day (undated stories are left out).
    Since(Date),
}

/// The stories of `view` in `feed` that a digest made on `today` holds.
pub fn select_stories(feed: Feed, view: View, today: Date, limit: Limit) -> Vec<Story> {
    let mut stories: Vec<Story> =
        feed.into_view(view).into_iter().filter(|s| !s.is_expired_on(today)).collect();
    // A stable sort: stories of the same day keep the feed's order.
    stories.sort_by_key(|story| std::cmp::Reverse(story.published));
    match limit {
        Limit::Count(count) => stories.truncate(count),
        Limit::Since(first_day) => stories.retain(|s| s.published.is_some_and(|day| day >= first_day)),
    }
    stories
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_feed::Audience;

    const TODAY: Date = Date { year: 2026, month: 11, day: 28 };

    fn feed() -> Feed {
        let json = r#"{"items": [
            {"id": "old", "title": "Gamal", "date_published": "2026-09-01T10:00:00+02:00", "_saman": {"audience": "all"}},
            {"id": "intern", "title": "Intern", "date_published": "2026-11-20T10:00:00+01:00", "_saman": {"audience": "colleagues"}},
            {"id": "undated", "title": "Udatert", "_saman": {"audience": "residents"}},
            {"id": "new", "title": "Ny", "date_published": "2026-11-10T10:00:00+01:00", "_saman": {"audience": "residents"}},
            {"id": "same-day", "title": "Same dag", "date_published": "2026-11-10T08:00:00+01:00", "_saman": {"audience": "all"}},
            {"id": "expired", "title": "Gått ut", "date_published": "2026-11-25T10:00:00+01:00", "_saman": {"audience": "all", "expires": "2026-11-27"}}
        ]}"#;
        Feed::parse(json, "https://k.example/all.json").unwrap()
    }

    fn ids(stories: &[Story]) -> Vec<&str> {
        stories.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn newest_first_undated_last_expired_and_other_views_left_out() {
        let residents = select_stories(feed(), View::Residents, TODAY, Limit::Count(10));
        assert_eq!(ids(&residents), ["new", "same-day", "old", "undated"]);
        assert!(residents.iter().all(|s| s.audience != Audience::Colleagues));
        let colleagues = select_stories(feed(), View::Colleagues, TODAY, Limit::Count(10));
        assert_eq!(ids(&colleagues), ["intern", "same-day", "old"]);
    }

    #[test]
    fn count_takes_the_newest_and_since_the_recent() {
        assert_eq!(ids(&select_stories(feed(), View::All, TODAY, Limit::Count(2))), ["intern", "new"]);
        let since = Limit::Since(Date { year: 2026, month: 11, day: 10 });
        assert_eq!(ids(&select_stories(feed(), View::All, TODAY, since)), ["intern", "new", "same-day"]);
        assert!(select_stories(feed(), View::All, TODAY, Limit::Count(0)).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn no_story_outside_the_view_or_expired_is_ever_selected(
            items in proptest::collection::vec((0usize..3, proptest::option::of(1u8..=28), proptest::option::of(1u8..=28)), 0..30),
            view in 0usize..3,
            count in 0usize..40,
        ) {
            let audiences = ["residents", "colleagues", "all"];
            let json_items: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, (audience, published, expires))| {
                    let date = published.map(|d| format!(r#""date_published": "2026-11-{d:02}","#)).unwrap_or_default();
                    let last = expires.map(|d| format!(r#","expires": "2026-11-{d:02}""#)).unwrap_or_default();
                    format!(r#"{{"id": "{i}", "title": "T", {date} "_saman": {{"audience": "{}"{last}}}}}"#, audiences[*audience])
                })
                .collect();
            let feed = Feed::parse(&format!(r#"{{"items": [{}]}}"#, json_items.join(",")), "https://k.example/f.json").unwrap();
            let view = [View::Residents, View::Colleagues, View::All][view];
            let today = Date { year: 2026, month: 11, day: 14 };
            let selected = select_stories(feed, view, today, Limit::Count(count));
            proptest::prop_assert!(selected.len() <= count);
            for story in &selected {
                proptest::prop_assert!(view.shows(story.audience));
                proptest::prop_assert!(!story.is_expired_on(today));
            }
            proptest::prop_assert!(selected.windows(2).all(|w| w[0].published >= w[1].published));
        }
    }

    #[test]
    fn the_day_decides_what_has_expired() {
        let day_before = Date { year: 2026, month: 11, day: 27 };
        let on_last_day = select_stories(feed(), View::All, day_before, Limit::Count(1));
        assert_eq!(ids(&on_last_day), ["expired"]);
    }
}
