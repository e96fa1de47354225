//! Whether some applicant meets a set of conditions at once: the decision
//! behind "this condition can never hold" and "these two materials are never
//! asked of the same applicant".
//!
//! # The method
//!
//! A condition reads a handful of facts, and each atom compares one of them
//! with constants written in the condition. Between two constants nothing a
//! condition can say changes, so each fact needs only one *representative*
//! value per stretch of values the atoms cannot tell apart:
//!
//! - a yes/no fact: `false` and `true`;
//! - a choice fact: one value for each class of values that every atom's
//!   set treats alike (all of them when the atoms name them all apart);
//! - a count fact: `0`, and `c` and `c + 1` for every constant `c` an atom
//!   compares it with, kept within `0..=max` of the fact. Every comparison
//!   (`<`, `<=`, `>`, `>=`, `==`, `!=`) with `c` changes its truth only
//!   between `c - 1` and `c`, or between `c` and `c + 1`, so these are the
//!   starts of every stretch on which all the atoms agree;
//! - a date fact, through the values derived from it (`days_since`,
//!   `years_since` of the date and the application date): the pair
//!   (days, completed years) the date gives. The two are not independent
//!   (no one is 400 days and 2 years old), so representatives are drawn from
//!   the pairs a real birth date and application date can give, both within
//!   1900-01-01..=2999-12-31 and the birth not after the application:
//!   for `y` completed years the days run over one interval,
//!   `lo(y)..=hi(y)` ([`Ages`] computes both ends exactly, leap days and
//!   the range's ends included). The years are cut at `0` and at every
//!   `c`, `c + 1` of a `years_since` atom, as for counts; in each stretch of
//!   years the days are cut at every `c`, `c + 1` of a `days_since` atom.
//!   One pair per piece is a representative. The days a stretch of years
//!   can have form one interval (an age `y + 1` reachable at `d` days makes
//!   `y` reachable at `d - 1`, one day later born), so no piece is empty.
//!
//! The representatives give every combination of atom outcomes that real
//! facts can give, and nothing else, except in one respect: two different
//! date facts share the application date, and are treated as independent.
//! That can only add combinations, so a "never" stays sound: it is never
//! said of a condition some applicant meets. (No catalogue has two dated
//! facts today.)
//!
//! The search assigns the facts one at a time, those read by the most atoms
//! first (in the order the conditions first read them among equals), so that
//! a contradiction on one fact such as `… && proxy && !proxy` is found before
//! the facts read once are tried, and evaluates the conditions in three-valued logic on
//! what is assigned so far: a conjunction already false under a partial
//! assignment is false under every completion, so that branch is dropped;
//! one already true is a witness. It stops after the budget of evaluations
//! it is given (at most [`BUDGET`]) and then says so
//! ([`Outcome::Undecided`]) instead of guessing: a 4 KiB condition can name
//! a hundred facts.

use crate::condition::{Condition, Test, Tri};
use crate::facts::{Derivation, Source, Spec, VarValue, Vocabulary};
use crate::support::date::Date;

/// How many evaluations one search may make before it gives up.
pub(crate) const BUDGET: u32 = 1 << 20;

/// Whether conditions can all hold for one applicant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Outcome {
    /// Some applicant meets them all.
    Holds,
    /// No applicant does.
    Never,
    /// The search ran out of its budget.
    Undecided,
}

/// Searches for facts that make every one of `conditions` true, within
/// `budget` evaluations, and returns the outcome and the evaluations made
/// (at most `budget`). No conditions always hold.
pub(crate) fn satisfiable(conditions: &[&Condition], vocabulary: &Vocabulary, budget: u32) -> (Outcome, u32) {
    let atoms: Vec<_> = conditions.iter().flat_map(|c| c.atoms()).collect();
    // The input facts, in the order first read, with every atom that reads each.
    let mut slots: Vec<Reads> = Vec::new();
    for atom in &atoms {
        let (slot, derived) = match atom.source() {
            Source::Fact(slot) => (slot, None),
            Source::Derived { function, of, .. } => (of, Some(function)),
        };
        let i = match slots.iter().position(|r| r.slot == slot) {
            Some(i) => i,
            None => {
                slots.push(Reads { slot, tests: Vec::new(), derived: Vec::new() });
                slots.len() - 1
            }
        };
        match derived {
            None => slots[i].tests.push(atom.test()),
            Some(function) => slots[i].derived.push((function, atom.test())),
        }
    }
    // The facts read by the most atoms first; `sort_by_key` is stable, so
    // among equals, the order first read.
    slots.sort_by_key(|r| std::cmp::Reverse(r.tests.len() + r.derived.len()));
    let mut ages = None;
    let domains: Vec<Vec<Rep>> = slots.iter().map(|r| representatives(vocabulary, r, &mut ages)).collect();
    let mut position = vec![usize::MAX; vocabulary.facts().len()];
    for (i, r) in slots.iter().enumerate() {
        position[usize::from(r.slot)] = i;
    }
    let mut search = Search { conditions, domains, position, chosen: vec![None; slots.len()], steps: 0, budget };
    let outcome = match search.run(0) {
        Some(true) => Outcome::Holds,
        Some(false) => Outcome::Never,
        None => Outcome::Undecided,
    };
    (outcome, search.steps.min(budget))
}

/// One input fact, with the tests of the atoms that read it: directly, or
/// through a value derived from it.
struct Reads {
    slot: u16,
    tests: Vec<Test>,
    derived: Vec<(Derivation, Test)>,
}

/// A representative value of one input fact.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rep {
    /// A yes/no, choice or count fact's value.
    Value(VarValue),
    /// A date, as what its derived values read: whole days and completed
    /// years to the application date.
    Age { days: i64, years: i64 },
}

struct Search<'a> {
    conditions: &'a [&'a Condition],
    domains: Vec<Vec<Rep>>,
    /// Slot → index into `domains`, or `usize::MAX` for a fact no atom reads.
    position: Vec<usize>,
    chosen: Vec<Option<Rep>>,
    steps: u32,
    budget: u32,
}

impl Search<'_> {
    /// Whether the conditions can all hold once the facts from `depth` on
    /// are chosen; `None` when the budget ran out.
    fn run(&mut self, depth: usize) -> Option<bool> {
        self.steps += 1;
        if self.steps > self.budget {
            return None;
        }
        match self.eval() {
            Tri::True => Some(true),
            Tri::False => Some(false),
            // Every fact chosen and still unknown cannot happen (conditions
            // are type-checked); "undecided" is the honest answer if it did.
            Tri::Unknown if depth == self.domains.len() => None,
            Tri::Unknown => {
                for i in 0..self.domains[depth].len() {
                    self.chosen[depth] = Some(self.domains[depth][i]);
                    if self.run(depth + 1)? {
                        return Some(true);
                    }
                }
                self.chosen[depth] = None;
                Some(false)
            }
        }
    }

    /// The conjunction of the conditions on the facts chosen so far.
    fn eval(&self) -> Tri {
        let value = |source: Source| {
            let (slot, function) = match source {
                Source::Fact(slot) => (slot, None),
                Source::Derived { function, of, .. } => (of, Some(function)),
            };
            let chosen = (*self.chosen.get(*self.position.get(usize::from(slot))?)?)?;
            match (chosen, function) {
                (Rep::Value(v), None) => Some(v),
                (Rep::Age { days, .. }, Some(Derivation::DaysSince)) => i32::try_from(days).ok().map(VarValue::Count),
                (Rep::Age { years, .. }, Some(Derivation::YearsSince)) => {
                    i32::try_from(years).ok().map(VarValue::Count)
                }
                _ => None,
            }
        };
        let mut result = Tri::True;
        for condition in self.conditions {
            match condition.eval_with(&value) {
                Tri::False => return Tri::False,
                Tri::Unknown => result = Tri::Unknown,
                Tri::True => {}
            }
        }
        result
    }
}

/// The cut points `{c, c + 1}` of the constants in `tests`, with `0`.
fn cuts(tests: impl Iterator<Item = Test>) -> Vec<i64> {
    let mut cuts = vec![0];
    for test in tests {
        if let Test::Cmp(_, c) = test {
            cuts.extend([c, c + 1]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The representative values of a fact, for the atoms that read it.
fn representatives(vocabulary: &Vocabulary, reads: &Reads, ages: &mut Option<Ages>) -> Vec<Rep> {
    let (tests, derived) = (&reads.tests, &reads.derived);
    match &vocabulary.info(reads.slot).spec {
        Spec::Bool { .. } => vec![Rep::Value(VarValue::Bool(false)), Rep::Value(VarValue::Bool(true))],
        Spec::Choice(choices) => {
            // One value per class: values every atom's set treats alike.
            let masks: Vec<u32> = tests
                .iter()
                .filter_map(|t| match t {
                    Test::In(mask) => Some(*mask),
                    _ => None,
                })
                .collect();
            let mut seen: Vec<Vec<bool>> = Vec::new();
            let mut reps = Vec::new();
            for i in 0..choices.len() {
                let signature: Vec<bool> = masks.iter().map(|m| m & (1 << i) != 0).collect();
                if !seen.contains(&signature) {
                    seen.push(signature);
                    reps.push(Rep::Value(VarValue::Choice(i as u8)));
                }
            }
            reps
        }
        Spec::Count { max, .. } => cuts(tests.iter().copied())
            .into_iter()
            .filter(|&c| c <= i64::from(*max))
            .filter_map(|c| i32::try_from(c).ok().map(|c| Rep::Value(VarValue::Count(c))))
            .collect(),
        Spec::Date => {
            let years = cuts(derived.iter().filter(|(f, _)| *f == Derivation::YearsSince).map(|(_, t)| *t));
            let days = cuts(derived.iter().filter(|(f, _)| *f == Derivation::DaysSince).map(|(_, t)| *t));
            let oldest = i64::from(Date::MIN.years_until(Date::MAX));
            let starts: Vec<i64> = years.into_iter().filter(|&y| y <= oldest).collect();
            let ages = ages.get_or_insert_with(Ages::new);
            let mut reps = Vec::new();
            for (i, &start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).map_or(oldest, |next| next - 1);
                let (lo, hi) = (ages.lo(start), ages.hi(end));
                reps.push(Rep::Age { days: lo, years: start });
                // Every years atom agrees on start..=end: `start` stands for
                // whichever age in it the days are reached at.
                for &d in days.iter().filter(|&&d| lo < d && d <= hi) {
                    reps.push(Rep::Age { days: d, years: start });
                }
            }
            reps
        }
    }
}

/// The youngest birth date with `years` completed years on `on` (28
/// February for a 29 February in a common year), if it is a date banshi
/// takes.
pub(super) fn youngest(on: Date, years: i64) -> Option<Date> {
    let year = i32::try_from(i64::from(on.year()) - years).ok()?;
    Date::new(year, on.month(), on.day()).or_else(|_| Date::new(year, 2, 28)).ok()
}

/// The days a birth date and an application date, both within
/// 1900-01-01..=2999-12-31, can be apart for a given number of completed
/// years.
///
/// For an application date `a`, the youngest birth date with `y` completed
/// years is `a` less `y` years (28 February for a 29 February in a common
/// year), so `y` years cover the days from it to `a`, up to one day short of
/// the youngest birth date with `y + 1` years (or 1900-01-01, if that is
/// earlier). Those distances stay the same from 1 January to 28 February, and
/// from 1 March to 31 December, of any one year (leap days fall in between),
/// so 28 February, 29 February (in leap years) and 31 December of every year
/// are all the application dates that need trying: the latest of each
/// stretch, for the bound set by 1900-01-01.
struct Ages {
    dates: Vec<Date>,
    /// `(years, lo, hi)` computed so far.
    known: Vec<(i64, i64, i64)>,
}

impl Ages {
    fn new() -> Ages {
        let mut dates = Vec::new();
        for year in Date::MIN.year()..=Date::MAX.year() {
            for (month, day) in [(2, 28), (2, 29), (12, 31)] {
                if let Ok(date) = Date::new(year, month, day) {
                    dates.push(date);
                }
            }
        }
        Ages { dates, known: Vec::new() }
    }

    /// The fewest and the most days with `years` completed years.
    fn bounds(&mut self, years: i64) -> (i64, i64) {
        if let Some(&(_, lo, hi)) = self.known.iter().find(|(y, _, _)| *y == years) {
            return (lo, hi);
        }
        let (lo, hi) = (self.lo_days(years), self.hi_days(years));
        self.known.push((years, lo, hi));
        (lo, hi)
    }

    fn lo(&mut self, years: i64) -> i64 {
        self.bounds(years).0
    }

    fn hi(&mut self, years: i64) -> i64 {
        self.bounds(years).1
    }

    /// The fewest days with `years` completed years.
    fn lo_days(&self, years: i64) -> i64 {
        let days = self.dates.iter().filter_map(|&a| Some(youngest(a, years)?.days_until(a)));
        days.min().map_or(i64::MAX, i64::from)
    }

    /// The most days with `years` completed years.
    fn hi_days(&self, years: i64) -> i64 {
        let days = self.dates.iter().filter_map(|&a| {
            youngest(a, years)?;
            Some(match youngest(a, years + 1) {
                Some(older) => older.days_until(a) - 1,
                None => Date::MIN.days_until(a),
            })
        });
        days.max().map_or(-1, i64::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Facts;
    use crate::model::Catalog;

    fn vocabulary() -> &'static Vocabulary {
        Catalog::embedded().vocabulary()
    }

    fn outcome(texts: &[&str]) -> Outcome {
        let conditions: Vec<Condition> = texts.iter().map(|t| Condition::parse(t, vocabulary()).unwrap()).collect();
        let refs: Vec<&Condition> = conditions.iter().collect();
        satisfiable(&refs, vocabulary(), BUDGET).0
    }

    #[test]
    fn contradictions_never_hold() {
        for text in [
            "proxy && !proxy",
            "marital_status == married && marital_status == divorced",
            "marital_status != married && marital_status in [married]",
            "hukou == local && (hukou == nonlocal || proxy && !proxy)",
            "subsidy_years_received > 100",
            "subsidy_years_received < 3 && subsidy_years_received >= 3",
            "subsidy_years_received == 4 && subsidy_years_received != 4",
            "age_years >= 18 && age_years < 18",
            "age_days < 90 && age_years >= 1",
            // 365 days can be 0 years (born 2023-03-01, applying 2024-02-29); 366 cannot.
            "age_days >= 366 && age_years < 1",
            "age_days < 730 && age_years >= 2",
            "age_years >= 1100",
            "age_years == 17 && age_days > 6574",
        ] {
            assert_eq!(outcome(&[text]), Outcome::Never, "{text}");
        }
    }

    #[test]
    fn satisfiable_conditions_hold() {
        for text in [
            "proxy",
            "!proxy",
            "marital_status in [unmarried, divorced, widowed] || (hukou == nonlocal && !proxy)",
            "subsidy_years_received >= 100",
            "subsidy_years_received == 0",
            "age_days >= 365 && age_years < 1",
            "age_days <= 730 && age_years >= 2",
            "age_days < 90 && age_years < 1",
            "age_years >= 1099",
            "age_days >= 100000",
            "age_years == 17 && age_days >= 6574",
            "proxy || age_years < 18",
        ] {
            assert_eq!(outcome(&[text]), Outcome::Holds, "{text}");
        }
    }

    #[test]
    fn conditions_together() {
        assert_eq!(outcome(&["age_years < 18", "age_years >= 18"]), Outcome::Never);
        assert_eq!(outcome(&["proxy || age_years < 18", "proxy && age_years >= 18"]), Outcome::Holds);
        assert_eq!(outcome(&["hukou == local", "hukou == nonlocal"]), Outcome::Never);
        assert_eq!(outcome(&[]), Outcome::Holds);
    }

    #[test]
    fn gives_up_past_its_budget() {
        let text = "(proxy || disabled) && (dibao || college_graduate) && !(proxy || disabled)";
        let c = Condition::parse(text, vocabulary()).unwrap();
        assert_eq!(satisfiable(&[&c], vocabulary(), 3), (Outcome::Undecided, 3));
        assert_eq!(satisfiable(&[&c], vocabulary(), BUDGET).0, Outcome::Never);
    }

    /// A contradiction on one fact, behind facts each read once, is found
    /// by trying the fact read most first: in a handful of evaluations, not
    /// 2^n.
    #[test]
    fn tries_the_most_read_fact_first() {
        let text = "(hukou == local || disabled) && (dibao || college_graduate) && (marital_status == married || subsidy_years_received > 3) && proxy && !proxy";
        let c = Condition::parse(text, vocabulary()).unwrap();
        let (outcome, steps) = satisfiable(&[&c], vocabulary(), BUDGET);
        assert_eq!(outcome, Outcome::Never);
        assert!(steps <= 3, "{steps} evaluations");
    }

    /// The age bounds against every birth date for a few application dates.
    #[test]
    fn age_bounds_match_real_dates() {
        let mut ages = Ages::new();
        assert_eq!((ages.lo(0), ages.hi(0)), (0, 365));
        assert_eq!((ages.lo(1), ages.hi(1)), (365, 730));
        // 2097-03-01 to 2101-03-01 has no 29 February: 2100 is a common year.
        assert_eq!(ages.lo(4), 4 * 365);
        // Eighteen years hold at most five leap days.
        assert_eq!(ages.hi(17), 18 * 365 + 5 - 1);
        assert_eq!(ages.hi(1099), 401_766);
        let d = |s: &str| s.parse::<Date>().unwrap();
        for application in ["2024-02-29", "2025-02-28", "2026-12-31", "2101-03-01"] {
            let a = d(application);
            let mut birth = a;
            for _ in 0..3000 {
                let (days, years) = (i64::from(birth.days_until(a)), i64::from(birth.years_until(a)));
                assert!(ages.lo(years) <= days && days <= ages.hi(years), "{birth} on {a}");
                birth = birth.add_days(-1).unwrap();
            }
        }
    }

    /// Exhaustive evaluation on real facts agrees with the search, for
    /// conditions over the count and choice facts (every value tried).
    #[test]
    fn agrees_with_every_real_value() {
        let vocabulary = vocabulary();
        for text in [
            "subsidy_years_received >= 3 && subsidy_years_received < 5 && marital_status != married",
            "subsidy_years_received == 7 && subsidy_years_received > 7",
            "subsidy_years_received > 99 && hukou == nonlocal",
            "(marital_status in [married, widowed] || subsidy_years_received <= 0) && marital_status == unmarried && subsidy_years_received != 0",
        ] {
            let c = Condition::parse(text, vocabulary).unwrap();
            let mut holds = false;
            for years in 0..=100u32 {
                for marital in ["unmarried", "married", "divorced", "widowed"] {
                    for hukou in ["local", "nonlocal"] {
                        let mut f = Facts::new(vocabulary, "2026-11-27".parse().unwrap());
                        f.set("subsidy_years_received", years).unwrap();
                        f.set("marital_status", marital).unwrap();
                        f.set("hukou", hukou).unwrap();
                        holds |= c.eval(&f) == Tri::True;
                    }
                }
            }
            let expected = if holds { Outcome::Holds } else { Outcome::Never };
            assert_eq!(satisfiable(&[&c], vocabulary, BUDGET).0, expected, "{text}");
        }
    }
}
