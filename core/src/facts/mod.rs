//! The facts layer: a catalogue's vocabulary, and the facts about one
//! applicant read against it.
//!
//! Facts cross every boundary as one JSON object. Every key is optional
//! except `application_date`; `null` means "not given". A key outside the
//! catalogue's vocabulary is an error that names the nearest known key, so a
//! typo never silently drops a requirement. When a service needs a fact that
//! was not given, the assessment says so ("undetermined") instead of
//! guessing.

mod set;
mod vocabulary;

pub(crate) use set::{FactNames, FactSet};
pub(crate) use vocabulary::{
    APPLICATION_DATE, MAX_CHOICES, MAX_COUNT, MAX_FACTS, MAX_OWNERS, Source, Spec, Var, VarKind, VarValue,
};
pub use vocabulary::{Choice, Derivation, Derived, FactInfo, FactKind, Owner, Vocabulary};

use crate::error::Error;
use crate::support::Joined as _;
use crate::support::date::Date;
use crate::support::wire::{Scalar, Value};

/// A value given for one fact, as [`Facts::set`] takes it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum FactValue<'a> {
    /// For a yes/no fact.
    Bool(bool),
    /// For a choice fact: the value's name, such as `"nonlocal"`.
    Choice(&'a str),
    /// For a count fact.
    Count(u32),
    /// For a date fact.
    Date(Date),
}

impl From<bool> for FactValue<'_> {
    fn from(b: bool) -> Self {
        FactValue::Bool(b)
    }
}

impl<'a> From<&'a str> for FactValue<'a> {
    fn from(s: &'a str) -> Self {
        FactValue::Choice(s)
    }
}

impl From<u32> for FactValue<'_> {
    fn from(n: u32) -> Self {
        FactValue::Count(n)
    }
}

impl From<Date> for FactValue<'_> {
    fn from(d: Date) -> Self {
        FactValue::Date(d)
    }
}

/// One stored fact.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Slot {
    Unset,
    Bool(bool),
    Choice(u8),
    Count(u32),
    Date(Date),
}

/// The facts about one applicant and one application, read against one
/// catalogue's [`Vocabulary`].
///
/// Every fact but `application_date` is optional: one not given is absent,
/// and a service that needs it reports it as missing.
///
/// # Example
///
/// ```
/// use banshi::{Catalog, Facts};
///
/// let vocabulary = Catalog::embedded().vocabulary();
/// let mut facts = Facts::new(vocabulary, "2026-11-27".parse()?);
/// facts.set("marital_status", "unmarried")?;
/// facts.set("proxy", false)?;
///
/// let same = Facts::from_json(vocabulary, r#"{"application_date":"2026-11-27","marital_status":"unmarried","proxy":false}"#)?;
/// assert_eq!(facts, same);
/// assert_eq!(facts.to_json(), r#"{"application_date":"2026-11-27","marital_status":"unmarried","proxy":false}"#);
///
/// // A typo is an error that names the nearest key, never a silent default.
/// let typo = facts.set("marital_staus", "married").unwrap_err();
/// assert_eq!(typo.code(), banshi::ErrorCode::UnknownFact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Facts {
    vocabulary: Vocabulary,
    application_date: Date,
    /// One slot per fact of the vocabulary; slot 0 is the application date.
    values: Box<[Slot]>,
}

impl Facts {
    /// Facts with only the application date given.
    pub fn new(vocabulary: &Vocabulary, application_date: Date) -> Facts {
        let mut values = vec![Slot::Unset; vocabulary.facts().len()].into_boxed_slice();
        values[0] = Slot::Date(application_date);
        Facts { vocabulary: vocabulary.clone(), application_date, values }
    }

    /// Parses the facts object from JSON.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidJson`] for malformed JSON, [`Error::UnknownFact`]
    /// for a key outside the vocabulary, [`Error::InvalidFactValue`] or
    /// [`Error::InvalidDate`] for a bad value, [`Error::DuplicateKey`],
    /// [`Error::MissingApplicationDate`], and
    /// [`Error::DateAfterApplication`] for a date an age is computed from
    /// that falls after the application date.
    pub fn from_json(vocabulary: &Vocabulary, text: &str) -> Result<Facts, Error> {
        let value = crate::support::wire::parse(text)?;
        Facts::from_wire(vocabulary, &value, "facts")
    }

    /// The application date.
    pub fn application_date(&self) -> Date {
        self.application_date
    }

    /// The vocabulary these facts were read against.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Gives one fact, replacing any value it had. The value must be of the
    /// fact's kind: a `&str` for a choice fact, a `bool`, a `u32` count, or a
    /// [`Date`] (or its `YYYY-MM-DD` text) for a date fact. On an error the
    /// facts are left as they were.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownFact`] for a key outside the vocabulary (with the
    /// nearest key), [`Error::InvalidFactValue`] for a value of the wrong
    /// kind or outside the allowed ones, and
    /// [`Error::DateAfterApplication`] as for [`Facts::from_json`].
    pub fn set<'a>(&mut self, key: &str, value: impl Into<FactValue<'a>>) -> Result<(), Error> {
        let slot = self.slot_of(key)?;
        let info = self.vocabulary.info(slot);
        let stored = store(info, value.into())?;
        // Checked as they would stand; on an error the facts stay as they were.
        let (old, old_date) = (self.values[usize::from(slot)], self.application_date);
        self.values[usize::from(slot)] = stored;
        if let (0, Slot::Date(d)) = (slot, stored) {
            self.application_date = d;
        }
        let checked = self.check_dates();
        if checked.is_err() {
            self.values[usize::from(slot)] = old;
            self.application_date = old_date;
        }
        checked
    }

    /// Takes a fact back, as if it had not been given.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownFact`] for a key outside the vocabulary, and
    /// [`Error::MissingApplicationDate`] for `application_date`, which is
    /// always given.
    pub fn unset(&mut self, key: &str) -> Result<(), Error> {
        match self.slot_of(key)? {
            0 => Err(Error::MissingApplicationDate),
            slot => {
                self.values[usize::from(slot)] = Slot::Unset;
                Ok(())
            }
        }
    }

    /// Serialises the facts as the JSON object [`Facts::from_json`] reads,
    /// omitting facts that were not given.
    pub fn to_json(&self) -> String {
        crate::support::writer::to_string(self, 256)
    }

    fn slot_of(&self, key: &str) -> Result<u16, Error> {
        self.vocabulary.slot(key).ok_or_else(|| Error::UnknownFact {
            key: key.to_owned(),
            suggestion: crate::support::suggest::nearest(key, self.vocabulary.facts().iter().map(FactInfo::name))
                .map(str::to_owned),
        })
    }

    pub(crate) fn from_wire(vocabulary: &Vocabulary, value: &Value<'_>, path: &str) -> Result<Facts, Error> {
        let Value::Object(members) = value else {
            return Err(Error::InvalidValue { field: path.to_owned(), expected: "应为 JSON 对象".to_owned() });
        };
        let mut seen = FactSet::EMPTY;
        let mut facts = Facts::new(vocabulary, Date::MIN);
        let mut dated = false;
        for (key, value) in members {
            let slot = facts.slot_of(key)?;
            if seen.contains(slot) {
                return Err(Error::DuplicateKey { key: key.to_string() });
            }
            seen.insert(slot);
            if matches!(value, Value::Null) {
                continue;
            }
            let info = vocabulary.info(slot);
            let stored = parse(info, value)?;
            if let Slot::Date(d) = stored {
                if slot == 0 {
                    facts.application_date = d;
                    dated = true;
                }
            }
            facts.values[usize::from(slot)] = stored;
        }
        if !dated {
            return Err(Error::MissingApplicationDate);
        }
        facts.check_dates()?;
        Ok(facts)
    }

    /// Reads a facts object from `reader` without a tree: `None` for
    /// anything [`Facts::from_wire`] would refuse (or anything but plain
    /// values), which the caller then reads that way, for its error.
    pub(crate) fn read(vocabulary: &Vocabulary, reader: &mut crate::support::wire::Reader<'_>) -> Option<Facts> {
        if !reader.eat(b'{') {
            return None;
        }
        let mut seen = FactSet::EMPTY;
        let mut facts = Facts::new(vocabulary, Date::MIN);
        let mut dated = false;
        if !reader.eat(b'}') {
            loop {
                let slot = reader.key_with(|text| vocabulary.key_at(text))?;
                let info = vocabulary.info(slot);
                let stored = if reader.at_string() {
                    // A date or a choice, matched where it stands in the
                    // text (not read, then parsed or compared): any other
                    // string, or one with an escape, the tree reads.
                    Some(match &info.spec {
                        Spec::Date => reader.string_with(date_at)?,
                        Spec::Choice(choices) => reader.string_with(|text| choice_at(choices, text))?,
                        _ => return None,
                    })
                } else {
                    // As `store` would store it.
                    match (reader.scalar()?, &info.spec) {
                        (Scalar::Null, _) => None,
                        (Scalar::Bool(b), Spec::Bool { .. }) => Some(Slot::Bool(b)),
                        (Scalar::Int(n), Spec::Count { max, .. }) => {
                            Some(Slot::Count(u32::try_from(n).ok().filter(|n| n <= max)?))
                        }
                        _ => return None,
                    }
                };
                if seen.contains(slot) {
                    return None;
                }
                seen.insert(slot);
                if let Some(stored) = stored {
                    if let (0, Slot::Date(d)) = (slot, stored) {
                        facts.application_date = d;
                        dated = true;
                    }
                    facts.values[usize::from(slot)] = stored;
                }
                if reader.eat(b'}') {
                    break;
                }
                if !reader.eat(b',') {
                    return None;
                }
            }
        }
        if !dated {
            return None;
        }
        facts.check_dates().ok()?;
        Some(facts)
    }

    /// A date an age is computed from may not fall after the application.
    fn check_dates(&self) -> Result<(), Error> {
        for (slot, value) in self.values.iter().enumerate().skip(1) {
            if let Slot::Date(date) = *value {
                if date > self.application_date && self.vocabulary.is_derivation_input(slot as u16) {
                    let info = self.vocabulary.info(slot as u16);
                    return Err(Error::DateAfterApplication {
                        fact: info.name.clone(),
                        label: info.label.clone(),
                        date,
                        application: self.application_date,
                    });
                }
            }
        }
        Ok(())
    }

    /// The value of a condition variable, from where the vocabulary said
    /// it comes; `None` when its fact is not given.
    #[inline]
    pub(crate) fn value(&self, source: Source) -> Option<VarValue> {
        match source {
            Source::Fact(slot) => match self.values.get(usize::from(slot))? {
                Slot::Bool(b) => Some(VarValue::Bool(*b)),
                Slot::Choice(i) => Some(VarValue::Choice(*i)),
                Slot::Count(n) => Some(VarValue::Count(i32::try_from(*n).unwrap_or(i32::MAX))),
                Slot::Unset | Slot::Date(_) => None,
            },
            Source::Derived { function, of, .. } => self.derived(function, of),
        }
    }

    /// A derived value: the date in slot `of` put through `function`. Kept
    /// out of line, so that [`Facts::value`] of a plain fact inlines small.
    #[cfg_attr(not(target_family = "wasm"), inline(never))]
    fn derived(&self, function: Derivation, of: u16) -> Option<VarValue> {
        let Slot::Date(date) = *self.values.get(usize::from(of))? else {
            return None;
        };
        Some(VarValue::Count(match function {
            Derivation::DaysSince => date.days_until(self.application_date),
            Derivation::YearsSince => date.years_until(self.application_date),
        }))
    }

    /// The fact stored in `slot`, as it is stored; `None` past the last.
    ///
    /// By reference: a copied `Slot` carries its variant's padding, which
    /// the optimised test of a condition then read whole, and valgrind
    /// (the C suite runs under it) reported a branch on uninitialised
    /// bytes. Reading the variant's field alone costs the same.
    #[inline]
    pub(crate) fn slot(&self, slot: u16) -> Option<&Slot> {
        self.values.get(usize::from(slot))
    }

    /// The value of a choice fact, by name, for case selection.
    pub(crate) fn choice(&self, slot: u16) -> Option<u8> {
        match self.values.get(usize::from(slot))? {
            Slot::Choice(i) => Some(*i),
            _ => None,
        }
    }
}

fn invalid(info: &FactInfo, expected: String) -> Error {
    Error::InvalidFactValue { fact: info.name.clone(), expected }
}

fn expected(spec: &Spec) -> String {
    match spec {
        Spec::Date => "应为 YYYY-MM-DD 格式的日期字符串".to_owned(),
        Spec::Bool { .. } => "应为 true 或 false".to_owned(),
        Spec::Choice(choices) => format!("应为字符串，取 {} 之一", join(choices.iter().map(Choice::name))),
        Spec::Count { max, .. } => format!("应为 0 至 {max} 的整数"),
    }
}

fn choice_index(info: &FactInfo, choices: &[Choice], name: &str) -> Result<u8, Error> {
    match choices.iter().position(|c| c.name == name) {
        Some(i) => Ok(i as u8),
        None => {
            let names = choices.iter().map(Choice::name);
            let mut expected = format!("的取值“{name}”无效，应为 {} 之一", join(names.clone()));
            if let Some(near) = crate::support::suggest::nearest(name, names) {
                expected.push_str(&format!("，是否应为“{near}”？"));
            }
            Err(invalid(info, expected))
        }
    }
}

/// The date a request's text starts with, after a string's opening quote,
/// and the string's length: `YYYY-MM-DD` and the closing quote.
fn date_at(text: &[u8]) -> Option<(Slot, usize)> {
    if text.get(10) != Some(&b'"') {
        return None;
    }
    let date = Date::parse_iso(&text[..10]).ok()?;
    Some((Slot::Date(date), 10))
}

/// The choice whose name a request's text starts with, after a string's
/// opening quote, and the name's length (the closing quote next). Names
/// are identifiers (the loader checks), so each is its own JSON text.
fn choice_at(choices: &[Choice], text: &[u8]) -> Option<(Slot, usize)> {
    let i = choices.iter().position(|c| {
        let name = c.name.as_bytes();
        text.get(name.len()) == Some(&b'"') && text.starts_with(name)
    })?;
    Some((Slot::Choice(i as u8), choices[i].name.len()))
}

/// A value checked against its fact's kind, as it is stored.
fn store(info: &FactInfo, value: FactValue<'_>) -> Result<Slot, Error> {
    match (&info.spec, value) {
        (Spec::Date, FactValue::Date(d)) => Ok(Slot::Date(d)),
        // A date given as text (as JSON gives every date) is read as one.
        (Spec::Date, FactValue::Choice(text)) => {
            text.parse().map(Slot::Date).map_err(|reason| Error::InvalidDate { field: info.name.clone(), reason })
        }
        (Spec::Bool { .. }, FactValue::Bool(b)) => Ok(Slot::Bool(b)),
        (Spec::Choice(choices), FactValue::Choice(name)) => choice_index(info, choices, name).map(Slot::Choice),
        (Spec::Count { max, .. }, FactValue::Count(n)) if n <= *max => Ok(Slot::Count(n)),
        (spec, _) => Err(invalid(info, expected(spec))),
    }
}

/// A JSON value for a fact: read as the `FactValue` it spells, then stored
/// as [`Facts::set`] stores it.
fn parse(info: &FactInfo, value: &Value<'_>) -> Result<Slot, Error> {
    let value = match value {
        Value::Str(s) => FactValue::Choice(s),
        Value::Bool(b) => FactValue::Bool(*b),
        Value::Int(n) => match u32::try_from(*n) {
            Ok(n) => FactValue::Count(n),
            Err(_) => return Err(invalid(info, expected(&info.spec))),
        },
        _ => return Err(invalid(info, expected(&info.spec))),
    };
    store(info, value)
}

fn join<'s>(names: impl Iterator<Item = &'s str>) -> String {
    names.collect::<Vec<_>>().joined("、")
}

impl serde::Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for (slot, value) in self.values.iter().enumerate() {
            let info = self.vocabulary.info(slot as u16);
            match (value, &info.spec) {
                (Slot::Unset, _) => {}
                (Slot::Bool(b), _) => map.serialize_entry(&info.name, b)?,
                (Slot::Count(n), _) => map.serialize_entry(&info.name, n)?,
                (Slot::Date(d), _) => map.serialize_entry(&info.name, d)?,
                (Slot::Choice(i), Spec::Choice(choices)) => {
                    map.serialize_entry(&info.name, &choices[usize::from(*i)].name)?
                }
                (Slot::Choice(_), _) => {}
            }
        }
        map.end()
    }
}
