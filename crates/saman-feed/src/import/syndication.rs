//! Reading RSS 0.9x, 1.0 (RDF), 2.0 and Atom with the feed-rs crate.
//!
//! feed-rs reads the encoding the XML declares (ISO-8859-1, GB2312, …),
//! tolerates a byte-order mark, blank lines before the declaration and HTML
//! entities XML does not define, and knows Media RSS. This module maps its
//! model onto the stories' fields: plain-text titles and summaries,
//! sanitized HTML, the item's picture and its alt text, and dates in
//! Norwegian time, so the widget shows the day the CMS showed.

use feed_rs::model::{Entry, Feed as ParsedFeed, FeedType, Text};
use story_feed::text::{collapse_whitespace, html_to_text, truncate_words};
use story_feed::{is_language_tag, resolve_http_url, Audience, SUMMARY_MAX_CHARS};

use super::{SourceFeed, SourceItem};
use crate::json_feed::{JsonAuthor, JsonItem, SamanItem};
use crate::norwegian_time::to_norwegian_rfc3339;
use crate::sanitize::{first_image, sanitize_html};

/// Reads an XML feed. The error says why it is not one.
pub fn read(bytes: &[u8], source_url: Option<&str>, audience: Audience) -> Result<SourceFeed, String> {
    // Items without an id are given one by the import's own rules (link,
    // else text): feed-rs would make up a random one, different each time.
    let parser = feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build();
    let source = parser.parse(bytes).map_err(|e| format!("not an RSS or Atom feed: {e}"))?;
    // The website, not the feed's own address (`rel="self"`).
    let site = source
        .links
        .iter()
        .filter(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .find_map(|l| resolve_http_url("", &l.href));
    // Relative links in a feed are relative to where it was fetched from,
    // or else to the website it names.
    let base = source_url.map(str::to_owned).or_else(|| site.clone());
    let items = source
        .entries
        .iter()
        .map(|entry| SourceItem {
            source_id: Some(collapse_whitespace(&entry.id)).filter(|id| !id.is_empty()),
            item: item(entry, base.as_deref(), audience),
        })
        .collect();
    Ok(SourceFeed {
        title: text_of(source.title.as_ref()),
        home_page_url: site,
        description: text_of(source.description.as_ref()),
        language: language(&source),
        items,
        // RSS makes <guid> optional; Atom requires <id>.
        ids_required: source.feed_type == FeedType::Atom,
        notes: Vec::new(),
    })
}

fn item(entry: &Entry, feed_base: Option<&str>, audience: Audience) -> JsonItem {
    // Atom's `xml:base` on the content: relative pictures in it are relative
    // to that, not to the feed.
    let entry_base =
        entry.base.as_deref().and_then(|b| resolve_http_url(feed_base.unwrap_or_default(), b.trim()));
    let base = entry_base.as_deref().or(feed_base);
    let resolve = |reference: &str| resolve_http_url(base.unwrap_or_default(), reference);
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
    JsonItem {
        id: String::new(),
        url: entry
            .links
            .iter()
            .filter(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
            .find_map(|l| resolve(&l.href)),
        title: text_of(entry.title.as_ref()),
        summary,
        content_html,
        content_text,
        image,
        date_published: entry.published.or(entry.updated).map(to_norwegian_rfc3339),
        authors: entry
            .authors
            .iter()
            .filter_map(|a| a.name.as_deref().map(person_name))
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
            storyteller_name: None,
            expires: None,
            pinned: false,
        },
    }
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

/// A text construct as plain text: HTML is reduced to its words. Entities
/// that XML does not define (`&nbsp;`) reach us undecoded, so text with `&`
/// is decoded as HTML too.
fn text_of(text: Option<&Text>) -> Option<String> {
    let text = text?;
    let is_html = text.content_type.to_string().contains("html");
    let plain = if is_html || text.content.contains(['<', '&']) {
        html_to_text(&text.content)
    } else {
        collapse_whitespace(&text.content)
    };
    Some(plain).filter(|t| !t.is_empty())
}

/// The feed's language (`nn-NO` as WordPress writes it), if it is valid.
fn language(source: &ParsedFeed) -> Option<String> {
    let tag = source.language.as_deref()?.trim();
    is_language_tag(tag).then(|| canonical_case(tag))
}

/// A language tag in its usual case: `nn-NO`, `se`, `en-GB`.
pub fn canonical_case(tag: &str) -> String {
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

/// An author's name. RSS writes `<author>` as `mail (Name)`; feed-rs keeps
/// the parenthesised part as the name.
fn person_name(raw: &str) -> String {
    let name = collapse_whitespace(raw);
    match name.strip_prefix('(').and_then(|n| n.strip_suffix(')')) {
        Some(inner) => inner.trim().to_owned(),
        None => name,
    }
}

/// A summary without the "The post … appeared first on …" line that
/// WordPress SEO plugins add to every excerpt.
fn without_wordpress_footer(summary: &str) -> String {
    match summary.rfind("The post ") {
        Some(at) if summary[at..].contains(" appeared first on ") => summary[..at].trim_end().to_owned(),
        _ => summary.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_get_their_usual_case() {
        assert_eq!(canonical_case("NN-no"), "nn-NO");
        assert_eq!(canonical_case("IT-it"), "it-IT");
        assert_eq!(canonical_case("smj"), "smj");
    }

    #[test]
    fn names_lose_the_parentheses_of_rss_author_fields() {
        assert_eq!(person_name(" (Jonas Große Sundrup) "), "Jonas Große Sundrup");
        assert_eq!(person_name("Åse Bøe"), "Åse Bøe");
    }

    #[test]
    fn the_wordpress_footer_is_cut_from_summaries() {
        assert_eq!(
            without_wordpress_footer("Ny gapahuk. The post Ny gapahuk appeared first on Fjordvik."),
            "Ny gapahuk."
        );
        assert_eq!(without_wordpress_footer("The post office opens."), "The post office opens.");
    }
}
