//! Finding the items whose id an earlier story has.
//!
//! A feed of thousands of stories needs a hash table for this, and std's
//! `HashSet<String>` (SipHash, and a copy of every id) would cost the
//! widget's WebAssembly about 3 KB. This table is small: it holds only the
//! position of each story in the feed's list, hashes ids with FNV-1a, and
//! finds a free place by looking at the next one (open addressing). It is
//! never more than half full, so a search ends soon.

use crate::feed::Story;

/// The ids of the stories kept so far, by their positions in the feed's
/// list of stories.
pub(crate) struct SeenIds {
    /// A power of two of places, each 0 when free, else a story's position
    /// plus one.
    places: Vec<u32>,
}

impl SeenIds {
    /// A table for the ids of up to `stories` stories.
    pub(crate) fn with_capacity(stories: usize) -> SeenIds {
        SeenIds { places: vec![0; stories.saturating_mul(2).next_power_of_two().max(8)] }
    }

    /// Whether a story in `stories` has `id`; if none has, the story to be
    /// added next (at `stories.len()`) is recorded as having it. Every id
    /// recorded must then be added, and no more than the capacity.
    pub(crate) fn contains_or_add(&mut self, id: &str, stories: &[Story]) -> bool {
        let mask = self.places.len() - 1;
        let mut place = fnv1a(id) as usize & mask;
        loop {
            match self.places[place] {
                0 => {
                    self.places[place] = stories.len() as u32 + 1;
                    return false;
                }
                taken if stories.get(taken as usize - 1).is_some_and(|story| story.id == id) => return true,
                _ => place = (place + 1) & mask,
            }
        }
    }
}

/// The 32-bit FNV-1a hash of `text`.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Audience;

    fn story(id: &str) -> Story {
        Story {
            id: id.to_owned(),
            title: "T".to_owned(),
            title_from_text: false,
            summary: String::new(),
            url: None,
            image: None,
            published: None,
            authors: Vec::new(),
            tags: Vec::new(),
            language: None,
            audience: Audience::All,
            expires: None,
            storyteller: None,
            storyteller_name: None,
        }
    }

    /// Adds the ids in order, as the feed does, and returns the positions
    /// of those an earlier one had.
    fn duplicates(ids: &[String]) -> Vec<usize> {
        let mut seen = SeenIds::with_capacity(ids.len());
        let mut stories = Vec::new();
        let mut found = Vec::new();
        for (position, id) in ids.iter().enumerate() {
            if seen.contains_or_add(id, &stories) {
                found.push(position);
            } else {
                stories.push(story(id));
            }
        }
        found
    }

    #[test]
    fn a_repeated_id_is_found_and_others_are_not() {
        let ids = ["a", "b", "a", "", "ab", "b", ""].map(str::to_owned);
        assert_eq!(duplicates(&ids), [2, 5, 6]);
    }

    #[test]
    fn thousands_of_ids_fill_the_table_without_losing_one() {
        let mut ids: Vec<String> = (0..5000).map(|n| format!("story-{n}")).collect();
        ids.extend((0..5000).step_by(7).map(|n| format!("story-{n}")));
        assert_eq!(duplicates(&ids), (5000..ids.len()).collect::<Vec<_>>());
    }

    #[test]
    fn the_hash_is_fnv1a() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
    }
}
