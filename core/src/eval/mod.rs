//! Assessment and the one-time notice (一次性告知).

use std::fmt;
use std::ops::Range;

use crate::condition::{Reason, ReasonKind, Tri};
use crate::error::Error;
use crate::facts::{FactInfo, FactSet, Facts};
use crate::model::{Case, Citation, EligibilityRule, Material, Requirement, Service};
use crate::support::date::Date;

pub(crate) mod bundle;
pub(crate) mod file;

/// Whether the applicant may use the service.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Eligibility {
    /// Every eligibility rule holds.
    Eligible,
    /// At least one rule fails; the failing rules say why.
    Ineligible,
    /// No rule fails, but some depend on facts not given.
    Undetermined,
}

impl Eligibility {
    /// The JSON name: `eligible`, `ineligible` or `undetermined`.
    pub fn name(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::Ineligible => "ineligible",
            Eligibility::Undetermined => "undetermined",
        }
    }
}

/// The result of [`Catalog::assess`](crate::model::Catalog::assess): eligibility, the checklist with a
/// reason and legal basis for every material, the materials that depend on
/// facts not yet given, and the process.
///
/// It borrows from the catalogue. It serialises to the JSON described in
/// `SCHEMA.md`; [`Assessment::to_json`] is the shortcut.
#[derive(Clone, Debug)]
pub struct Assessment<'c> {
    pub(crate) service: &'c Service,
    pub(crate) catalog_version: &'c str,
    pub(crate) catalog_hash: &'c str,
    pub(crate) date: Date,
    pub(crate) case: Option<&'c Case>,
    pub(crate) eligibility: Eligibility,
    /// How each of the service's eligibility rules came out, in order.
    pub(crate) rules: RuleOutcomes,
    pub(crate) rules_missing: FactSet,
    pub(crate) items: Vec<(&'c Requirement, Range<usize>)>,
    /// Required, but the office obtains the material's document itself
    /// (免提交): never in `items`, never missing.
    pub(crate) exempt: Vec<(&'c Requirement, Range<usize>, &'c Material)>,
    pub(crate) pending: Vec<(&'c Requirement, FactSet)>,
    pub(crate) reasons: Vec<Reason<'c>>,
    pub(crate) missing: FactSet,
}

/// The outcome of each of a service's eligibility rules, in order, and the
/// range of its reasons (`start`, `end`): inline for the few rules a
/// service has (at most two in the embedded catalogue), so that most
/// assessments allocate nothing for them.
#[derive(Clone, Debug)]
pub(crate) enum RuleOutcomes {
    /// Up to [`RuleOutcomes::FEW`] outcomes, the first `len` in use.
    Few { len: u8, outcomes: [(Tri, u32, u32); RuleOutcomes::FEW] },
    /// More.
    Many(Vec<(Tri, u32, u32)>),
}

impl RuleOutcomes {
    /// The most outcomes kept inline.
    const FEW: usize = 4;

    /// Room for `n` outcomes.
    fn with_capacity(n: usize) -> RuleOutcomes {
        if n <= Self::FEW {
            RuleOutcomes::Few { len: 0, outcomes: [(Tri::Unknown, 0, 0); Self::FEW] }
        } else {
            RuleOutcomes::Many(Vec::with_capacity(n))
        }
    }

    /// Appends the next rule's outcome and its reasons' range.
    fn push(&mut self, outcome: (Tri, u32, u32)) {
        match self {
            RuleOutcomes::Few { len, outcomes } if usize::from(*len) < Self::FEW => {
                outcomes[usize::from(*len)] = outcome;
                *len += 1;
            }
            RuleOutcomes::Few { outcomes, .. } => {
                let mut all = outcomes.to_vec();
                all.push(outcome);
                *self = RuleOutcomes::Many(all);
            }
            RuleOutcomes::Many(all) => all.push(outcome),
        }
    }

    /// The outcomes, in rule order.
    pub(crate) fn as_slice(&self) -> &[(Tri, u32, u32)] {
        match self {
            RuleOutcomes::Few { len, outcomes } => &outcomes[..usize::from(*len)],
            RuleOutcomes::Many(all) => all,
        }
    }
}

/// How one eligibility rule came out.
#[derive(Clone, Copy, Debug)]
pub struct RuleOutcome<'a, 'c> {
    pub(crate) rule: &'c EligibilityRule,
    pub(crate) met: Option<bool>,
    pub(crate) because: &'a [Reason<'c>],
}

/// A material the applicant must bring, and why.
#[derive(Clone, Copy, Debug)]
pub struct ChecklistItem<'a, 'c> {
    pub(crate) requirement: &'c Requirement,
    pub(crate) because: &'a [Reason<'c>],
}

/// A required material the applicant need not submit (免提交): the office
/// obtains its document itself, by an electronic licence or shared data.
#[derive(Clone, Copy, Debug)]
pub struct ExemptItem<'a, 'c> {
    pub(crate) requirement: &'c Requirement,
    pub(crate) material: &'c Material,
    pub(crate) because: &'a [Reason<'c>],
}

/// The documents the office can obtain itself for one request (免提交):
/// made by [`Catalog::on_file`](crate::model::Catalog::on_file) from
/// registry ids, each either a document of anyone (`resident_id_card`) or
/// one owner's (`applicant:resident_id_card`: the applicant's, not the
/// proxy's).
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct OnFile {
    /// `(owner, document)`, sorted and distinct; an empty owner means anyone's.
    entries: Vec<(String, String)>,
}

impl OnFile {
    /// No document on file.
    pub const NONE: OnFile = OnFile { entries: Vec::new() };

    /// Whether no document is on file.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `owner`'s document with this id is on file.
    pub fn contains(&self, owner: &str, document: &str) -> bool {
        let find = |owner: &str| {
            self.entries.binary_search_by(|(o, d)| (o.as_str(), d.as_str()).cmp(&(owner, document))).is_ok()
        };
        find("") || find(owner)
    }

    /// The material of `requirement` the office obtains itself, if any: one
    /// whose document is on file and may be replaced by a stand-in.
    pub(crate) fn stands_in<'c>(&self, requirement: &'c Requirement) -> Option<&'c Material> {
        if self.entries.is_empty() {
            return None;
        }
        requirement.options.iter().find(|m| m.stand_in.is_some() && self.contains(&m.owner, &m.document))
    }
}

/// A material whose requirement depends on facts not yet given.
#[derive(Clone, Copy, Debug)]
pub struct PendingItem<'c> {
    pub(crate) service: &'c Service,
    pub(crate) requirement: &'c Requirement,
    pub(crate) needs: FactSet,
}

/// Evaluation starts from the catalogue, so that every answer carries the
/// catalogue's version and the parts it prepared at load.
impl crate::model::Catalog {
    /// Assesses an applicant for a service on `facts.application_date`.
    ///
    /// # Errors
    ///
    /// [`Error::VocabularyMismatch`] for facts read against another
    /// catalogue's vocabulary, [`Error::UnknownService`] for a number the
    /// catalogue does not have,
    /// [`Error::ServiceNotInForce`] when the service is not in force on the
    /// application date.
    ///
    /// # Example
    ///
    /// ```
    /// use banshi::{Catalog, Eligibility, Facts};
    ///
    /// let catalog = Catalog::embedded();
    /// let mut facts = Facts::new(catalog.vocabulary(), "2026-11-27".parse()?);
    /// facts.set("marital_status", "married")?;
    /// let assessment = catalog.assess("10.1", &facts)?;
    ///
    /// let spouse_id = assessment.checklist().find(|i| i.id() == "spouse_id_card").unwrap();
    /// assert_eq!(spouse_id.because().next().unwrap().to_string(), "申请人已婚");
    /// // Employment status was not given, so eligibility is open.
    /// assert_eq!(assessment.eligibility(), Eligibility::Undetermined);
    /// assert!(assessment.to_json().starts_with(r#"{"catalog_version":"2026."#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess(&self, service: &str, facts: &Facts) -> Result<Assessment<'_>, Error> {
        self.service(service)?.assess_in(facts, &OnFile::NONE, self.version(), self.content_hash())
    }

    /// As [`Catalog::assess`](crate::model::Catalog::assess), with the documents the office can obtain
    /// itself: a required material whose document is on file and may be
    /// replaced by an electronic licence or shared data is listed apart, as
    /// 免提交 ([`Assessment::exempt`]), and never asked for.
    ///
    /// # Errors
    ///
    /// As [`Catalog::assess`](crate::model::Catalog::assess).
    ///
    /// # Example
    ///
    /// ```
    /// use banshi::{Catalog, Facts};
    ///
    /// let catalog = Catalog::embedded();
    /// let facts = Facts::new(catalog.vocabulary(), "2026-11-27".parse()?);
    /// // The embedded catalogue lets no document stand in for paper (its seed
    /// // keeps paper copies), so nothing becomes exempt.
    /// let on_file = catalog.on_file(["resident_id_card"])?;
    /// let assessment = catalog.assess_with("4.3", &facts, &on_file)?;
    /// assert_eq!(assessment.exempt().len(), 0);
    /// assert!(catalog.on_file(["resident_idcard"]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess_with(&self, service: &str, facts: &Facts, on_file: &OnFile) -> Result<Assessment<'_>, Error> {
        self.service(service)?.assess_in(facts, on_file, self.version(), self.content_hash())
    }

    /// The documents on file for a request: registry ids, each for anyone's
    /// document (`resident_id_card`) or one owner's
    /// (`applicant:resident_id_card`).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownDocument`] for an id the registry (or an owner the
    /// vocabulary) does not have, with the nearest one, and
    /// [`Error::InvalidValue`] for an entry listed twice.
    pub fn on_file<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Result<OnFile, Error> {
        let mut out: Vec<(String, String)> = Vec::new();
        // Looked up by binary search, and repeats found by sorting: a long
        // list against a large registry stays O(n log n).
        let registry = crate::support::lookup::Index::new(self.documents().iter().map(|d| d.id()));
        for id in ids {
            let (owner, document) = match id.split_once(':') {
                Some((owner, document)) => (Some(owner), document),
                None => (None, id),
            };
            let known_owner = owner.is_none_or(|o| self.vocabulary().owner(o).is_some());
            if !known_owner || registry.first(document).is_none() {
                let owners = self.vocabulary().owners().iter().map(|o| o.name());
                let candidates: Vec<String> = self
                    .documents()
                    .iter()
                    .flat_map(|d| {
                        std::iter::once(d.id().to_owned()).chain(owners.clone().map(|o| format!("{o}:{}", d.id())))
                    })
                    .collect();
                return Err(Error::UnknownDocument {
                    id: id.to_owned(),
                    suggestion: crate::support::suggest::nearest(id, candidates.iter().map(String::as_str))
                        .map(str::to_owned),
                });
            }
            out.push((owner.unwrap_or_default().to_owned(), document.to_owned()));
        }
        out.sort_unstable();
        if let Some(pair) = out.windows(2).find(|pair| pair[0] == pair[1]) {
            let (owner, document) = &pair[0];
            let id = if owner.is_empty() { document.clone() } else { format!("{owner}:{document}") };
            return Err(Error::InvalidValue {
                field: "on_file".to_owned(), expected: format!("中证件“{id}”重复")
            });
        }
        Ok(OnFile { entries: out })
    }

    /// Checks what was submitted against what this applicant must bring for
    /// a service, and returns the one-time notice (一次性告知): everything
    /// missing or defective, all at once.
    ///
    /// The notice's [status](Notice::status) speaks of the materials only;
    /// whether the applicant is eligible stands beside it, in
    /// [`Notice::assessment`].
    ///
    /// Submitting exactly what the notice asks for, with the same facts,
    /// never reveals a new missing item.
    ///
    /// # Errors
    ///
    /// As [`Catalog::assess`](crate::model::Catalog::assess), plus [`Error::UnknownMaterial`] for an id the
    /// service does not know and [`Error::DuplicateSubmission`] for an id
    /// listed twice.
    ///
    /// # Example
    ///
    /// ```
    /// use banshi::{Catalog, Eligibility, Facts, NoticeStatus, Submission};
    ///
    /// let facts = Facts::from_json(Catalog::embedded().vocabulary(), r#"{"application_date":"2026-11-27","proxy":false}"#)?;
    /// // One copy of the ID card instead of the original and two copies.
    /// let notice = Catalog::embedded().check("4.3", &facts, &[Submission::new("applicant_id_card", 0, 1)])?;
    /// assert_eq!(notice.missing().map(|i| i.id()).collect::<Vec<_>>(), ["hukou_book"]);
    /// let defect = notice.defective().next().unwrap();
    /// assert_eq!(defect.problems().map(|p| p.to_string()).collect::<Vec<_>>(),
    ///            ["须提交原件，仅提交了复印件", "复印件须2份，仅提交1份"]);
    /// assert_eq!(notice.status(), NoticeStatus::Incomplete);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(&self, service: &str, facts: &Facts, submitted: &[Submission]) -> Result<Notice<'_>, Error> {
        self.service(service)?.check_in(facts, submitted, &OnFile::NONE, self.version(), self.content_hash())
    }

    /// As [`Catalog::check`](crate::model::Catalog::check), with the documents the office can obtain
    /// itself ([`Catalog::assess_with`](crate::model::Catalog::assess_with)): those materials are never reported
    /// missing.
    ///
    /// # Errors
    ///
    /// As [`Catalog::check`](crate::model::Catalog::check).
    pub fn check_with(
        &self,
        service: &str,
        facts: &Facts,
        submitted: &[Submission],
        on_file: &OnFile,
    ) -> Result<Notice<'_>, Error> {
        self.service(service)?.check_in(facts, submitted, on_file, self.version(), self.content_hash())
    }
}

impl Requirement {
    /// The one reason a requirement is always listed with, when it has
    /// one: `Always` for a material every applicant brings, its own reason
    /// for one with a condition. `None` when the facts phrase it.
    pub(crate) fn fixed_reason(&self) -> Option<Reason<'_>> {
        match (&self.condition, &self.reason) {
            (None, _) => Some(Reason(ReasonKind::Always)),
            (Some(_), Some(text)) => Some(Reason(ReasonKind::Text(text))),
            (Some(_), None) => None,
        }
    }
}

impl Service {
    pub(crate) fn assess_in<'c>(
        &'c self,
        facts: &Facts,
        on_file: &OnFile,
        catalog_version: &'c str,
        catalog_hash: &'c str,
    ) -> Result<Assessment<'c>, Error> {
        if facts.vocabulary() != &self.vocabulary {
            return Err(Error::VocabularyMismatch);
        }
        let date = facts.application_date();
        let vocabulary = &self.vocabulary;
        if !self.in_force(date) {
            return Err(Error::ServiceNotInForce { id: self.id.clone(), date });
        }
        // About one reason per rule and item: sized once, not grown item by item.
        let mut reasons = Vec::with_capacity(self.eligibility.len() + self.requirements.len() + 4);
        let mut missing = FactSet::EMPTY;

        let case = self.case_var.and_then(|(_, slot)| {
            let choice = vocabulary.info(slot).choices().get(usize::from(facts.choice(slot)?))?;
            self.cases.iter().find(|c| c.value() == choice.name())
        });

        let mut rules = RuleOutcomes::with_capacity(self.eligibility.len());
        let mut rules_missing = FactSet::EMPTY;
        let mut eligibility = Eligibility::Eligible;
        for rule in &self.eligibility {
            let start = reasons.len();
            let outcome = rule.condition.decide(vocabulary, facts, |_| true, &mut reasons);
            if outcome == Tri::Unknown {
                rule.condition.missing(facts, &mut rules_missing);
            }
            eligibility = match (eligibility, outcome) {
                (_, Tri::False) | (Eligibility::Ineligible, _) => Eligibility::Ineligible,
                (_, Tri::Unknown) | (Eligibility::Undetermined, _) => Eligibility::Undetermined,
                (Eligibility::Eligible, Tri::True) => Eligibility::Eligible,
            };
            rules.push((outcome, start as u32, reasons.len() as u32));
        }
        missing = missing.union(rules_missing);

        let mut items = Vec::with_capacity(self.requirements.len());
        let mut exempt = Vec::new();
        let mut pending = Vec::new();
        for requirement in &self.requirements {
            if self.dated_requirements && !requirement.in_force(date) {
                continue;
            }
            let start = reasons.len();
            match &requirement.condition {
                None => reasons.push(Reason(ReasonKind::Always)),
                Some(condition) => match condition.decide(
                    vocabulary,
                    facts,
                    |truth| truth && requirement.reason.is_none(),
                    &mut reasons,
                ) {
                    Tri::False => continue,
                    Tri::Unknown => {
                        let mut needs = FactSet::EMPTY;
                        condition.missing(facts, &mut needs);
                        missing = missing.union(needs);
                        pending.push((requirement, needs));
                        continue;
                    }
                    Tri::True => {
                        if let Some(text) = &requirement.reason {
                            reasons.push(Reason(ReasonKind::Text(text)));
                        }
                    }
                },
            }
            match on_file.stands_in(requirement) {
                Some(material) => exempt.push((requirement, start..reasons.len(), material)),
                None => items.push((requirement, start..reasons.len())),
            }
        }

        Ok(Assessment {
            service: self,
            catalog_version,
            catalog_hash,
            date,
            case,
            eligibility,
            rules,
            rules_missing,
            items,
            exempt,
            pending,
            reasons,
            missing,
        })
    }

    pub(crate) fn check_in<'c>(
        &'c self,
        facts: &Facts,
        submitted: &[Submission],
        on_file: &OnFile,
        catalog_version: &'c str,
        catalog_hash: &'c str,
    ) -> Result<Notice<'c>, Error> {
        // Each look-up is a binary search: a check costs O(n log n) in what
        // was submitted and the service's materials, not O(n²). The first
        // bad submission is reported.
        let materials: Vec<(&Requirement, &Material)> =
            self.requirements.iter().flat_map(|r| r.options.iter().map(move |m| (r, m))).collect();
        let by_material = crate::support::lookup::Index::new(materials.iter().map(|(_, m)| m.id()));
        let material = |id: &str| by_material.first(id).map(|i| materials[i]);
        let index = crate::support::lookup::Index::new(submitted.iter().map(|s| s.id.as_str()));
        for (i, (s, repeated)) in submitted.iter().zip(index.repeats()).enumerate() {
            let Some((requirement, _)) = material(&s.id) else {
                return Err(self.unknown_material(&s.id));
            };
            if repeated {
                return Err(Error::DuplicateSubmission { id: s.id.clone() });
            }
            if s.pledged && requirement.pledge.is_none() {
                return Err(not_pledgeable(i, &s.id));
            }
        }
        let assessment = self.assess_in(facts, on_file, catalog_version, catalog_hash)?;
        let find = |id: &str| index.first(id).map(|i| &submitted[i]).filter(|s| !s.is_empty());

        let mut missing = Vec::new();
        let mut defective = Vec::new();
        let mut deferred = Vec::new();
        let mut pledged = Vec::new();
        for (index, (requirement, _)) in assessment.items.iter().enumerate() {
            let mut first_defect = None;
            let mut satisfied = false;
            for material in &requirement.options {
                if let Some(s) = find(material.id()) {
                    if s.pledged {
                        pledged.push((*requirement, material));
                        satisfied = true;
                        break;
                    }
                    let problems = shortfalls(material, s);
                    if problems.is_empty() {
                        satisfied = true;
                        break;
                    }
                    first_defect.get_or_insert(Defect { requirement, material, problems });
                }
            }
            match (satisfied, first_defect) {
                (true, _) => continue,
                (false, Some(defect)) => defective.push(defect),
                (false, None) => missing.push(index),
            }
            if let Some(deferral) = &requirement.deferrable {
                deferred.push((*requirement, due(assessment.date, deferral)?));
            }
        }

        // A pledge for a material that may be required is recorded too:
        // pledged, not proven, whichever way the missing facts fall.
        for (requirement, _) in &assessment.pending {
            if let Some(m) = requirement.options.iter().find(|m| find(m.id()).is_some_and(|s| s.pledged)) {
                pledged.push((*requirement, m));
            }
        }

        // Requirement ids share one namespace with material ids, so a
        // material is expected when its requirement is listed or pending.
        let expected = crate::support::lookup::Index::new(
            assessment
                .items
                .iter()
                .map(|(r, _)| r.id())
                .chain(assessment.exempt.iter().map(|(r, _, _)| r.id()))
                .chain(assessment.pending.iter().map(|(r, _)| r.id())),
        );
        let not_required = submitted
            .iter()
            .filter(|s| !s.is_empty())
            .filter_map(|s| material(&s.id))
            .filter(|(r, _)| expected.first(r.id()).is_none())
            .map(|(_, m)| m)
            .collect();

        // The materials' completeness on its own: eligibility is reported
        // beside it, never folded into it.
        let short = missing.len() + defective.len();
        let status = if short > deferred.len() {
            NoticeStatus::Incomplete
        } else if assessment.pending.iter().any(|(requirement, _)| {
            // A material that may be required, and was neither handed in as
            // required nor on file for the office to obtain, keeps the list open.
            on_file.stands_in(requirement).is_none()
                && !requirement.options.iter().any(|m| find(m.id()).is_some_and(|s| s.satisfies(m)))
        }) {
            NoticeStatus::Undetermined
        } else if short > 0 {
            NoticeStatus::AcceptedPending
        } else {
            NoticeStatus::Complete
        };
        Ok(Notice { assessment, status, missing, defective, deferred, pledged, not_required })
    }
}

/// The error for a pledge submitted in place of a material that accepts none.
pub(crate) fn not_pledgeable(index: usize, id: &str) -> Error {
    Error::InvalidValue {
        field: format!("submitted[{index}].pledged"),
        expected: format!("不适用：材料“{id}”不能以告知承诺书代替"),
    }
}

/// When a deferred material is due: the application date plus its days, in
/// calendar days (容缺受理).
pub(crate) fn due(date: Date, deferral: &crate::model::Deferral) -> Result<Date, Error> {
    date.add_days(i32::from(deferral.days)).ok_or_else(|| Error::InvalidValue {
        field: "facts.application_date".to_owned(),
        expected: format!("加上容缺补正期限 {} 日后超出可表示的日期（至 {}）", deferral.days, Date::MAX),
    })
}

/// What is short in one submitted material.
pub(crate) fn shortfalls(material: &Material, s: &Submission) -> Vec<Shortfall> {
    shortfalls_of(material, material.originals(), material.copies(), s)
}

/// What is short in a submission of `material`, against `originals` and
/// `copies` (a merged item's numbers, or the material's own).
pub(crate) fn shortfalls_of(material: &Material, originals: u32, copies: u32, s: &Submission) -> Vec<Shortfall> {
    let mut problems = Vec::new();
    let unit = material.unit();
    let noun = match (material.photo().is_some(), material.form()) {
        (true, _) => "照片",
        (false, crate::model::Form::Electronic) => "电子文件",
        (false, _) => "原件",
    };
    if s.originals < originals {
        problems.push(if s.originals == 0 {
            Shortfall::MissingOriginal { noun, needed: originals, unit, copies_given: s.copies > 0 }
        } else {
            Shortfall::TooFewOriginals { noun, needed: originals, got: s.originals, unit }
        });
    }
    if s.copies < copies {
        problems.push(if s.copies == 0 {
            Shortfall::MissingCopy { needed: copies }
        } else {
            Shortfall::TooFewCopies { needed: copies, got: s.copies }
        });
    }
    problems
}

impl<'c> Assessment<'c> {
    /// The service assessed.
    pub fn service(&self) -> &'c Service {
        self.service
    }

    /// The application date the rules were taken on.
    pub fn application_date(&self) -> Date {
        self.date
    }

    /// The case the facts select, for services split into cases.
    pub fn case(&self) -> Option<&'c Case> {
        self.case
    }

    /// Whether the applicant is eligible.
    pub fn eligibility(&self) -> Eligibility {
        self.eligibility
    }

    /// How each eligibility rule came out, in catalogue order.
    pub fn rules(&self) -> impl ExactSizeIterator<Item = RuleOutcome<'_, 'c>> + '_ {
        self.service.eligibility.iter().zip(self.rules.as_slice()).map(|(rule, &(tri, start, end))| RuleOutcome {
            rule,
            met: match tri {
                Tri::True => Some(true),
                Tri::False => Some(false),
                Tri::Unknown => None,
            },
            because: &self.reasons[start as usize..end as usize],
        })
    }

    /// The materials this applicant must bring, in catalogue order.
    pub fn checklist(&self) -> impl ExactSizeIterator<Item = ChecklistItem<'_, 'c>> + '_ {
        self.items
            .iter()
            .map(|(requirement, range)| ChecklistItem { requirement, because: &self.reasons[range.clone()] })
    }

    /// Required materials the applicant need not submit (免提交), because the
    /// office obtains their documents itself, in catalogue order.
    pub fn exempt(&self) -> impl ExactSizeIterator<Item = ExemptItem<'_, 'c>> + '_ {
        self.exempt.iter().map(|(requirement, range, material)| ExemptItem {
            requirement,
            material,
            because: &self.reasons[range.clone()],
        })
    }

    /// Materials that may be required, depending on facts not yet given.
    pub fn pending(&self) -> impl ExactSizeIterator<Item = PendingItem<'c>> + '_ {
        let service = self.service;
        self.pending.iter().map(move |&(requirement, needs)| PendingItem { service, requirement, needs })
    }

    /// Every fact still needed for a complete answer: for eligibility, the
    /// case and the checklist, in vocabulary order.
    pub fn missing_facts(&self) -> impl Iterator<Item = &'c FactInfo> + 'c {
        self.missing.facts(&self.service.vocabulary)
    }
}

impl<'c> RuleOutcome<'_, 'c> {
    /// The rule.
    pub fn rule(&self) -> &'c EligibilityRule {
        self.rule
    }

    /// `Some(true)` if met, `Some(false)` if not, `None` if undetermined.
    pub fn met(&self) -> Option<bool> {
        self.met
    }

    /// The facts that decide it, as Chinese phrases.
    pub fn because(&self) -> impl ExactSizeIterator<Item = Reason<'c>> + '_ {
        self.because.iter().copied()
    }
}

impl<'c> ChecklistItem<'_, 'c> {
    /// The requirement (a material, or "one of" several).
    pub fn requirement(&self) -> &'c Requirement {
        self.requirement
    }

    /// The requirement's id.
    pub fn id(&self) -> &'c str {
        self.requirement.id()
    }

    /// Why it is required, as Chinese phrases.
    pub fn because(&self) -> impl ExactSizeIterator<Item = Reason<'c>> + '_ {
        self.because.iter().copied()
    }

    /// The documents that require it.
    pub fn basis(&self) -> &'c [Citation] {
        self.requirement.basis()
    }
}

impl<'c> ExemptItem<'_, 'c> {
    /// The requirement.
    pub fn requirement(&self) -> &'c Requirement {
        self.requirement
    }

    /// The material whose document the office obtains.
    pub fn material(&self) -> &'c Material {
        self.material
    }

    /// What stands in for the paper.
    pub fn stand_in(&self) -> &'c crate::model::StandIn {
        // An exempt material always has a stand-in (`OnFile::stands_in`).
        self.material.stand_in.as_ref().unwrap_or(&NO_STAND_IN)
    }

    /// Why it is required, as Chinese phrases.
    pub fn because(&self) -> impl ExactSizeIterator<Item = Reason<'c>> + '_ {
        self.because.iter().copied()
    }
}

static NO_STAND_IN: crate::model::StandIn =
    crate::model::StandIn { by: crate::model::StandInKind::ElectronicLicence, decision: None };

impl<'c> PendingItem<'c> {
    /// The requirement.
    pub fn requirement(&self) -> &'c Requirement {
        self.requirement
    }

    /// The facts that would decide it, in vocabulary order.
    pub fn needs(&self) -> impl Iterator<Item = &'c FactInfo> + 'c {
        self.needs.facts(&self.service.vocabulary)
    }
}

/// One material as submitted: its id and how many originals and copies.
///
/// For photos, `originals` counts photos; for electronic materials it counts
/// files.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Submission {
    /// The material id, such as `applicant_id_card`.
    pub id: String,
    /// Originals submitted (photos, for photos; files, for uploads).
    pub originals: u32,
    /// Copies submitted.
    pub copies: u32,
    /// A signed pledge (承诺书) was submitted in place of the material
    /// (告知承诺制); only for materials that accept one.
    pub pledged: bool,
}

impl Submission {
    /// A submission of `originals` originals and `copies` copies.
    pub fn new(id: impl Into<String>, originals: u32, copies: u32) -> Submission {
        Submission { id: id.into(), originals, copies, pledged: false }
    }

    /// A signed pledge (承诺书) in place of the material (告知承诺制).
    pub fn pledge(id: impl Into<String>) -> Submission {
        Submission { id: id.into(), originals: 0, copies: 0, pledged: true }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.originals == 0 && self.copies == 0 && !self.pledged
    }

    /// Whether it satisfies `material` in full: by a pledge, or in form and number.
    pub(crate) fn satisfies(&self, material: &Material) -> bool {
        self.pledged || shortfalls(material, self).is_empty()
    }
}

/// Whether the materials are complete: the outcome of a [`Notice`].
///
/// It speaks of the materials only. Whether the applicant is eligible is a
/// separate question, answered beside it by [`Assessment::eligibility`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum NoticeStatus {
    /// Everything required was submitted in the right form and number.
    Complete,
    /// Something is missing or defective; the notice lists all of it.
    Incomplete,
    /// Nothing listed is missing, but some materials depend on facts not
    /// given, so the list cannot be final; the facts are listed.
    Undetermined,
    /// Accepted, pending (容缺受理): only materials the catalogue lets be
    /// supplied later are missing or defective; each is due by its date.
    AcceptedPending,
}

impl NoticeStatus {
    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            NoticeStatus::Complete => "complete",
            NoticeStatus::Incomplete => "incomplete",
            NoticeStatus::Undetermined => "undetermined",
            NoticeStatus::AcceptedPending => "accepted_pending",
        }
    }
}

/// The one-time notice (一次性告知) from [`Catalog::check`](crate::model::Catalog::check).
#[derive(Clone, Debug)]
pub struct Notice<'c> {
    pub(crate) assessment: Assessment<'c>,
    pub(crate) status: NoticeStatus,
    pub(crate) missing: Vec<usize>,
    pub(crate) defective: Vec<Defect<'c>>,
    /// Missing or defective requirements that may be supplied later, with their due dates.
    pub(crate) deferred: Vec<(&'c Requirement, Date)>,
    /// Requirements satisfied by a pledge, and the material pledged.
    pub(crate) pledged: Vec<(&'c Requirement, &'c Material)>,
    pub(crate) not_required: Vec<&'c Material>,
}

impl<'c> Notice<'c> {
    /// The overall outcome.
    pub fn status(&self) -> NoticeStatus {
        self.status
    }

    /// The assessment the notice was made from.
    pub fn assessment(&self) -> &Assessment<'c> {
        &self.assessment
    }

    /// Required materials not submitted at all, in checklist order.
    pub fn missing(&self) -> impl ExactSizeIterator<Item = ChecklistItem<'_, 'c>> + '_ {
        self.missing.iter().map(|&i| {
            let (requirement, range) = &self.assessment.items[i];
            ChecklistItem { requirement, because: &self.assessment.reasons[range.clone()] }
        })
    }

    /// Submitted materials that fall short, in checklist order.
    pub fn defective(&self) -> impl ExactSizeIterator<Item = &Defect<'c>> + '_ {
        self.defective.iter()
    }

    /// Missing or defective materials that may be supplied later (容缺受理),
    /// each with its due date, in checklist order.
    pub fn deferred(&self) -> impl ExactSizeIterator<Item = (&'c Requirement, Date)> + '_ {
        self.deferred.iter().copied()
    }

    /// Requirements satisfied by a signed pledge (告知承诺制), and the
    /// material pledged: pledged, not proven, so to be verified later.
    pub fn pledged(&self) -> impl ExactSizeIterator<Item = (&'c Requirement, &'c Material)> + '_ {
        self.pledged.iter().copied()
    }

    /// Submitted materials this applicant does not need.
    pub fn not_required(&self) -> impl ExactSizeIterator<Item = &'c Material> + '_ {
        self.not_required.iter().copied()
    }
}

/// A submitted material that falls short of what is required.
#[derive(Clone, Debug)]
pub struct Defect<'c> {
    pub(crate) requirement: &'c Requirement,
    pub(crate) material: &'c Material,
    pub(crate) problems: Vec<Shortfall>,
}

impl<'c> Defect<'c> {
    /// The requirement it was submitted for.
    pub fn requirement(&self) -> &'c Requirement {
        self.requirement
    }

    /// The material as the catalogue describes it.
    pub fn material(&self) -> &'c Material {
        self.material
    }

    /// What is short, in order: originals, then copies.
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &Shortfall> + '_ {
        self.problems.iter()
    }
}

/// One way a submitted material falls short. Its `Display` is the Chinese
/// message for the applicant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum Shortfall {
    /// No original (or photo, or file) was submitted.
    MissingOriginal {
        /// 原件, 照片 or 电子文件.
        noun: &'static str,
        /// How many are needed.
        needed: u32,
        /// 份, 张 or 个.
        unit: &'static str,
        /// Whether copies were submitted instead.
        copies_given: bool,
    },
    /// Fewer originals (photos, files) than needed.
    TooFewOriginals {
        /// 原件, 照片 or 电子文件.
        noun: &'static str,
        /// How many are needed.
        needed: u32,
        /// How many were submitted.
        got: u32,
        /// 份, 张 or 个.
        unit: &'static str,
    },
    /// No copy was submitted.
    MissingCopy {
        /// How many are needed.
        needed: u32,
    },
    /// Fewer copies than needed.
    TooFewCopies {
        /// How many are needed.
        needed: u32,
        /// How many were submitted.
        got: u32,
    },
}

impl Shortfall {
    /// A stable code: `MISSING_ORIGINAL`, `TOO_FEW_ORIGINALS`,
    /// `MISSING_COPY` or `TOO_FEW_COPIES`.
    pub fn code(&self) -> &'static str {
        match self {
            Shortfall::MissingOriginal { .. } => "MISSING_ORIGINAL",
            Shortfall::TooFewOriginals { .. } => "TOO_FEW_ORIGINALS",
            Shortfall::MissingCopy { .. } => "MISSING_COPY",
            Shortfall::TooFewCopies { .. } => "TOO_FEW_COPIES",
        }
    }
}

impl fmt::Display for Shortfall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Shortfall::MissingOriginal { noun: "原件", copies_given: true, .. } => {
                f.write_str("须提交原件，仅提交了复印件")
            }
            Shortfall::MissingOriginal { noun, needed, unit, .. } => write!(f, "未提交{noun}（须{needed}{unit}）"),
            Shortfall::TooFewOriginals { noun, needed, got, unit } => {
                write!(f, "{noun}须{needed}{unit}，仅提交{got}{unit}")
            }
            Shortfall::MissingCopy { needed } => write!(f, "未提交复印件（须{needed}份）"),
            Shortfall::TooFewCopies { needed, got } => write!(f, "复印件须{needed}份，仅提交{got}份"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{RuleOutcomes, Tri};

    #[test]
    fn rule_outcomes_keep_every_outcome_in_order_inline_or_not() {
        let outcome = |i: u32| ([Tri::True, Tri::False, Tri::Unknown][i as usize % 3], i, i + 1);
        // Sized for the rules a service has; growing past the inline room
        // (which assessment never does) moves the outcomes, never drops one.
        for (capacity, n) in [(0, 0), (2, 2), (RuleOutcomes::FEW, RuleOutcomes::FEW), (2, 7), (9, 9)] {
            let mut outcomes = RuleOutcomes::with_capacity(capacity);
            (0..n as u32).for_each(|i| outcomes.push(outcome(i)));
            let expected: Vec<_> = (0..n as u32).map(outcome).collect();
            assert_eq!(outcomes.as_slice(), expected, "{capacity} {n}");
            assert_eq!(matches!(outcomes, RuleOutcomes::Few { .. }), n <= RuleOutcomes::FEW);
        }
    }
}
