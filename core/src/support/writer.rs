//! A compact JSON writer: a `serde::Serializer` for banshi's responses.
//!
//! It writes exactly what serde_json's compact serializer writes for the
//! values banshi produces (maps, sequences, strings, integers, booleans and
//! null), but scans strings for characters to escape eight bytes at a time:
//! responses are mostly Chinese text that never needs escaping, and the scan
//! was half the cost of an assessment.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

/// Serialises `value` as compact JSON.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T, capacity: usize) -> String {
    let mut w = Writer { out: String::with_capacity(capacity) };
    w.value(value);
    w.out
}

pub(crate) struct Writer {
    out: String,
}

impl Writer {
    pub(crate) fn with_capacity(capacity: usize) -> Writer {
        Writer { out: String::with_capacity(capacity) }
    }

    /// Appends JSON text made earlier by this writer (a precomputed fragment).
    pub(crate) fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    /// Appends any serialisable value.
    pub(crate) fn value<T: Serialize + ?Sized>(&mut self, value: &T) {
        let Ok(()) = value.serialize(&mut *self);
    }

    /// Appends a JSON string.
    pub(crate) fn str(&mut self, s: &str) {
        self.string(s);
    }

    /// Appends a date as a JSON string, as its `Serialize` writes it.
    pub(crate) fn date(&mut self, date: crate::support::date::Date) {
        let mut quoted = [b'"'; 12];
        quoted[1..11].copy_from_slice(&date.iso());
        self.out.push_str(std::str::from_utf8(&quoted).expect("ASCII digits"));
    }

    /// The length of the text written so far, in bytes.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// The writer's error type, which has no values: banshi's responses are
/// made only of maps, sequences, strings, integers, booleans and null, so
/// serialising never fails. Being uninhabited, it makes every `?` between
/// `Serialize` impls free (no error to test for or carry). A value outside
/// that set is a bug in banshi, and panics where it is met.
#[derive(Debug)]
pub(crate) enum Unsupported {}

impl Display for Unsupported {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(msg: T) -> Self {
        unsupported(&msg.to_string())
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether any byte of `word` is a control character, `"` or `\`: the
/// bytes a JSON string escapes, and the only ones its reader must stop at.
#[inline]
pub(crate) fn needs_escape(word: u64) -> bool {
    escapes(word) != 0
}

/// The bytes of `word` (read little-endian) that [`needs_escape`] looks
/// for, as the high bit of each: the lowest bit set marks the first such
/// byte exactly (a higher one may be marked falsely, by a borrow), so
/// `trailing_zeros() / 8` is its index.
#[inline]
pub(crate) fn escapes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // Bytes below 0x20 (bytes >= 0x80 are UTF-8 and never below 0x20).
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    control | has_zero(word ^ (ONES * u64::from(b'"'))) | has_zero(word ^ (ONES * u64::from(b'\\')))
}

/// The escape for each ASCII byte that needs one (0: none).
static ESCAPE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

impl Writer {
    fn string(&mut self, s: &str) {
        self.out.push('"');
        self.escaped(s);
        self.out.push('"');
    }

    /// Appends one JSON string: the two texts of `before`, the decimal
    /// `number`, then `after`. A phrase such as `申请人不满18周岁`, written
    /// without `core::fmt` (which cost a tenth of a JSON assessment).
    pub(crate) fn str_with_number(&mut self, before: [&str; 2], number: i64, after: &str) {
        self.out.push('"');
        self.escaped(before[0]);
        self.escaped(before[1]);
        let mut buf = [0u8; 20];
        let digits = decimal(number.unsigned_abs(), &mut buf);
        if number < 0 {
            self.out.push('-');
        }
        self.out.push_str(std::str::from_utf8(digits).expect("ASCII digits"));
        self.escaped(after);
        self.out.push('"');
    }

    /// Appends `s` escaped as inside a JSON string.
    fn escaped(&mut self, s: &str) {
        let bytes = s.as_bytes();
        // Most strings need no escape: skip them eight bytes at a time, to
        // the first byte that needs one.
        let mut i = 0;
        while let Some(chunk) = bytes.get(i..i + 8) {
            let found = escapes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
            if found != 0 {
                i += (found.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        // Fewer than eight bytes left unread: the last eight bytes, read
        // again in part, settle them at once.
        if i + 8 > bytes.len() && i < bytes.len() && bytes.len() >= 8 {
            let last = &bytes[bytes.len() - 8..];
            if escapes(u64::from_le_bytes(last.try_into().expect("eight bytes"))) == 0 {
                self.out.push_str(s);
                return;
            }
        }
        let mut start = 0;
        for (j, &b) in bytes.iter().enumerate().skip(i) {
            let escape = if b < 0x80 { ESCAPE[usize::from(b)] } else { 0 };
            if escape == 0 {
                continue;
            }
            // Escapes sit at ASCII bytes, so `start..j` is on char boundaries.
            self.out.push_str(&s[start..j]);
            self.out.push('\\');
            if escape == b'u' {
                self.out.push_str("u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                self.out.push(char::from(escape));
            }
            start = j + 1;
        }
        self.out.push_str(&s[start..]);
    }

    /// Writes an object key that is one of banshi's own field names: ASCII
    /// identifiers, which never need escaping.
    fn key(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{key}");
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    fn unsigned(&mut self, n: u64) {
        if n < 10 {
            // Most numbers written are small indices into a compact answer's tables.
            self.out.push(char::from(b'0' + n as u8));
            return;
        }
        let mut buf = [0u8; 20];
        // Pushed one by one: `str::from_utf8` on them cost more than the
        // division, in a compact answer's many small indices (callgrind).
        for &digit in decimal(n, &mut buf) {
            self.out.push(char::from(digit));
        }
    }
}

/// The decimal digits of `n`, written at the end of `buf` (ASCII): for the
/// writers that avoid `core::fmt`, which costs several times as much.
/// Always inlined: with plain `#[inline]` a compact answer's many small
/// numbers cost 1.6% more (callgrind).
#[inline(always)]
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

/// An open array or object.
pub(crate) struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(',');
        }
    }
}

/// A value banshi's JSON never holds: a bug, so a panic (see [`Unsupported`]).
#[cold]
fn unsupported(what: &str) -> ! {
    unreachable!("{what} is not used in banshi's JSON")
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        if v < 0 {
            self.out.push('-');
        }
        self.unsigned(v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("f32")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        unsupported("f64")
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('[');
        Ok(Compound { w: self, first: true, close: ']' })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        unsupported("tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('{');
        Ok(Compound { w: self, first: true, close: '}' })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        unsupported("struct variant")
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        self.string(&value.to_string());
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Unsupported> {
        unsupported("tuple variant")
    }
    fn end(self) -> Result<(), Unsupported> {
        unsupported("tuple variant")
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.comma();
        key.serialize(&mut *self.w)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.w.out.push(':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
        self.comma();
        self.w.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, _: &T) -> Result<(), Unsupported> {
        unsupported("struct variant")
    }
    fn end(self) -> Result<(), Unsupported> {
        unsupported("struct variant")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut samples: Vec<String> = vec![
            String::new(),
            "plain ascii text, longer than eight bytes".into(),
            "中文“引号”与全角：，。".into(),
            "quote \" backslash \\ slash / tab \t newline \n return \r".into(),
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f} end".into(),
            "1234567\"".into(),
            "12345678\\".into(),
            "😀 emoji and é".into(),
        ];
        // Every single byte value a str can hold at each position of a word.
        for c in (0u8..0x80).map(char::from) {
            for pad in 0..9 {
                samples.push(format!("{}{c}{}", "a".repeat(pad), "b".repeat(9 - pad)));
            }
        }
        for s in &samples {
            assert_eq!(to_string(s, 0), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn a_phrase_with_a_number_is_one_string() {
        for n in [0, 7, 18, 90, -1, 100_000, i64::MAX, i64::MIN] {
            for (a, b, c) in [("申请人", "不满", "周岁"), ("a\"b", "\\", "\n")] {
                let mut w = Writer::with_capacity(0);
                w.str_with_number([a, b], n, c);
                assert_eq!(w.finish(), serde_json::to_string(&format!("{a}{b}{n}{c}")).unwrap());
            }
        }
    }

    #[test]
    fn structures_match_serde_json() {
        let value =
            serde_json::json!({"a": [1, -2, 3000000000u64, true, false, null], "b": {"c": "d", "e": []}, "f": {}});
        assert_eq!(to_string(&value, 0), serde_json::to_string(&value).unwrap());
        assert_eq!(to_string(&u64::MAX, 0), u64::MAX.to_string());
        assert_eq!(to_string(&i64::MIN, 0), i64::MIN.to_string());
    }
}
