//! The front matter of a story file: its fields between two `---` lines.
//!
//! ```text
//! ---
//! title: Helsestasjonen held ope om kvelden
//! audience: residents
//! tags: [helse, barn]
//! ---
//! The story, in Markdown.
//! ```
//!
//! The syntax is a small, strict part of YAML, read by hand rather than by a
//! YAML library, for two reasons. Errors name the line and say what to
//! write. And nothing is guessed: in YAML, `language: no` (Norwegian!) is the
//! boolean `false`; here every value is text until a field says otherwise.
//!
//! - `field: value` on one line; the value runs to the end of the line.
//!   Quote it (`"…"` with JSON escapes, or `'…'`) to keep leading spaces
//!   or to start it with `[`.
//! - Lines indented under a field continue its value (for long summaries).
//! - Lists: `tags: [helse, barn]`, `tags: helse, barn`, or one `- item` per
//!   line under a field with nothing after its colon.
//! - Lines starting with `#` are comments.

use std::collections::HashMap;
use std::fmt;

/// A field's value as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrontValue {
    /// A single value.
    Text(String),
    /// `[a, b]` or `- a` lines.
    List(Vec<String>),
}

/// One `field: value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name.
    pub name: String,
    /// Its value.
    pub value: FrontValue,
    /// The 1-based line of the field in the file.
    pub line: usize,
}

/// A story file split into its fields and its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The fields, in file order, each name once.
    pub fields: Vec<Field>,
    /// Everything after the closing `---`.
    pub body: &'a str,
}

/// A line of front matter that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Splits `source` into front matter and body.
pub fn parse_front_matter(source: &str) -> Result<FrontMatter<'_>, SyntaxError> {
    let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    if !lines.next().is_some_and(is_fence) {
        return Err(SyntaxError {
            line: 1,
            message: "a story starts with a line of three dashes (---), then its fields, then --- again"
                .into(),
        });
    }
    let mut offset = source.find('\n').map_or(source.len(), |i| i + 1);
    let mut reader = Reader::default();
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        offset += line.len();
        if is_fence(line) {
            return Ok(FrontMatter { fields: reader.finish(), body: &source[offset..] });
        }
        reader.line(line.trim_end_matches(['\n', '\r']), number)?;
    }
    Err(SyntaxError { line: 1, message: "the front matter is never closed: end it with a line ---".into() })
}

#[derive(Default)]
struct Reader {
    fields: Vec<Field>,
    first_line_of: HashMap<String, usize>,
}

impl Reader {
    fn line(&mut self, line: &str, number: usize) -> Result<(), SyntaxError> {
        let error = |message: String| Err(SyntaxError { line: number, message });
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return Ok(());
        }
        if trimmed == "-" || trimmed.starts_with("- ") {
            let item =
                unquote(trimmed[1..].trim()).map_err(|message| SyntaxError { line: number, message })?;
            return match self.fields.last_mut().map(|field| &mut field.value) {
                Some(FrontValue::List(items)) => {
                    items.push(item);
                    Ok(())
                }
                // `field:` with nothing after it, now known to be a list.
                Some(value) if *value == FrontValue::Text(String::new()) => {
                    *value = FrontValue::List(vec![item]);
                    Ok(())
                }
                _ => error("a list item (- …) must follow a field with nothing after its colon, like\ntags:\n  - helse".into()),
            };
        }
        if line.starts_with([' ', '\t']) {
            return match self.fields.last_mut() {
                Some(Field { value: FrontValue::Text(text), .. }) => {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(trimmed);
                    Ok(())
                }
                _ => error(
                    "an indented line continues the field above it, but there is no text field above".into(),
                ),
            };
        }
        let Some((name, value)) = line.split_once(':') else {
            return error(format!("expected `field: value`, found {trimmed:?}"));
        };
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return error(format!(
                "{name:?} is not a field name: names are lower case, like `title` or `image_alt`"
            ));
        }
        if let Some(first) = self.first_line_of.get(name) {
            return error(format!("the field `{name}` is given twice (first on line {first})"));
        }
        let value = parse_value(value.trim()).map_err(|message| SyntaxError { line: number, message })?;
        self.first_line_of.insert(name.to_owned(), number);
        self.fields.push(Field { name: name.to_owned(), value, line: number });
        Ok(())
    }

    fn finish(self) -> Vec<Field> {
        self.fields
    }
}

fn parse_value(value: &str) -> Result<FrontValue, String> {
    match value.strip_prefix('[') {
        Some(inner) => {
            let inner = inner
                .strip_suffix(']')
                .ok_or("a list that starts with [ must end with ] on the same line")?;
            let items = split_list(inner)?;
            Ok(FrontValue::List(items))
        }
        None => Ok(FrontValue::Text(unquote(value)?)),
    }
}

/// Splits `a, "b, c", d` at the commas outside quotes.
fn split_list(inner: &str) -> Result<Vec<String>, String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                items.push(unquote(inner[start..i].trim())?);
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    let last = inner[start..].trim();
    if !last.is_empty() || !items.is_empty() {
        items.push(unquote(last)?);
    }
    Ok(items.into_iter().filter(|item| !item.is_empty()).collect())
}

/// A value without its quotes: `"…"` with JSON escapes, or `'…'` where `''`
/// stands for `'`; anything else as written.
fn unquote(value: &str) -> Result<String, String> {
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        serde_json::from_str::<String>(value)
            .map_err(|e| format!("the quoted text {value} is not valid: {e}"))
    } else if value.len() >= 2 && value.starts_with('\'') && value.ends_with('\'') {
        Ok(value[1..value.len() - 1].replace("''", "'"))
    } else if value.starts_with('"') {
        Err(format!("the quote in {value} is never closed"))
    } else {
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> FrontValue {
        FrontValue::Text(s.to_owned())
    }

    fn list(items: &[&str]) -> FrontValue {
        FrontValue::List(items.iter().map(|s| s.to_string()).collect())
    }

    fn values(source: &str) -> Vec<(String, FrontValue, usize)> {
        parse_front_matter(source).unwrap().fields.into_iter().map(|f| (f.name, f.value, f.line)).collect()
    }

    #[test]
    fn fields_lists_and_body_are_read() {
        let source = "---\ntitle: Tryggare skuleveg: Elvebrua\n# ein kommentar\ntags: [veg, \"skule, barn\", 'Nordbø''s']\nauthor:\n  - Kari Nesheim\n  - Ola Nordmann\nlanguage: no\nsummary: Etter at elevrådet\n  sende brev\n---\nBrødtekst\n";
        assert_eq!(
            values(source),
            vec![
                ("title".into(), text("Tryggare skuleveg: Elvebrua"), 2),
                ("tags".into(), list(&["veg", "skule, barn", "Nordbø's"]), 4),
                ("author".into(), list(&["Kari Nesheim", "Ola Nordmann"]), 5),
                ("language".into(), text("no"), 8),
                ("summary".into(), text("Etter at elevrådet sende brev"), 9),
            ]
        );
        assert_eq!(parse_front_matter(source).unwrap().body, "Brødtekst\n");
    }

    #[test]
    fn windows_line_endings_and_a_byte_order_mark_are_fine() {
        let fm =
            parse_front_matter("\u{FEFF}---\r\ntitle: \"  Hei\\n\"\r\ntags: a, b\r\n---\r\nTekst").unwrap();
        assert_eq!(fm.fields[0].value, text("  Hei\n"));
        assert_eq!(fm.fields[1].value, text("a, b"));
        assert_eq!(fm.body, "Tekst");
    }

    #[test]
    fn mistakes_name_their_line() {
        let cases = [
            ("title: x\n---\n", 1, "starts with a line of three dashes"),
            ("---\ntitle: x\n", 1, "never closed"),
            ("---\ntitle: x\ntitle: y\n---\n", 3, "given twice (first on line 2)"),
            ("---\ntitle x\n---\n", 2, "expected `field: value`"),
            ("---\nTitle: x\n---\n", 2, "not a field name"),
            ("---\ntitle: x\n- y\n---\n", 3, "list item"),
            ("---\n  x\n---\n", 2, "continues the field above"),
            ("---\ntags: [a, b\n---\n", 2, "must end with ]"),
            ("---\ntitle: \"open\n---\n", 2, "never closed"),
            ("---\ntitle: \"bad \\q\"\n---\n", 2, "not valid"),
        ];
        for (source, line, message) in cases {
            let error = parse_front_matter(source).unwrap_err();
            assert_eq!(error.line, line, "{source:?}: {error}");
            assert!(error.message.contains(message), "{source:?}: {error}");
        }
    }

    #[test]
    fn empty_lists_and_an_empty_body_are_fine() {
        assert_eq!(values("---\ntags: []\n---"), vec![("tags".into(), list(&[]), 2)]);
        assert_eq!(parse_front_matter("---\n---\n").unwrap().body, "");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in "(---\n)?\\PC{0,120}(\n---\n)?") {
            if let Err(error) = parse_front_matter(&text) {
                proptest::prop_assert!(error.line >= 1);
            }
        }
    }
}
