//! A borrowed JSON tree, and its parser, for requests and catalogue files.
//!
//! Input is parsed into this tree, then walked by hand. Unlike
//! `serde_json::Value` it keeps duplicate keys (so they can be reported),
//! keeps key order (so errors are deterministic), and borrows strings from
//! the input where it can. The parser is small on purpose: it keeps serde's
//! generated deserializers out of the WASM build.

use std::borrow::Cow;

/// Largest accepted request, in bytes.
pub(crate) const MAX_INPUT_BYTES: usize = 1 << 20;

#[derive(Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// A number that is not an `i64`: a fraction, or out of range.
    Float,
    /// A string: borrowed from the input where it has no escape there, and
    /// so holds no `"`, `\` or control character (the content hash relies
    /// on this to copy it unscanned); owned otherwise.
    Str(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object (the first, if repeated); `None` for
    /// anything else.
    pub(crate) fn member(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` of an object, if it is a string.
    pub(crate) fn str_member(&self, key: &str) -> Option<&str> {
        match self.member(key) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// The JSON type, in Chinese, for error messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "布尔值",
            Value::Int(_) | Value::Float => "数字",
            Value::Str(_) => "字符串",
            Value::Array(_) => "数组",
            Value::Object(_) => "对象",
        }
    }
}

/// Deepest accepted nesting of arrays and objects.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why request text could not be read as JSON.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum ParseError {
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge { size: usize, limit: usize },
    /// Not well-formed JSON (or nested too deep): what and where, in Chinese.
    Syntax(String),
}

/// Parses request text (RFC 8259, strictly, at most [`MAX_INPUT_BYTES`])
/// into a tree.
///
/// Deep nesting is an error, not a stack overflow; errors name the line and
/// column.
pub(crate) fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge { size: text.len(), limit: MAX_INPUT_BYTES });
    }
    parse_unlimited(text).map_err(ParseError::Syntax)
}

/// Parses JSON text of any size (catalogues are larger than requests).
pub(crate) fn parse_unlimited(text: &str) -> Result<Value<'_>, String> {
    let mut p = Parser { src: text, bytes: text.as_bytes(), pos: 0, depth: 0 };
    // Room for a request's members and items without growing; a catalogue
    // grows them a few times, once.
    let mut scratch = Scratch { members: Vec::with_capacity(16), items: Vec::with_capacity(16) };
    let value = p.value(&mut scratch)?;
    p.skip_ws();
    if p.pos == p.bytes.len() { Ok(value) } else { Err(p.error("JSON 值之后还有多余内容")) }
}

/// JSON text read token by token, for the common request that is read
/// without a tree (`render::json`). Each method answers `None` (or `false`)
/// where the text is not what the caller expects, well-formed or not, and
/// for a string with an escape: the caller then parses the text into a
/// tree, which reports exactly what is wrong, as it would have without
/// this reader.
pub(crate) struct Reader<'a>(Parser<'a>);

/// A value a [`Reader`] reads: what a request's facts hold.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Str(&'a str),
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`; `None` for text over [`MAX_INPUT_BYTES`].
    pub(crate) fn new(text: &'a str) -> Option<Reader<'a>> {
        (text.len() <= MAX_INPUT_BYTES).then_some(Reader(Parser {
            src: text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }))
    }

    /// Consumes `byte` (after any white space) if it comes next.
    #[inline]
    pub(crate) fn eat(&mut self, byte: u8) -> bool {
        self.0.eat(byte)
    }

    /// A string without escapes, the opening quote next (after any white
    /// space).
    #[inline]
    fn string(&mut self) -> Option<&'a str> {
        let p = &mut self.0;
        p.skip_ws();
        if p.bytes.get(p.pos) != Some(&b'"') {
            return None;
        }
        let start = p.pos + 1;
        let rest = &p.bytes[start..];
        // As `Parser::string`: to the first byte that ends or escapes it,
        // eight bytes at a time (`chunks_exact` spares each read its
        // bounds check), then byte by byte in the last few.
        let mut chunks = rest.chunks_exact(8);
        let mut len = 0;
        let end = loop {
            let Some(chunk) = chunks.next() else {
                let tail = chunks.remainder();
                break len + tail.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
            };
            let found = super::writer::escapes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
            if found != 0 {
                break len + (found.trailing_zeros() / 8) as usize;
            }
            len += 8;
        };
        if rest[end] != b'"' {
            return None;
        }
        p.pos = start + end + 1;
        p.src.get(start..start + end)
    }

    /// An object's key and the `:` after it.
    #[inline]
    pub(crate) fn key(&mut self) -> Option<&'a str> {
        let key = self.string()?;
        self.0.eat(b':').then_some(key)
    }

    /// Whether a string comes next (after any white space).
    #[inline]
    pub(crate) fn at_string(&mut self) -> bool {
        self.0.skip_ws();
        self.0.bytes.get(self.0.pos) == Some(&b'"')
    }

    /// A string, found by `find` in the text after its opening quote,
    /// which answers what it is and its length (the closing quote next).
    #[inline]
    pub(crate) fn string_with<T>(&mut self, find: impl FnOnce(&[u8]) -> Option<(T, usize)>) -> Option<T> {
        if !self.at_string() {
            return None;
        }
        let p = &mut self.0;
        let (found, len) = find(p.bytes.get(p.pos + 1..)?)?;
        debug_assert_eq!(p.bytes.get(p.pos + 1 + len), Some(&b'"'));
        p.pos += len + 2;
        Some(found)
    }

    /// An object's key, found as [`Reader::string_with`] finds a string,
    /// and the `:` after it.
    #[inline]
    pub(crate) fn key_with<T>(&mut self, find: impl FnOnce(&[u8]) -> Option<(T, usize)>) -> Option<T> {
        let found = self.string_with(find)?;
        self.0.eat(b':').then_some(found)
    }

    /// A string, a whole number, `true`, `false` or `null`.
    pub(crate) fn scalar(&mut self) -> Option<Scalar<'a>> {
        self.0.skip_ws();
        let first = *self.0.bytes.get(self.0.pos)?;
        if first == b'"' {
            return self.string().map(Scalar::Str);
        }
        let p = &mut self.0;
        let word = |p: &mut Parser<'a>, word: &str, value: Scalar<'a>| {
            p.bytes[p.pos..].starts_with(word.as_bytes()).then(|| {
                p.pos += word.len();
                value
            })
        };
        match first {
            b't' => word(p, "true", Scalar::Bool(true)),
            b'f' => word(p, "false", Scalar::Bool(false)),
            b'n' => word(p, "null", Scalar::Null),
            b'-' | b'0'..=b'9' => match p.number() {
                Ok(Value::Int(n)) => Some(Scalar::Int(n)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether only white space is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.0.skip_ws();
        self.0.pos == self.0.bytes.len()
    }
}

/// The members and items read so far of every object and array open at
/// once, shared by all levels, so that each is allocated once, at its exact
/// size, when it closes: not grown step by step (most of a catalogue's
/// allocations were that).
struct Scratch<'a> {
    members: Vec<(Cow<'a, str>, Value<'a>)>,
    items: Vec<Value<'a>>,
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, message: &str) -> String {
        let message = if self.pos >= self.bytes.len() { "JSON 意外结束" } else { message };
        let before = &self.src[..self.pos.min(self.src.len())];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before.bytes().rposition(|b| b == b'\n').map_or(before, |i| &before[i + 1..]).chars().count() + 1;
        format!("第 {line} 行第 {column} 列：{message}")
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, scratch: &mut Scratch<'a>) -> Result<Value<'a>, String> {
        self.skip_ws();
        match self.bytes.get(self.pos) {
            None => Err(self.error("JSON 意外结束")),
            Some(b'{') => self.nested(scratch, Self::object),
            Some(b'[') => self.nested(scratch, Self::array),
            Some(b'"') => self.string().map(Value::Str),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("此处应为 JSON 值")),
        }
    }

    fn nested(
        &mut self,
        scratch: &mut Scratch<'a>,
        f: fn(&mut Self, &mut Scratch<'a>) -> Result<Value<'a>, String>,
    ) -> Result<Value<'a>, String> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("嵌套层数超过 128"));
        }
        self.depth += 1;
        self.pos += 1;
        let result = f(self, scratch);
        self.depth -= 1;
        result
    }

    // On an error the scratch keeps what was read: the whole parse fails.
    fn object(&mut self, scratch: &mut Scratch<'a>) -> Result<Value<'a>, String> {
        let start = scratch.members.len();
        if self.eat(b'}') {
            return Ok(Value::Object(Vec::new()));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error("此处应为用双引号括起的键"));
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.error("键之后应为“:”"));
            }
            let value = self.value(scratch)?;
            scratch.members.push((key, value));
            if self.eat(b'}') {
                return Ok(Value::Object(scratch.members.split_off(start)));
            }
            if !self.eat(b',') {
                return Err(self.error("此处应为“,”或“}”"));
            }
        }
    }

    fn array(&mut self, scratch: &mut Scratch<'a>) -> Result<Value<'a>, String> {
        let start = scratch.items.len();
        if self.eat(b']') {
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            let value = self.value(scratch)?;
            scratch.items.push(value);
            if self.eat(b']') {
                return Ok(Value::Array(scratch.items.split_off(start)));
            }
            if !self.eat(b',') {
                return Err(self.error("此处应为“,”或“]”"));
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, String> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("此处应为 JSON 值"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value<'a>, String> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.digits() {
            0 => return Err(self.error("数字格式错误")),
            n if n > 1 && self.bytes[int_start] == b'0' => return Err(self.error("数字不能以 0 开头")),
            _ => {}
        }
        let mut integer = true;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.error("小数点后应为数字"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("指数应为数字"));
            }
        }
        Ok(match (integer, self.src[start..self.pos].parse::<i64>()) {
            (true, Ok(n)) => Value::Int(n),
            _ => Value::Float,
        })
    }

    fn string(&mut self) -> Result<Cow<'a, str>, String> {
        let start = self.pos + 1; // after the opening quote
        // Find the first byte that ends or escapes the string (or is not
        // allowed in one): eight bytes at a time, then byte by byte. A local
        // index, not `self.pos`, so that it can live in a register.
        // The chunk that holds the stop byte names its index: the input
        // goes on past a string's end, so most strings take no byte loop.
        let rest = &self.bytes[start..];
        let mut i = 0;
        while let Some(chunk) = rest.get(i..i + 8) {
            let found = super::writer::escapes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
            if found != 0 {
                i += (found.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        while let Some(&b) = rest.get(i) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            i += 1;
        }
        self.pos = start + i;
        // Fast path: no escapes, so borrow from the input.
        match rest.get(i) {
            None => return Err(self.error("字符串缺少结束引号")),
            Some(b'"') => {
                self.pos += 1;
                return Ok(Cow::Borrowed(&self.src[start..start + i]));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error("字符串中有未转义的控制字符")),
        }
        let mut out = String::from(&self.src[start..self.pos]);
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.error("字符串缺少结束引号")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("无效的转义字符")),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                Some(&b) if b < 0x20 => return Err(self.error("字符串中有未转义的控制字符")),
                Some(_) => {
                    // Copy one character; the input is already valid UTF-8.
                    let c = self.src[self.pos..].chars().next().expect("in bounds");
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// Reads `uXXXX` (with `pos` on the `u`), joining surrogate pairs.
    fn unicode_escape(&mut self) -> Result<char, String> {
        fn hex(p: &mut Parser<'_>) -> Result<u32, String> {
            let digits = p.src.get(p.pos + 1..p.pos + 5).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
            let n = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| p.error("无效的 \\u 转义"))?;
            p.pos += 5;
            Ok(n)
        }
        let first = hex(self)?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return Err(self.error("缺少低位代理项"));
                }
                self.pos += 1;
                let low = hex(self)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error("无效的代理项对"));
                }
                0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("无效的代理项")),
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.error("无效的 \\u 转义"))
    }
}

// ---------------------------------------------------------------------------
// The walker: typed views of a tree's objects, for requests and catalogue
// files alike. What it finds wrong goes to a `Sink`, which either stops the
// walk at the first issue (a request is refused with one coded error) or
// collects every issue (a catalogue reports all its problems at once).

/// What is wrong at one place of a JSON tree, for a [`Sink`] to put into
/// words or codes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Issue<'a> {
    /// The value is not an object; `actual` is its JSON type, in Chinese.
    NotObject { actual: &'static str },
    /// A key outside the known ones, with the nearest known key.
    UnknownKey { key: &'a str, suggestion: Option<&'static str> },
    /// A key given twice in one object.
    DuplicateKey { key: &'a str },
    /// A required member is absent or `null`.
    Missing,
    /// A member of the wrong JSON type: `expected` and `actual`, in Chinese.
    WrongType { expected: &'static str, actual: &'static str },
    /// Not a whole number from 0 to `max`.
    OutOfRange { max: u64 },
}

/// Where a walk's issues go.
pub(crate) trait Sink {
    /// Takes one issue. `object` is the path of the object it was found in
    /// (empty at the top), `key` the member's key (empty for the object
    /// itself).
    fn issue(&mut self, object: &str, key: &str, issue: Issue<'_>);

    /// Whether the walk stops at the first issue.
    fn stops(&self) -> bool;
}

/// The path of a member: `key`, or `object.key`.
pub(crate) fn field(object: &str, key: &str) -> String {
    if object.is_empty() { key.to_owned() } else { format!("{object}.{key}") }
}

/// Whether two keys are equal: by length and first byte before a full
/// comparison, which most candidates of a lookup never reach (a catalogue's
/// load made thousands of `memcmp` calls for keys of one length).
#[inline]
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// One object of a tree, with its path, as the walker hands it out.
pub(crate) struct Obj<'v, 'a> {
    pub(crate) path: String,
    members: &'v [(Cow<'a, str>, Value<'a>)],
}

impl<'v, 'a> Obj<'v, 'a> {
    /// Views `value` as an object with the `known` keys (or fewer),
    /// reporting a wrong type, every unknown key (with the nearest known
    /// one) and every repeated key. `None` when it is not an object, or
    /// when `sink` stops at the first issue and there was one. A path built
    /// for the object is best given by value: it is kept, not copied.
    pub(crate) fn new(
        sink: &mut impl Sink,
        path: impl Into<String>,
        value: &'v Value<'a>,
        known: &[&'static str],
    ) -> Option<Obj<'v, 'a>> {
        let path = path.into();
        let Value::Object(members) = value else {
            sink.issue(&path, "", Issue::NotObject { actual: value.type_name() });
            return None;
        };
        // Which known keys were seen, one bit each: a repeat is found
        // without rescanning or allocating. Objects know at most 64 keys.
        debug_assert!(known.len() <= 64);
        let mut seen = 0u64;
        for (key, _) in members.iter() {
            let issue = match known.iter().position(|k| same_key(k, key)) {
                None => {
                    Issue::UnknownKey { key, suggestion: crate::support::suggest::nearest(key, known.iter().copied()) }
                }
                Some(k) if seen & (1 << (k % 64)) != 0 => Issue::DuplicateKey { key },
                Some(k) => {
                    seen |= 1 << (k % 64);
                    continue;
                }
            };
            sink.issue(&path, key, issue);
            if sink.stops() {
                return None;
            }
        }
        Some(Obj { path, members })
    }

    /// A member; `null` counts as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        self.members.iter().find(|(k, _)| same_key(k, key)).map(|(_, v)| v).filter(|v| !matches!(v, Value::Null))
    }

    /// The path of a member.
    pub(crate) fn field(&self, key: &str) -> String {
        field(&self.path, key)
    }

    /// A required member.
    pub(crate) fn require(&self, sink: &mut impl Sink, key: &str) -> Option<&'v Value<'a>> {
        let value = self.get(key);
        if value.is_none() {
            sink.issue(&self.path, key, Issue::Missing);
        }
        value
    }

    /// An optional string member.
    pub(crate) fn opt_str(&self, sink: &mut impl Sink, key: &str) -> Option<&'v str> {
        match self.get(key)? {
            Value::Str(s) => Some(s),
            other => {
                sink.issue(&self.path, key, Issue::WrongType { expected: "字符串", actual: other.type_name() });
                None
            }
        }
    }

    /// A required string member.
    pub(crate) fn str(&self, sink: &mut impl Sink, key: &str) -> Option<&'v str> {
        self.require(sink, key)?;
        self.opt_str(sink, key)
    }

    /// An optional `true` or `false`.
    pub(crate) fn bool(&self, sink: &mut impl Sink, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                sink.issue(&self.path, key, Issue::WrongType { expected: "true 或 false", actual: other.type_name() });
                None
            }
        }
    }

    /// An optional whole number from 0 to `max`.
    pub(crate) fn number(&self, sink: &mut impl Sink, key: &str, max: u64) -> Option<u64> {
        match self.get(key)? {
            Value::Int(n) if u64::try_from(*n).is_ok_and(|n| n <= max) => Some(*n as u64),
            _ => {
                sink.issue(&self.path, key, Issue::OutOfRange { max });
                None
            }
        }
    }

    /// An array member; empty when absent (reported if `required`) or not
    /// an array.
    pub(crate) fn items(&self, sink: &mut impl Sink, key: &str, required: bool) -> &'v [Value<'a>] {
        match self.get(key) {
            None if required => {
                sink.issue(&self.path, key, Issue::Missing);
                &[]
            }
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                sink.issue(&self.path, key, Issue::WrongType { expected: "数组", actual: other.type_name() });
                &[]
            }
        }
    }

    /// An optional array of strings; each element that is not one is reported.
    pub(crate) fn strings(&self, sink: &mut impl Sink, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.items(sink, key, false).iter().enumerate() {
            match item {
                Value::Str(s) => out.push(s.to_string()),
                other => sink.issue(
                    &self.path,
                    &format!("{key}[{i}]"),
                    Issue::WrongType { expected: "字符串", actual: other.type_name() },
                ),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicates_and_order() {
        let v = parse(r#"{"b":1,"a":"x\"y","b":[true,null,1.5]}"#).unwrap();
        let Value::Object(m) = &v else { panic!() };
        assert_eq!(m.len(), 3);
        assert_eq!(m[1].1, Value::Str(Cow::Owned("x\"y".into())));
        assert_eq!(m[2].1, Value::Array(vec![Value::Bool(true), Value::Null, Value::Float]));
        struct First(Option<String>);
        impl Sink for First {
            fn issue(&mut self, object: &str, key: &str, issue: Issue<'_>) {
                self.0.get_or_insert_with(|| format!("{object}/{key}: {issue:?}"));
            }
            fn stops(&self) -> bool {
                self.0.is_some()
            }
        }
        let mut first = First(None);
        assert!(Obj::new(&mut first, "请求", &v, &["a", "b"]).is_none());
        assert_eq!(first.0.as_deref(), Some(r#"请求/b: DuplicateKey { key: "b" }"#));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000);
        assert!(matches!(parse(&deep), Err(ParseError::Syntax(_))));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn strict_json() {
        fn ok(t: &str) -> Value<'_> {
            parse(t).unwrap_or_else(|e| panic!("{t}: {e:?}"))
        }
        assert_eq!(ok(r#" "a\u00e9\ud83d\ude00\n" "#), Value::Str(Cow::Owned("aé😀\n".into())));
        assert_eq!(ok("-0"), Value::Int(0));
        assert_eq!(ok("12345678901234567890"), Value::Float);
        assert_eq!(ok("1e3"), Value::Float);
        assert_eq!(ok("[]"), Value::Array(vec![]));
        for bad in [
            "",
            "01",
            "1.",
            "-",
            ".5",
            "+1",
            "[1,]",
            r#"{"a":1,}"#,
            "{a:1}",
            "'a'",
            r#""\x""#,
            r#""\ud800""#,
            "tru",
            "nul",
            r#""a"#,
            "[1 2]",
            "1 2",
            "\"\u{1}\"",
        ] {
            assert!(matches!(parse(bad), Err(ParseError::Syntax(_))), "{bad:?} should fail");
        }
        let Err(ParseError::Syntax(detail)) = parse("{\n  \"a\": tru }") else { panic!() };
        assert_eq!(detail, "第 2 行第 8 列：此处应为 JSON 值");
    }
}
