//! Reading requests: the walker (`support::wire`) with a sink that stops at
//! the first issue and turns it into the coded [`Error`] the caller gets.

use crate::error::Error;
use crate::support::wire::{self, Issue, Obj, Sink, Value};

/// What reading a request returns: the error boxed, so that each `?` on the
/// way out moves a pointer, not the whole [`Error`] (up to three strings).
/// The public functions of `render::json` and `render::html` unbox it.
pub(crate) type Fallible<T> = Result<T, Box<Error>>;

/// Keeps the first issue of a walk, as an [`Error`].
#[derive(Default)]
struct FirstError(Option<Error>);

impl Sink for FirstError {
    fn issue(&mut self, object: &str, key: &str, issue: Issue<'_>) {
        if self.0.is_some() {
            return;
        }
        let field = || wire::field(object, key);
        self.0 = Some(match issue {
            Issue::NotObject { actual } => Error::InvalidValue {
                field: object.to_owned(),
                expected: format!("应为 JSON 对象，实为{actual}"),
            },
            Issue::UnknownKey { key, suggestion } => {
                Error::UnknownKey { path: object.to_owned(), key: key.to_owned(), suggestion }
            }
            Issue::DuplicateKey { key } => Error::DuplicateKey { key: key.to_owned() },
            Issue::Missing => Error::MissingField { field: field() },
            Issue::WrongType { expected, actual } => {
                Error::InvalidValue { field: field(), expected: format!("应为{expected}，实为{actual}") }
            }
            Issue::OutOfRange { max } => {
                Error::InvalidValue { field: field(), expected: format!("应为 0 至 {max} 的整数") }
            }
        });
    }

    fn stops(&self) -> bool {
        self.0.is_some()
    }
}

impl FirstError {
    /// The issue found, as an error. Called only after a walker method
    /// returned nothing because of one.
    fn error(self) -> Error {
        self.0.unwrap_or_else(|| Error::InvalidValue { field: String::new(), expected: "请求无效".to_owned() })
    }
}

/// A request object: the walker's view, with every issue an `Err`.
pub(crate) struct Object<'v, 'a>(Obj<'v, 'a>);

impl<'v, 'a> Object<'v, 'a> {
    /// Views `value` as an object with exactly the `known` keys (or fewer).
    pub(crate) fn new(value: &'v Value<'a>, path: &str, known: &[&'static str]) -> Fallible<Self> {
        let mut sink = FirstError::default();
        Obj::new(&mut sink, path, value, known).map(Object).ok_or_else(|| Box::new(sink.error()))
    }

    /// A member; `null` counts as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        self.0.get(key)
    }

    /// A required member.
    pub(crate) fn require(&self, key: &str) -> Fallible<&'v Value<'a>> {
        let mut sink = FirstError::default();
        self.0.require(&mut sink, key).ok_or_else(|| Box::new(sink.error()))
    }

    /// An optional string.
    pub(crate) fn str(&self, key: &str) -> Fallible<Option<&'v str>> {
        let mut sink = FirstError::default();
        let value = self.0.opt_str(&mut sink, key);
        sink.0.map_or(Ok(value), |e| Err(Box::new(e)))
    }

    /// A required string.
    pub(crate) fn required_str(&self, key: &str) -> Fallible<&'v str> {
        let mut sink = FirstError::default();
        self.0.str(&mut sink, key).ok_or_else(|| Box::new(sink.error()))
    }

    /// An optional whole number from 0 to `max`.
    pub(crate) fn count(&self, key: &str, max: u32) -> Fallible<Option<u32>> {
        let mut sink = FirstError::default();
        let value = self.0.number(&mut sink, key, u64::from(max)).map(|n| n as u32);
        sink.0.map_or(Ok(value), |e| Err(Box::new(e)))
    }
}
