//! `Catalog::lint`: what a loaded catalogue gets wrong that loading cannot
//! call an error.

use super::search::{BUDGET, Outcome, satisfiable};
use super::{Finding, FindingCode};
use crate::condition::Condition;
use crate::facts::{FactSet, Source, Spec, Vocabulary};
use crate::model::{Catalog, Requirement, Service};

impl Catalog {
    /// Checks the catalogue for what loading accepts but an author almost
    /// certainly did not mean, and returns every finding, in Chinese, each
    /// with a [code](FindingCode): the vocabulary's first (facts, then choice
    /// values, in declared order), then each service's (in catalogue order).
    ///
    /// - [`NeverHolds`](FindingCode::NeverHolds): a material's condition, or
    ///   an eligibility rule's, that no applicant can meet, so the material
    ///   is never asked for, or nobody is eligible. Decided by a search over
    ///   representative values of the facts the condition reads: every
    ///   yes/no and choice value, and for counts and ages the values on
    ///   either side of each constant the conditions compare them with,
    ///   ages drawn only from what real birth and application dates between
    ///   1900 and 2999 can give (so `age_days < 90 && age_years >= 1` never
    ///   holds, and `age_days >= 365 && age_years < 1` does, for a leap year).
    ///   A "never" is exact: it is never said of a condition some applicant
    ///   meets. A search that would take over a million steps (2^20
    ///   evaluations) stops with [`Undecided`](FindingCode::Undecided)
    ///   instead, and so does every search once the whole catalogue's checks
    ///   have made 2^22 evaluations, so that no catalogue keeps `lint`
    ///   running for long: each condition not decided is reported.
    /// - [`UnreadFact`](FindingCode::UnreadFact): a fact declared in the
    ///   vocabulary that no condition reads and no service splits its cases
    ///   by (a date counts as read when a derived value of it is).
    /// - [`UnreadDerived`](FindingCode::UnreadDerived): a derived value no
    ///   condition reads.
    /// - [`UnmentionedChoice`](FindingCode::UnmentionedChoice): a value of a
    ///   choice fact that no condition names (in `==`, `!=` or `in`) and no
    ///   case is, on a fact that something reads: every applicant who gives
    ///   it is treated as one who gives any other unnamed value.
    /// - [`DuplicateDocument`](FindingCode::DuplicateDocument): two
    ///   requirements of one service whose materials are the same document
    ///   of the same owner under different ids (the applicant's and the
    ///   proxy's ID cards are two papers; two "applicant's ID card" entries
    ///   are one). The options of one `one_of` are alternatives by design and
    ///   are not compared; two requirements are not reported when no
    ///   applicant can be asked for both, because their conditions (with
    ///   their cases) never hold together or their periods of validity do not
    ///   meet. A requirement whose own condition never holds is not compared
    ///   at all, and one whose condition was not decided is reported as
    ///   possibly asked together without a second search.
    /// - [`EmptyDecision`](FindingCode::EmptyDecision): an interpretation
    ///   (a rule, a material or a service-wide choice with a `decision`)
    ///   whose decision text is empty or blank. Loading already rejects an
    ///   interpretation with no `decision` at all (a rule with neither
    ///   `source` nor `decision`, a material whose condition has neither
    ///   `when_source` nor `decision`, an empty `basis` without a
    ///   `decision`), but takes `"decision": ""` as one.
    ///
    /// # Example
    ///
    /// ```
    /// use banshi::{Catalog, FindingCode};
    ///
    /// let findings = Catalog::embedded().lint();
    /// // No service of the embedded catalogue reads `dibao` (享受低保).
    /// assert!(findings.iter().any(|f| f.code() == FindingCode::UnreadFact && f.fact() == Some("dibao")));
    /// assert!(findings.iter().all(|f| f.code() != FindingCode::NeverHolds));
    /// ```
    pub fn lint(&self) -> Vec<Finding> {
        self.lint_counted().0
    }

    /// [`lint`](Catalog::lint)'s findings, and the evaluations its searches
    /// made (at most [`CATALOG_BUDGET`]).
    pub(crate) fn lint_counted(&self) -> (Vec<Finding>, u32) {
        self.lint_within(BUDGET, CATALOG_BUDGET)
    }

    /// The findings with `each` evaluations for one search and `total` for
    /// them all, and the evaluations made.
    fn lint_within(&self, each: u32, total: u32) -> (Vec<Finding>, u32) {
        let vocabulary = &self.vocabulary;
        let mut findings = Vec::new();
        vocabulary_findings(self, &mut findings);
        let mut searches = Searches { vocabulary, each, total, left: total };
        for service in &self.services {
            service_findings(self, service, &mut searches, &mut findings);
        }
        (findings, total - searches.left)
    }
}

/// How many evaluations all of one catalogue's searches may make together.
pub(crate) const CATALOG_BUDGET: u32 = 1 << 22;

/// The searches of one `lint`, and the evaluations they have left.
struct Searches<'a> {
    vocabulary: &'a Vocabulary,
    /// The budget of one search ([`BUDGET`]).
    each: u32,
    /// The budget of them all ([`CATALOG_BUDGET`]).
    total: u32,
    left: u32,
}

/// Why a search came back undecided.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    Decided(Outcome),
    /// The search used up its own budget, of so many evaluations.
    TooLarge(u32),
    /// The catalogue's budget, of so many evaluations, was spent before or
    /// during the search.
    Exhausted(u32),
}

impl Searches<'_> {
    /// Whether `conditions` can hold together, within what budget is left.
    fn check(&mut self, conditions: &[&Condition]) -> Verdict {
        let budget = self.each.min(self.left);
        if budget == 0 {
            return Verdict::Exhausted(self.total);
        }
        let (outcome, steps) = satisfiable(conditions, self.vocabulary, budget);
        self.left -= steps;
        match outcome {
            Outcome::Undecided if budget < self.each => Verdict::Exhausted(self.total),
            Outcome::Undecided => Verdict::TooLarge(self.each),
            outcome => Verdict::Decided(outcome),
        }
    }
}

/// Every condition of a service: its rules', then its requirements'.
fn conditions(service: &Service) -> impl Iterator<Item = &Condition> {
    service
        .eligibility
        .iter()
        .map(|r| &r.condition)
        .chain(service.requirements.iter().filter_map(|r| r.condition.as_ref()))
}

/// Facts and derived values nothing reads, and choice values nothing names.
fn vocabulary_findings(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let vocabulary = &catalog.vocabulary;
    let mut read = FactSet::EMPTY;
    let mut derived_read = vec![false; vocabulary.derived().len()];
    let mut named = vec![0u32; vocabulary.facts().len()];
    for service in &catalog.services {
        if let Some((_, slot)) = service.case_var {
            read.insert(slot);
            let choices = vocabulary.info(slot).choices();
            for case in &service.cases {
                if let Some(i) = choices.iter().position(|c| c.name() == case.value()) {
                    named[usize::from(slot)] |= 1 << i;
                }
            }
        }
        for condition in conditions(service) {
            read = read.union(condition.facts());
            for atom in condition.atoms() {
                if let Source::Derived { index, .. } = atom.source() {
                    derived_read[usize::from(index)] = true;
                }
            }
            for &(var, mask) in condition.named() {
                named[usize::from(vocabulary.input(var))] |= mask;
            }
        }
    }
    // Slot 0 is the built-in application date, which the engine reads.
    for (slot, fact) in vocabulary.facts().iter().enumerate().skip(1) {
        if !read.contains(slot as u16) {
            let what = match fact.spec {
                Spec::Date => "，也没有条件读取由它推算的值",
                _ => "",
            };
            findings.push(Finding {
                fact: Some(fact.name.clone()),
                ..Finding::new(
                    FindingCode::UnreadFact,
                    format!("事实“{}”（{}）已在词汇表中声明，但没有任何条件读取它{what}", fact.name, fact.label),
                )
            });
        }
    }
    for (derived, read) in vocabulary.derived().iter().zip(derived_read) {
        if !read {
            findings.push(Finding {
                fact: Some(derived.name.clone()),
                ..Finding::new(
                    FindingCode::UnreadDerived,
                    format!("推算值“{}”（{}）已在词汇表中声明，但没有任何条件读取它", derived.name, derived.label),
                )
            });
        }
    }
    for (slot, fact) in vocabulary.facts().iter().enumerate() {
        if !read.contains(slot as u16) {
            continue; // already reported as a whole
        }
        for (i, choice) in fact.choices().iter().enumerate() {
            if named[slot] & (1 << i) == 0 {
                findings.push(Finding {
                    fact: Some(fact.name.clone()),
                    value: Some(choice.name.clone()),
                    ..Finding::new(
                        FindingCode::UnmentionedChoice,
                        format!(
                            "事实“{}”（{}）的取值“{}”（{}）没有被任何条件提及：条件只把它当作“不是所列的取值”，答复与其他未列出的取值相同",
                            fact.name, fact.label, choice.name, choice.label
                        ),
                    )
                });
            }
        }
    }
}

fn service_findings(catalog: &Catalog, service: &Service, searches: &mut Searches, findings: &mut Vec<Finding>) {
    let at = |code, message: String| Finding { service: Some(service.id.clone()), ..Finding::new(code, message) };
    for rule in &service.eligibility {
        let finding = match searches.check(&[&rule.condition]) {
            Verdict::Decided(Outcome::Holds | Outcome::Undecided) => None,
            Verdict::Decided(Outcome::Never) => Some(at(
                FindingCode::NeverHolds,
                format!(
                    "资格条件“{}”（{}）的条件“{}”在任何情况下都不成立：没有申请人能符合本事项的申请条件",
                    rule.text,
                    rule.id,
                    rule.condition.source()
                ),
            )),
            verdict => Some(at(FindingCode::Undecided, undecided(&rule.condition, verdict))),
        };
        findings.extend(finding.map(|f| Finding { rule: Some(rule.id.clone()), ..f }));
        if rule.decision.as_deref().is_some_and(|d| d.trim().is_empty()) {
            findings.push(Finding {
                rule: Some(rule.id.clone()),
                ..at(
                    FindingCode::EmptyDecision,
                    format!("资格条件“{}”（{}）标为口径解释（有 decision），但口径说明为空", rule.text, rule.id),
                )
            });
        }
    }
    // Each requirement's own outcome, for `duplicates`: no condition holds.
    let mut alone = Vec::with_capacity(service.requirements.len());
    for requirement in &service.requirements {
        let material = |f: Finding| Finding { material: Some(requirement.id.clone()), ..f };
        let verdict = match &requirement.condition {
            Some(condition) => searches.check(&[condition]),
            None => Verdict::Decided(Outcome::Holds),
        };
        alone.push(verdict);
        if let Some(condition) = &requirement.condition {
            match verdict {
                Verdict::Decided(Outcome::Holds | Outcome::Undecided) => {}
                Verdict::Decided(Outcome::Never) => findings.push(material(at(
                    FindingCode::NeverHolds,
                    format!(
                        "材料“{}”（{}）的条件“{}”在任何情况下都不成立：该材料永远不会列入材料清单",
                        requirement.name,
                        requirement.id,
                        condition.source()
                    ),
                ))),
                verdict => findings.push(material(at(FindingCode::Undecided, undecided(condition, verdict)))),
            }
        }
        if requirement.decision.as_deref().is_some_and(|d| d.trim().is_empty()) {
            findings.push(material(at(
                FindingCode::EmptyDecision,
                format!("材料“{}”（{}）标为口径解释（有 decision），但口径说明为空", requirement.name, requirement.id),
            )));
        }
    }
    for (i, text) in service.decisions.iter().enumerate() {
        if text.trim().is_empty() {
            findings.push(at(FindingCode::EmptyDecision, format!("事项的第 {} 条口径说明（decisions）为空", i + 1)));
        }
    }
    duplicates(catalog, service, &alone, searches, findings);
}

fn undecided(condition: &Condition, verdict: Verdict) -> String {
    match verdict {
        Verdict::Exhausted(steps) => format!(
            "条件“{}”未能判定是否可能成立：整个目录的检查已用满 {steps} 步，其余条件不再检查",
            condition.source()
        ),
        Verdict::TooLarge(steps) => {
            format!("条件“{}”的取值组合过多，检查在 {steps} 步内未能判定它是否可能成立", condition.source())
        }
        Verdict::Decided(_) => format!("条件“{}”未能判定是否可能成立", condition.source()),
    }
}

/// Two requirements whose materials are the same document of the same owner,
/// when some applicant can be asked for both. `alone` is each requirement's
/// own outcome: one that is never asked for is not compared, and one not
/// decided is not searched again.
fn duplicates(
    catalog: &Catalog,
    service: &Service,
    alone: &[Verdict],
    searches: &mut Searches,
    findings: &mut Vec<Finding>,
) {
    let vocabulary = &catalog.vocabulary;
    let requirements = &service.requirements;
    for (i, a) in requirements.iter().enumerate() {
        for (j, b) in requirements.iter().enumerate().skip(i + 1) {
            let Some((x, y)) = a.options.iter().find_map(|x| {
                b.options.iter().find(|y| x.document == y.document && x.owner == y.owner).map(|y| (x, y))
            }) else {
                continue;
            };
            let never = Verdict::Decided(Outcome::Never);
            if alone[i] == never || alone[j] == never {
                continue;
            }
            let verdict = if matches!(alone[i], Verdict::Decided(_)) && matches!(alone[j], Verdict::Decided(_)) {
                together(a, b, searches)
            } else {
                // Not decided alone: not decidable together either.
                Verdict::Decided(Outcome::Undecided)
            };
            let note = match verdict {
                Verdict::Decided(Outcome::Never) => continue,
                Verdict::Decided(Outcome::Holds) => "，且有申请人会被同时要求提交两者",
                _ => "；两者的条件过于复杂，未能判定是否互斥",
            };
            let owner = vocabulary.owner(&x.owner).map_or(x.owner.as_str(), |o| o.label());
            let document = catalog.document(&x.document).map_or(x.document.as_str(), |d| d.name());
            findings.push(Finding {
                service: Some(service.id.clone()),
                material: Some(b.id.clone()),
                other_material: Some(a.id.clone()),
                ..Finding::new(
                    FindingCode::DuplicateDocument,
                    format!(
                        "材料“{}”（{}）与“{}”（{}）是同一份证件（{owner}的{document}，{}）{note}",
                        y.name, b.id, x.name, a.id, x.document
                    ),
                )
            });
        }
    }
}

/// Whether one applicant can be asked for both requirements on one day.
fn together(a: &Requirement, b: &Requirement, searches: &mut Searches) -> Verdict {
    let apart = |x: &Requirement, y: &Requirement| matches!((x.valid_until, y.valid_from), (Some(u), Some(f)) if u < f);
    if apart(a, b) || apart(b, a) {
        return Verdict::Decided(Outcome::Never);
    }
    let conditions: Vec<&Condition> = [&a.condition, &b.condition].into_iter().flatten().collect();
    match conditions.len() {
        // One condition (or none) alone: already decided, and not never.
        0 | 1 => Verdict::Decided(Outcome::Holds),
        _ => searches.check(&conditions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalogue of one service whose `n` materials are all the applicant's
    /// application form, each with condition `when(i)`.
    fn catalog(n: usize, when: impl Fn(usize) -> String) -> Catalog {
        let mut facts = vec![r#"{"name": "birth_date", "label": "出生日期", "type": "date"}"#.to_owned()];
        for name in (0..40).map(|i| format!("b{i}")).chain(["proxy".to_owned()]) {
            facts.push(format!(
                r#"{{"name": "{name}", "label": "事实{name}", "type": "bool", "yes": "是", "no": "否"}}"#
            ));
        }
        facts.push(
            r#"{"name": "household_size", "label": "家庭人数", "type": "count", "max": 20, "subject": "家庭人数", "unit": "人"}"#
                .to_owned(),
        );
        let facts = format!(
            r#"{{"facts": [{}], "derived": [], "owners": [{{"name": "applicant", "label": "申请人"}}]}}"#,
            facts.join(",")
        );
        let documents = r#"{"documents": [{"id": "application_form", "name": "申请表"}]}"#;
        let materials: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "m{i}", "name": "材料{i}", "document": "application_form", "owner": "applicant", "form": "original", "basis": ["rules"], "source": "申请表", "when": "{}", "when_source": "条件"}}"#,
                    when(i)
                )
            })
            .collect();
        let service = format!(
            r#"{{"id": "1.1", "name": "示例事项", "legal_basis": [{{"id": "rules", "title": "示例办法", "source": "示例办法"}}], "implementing_body": "示例中心", "boundary": "示例中心负责受理", "steps": [{{"actor": "申请人", "action": "提交材料", "source": "提交材料"}}], "responsibility": "负责受理", "supervision": {{"office": "示例纪检办公室", "phone": "022-12345678"}}, "eligibility": [{{"id": "resident", "text": "申请人须由本人办理", "requires": "!proxy", "basis": ["rules"], "source": "本人办理"}}], "materials": [{}]}}"#,
            materials.join(",")
        );
        let files =
            [("facts.json", facts.as_str()), ("documents.json", documents), ("services/1.1.json", service.as_str())];
        Catalog::from_files("1", files).unwrap()
    }

    /// `(b0 || b1) && … && (b38 || b39)`: 3^20 assignments none of which is
    /// pruned before the last fact.
    fn clauses() -> String {
        (0..20).map(|k| format!("(b{} || b{})", 2 * k, 2 * k + 1)).collect::<Vec<_>>().join(" && ")
    }

    fn codes(findings: &[Finding], code: FindingCode) -> usize {
        findings.iter().filter(|f| f.code() == code).count()
    }

    /// Requirements whose conditions never hold are not compared: ten of
    /// them cost ten short searches, not 55.
    #[test]
    fn duplicates_of_requirements_never_asked_are_not_searched() {
        let catalog = catalog(10, |i| format!("{} && proxy && !proxy && b{i}", clauses()));
        let (findings, steps) = catalog.lint_counted();
        assert_eq!(codes(&findings, FindingCode::NeverHolds), 10);
        assert_eq!(codes(&findings, FindingCode::DuplicateDocument), 0);
        assert_eq!(codes(&findings, FindingCode::Undecided), 0);
        // Five evaluations each (b{i} and proxy, read twice, are tried first),
        // two for the eligibility rule.
        assert!(steps <= 10 * 5 + 2, "{steps} evaluations");
    }

    /// Conditions too hard to decide use up the catalogue's budget once:
    /// later searches are reported undecided without being run, and pairs
    /// of undecided requirements are not searched again.
    #[test]
    fn one_budget_for_the_whole_catalogue() {
        let catalog = catalog(10, |i| format!("{} && household_size > 100 && b{i}", clauses()));
        let (findings, steps) = catalog.lint_within(1000, 4000);
        assert_eq!(steps, 4000);
        let undecided: Vec<&Finding> = findings.iter().filter(|f| f.code() == FindingCode::Undecided).collect();
        assert_eq!(undecided.len(), 10);
        // The eligibility rule took two evaluations: three searches use up
        // their own 1000, the fourth runs out of the catalogue's 4000.
        assert!(undecided[..3].iter().all(|f| f.message().contains("在 1000 步内未能判定")), "{undecided:?}");
        assert!(undecided[3..].iter().all(|f| f.message().contains("已用满 4000 步")), "{undecided:?}");
        // Every pair is still reported, as not decided.
        let duplicates: Vec<&Finding> =
            findings.iter().filter(|f| f.code() == FindingCode::DuplicateDocument).collect();
        assert_eq!(duplicates.len(), 45);
        assert!(duplicates.iter().all(|f| f.message().contains("未能判定是否互斥")));
    }

    /// The real budgets bound the whole catalogue's evaluations.
    #[test]
    fn lint_stays_within_its_budget() {
        let catalog = catalog(3, |i| format!("{} && household_size > 100 && b{i}", clauses()));
        let (findings, steps) = catalog.lint_within(BUDGET / 64, CATALOG_BUDGET / 64);
        assert!(steps <= CATALOG_BUDGET / 64);
        assert_eq!(codes(&findings, FindingCode::Undecided), 3);
    }
}
