//! Turning feed content into plain text that is safe and short enough to show.
//!
//! The widget never injects HTML. `content_html` is reduced to its text here:
//! tags are dropped, the contents of `<script>`, `<style>` and similar
//! elements are dropped with them, character references are decoded, and
//! white space is collapsed. What comes out is rendered as a text node, so
//! even text that *looks* like markup stays inert.

/// Elements whose content is never text a reader should see.
const SKIPPED_ELEMENTS: [&str; 8] =
    ["script", "style", "template", "noscript", "iframe", "object", "svg", "math"];

/// Elements after which a reader expects a break between words.
const BLOCK_ELEMENTS: [&str; 20] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "blockquote",
    "section",
    "article",
    "figcaption",
    "hr",
];

/// How much of `content_html` is read, in bytes: far more than a slide
/// shows, and a bound on the work a hostile feed can ask for.
pub const MAX_HTML_BYTES: usize = 64 * 1024;

/// Reduces an HTML fragment to plain text with collapsed white space. Only
/// the first [`MAX_HTML_BYTES`] are read; the work is linear in them.
pub fn html_to_text(html: &str) -> String {
    let mut end = html.len().min(MAX_HTML_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let html = &html[..end];
    let mut text = String::with_capacity(html.len().min(4096));
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag_end = match find_tag_end(rest) {
            TagEnd::At(end) => end,
            TagEnd::NotATag => {
                // A lone `<` that opens no tag is text.
                text.push('<');
                rest = &rest[1..];
                continue;
            }
            // A tag that never closes swallows the rest, as in a browser.
            TagEnd::Unclosed => {
                rest = "";
                break;
            }
        };
        let tag = &rest[1..tag_end];
        rest = &rest[tag_end + 1..];
        let name = tag_name(tag);
        if !tag.starts_with('/') && SKIPPED_ELEMENTS.contains(&name.as_str()) {
            rest = skip_past_closing_tag(rest, &name);
            text.push(' ');
        } else if BLOCK_ELEMENTS.contains(&name.as_str()) {
            text.push(' ');
        }
    }
    text.push_str(&decode_entities(rest));
    collapse_whitespace(&text)
}

/// What follows a `<`.
enum TagEnd {
    /// A tag, ending at this byte (its `>`).
    At(usize),
    /// Not a tag: the `<` is text.
    NotATag,
    /// A tag that never ends.
    Unclosed,
}

/// Where the tag that starts at `s[0] == '<'` ends, if it is a tag at all.
fn find_tag_end(s: &str) -> TagEnd {
    let Some(second) = s[1..].chars().next() else { return TagEnd::NotATag };
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!' || second == '?') {
        return TagEnd::NotATag;
    }
    // Quoted attribute values may contain `>`.
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return TagEnd::At(i),
            _ => {}
        }
    }
    TagEnd::Unclosed
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// What follows the closing tag `</name…>`, found without regard to case
/// and without copying; nothing if it never comes.
fn skip_past_closing_tag<'a>(s: &'a str, name: &str) -> &'a str {
    for (start, _) in s.match_indices("</") {
        let closes = s
            .get(start + 2..start + 2 + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name));
        if closes {
            return s[start..].find('>').map_or("", |end| &s[start + end + 1..]);
        }
    }
    ""
}

/// Decodes the character references that occur in real feeds: numeric ones
/// and the named ones for markup, typography and the Nordic letters.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 12);
        let decoded = end.and_then(|end| decode_entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => parse_code_point(hex, 16)?,
            None => parse_code_point(number, 10)?,
        };
        // NUL and invalid code points become the replacement character.
        return Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => '\u{AD}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "eacute" => 'é',
        "Eacute" => 'É',
        "aacute" => 'á',
        "Aacute" => 'Á',
        _ => return None,
    })
}

/// The number in `digits` (as `u32::from_str_radix` reads it: an optional
/// `+`, then at least one digit), without the generic parsing code.
fn parse_code_point(digits: &str, radix: u32) -> Option<u32> {
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    if digits.is_empty() {
        return None;
    }
    digits.chars().try_fold(0u32, |code, c| code.checked_mul(radix)?.checked_add(c.to_digit(radix)?))
}

/// `s` in lower case, for comparing tags and names without regard to case.
/// Folds the Latin letters of Norwegian, the Sámi languages and English
/// (ASCII, Latin-1, Latin Extended-A, and Skolt Sámi's letters from Latin
/// Extended-B); other letters compare as written. (Full Unicode case
/// tables would cost the WebAssembly build about 10 KB.)
pub fn fold_case(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        // ASCII and Latin-1 capitals (but not ×): Æ Ø Å and the accented ones.
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // Latin Extended-A pairs (capital, small): Á is Latin-1, but Č Đ Ŋ
        // Š Ŧ Ž of the Sámi alphabets are here.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code & 1 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code & 1 == 1 => code + 1,
        0x178 => 0xFF,
        // Skolt Sámi's Ǥ Ǧ Ǩ Ǯ (Latin Extended-B pairs) and Ʒ.
        0x1E4..=0x1EF if code & 1 == 0 => code + 1,
        0x1B7 => 0x292,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Collapses every run of white space (including no-break spaces) to one
/// space, trims both ends and drops control characters.
pub fn collapse_whitespace(s: &str) -> String {
    collapse_whitespace_bounded(s, usize::MAX).0
}

/// [`collapse_whitespace`], keeping only the first `max_chars` characters of
/// the result, with the length of the whole result: a huge string is read
/// once and never copied whole.
pub fn collapse_whitespace_bounded(s: &str, max_chars: usize) -> (String, usize) {
    // Most text in a feed is collapsed already and short: one pass over its
    // bytes, and a copy.
    if s.len() <= max_chars {
        if let Some(chars) = chars_if_collapsed(s) {
            return (s.to_owned(), chars);
        }
    }
    collapse_char_by_char(s, max_chars)
}

/// [`collapse_whitespace_bounded`] without its fast path: the rule itself,
/// a character at a time.
fn collapse_char_by_char(s: &str, max_chars: usize) -> (String, usize) {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(2)).min(4096));
    let mut chars = 0;
    let mut space_before = false;
    for c in s.chars() {
        if c.is_whitespace() {
            // A space goes between words only: not first, not last.
            space_before = chars > 0;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space_before {
            if chars < max_chars {
                out.push(' ');
            }
            chars += 1;
            space_before = false;
        }
        if chars < max_chars {
            out.push(c);
        }
        chars += 1;
    }
    // A cut right after a space leaves it at the end.
    out.truncate(out.trim_end().len());
    (out, chars)
}

/// The number of characters of `s` when collapsing would not change it: no
/// white space but single spaces between words, no control character.
/// Decided on bytes: a lead byte that may start non-ASCII white space or a
/// control character (U+0080–U+00A0, U+1680, U+2000–U+205F, U+3000) says
/// `None`, as do some harmless characters, which then take the long way.
fn chars_if_collapsed(s: &str) -> Option<usize> {
    let mut chars = 0;
    // A space first, or one after another, is not collapsed.
    let mut after_space = true;
    for &byte in s.as_bytes() {
        match byte {
            b' ' if after_space => return None,
            b' ' => after_space = true,
            0..=0x1F | 0x7F | 0xC2 | 0xE1 | 0xE2 | 0xE3 => return None,
            _ => after_space = false,
        }
        // Every byte but a UTF-8 continuation byte starts a character.
        chars += usize::from(byte & 0xC0 != 0x80);
    }
    (!after_space || s.is_empty()).then_some(chars)
}

/// Whether `c` is a lower-case letter of the Latin scripts [`fold_case`]
/// knows (`a`–`z`, `æ`, `ø`, `å`, `č`, …): the letters `fold_case` folds to.
fn is_lowercase_letter(c: char) -> bool {
    let code = c as u32;
    match code {
        0x61..=0x7A | 0xDF..=0xF6 | 0xF8..=0xFF => true,
        // In the Latin Extended blocks `fold_char` maps a capital to the
        // code point after it.
        0x100..=0x24F => char::from_u32(code - 1).is_some_and(|capital| fold_char(capital) == c),
        0x292 => true,
        _ => false,
    }
}

/// How long a first sentence may be and still become a heading, in
/// characters.
pub const SENTENCE_HEADING_MAX_CHARS: usize = 100;

/// Where a heading made by cutting the text ends, in characters (before
/// its `…`).
pub const CUT_HEADING_CHARS: usize = 80;

/// A heading made from a story's text, for an item without a title, and
/// the rest of the text to show under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleFromText {
    /// The heading: never empty.
    pub title: String,
    /// The text after the heading (beginning with `…` when the heading cut
    /// a sentence); empty when the heading is all of it.
    pub rest: String,
}

/// Makes a heading from plain text, for stories that have none (JSON Feed
/// and RSS allow items without a title; microblogs have none). The rule,
/// shared by the widget, `saman-feed check` and `saman-feed import`:
///
/// 1. The first sentence, when it ends within [`SENTENCE_HEADING_MAX_CHARS`]
///    characters: a sentence ends at `.`, `!`, `?` or `…` (closing quotes
///    and brackets may follow) before a space and a word that does not
///    start with a lower-case letter or a digit (a web address may follow),
///    and has at least two words (so `kl. 10`, `17. mai` and `Dr. Lie` do
///    not end one). A final `.` is
///    dropped, as in a headline; `!` and `?` stay.
/// 2. Else all of a text of at most that length.
/// 3. Else the text cut at a word near [`CUT_HEADING_CHARS`] characters,
///    with `…`; the rest then begins with `…`.
///
/// `None` when the text is blank. The text is collapsed first.
pub fn title_from_text(text: &str) -> Option<TitleFromText> {
    let text = collapse_whitespace(text);
    if text.is_empty() {
        return None;
    }
    if let Some(end) = first_sentence_end(&text) {
        let (sentence, rest) = text.split_at(end);
        return Some(TitleFromText { title: headline(sentence), rest: rest.trim_start().to_owned() });
    }
    if text.chars().count() <= SENTENCE_HEADING_MAX_CHARS {
        return Some(TitleFromText { title: headline(&text), rest: String::new() });
    }
    let (head, rest) = split_at_word(&text, CUT_HEADING_CHARS);
    let trimmed = head.trim_end_matches([' ', ',', '.', ';', ':', '-', '–']);
    // A text of nothing but punctuation up to the cut keeps it.
    let head = if trimmed.is_empty() { head } else { trimmed };
    Some(TitleFromText { title: [head, "…"].concat(), rest: ["…", rest.trim_start()].concat() })
}

/// The byte offset just after the first sentence of `text`, if that
/// sentence is short enough to be a heading (see [`title_from_text`]).
fn first_sentence_end(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut count = 0;
    while let Some((at, c)) = chars.next() {
        count += 1;
        if count > SENTENCE_HEADING_MAX_CHARS {
            return None;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if !matches!(next, '"' | '\'' | '»' | '”' | '’' | ')' | ']') {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
            count += 1;
        }
        let next_word = text[end..].strip_prefix(' ');
        let ends_here = match next_word {
            None => end == text.len(),
            Some(word) => {
                let first = word.chars().next();
                first.is_some_and(|c| !is_lowercase_letter(c) && !c.is_ascii_digit()) || is_link(word)
            }
        };
        if ends_here && text[..at].contains(' ') {
            return Some(end);
        }
    }
    None
}

/// Whether a word is a web address, which is no part of a sentence before it.
fn is_link(word: &str) -> bool {
    ["http://", "https://", "www."].iter().any(|start| word.starts_with(start))
}

/// A sentence as a headline: without a single final `.`.
fn headline(sentence: &str) -> String {
    let trimmed = sentence.trim();
    match trimmed.strip_suffix('.') {
        Some(without) if !without.ends_with('.') && !without.trim_end().is_empty() => {
            without.trim_end().to_owned()
        }
        _ => trimmed.to_owned(),
    }
}

/// Splits `text` at a word boundary so that the first part has at most
/// `max_chars` characters (inside a word when the last space comes before
/// half of them).
fn split_at_word(text: &str, max_chars: usize) -> (&str, &str) {
    let limit = text.char_indices().nth(max_chars).map_or(text.len(), |(i, _)| i);
    let cut = match text[..limit].rfind(' ') {
        _ if limit == text.len() || text[limit..].starts_with(' ') => limit,
        Some(space) if space > limit / 2 => space,
        _ => limit,
    };
    text.split_at(cut)
}

/// Shortens `text` to at most `max_chars` characters, cutting at a word
/// boundary and ending with `…` when anything was cut.
pub fn truncate_words(text: &str, max_chars: usize) -> String {
    // A text has at least as many bytes as characters, so most need no count.
    if text.len() <= max_chars || text.char_indices().nth(max_chars).is_none() {
        return text.to_owned();
    }
    // (With `max_chars` 0 this is the first character's start: nothing is kept.)
    let cut_end = text.char_indices().nth(max_chars.saturating_sub(1)).map_or(text.len(), |(end, _)| end);
    let cut = &text[..cut_end];
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut,
    };
    [at_word.trim_end_matches([' ', ',', '.', ';', ':', '-', '–']), "…"].concat()
}

#[cfg(test)]
mod tests {
    #[test]
    fn case_folding_agrees_with_unicode_for_latin_letters() {
        assert_eq!(super::fold_case("HELSE Skule ÆØÅ ČĐŊŠŦŽ ÁÉ"), "helse skule æøå čđŋšŧž áé");
        assert_eq!(super::fold_case("ǦǤǨǮƷ"), "ǧǥǩǯʒ");
        let skolt =
            [0x1B7, 0x1E4, 0x1E5, 0x1E6, 0x1E7, 0x1E8, 0x1E9, 0x1EA, 0x1EB, 0x1EC, 0x1ED, 0x1EE, 0x1EF];
        for c in (0u32..0x180).chain(skolt).filter_map(char::from_u32) {
            let unicode: String = c.to_lowercase().collect();
            // İ (U+0130) lowers to two characters; it stays as written.
            if unicode.chars().count() == 1 {
                assert_eq!(super::fold_char(c).to_string(), unicode, "{c:?} U+{:04X}", c as u32);
            }
        }
    }

    use super::*;

    #[test]
    fn tags_are_dropped_and_blocks_separate_words() {
        assert_eq!(html_to_text("<p>Hei <b>alle</b></p><p>saman</p>"), "Hei alle saman");
        assert_eq!(html_to_text("a<br>b<br/>c"), "a b c");
    }

    #[test]
    fn script_and_style_content_vanish() {
        let html = "Før<script>alert('x')</script><style>p{}</style><SCRIPT type=x>evil()</SCRIPT >etter";
        assert_eq!(html_to_text(html), "Før etter");
        assert_eq!(html_to_text("a<script>never closed"), "a");
    }

    #[test]
    fn event_handlers_and_quoted_angle_brackets_leave_no_trace() {
        assert_eq!(
            html_to_text(r#"<img src=x onerror="alert('>')">Tekst<a href="javascript:x">lenke</a>"#),
            "Tekstlenke"
        );
    }

    #[test]
    fn comments_are_dropped() {
        assert_eq!(html_to_text("a<!-- <script>x</script> -->b"), "ab");
        assert_eq!(html_to_text("a<!-- never closed"), "a");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(html_to_text("Bl&aring;b&aelig;r &amp; &lt;b&gt; &#248;y &#xE6;"), "Blåbær & <b> øy æ");
        assert_eq!(html_to_text("&amp;lt;"), "&lt;");
        assert_eq!(html_to_text("AT&T &unknown; &#0; &#xFFFFFFFF;"), "AT&T &unknown; \u{FFFD} \u{FFFD}");
        assert_eq!(
            html_to_text("&#+65; &#x+4a; &#X4B; &#; &#x; &#-1; &#4294967296; &#x1F600;"),
            "A J K &#; &#x; &#-1; &#4294967296; 😀"
        );
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        assert_eq!(html_to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
        assert_eq!(html_to_text("<"), "<");
    }

    #[test]
    fn an_unclosed_tag_swallows_the_rest() {
        assert_eq!(html_to_text(r#"Før <a href="x>etter"#), "Før");
    }

    #[test]
    fn hostile_repetition_stays_linear_and_bounded() {
        let many_open_quotes = r#"<a ""#.repeat(200_000);
        assert_eq!(html_to_text(&many_open_quotes), "");
        let many_skipped = "<svg></svg>x".repeat(200_000);
        let text = html_to_text(&many_skipped);
        assert!(text.chars().all(|c| c == 'x' || c == ' ') && text.len() < MAX_HTML_BYTES);
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a\n\t b\u{A0}\u{A0}c \u{7}d "), "a b c d");
    }

    #[test]
    fn bounded_collapsing_keeps_a_prefix_and_counts_the_whole() {
        assert_eq!(collapse_whitespace_bounded("  a\n\t b\u{A0}c \u{7}d ", 100), ("a b c d".to_owned(), 7));
        assert_eq!(collapse_whitespace_bounded("ab  cd ef", 3), ("ab".to_owned(), 8));
        assert_eq!(collapse_whitespace_bounded("ab  cd ef", 4), ("ab c".to_owned(), 8));
        assert_eq!(collapse_whitespace_bounded(" \u{1} ", 4), (String::new(), 0));
    }

    fn heading(text: &str) -> (String, String) {
        let made = title_from_text(text).unwrap();
        (made.title, made.rest)
    }

    #[test]
    fn a_short_first_sentence_is_the_heading_and_the_rest_follows() {
        let text = "Helsestasjonen held ope om kvelden. No slepp foreldre som jobbar skift å ta fri.";
        assert_eq!(
            heading(text),
            (
                "Helsestasjonen held ope om kvelden".into(),
                "No slepp foreldre som jobbar skift å ta fri.".into()
            )
        );
        assert_eq!(heading("Hello, world!"), ("Hello, world!".into(), String::new()));
        assert_eq!(heading("Kjem du? – Ja, seier ho."), ("Kjem du?".into(), "– Ja, seier ho.".into()));
        assert_eq!(
            heading("«Vi ser fleire fedrar no.» Det seier Anne."),
            ("«Vi ser fleire fedrar no.»".into(), "Det seier Anne.".into())
        );
    }

    #[test]
    fn abbreviations_dates_and_one_word_sentences_do_not_end_the_heading() {
        let (title, _) = heading("Den 17. mai går toget kl. 10 frå torget. Alle er velkomne.");
        assert_eq!(title, "Den 17. mai går toget kl. 10 frå torget");
        let (title, _) = heading("Dr. Lie opnar nytt legekontor. Timebestilling på nett.");
        assert_eq!(title, "Dr. Lie opnar nytt legekontor");
        let (title, rest) = heading("Hurra! Vi har fått ny barnehage.");
        assert_eq!((title.as_str(), rest.as_str()), ("Hurra! Vi har fått ny barnehage", ""));
        let (title, _) = heading("Skulen opnar. én dag for alle.");
        assert_eq!(title, "Skulen opnar. én dag for alle");
    }

    #[test]
    fn a_long_first_sentence_is_cut_at_a_word_and_continues_in_the_rest() {
        let text = "Sidan januar har helsestasjonen på Sentrum hatt ope to kveldar i veka, og no slepp småbarnsforeldre som jobbar skift å ta fri for å få time.";
        let (title, rest) = heading(text);
        assert_eq!(title, "Sidan januar har helsestasjonen på Sentrum hatt ope to kveldar i veka, og no…");
        assert!(title.chars().count() <= CUT_HEADING_CHARS + 1);
        assert_eq!(rest, "…slepp småbarnsforeldre som jobbar skift å ta fri for å få time.");
        let (title, rest) = heading(&"x".repeat(200));
        assert_eq!(
            (title.chars().count(), rest.chars().count()),
            (CUT_HEADING_CHARS + 1, 200 - CUT_HEADING_CHARS + 1)
        );
    }

    #[test]
    fn short_texts_are_their_own_heading_and_blank_text_has_none() {
        assert_eq!(heading("  Cats are neat \n\n"), ("Cats are neat".into(), String::new()));
        assert_eq!(
            heading("Cats are neat. \n\nhttps://example.org/cats"),
            ("Cats are neat".into(), "https://example.org/cats".into())
        );
        assert_eq!(heading("."), (".".into(), String::new()));
        assert_eq!(heading("..."), ("...".into(), String::new()));
        assert_eq!(title_from_text(" \n "), None);
    }

    #[test]
    fn every_white_space_and_control_character_is_collapsed_in_short_text() {
        let special =
            (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace() || c.is_control());
        for c in special {
            for text in [format!("a{c}b"), format!("{c}a"), format!("a{c}"), format!("a {c}b")] {
                assert_eq!(
                    collapse_whitespace_bounded(&text, 100),
                    collapse_char_by_char(&text, 100),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_rule(
            text in "[ a\t\n\u{1}\u{7F}\u{85}\u{9F}æ\u{A0}\u{2028}\u{3000}😀b]{0,60}",
            max in 0usize..40,
        ) {
            proptest::prop_assert_eq!(collapse_whitespace_bounded(&text, max), collapse_char_by_char(&text, max));
        }

        #[test]
        fn the_fast_path_agrees_with_the_rule_on_any_text(text in "\\PC{0,80}|.{0,80}", max in 0usize..100) {
            proptest::prop_assert_eq!(collapse_whitespace_bounded(&text, max), collapse_char_by_char(&text, max));
        }

        #[test]
        fn bounded_collapsing_agrees_with_collapsing(text in "[ a\t\u{1}æ\u{A0}]{0,40}", max in 0usize..20) {
            let full = collapse_whitespace(&text);
            let (kept, count) = collapse_whitespace_bounded(&text, max);
            proptest::prop_assert_eq!(count, full.chars().count());
            let prefix: String = full.chars().take(max).collect();
            proptest::prop_assert_eq!(kept, prefix.trim_end());
        }

        #[test]
        fn headings_are_never_empty_nor_too_long(text in "\\PC{1,300}") {
            if let Some(made) = title_from_text(&text) {
                proptest::prop_assert!(!made.title.is_empty());
                proptest::prop_assert!(made.title.chars().count() <= SENTENCE_HEADING_MAX_CHARS + 1);
            } else {
                proptest::prop_assert!(collapse_whitespace(&text).is_empty());
            }
        }
    }

    #[test]
    fn truncation_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(truncate_words("kort", 10), "kort");
        let t = truncate_words("Ein lang tekst om helsestasjonen i bygda", 20);
        assert_eq!(t, "Ein lang tekst om…");
        assert!(t.chars().count() <= 20);
        // No spaces: cut inside the word.
        assert_eq!(truncate_words("abcdefghij", 5), "abcd…");
        // Multi-byte characters are counted as characters, not bytes.
        assert_eq!(truncate_words("æøå æøå æøå", 6), "æøå…");
        // Room for nothing: only the mark, and an empty text stays empty.
        assert_eq!(truncate_words("abc", 0), "…");
        assert_eq!(truncate_words("", 0), "");
    }
}
