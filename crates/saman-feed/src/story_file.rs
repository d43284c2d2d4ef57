//! One story file: front matter plus a Markdown body, read into a [`StoryFile`].
//!
//! Every field is checked here, and every mistake in a file is reported at
//! once with its line, so an editor fixes a file in one go. Audience is the
//! one field that is never defaulted: who may see a story is the editor's
//! choice, and a forgotten line must not publish an intranet story.

use std::fmt;

use story_feed::{
    is_language_tag, is_rfc3339, resolve_http_url, text::collapse_whitespace, Audience, Date, Storyteller,
    NAME_MAX_CHARS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS,
};

use crate::clock::parse_date_argument;
use crate::front_matter::{parse_front_matter, Field, FrontValue};

/// The fields a story may have, in the order the editors' guide lists them.
pub const STORY_FIELDS: [&str; 14] = [
    "title",
    "summary",
    "audience",
    "storyteller",
    "storyteller_name",
    "image",
    "image_alt",
    "date",
    "tags",
    "author",
    "language",
    "pinned",
    "expires",
    "url",
];

/// A story as its editor wrote it, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryFile {
    /// The file name without `.md`.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The slide text.
    pub summary: Option<String>,
    /// Who may see the story.
    pub audience: Audience,
    /// The kind of person whose story it is: a resident or an employee.
    pub storyteller: Option<Storyteller>,
    /// That person's published name and role ("Anne Li, helsesjukepleiar").
    pub storyteller_name: Option<String>,
    /// The picture, as written: an `https:` URL or a path relative to the feed.
    pub image: Option<String>,
    /// The picture's description for readers who cannot see it.
    pub image_alt: Option<String>,
    /// The publication time, RFC 3339.
    pub date: Option<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// The authors' names.
    pub authors: Vec<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Shown before the others.
    pub pinned: bool,
    /// The last day the story is shown.
    pub expires: Option<Date>,
    /// The full story on the web.
    pub url: Option<String>,
    /// The Markdown body.
    pub body: String,
}

impl StoryFile {
    /// The publication date, for sorting.
    pub fn published(&self) -> Option<Date> {
        self.date.as_deref().and_then(Date::parse_rfc3339)
    }
}

/// A remark about a story file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remark {
    /// The 1-based line in the file, when it is about one line.
    pub line: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Remark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A story file that could be read, with what should still be looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadStory {
    /// The story.
    pub story: StoryFile,
    /// Things that do not stop the build but should be fixed.
    pub warnings: Vec<Remark>,
    /// The line of `image:`, for remarks about the picture file.
    pub image_line: Option<usize>,
}

/// Reads the story file `source`, whose id is `id`. `Err` holds every error.
pub fn read_story(id: &str, source: &str) -> Result<ReadStory, Vec<Remark>> {
    let front =
        parse_front_matter(source).map_err(|e| vec![Remark { line: Some(e.line), message: e.message }])?;
    let mut reader = FieldReader { errors: Vec::new(), warnings: Vec::new(), fields: front.fields };
    if id.trim().is_empty() || id.starts_with('.') {
        reader
            .errors
            .push(Remark { line: None, message: format!("{id:?} cannot be a story id: rename the file") });
    }
    reader.reject_unknown_fields();
    let title = reader.text("title");
    let audience = reader.audience();
    let summary = reader.text("summary");
    let story = StoryFile {
        id: id.to_owned(),
        title: title.clone().unwrap_or_default(),
        summary: summary.clone(),
        audience: audience.unwrap_or(Audience::All),
        storyteller: reader.storyteller(),
        storyteller_name: reader.text("storyteller_name"),
        image: reader.text("image"),
        image_alt: reader.text("image_alt"),
        date: reader.date(),
        tags: reader.list("tags"),
        authors: reader.list("author"),
        language: reader.language(),
        pinned: reader.pinned(),
        expires: reader.expires(),
        url: reader.url(),
        body: front.body.to_owned(),
    };
    // A title given as a list was reported already.
    if title.is_none() && !matches!(reader.field("title").map(|f| &f.value), Some(FrontValue::List(_))) {
        reader.errors.push(Remark {
            line: reader.line_of("title").or(Some(1)),
            message: "missing `title:` — every story needs a headline".into(),
        });
    }
    reader.length_warnings(&story);
    if story.image.is_some() && story.image_alt.is_none() {
        let line = reader.line_of("image");
        reader.warnings.push(Remark {
            line,
            message: "the image has no `image_alt:` — describe the picture for readers who cannot see it"
                .into(),
        });
    }
    // Only an audience that was read gets this far: `unwrap_or` above is
    // never published, because a missing audience is an error.
    if reader.errors.is_empty() && audience.is_some() {
        let image_line = reader.line_of("image");
        Ok(ReadStory { story, warnings: reader.warnings, image_line })
    } else {
        let mut errors = reader.errors;
        errors.sort_by_key(|e| e.line.unwrap_or(0));
        Err(errors)
    }
}

struct FieldReader {
    fields: Vec<Field>,
    errors: Vec<Remark>,
    warnings: Vec<Remark>,
}

impl FieldReader {
    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    fn line_of(&self, name: &str) -> Option<usize> {
        self.field(name).map(|f| f.line)
    }

    fn error(&mut self, line: usize, message: String) {
        self.errors.push(Remark { line: Some(line), message });
    }

    fn reject_unknown_fields(&mut self) {
        let unknown: Vec<(usize, String)> = self
            .fields
            .iter()
            .filter(|f| !STORY_FIELDS.contains(&f.name.as_str()))
            .map(|f| (f.line, f.name.clone()))
            .collect();
        for (line, name) in unknown {
            self.error(line, format!("unknown field `{name}`: the fields are {}", STORY_FIELDS.join(", ")));
        }
    }

    /// A single-value field, white space collapsed; `None` when absent or blank.
    fn text(&mut self, name: &str) -> Option<String> {
        let field = self.field(name)?;
        match &field.value {
            FrontValue::Text(text) => Some(collapse_whitespace(text)).filter(|t| !t.is_empty()),
            FrontValue::List(_) => {
                let line = field.line;
                self.error(line, format!("`{name}` is one value, not a list (quote it if it starts with [)"));
                None
            }
        }
    }

    /// A list field; a single value is split at commas.
    fn list(&mut self, name: &str) -> Vec<String> {
        let Some(field) = self.field(name) else { return Vec::new() };
        let items: Vec<&str> = match &field.value {
            FrontValue::Text(text) => text.split(',').collect(),
            FrontValue::List(items) => items.iter().map(String::as_str).collect(),
        };
        items.into_iter().map(collapse_whitespace).filter(|s| !s.is_empty()).collect()
    }

    fn audience(&mut self) -> Option<Audience> {
        let line = self.line_of("audience");
        let choices = "`residents` (the public website), `colleagues` (the intranet) or `all`";
        match (self.text("audience"), line) {
            (None, _) => {
                self.error(
                    line.unwrap_or(1),
                    format!("missing `audience:` — write {choices}; who may see a story is never guessed"),
                );
                None
            }
            (Some(name), line) => {
                let audience = Audience::parse(&name);
                if audience.is_none() {
                    self.error(line.unwrap_or(1), format!("unknown audience {name:?}: write {choices}"));
                }
                audience
            }
        }
    }

    /// The kind of storyteller. A person's name here (as the first story
    /// files had it) is an error that says where the name goes now.
    fn storyteller(&mut self) -> Option<Storyteller> {
        let value = self.text("storyteller")?;
        let kind = Storyteller::parse(&value);
        if kind.is_none() {
            let line = self.line_of("storyteller").unwrap_or(1);
            self.error(
                line,
                format!(
                    "`storyteller` is the kind of person whose story it is, `resident` or `employee`, not {value:?}; \
                     write their name and role as `storyteller_name: {value}`"
                ),
            );
        }
        kind
    }

    fn date(&mut self) -> Option<String> {
        let date = self.text("date")?;
        if !is_rfc3339(&date) {
            let line = self.line_of("date").unwrap_or(1);
            self.error(
                line,
                format!("the date {date:?} is not a date: write 2026-10-14 or 2026-10-14T09:00:00+02:00"),
            );
            return None;
        }
        // Noon UTC is the same calendar day from UTC−11 to UTC+11, so a
        // reader anywhere sees the day the editor wrote.
        Some(if date.len() == 10 { format!("{date}T12:00:00Z") } else { date })
    }

    fn language(&mut self) -> Option<String> {
        let language = self.text("language")?;
        if !is_language_tag(&language) {
            let line = self.line_of("language").unwrap_or(1);
            self.error(
                line,
                format!("{language:?} is not a language tag: write nn (nynorsk), nb (bokmål), se, en…"),
            );
            return None;
        }
        Some(language)
    }

    fn pinned(&mut self) -> bool {
        let Some(value) = self.text("pinned") else { return false };
        match value.to_ascii_lowercase().as_str() {
            "true" => true,
            "false" => false,
            _ => {
                let line = self.line_of("pinned").unwrap_or(1);
                self.error(line, format!("`pinned` is true or false, not {value:?}"));
                false
            }
        }
    }

    fn expires(&mut self) -> Option<Date> {
        let value = self.text("expires")?;
        match parse_date_argument(&value) {
            Ok(date) => Some(date),
            Err(_) => {
                let line = self.line_of("expires").unwrap_or(1);
                self.error(
                    line,
                    format!("`expires` is the last day to show the story, like 2027-01-31, not {value:?}"),
                );
                None
            }
        }
    }

    fn url(&mut self) -> Option<String> {
        let url = self.text("url")?;
        let line = self.line_of("url").unwrap_or(1);
        match resolve_http_url("", &url) {
            Some(resolved) => {
                if resolved.starts_with("http://") {
                    self.warnings
                        .push(Remark { line: Some(line), message: format!("the url {url:?} is not https") });
                }
                Some(resolved)
            }
            None => {
                self.error(line, format!("the url {url:?} is not a full https:// address"));
                None
            }
        }
    }

    fn length_warnings(&mut self, story: &StoryFile) {
        let checks = [
            ("title", &Some(story.title.clone()), TITLE_MAX_CHARS),
            ("summary", &story.summary, SUMMARY_MAX_CHARS),
            ("storyteller_name", &story.storyteller_name, NAME_MAX_CHARS),
        ];
        for (name, text, max) in checks {
            let Some(length) = text.as_ref().map(|t| t.chars().count()) else { continue };
            if length > max {
                let line = self.line_of(name);
                self.warnings.push(Remark {
                    line,
                    message: format!(
                        "the {name} is {length} characters; a slide shows at most {max} and cuts the rest"
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = "---
title: Helsestasjonen held ope om kvelden
summary: Sidan januar har helsestasjonen hatt ope to kveldar i veka.
audience: residents
storyteller: employee
storyteller_name: Anne, helsesjukepleiar
image: bilete/helse.svg
image_alt: Helsestasjonen i kveldssol
date: 2026-10-14T09:00:00+02:00
tags: [helse, barn]
author: Ingrid Haugland
language: nn
pinned: true
expires: 2027-01-31
url: https://fjordvik.kommune.example/historier/helse
---
Sidan **januar**.
";

    #[test]
    fn a_full_story_is_read() {
        let read = read_story("helse", FULL).unwrap();
        assert_eq!(read.warnings, vec![]);
        let story = read.story;
        assert_eq!(story.id, "helse");
        assert_eq!(story.audience, Audience::Residents);
        assert_eq!(story.storyteller, Some(Storyteller::Employee));
        assert_eq!(story.storyteller_name.as_deref(), Some("Anne, helsesjukepleiar"));
        assert_eq!(story.tags, ["helse", "barn"]);
        assert_eq!(story.authors, ["Ingrid Haugland"]);
        assert_eq!(story.language.as_deref(), Some("nn"));
        assert!(story.pinned);
        assert_eq!(story.expires, Some(Date { year: 2027, month: 1, day: 31 }));
        assert_eq!(story.published(), Some(Date { year: 2026, month: 10, day: 14 }));
        assert_eq!(story.body, "Sidan **januar**.\n");
    }

    #[test]
    fn a_plain_date_becomes_noon_utc() {
        let story = read_story("a", "---\ntitle: T\naudience: all\ndate: 2026-05-17\n---\n").unwrap().story;
        assert_eq!(story.date.as_deref(), Some("2026-05-17T12:00:00Z"));
    }

    #[test]
    fn a_missing_or_misspelt_audience_is_an_error_never_a_default() {
        let missing = read_story("a", "---\ntitle: T\n---\n").unwrap_err();
        assert_eq!(missing.len(), 1);
        assert!(missing[0].message.starts_with("missing `audience:`"), "{missing:?}");
        let misspelt = read_story("a", "---\ntitle: T\naudience: colegues\n---\n").unwrap_err();
        assert_eq!(misspelt[0].line, Some(3));
        assert!(misspelt[0].message.contains("unknown audience \"colegues\""), "{misspelt:?}");
        let blank = read_story("a", "---\ntitle: T\naudience:\n---\n").unwrap_err();
        assert!(blank[0].message.starts_with("missing `audience:`"), "{blank:?}");
    }

    #[test]
    fn every_error_of_a_file_is_reported_with_its_line() {
        let source = "---\naudiance: residents\naudience: all\ndate: 14.10.2026\nlanguage: norsk\npinned: ja\nexpires: snart\nurl: javascript:alert(1)\ntitle: [a, b]\n---\n";
        let errors = read_story("a", source).unwrap_err();
        let lines: Vec<Option<usize>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(4), Some(5), Some(6), Some(7), Some(8), Some(9)], "{errors:#?}");
        assert!(errors[0].message.starts_with("unknown field `audiance`"));
    }

    #[test]
    fn a_name_in_storyteller_is_an_error_that_says_where_it_goes() {
        let errors =
            read_story("a", "---\ntitle: T\naudience: all\nstoryteller: Anne Li, helsesjukepleiar\n---\n")
                .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(4));
        assert!(errors[0].message.contains("`storyteller_name: Anne Li, helsesjukepleiar`"), "{errors:?}");
        let story =
            read_story("a", "---\ntitle: T\naudience: all\nstoryteller: Resident\n---\n").unwrap().story;
        assert_eq!((story.storyteller, story.storyteller_name), (Some(Storyteller::Resident), None));
    }

    #[test]
    fn missing_alt_text_and_long_summaries_are_warnings() {
        let long = "ord ".repeat(80);
        let source = format!("---\ntitle: T\naudience: all\nimage: a.png\nsummary: {long}\n---\n");
        let warnings = read_story("a", &source).unwrap().warnings;
        let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(warnings.len(), 2, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("image_alt")));
        assert!(messages.iter().any(|m| m.contains("summary is 319 characters")));
    }

    #[test]
    fn bad_front_matter_is_an_error() {
        let errors = read_story("a", "title: T\n").unwrap_err();
        assert_eq!(errors[0].line, Some(1));
    }
}
