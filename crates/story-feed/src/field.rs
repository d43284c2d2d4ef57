//! Reading JSON members leniently, with any serde deserializer.
//!
//! Feeds are written by many tools, and one member of the wrong type must
//! never cost the whole feed. A [`Field`] holds one member as the document
//! wrote it: absent (or `null`), of the kind the model expects
//! ([`Field::Valid`]), or of another kind ([`Field::Invalid`], kept as a
//! short quotation for messages). What a [`FieldValue`] accepts is the rule
//! for each kind of member; the rest of the crate never sees a type error.
//!
//! One serde visitor reads every value of every kind. It is told at run
//! time which field the value goes into (a [`Slot`]), rather than being a
//! visitor of its own for each kind of field: every kind then shares one
//! copy of the deserializer's code, which keeps the widget's WebAssembly
//! small. Strings, numbers and booleans reach a field as one [`Scalar`];
//! an object fills its [`Members`], an array its [`Elements`].
//!
//! Values nobody reads (unknown members, values of the wrong type) are
//! walked to their end rather than ignored, within [`MAX_DEPTH`] levels, so
//! that nesting beyond the limit is the error `recursion limit exceeded`
//! with every deserializer: serde_json stops there itself; a deserializer
//! without a limit of its own (serde-wasm-bindgen over the browser's
//! `JSON.parse`) is stopped by the walk. Either way the recursion is
//! shallow enough for the widget's 256 KiB WebAssembly stack. A walk that
//! reaches the limit stops there and marks the read, which then fails
//! ([`ReadError::TooDeep`]), so the error is made only where the read
//! began.
//!
//! Nothing here depends on serde_json: the widget may fill the same types
//! from a `JsValue` through serde-wasm-bindgen.

use std::cell::Cell;
use std::fmt::{self, Write as _};

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

    /// Makes the field `Valid(value)` (dropping what it held first) and
    /// returns the value, to be filled in place.
    pub fn set_valid(&mut self, value: T) -> Option<&mut T> {
        *self = Field::Valid(value);
        match self {
            Field::Valid(value) => Some(value),
            _ => None,
        }
    }
}

/// A JSON value that is neither an array nor an object, as a deserializer
/// hands it over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits an `i64`.
    Integer(i64),
    /// A whole number beyond `i64::MAX`.
    Unsigned(u64),
    /// Any other number (serde_json gives a float for `2.5`, `1e3`, `2.0`;
    /// the browser's `JSON.parse` for every number).
    Float(f64),
    /// A string.
    String(&'a str),
    /// Bytes: not JSON, but a deserializer of binary data may offer them.
    Bytes(&'a [u8]),
}

impl Scalar<'_> {
    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match *self {
            Scalar::String(text) => Some(text),
            _ => None,
        }
    }

    /// A number that is a whole number (`42`, `-7`, `1e3`, `2.0`), as an
    /// integer; `None` for other numbers and other values.
    pub fn whole_number(&self) -> Option<i64> {
        match *self {
            Scalar::Integer(value) => Some(value),
            Scalar::Unsigned(value) => i64::try_from(value).ok(),
            Scalar::Float(value) => whole_number(value),
            _ => None,
        }
    }
}

/// A kind of value a [`Field`] can hold. Each method takes one shape of
/// JSON value and returns `None` for a value this kind does not take,
/// which then becomes [`Field::Invalid`].
pub trait FieldValue: Sized {
    /// From a string, number or boolean (never `null`, which is absent).
    fn from_scalar(_value: &Scalar<'_>) -> Option<Self> {
        None
    }

    /// For a JSON object: makes `field` a valid, empty value of this kind
    /// and returns it, for its members to be read into.
    fn object(_field: &mut Field<Self>) -> Option<&mut dyn Members> {
        None
    }

    /// For a JSON array of about `capacity` elements: makes `field` a
    /// valid, empty value of this kind and returns it, for its elements to
    /// be read into.
    fn list(_field: &mut Field<Self>, _capacity: usize) -> Option<&mut dyn Elements> {
        None
    }
}

/// An object being read: where each of its members goes.
pub trait Members {
    /// The field for the member called `name`; `None` for one the model
    /// does not read. A later duplicate overwrites an earlier one, as in
    /// `JSON.parse`.
    fn member(&mut self, name: &str) -> Option<Slot<'_>>;
}

/// A list being read: where its next element goes.
pub trait Elements {
    /// A new element at the end, absent until it is read.
    fn push(&mut self) -> Slot<'_>;
}

/// A field about to be read: the place a member or an element goes.
pub struct Slot<'a>(&'a mut dyn Fill);

impl<'a> Slot<'a> {
    /// The place of `field`.
    pub fn new<T: FieldValue>(field: &'a mut Field<T>) -> Slot<'a> {
        Slot(field)
    }
}

/// What the reader needs of a field, without knowing its type: one copy of
/// the reading code serves every kind.
trait Fill {
    /// Takes a scalar that is not `null`; `false` when the kind does not.
    fn scalar(&mut self, value: &Scalar<'_>) -> bool;
    /// See [`FieldValue::object`].
    fn object(&mut self) -> Option<&mut dyn Members>;
    /// See [`FieldValue::list`].
    fn list(&mut self, capacity: usize) -> Option<&mut dyn Elements>;
    /// Becomes `Invalid(quoted)`, or `Absent` for `None`.
    fn set_other(&mut self, quoted: Option<String>);
}

impl<T: FieldValue> Fill for Field<T> {
    fn scalar(&mut self, value: &Scalar<'_>) -> bool {
        T::from_scalar(value).map(|value| *self = Field::Valid(value)).is_some()
    }

    fn object(&mut self) -> Option<&mut dyn Members> {
        T::object(self)
    }

    fn list(&mut self, capacity: usize) -> Option<&mut dyn Elements> {
        T::list(self, capacity)
    }

    fn set_other(&mut self, quoted: Option<String>) {
        *self = quoted.map_or(Field::Absent, Field::Invalid);
    }
}

impl<'de, T: FieldValue> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_field(deserializer).map_err(ReadError::into_error)
    }
}

/// Why a value could not be read.
#[derive(Debug)]
pub(crate) enum ReadError<E> {
    /// The deserializer's own error: the document is not JSON, or (with
    /// serde_json) nests beyond its limit.
    Deserializer(E),
    /// Values nest deeper than [`MAX_DEPTH`]; only a deserializer without
    /// a limit of its own gets this far.
    TooDeep,
}

impl<E: de::Error> ReadError<E> {
    /// The error as the deserializer's own: `recursion limit exceeded`
    /// for [`ReadError::TooDeep`].
    pub(crate) fn into_error(self) -> E {
        match self {
            ReadError::Deserializer(error) => error,
            ReadError::TooDeep => E::custom(RECURSION_LIMIT_EXCEEDED),
        }
    }
}

/// Reads one value into a new field.
///
/// Nesting beyond [`MAX_DEPTH`] is [`ReadError::TooDeep`] rather than an
/// error made with `de::Error::custom`: a caller that knows its
/// deserializer (`Feed::parse`, with serde_json) then needs no such error,
/// which would cost the widget's WebAssembly a few kilobytes.
pub(crate) fn read_field<'de, T: FieldValue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Field<T>, ReadError<D::Error>> {
    let too_deep = Cell::new(false);
    let mut field = Field::Absent;
    read(Reader { target: Target::Field(&mut field), too_deep: &too_deep }, deserializer)?;
    Ok(field)
}

/// Reads one value with `reader`.
fn read<'de, D: Deserializer<'de>>(reader: Reader<'_>, deserializer: D) -> Result<(), ReadError<D::Error>> {
    let too_deep = reader.too_deep;
    let read = reader.deserialize(deserializer);
    // Checked first: the deserializer may have refused the values a walk
    // left unread when it stopped.
    if too_deep.get() {
        return Err(ReadError::TooDeep);
    }
    read.map_err(ReadError::Deserializer)
}

/// A list where every element is kept as a field: `items` keeps its
/// positions, so a skipped item can be named by its index.
impl<T: FieldValue> FieldValue for Vec<Field<T>> {
    fn list(field: &mut Field<Self>, capacity: usize) -> Option<&mut dyn Elements> {
        Some(field.set_valid(Vec::with_capacity(capacity))?)
    }
}

impl<T: FieldValue> Elements for Vec<Field<T>> {
    fn push(&mut self) -> Slot<'_> {
        self.push(Field::Absent);
        let last = self.len() - 1;
        Slot::new(&mut self[last])
    }
}

/// Text exactly as written (URLs, dates, names of kinds).
impl FieldValue for String {
    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl FieldValue for bool {
    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match *value {
            Scalar::Bool(value) => Some(value),
            _ => None,
        }
    }
}

/// Reads one value: into a field, or walking it.
struct Reader<'a> {
    target: Target<'a>,
    /// Set by a walk that stops at [`MAX_DEPTH`]; see [`read`].
    too_deep: &'a Cell<bool>,
}

/// Where a value goes.
enum Target<'a> {
    /// Into this field, which decides what it takes; a value it does not
    /// take is quoted.
    Field(&'a mut dyn Fill),
    /// Nowhere: the value is walked to its end (and quoted, when the walk
    /// has a quotation to write to).
    Walk(Walk<'a>),
}

impl Reader<'_> {
    fn scalar(self, value: Scalar<'_>) {
        match self.target {
            Target::Walk(mut walk) => walk.scalar(&value),
            Target::Field(field) if matches!(value, Scalar::Null) => field.set_other(None),
            Target::Field(field) => {
                if !field.scalar(&value) {
                    field.set_other(Some(quoted_scalar(&value)));
                }
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Reader<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar(Scalar::Null);
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<(), E> {
        self.scalar(Scalar::Bool(value));
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.scalar(Scalar::Integer(value));
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        self.scalar(Scalar::Unsigned(value));
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        self.scalar(Scalar::Float(value));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.scalar(Scalar::String(value));
        Ok(())
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<(), E> {
        self.scalar(Scalar::Bytes(value));
        Ok(())
    }

    // Arrays and objects go to functions of their own, so that this
    // frame stays small: a debug build's frames add up over every level
    // of nesting, and the stack is 256 KiB.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        match self.target {
            Target::Walk(walk) => walk.seq(seq, self.too_deep),
            Target::Field(field) => fill_list(field, seq, self.too_deep),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        match self.target {
            Target::Walk(walk) => walk.map(map, self.too_deep),
            Target::Field(field) => fill_object(field, map, self.too_deep),
        }
    }
}

/// Reads an array into `field`: its elements when it is a list, else its
/// quotation.
fn fill_list<'de, A: SeqAccess<'de>>(
    field: &mut dyn Fill,
    mut seq: A,
    too_deep: &Cell<bool>,
) -> Result<(), A::Error> {
    let capacity = seq.size_hint().unwrap_or(0).min(4096);
    if let Some(elements) = field.list(capacity) {
        while seq.next_element_seed(NextElement(&mut *elements, too_deep))?.is_some() {}
        return Ok(());
    }
    let quoted = quoted(|walk| walk.seq(seq, too_deep))?;
    field.set_other(Some(quoted));
    Ok(())
}

/// Reads an object into `field`: its members when it is an object, else
/// its quotation.
fn fill_object<'de, A: MapAccess<'de>>(
    field: &mut dyn Fill,
    mut map: A,
    too_deep: &Cell<bool>,
) -> Result<(), A::Error> {
    if let Some(members) = field.object() {
        while let Some(member) = map.next_key_seed(MemberName(&mut *members))? {
            let target = match member {
                Some(Slot(field)) => Target::Field(field),
                None => Target::Walk(Walk::skip()),
            };
            map.next_value_seed(Reader { target, too_deep })?;
        }
        return Ok(());
    }
    let quoted = quoted(|walk| walk.map(map, too_deep))?;
    field.set_other(Some(quoted));
    Ok(())
}

/// Reads the next element of a list into a new element at its end.
struct NextElement<'a>(&'a mut dyn Elements, &'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for NextElement<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let NextElement(elements, too_deep) = self;
        Reader { target: Target::Field(elements.push().0), too_deep }.deserialize(deserializer)
    }
}

/// An object key: the field of a member the model reads, or `None`.
struct MemberName<'a>(&'a mut dyn Members);

impl<'de, 'a> DeserializeSeed<'de> for MemberName<'a> {
    type Value = Option<Slot<'a>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'a> Visitor<'_> for MemberName<'a> {
    type Value = Option<Slot<'a>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(self.0.member(name))
    }

    fn visit_bytes<E: de::Error>(self, _name: &[u8]) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, _name: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// A float that is a whole number, as an integer: `1e3` and `2.0` are
/// whole, as they are to `JSON.parse`, which has no integers.
fn whole_number(value: f64) -> Option<i64> {
    // The cast saturates (and makes NaN 0), so the comparison refuses
    // every float it does not hold exactly; 2^63 itself is refused too.
    let whole = value as i64;
    (whole as f64 == value && value.abs() < 9.2e18).then_some(whole)
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

/// A scalar as compact JSON, cut like every quotation.
fn quoted_scalar(value: &Scalar<'_>) -> String {
    let quoted: Result<String, ()> = quoted(|mut walk| {
        walk.scalar(value);
        Ok(())
    });
    quoted.unwrap_or_default()
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

/// A walk on its own, not inside the read of a field: nesting beyond
/// [`MAX_DEPTH`] is the deserializer's error.
impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let too_deep = Cell::new(false);
        read(Reader { target: Target::Walk(self), too_deep: &too_deep }, deserializer)
            .map_err(ReadError::into_error)
    }
}

impl Walk<'_> {
    /// Writes `text`, after the prefix, while there is room.
    fn write(&mut self, text: &str) {
        if let Some(quote) = self.quote.as_deref_mut() {
            let _ = quote.write_str(self.prefix);
            let _ = quote.write_str(text);
        }
    }

    /// The reader of a value inside this array or object, `depth_left`
    /// levels from the limit.
    fn inside<'b>(
        &'b mut self,
        depth_left: usize,
        prefix: &'static str,
        too_deep: &'b Cell<bool>,
    ) -> Reader<'b> {
        let walk = Walk { quote: self.quote.as_deref_mut(), depth_left, prefix };
        Reader { target: Target::Walk(walk), too_deep }
    }

    fn scalar(&mut self, value: &Scalar<'_>) {
        if self.quote.is_none() {
            return;
        }
        match *value {
            Scalar::Null => self.write("null"),
            Scalar::Bool(true) => self.write("true"),
            Scalar::Bool(false) => self.write("false"),
            Scalar::Integer(number) => self.write(&number.to_string()),
            Scalar::Unsigned(number) => self.write(&number.to_string()),
            Scalar::Float(number) => {
                let mut text = String::new();
                write_float(&mut text, number);
                self.write(&text);
            }
            Scalar::String(text) => self.write_string(text),
            Scalar::Bytes(_) => self.write_string("(bytes)"),
        }
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
                c if (c as u32) < 0x20 => {
                    let hex = |digit: u32| char::from_digit(digit, 16).unwrap_or('0');
                    let _ = quote.write_str("\\u00");
                    let _ = quote.write_char(hex(c as u32 >> 4));
                    quote.write_char(hex(c as u32 & 15))
                }
                c => quote.write_char(c),
            };
        }
        let _ = quote.write_char('"');
    }

    fn seq<'de, A: SeqAccess<'de>>(mut self, mut seq: A, too_deep: &Cell<bool>) -> Result<(), A::Error> {
        let Some(depth_left) = self.depth_left.checked_sub(1) else {
            // Stops here, unread: the read fails (see `read`).
            too_deep.set(true);
            return Ok(());
        };
        self.write("[");
        let mut prefix = "";
        while seq.next_element_seed(self.inside(depth_left, prefix, too_deep))?.is_some() {
            prefix = ",";
        }
        self.prefix = "";
        self.write("]");
        Ok(())
    }

    fn map<'de, A: MapAccess<'de>>(mut self, mut map: A, too_deep: &Cell<bool>) -> Result<(), A::Error> {
        let Some(depth_left) = self.depth_left.checked_sub(1) else {
            too_deep.set(true);
            return Ok(());
        };
        self.write("{");
        let mut prefix = "";
        while map.next_key_seed(self.inside(depth_left, prefix, too_deep))?.is_some() {
            map.next_value_seed(self.inside(depth_left, ":", too_deep))?;
            prefix = ",";
        }
        self.prefix = "";
        self.write("}");
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
        // Six digits with the leading zeros, then without the trailing ones.
        let digits = (1_000_000 + fraction).to_string();
        out.push('.');
        out.push_str(digits[1..].trim_end_matches('0'));
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
