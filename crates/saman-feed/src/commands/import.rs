//! `saman-feed import FILE_OR_URL [--out FILE] [--audience …]`: RSS or Atom
//! from a CMS, as a saman-stories feed.
//!
//! WordPress, Drupal and most municipal CMSs publish RSS 2.0 or Atom; the
//! feed-rs crate reads both. Every item gets the chosen audience (residents
//! unless told otherwise: what a CMS publishes in RSS is public already).
//! The source's HTML is untrusted: `content_html` is sanitized by ammonia,
//! and titles, summaries and `content_text` are reduced to plain text, so
//! nothing executable survives the import.
//!
//! The order of the source is kept (CMSs list the newest first). Dates are
//! written in Norwegian time so the widget shows the day the CMS showed.

use std::collections::HashSet;
use std::path::Path;

use feed_rs::model::{Entry, Feed as SourceFeed, Text};
use story_feed::text::{collapse_whitespace, html_to_text, truncate_words};
use story_feed::{is_language_tag, resolve_http_url, Audience, SUMMARY_MAX_CHARS};

use crate::atomic_write::write_atomically;
use crate::failure::{Failure, Outcome};
use crate::json_feed::{to_json, JsonAuthor, JsonFeed, JsonItem, SamanItem};
use crate::norwegian_time::to_norwegian_rfc3339;
use crate::sanitize::{first_image, sanitize_html};
use crate::source;

/// The converted feed, and what was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The JSON Feed document.
    pub feed: JsonFeed,
    /// One line per item that was left out or needs a look.
    pub notes: Vec<String>,
}

/// Runs `import`.
pub fn run(input: &str, out: Option<&Path>, audience: Audience) -> Result<Outcome, Failure> {
    let source = source::read(input)?;
    let imported = convert(&source.bytes, source.url.as_deref(), audience)
        .map_err(|e| Failure::new(format!("{input}: {e}")))?;
    for note in &imported.notes {
        eprintln!("{input}: {note}");
    }
    let json = to_json(&imported.feed);
    match out {
        Some(path) => {
            write_atomically(path, json.as_bytes())?;
            let count = imported.feed.items.len();
            eprintln!("wrote {} ({count} {})", path.display(), if count == 1 { "story" } else { "stories" });
        }
        None => print!("{json}"),
    }
    Ok(if imported.notes.is_empty() { Outcome::Clean } else { Outcome::Warnings })
}

/// Converts an RSS 2.0 or Atom document fetched from `source_url` (if it was
/// fetched) into a JSON Feed whose items all have `audience`.
pub fn convert(bytes: &[u8], source_url: Option<&str>, audience: Audience) -> Result<Imported, String> {
    let source = feed_rs::parser::parse(bytes).map_err(|e| format!("not an RSS or Atom feed: {e}"))?;
    // The website, not the feed's own address (`rel="self"`).
    let site = source
        .links
        .iter()
        .filter(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .find_map(|l| resolve_http_url("", &l.href));
    // Relative links in a feed are relative to where it was fetched from,
    // or else to the website it names.
    let base = source_url.map(str::to_owned).or_else(|| site.clone());
    let mut feed = JsonFeed::new(text_of(source.title.as_ref()).unwrap_or_else(|| "Historier".to_owned()));
    feed.home_page_url = site;
    feed.description = text_of(source.description.as_ref());
    feed.language = language(&source);
    let mut notes = Vec::new();
    let mut seen = HashSet::new();
    for (index, entry) in source.entries.iter().enumerate() {
        match item(entry, base.as_deref(), audience) {
            Ok(item) if !seen.insert(item.id.clone()) => {
                notes.push(format!(
                    "item {} left out: its id {:?} was used by an earlier item",
                    index + 1,
                    item.id
                ));
            }
            Ok(item) => {
                if item.image.is_some() && item.saman.image_alt.is_none() {
                    notes.push(format!(
                        "item {} ({:?}): its image has no alt text; add _saman.image_alt",
                        index + 1,
                        item.title
                    ));
                }
                feed.items.push(item);
            }
            Err(why) => notes.push(format!("item {} left out: {why}", index + 1)),
        }
    }
    Ok(Imported { feed, notes })
}

fn item(entry: &Entry, base: Option<&str>, audience: Audience) -> Result<JsonItem, String> {
    let title = text_of(entry.title.as_ref()).ok_or("it has no title")?;
    let id = collapse_whitespace(&entry.id);
    if id.is_empty() {
        return Err("it has no id".into());
    }
    let resolve = |reference: &str| match base {
        Some(base) => resolve_http_url(base, reference),
        None => resolve_http_url("", reference),
    };
    let content_html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.as_str()))
        .map(|html| sanitize_html(html, base))
        .filter(|html| !html.trim().is_empty());
    let content_text = content_html.as_deref().map(html_to_text).unwrap_or_default();
    let summary = text_of(entry.summary.as_ref())
        .map(|s| without_wordpress_footer(&s))
        .filter(|s| !s.is_empty())
        .map(|s| truncate_words(&s, SUMMARY_MAX_CHARS));
    let (image, image_alt) = image(entry, content_html.as_deref(), &resolve);
    Ok(JsonItem {
        url: entry
            .links
            .iter()
            .filter(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
            .find_map(|l| resolve(&l.href)),
        title,
        summary,
        content_html,
        content_text,
        image,
        date_published: entry.published.or(entry.updated).map(to_norwegian_rfc3339),
        authors: entry
            .authors
            .iter()
            .filter_map(|a| a.name.as_deref().map(collapse_whitespace))
            .filter(|n| !n.is_empty())
            .map(|name| JsonAuthor { name })
            .collect(),
        tags: entry
            .categories
            .iter()
            .map(|c| collapse_whitespace(c.label.as_deref().unwrap_or(&c.term)))
            .filter(|t| !t.is_empty())
            .collect(),
        language: entry.language.as_deref().map(str::trim).filter(|l| is_language_tag(l)).map(str::to_owned),
        saman: SamanItem {
            audience: audience.as_str(),
            image_alt,
            storyteller: None,
            expires: None,
            pinned: false,
        },
        id,
    })
}

/// The item's picture: a media attachment (RSS enclosure, Media RSS), or
/// else the first picture in its content, with its alt text.
fn image(
    entry: &Entry,
    content_html: Option<&str>,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> (Option<String>, Option<String>) {
    for media in &entry.media {
        let alt = text_of(media.description.as_ref()).or_else(|| text_of(media.title.as_ref()));
        let is_image = |mime: Option<String>| mime.is_none_or(|m| m.starts_with("image/"));
        let from_content = media
            .content
            .iter()
            .filter(|c| is_image(c.content_type.as_ref().map(|t| t.to_string())))
            .find_map(|c| c.url.as_ref().and_then(|u| resolve(u.as_str())));
        let from_thumbnail = || media.thumbnails.iter().find_map(|t| resolve(&t.image.uri));
        if let Some(src) = from_content.or_else(from_thumbnail) {
            return (Some(src), alt);
        }
    }
    match content_html.and_then(first_image) {
        Some(found) => match resolve(&found.src) {
            Some(src) => (Some(src), found.alt.map(|a| collapse_whitespace(&a))),
            None => (None, None),
        },
        None => (None, None),
    }
}

/// A text construct as plain text: HTML is reduced to its words.
fn text_of(text: Option<&Text>) -> Option<String> {
    let text = text?;
    let is_html = text.content_type.to_string().contains("html");
    let plain = if is_html || text.content.contains('<') {
        html_to_text(&text.content)
    } else {
        collapse_whitespace(&text.content)
    };
    Some(plain).filter(|t| !t.is_empty())
}

/// The feed's language (`nn-NO` as WordPress writes it), if it is valid.
fn language(source: &SourceFeed) -> Option<String> {
    let tag = source.language.as_deref()?.trim();
    is_language_tag(tag).then(|| canonical_case(tag))
}

/// A language tag in its usual case: `nn-NO`, `se`, `en-GB`.
fn canonical_case(tag: &str) -> String {
    tag.split('-')
        .enumerate()
        .map(|(i, part)| match (i, part.len()) {
            (0, _) => part.to_ascii_lowercase(),
            (_, 2) => part.to_ascii_uppercase(),
            _ => part.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A summary without the "The post … appeared first on …" line that
/// WordPress SEO plugins add to every excerpt.
fn without_wordpress_footer(summary: &str) -> String {
    match summary.rfind("The post ") {
        Some(at) if summary[at..].contains(" appeared first on ") => summary[..at].trim_end().to_owned(),
        _ => summary.to_owned(),
    }
}
