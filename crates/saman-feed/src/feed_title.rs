//! A feed title for a folder of stories that has no `_feed.md`.
//!
//! An editor's first build must not fail on a settings file nobody told them
//! about. Without one, the title is taken from the folder's name when that
//! says something ("fjordvik-historier" gives "Fjordvik historier"), or else
//! it is the word for stories in the stories' own language.

use std::path::Path;

/// Folder names that say only "this is where stories live": a title made
/// from them would be no better than the default.
const GENERIC_FOLDER_NAMES: [&str; 16] = [
    "stories",
    "story",
    "historier",
    "historie",
    "forteljingar",
    "forteljing",
    "fortellinger",
    "fortelling",
    "content",
    "innhald",
    "innhold",
    "posts",
    "markdown",
    "md",
    "src",
    "data",
];

/// The title for the stories in `dir`, whose stories are written in
/// `languages` (their `language:` fields, when they have one).
pub fn title_for_folder<'a>(dir: &Path, languages: impl IntoIterator<Item = &'a str>) -> String {
    // "." and "stories/" name the folder by its path; its own name is what
    // the editor chose.
    let named = dir.canonicalize().ok().and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()));
    named.and_then(|name| title_from_name(&name)).unwrap_or_else(|| default_title(languages).to_owned())
}

/// "fjordvik-historier" → "Fjordvik historier"; `None` for a generic or
/// empty name.
fn title_from_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(['-', '_', ' ', '.']).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    if joined.is_empty() || GENERIC_FOLDER_NAMES.contains(&joined.to_lowercase().as_str()) {
        return None;
    }
    let mut chars = joined.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// "Stories" in the language most of the stories are written in: English
/// when most are, else Norwegian (the word is the same in nynorsk and
/// bokmål).
fn default_title<'a>(languages: impl IntoIterator<Item = &'a str>) -> &'static str {
    let (mut english, mut other) = (0, 0);
    for language in languages {
        let primary = language.split('-').next().unwrap_or_default().to_ascii_lowercase();
        if primary == "en" {
            english += 1;
        } else {
            other += 1;
        }
    }
    if english > other {
        "Stories"
    } else {
        "Historier"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_telling_folder_name_becomes_the_title() {
        assert_eq!(title_from_name("fjordvik-historier").as_deref(), Some("Fjordvik historier"));
        assert_eq!(title_from_name("helse_og_omsorg").as_deref(), Some("Helse og omsorg"));
        assert_eq!(title_from_name("ærlege ord").as_deref(), Some("Ærlege ord"));
    }

    #[test]
    fn generic_folder_names_give_way_to_the_default() {
        for generic in ["stories", "Historier", "content", "--", ""] {
            assert_eq!(title_from_name(generic), None, "{generic}");
        }
    }

    #[test]
    fn the_default_speaks_the_stories_language() {
        assert_eq!(default_title(["en", "en-GB", "nn"]), "Stories");
        assert_eq!(default_title(["nn", "en"]), "Historier");
        assert_eq!(default_title([]), "Historier");
    }

    #[test]
    fn the_folder_is_named_by_its_own_name_even_as_a_path() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("kultur-i-fjordvik");
        std::fs::create_dir(&dir).unwrap();
        assert_eq!(title_for_folder(&dir.join("."), ["nn"]), "Kultur i fjordvik");
        let generic = parent.path().join("stories");
        std::fs::create_dir(&generic).unwrap();
        assert_eq!(title_for_folder(&generic, ["en"]), "Stories");
    }
}
