//! The newsletter channel: the newest stories of one view as a section to
//! paste into a newsletter tool.
//!
//! The stories serve three channels — the public website, the intranet and
//! the newsletter that goes out to residents and employees. A digest is the
//! third: [`selection`] picks the stories (by view first, so the audience
//! rule is the widget's), [`DigestContent`] holds what the section says, and
//! it is written twice, as email-safe HTML ([`email_html`]) and as its
//! plain-text twin ([`plain_text`]), in nynorsk, bokmål or English
//! ([`language`]).
//!
//! A digest holds no time of its own (no "made on …"): the same feed, view,
//! limit and day give the same bytes.

pub mod email_html;
pub mod language;
pub mod plain_text;
pub mod selection;

use story_feed::Story;

use language::Language;

/// One story as a digest shows it: plain text and `http(s)` URLs only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestStory {
    /// The heading.
    pub title: String,
    /// The publication date, written out in the digest's language.
    pub date: Option<String>,
    /// The slide text; may be empty.
    pub summary: String,
    /// Where "read the whole story" leads, if anywhere.
    pub link: Option<String>,
    /// The picture and its alt text (empty: decorative).
    pub picture: Option<(String, String)>,
    /// The story's language when it is not the digest's (a bokmål story in a
    /// nynorsk digest), so screen readers pronounce it right.
    pub language: Option<String>,
}

/// What a digest section says, before it is written as HTML or text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigestContent {
    /// The language of the digest's own words.
    pub language: Language,
    /// The section's heading: the feed's title.
    pub heading: String,
    /// The stories, newest first.
    pub stories: Vec<DigestStory>,
}

impl DigestContent {
    /// The content for `stories` (already selected), headed by the feed's
    /// title. `read_more` replaces every story's own address as the target
    /// of its links (a newsletter may point to one page with all stories).
    pub fn new(
        feed_title: Option<&str>,
        language: Language,
        stories: &[Story],
        read_more: Option<&str>,
    ) -> DigestContent {
        DigestContent {
            language,
            heading: feed_title
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .unwrap_or(language.default_heading())
                .to_owned(),
            stories: stories
                .iter()
                .map(|story| DigestStory {
                    title: story.title.clone(),
                    date: story.published.map(|day| language.date(day)),
                    summary: story.summary.clone(),
                    link: read_more.map(str::to_owned).or_else(|| story.url.clone()),
                    picture: story.image.as_ref().map(|image| (image.src.clone(), image.alt.clone())),
                    language: story.language.clone().filter(|tag| Language::from_tag(tag) != Some(language)),
                })
                .collect(),
        }
    }
}
