//! A catalogue's fact vocabulary: the facts a request may give, the values
//! they take, the Chinese phrases answers print, the derived values
//! conditions may read, and the parties whose materials a checklist lists.
//!
//! The vocabulary is data, read from the catalogue's `facts.json` by the
//! loader; nothing here names a fact of any catalogue. Each fact gets a
//! *slot*, its position in the vocabulary, fixed when the catalogue loads,
//! so that evaluating a condition indexes an array and never looks a name
//! up. Slot 0 is `application_date`, the one fact the engine itself needs.

use std::sync::Arc;

/// The most facts one vocabulary may declare, `application_date` included:
/// [`FactSet`](super::FactSet) is a fixed-size bit set.
pub(crate) const MAX_FACTS: usize = 256;

/// The most values one choice fact may take: a condition's `in [...]` is a
/// 32-bit mask.
pub(crate) const MAX_CHOICES: usize = 32;

/// The most owners one vocabulary may declare: a checklist groups by them,
/// and an unknown owner's message names them all.
pub(crate) const MAX_OWNERS: usize = 64;

/// The largest `max` a count fact may declare.
pub(crate) const MAX_COUNT: u32 = 100_000;

/// The name of the built-in fact every request gives.
pub(crate) const APPLICATION_DATE: &str = "application_date";

/// One allowed value of a choice fact.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Choice {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) phrase: String,
}

impl Choice {
    /// The JSON value, such as `"nonlocal"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Chinese label, such as `外地`.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The phrase an answer gives as a reason, such as `申请人户籍为外地`.
    pub fn phrase(&self) -> &str {
        &self.phrase
    }
}

/// What kind of value a fact takes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum FactKind {
    /// A `YYYY-MM-DD` date.
    Date,
    /// `true` or `false`.
    Bool,
    /// One of a fixed set of strings ([`FactInfo::choices`]).
    Choice,
    /// A whole number from 0 to [`FactInfo::max`].
    Count,
}

impl FactKind {
    /// The name used in `facts.json` and in the vocabulary answer.
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Bool => "bool",
            FactKind::Choice => "choice",
            FactKind::Count => "count",
        }
    }
}

/// How a fact is typed, and the phrases that describe its values.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum Spec {
    Date,
    Bool { yes: String, no: String },
    Choice(Vec<Choice>),
    Count { max: u32, subject: String, unit: String },
}

/// A fact in a catalogue's vocabulary: its JSON key, Chinese label and kind.
///
/// # Example
///
/// ```
/// let vocabulary = banshi::Catalog::embedded().vocabulary();
/// let marital = vocabulary.fact("marital_status").unwrap();
/// assert_eq!(marital.label(), "婚姻状况");
/// assert_eq!(marital.choices()[0].name(), "unmarried");
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FactInfo {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) spec: Spec,
}

impl FactInfo {
    /// The JSON key.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Chinese label, as a form would show it.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The kind of value it takes.
    pub fn kind(&self) -> FactKind {
        match self.spec {
            Spec::Date => FactKind::Date,
            Spec::Bool { .. } => FactKind::Bool,
            Spec::Choice(_) => FactKind::Choice,
            Spec::Count { .. } => FactKind::Count,
        }
    }

    /// The values of a choice fact, in declared order; empty for the others.
    pub fn choices(&self) -> &[Choice] {
        match &self.spec {
            Spec::Choice(choices) => choices,
            _ => &[],
        }
    }

    /// The largest value of a count fact.
    pub fn max(&self) -> Option<u32> {
        match self.spec {
            Spec::Count { max, .. } => Some(max),
            _ => None,
        }
    }

    /// The phrases a yes/no fact's answers print for true and for false.
    pub fn phrases(&self) -> Option<(&str, &str)> {
        match &self.spec {
            Spec::Bool { yes, no } => Some((yes, no)),
            _ => None,
        }
    }
}

/// An engine function that derives a number from a date fact and the
/// application date.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Derivation {
    /// Whole days from the date to the application date (`days_since`).
    DaysSince,
    /// Completed years from the date to the application date (`years_since`).
    YearsSince,
}

impl Derivation {
    /// Every function, in order.
    pub const ALL: &'static [Derivation] = &[Derivation::DaysSince, Derivation::YearsSince];

    /// The function's name in `facts.json`.
    pub fn name(self) -> &'static str {
        match self {
            Derivation::DaysSince => "days_since",
            Derivation::YearsSince => "years_since",
        }
    }
}

/// A value conditions may read that no request gives directly, such as an
/// age in completed years, computed from a date fact and the application
/// date by an engine function.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Derived {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) function: Derivation,
    /// The slot of the date fact it reads.
    pub(crate) of: u16,
    pub(crate) subject: String,
    pub(crate) unit: String,
}

impl Derived {
    /// The name conditions use, such as `age_years`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Chinese label.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The engine function that computes it.
    pub fn function(&self) -> Derivation {
        self.function
    }

    /// How an answer phrases it: `subject`, a comparison word, the number,
    /// then `unit` (申请人 · 不满 · 18 · 周岁).
    pub fn phrasing(&self) -> (&str, &str) {
        (&self.subject, &self.unit)
    }
}

/// A party whose material it is, such as 申请人 or 担保人: a catalogue
/// declares its own (`owners` in `facts.json`), and a checklist groups its
/// materials by them, in declared order.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Owner {
    pub(crate) name: String,
    pub(crate) label: String,
}

impl Owner {
    /// The JSON name, such as `applicant`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Chinese label, such as `申请人`.
    pub fn label(&self) -> &str {
        &self.label
    }
}

/// A name a condition may test: a fact or a derived value, by index into
/// [`Vocabulary`]'s variables.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub(crate) struct Var(pub(crate) u16);

/// Where a variable's value comes from: all a condition needs to evaluate
/// it, so that evaluation reads the facts' slots and nothing else.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Source {
    /// The fact in this slot.
    Fact(u16),
    /// A derived value: its index, its function and the slot of its date.
    Derived { index: u16, function: Derivation, of: u16 },
}

/// What a condition variable holds: a fact, or a value derived from facts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum VarValue {
    Bool(bool),
    Choice(u8),
    /// A count (at most 100,000, checked at load) or a derived number of
    /// days or years: an `i32` keeps a reason, which holds one, at 32 bytes.
    Count(i32),
}

/// How a condition variable is typed and described, borrowed from the
/// vocabulary.
#[derive(Clone, Copy, Debug)]
pub(crate) enum VarKind<'v> {
    /// A yes/no fact, with the phrase for each answer.
    Bool { yes: &'v str, no: &'v str },
    /// A choice fact, each value carrying its phrase.
    Choice(&'v [Choice]),
    /// A number, described as `{subject}{不满|满|…}{n}{unit}`.
    Count { subject: &'v str, unit: &'v str },
}

/// A catalogue's vocabulary: its facts and derived values.
///
/// Cloning is cheap (it is shared): [`Facts`](crate::Facts) keep one, so that
/// facts read for one catalogue are never evaluated against another's slots.
#[derive(Clone, Debug)]
pub struct Vocabulary(Arc<Inner>);

#[derive(PartialEq, Eq, Debug)]
struct Inner {
    facts: Vec<FactInfo>,
    derived: Vec<Derived>,
    owners: Vec<Owner>,
    /// Condition variables: every fact but the dates, then every derived value.
    vars: Vec<(String, Source)>,
    /// Fact slots by key, for look-ups ([`KeyTable`]).
    keys: KeyTable,
    /// Variable indexes sorted by name.
    var_order: Vec<u16>,
    /// The yes/no and choice phrases as JSON strings.
    phrases: QuotedPhrases,
}

/// Every phrase of the yes/no and choice facts as a JSON string, quoted
/// and escaped once when the vocabulary is built, so that an answer copies
/// a reason's phrase instead of escaping it (six of them cost about 1,000
/// instructions of a JSON assessment).
#[derive(PartialEq, Eq, Debug)]
struct QuotedPhrases {
    text: String,
    /// Where each phrase ends in `text`; each starts where the one before ends.
    ends: Vec<usize>,
    /// For each variable: its first phrase's index in `ends`, how many it
    /// has (none for a number), and whether it is a yes/no fact (whose
    /// phrases are `yes`, then `no`).
    vars: Vec<(usize, usize, bool)>,
}

impl QuotedPhrases {
    fn new(facts: &[FactInfo], vars: &[(String, Source)]) -> QuotedPhrases {
        // One writer for them all: a string each cost more than the rest.
        let mut text = crate::support::writer::Writer::with_capacity(1024);
        let mut ends = Vec::new();
        let mut push = |phrase: &str, ends: &mut Vec<usize>| {
            text.str(phrase);
            ends.push(text.len());
        };
        let mut by_var = Vec::with_capacity(vars.len());
        for (_, source) in vars {
            let first = ends.len();
            let is_bool = match source {
                Source::Fact(slot) => match &facts[usize::from(*slot)].spec {
                    Spec::Bool { yes, no } => {
                        push(yes, &mut ends);
                        push(no, &mut ends);
                        true
                    }
                    Spec::Choice(choices) => {
                        choices.iter().for_each(|c| push(&c.phrase, &mut ends));
                        false
                    }
                    Spec::Count { .. } | Spec::Date => false,
                },
                Source::Derived { .. } => false,
            };
            by_var.push((first, ends.len() - first, is_bool));
        }
        QuotedPhrases { text: text.finish(), ends, vars: by_var }
    }

    fn get(&self, var: Var, value: VarValue) -> Option<&str> {
        let &(first, count, is_bool) = self.vars.get(usize::from(var.0))?;
        let i = match (is_bool, value) {
            (true, VarValue::Bool(b)) => usize::from(!b),
            (false, VarValue::Choice(i)) => usize::from(i),
            _ => return None,
        };
        if i >= count {
            return None;
        }
        let start = if first + i == 0 { 0 } else { self.ends[first + i - 1] };
        self.text.get(start..self.ends[first + i])
    }
}

/// The facts' keys in an open-addressed hash table, for the look-up every
/// key of every request makes. A scan of the vocabulary (lengths first)
/// cost about 100 instructions a key, a binary search more. A key is
/// hashed from its first eight bytes (all of a shorter key's, the rest
/// zero), which a request's text gives before its key's end is found: a
/// key is looked up where it stands ([`Vocabulary::key_at`]), and that
/// look-up finds where it ends, so it is not scanned twice.
#[derive(PartialEq, Eq, Debug)]
struct KeyTable {
    /// A power of two entries, at least twice as many as facts, so probing
    /// always reaches an empty entry.
    entries: Box<[KeyEntry]>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct KeyEntry {
    prefix: u64,
    /// The fact's slot; `u16::MAX` for none.
    slot: u16,
    /// Whether the key is its own JSON text (no byte in it needs an
    /// escape): only such keys are matched in a request's text.
    plain: bool,
}

impl KeyEntry {
    const EMPTY: KeyEntry = KeyEntry { prefix: 0, slot: u16::MAX, plain: false };
}

impl KeyTable {
    fn new(facts: &[FactInfo]) -> KeyTable {
        let size = (2 * facts.len()).next_power_of_two().max(8);
        let mut entries = vec![KeyEntry::EMPTY; size].into_boxed_slice();
        for (slot, fact) in facts.iter().enumerate() {
            let prefix = key_prefix(fact.name.as_bytes());
            let mut i = key_hash(prefix, size);
            while entries[i].slot != u16::MAX {
                i = (i + 1) & (size - 1);
            }
            let plain = fact.name.bytes().all(|b| b != b'"' && b != b'\\' && b >= 0x20);
            entries[i] = KeyEntry { prefix, slot: slot as u16, plain };
        }
        KeyTable { entries }
    }

    fn slot(&self, facts: &[FactInfo], name: &str) -> Option<u16> {
        let prefix = key_prefix(name.as_bytes());
        self.probe(prefix, |entry| facts[usize::from(entry.slot)].name == name).map(|entry| entry.slot)
    }

    /// The first entry with this prefix that `matches` accepts, probing
    /// from the prefix's hash to the first empty entry.
    #[inline]
    fn probe(&self, prefix: u64, mut matches: impl FnMut(KeyEntry) -> bool) -> Option<KeyEntry> {
        let size = self.entries.len();
        let mut i = key_hash(prefix, size);
        loop {
            let entry = self.entries[i];
            if entry.slot == u16::MAX {
                return None;
            }
            if entry.prefix == prefix && matches(entry) {
                return Some(entry);
            }
            i = (i + 1) & (size - 1);
        }
    }

    #[inline]
    fn key_at(&self, facts: &[FactInfo], text: &[u8]) -> Option<(u16, usize)> {
        let word = key_prefix(text);
        // A byte that ends (or escapes) a string in the first eight: a
        // short key, of that length.
        let found = crate::support::writer::escapes(word);
        let (prefix, short) = if found != 0 {
            let len = (found.trailing_zeros() / 8) as usize;
            if text.get(len) != Some(&b'"') {
                return None;
            }
            (word & !(u64::MAX << (8 * len)), Some(len))
        } else {
            (word, None)
        };
        let entry = self.probe(prefix, |entry| {
            let name = facts[usize::from(entry.slot)].name.as_bytes();
            entry.plain
                && match short {
                    // The prefix is the whole of both.
                    Some(short) => short == name.len(),
                    None => text.get(name.len()) == Some(&b'"') && text.get(8..name.len()) == name.get(8..),
                }
        })?;
        Some((entry.slot, facts[usize::from(entry.slot)].name.len()))
    }
}

/// A key's first eight bytes, read little-endian; a shorter key's bytes,
/// then zeros.
fn key_prefix(key: &[u8]) -> u64 {
    let mut first = [0u8; 8];
    let head = key.get(..8).unwrap_or(key);
    first[..head.len()].copy_from_slice(head);
    u64::from_le_bytes(first)
}

/// An index into a table of `size` entries (a power of two).
#[inline]
fn key_hash(prefix: u64, size: usize) -> usize {
    (prefix.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - size.trailing_zeros())) as usize
}

impl PartialEq for Vocabulary {
    #[cfg_attr(not(target_family = "wasm"), inline)]
    fn eq(&self, other: &Vocabulary) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for Vocabulary {}

impl Vocabulary {
    /// Builds a vocabulary from checked parts: `facts` starts with the
    /// built-in `application_date` and has unique names (choices' names
    /// identifiers), at most
    /// [`MAX_FACTS`]; every derived value reads a date fact; no derived name
    /// repeats a fact's. The loader checks all of it first.
    pub(crate) fn new(facts: Vec<FactInfo>, derived: Vec<Derived>, owners: Vec<Owner>) -> Vocabulary {
        debug_assert_eq!(facts.first().map(|f| f.name.as_str()), Some(APPLICATION_DATE));
        debug_assert!(facts.len() <= MAX_FACTS);
        // Requests are matched against choice names as written (`Facts::read`).
        debug_assert!(facts.iter().all(|f| match &f.spec {
            Spec::Choice(choices) =>
                choices.iter().all(|c| c.name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')),
            _ => true,
        }));
        let mut vars: Vec<(String, Source)> = Vec::new();
        for (slot, fact) in facts.iter().enumerate() {
            if fact.spec != Spec::Date {
                vars.push((fact.name.clone(), Source::Fact(slot as u16)));
            }
        }
        for (i, d) in derived.iter().enumerate() {
            vars.push((d.name.clone(), Source::Derived { index: i as u16, function: d.function, of: d.of }));
        }
        // The crate's one sort (`lookup::Index`), so that WASM holds one copy of it.
        let order = |names: &mut dyn Iterator<Item = &str>| -> Vec<u16> {
            crate::support::lookup::Index::new(names).pairs().iter().map(|&(_, i)| i as u16).collect()
        };
        let keys = KeyTable::new(&facts);
        let var_order = order(&mut vars.iter().map(|(name, _)| name.as_str()));
        let phrases = QuotedPhrases::new(&facts, &vars);
        Vocabulary(Arc::new(Inner { facts, derived, owners, vars, keys, var_order, phrases }))
    }

    /// The built-in `application_date`, first in every vocabulary.
    pub(crate) fn application_date() -> FactInfo {
        FactInfo { name: APPLICATION_DATE.to_owned(), label: "申请日期".to_owned(), spec: Spec::Date }
    }

    /// Every fact, `application_date` first, then in declared order.
    pub fn facts(&self) -> &[FactInfo] {
        &self.0.facts
    }

    /// Every derived value, in declared order.
    pub fn derived(&self) -> &[Derived] {
        &self.0.derived
    }

    /// The parties whose materials a checklist lists, in declared order.
    pub fn owners(&self) -> &[Owner] {
        &self.0.owners
    }

    /// The owner with this name.
    pub fn owner(&self, name: &str) -> Option<&Owner> {
        self.0.owners.iter().find(|o| o.name == name)
    }

    /// The fact with this JSON key.
    pub fn fact(&self, name: &str) -> Option<&FactInfo> {
        self.slot(name).map(|slot| &self.0.facts[usize::from(slot)])
    }

    /// The slot of the fact with this key.
    pub(crate) fn slot(&self, name: &str) -> Option<u16> {
        self.0.keys.slot(&self.0.facts, name)
    }

    /// The fact whose key a request's text starts with, after the key's
    /// opening quote: its slot and the key's length, the closing quote
    /// next. `None` for any other text: an unknown key, or one written
    /// with an escape (which [`Vocabulary::slot`] finds once it is read).
    #[inline]
    pub(crate) fn key_at(&self, text: &[u8]) -> Option<(u16, usize)> {
        self.0.keys.key_at(&self.0.facts, text)
    }

    /// The fact in a slot.
    pub(crate) fn info(&self, slot: u16) -> &FactInfo {
        &self.0.facts[usize::from(slot)]
    }

    /// The condition variable with this name.
    pub(crate) fn var(&self, name: &str) -> Option<Var> {
        let order = &self.0.var_order;
        let i = order.partition_point(|&v| self.0.vars[usize::from(v)].0.as_str() < name);
        order.get(i).copied().filter(|&v| self.0.vars[usize::from(v)].0 == name).map(Var)
    }

    /// Every condition variable's name, for suggestions.
    pub(crate) fn var_names(&self) -> impl Iterator<Item = &str> + Clone {
        self.0.vars.iter().map(|(name, _)| name.as_str())
    }

    pub(crate) fn var_name(&self, var: Var) -> &str {
        &self.0.vars[usize::from(var.0)].0
    }

    pub(crate) fn source(&self, var: Var) -> Source {
        self.0.vars[usize::from(var.0)].1
    }

    /// The fact a variable needs: the fact itself, or the date a derived
    /// value reads.
    pub(crate) fn input(&self, var: Var) -> u16 {
        match self.source(var) {
            Source::Fact(slot) => slot,
            Source::Derived { of, .. } => of,
        }
    }

    pub(crate) fn derivation(&self, index: u16) -> &Derived {
        &self.0.derived[usize::from(index)]
    }

    pub(crate) fn kind(&self, var: Var) -> VarKind<'_> {
        match self.source(var) {
            Source::Fact(slot) => match &self.info(slot).spec {
                Spec::Bool { yes, no } => VarKind::Bool { yes, no },
                Spec::Choice(choices) => VarKind::Choice(choices),
                Spec::Count { subject, unit, .. } => VarKind::Count { subject, unit },
                Spec::Date => unreachable!("date facts are not condition variables"),
            },
            Source::Derived { index, .. } => {
                let d = self.derivation(index);
                VarKind::Count { subject: &d.subject, unit: &d.unit }
            }
        }
    }

    /// The phrase for `value` of a yes/no or choice variable, as a JSON
    /// string: the text [`VarKind`]'s phrase is written as. `None` for a
    /// number, or a value of another kind.
    #[inline]
    pub(crate) fn quoted_phrase(&self, var: Var, value: VarValue) -> Option<&str> {
        self.0.phrases.get(var, value)
    }

    /// Whether some derived value reads the fact in `slot`: such a date may
    /// not fall after the application date.
    pub(crate) fn is_derivation_input(&self, slot: u16) -> bool {
        self.0.derived.iter().any(|d| d.of == slot)
    }
}
