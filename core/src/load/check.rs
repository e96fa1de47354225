//! Checking a catalogue file's JSON tree: the walker (`support::wire`)
//! with a sink that collects every problem, each with its file, service
//! and path, worded in Chinese for the catalogue's authors.

use crate::error::Problem;
use crate::support::date::Date;
use crate::support::lookup::Index;
pub(super) use crate::support::wire::Obj;
use crate::support::wire::{Issue, Sink, Value, field};

/// Whether a `source` or `when_source` field quotes some text: an empty
/// string or list quotes nothing, and does not make a rule "stated".
pub(super) fn quotes_something(value: Option<&Value<'_>>) -> bool {
    match value {
        Some(Value::Str(s)) => !s.trim().is_empty(),
        Some(Value::Array(items)) => items.iter().any(|v| matches!(v, Value::Str(s) if !s.trim().is_empty())),
        _ => false,
    }
}

/// Whether `value` is an array of strings, which checking as a list of
/// strings (`Checker::strings`) would accept without a report.
fn only_strings(value: Option<&Value<'_>>) -> bool {
    matches!(value, Some(Value::Array(items)) if items.iter().all(|v| matches!(v, Value::Str(_))))
}

/// Where in a file a field is: the path of its object and its key, joined
/// into `path.key` (as the walker's `field` does) only when a problem is
/// reported there. Loading checks thousands of fields and finds a problem in
/// few; building every path up front was a tenth of loading a catalogue.
#[derive(Clone, Copy)]
pub(super) struct At<'a>(pub(super) &'a str, pub(super) &'a str);

impl At<'_> {
    pub(super) fn path(self) -> String {
        field(self.0, self.1)
    }
}

/// The path of item `i` of the list at `list`: `list[i]`. Built by hand:
/// loading builds one for every list item, and `format!` takes several
/// times as long.
pub(super) fn indexed(list: &str, i: usize) -> String {
    let mut buf = [0u8; 20];
    let digits = std::str::from_utf8(crate::support::writer::decimal(i as u64, &mut buf)).expect("ASCII digits");
    let mut out = String::with_capacity(list.len() + digits.len() + 2);
    out.push_str(list);
    out.push('[');
    out.push_str(digits);
    out.push(']');
    out
}

/// Every problem found so far, in the order found.
#[derive(Default)]
pub(super) struct Problems {
    pub(super) list: Vec<Problem>,
}

impl Problems {
    pub(super) fn add(&mut self, problem: Problem) {
        self.list.push(problem);
    }

    /// The problems, one per place (file and path): the first reported
    /// there, so that a missing field is not also reported as empty. Done
    /// once at the end rather than by a scan at every report, which made
    /// loading quadratic. A file's problems are reported together, so an
    /// earlier problem at the same place is the one just before in the
    /// problems at that path, in order.
    pub(super) fn into_list(self) -> Vec<Problem> {
        let index = Index::new(self.list.iter().map(|p| p.path.as_str()));
        let mut keep = vec![true; self.list.len()];
        for pair in index.pairs().windows(2) {
            let (a, b) = (&self.list[pair[0].1], &self.list[pair[1].1]);
            if a.path == b.path && a.file == b.file {
                keep[pair[1].1] = false;
            }
        }
        self.list.into_iter().zip(keep).filter_map(|(p, keep)| keep.then_some(p)).collect()
    }
}

/// Every issue the walker finds, as a problem in Chinese.
impl Sink for Checker<'_> {
    fn issue(&mut self, object: &str, key: &str, issue: Issue<'_>) {
        let at = field(object, key);
        match issue {
            Issue::NotObject { actual } => self.report(object, format!("应为 JSON 对象，实为{actual}")),
            Issue::UnknownKey { key, suggestion } => {
                let hint = suggestion.map(|s| format!("，是否应为“{s}”？")).unwrap_or_default();
                self.report(at, format!("未知字段“{key}”{hint}"));
            }
            Issue::DuplicateKey { key } => self.report(at, format!("字段“{key}”重复")),
            Issue::Missing => self.report(at, "缺少此字段"),
            Issue::WrongType { expected, actual } => self.report(at, format!("应为{expected}，实为{actual}")),
            Issue::OutOfRange { max } => self.report(at, format!("应为 0 至 {max} 的整数")),
        }
    }

    fn stops(&self) -> bool {
        false
    }
}

/// Collects problems for one service.
pub(super) struct Checker<'p> {
    pub(super) file: String,
    pub(super) service: Option<String>,
    pub(super) problems: &'p mut Problems,
}

impl<'p> Checker<'p> {
    /// A checker for a file's problems that belong to no service.
    pub(super) fn new(file: &str, problems: &'p mut Problems) -> Checker<'p> {
        Checker { file: file.to_owned(), service: None, problems }
    }
}

impl Checker<'_> {
    /// Views `value` as an object with the `known` keys, reporting a wrong
    /// type, every unknown key (with the nearest known one) and repeats.
    pub(super) fn object<'v, 'a>(
        &mut self,
        path: impl Into<String>,
        value: &'v Value<'a>,
        known: &[&'static str],
    ) -> Option<Obj<'v, 'a>> {
        Obj::new(self, path, value, known)
    }

    pub(super) fn opt_str(&mut self, o: &Obj<'_, '_>, key: &str) -> Option<String> {
        o.opt_str(self, key).map(str::to_owned)
    }

    /// A required string; empty (and reported) when absent.
    pub(super) fn str(&mut self, o: &Obj<'_, '_>, key: &str) -> String {
        o.str(self, key).unwrap_or_default().to_owned()
    }

    /// An optional `true` or `false`; `false` when absent.
    pub(super) fn bool(&mut self, o: &Obj<'_, '_>, key: &str) -> bool {
        o.bool(self, key).unwrap_or(false)
    }

    pub(super) fn number(&mut self, o: &Obj<'_, '_>, key: &str, max: u64) -> Option<u64> {
        o.number(self, key, max)
    }

    pub(super) fn items<'v, 'a>(&mut self, o: &Obj<'v, 'a>, key: &str, required: bool) -> &'v [Value<'a>] {
        o.items(self, key, required)
    }

    pub(super) fn strings(&mut self, o: &Obj<'_, '_>, key: &str) -> Vec<String> {
        o.strings(self, key)
    }

    /// Checks `key` as [`Checker::strings`] does, with the same reports,
    /// for a list that is only checked (seed quotes): a valid one is not
    /// copied to be checked.
    pub(super) fn check_strings(&mut self, o: &Obj<'_, '_>, key: &str) {
        if !only_strings(o.get(key)) {
            o.strings(self, key);
        }
    }

    pub(super) fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.add(Problem {
            file: self.file.clone(),
            service: self.service.clone(),
            path: path.into(),
            message: message.into(),
        });
    }

    pub(super) fn date(&mut self, at: At<'_>, text: &Option<String>) -> Option<Date> {
        let text = text.as_ref()?;
        match text.parse() {
            Ok(d) => Some(d),
            Err(e) => {
                self.report(at.path(), format!("日期“{text}”无效：{e}"));
                None
            }
        }
    }

    pub(super) fn non_empty(&mut self, at: At<'_>, text: &str) {
        if text.trim().is_empty() {
            self.report(at.path(), "不能为空");
        }
    }

    /// Checks an id's form; `repeated` says whether it occurred before in its list.
    pub(super) fn id(&mut self, at: At<'_>, id: &str, repeated: bool) {
        let valid = !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && id.as_bytes()[0].is_ascii_lowercase();
        if !valid {
            self.report(at.path(), format!("编号“{id}”应由小写字母、数字和下划线组成，并以字母开头"));
        }
        if repeated {
            self.report(at.path(), format!("编号“{id}”重复"));
        }
    }
    /// Views `value` as an entry that must say where it comes from (a
    /// bundle, a stand-in, a deferral, a pledge): a `source` quote of the
    /// seed or a recorded `decision`, which it returns. `checked` is false
    /// for the embedded catalogue, whose build strips the quotes.
    pub(super) fn sourced<'v, 'a>(
        &mut self,
        path: impl Into<String>,
        value: &'v Value<'a>,
        known: &[&'static str],
        what: &str,
        checked: bool,
    ) -> Option<(Obj<'v, 'a>, Option<String>)> {
        let o = self.object(path, value, known)?;
        if o.get("source").is_some() {
            self.check_strings(&o, "source");
        }
        let decision = self.opt_str(&o, "decision");
        if let Some(d) = &decision {
            self.non_empty(At(&o.path, "decision"), d);
        }
        if checked && decision.is_none() && !quotes_something(o.get("source")) {
            self.report(o.field("source"), format!("{what}既未引用所据原文（source），也没有口径说明（decision）"));
        }
        Some((o, decision))
    }

    /// A required, non-empty string member.
    pub(super) fn text(&mut self, o: &Obj<'_, '_>, key: &str) -> String {
        let text = self.str(o, key);
        if o.get(key).is_some() {
            self.non_empty(At(&o.path, key), &text);
        }
        text
    }
}

// ---------------------------------------------------------------------------
// The vocabulary (`facts.json`) and the document registry (`documents.json`).

/// Whether `name` is a lower-case identifier: a letter, then letters, digits
/// and `_`.
pub(super) fn is_identifier(name: &str) -> bool {
    name.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    #[test]
    fn indexed_paths() {
        for (list, i) in [("materials", 0), ("legal_basis", 7), ("cases.options", 10), ("facts", 1234567)] {
            assert_eq!(super::indexed(list, i), format!("{list}[{i}]"));
        }
        assert_eq!(super::indexed("a", usize::MAX), format!("a[{}]", usize::MAX));
    }
}
