//! A small JSON reader for feed documents.
//!
//! The widget ships to every visitor, so it cannot afford a general-purpose
//! JSON library (serde_json and its derive machinery cost the WebAssembly
//! build about a third of its byte budget). This reader does exactly what
//! [`crate::Feed::parse`] needs:
//! - it accepts the JSON of RFC 8259, and names the line and column of the
//!   first error the way serde_json does (`expected value`, `EOF while
//!   parsing an object`, …), so the editors' checker (which uses serde_json)
//!   and the widget report the same place;
//! - it refuses nesting deeper than [`MAX_DEPTH`] (`recursion limit
//!   exceeded`, at serde_json's limit), so a hostile document cannot exhaust
//!   the stack;
//! - numbers keep the text they were written as: a feed has no arithmetic,
//!   and an `id` written as a number is read as that text;
//! - of duplicate keys in an object, the last one wins, as in serde_json.
//!
//! It is more lenient than serde_json in two places, where the grammar of
//! RFC 8259 allows what serde_json refuses: a lone UTF-16 surrogate escape
//! (`"\ud800"`) becomes U+FFFD instead of failing the whole feed, and a
//! number too large for a float (`1e400`) is kept as written. The editors'
//! checker still reports both.
//!
//! Invariant: every [`Json::String`] and object key is valid UTF-8 with
//! escapes decoded.

/// How deep arrays and objects may nest: 127 levels, as in serde_json.
pub const MAX_DEPTH: usize = 127;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written in the document (`42`, `-1.5e3`).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A JSON object: its members in document order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object(pub Vec<(String, Json)>);

impl Object {
    /// The value of `key`; of duplicate keys, the last one.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Json {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The member `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(object) => object.get(key),
            _ => None,
        }
    }

    /// The value written back as compact JSON (for messages).
    pub fn to_json_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(s, out),
            Json::Array(values) => {
                out.push('[');
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    value.write(out);
                }
                out.push(']');
            }
            Json::Object(Object(members)) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Why a document is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line of the offending character.
    pub line: usize,
    /// 1-based column (in bytes) of the offending character.
    pub column: usize,
    /// What was expected, in serde_json's words.
    pub message: &'static str,
}

/// Parses a whole document: one value, surrounded by nothing but whitespace.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, depth: 0 };
    let value = reader.value()?;
    reader.end()?;
    Ok(value)
}

/// Parses a document like [`parse`], except that the elements of the first
/// `items` array in the top-level object are not kept: each goes to
/// `on_item` as soon as it is read, so a feed of thousands of stories never
/// exists as one tree. `on_items` hears when that array starts, with the
/// top-level members read before it. The document comes back with `[]` in
/// its place (any later `items` member is kept as it is), and whether an
/// array was streamed.
pub fn parse_streaming_items(
    text: &str,
    on_items: &mut dyn FnMut(&Object),
    on_item: &mut dyn FnMut(Json),
) -> Result<(Json, bool), JsonError> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, depth: 0 };
    reader.skip_whitespace();
    let mut streamed = false;
    let value = if reader.peek() == Some(b'{') {
        reader.nested(|r| {
            r.object_with(&mut |r, key, before| {
                r.skip_whitespace();
                if streamed || key != "items" || r.peek() != Some(b'[') {
                    return r.value();
                }
                streamed = true;
                on_items(before);
                r.nested(|r| r.array_with(on_item).map(|()| Json::Array(Vec::new())))
            })
        })?
    } else {
        reader.value()?
    };
    reader.end()?;
    Ok((value, streamed))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    /// Checks that nothing but whitespace follows the document.
    fn end(&mut self) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.at < self.bytes.len() {
            return Err(self.error("trailing characters"));
        }
        Ok(())
    }

    /// An error at the current position (at the end: at the last character).
    fn error(&self, message: &'static str) -> JsonError {
        let upto = &self.bytes[..(self.at + 1).min(self.bytes.len())];
        let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        JsonError { line, column: upto.len() - line_start, message }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.nested(|r| r.object_with(&mut |r, _, _| r.value())),
            Some(b'[') => self.nested(|r| {
                let mut items = Vec::new();
                r.array_with(&mut |item| items.push(item)).map(|()| Json::Array(items))
            }),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    /// Reads an array or object one level deeper, within [`MAX_DEPTH`].
    fn nested(&mut self, read: impl FnOnce(&mut Self) -> Result<Json, JsonError>) -> Result<Json, JsonError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, JsonError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                None => return Err(self.error("EOF while parsing a value")),
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.number_error());
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.number_error()),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.number_error());
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.number_error());
            }
            self.digits();
        }
        // Only ASCII was consumed.
        Ok(Json::Number(String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned()))
    }

    /// A number that stops short: at the end of the input, serde_json
    /// calls it an unfinished value.
    fn number_error(&self) -> JsonError {
        self.error(if self.at == self.bytes.len() { "EOF while parsing a value" } else { "invalid number" })
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    /// Reads a string, the opening quote under the cursor.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            // Copy the run of plain characters in one go.
            let run = self.bytes[self.at..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(run) = run else {
                self.at = self.bytes.len();
                return Err(self.error("EOF while parsing a string"));
            };
            out.extend_from_slice(&self.bytes[self.at..self.at + run]);
            self.at += run;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    // The input is a &str and escapes produce whole
                    // characters, so this is valid UTF-8.
                    return Ok(String::from_utf8(out).unwrap_or_default());
                }
                b'\\' => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                _ => {
                    return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// Decodes the escape after a backslash into `out`.
    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), JsonError> {
        let Some(kind) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        let byte = match kind {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let unit = self.hex4()?;
                let c = match unit {
                    0xD800..=0xDBFF if self.bytes[self.at..].starts_with(b"\\u") => {
                        let resume = self.at;
                        self.at += 2;
                        let low = self.hex4()?;
                        if (0xDC00..=0xDFFF).contains(&low) {
                            char::from_u32(
                                0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                            )
                        } else {
                            // Not a pair: the second escape stands alone.
                            self.at = resume;
                            None
                        }
                    }
                    _ => char::from_u32(u32::from(unit)),
                };
                let mut buffer = [0; 4];
                out.extend_from_slice(c.unwrap_or('\u{FFFD}').encode_utf8(&mut buffer).as_bytes());
                return Ok(());
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(byte);
        Ok(())
    }

    /// Reads the four hex digits of a `\u` escape. Like serde_json, it
    /// takes four characters first: fewer left is the end of the input,
    /// and a bad one is reported at the fourth.
    fn hex4(&mut self) -> Result<u16, JsonError> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 4;
        let mut unit = 0u16;
        for &b in digits {
            let Some(digit) = (b as char).to_digit(16) else {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            };
            unit = unit * 16 + digit as u16;
        }
        Ok(unit)
    }

    /// Reads an array's items into `each`, the cursor after `[`.
    fn array_with(&mut self, each: &mut dyn FnMut(Json)) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            each(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                return Err(self.error("trailing comma"));
            }
        }
    }

    /// Reads an object's members, the cursor after `{`; `read_value` reads
    /// each member's value, knowing its key and the members before it.
    fn object_with(
        &mut self,
        read_value: &mut dyn FnMut(&mut Self, &str, &Object) -> Result<Json, JsonError>,
    ) -> Result<Json, JsonError> {
        let mut members = Object::default();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error("trailing comma")),
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            let value = read_value(self, &key, &members)?;
            members.0.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, &'static str) {
        let e = parse(text).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let json = parse(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e6\ud83d\ude00", "c": {}} "#,
        )
        .unwrap();
        let a = json.get("a").unwrap();
        assert_eq!(
            a,
            &Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ])
        );
        assert_eq!(json.get("b").and_then(Json::as_str), Some("x\"\\/\u{8}\u{c}\n\r\tæ😀"));
        assert_eq!(json.get("c"), Some(&Json::Object(Object::default())));
    }

    #[test]
    fn items_stream_one_by_one_and_everything_else_is_kept() {
        let text = r#"{"title": "T", "items": [{"id": 1}, [2], "3"], "x": {"items": [4]}, "after": true}"#;
        let (mut before, mut items) = (Vec::new(), Vec::new());
        let (document, streamed) = parse_streaming_items(
            text,
            &mut |members| before = members.0.iter().map(|(k, _)| k.clone()).collect(),
            &mut |item| items.push(item),
        )
        .unwrap();
        assert_eq!((before, streamed), (vec!["title".to_owned()], true));
        assert_eq!(Json::Array(items).to_json_text(), r#"[{"id":1},[2],"3"]"#);
        // Only the top level's array streams; nested "items" stay.
        assert_eq!(document.to_json_text(), r#"{"title":"T","items":[],"x":{"items":[4]},"after":true}"#);
        assert_eq!(parse(text).unwrap().get("items").unwrap().to_json_text(), r#"[{"id":1},[2],"3"]"#);
        // Only the first array streams; a later one is kept.
        let twice = r#"{"items": [1], "items": [2]}"#;
        let mut items = Vec::new();
        let (document, streamed) =
            parse_streaming_items(twice, &mut |_| {}, &mut |item| items.push(item)).unwrap();
        assert!(streamed);
        assert_eq!(
            (Json::Array(items).to_json_text(), document.to_json_text()),
            ("[1]".into(), r#"{"items":[],"items":[2]}"#.into())
        );
    }

    #[test]
    fn many_items_members_stream_in_linear_time() {
        // Hostile: 100,000 `items` members; only the first one streams, so
        // `on_items` runs once.
        let text = format!("{{{}}}", vec![r#""items":[]"#; 100_000].join(","));
        let mut calls = 0;
        assert!(parse_streaming_items(&text, &mut |_| calls += 1, &mut |_| {}).is_ok());
        assert_eq!(calls, 1);
    }

    #[test]
    fn streaming_reports_the_same_errors_as_parsing() {
        for text in [
            "{\"items\": [1,]}",
            "{\"items\": [1 2]}",
            "{\"items\": [",
            "{\"items\": [{\"a\" 1}]}",
            "{\"items\": []} x",
            "[1,]",
        ] {
            let streamed = parse_streaming_items(text, &mut |_| {}, &mut |_| {}).map(|_| ());
            assert_eq!(streamed, parse(text).map(|_| ()), "{text}");
        }
        let deep = format!("{{\"items\": [{}{}]}}", "[".repeat(MAX_DEPTH - 2), "]".repeat(MAX_DEPTH - 2));
        assert!(parse_streaming_items(&deep, &mut |_| {}, &mut |_| {}).is_ok());
        let too_deep = format!("{{\"items\": [{}{}]}}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert_eq!(
            parse_streaming_items(&too_deep, &mut |_| {}, &mut |_| {}).unwrap_err().message,
            "recursion limit exceeded"
        );
    }

    #[test]
    fn the_last_of_duplicate_keys_wins() {
        let json = parse(r#"{"id": "1", "id": "2"}"#).unwrap();
        assert_eq!(json.get("id").and_then(Json::as_str), Some("2"));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let json = parse(r#"["\ud800", "\udc00x", "\ud800\u0041"]"#).unwrap();
        assert_eq!(json.to_json_text(), "[\"\u{FFFD}\",\"\u{FFFD}x\",\"\u{FFFD}A\"]");
    }

    #[test]
    fn errors_name_the_offending_character_like_serde_json() {
        for text in [
            "x",
            "{\n  \"items\": [\n    {\"id\": 1,,}\n  ]\n}",
            "[1,]",
            "{\"a\" 1}",
            "[1 2]",
            "{1:2}",
            "01",
            "\"\\q\"",
            "[1] x",
            "-",
            "1.",
            "1e",
            "tru",
            "\"a\u{1}\"",
            "{\"a\":1,}",
            "\"\\uZ000\"",
            "\"\\u12\"",
            "\"\\u12",
            "\"\\u00Zx\"",
            "\"\\ud800\\uZZZZ\"",
        ] {
            let ours = parse(text).unwrap_err();
            let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!((ours.line, ours.column), (theirs.line(), theirs.column()), "{text:?}");
            assert!(theirs.to_string().starts_with(ours.message), "{text:?}: {theirs} vs {}", ours.message);
        }
    }

    #[test]
    fn end_of_input_is_named() {
        assert_eq!(error("").2, "EOF while parsing a value");
        assert_eq!(error("[1").2, "EOF while parsing a list");
        assert_eq!(error("{\"a\":1").2, "EOF while parsing an object");
        assert_eq!(error("\"abc").2, "EOF while parsing a string");
    }

    #[test]
    fn nesting_is_limited_where_serde_json_limits_it() {
        for depth in [MAX_DEPTH, MAX_DEPTH + 1] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let ours = parse(&text).map(|_| ());
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "depth {depth}");
            if let (Err(ours), Err(theirs)) = (ours, theirs) {
                assert_eq!((ours.message, ours.column), ("recursion limit exceeded", theirs.column()));
            }
        }
        assert!(parse(&"[".repeat(MAX_DEPTH + 1)).is_err());
        let hostile = "[".repeat(100_000);
        assert_eq!(error(&hostile).2, "recursion limit exceeded");
    }

    #[test]
    fn lone_surrogates_and_huge_numbers_are_kept_where_serde_json_refuses_them() {
        for text in ["\"\\ud800\"", "\"\\ud800\\u0041\"", "1e400"] {
            assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "{text}");
            assert!(parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        for text in [
            "{}",
            "[]",
            "0",
            "-0.0e-0",
            "\"\"",
            "[[[]]]",
            " null ",
            "{\"a\":{\"b\":[1,{\"c\":\"d\"}]}}",
            "1E+2",
        ] {
            let ours = parse(text).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            let back: serde_json::Value = serde_json::from_str(&ours.to_json_text()).unwrap();
            assert_eq!(back, theirs, "{text}");
        }
    }

    proptest::proptest! {
        /// On any text, the reader accepts what serde_json accepts (and
        /// nothing else but lone surrogates and huge numbers), reads the same
        /// value, places errors at the same line and column, and never panics.
        #[test]
        fn agrees_with_serde_json_on_any_text(text in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\\n]{0,40}") {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            let lenient = theirs.as_ref().is_err_and(|e| {
                let e = e.to_string();
                e.contains("surrogate") || e.contains("end of hex escape") || e.contains("out of range")
            });
            proptest::prop_assume!(!lenient);
            proptest::prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} vs {:?}", text, ours, theirs);
            match (ours, theirs) {
                (Ok(ours), Ok(theirs)) => {
                    let back: serde_json::Value = serde_json::from_str(&ours.to_json_text()).unwrap();
                    proptest::prop_assert_eq!(back, theirs);
                }
                (Err(ours), Err(theirs)) => {
                    proptest::prop_assert_eq!((ours.line, ours.column), (theirs.line(), theirs.column()), "{:?}", text);
                }
                _ => {}
            }
        }
    }
}
