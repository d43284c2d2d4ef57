//! Where things are in a JSON document: JSON paths and their line numbers.
//!
//! A problem in a feed is reported as a JSON path (`$.items[3].image`) and
//! the line an editor should look at. serde_json's `Value` keeps no
//! positions, so [`Locations`] walks the source text once more with a small
//! scanner and records the line on which every value starts. The scanner
//! only ever runs on text serde_json has already accepted, but it never
//! panics on anything else: it just stops recording.

use std::collections::HashMap;
use std::fmt;

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A member of an object.
    Key(String),
    /// An element of an array, from 0.
    Index(usize),
}

/// A JSON path from the document root, shown as `$.items[3]._saman.audience`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    /// The document root, `$`.
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// This path extended by an object member.
    pub fn key(&self, key: &str) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        JsonPath(segments)
    }

    /// This path extended by an array element.
    pub fn index(&self, index: usize) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        JsonPath(segments)
    }

    /// The steps from the root, outermost first (none for `$`).
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// The path one step up, or `None` at the root.
    pub fn parent(&self) -> Option<JsonPath> {
        let (_, rest) = self.0.split_last()?;
        Some(JsonPath(rest.to_vec()))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in &self.0 {
            match segment {
                Segment::Index(i) => write!(f, "[{i}]")?,
                Segment::Key(k) if is_identifier(k) => write!(f, ".{k}")?,
                // Keys with dots, spaces or quotes need the bracket form.
                Segment::Key(k) => write!(f, "[{}]", serde_json::Value::String(k.clone()))?,
            }
        }
        Ok(())
    }
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// The 1-based line on which each value of a JSON document starts.
#[derive(Clone, Debug, Default)]
pub struct Locations {
    lines: HashMap<JsonPath, usize>,
}

impl Locations {
    /// Scans `json` and records where every value starts.
    pub fn scan(json: &str) -> Locations {
        let mut scanner = Scanner { bytes: json.as_bytes(), pos: 0, line: 1, lines: HashMap::new() };
        // A scan that gives up half way keeps what it found so far.
        let _ = scanner.value(JsonPath::root());
        Locations { lines: scanner.lines }
    }

    /// The line of the value at `path`; for a path that does not exist (a
    /// missing field), the line of its nearest ancestor that does.
    pub fn line(&self, path: &JsonPath) -> Option<usize> {
        let mut current = Some(path.clone());
        while let Some(path) = current {
            if let Some(line) = self.lines.get(&path) {
                return Some(*line);
            }
            current = path.parent();
        }
        None
    }
}

/// A one-pass walk over JSON text. Every method returns `None` when the text
/// is not what it expects, which ends the scan.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    lines: HashMap<JsonPath, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        if byte == b'\n' {
            self.line += 1;
        }
        Some(byte)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.bump()? == byte).then_some(())
    }

    fn value(&mut self, path: JsonPath) -> Option<()> {
        self.skip_whitespace();
        // serde_json keeps the last of duplicate keys; so does this map.
        self.lines.insert(path.clone(), self.line);
        match self.peek()? {
            b'{' => self.object(path),
            b'[' => self.array(path),
            b'"' => self.string().map(drop),
            _ => self.scalar(),
        }
    }

    fn object(&mut self, path: JsonPath) -> Option<()> {
        self.expect(b'{')?;
        self.skip_whitespace();
        if self.peek()? == b'}' {
            self.bump();
            return Some(());
        }
        loop {
            self.skip_whitespace();
            let key = self.string()?;
            self.expect(b':')?;
            self.value(path.key(&key))?;
            self.skip_whitespace();
            match self.bump()? {
                b',' => continue,
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }

    fn array(&mut self, path: JsonPath) -> Option<()> {
        self.expect(b'[')?;
        self.skip_whitespace();
        if self.peek()? == b']' {
            self.bump();
            return Some(());
        }
        for index in 0.. {
            self.value(path.index(index))?;
            self.skip_whitespace();
            match self.bump()? {
                b',' => continue,
                b']' => return Some(()),
                _ => return None,
            }
        }
        None
    }

    /// Reads a string literal and returns its decoded value (needed for keys).
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        if self.bump()? != b'"' {
            return None;
        }
        loop {
            match self.bump()? {
                b'\\' => {
                    self.bump()?;
                }
                b'"' => break,
                _ => {}
            }
        }
        let literal = std::str::from_utf8(&self.bytes[start..self.pos]).ok()?;
        serde_json::from_str(literal).ok()
    }

    /// Numbers, `true`, `false` and `null`: everything up to a delimiter.
    fn scalar(&mut self) -> Option<()> {
        let start = self.pos;
        while let Some(byte) = self.peek() {
            if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.bump();
        }
        (self.pos > start).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(i: usize) -> JsonPath {
        JsonPath::root().key("items").index(i)
    }

    #[test]
    fn paths_display_in_dot_and_bracket_form() {
        assert_eq!(JsonPath::root().to_string(), "$");
        assert_eq!(items(3).key("_saman").key("audience").to_string(), "$.items[3]._saman.audience");
        assert_eq!(JsonPath::root().key("a b").key("x\"y").to_string(), r#"$["a b"]["x\"y"]"#);
        assert_eq!(JsonPath::root().key("1st").to_string(), r#"$["1st"]"#);
    }

    #[test]
    fn segments_are_the_steps_from_the_root() {
        assert_eq!(JsonPath::root().segments(), &[]);
        assert_eq!(
            items(2).key("image").segments(),
            &[Segment::Key("items".into()), Segment::Index(2), Segment::Key("image".into())]
        );
    }

    #[test]
    fn lines_are_those_where_values_start() {
        let json = "{\n  \"items\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"b\",\n      \"image\":\n        \"x.png\"\n    }\n  ]\n}\n";
        let at = Locations::scan(json);
        assert_eq!(at.line(&JsonPath::root()), Some(1));
        assert_eq!(at.line(&JsonPath::root().key("items")), Some(2));
        assert_eq!(at.line(&items(0)), Some(3));
        assert_eq!(at.line(&items(0).key("id")), Some(3));
        assert_eq!(at.line(&items(1)), Some(4));
        assert_eq!(at.line(&items(1).key("id")), Some(5));
        assert_eq!(at.line(&items(1).key("image")), Some(7));
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_ancestor() {
        let at = Locations::scan("{\"items\": [\n{\"id\": \"a\"}]}");
        assert_eq!(at.line(&items(0).key("_saman").key("audience")), Some(2));
        assert_eq!(at.line(&items(7)), Some(1));
    }

    #[test]
    fn strings_with_escapes_brackets_and_newline_escapes_do_not_confuse_the_scan() {
        let json = "{\"a\": \"x\\\"]},\\n{\", \"b\\u00e6\": [1, -2.5e3, true, null,\n\"æøå\"]}";
        let at = Locations::scan(json);
        assert_eq!(at.line(&JsonPath::root().key("bæ").index(3)), Some(1));
        assert_eq!(at.line(&JsonPath::root().key("bæ").index(4)), Some(2));
    }

    #[test]
    fn the_last_of_duplicate_keys_wins_as_in_serde_json() {
        let at = Locations::scan("{\"id\": 1,\n\"id\": 2}");
        assert_eq!(at.line(&JsonPath::root().key("id")), Some(2));
    }

    #[test]
    fn broken_text_never_panics() {
        for text in ["", "{", "{\"a\"", "[1,", "\"abc", "{\"a\":}", "]", "{\"a\" 1}", "[1 2]"] {
            let _ = Locations::scan(text).line(&JsonPath::root().key("a"));
        }
    }
}
