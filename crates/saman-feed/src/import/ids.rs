//! Giving every imported story an id that is its own.
//!
//! The widget tells stories apart by id (a refreshed feed keeps the story on
//! screen by its id), so ids must be unique and stable from one import to
//! the next. Sources do not always help:
//!
//! - RSS makes `<guid>` optional, and JSON Feed items from other systems
//!   sometimes lack `id`: the item's link is then its id, the same rule the
//!   widget follows for a JSON Feed item without an id.
//! - Some news CMSs publish **one guid for every item**. When items that
//!   share an id have different links, the id says nothing about them: each
//!   such item takes its link as its id instead, and the feed gets one note
//!   for it, not one per item.
//! - Items that share an id *and* a link are the same story published twice:
//!   the first is kept and the others are left out.
//! - An item with neither id nor link gets an id made from its title and
//!   text, so that importing the same feed again gives the same id.

use std::collections::{HashMap, HashSet};

/// What the rules need to know about one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdSource<'a> {
    /// The id the source gave (guid, Atom id, JSON Feed id), if any.
    pub source_id: Option<&'a str>,
    /// The item's link, if any.
    pub link: Option<&'a str>,
    /// Its title and text, for the last resort.
    pub text: &'a str,
}

/// The id each item gets, in input order: `None` for an item left out as a
/// repeat of an earlier one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettledIds {
    /// One entry per item.
    pub ids: Vec<Option<String>>,
    /// Notes for the whole feed (each said once).
    pub feed_notes: Vec<String>,
    /// Notes for single items: (index from 0, note).
    pub item_notes: Vec<(usize, String)>,
}

/// Settles the ids of `items`. `ids_required` says whether the format
/// requires ids (Atom, JSON Feed), so that their absence is worth a note;
/// RSS makes `<guid>` optional, and a link standing in for it is normal.
pub fn settle_ids(items: &[IdSource<'_>], ids_required: bool) -> SettledIds {
    let mut links_by_id: HashMap<&str, HashSet<Option<&str>>> = HashMap::new();
    for item in items {
        if let Some(id) = item.source_id {
            links_by_id.entry(id).or_default().insert(item.link);
        }
    }
    // An id shared by items with different links identifies none of them.
    let is_shared = |id: &str| links_by_id.get(id).is_some_and(|links| links.len() > 1);

    let mut settled = SettledIds::default();
    let mut shared: Vec<&str> = Vec::new();
    let mut linked_instead_of_missing = 0;
    let mut made_from_text = 0;
    let mut taken = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        let id = match (item.source_id, item.link) {
            (Some(id), Some(link)) if is_shared(id) => {
                if !shared.contains(&id) {
                    shared.push(id);
                }
                link.to_owned()
            }
            (Some(id), _) => id.to_owned(),
            (None, Some(link)) => {
                linked_instead_of_missing += 1;
                link.to_owned()
            }
            (None, None) => {
                made_from_text += 1;
                text_id(item.text)
            }
        };
        if taken.insert(id.clone()) {
            settled.ids.push(Some(id));
        } else {
            settled.item_notes.push((index, format!("left out: its id {id:?} was used by an earlier item")));
            settled.ids.push(None);
        }
    }
    if !shared.is_empty() {
        let sharing = items.iter().filter(|i| i.source_id.is_some_and(|id| shared.contains(&id))).count();
        let examples: Vec<String> = shared.iter().take(2).map(|id| format!("{id:?}")).collect();
        settled.feed_notes.push(format!(
            "{sharing} items share {} ({}{}) with items that have other links: each of them has its link as its id instead",
            if shared.len() == 1 { "one id" } else { "ids" },
            examples.join(", "),
            if shared.len() > 2 { ", …" } else { "" }
        ));
    }
    if ids_required && linked_instead_of_missing > 0 {
        settled.feed_notes.push(if linked_instead_of_missing == 1 {
            "1 item has no id: its link is its id".to_owned()
        } else {
            format!("{linked_instead_of_missing} items have no id: each one's link is its id")
        });
    }
    if made_from_text > 0 {
        settled.feed_notes.push(format!(
            "{made_from_text} {} neither an id nor a link: {} made from the title and text, so {} when they do",
            if made_from_text == 1 { "item has" } else { "items have" },
            if made_from_text == 1 { "its id is" } else { "their ids are" },
            if made_from_text == 1 { "it changes" } else { "they change" },
        ));
    }
    settled
}

/// An id made from an item's text: the same text always gives the same id.
/// FNV-1a, because it is fixed forever (std's hasher may change between
/// Rust releases, and ids must not).
pub fn text_id(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("text-{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item<'a>(id: Option<&'a str>, link: Option<&'a str>) -> IdSource<'a> {
        IdSource { source_id: id, link, text: "Tekst" }
    }

    fn ids(settled: &SettledIds) -> Vec<Option<&str>> {
        settled.ids.iter().map(Option::as_deref).collect()
    }

    #[test]
    fn ids_from_the_source_are_kept() {
        let settled =
            settle_ids(&[item(Some("a"), Some("https://k.example/a")), item(Some("b"), None)], true);
        assert_eq!(ids(&settled), [Some("a"), Some("b")]);
        assert!(settled.feed_notes.is_empty() && settled.item_notes.is_empty());
    }

    #[test]
    fn one_guid_on_every_item_gives_way_to_the_links_with_one_note() {
        let items: Vec<IdSource> = ["https://k.example/1", "https://k.example/2", "https://k.example/3"]
            .iter()
            .map(|link| item(Some("https://avis.example/"), Some(link)))
            .collect();
        let settled = settle_ids(&items, false);
        assert_eq!(
            ids(&settled),
            [Some("https://k.example/1"), Some("https://k.example/2"), Some("https://k.example/3")]
        );
        assert_eq!(settled.feed_notes.len(), 1, "{:?}", settled.feed_notes);
        assert!(settled.feed_notes[0].starts_with("3 items share one id (\"https://avis.example/\")"));
        assert!(settled.item_notes.is_empty());
    }

    #[test]
    fn the_same_story_twice_keeps_its_guid_and_leaves_the_repeat_out() {
        let settled = settle_ids(
            &[
                item(Some("p=1"), Some("https://k.example/a")),
                item(Some("p=2"), Some("https://k.example/b")),
                item(Some("p=1"), Some("https://k.example/a")),
            ],
            false,
        );
        assert_eq!(ids(&settled), [Some("p=1"), Some("p=2"), None]);
        assert_eq!(
            settled.item_notes,
            [(2, "left out: its id \"p=1\" was used by an earlier item".to_owned())]
        );
        assert!(settled.feed_notes.is_empty());
    }

    #[test]
    fn a_missing_id_takes_the_link_with_a_note_only_where_ids_are_required() {
        let items = [item(None, Some("https://k.example/a")), item(None, Some("https://k.example/b"))];
        let rss = settle_ids(&items, false);
        assert_eq!(ids(&rss), [Some("https://k.example/a"), Some("https://k.example/b")]);
        assert!(rss.feed_notes.is_empty());
        let json_feed = settle_ids(&items, true);
        assert_eq!(json_feed.feed_notes, ["2 items have no id: each one's link is its id"]);
    }

    #[test]
    fn without_id_or_link_the_id_comes_from_the_text_and_is_stable() {
        let a = IdSource { source_id: None, link: None, text: "Ny bru\nOpnar i mai" };
        let b = IdSource { source_id: None, link: None, text: "Anna tekst" };
        let first = settle_ids(&[a.clone(), b.clone()], false);
        let again = settle_ids(&[a, b], false);
        assert_eq!(first, again);
        assert_eq!(first.ids[0].as_deref(), Some(text_id("Ny bru\nOpnar i mai").as_str()));
        assert_ne!(first.ids[0], first.ids[1]);
        assert!(first.ids[0].as_deref().unwrap().starts_with("text-"));
        assert_eq!(first.feed_notes.len(), 1);
        // FNV-1a of the empty text is its offset basis: the function is fixed.
        assert_eq!(text_id(""), "text-cbf29ce484222325");
    }
}
