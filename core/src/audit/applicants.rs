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
/// The set is not stored: only each fact's values (once, for facts other
/// than dates) and the rules for date facts' values, which are worked out
/// for one application date at a time, so the memory it takes grows with the
/// size of the two versions, not with the number of combinations.
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
/// assert_eq!(applicants.total(), Some(4 * 2 * 2));
/// for applicant in applicants.sample(100) {
///     let facts = applicant.facts(catalog.vocabulary());
///     assert!(catalog.assess("8.1", &facts).is_ok());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Applicants {
    /// The application dates, in order.
    dates: Vec<Date>,
    facts: Vec<Fact>,
    /// The number of applicants on each date (`None` past `u64::MAX`).
    sizes: Vec<Option<u64>>,
    total: Option<u64>,
}

/// One fact the applicants give, and its values.
#[derive(Clone, Debug)]
struct Fact {
    name: String,
    values: Values,
}

/// A fact's values: the same on every application date, or (for a fact
/// some version declares as a date) worked out per date.
#[derive(Clone, Debug)]
enum Values {
    Fixed(Vec<Given>),
    Dated(Vec<Part>),
}

/// The values one version's declaration of a fact gives: fixed, or the
/// birth dates around the constants, which depend on the application date.
#[derive(Clone, Debug)]
enum Part {
    Fixed(Vec<Given>),
    Births(Vec<Constant>),
}

/// A value an applicant gives for one fact.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
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
            for fact in service.facts() {
                if !names.contains(&fact.name) {
                    names.push(fact.name.clone());
                }
            }
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
        constants.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        let mut facts = Vec::with_capacity(names.len());
        for name in names {
            let from = constants.partition_point(|(n, _)| *n < name);
            let to = constants.partition_point(|(n, _)| *n <= name);
            let constants: Vec<Constant> = constants[from..to].iter().map(|(_, c)| *c).collect();
            let parts: Vec<Part> =
                versions.iter().filter_map(|s| s.vocabulary.fact(&name)).map(|info| part(info, &constants)).collect();
            let values = if parts.iter().any(|p| matches!(p, Part::Births(_))) {
                Values::Dated(parts)
            } else {
                Values::Fixed(unique(parts.into_iter().flat_map(|p| match p {
                    Part::Fixed(values) => values,
                    Part::Births(_) => Vec::new(),
                })))
            };
            facts.push(Fact { name, values });
        }
        let sizes: Vec<Option<u64>> = dates
            .iter()
            .map(|&date| {
                facts.iter().try_fold(1u64, |n, fact| {
                    let count = match &fact.values {
                        Values::Fixed(values) => values.len(),
                        Values::Dated(parts) => dated(parts, date).len(),
                    };
                    // A fact without values is not given: it multiplies by one.
                    n.checked_mul(count.max(1) as u64)
                })
            })
            .collect();
        let total = sizes.iter().try_fold(0u64, |n, size| n.checked_add((*size)?));
        Applicants { dates, facts, sizes, total }
    }

    /// How many applicants there are: every combination, on every
    /// application date; `None` when there are more than `u64::MAX` (at
    /// least 2^64).
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// The application dates, in order.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.dates.iter().copied()
    }

    /// At most `limit` applicants, the same every time.
    ///
    /// When there are no more than `limit`, all of them, in order: date by
    /// date, and on each date every combination, the first fact varying
    /// fastest. Otherwise (or when there are more than `u64::MAX`) `limit`
    /// of them drawn over the whole set: the application dates share them
    /// evenly (in order, the first `limit × (d + 1) / dates` for date `d`,
    /// so that every date has its share when `limit` is at least the number
    /// of dates), and each applicant takes each fact's value independently,
    /// chosen by a fixed hash of the applicant's number and the fact's
    /// place: an applicant may repeat.
    pub fn sample(&self, limit: u64) -> impl Iterator<Item = Applicant> + '_ {
        let all = self.total.filter(|&total| total <= limit);
        let count = all.unwrap_or(limit);
        let dates = self.dates.len() as u128;
        // The date values of the date last asked for, worked out once per date.
        let mut cache: Option<(usize, Vec<Vec<Given>>)> = None;
        let mut block = 0usize;
        let mut start = 0u64;
        (0..count).map(move |i| {
            if all.is_some() {
                // Every applicant, in order: find `i`'s date.
                while self.sizes[block].is_some_and(|size| i - start >= size) {
                    start += self.sizes[block].unwrap_or(0);
                    block += 1;
                }
                let mut position = i - start;
                self.applicant(block, &mut cache, |n| {
                    let digit = position % n;
                    position /= n;
                    digit
                })
            } else {
                let block = (u128::from(i) * dates / u128::from(count)) as usize;
                let mut place = 0u64;
                self.applicant(block, &mut cache, |n| {
                    place += 1;
                    mix(i, place) % n
                })
            }
        })
    }

    /// The applicant on the `block`th date whose value of each fact, in
    /// order, is the one at `pick(number of values)`; `cache` keeps the
    /// date facts' values of the last date.
    fn applicant(
        &self,
        block: usize,
        cache: &mut Option<(usize, Vec<Vec<Given>>)>,
        mut pick: impl FnMut(u64) -> u64,
    ) -> Applicant {
        let date = self.dates[block];
        if cache.as_ref().is_none_or(|(b, _)| *b != block) {
            let values = self
                .facts
                .iter()
                .filter_map(|f| match &f.values {
                    Values::Dated(parts) => Some(dated(parts, date)),
                    Values::Fixed(_) => None,
                })
                .collect();
            *cache = Some((block, values));
        }
        let dated_values = cache.as_ref().map_or(&[][..], |(_, v)| v.as_slice());
        let mut dated_values = dated_values.iter();
        let mut facts = Vec::with_capacity(self.facts.len());
        for fact in &self.facts {
            let values = match &fact.values {
                Values::Fixed(values) => values,
                Values::Dated(_) => dated_values.next().unwrap_or_else(|| unreachable!("one list per date fact")),
            };
            if values.is_empty() {
                continue;
            }
            let index = pick(values.len() as u64) as usize;
            facts.push((fact.name.clone(), values[index].clone()));
        }
        Applicant { application_date: date, facts }
    }
}

/// A fixed 64-bit hash of an applicant's number and a fact's place
/// (SplitMix64's finaliser over both).
fn mix(number: u64, place: u64) -> u64 {
    let mut z = number.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(place.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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

/// The values one version's declaration of a fact gives, `constants`
/// being those the conditions compare it with.
fn part(info: &FactInfo, constants: &[Constant]) -> Part {
    match info.kind() {
        FactKind::Bool => Part::Fixed(vec![Given::Bool(false), Given::Bool(true)]),
        FactKind::Choice => Part::Fixed(info.choices().iter().map(|c| Given::Choice(c.name.clone())).collect()),
        FactKind::Count => {
            let max = info.max().unwrap_or(0);
            let mut counts = vec![0, i64::from(max)];
            for constant in constants {
                if let Constant::Count(c) = *constant {
                    counts.extend([c.saturating_sub(1), c, c.saturating_add(1)]);
                }
            }
            let counts = counts.into_iter().filter_map(|n| u32::try_from(n).ok()).filter(|&n| n <= max);
            Part::Fixed(counts.map(Given::Count).collect())
        }
        FactKind::Date => Part::Births(constants.to_vec()),
    }
}

/// A date fact's values on `date`: each part's, in order, each value once.
fn dated(parts: &[Part], date: Date) -> Vec<Given> {
    unique(parts.iter().flat_map(|part| match part {
        Part::Fixed(values) => values.clone(),
        Part::Births(constants) => births(constants, date),
    }))
}

/// The birth dates tried on `date`, youngest first.
fn births(constants: &[Constant], date: Date) -> Vec<Given> {
    let mut births = vec![Some(date)];
    for constant in constants {
        match *constant {
            Constant::Days(c) => births.extend([c.saturating_sub(1), c, c.saturating_add(1)].map(|n| {
                let n = i32::try_from(n).ok()?;
                date.add_days(n.checked_neg()?)
            })),
            Constant::Years(c) => births.extend([
                youngest(date, c).and_then(|b| b.add_days(1)),
                youngest(date, c),
                youngest(date, c.saturating_add(1)),
            ]),
            Constant::Count(_) => {}
        }
    }
    let mut births: Vec<Date> = births.into_iter().flatten().filter(|&b| b <= date).collect();
    // Youngest first.
    births.sort_unstable_by(|a, b| b.cmp(a));
    births.dedup();
    births.into_iter().map(Given::Date).collect()
}

/// Each value once, in the order found; counts from small to large.
fn unique(values: impl IntoIterator<Item = Given>) -> Vec<Given> {
    let mut seen = std::collections::BTreeSet::new();
    let mut unique: Vec<Given> = values.into_iter().filter(|v| seen.insert(v.clone())).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;

    impl Applicants {
        /// How many values and constants the set keeps.
        fn stored(&self) -> usize {
            self.facts
                .iter()
                .map(|f| match &f.values {
                    Values::Fixed(values) => values.len(),
                    Values::Dated(parts) => parts
                        .iter()
                        .map(|p| match p {
                            Part::Fixed(values) => values.len(),
                            Part::Births(constants) => constants.len(),
                        })
                        .sum(),
                })
                .sum()
        }
    }

    /// A catalogue with `choices` choice facts of three values each and a
    /// birth date, and one service asking `age_years >= 18` whose
    /// `materials`th material is in force for four days, each its own.
    fn catalog(choices: usize, materials: usize) -> Catalog {
        let choice = |i: usize| {
            let values: Vec<String> = (0..3)
                .map(|v| format!(r#"{{"name": "v{v}", "label": "值{v}", "phrase": "选择{i}为值{v}"}}"#))
                .collect();
            format!(r#"{{"name": "c{i}", "label": "选择{i}", "type": "choice", "choices": [{}]}}"#, values.join(","))
        };
        let mut facts: Vec<String> = (0..choices).map(choice).collect();
        facts.push(r#"{"name": "birth_date", "label": "出生日期", "type": "date"}"#.to_owned());
        let facts = format!(
            r#"{{"facts": [{}], "derived": [{{"name": "age_years", "label": "周岁年龄", "function": "years_since",
                "of": "birth_date", "subject": "申请人", "unit": "周岁"}}],
                "owners": [{{"name": "applicant", "label": "申请人"}}]}}"#,
            facts.join(",")
        );
        let documents = r#"{"documents": [{"id": "application_form", "name": "申请表"}]}"#;
        let base = Date::new(2001, 1, 1).unwrap();
        let material = |i: usize| {
            let from = base.add_days(10 * i as i32).unwrap();
            let until = from.add_days(3).unwrap();
            format!(
                r#"{{"id": "m{i}", "name": "材料{i}", "document": "application_form", "owner": "applicant",
                    "form": "original", "basis": ["rules"], "source": "申请表", "when": "c{} == v0",
                    "when_source": "条件", "valid_from": "{from}", "valid_until": "{until}"}}"#,
                i % choices
            )
        };
        let materials: Vec<String> = (0..materials).map(material).collect();
        let service = format!(
            r#"{{"id": "1.1", "name": "示例事项", "legal_basis": [{{"id": "rules", "title": "示例办法", "source": "示例办法"}}],
                "implementing_body": "示例中心", "boundary": "示例中心负责受理",
                "steps": [{{"actor": "申请人", "action": "提交材料", "source": "提交材料"}}],
                "responsibility": "负责受理", "supervision": {{"office": "示例纪检办公室", "phone": "022-12345678"}},
                "eligibility": [{{"id": "adult", "text": "申请人须年满十八周岁", "requires": "age_years >= 18",
                    "basis": ["rules"], "source": "年满十八周岁"}}],
                "materials": [{}]}}"#,
            materials.join(",")
        );
        Catalog::from_files(
            "1",
            [("facts.json", facts.as_str()), ("documents.json", documents), ("1.1.json", &service)],
        )
        .unwrap()
    }

    #[test]
    fn values_are_kept_once_not_per_date() {
        let catalog = catalog(30, 200);
        let service = catalog.service("1.1").unwrap();
        let applicants = Applicants::new(Some(service), Some(service), Date::new(2026, 1, 1).unwrap());
        // The anchor, and four days around each material's validity.
        assert_eq!(applicants.dates().count(), 1 + 4 * 200);
        // Three values per choice fact, and the birth date's constant 18 (both versions' condition, in each
        // version's declaration of the fact), however many dates: not 801 copies of them.
        assert_eq!(applicants.stored(), 30 * 3 + 2 * 2);
        // On every date: born that day, turning 18 tomorrow, 18 today, 19 today.
        assert_eq!(applicants.total(), Some(801 * 4 * 3u64.pow(30)));
        // A sample past the total reaches every date.
        let mut dates: Vec<Date> = applicants.sample(1000).map(|a| a.application_date()).collect();
        assert_eq!(dates.len(), 1000);
        dates.dedup();
        assert_eq!(dates, applicants.dates().collect::<Vec<_>>());
    }

    #[test]
    fn totals_past_64_bits_are_not_capped() {
        // 3^41 > 2^64.
        let catalog = catalog(41, 41);
        let service = catalog.service("1.1").unwrap();
        let applicants = Applicants::new(Some(service), Some(service), Date::new(2026, 1, 1).unwrap());
        assert_eq!(applicants.total(), None);
        // Every fact's values turn up in the sample, the last fact's as well as the first's.
        let sample: Vec<Applicant> = applicants.sample(300).collect();
        for name in ["c0", "c40"] {
            let mut seen: Vec<&Given> =
                sample.iter().flat_map(|a| a.facts.iter().filter(|(n, _)| n == name).map(|(_, v)| v)).collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), 3, "{name}");
        }
    }
}
