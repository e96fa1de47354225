//! The applicants two versions of a service are compared over
//! (`banshi diff`).

use super::search::youngest;
use crate::condition::Test;
use crate::facts::{Derivation, FactInfo, FactKind, FactValue, Facts, Source, Vocabulary};
use crate::model::Service;
use crate::support::date::Date;

/// A deterministic set of applicants for one service, drawn from two
/// versions of it, to count whose answer a change alters.
///
/// The applicants give every fact either version of the service reads
/// (by name, in the old version's vocabulary order, then the new one's), and
/// take every combination of:
///
/// - yes/no facts: `false`, `true`;
/// - choice facts: every value either vocabulary declares;
/// - count facts: `0`, the largest value each vocabulary allows, and
///   `c - 1`, `c`, `c + 1` for every constant `c` a condition of either
///   version compares the fact with (those within range);
/// - date facts read through derived values (such as `birth_date` for
///   `age_years`): the application date itself (day 0), and for every
///   constant `c` a condition compares a derived value of it with, the
///   dates on either side: `c - 1`, `c` and `c + 1` days before the
///   application date for `days_since`; for `years_since`, the day after the
///   `c`th birthday would fall (age `c - 1`, turning `c` tomorrow), the day
///   it falls (age `c` today) and the `c + 1`th birthday (age `c + 1`
///   today); only dates from 1900-01-01 to the application date;
///
/// on each application date: `anchor`, and each day a service or a material
/// comes into force (`valid_from`) or leaves it (`valid_until`) in either
/// version, with the day before it comes in and the day after it leaves.
/// Facts neither version reads are not given. Between two of these values no
/// condition of either version changes its answer, so each stretch of values
/// has an applicant.
///
/// When an applicant's value does not fit a version (a fact or a choice value
/// that version's vocabulary does not declare, a count above its `max`), that
/// version gets the applicant without it: for that version, the fact was not
/// given ([`Applicant::facts`]).
///
/// # Example
///
/// ```
/// use banshi::{Applicants, Catalog};
///
/// let catalog = Catalog::embedded();
/// let service = catalog.service("8.1")?;
/// let applicants = Applicants::new(Some(service), Some(service), "2026-01-01".parse()?);
/// // birth_date (born that day; 17, 18 and 19 years old, for `age_years < 18`) × hukou (2) × proxy (2).
/// assert_eq!(applicants.total(), 4 * 2 * 2);
/// for applicant in applicants.sample(100) {
///     let facts = applicant.facts(catalog.vocabulary());
///     assert!(catalog.assess("8.1", &facts).is_ok());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Applicants {
    blocks: Vec<Block>,
    total: u64,
}

/// The applicants of one application date: every combination of `facts`'
/// values, the first fact varying fastest.
#[derive(Clone, Debug)]
struct Block {
    date: Date,
    facts: Vec<(String, Vec<Given>)>,
    size: u64,
}

/// A value an applicant gives for one fact.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Given {
    Bool(bool),
    Choice(String),
    Count(u32),
    Date(Date),
}

impl Given {
    fn value(&self) -> FactValue<'_> {
        match self {
            Given::Bool(b) => FactValue::Bool(*b),
            Given::Choice(c) => FactValue::Choice(c),
            Given::Count(n) => FactValue::Count(*n),
            Given::Date(d) => FactValue::Date(*d),
        }
    }
}

/// One generated applicant: an application date and a value for each fact
/// the service reads.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Applicant {
    application_date: Date,
    facts: Vec<(String, Given)>,
}

/// A constant a condition compares a fact with, directly or through a
/// derived value of a date.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Constant {
    Count(i64),
    Days(i64),
    Years(i64),
}

impl Applicants {
    /// The applicants for a service of which `old` and `new` are the two
    /// versions (either may be absent: a service added or removed), on
    /// `anchor` and the validity dates of either version.
    pub fn new(old: Option<&Service>, new: Option<&Service>, anchor: Date) -> Applicants {
        let versions: Vec<&Service> = [old, new].into_iter().flatten().collect();
        let mut names: Vec<String> = Vec::new();
        let mut constants: Vec<(String, Constant)> = Vec::new();
        let mut dates = vec![anchor];
        for service in &versions {
            names.extend(service.facts().map(|f| f.name.clone()).filter(|n| !names.contains(n)).collect::<Vec<_>>());
            constants.extend(service_constants(service));
            let mut validity = vec![(service.valid_from, service.valid_until)];
            validity.extend(service.requirements.iter().map(|r| (r.valid_from, r.valid_until)));
            for (from, until) in validity {
                dates.extend(from.into_iter().flat_map(|f| [f.add_days(-1), Some(f)]).flatten());
                dates.extend(until.into_iter().flat_map(|u| [Some(u), u.add_days(1)]).flatten());
            }
        }
        dates.sort_unstable();
        dates.dedup();
        let infos =
            |name: &str| -> Vec<&FactInfo> { versions.iter().filter_map(|s| s.vocabulary.fact(name)).collect() };
        let mut blocks = Vec::new();
        for date in dates {
            let mut facts = Vec::new();
            for name in &names {
                let constants = constants.iter().filter(|(n, _)| n == name).map(|(_, c)| *c);
                facts.push((name.clone(), values(&infos(name), constants, date)));
            }
            let size = facts.iter().fold(1u64, |n, (_, values)| n.saturating_mul(values.len() as u64));
            blocks.push(Block { date, facts, size });
        }
        let total = blocks.iter().fold(0u64, |n, b| n.saturating_add(b.size));
        Applicants { blocks, total }
    }

    /// How many applicants there are: every combination, on every
    /// application date (at most `u64::MAX`).
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The application dates, in order.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.blocks.iter().map(|b| b.date)
    }

    /// At most `limit` applicants: all of them, in order, when there are no
    /// more than `limit`; otherwise `limit` of them spread evenly over the
    /// whole set, the same every time (those at positions `i × step` for
    /// `i` below `limit`, `step` the first number from `total / limit` up
    /// that shares no factor with [`total`](Applicants::total), so that no
    /// position repeats).
    pub fn sample(&self, limit: u64) -> impl Iterator<Item = Applicant> + '_ {
        let (count, step) = if self.total <= limit {
            (self.total, 1)
        } else {
            let mut step = (self.total / limit.max(1)).max(1);
            while gcd(step, self.total) != 1 {
                step += 1;
            }
            (limit, step)
        };
        let total = u128::from(self.total.max(1));
        (0..count).map(move |i| {
            let position = (u128::from(i) * u128::from(step) % total) as u64;
            self.applicant(position)
        })
    }

    /// The applicant at `position` (below `total`).
    fn applicant(&self, mut position: u64) -> Applicant {
        let block = self
            .blocks
            .iter()
            .find(|b| {
                if position < b.size {
                    true
                } else {
                    position -= b.size;
                    false
                }
            })
            .unwrap_or_else(|| unreachable!("positions are below the total"));
        let mut facts = Vec::with_capacity(block.facts.len());
        for (name, values) in &block.facts {
            let n = values.len() as u64;
            facts.push((name.clone(), values[(position % n) as usize].clone()));
            position /= n;
        }
        Applicant { application_date: block.date, facts }
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The constants a service's conditions compare each fact with.
fn service_constants(service: &Service) -> Vec<(String, Constant)> {
    let vocabulary = &service.vocabulary;
    let conditions = service
        .eligibility
        .iter()
        .map(|r| &r.condition)
        .chain(service.requirements.iter().filter_map(|r| r.condition.as_ref()));
    let mut out = Vec::new();
    for condition in conditions {
        for atom in condition.atoms() {
            let Test::Cmp(_, c) = atom.test() else { continue };
            let (slot, constant) = match atom.source() {
                Source::Fact(slot) => (slot, Constant::Count(c)),
                Source::Derived { function: Derivation::DaysSince, of, .. } => (of, Constant::Days(c)),
                Source::Derived { function: Derivation::YearsSince, of, .. } => (of, Constant::Years(c)),
            };
            out.push((vocabulary.info(slot).name.clone(), constant));
        }
    }
    out
}

/// The values tried for one fact, as each version declares it, on `date`.
fn values(infos: &[&FactInfo], constants: impl Iterator<Item = Constant> + Clone, date: Date) -> Vec<Given> {
    let mut out = Vec::new();
    for info in infos {
        match info.kind() {
            FactKind::Bool => out.extend([Given::Bool(false), Given::Bool(true)]),
            FactKind::Choice => out.extend(info.choices().iter().map(|c| Given::Choice(c.name.clone()))),
            FactKind::Count => {
                let max = info.max().unwrap_or(0);
                let mut counts = vec![0, i64::from(max)];
                for constant in constants.clone() {
                    if let Constant::Count(c) = constant {
                        counts.extend([c - 1, c, c + 1]);
                    }
                }
                let counts = counts.into_iter().filter_map(|n| u32::try_from(n).ok()).filter(|&n| n <= max);
                out.extend(counts.map(Given::Count));
            }
            FactKind::Date => {
                let mut births = vec![Some(date)];
                for constant in constants.clone() {
                    match constant {
                        Constant::Days(c) => births.extend([c - 1, c, c + 1].map(|n| {
                            let n = i32::try_from(n).ok()?;
                            date.add_days(-n)
                        })),
                        Constant::Years(c) => births.extend([
                            youngest(date, c).and_then(|b| b.add_days(1)),
                            youngest(date, c),
                            youngest(date, c + 1),
                        ]),
                        Constant::Count(_) => {}
                    }
                }
                let mut births: Vec<Date> = births.into_iter().flatten().filter(|&b| b <= date).collect();
                // Youngest first.
                births.sort_unstable_by(|a, b| b.cmp(a));
                out.extend(births.into_iter().map(Given::Date));
            }
        }
    }
    // Each value once, in the order found; counts from small to large.
    let mut unique: Vec<Given> = Vec::with_capacity(out.len());
    for value in out {
        if !unique.contains(&value) {
            unique.push(value);
        }
    }
    if unique.iter().all(|v| matches!(v, Given::Count(_))) {
        unique.sort_unstable_by_key(|v| match v {
            Given::Count(n) => *n,
            _ => 0,
        });
    }
    unique
}

impl Applicant {
    /// The application date.
    pub fn application_date(&self) -> Date {
        self.application_date
    }

    /// The applicant's facts, read against `vocabulary` (one version's):
    /// every fact with its value, except those the vocabulary does not
    /// declare or whose value it does not allow, which this version sees as
    /// not given.
    pub fn facts(&self, vocabulary: &Vocabulary) -> Facts {
        let mut facts = Facts::new(vocabulary, self.application_date);
        for (name, value) in &self.facts {
            // Refused values are left out, as documented: `set` keeps nothing it refuses.
            let _ = facts.set(name, value.value());
        }
        facts
    }

    /// The applicant as a facts object, `application_date` first, with every
    /// value generated (whether or not a version declares it).
    pub fn to_json(&self) -> String {
        crate::support::writer::to_string(self, 64 + 32 * self.facts.len())
    }
}

impl serde::Serialize for Applicant {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.facts.len() + 1))?;
        map.serialize_entry("application_date", &self.application_date)?;
        for (name, value) in &self.facts {
            match value {
                Given::Bool(b) => map.serialize_entry(name, b)?,
                Given::Choice(c) => map.serialize_entry(name, c)?,
                Given::Count(n) => map.serialize_entry(name, n)?,
                Given::Date(d) => map.serialize_entry(name, d)?,
            }
        }
        map.end()
    }
}
