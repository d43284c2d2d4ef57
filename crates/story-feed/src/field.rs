//! Reading JSON members leniently, with any serde deserializer.
//!
//! Feeds are written by many tools, and one member of the wrong type must
//! never cost the whole feed. A [`Field`] holds one member as the document
//! wrote it: absent (or `null`), of the kind the model expects
//! ([`Field::Valid`]), or of another kind ([`Field::Invalid`], kept as a
//! short quotation for messages). What a [`FieldValue`] accepts is the rule
//! for each kind of member; the rest of the crate never sees a type error.
//!
//! Values nobody reads (unknown members, values of the wrong type) are
//! walked to their end rather than ignored, within [`MAX_DEPTH`] levels, so
//! that nesting beyond the limit is the error `recursion limit exceeded`
//! with every deserializer: serde_json stops there itself; a deserializer
//! without a limit of its own (serde-wasm-bindgen over the browser's
//! `JSON.parse`) is stopped by the walk. Either way the recursion is
//! shallow enough for the widget's 256 KiB WebAssembly stack.
//!
//! Nothing here depends on serde_json: the widget may fill the same types
//! from a `JsValue` through serde-wasm-bindgen.

use std::fmt::{self, Write as _};
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// How deep arrays and objects may nest: 127 levels, serde_json's limit.
///
/// With serde_json the limit counts from the document's top level. With
/// other deserializers it counts from the value the model stops
/// understanding (an unknown member, a value of the wrong type), at most
/// five levels down; either way no walk recurses deeper than this.
pub const MAX_DEPTH: usize = 127;

/// The error for nesting beyond [`MAX_DEPTH`], in serde_json's words.
pub(crate) const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";

/// How much of a value a quotation keeps, in bytes of compact JSON.
const QUOTE_MAX_BYTES: usize = 80;

/// One member of a JSON object, as the document wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Field<T> {
    /// The member is not there, or is `null`.
    #[default]
    Absent,
    /// The member has a value the model cannot use (a number where text
    /// belongs, an object where a list belongs, …): the value as compact
    /// JSON, cut to about 80 bytes with `…`, for messages.
    Invalid(String),
    /// The member has a value of the expected kind.
    Valid(T),
}

impl<T> Field<T> {
    /// The value, when it has the expected kind.
    pub fn valid(&self) -> Option<&T> {
        match self {
            Field::Valid(value) => Some(value),
            _ => None,
        }
    }

    /// The value, when it has the expected kind, by value.
    pub fn into_valid(self) -> Option<T> {
        match self {
            Field::Valid(value) => Some(value),
            _ => None,
        }
    }

    /// The quotation of a value of the wrong kind.
    pub fn invalid(&self) -> Option<&str> {
        match self {
            Field::Invalid(quoted) => Some(quoted),
            _ => None,
        }
    }

    /// Whether the member is absent or `null`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }
}

/// A kind of value a [`Field`] can hold: each method accepts one kind of
/// JSON value, and returns `None` (or gives the access back) for a value
/// this kind does not take, which then becomes [`Field::Invalid`].
pub trait FieldValue: Sized {
    /// From a JSON string.
    fn from_string(_text: &str) -> Option<Self> {
        None
    }

    /// From `true` or `false`.
    fn from_bool(_value: bool) -> Option<Self> {
        None
    }

    /// From a JSON number that is a whole number (`42`, `-7`, `1e3`, `2.0`).
    fn from_whole_number(_value: i128) -> Option<Self> {
        None
    }

    /// From a JSON array; `Err` gives the array back, unread.
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Result<Self, A>, A::Error> {
        Ok(Err(seq))
    }

    /// From a JSON object; `Err` gives the object back, unread.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Result<Self, A>, A::Error> {
        Ok(Err(map))
    }
}

impl<'de, T: FieldValue> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor(PhantomData))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<T> FieldVisitor<T> {
    /// `Valid` when the value was taken, else the value quoted by `quote`.
    fn field<E>(accepted: Option<T>, quote: impl FnOnce(Walk<'_>) -> Result<(), E>) -> Result<Field<T>, E> {
        match accepted {
            Some(value) => Ok(Field::Valid(value)),
            None => quoted(quote).map(Field::Invalid),
        }
    }
}

impl<'de, T: FieldValue> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }

    fn visit_none<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field<T>, D::Error> {
        Field::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Field<T>, E> {
        Self::field(T::from_bool(value), |walk| walk.visit_bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Field<T>, E> {
        Self::field(T::from_whole_number(value.into()), |walk| walk.visit_i64(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Field<T>, E> {
        Self::field(T::from_whole_number(value.into()), |walk| walk.visit_u64(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Field<T>, E> {
        Self::field(whole_number(value).and_then(T::from_whole_number), |walk| walk.visit_f64(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Field<T>, E> {
        Self::field(T::from_string(value), |walk| walk.visit_str(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Field<T>, E> {
        Self::field(None, |walk| walk.visit_bytes(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
        match T::from_seq(seq)? {
            Ok(value) => Ok(Field::Valid(value)),
            Err(seq) => quoted(|walk| walk.visit_seq(seq)).map(Field::Invalid),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
        match T::from_map(map)? {
            Ok(value) => Ok(Field::Valid(value)),
            Err(map) => quoted(|walk| walk.visit_map(map)).map(Field::Invalid),
        }
    }
}

/// A float that is a whole number, as an integer: `1e3` and `2.0` are
/// whole, as they are to `JSON.parse`, which has no integers.
fn whole_number(value: f64) -> Option<i128> {
    // Every float beyond 2^64 is whole, and none of them is an id anyone
    // wrote; the cast saturates, so the comparison refuses them.
    let whole = value as i128;
    (whole as f64 == value && value.abs() < 1.8e19).then_some(whole)
}

/// Writes a value as compact JSON with `walk` and returns it, cut to about
/// [`QUOTE_MAX_BYTES`] with `…`.
fn quoted<E>(walk: impl FnOnce(Walk<'_>) -> Result<(), E>) -> Result<String, E> {
    let mut quote = Quote::default();
    walk(Walk { quote: Some(&mut quote), depth_left: MAX_DEPTH, prefix: "" })?;
    if quote.cut {
        quote.text.push('…');
    }
    Ok(quote.text)
}

/// A quotation being written: stops growing at [`QUOTE_MAX_BYTES`].
#[derive(Default)]
struct Quote {
    text: String,
    cut: bool,
}

impl fmt::Write for Quote {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.cut {
            return Ok(());
        }
        let room = QUOTE_MAX_BYTES.saturating_sub(self.text.len());
        if s.len() <= room {
            self.text.push_str(s);
        } else {
            let mut end = room;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            self.text.push_str(&s[..end]);
            self.cut = true;
        }
        Ok(())
    }
}

/// Walks one value to its end, at most `depth_left` levels deep, writing it
/// as compact JSON when it has a quotation to write to.
pub(crate) struct Walk<'a> {
    quote: Option<&'a mut Quote>,
    depth_left: usize,
    /// Written before the value: `,` between elements, `:` after a key.
    prefix: &'static str,
}

impl Walk<'static> {
    /// Walks a value and forgets it: for members the model does not read.
    pub(crate) fn skip() -> Walk<'static> {
        Walk { quote: None, depth_left: MAX_DEPTH, prefix: "" }
    }
}

impl Walk<'_> {
    /// Writes `parts`, after the prefix, while there is room.
    fn write(&mut self, parts: fmt::Arguments<'_>) {
        if let Some(quote) = self.quote.as_deref_mut() {
            let _ = quote.write_str(self.prefix).and_then(|()| quote.write_fmt(parts));
        }
    }

    /// The depth left to the values inside this array or object; an error
    /// when there is none.
    fn depth_left_inside<E: de::Error>(&self) -> Result<usize, E> {
        self.depth_left.checked_sub(1).ok_or_else(|| E::custom(RECURSION_LIMIT_EXCEEDED))
    }

    fn write_string(&mut self, text: &str) {
        let Some(quote) = self.quote.as_deref_mut() else { return };
        let _ = quote.write_str(self.prefix);
        let _ = quote.write_char('"');
        for c in text.chars() {
            // A huge string stops being read once the quotation is full.
            if quote.cut {
                return;
            }
            let _ = match c {
                '"' => quote.write_str("\\\""),
                '\\' => quote.write_str("\\\\"),
                '\n' => quote.write_str("\\n"),
                '\r' => quote.write_str("\\r"),
                '\t' => quote.write_str("\\t"),
                c if (c as u32) < 0x20 => write!(quote, "\\u{:04x}", c as u32),
                c => quote.write_char(c),
            };
        }
        let _ = quote.write_char('"');
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(mut self) -> Result<(), E> {
        self.write(format_args!("null"));
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(mut self, value: bool) -> Result<(), E> {
        self.write(format_args!("{}", if value { "true" } else { "false" }));
        Ok(())
    }

    fn visit_i64<E: de::Error>(mut self, value: i64) -> Result<(), E> {
        self.write(format_args!("{value}"));
        Ok(())
    }

    fn visit_u64<E: de::Error>(mut self, value: u64) -> Result<(), E> {
        self.write(format_args!("{value}"));
        Ok(())
    }

    fn visit_f64<E: de::Error>(mut self, value: f64) -> Result<(), E> {
        if self.quote.is_some() {
            let mut text = String::new();
            write_float(&mut text, value);
            self.write(format_args!("{text}"));
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(mut self, value: &str) -> Result<(), E> {
        self.write_string(value);
        Ok(())
    }

    fn visit_bytes<E: de::Error>(mut self, _value: &[u8]) -> Result<(), E> {
        // Not JSON; a deserializer of binary data might offer them.
        self.write_string("(bytes)");
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let depth_left = self.depth_left_inside()?;
        self.write(format_args!("["));
        let mut prefix = "";
        while seq.next_element_seed(Walk { quote: self.quote.as_deref_mut(), depth_left, prefix })?.is_some()
        {
            prefix = ",";
        }
        self.prefix = "";
        self.write(format_args!("]"));
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let depth_left = self.depth_left_inside()?;
        self.write(format_args!("{{"));
        let mut prefix = "";
        while map.next_key_seed(Walk { quote: self.quote.as_deref_mut(), depth_left, prefix })?.is_some() {
            map.next_value_seed(Walk { quote: self.quote.as_deref_mut(), depth_left, prefix: ":" })?;
            prefix = ",";
        }
        self.prefix = "";
        self.write(format_args!("}}"));
        Ok(())
    }
}

/// Writes a float for a message without the formatting tables of `{}` for
/// floats (they would cost the WebAssembly build several kilobytes): whole
/// numbers in full, others with up to six decimals, huge ones as `de±n`.
fn write_float(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push_str("null");
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    let mut magnitude = value.abs();
    if magnitude >= 1e18 {
        let mut exponent = 0;
        while magnitude >= 10.0 {
            magnitude /= 10.0;
            exponent += 1;
        }
        let _ = write!(out, "{}e{exponent}", magnitude as u8);
        return;
    }
    let micro = (magnitude * 1e6 + 0.5) as u64;
    let (whole, fraction) = (micro / 1_000_000, micro % 1_000_000);
    let _ = write!(out, "{whole}");
    if fraction > 0 {
        let digits = format!("{fraction:06}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

/// The members a kind of object has, named as in the document.
pub(crate) trait Members: Sized {
    /// The member called `name`; `None` for one the model does not read.
    fn named(name: &str) -> Option<Self>;
}

/// An object key: one of the members of `K`, or `None` for another.
struct Member<K>(Option<K>);

impl<'de, K: Members> Deserialize<'de> for Member<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(MemberVisitor(PhantomData))
    }
}

struct MemberVisitor<K>(PhantomData<K>);

impl<K: Members> Visitor<'_> for MemberVisitor<K> {
    type Value = Member<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Member<K>, E> {
        Ok(Member(K::named(name)))
    }

    fn visit_bytes<E: de::Error>(self, _name: &[u8]) -> Result<Member<K>, E> {
        Ok(Member(None))
    }

    fn visit_u64<E: de::Error>(self, _name: u64) -> Result<Member<K>, E> {
        Ok(Member(None))
    }
}

/// Reads an object's members: `read` takes the value of each member of
/// `K` (a later duplicate overwrites an earlier one, as in `JSON.parse`),
/// and every other member is walked and forgotten.
pub(crate) fn read_members<'de, A, K>(
    map: &mut A,
    mut read: impl FnMut(K, &mut A) -> Result<(), A::Error>,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    K: Members,
{
    while let Some(Member(member)) = map.next_key::<Member<K>>()? {
        match member {
            Some(member) => read(member, map)?,
            None => map.next_value_seed(Walk::skip())?,
        }
    }
    Ok(())
}

/// A list where every element is kept as a field: `items` keeps its
/// positions, so a skipped item can be named by its index.
impl<T: FieldValue> FieldValue for Vec<Field<T>> {
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Result<Self, A>, A::Error> {
        let mut elements = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(element) = seq.next_element::<Field<T>>()? {
            elements.push(element);
        }
        Ok(Ok(elements))
    }
}

/// Text exactly as written (URLs, dates, names of kinds).
impl FieldValue for String {
    fn from_string(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl FieldValue for bool {
    fn from_bool(value: bool) -> Option<Self> {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<T: FieldValue>(json: &str) -> Field<T> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn values_of_the_expected_kind_are_valid_and_null_is_absent() {
        assert_eq!(field::<String>(r#""x""#), Field::Valid("x".to_owned()));
        assert_eq!(field::<bool>("true"), Field::Valid(true));
        assert_eq!(field::<String>("null"), Field::Absent);
    }

    #[test]
    fn values_of_another_kind_are_quoted_as_compact_json() {
        assert_eq!(field::<String>(r#"[ "colleagues" ]"#), Field::Invalid(r#"["colleagues"]"#.to_owned()));
        assert_eq!(
            field::<String>(r#"{"a": [1, -2, 2.5, true, null], "b\n": {}}"#).invalid(),
            Some(r#"{"a":[1,-2,2.5,true,null],"b\n":{}}"#)
        );
        assert_eq!(field::<bool>(r#""yes""#), Field::Invalid(r#""yes""#.to_owned()));
        assert_eq!(field::<String>("42"), Field::Invalid("42".to_owned()));
        assert_eq!(field::<String>("-0.125"), Field::Invalid("-0.125".to_owned()));
        assert_eq!(field::<String>("1e300"), Field::Invalid("1e300".to_owned()));
    }

    #[test]
    fn quotations_are_cut_and_never_read_a_huge_string_to_its_end() {
        let huge = format!("[\"{}\", 1]", "æ".repeat(1_000_000));
        let quote = field::<String>(&huge).invalid().unwrap().to_owned();
        assert!(quote.len() <= QUOTE_MAX_BYTES + '…'.len_utf8(), "{} bytes", quote.len());
        assert!(quote.starts_with("[\"ææ") && quote.ends_with('…'), "{quote}");
    }

    #[test]
    fn a_list_keeps_every_element_in_place() {
        let list: Field<Vec<Field<String>>> = field(r#"["a", 1, null, "b"]"#);
        let expected = vec![
            Field::Valid("a".to_owned()),
            Field::Invalid("1".to_owned()),
            Field::Absent,
            Field::Valid("b".to_owned()),
        ];
        assert_eq!(list, Field::Valid(expected));
    }

    #[test]
    fn nesting_is_limited_where_serde_json_limits_it() {
        for depth in [MAX_DEPTH, MAX_DEPTH + 1] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let ours = serde_json::from_str::<Field<String>>(&text).map(|_| ());
            let theirs = serde_json::from_str::<serde_json::Value>(&text).map(|_| ());
            assert_eq!(ours.is_ok(), theirs.is_ok(), "depth {depth}");
        }
        let hostile = "[".repeat(100_000);
        let error = serde_json::from_str::<Field<String>>(&hostile).unwrap_err();
        assert!(error.to_string().starts_with(RECURSION_LIMIT_EXCEEDED), "{error}");
    }

    /// A deserializer without a depth limit of its own (here a
    /// `serde_json::Value` built by hand) is stopped by the walk.
    #[test]
    fn the_walk_limits_nesting_for_deserializers_without_a_limit() {
        let nest = |depth: usize| {
            let mut value = serde_json::Value::Null;
            for _ in 0..depth {
                value = serde_json::Value::Array(vec![value]);
            }
            value
        };
        assert!(Field::<String>::deserialize(nest(MAX_DEPTH)).is_ok());
        let error = Field::<String>::deserialize(nest(1000)).unwrap_err();
        assert_eq!(error.to_string(), RECURSION_LIMIT_EXCEEDED);
        let mut skipped = serde_json::Map::new();
        skipped.insert("deep".to_owned(), nest(1000));
        let error = Walk::skip().deserialize(serde_json::Value::Object(skipped)).unwrap_err();
        assert_eq!(error.to_string(), RECURSION_LIMIT_EXCEEDED);
    }

    #[test]
    fn floats_are_written_without_float_formatting() {
        let write = |value: f64| {
            let mut out = String::new();
            write_float(&mut out, value);
            out
        };
        assert_eq!(write(2.5), "2.5");
        assert_eq!(write(-0.000001), "-0.000001");
        assert_eq!(write(1234.0), "1234");
        assert_eq!(write(3e20), "3e20");
        assert_eq!(write(f64::NAN), "null");
    }

    #[test]
    fn whole_numbers_are_recognised_in_floats() {
        assert_eq!(whole_number(1e3), Some(1000));
        assert_eq!(whole_number(-2.0), Some(-2));
        assert_eq!(whole_number(2.5), None);
        assert_eq!(whole_number(1e300), None);
    }
}
