//! Turning another system's feed into a saman-stories feed.
//!
//! Two kinds of source are read:
//! - RSS 0.9x, 1.0 (RDF) and 2.0 and Atom, as WordPress, Drupal and most
//!   municipal CMSs publish them ([`syndication`], with the feed-rs crate,
//!   which also handles the encodings such feeds declare);
//! - JSON Feed 1.0 and 1.1 ([`json_feed_source`]), read field by field so
//!   that one odd field does not cost the whole feed.
//!
//! The kind is told from the content, never from the file name (`.rss`
//! files holding Atom are common). Both readers hand over [`SourceItem`]s;
//! the rules every import follows live here and in [`ids`]:
//! - an item without a title is kept, without a `title`, so the widget's
//!   rule for untitled stories gives it a heading from its text (one rule in
//!   one place, and other feed readers see what the source said); an item
//!   with neither a title nor any text has nothing to show and is left out;
//! - every story gets an id of its own ([`ids`]);
//! - a picture without alt text is kept, with a note to add one.
//!
//! The source's HTML is untrusted: `content_html` is sanitized by ammonia,
//! and titles, summaries and `content_text` are plain text, so nothing
//! executable survives an import.

pub mod ids;
pub mod json_feed_source;
pub mod syndication;

use story_feed::Audience;

use crate::json_feed::{JsonFeed, JsonItem};
use ids::{settle_ids, IdSource};

/// The title a feed gets when its source has none.
pub const DEFAULT_FEED_TITLE: &str = "Historier";

/// The converted feed, and what was left out or needs a look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The JSON Feed document.
    pub feed: JsonFeed,
    /// One line per item that was left out or needs a look, then the notes
    /// about the whole feed.
    pub notes: Vec<String>,
}

/// A feed as a reader found it, before the import's rules are applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFeed {
    /// The feed's title, as plain text.
    pub title: Option<String>,
    /// The website the feed belongs to.
    pub home_page_url: Option<String>,
    /// What the feed is about, as plain text.
    pub description: Option<String>,
    /// The feed's language, a valid BCP 47 tag.
    pub language: Option<String>,
    /// The items, in source order.
    pub items: Vec<SourceItem>,
    /// Whether the format requires item ids (Atom, JSON Feed), so that a
    /// missing one is worth a note.
    pub ids_required: bool,
    /// Notes about the whole feed from the reader (dates it had to guess, …).
    pub notes: Vec<String>,
}

/// One item as a reader found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceItem {
    /// The id the source gave it (guid, Atom id, JSON Feed id), if any.
    pub source_id: Option<String>,
    /// The converted story. Its `id` is empty until [`assemble`] settles it.
    pub item: JsonItem,
}

/// Converts an RSS, Atom, RDF or JSON Feed document fetched from
/// `source_url` (if it was fetched) into a JSON Feed whose items all have
/// `audience`. The error is one line saying why the document is not a feed.
pub fn convert(bytes: &[u8], source_url: Option<&str>, audience: Audience) -> Result<Imported, String> {
    let source = if json_feed_source::looks_like_json(bytes) {
        json_feed_source::read(bytes, source_url, audience)?
    } else {
        syndication::read(bytes, source_url, audience)?
    };
    Ok(assemble(source))
}

/// Applies the import's rules to what a reader found.
pub fn assemble(source: SourceFeed) -> Imported {
    let mut item_notes: Vec<(usize, String)> = Vec::new();
    let mut kept: Vec<(usize, SourceItem)> = Vec::new();
    for (index, source_item) in source.items.into_iter().enumerate() {
        let item = &source_item.item;
        let has_text = !item.content_text.trim().is_empty() || item.summary.is_some();
        if item.title.is_none() && !has_text {
            item_notes.push((index, "left out: it has neither a title nor any text".to_owned()));
        } else {
            kept.push((index, source_item));
        }
    }
    let texts: Vec<String> = kept
        .iter()
        .map(|(_, s)| format!("{}\n{}", s.item.title.as_deref().unwrap_or_default(), s.item.content_text))
        .collect();
    let id_sources: Vec<IdSource> = kept
        .iter()
        .zip(&texts)
        .map(|((_, s), text)| IdSource {
            source_id: s.source_id.as_deref(),
            link: s.item.url.as_deref(),
            text,
        })
        .collect();
    let settled = settle_ids(&id_sources, source.ids_required);
    item_notes.extend(settled.item_notes.iter().map(|(i, note)| (kept[*i].0, note.clone())));

    let mut feed = JsonFeed::new(source.title.unwrap_or_else(|| DEFAULT_FEED_TITLE.to_owned()));
    feed.home_page_url = source.home_page_url;
    feed.description = source.description;
    feed.language = source.language;
    for ((index, source_item), id) in kept.into_iter().zip(settled.ids) {
        let Some(id) = id else { continue };
        let item = JsonItem { id, ..source_item.item };
        if item.image.is_some() && item.saman.image_alt.is_none() {
            let name = item.title.as_deref().unwrap_or(&item.id);
            item_notes.push((index, format!("({name:?}): its image has no alt text; add _saman.image_alt")));
        }
        feed.items.push(item);
    }
    item_notes.sort_by_key(|(index, _)| *index);
    let notes = item_notes
        .into_iter()
        .map(|(index, note)| format!("item {} {note}", index + 1))
        .chain(source.notes)
        .chain(settled.feed_notes)
        .collect();
    Imported { feed, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_feed::SamanItem;

    fn item(title: Option<&str>, text: &str, link: Option<&str>) -> SourceItem {
        SourceItem {
            source_id: None,
            item: JsonItem {
                id: String::new(),
                url: link.map(str::to_owned),
                title: title.map(str::to_owned),
                summary: None,
                content_html: None,
                content_text: text.to_owned(),
                image: None,
                date_published: None,
                authors: vec![],
                tags: vec![],
                language: None,
                saman: SamanItem {
                    audience: "residents",
                    image_alt: None,
                    storyteller: None,
                    storyteller_name: None,
                    expires: None,
                    pinned: false,
                },
            },
        }
    }

    #[test]
    fn untitled_items_with_text_are_kept_and_empty_ones_left_out() {
        let source = SourceFeed {
            items: vec![
                item(None, "Berre tekst, ingen tittel.", Some("https://k.example/1")),
                item(None, "  ", Some("https://k.example/2")),
                item(Some("Med tittel"), "", Some("https://k.example/3")),
            ],
            ..SourceFeed::default()
        };
        let imported = assemble(source);
        let kept: Vec<_> = imported.feed.items.iter().map(|i| (i.id.as_str(), i.title.as_deref())).collect();
        assert_eq!(kept, [("https://k.example/1", None), ("https://k.example/3", Some("Med tittel"))]);
        assert_eq!(imported.notes, ["item 2 left out: it has neither a title nor any text"]);
        assert_eq!(imported.feed.title, DEFAULT_FEED_TITLE);
    }

    #[test]
    fn notes_name_items_by_their_place_in_the_source() {
        let mut pictured = item(Some("Bilete"), "Tekst", Some("https://k.example/b"));
        pictured.item.image = Some("https://k.example/b.jpg".into());
        let mut repeat = item(Some("A"), "Tekst", Some("https://k.example/a"));
        repeat.source_id = Some("a".into());
        let source = SourceFeed {
            items: vec![repeat.clone(), item(None, "", None), pictured, repeat],
            notes: vec!["a note from the reader".into()],
            ..SourceFeed::default()
        };
        assert_eq!(
            assemble(source).notes,
            [
                "item 2 left out: it has neither a title nor any text",
                "item 3 (\"Bilete\"): its image has no alt text; add _saman.image_alt",
                "item 4 left out: its id \"a\" was used by an earlier item",
                "a note from the reader",
            ]
        );
    }
}
