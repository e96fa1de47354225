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
    ///   meets. A search that would take over a million steps stops with
    ///   [`Undecided`](FindingCode::Undecided) instead.
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
    ///   meet.
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
        let vocabulary = &self.vocabulary;
        let mut findings = Vec::new();
        vocabulary_findings(self, &mut findings);
        for service in &self.services {
            service_findings(self, service, vocabulary, &mut findings);
        }
        findings
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

fn service_findings(catalog: &Catalog, service: &Service, vocabulary: &Vocabulary, findings: &mut Vec<Finding>) {
    let at = |code, message: String| Finding { service: Some(service.id.clone()), ..Finding::new(code, message) };
    for rule in &service.eligibility {
        let finding = match satisfiable(&[&rule.condition], vocabulary, BUDGET) {
            Outcome::Holds => None,
            Outcome::Never => Some(at(
                FindingCode::NeverHolds,
                format!(
                    "资格条件“{}”（{}）的条件“{}”在任何情况下都不成立：没有申请人能符合本事项的申请条件",
                    rule.text,
                    rule.id,
                    rule.condition.source()
                ),
            )),
            Outcome::Undecided => Some(at(FindingCode::Undecided, undecided(&rule.condition))),
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
    for requirement in &service.requirements {
        let material = |f: Finding| Finding { material: Some(requirement.id.clone()), ..f };
        if let Some(condition) = &requirement.condition {
            match satisfiable(&[condition], vocabulary, BUDGET) {
                Outcome::Holds => {}
                Outcome::Never => findings.push(material(at(
                    FindingCode::NeverHolds,
                    format!(
                        "材料“{}”（{}）的条件“{}”在任何情况下都不成立：该材料永远不会列入材料清单",
                        requirement.name,
                        requirement.id,
                        condition.source()
                    ),
                ))),
                Outcome::Undecided => findings.push(material(at(FindingCode::Undecided, undecided(condition)))),
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
    duplicates(catalog, service, findings);
}

fn undecided(condition: &Condition) -> String {
    format!("条件“{}”的取值组合过多，检查在 {BUDGET} 步内未能判定它是否可能成立", condition.source())
}

/// Two requirements whose materials are the same document of the same owner,
/// when some applicant can be asked for both.
fn duplicates(catalog: &Catalog, service: &Service, findings: &mut Vec<Finding>) {
    let vocabulary = &catalog.vocabulary;
    let requirements = &service.requirements;
    for (i, a) in requirements.iter().enumerate() {
        for b in &requirements[i + 1..] {
            let Some((x, y)) = a.options.iter().find_map(|x| {
                b.options.iter().find(|y| x.document == y.document && x.owner == y.owner).map(|y| (x, y))
            }) else {
                continue;
            };
            let note = match together(a, b, vocabulary) {
                Outcome::Never => continue,
                Outcome::Holds => "，且有申请人会被同时要求提交两者",
                Outcome::Undecided => "；两者的条件过于复杂，未能判定是否互斥",
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
fn together(a: &Requirement, b: &Requirement, vocabulary: &Vocabulary) -> Outcome {
    let apart = |x: &Requirement, y: &Requirement| matches!((x.valid_until, y.valid_from), (Some(u), Some(f)) if u < f);
    if apart(a, b) || apart(b, a) {
        return Outcome::Never;
    }
    let conditions: Vec<&Condition> = [&a.condition, &b.condition].into_iter().flatten().collect();
    satisfiable(&conditions, vocabulary, BUDGET)
}
