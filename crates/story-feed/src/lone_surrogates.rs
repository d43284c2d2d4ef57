//! Half an emoji in a JSON string escape.
//!
//! JSON's grammar (RFC 8259) allows an escape such as `"\ud83d"` that is
//! only half of a UTF-16 surrogate pair, and tools write them: JavaScript's
//! `JSON.stringify` does for a string cut in the middle of an emoji. The
//! browser's `JSON.parse` reads it (as U+FFFD once it is text); serde_json
//! refuses the whole document. So before serde_json reads a feed, every
//! lone surrogate escape becomes `\ufffd` (U+FFFD REPLACEMENT CHARACTER):
//! the same six bytes, so every error keeps its line and column, and one
//! broken character never costs a feed its stories.

use std::borrow::Cow;

/// The byte offsets of the `\u` escapes in `json` that are lone
/// surrogates: a high surrogate not followed by a low one, or a low one on
/// its own.
pub fn lone_surrogate_escapes(json: &str) -> Vec<usize> {
    let bytes = json.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    // In JSON a backslash only ever starts an escape inside a string (one
    // anywhere else is an error serde_json reports at that backslash).
    // `str::find` of one ASCII character scans a word at a time, several
    // times faster than a loop over bytes while the browser runs the wasm
    // unoptimised (a feed is read once, in one call).
    while let Some(offset) = json.get(at..).and_then(|rest| rest.find('\\')) {
        let escape = at + offset;
        let escaped = bytes.get(escape + 1).copied();
        if escaped != Some(b'u') {
            // Past the escaped character, so that `\\` starts no escape;
            // past the backslash only when what follows is not ASCII (no
            // valid escape, and the next search must start on a character).
            at = if escaped.is_some_and(|b| b.is_ascii()) { escape + 2 } else { escape + 1 };
            continue;
        }
        let Some(unit) = hex4(bytes, escape + 2) else {
            at = escape + 2;
            continue;
        };
        at = escape + 6;
        match unit {
            0xD800..=0xDBFF => {
                let paired = bytes.get(at..at + 2) == Some(b"\\u")
                    && hex4(bytes, at + 2).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low));
                if paired {
                    at += 6;
                } else {
                    found.push(escape);
                }
            }
            0xDC00..=0xDFFF => found.push(escape),
            _ => {}
        }
    }
    found
}

/// `json` with every lone surrogate escape replaced by `\ufffd`; borrowed
/// when there is none.
pub fn replace_lone_surrogates(json: &str) -> Cow<'_, str> {
    let lone = lone_surrogate_escapes(json);
    if lone.is_empty() {
        return Cow::Borrowed(json);
    }
    let mut repaired = String::with_capacity(json.len());
    let mut copied = 0;
    for escape in lone {
        repaired.push_str(&json[copied..escape]);
        repaired.push_str("\\ufffd");
        copied = escape + 6;
    }
    repaired.push_str(&json[copied..]);
    Cow::Owned(repaired)
}

/// The four hex digits at `at`, as a UTF-16 code unit.
fn hex4(bytes: &[u8], at: usize) -> Option<u16> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0u16, |unit, &b| Some(unit * 16 + (b as char).to_digit(16)? as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters_and_pairs_stay() {
        let json =
            r#"["\ud83d", "\ude00x", "\ud800\u0041", "\ud83d\ude00", "\\ud800", "\ud800\ud83d\ude00"]"#;
        let repaired = replace_lone_surrogates(json);
        let value: Vec<String> = serde_json::from_str(&repaired).unwrap();
        assert_eq!(value, ["\u{FFFD}", "\u{FFFD}x", "\u{FFFD}A", "😀", "\\ud800", "\u{FFFD}😀"]);
        assert_eq!(repaired.len(), json.len());
    }

    #[test]
    fn documents_without_lone_surrogates_are_not_copied() {
        for json in [r#"{"a": "\ud83d\ude00 \u00e6 \\u"}"#, "\\", "\"\\u12", "\"\\uZZZZ\""] {
            assert!(matches!(replace_lone_surrogates(json), Cow::Borrowed(_)), "{json}");
        }
    }

    #[test]
    fn a_backslash_before_a_non_ascii_character_does_not_end_the_search() {
        // Invalid JSON (serde_json reports the `\é`), yet the escape after
        // it is still found, and the search never starts inside the `é`.
        assert_eq!(lone_surrogate_escapes("[\"\\é\\ud800\"]"), [5]);
        assert_eq!(lone_surrogate_escapes("\\é"), [] as [usize; 0]);
        assert_eq!(lone_surrogate_escapes("\\\\ud800 \\uZZ \\udc00"), [13]);
    }

    proptest::proptest! {
        #[test]
        fn every_lone_surrogate_is_found_wherever_it_stands(prefix in "[a\\\\é\"u0-9]{0,12}") {
            // The prefix ends with whatever it ends with; a lone low
            // surrogate after a space is always found.
            let json = format!("{prefix} \\udc00");
            let found = lone_surrogate_escapes(&json);
            proptest::prop_assert_eq!(found.last().copied(), Some(prefix.len() + 1));
        }
    }

    #[test]
    fn errors_keep_their_place() {
        let json = "{\"a\": \"\\ud800\",\n \"b\": x}";
        let error = serde_json::from_str::<serde_json::Value>(&replace_lone_surrogates(json)).unwrap_err();
        assert_eq!((error.line(), error.column()), (2, 7));
    }
}
