//! The feed report: what `saman-feed check` says about a feed, arranged for
//! the page.
//!
//! [`FeedReport::new`] runs `story_feed::check_feed` — the very check the
//! command-line tool runs — and adds what a webmaster choosing settings
//! wants to see: how many stories each view shows today, which story each
//! problem is about, the stories whose picture has no alt text, the expired
//! stories, and the origins of the pictures (for the page's CSP). Problems
//! are sorted out by where they are (their JSON path), never by the text of
//! their message.

use std::sync::Arc;

use crate::i18n::{counted, fill, Lang};
use story_feed::{
    check_feed, CheckOptions, Date, Feed, Segment, Selection, Severity, Story, StoryFilter, Storyteller, View,
};

/// Where a feed with no address of its own resolves its relative links, as
/// `check_feed` does.
const UNKNOWN_FEED_URL: &str = "https://feed.invalid/";

/// What a problem is about, for the report's own lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A story's picture has no alt text (`_saman.image_alt`).
    MissingImageText,
    /// A story has expired (`_saman.expires` before today).
    Expired,
    /// Anything else.
    Other,
}

/// One problem of the feed, as `saman-feed check` prints it, with its story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedProblem {
    /// How bad it is.
    pub severity: Severity,
    /// The 1-based line in the feed.
    pub line: Option<usize>,
    /// The JSON path, e.g. `$.items[3].image`.
    pub path: String,
    /// What is wrong, in English, exactly as the command-line tool says it.
    pub message: String,
    /// The item it is about, from 0, if any.
    pub item: Option<usize>,
    /// That item's story title (or id, for an item the widget skips).
    pub story: Option<String>,
    /// What it is about.
    pub kind: ProblemKind,
}

/// The report of one feed.
#[derive(Clone, Debug)]
pub struct FeedReport {
    /// The address or file name the feed came from.
    pub source: String,
    /// How many items the feed has.
    pub items: usize,
    /// How many of them the widget shows as stories (in some view).
    pub stories: usize,
    /// Every problem, ordered by line.
    pub problems: Vec<ReportedProblem>,
    /// The stories the widget reads, for counts per view and filter.
    model: Arc<[Story]>,
    /// The day the report was made for.
    today: Date,
    /// The origins of the stories' pictures, each once, in feed order.
    pub image_origins: Vec<String>,
}

impl FeedReport {
    /// Checks `json`, which came from `source` (`feed_url` when it came
    /// from an address; `None` for a file), as of `today`.
    pub fn new(json: &str, source: &str, feed_url: Option<&str>, today: Date) -> FeedReport {
        let check = check_feed(json, &CheckOptions { feed_url, today: Some(today) });
        let feed = Feed::parse(json, feed_url.unwrap_or(UNKNOWN_FEED_URL)).ok();
        let titles = feed.as_ref().map(|feed| item_titles(feed, check.items)).unwrap_or_default();
        let problems = check
            .problems
            .into_iter()
            .map(|problem| {
                let segments = problem.path.segments();
                let item = match segments {
                    [Segment::Key(items), Segment::Index(index), ..] if items == "items" => Some(*index),
                    _ => None,
                };
                let field: Vec<&str> = segments
                    .iter()
                    .skip(2)
                    .map(|segment| match segment {
                        Segment::Key(key) => key.as_str(),
                        Segment::Index(_) => "[]",
                    })
                    .collect();
                let kind = match (item, field.as_slice(), problem.severity) {
                    (Some(_), ["_saman", "image_alt"], Severity::Warning) => ProblemKind::MissingImageText,
                    (Some(_), ["_saman", "expires"], Severity::Warning) => ProblemKind::Expired,
                    _ => ProblemKind::Other,
                };
                ReportedProblem {
                    severity: problem.severity,
                    line: problem.line,
                    path: problem.path.to_string(),
                    message: problem.message,
                    item,
                    story: item.and_then(|index| titles.get(index).cloned().flatten()),
                    kind,
                }
            })
            .collect();
        let model: Arc<[Story]> = feed.map(|feed| feed.stories.into()).unwrap_or_else(|| Arc::from([]));
        let mut image_origins: Vec<String> = Vec::new();
        for story in model.iter() {
            if let Some(image) = &story.image {
                let origin = embed_snippet::origin(&image.src);
                if !image_origins.contains(&origin) {
                    image_origins.push(origin);
                }
            }
        }
        FeedReport {
            source: source.to_owned(),
            items: check.items,
            stories: check.stories,
            problems,
            model,
            today,
            image_origins,
        }
    }

    /// How many problems have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }

    /// How many items the widget skips.
    pub fn skipped(&self) -> usize {
        self.items - self.stories.min(self.items)
    }

    /// How many stories an embed shows today with this view and filter.
    pub fn shown(&self, view: View, tags: &str, storyteller: Option<Storyteller>) -> usize {
        let selection = Selection {
            view,
            filter: StoryFilter::parse(Some(tags).filter(|t| !t.trim().is_empty()), storyteller),
            today: Some(self.today),
        };
        self.model.iter().filter(|story| selection.shows(story)).count()
    }

    /// The report's first line, as `saman-feed check` ends its output
    /// ("4 items, 1 skipped by the widget, 2 errors, 3 warnings"), in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let strings = lang.strings();
        let stories = match self.skipped() {
            0 => counted(self.items, strings.story_word),
            skipped => fill(
                strings.items_skipped,
                &[("items", &counted(self.items, strings.item_word)), ("skipped", &skipped.to_string())],
            ),
        };
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        if errors + warnings == 0 {
            fill(strings.summary_clean, &[("stories", &stories)])
        } else {
            fill(
                strings.summary_problems,
                &[
                    ("stories", &stories),
                    ("errors", &counted(errors, strings.error_word)),
                    ("warnings", &counted(warnings, strings.warning_word)),
                ],
            )
        }
    }

    /// The problems of one kind.
    pub fn of_kind(&self, kind: ProblemKind) -> impl Iterator<Item = &ReportedProblem> {
        self.problems.iter().filter(move |p| p.kind == kind)
    }
}

/// The title of each item's story, by index; for an item the widget skips,
/// its id (when it has one). The model keeps its stories in feed order, so
/// the items that were not skipped are its stories, one for one.
fn item_titles(feed: &Feed, items: usize) -> Vec<Option<String>> {
    let mut skipped = feed.skipped.iter().peekable();
    let mut stories = feed.stories.iter();
    (0..items)
        .map(|index| match skipped.next_if(|s| s.index == index) {
            Some(skipped) => skipped.id.clone(),
            None => stories.next().map(|story| story.title.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_feed::JSON_FEED_VERSION;

    const TODAY: Date = Date { year: 2026, month: 11, day: 28 };

    fn feed(items: &[&str]) -> String {
        format!(
            "{{\n\"version\": \"{JSON_FEED_VERSION}\",\n\"title\": \"Historier\",\n\"items\": [\n{}\n]\n}}\n",
            items.join(",\n")
        )
    }

    const GOOD: &str = r#"{"id": "a", "title": "Ny leikeplass", "content_text": "Tekst", "image": "https://bilete.example/a.png", "_saman": {"audience": "residents", "image_alt": "Born på huska"}}"#;
    const NO_ALT: &str = r#"{"id": "b", "title": "Utan bilettekst", "content_text": "Tekst", "image": "b.png", "tags": ["helse"], "_saman": {"audience": "colleagues"}}"#;
    const EXPIRED: &str = r#"{"id": "c", "title": "Gammal nyheit", "content_text": "Tekst", "_saman": {"audience": "all", "expires": "2026-11-01"}}"#;
    const SKIPPED: &str =
        r#"{"id": "d", "title": "Skriveleif", "content_text": "Tekst", "_saman": {"audience": "colegues"}}"#;

    #[test]
    fn the_report_is_the_checks_with_their_stories() {
        let json = feed(&[GOOD, NO_ALT, EXPIRED, SKIPPED]);
        let report =
            FeedReport::new(&json, "https://k.example/f.json", Some("https://k.example/f.json"), TODAY);
        let cli = check_feed(
            &json,
            &CheckOptions { feed_url: Some("https://k.example/f.json"), today: Some(TODAY) },
        );
        // Exactly what saman-feed check finds: the same problems, lines and counts.
        assert_eq!(report.items, cli.items);
        assert_eq!(report.stories, cli.stories);
        assert_eq!(
            report
                .problems
                .iter()
                .map(|p| (p.severity, p.line, p.path.clone(), p.message.clone()))
                .collect::<Vec<_>>(),
            cli.problems
                .iter()
                .map(|p| (p.severity, p.line, p.path.to_string(), p.message.clone()))
                .collect::<Vec<_>>()
        );
        assert_eq!((report.items, report.stories, report.skipped()), (4, 3, 1));
        let about =
            |kind| report.of_kind(kind).map(|p| p.story.clone().unwrap_or_default()).collect::<Vec<_>>();
        assert_eq!(about(ProblemKind::MissingImageText), vec!["Utan bilettekst"]);
        assert_eq!(about(ProblemKind::Expired), vec!["Gammal nyheit"]);
        let skipped = report.problems.iter().find(|p| p.path == "$.items[3]._saman.audience").unwrap();
        assert_eq!(
            (skipped.item, skipped.story.as_deref(), skipped.kind),
            (Some(3), Some("d"), ProblemKind::Other)
        );
    }

    #[test]
    fn the_summary_reads_like_the_command_line_tools() {
        let report = FeedReport::new(&feed(&[GOOD, NO_ALT, EXPIRED, SKIPPED]), "f.json", None, TODAY);
        // The unknown audience is an error; the missing alt text and the
        // expired story are warnings.
        assert_eq!(report.summary(Lang::En), "4 items, 1 skipped by the widget, 1 error, 2 warnings.");
        assert_eq!(report.summary(Lang::Nn), "4 element, 1 hoppar widgeten over, 1 feil, 2 åtvaringar.");
        let clean = FeedReport::new(&feed(&[GOOD]), "f.json", None, TODAY);
        assert_eq!(clean.summary(Lang::En), "1 story, no problems.");
        assert_eq!(clean.summary(Lang::Nb), "1 historie, ingen problemer.");
    }

    #[test]
    fn views_and_filters_count_todays_stories() {
        let report = FeedReport::new(&feed(&[GOOD, NO_ALT, EXPIRED, SKIPPED]), "f.json", None, TODAY);
        // The expired story is not shown in any view.
        assert_eq!(report.shown(View::Residents, "", None), 1);
        assert_eq!(report.shown(View::Colleagues, "", None), 1);
        assert_eq!(report.shown(View::All, "", None), 2);
        assert_eq!(report.shown(View::All, "Helse", None), 1);
        assert_eq!(report.shown(View::All, "", Some(Storyteller::Employee)), 0);
    }

    #[test]
    fn picture_origins_are_collected_once() {
        let report = FeedReport::new(
            &feed(&[GOOD, NO_ALT, GOOD.replace("\"a\"", "\"e\"").as_str()]),
            "x",
            Some("https://k.example/f.json"),
            TODAY,
        );
        assert_eq!(report.image_origins, vec!["https://bilete.example", "https://k.example"]);
    }

    #[test]
    fn a_document_that_is_no_feed_is_a_report_with_its_error() {
        let report = FeedReport::new("{\"items\": [1,", "x", None, TODAY);
        assert_eq!((report.items, report.stories), (0, 0));
        assert_eq!(report.count(Severity::Error), 1);
        assert_eq!(report.problems[0].line, Some(1));
        assert_eq!(report.shown(View::All, "", None), 0);
        let not_a_feed = FeedReport::new("[]", "x", None, TODAY);
        assert_eq!(not_a_feed.count(Severity::Error), 1);
    }
}
