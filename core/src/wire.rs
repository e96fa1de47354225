//! A borrowed JSON tree for requests.
//!
//! Requests are parsed into this tree, then walked by hand. Unlike
//! `serde_json::Value` it keeps duplicate keys (so they can be reported),
//! keeps key order (so errors are deterministic), and borrows strings from
//! the input where it can.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Largest accepted request, in bytes.
pub(crate) const MAX_INPUT_BYTES: usize = 1 << 20;

#[derive(Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// A number that is not an `i64`: a fraction, or out of range.
    Float,
    Str(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl Value<'_> {
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

/// Parses JSON text into a tree.
///
/// serde_json limits nesting to 128 levels, so deep input is an error, not
/// a stack overflow.
pub(crate) fn parse(text: &str) -> Result<Value<'_>, crate::Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(crate::Error::InputTooLarge { size: text.len(), limit: MAX_INPUT_BYTES });
    }
    serde_json::from_str(text).map_err(|e| crate::Error::InvalidJson { detail: e.to_string() })
}

impl<'de> Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value<'de>, E> {
        Ok(Value::Int(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value<'de>, E> {
        Ok(i64::try_from(n).map_or(Value::Float, Value::Int))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Value<'de>, E> {
        Ok(Value::Float)
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value()?));
        }
        Ok(Value::Object(members))
    }
}

/// An object key, borrowed when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Walks a request object: takes known keys, reports unknown and repeated
/// ones with a suggestion.
pub(crate) struct Object<'v, 'a> {
    path: &'v str,
    members: &'v [(Cow<'a, str>, Value<'a>)],
}

impl<'v, 'a> Object<'v, 'a> {
    /// Views `value` as an object with exactly the `known` keys (or fewer).
    pub(crate) fn new(value: &'v Value<'a>, path: &'v str, known: &[&'static str]) -> Result<Self, crate::Error> {
        let Value::Object(members) = value else {
            return Err(crate::Error::InvalidValue {
                field: path.to_owned(),
                expected: format!("应为 JSON 对象，实为{}", value.type_name()),
            });
        };
        for (i, (key, _)) in members.iter().enumerate() {
            if !known.contains(&key.as_ref()) {
                return Err(crate::Error::UnknownKey {
                    path: path.to_owned(),
                    key: key.to_string(),
                    suggestion: crate::suggest::nearest(key, known.iter().copied()),
                });
            }
            if members[..i].iter().any(|(k, _)| k == key) {
                return Err(crate::Error::DuplicateKey { key: key.to_string() });
            }
        }
        Ok(Object { path, members })
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Value::Null))
    }

    pub(crate) fn field(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) }
    }

    pub(crate) fn require(&self, key: &str) -> Result<&'v Value<'a>, crate::Error> {
        self.get(key).ok_or_else(|| crate::Error::MissingField { field: self.field(key) })
    }

    pub(crate) fn str(&self, key: &str) -> Result<Option<&'v str>, crate::Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s)),
            Some(other) => Err(crate::Error::InvalidValue {
                field: self.field(key),
                expected: format!("应为字符串，实为{}", other.type_name()),
            }),
        }
    }

    pub(crate) fn required_str(&self, key: &str) -> Result<&'v str, crate::Error> {
        self.str(key)?.ok_or_else(|| crate::Error::MissingField { field: self.field(key) })
    }

    pub(crate) fn count(&self, key: &str, max: u32) -> Result<Option<u32>, crate::Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Int(n)) if (0..=i64::from(max)).contains(n) => Ok(Some(*n as u32)),
            Some(_) => Err(crate::Error::InvalidValue {
                field: self.field(key),
                expected: format!("应为 0 至 {max} 的整数"),
            }),
        }
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
        assert!(matches!(Object::new(&v, "请求", &["a", "b"]), Err(crate::Error::DuplicateKey { .. })));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000);
        assert!(matches!(parse(&deep), Err(crate::Error::InvalidJson { .. })));
    }
}
