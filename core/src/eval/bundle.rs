//! Bundles of services (一件事一次办): one application for several services,
//! with one merged checklist and one notice.
//!
//! # The merge rule
//!
//! Each service is assessed alone, with the same facts and documents on
//! file. Then:
//!
//! - A requirement with a single material merges with the first earlier
//!   one of the same owner and document (the applicant's 居民身份证 is one
//!   item, whichever services ask for it), unless its photo or file spec,
//!   or whether it is electronic, differs from that first one: then it is
//!   listed on its own. A merged item's id is `owner:document`.
//! - A requirement with alternatives (`one_of`) never merges: its id is
//!   `service:requirement`, and its options' ids `service:material`. So is
//!   a single material listed on its own.
//! - Numbers: **originals** the largest asked, since an original is
//!   inspected and handed back; **photos** summed, since each service keeps
//!   its own; **electronic files** the largest, since one upload is shared;
//!   **copies** summed, since each service files its own. The form follows
//!   from the numbers. **Paper** is A4 if any part asks for it; **stamps**
//!   and **notes** are the union of the parts'.
//! - A merged item may be supplied later (容缺受理) only if every part may,
//!   by the earliest due date; a pledge (告知承诺制) replaces it only if
//!   every part accepts one.
//!
//! Every item lists the parts it came from (`needed_by`), so nothing is
//! invented and nothing is lost: property tests check both.

use std::borrow::Cow;
use std::ops::Range;

use crate::error::Error;
use crate::eval::{Assessment, Eligibility, OnFile, Shortfall, Submission, due, not_pledgeable, shortfalls_of};
use crate::facts::{FactInfo, FactSet, Facts};
use crate::model::{Bundle, Catalog, Form, Material, Paper, Requirement, Service};
use crate::support::Joined as _;
use crate::support::date::Date;

/// The merge rule, as answers state it: an interpretation of banshi's, not
/// of any catalogue or law, and so shown as such.
pub const MERGE_RULE: &str = "合并口径（banshi 的解释，非法定依据）：同一归属人的同一证件合并为一项；原件经核验后退还，取各事项所需份数的最大值；复印件由各事项分别留存，份数相加；照片由各事项分别留存，张数相加；电子文件上传一次共用，取最大值；纸张与印章取较严格的要求；“多选一”材料不合并。";

/// An assessment for a bundle of services: each service's own assessment,
/// and one merged checklist.
#[derive(Clone, Debug)]
pub struct BundleAssessment<'c> {
    pub(crate) catalog: &'c Catalog,
    pub(crate) bundle: Cow<'c, Bundle>,
    pub(crate) date: Date,
    pub(crate) assessments: Vec<Assessment<'c>>,
    pub(crate) items: Vec<MergedItem<'c>>,
    pub(crate) exempt: Vec<MergedItem<'c>>,
    pub(crate) parts: Vec<Part<'c>>,
    pub(crate) missing: FactSet,
}

/// One item of a merged checklist.
#[derive(Clone, Debug)]
pub struct MergedItem<'c> {
    /// The first part's requirement: its material (or options) describes the item.
    pub(crate) first: &'c Requirement,
    /// The first part's service.
    pub(crate) service: &'c Service,
    /// Whether its id is `owner:document` (else `service:requirement`).
    pub(crate) by_document: bool,
    /// Its material's merge key (`Material::merge_key`).
    pub(crate) key: u64,
    pub(crate) parts: Range<usize>,
    pub(crate) originals: u32,
    pub(crate) copies: u32,
    pub(crate) paper: Option<Paper>,
    pub(crate) deferrable: Option<u16>,
    pub(crate) pledge: bool,
}

/// One service's requirement within a merged item.
#[derive(Clone, Debug)]
pub struct Part<'c> {
    /// The service's position in the bundle.
    pub(crate) at: usize,
    pub(crate) requirement: &'c Requirement,
    /// Its reasons, in its service's assessment.
    pub(crate) because: Range<u32>,
    /// While merging: its item's number, then its place among the parts.
    pub(crate) group: u32,
    /// For an exempt part: the material whose document the office obtains.
    pub(crate) stand_in: Option<&'c Material>,
}

impl Catalog {
    /// Assesses an applicant for a bundle of services ([`Catalog::bundle`],
    /// [`Catalog::bundle_of`]): each service's eligibility, and one merged
    /// checklist by the rule in [`MERGE_RULE`].
    ///
    /// # Errors
    ///
    /// As [`Catalog::assess`] for any of the services.
    ///
    /// # Example
    ///
    /// ```
    /// use banshi::{Catalog, Facts, OnFile};
    ///
    /// let catalog = Catalog::embedded();
    /// let facts = Facts::from_json(catalog.vocabulary(), r#"{"application_date": "2026-11-27",
    ///     "birth_date": "2026-11-01", "hukou": "local", "proxy": true}"#)?;
    /// let bundle = catalog.bundle("newborn")?;
    /// let assessment = catalog.assess_bundle(bundle, &facts, &OnFile::NONE)?;
    /// // The proxy's ID card is asked by both services, and listed once.
    /// let id_card = assessment.checklist().find(|i| i.id() == "proxy:resident_id_card").unwrap();
    /// assert_eq!(id_card.needed_by().count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess_bundle<'c>(
        &'c self,
        bundle: &'c Bundle,
        facts: &Facts,
        on_file: &OnFile,
    ) -> Result<BundleAssessment<'c>, Error> {
        self.assess_bundle_in(Cow::Borrowed(bundle), facts, on_file)
    }

    pub(crate) fn assess_bundle_in<'c>(
        &'c self,
        bundle: Cow<'c, Bundle>,
        facts: &Facts,
        on_file: &OnFile,
    ) -> Result<BundleAssessment<'c>, Error> {
        let mut assessments = Vec::with_capacity(bundle.services.len());
        let mut missing = FactSet::EMPTY;
        for service in self.resolve(&bundle) {
            let a = service?.assess_in(facts, on_file, self.version(), self.content_hash())?;
            missing = missing.union(a.missing);
            assessments.push(a);
        }
        let mut parts = Vec::new();
        let items = merge(&assessments, &mut parts, false);
        let exempt = merge(&assessments, &mut parts, true);
        Ok(BundleAssessment {
            catalog: self,
            bundle,
            date: facts.application_date(),
            assessments,
            items,
            exempt,
            parts,
            missing,
        })
    }

    /// The one-time notice for a bundle: what was submitted against the
    /// merged checklist, with submissions named by the merged items' ids
    /// (`owner:document`, or `service:material` for a material listed on its
    /// own or an option of a `one_of`).
    ///
    /// # Errors
    ///
    /// As [`Catalog::assess_bundle`], plus [`Error::UnknownMaterial`] for an
    /// id no service of the bundle could ask for,
    /// [`Error::DuplicateSubmission`], and [`Error::InvalidValue`] for a
    /// pledge in place of a material that accepts none.
    pub fn check_bundle<'c>(
        &'c self,
        bundle: &'c Bundle,
        facts: &Facts,
        submitted: &[Submission],
        on_file: &OnFile,
    ) -> Result<BundleNotice<'c>, Error> {
        self.check_bundle_in(Cow::Borrowed(bundle), facts, submitted, on_file)
    }

    pub(crate) fn check_bundle_in<'c>(
        &'c self,
        bundle: Cow<'c, Bundle>,
        facts: &Facts,
        submitted: &[Submission],
        on_file: &OnFile,
    ) -> Result<BundleNotice<'c>, Error> {
        // Every id a submission could use, whatever the facts, and whether
        // some requirement it names accepts a pledge.
        let mut known: Vec<(String, bool)> = Vec::new();
        for service in self.resolve(&bundle) {
            let service = service?;
            for r in &service.requirements {
                let pledge = r.pledge.is_some();
                if let [m] = r.options.as_slice() {
                    known.push((join(&m.owner, &m.document), pledge));
                }
                known.extend(r.options.iter().map(|m| (join(&service.id, &m.id), pledge)));
            }
        }
        known.sort_unstable();
        known.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1 |= later.1;
            }
            same
        });
        let index = crate::support::lookup::Index::new(submitted.iter().map(|s| s.id.as_str()));
        for (i, (s, repeated)) in submitted.iter().zip(index.repeats()).enumerate() {
            let Ok(at) = known.binary_search_by(|(id, _)| id.as_str().cmp(&s.id)) else {
                return Err(Error::UnknownMaterial {
                    service: bundle_label(self, &bundle),
                    id: s.id.clone(),
                    suggestion: crate::support::suggest::nearest(&s.id, known.iter().map(|(id, _)| id.as_str()))
                        .map(str::to_owned),
                });
            };
            if repeated {
                return Err(Error::DuplicateSubmission { id: s.id.clone() });
            }
            if s.pledged && !known[at].1 {
                return Err(not_pledgeable(i, &s.id));
            }
        }
        let assessment = self.assess_bundle_in(bundle, facts, on_file)?;
        let find = |id: &str| index.first(id).map(|i| (i, &submitted[i])).filter(|(_, s)| !s.is_empty());

        let mut missing = Vec::new();
        let mut defective = Vec::new();
        let mut deferred = Vec::new();
        let mut pledged = Vec::new();
        let mut expected: Vec<String> = Vec::with_capacity(assessment.parts.len() * 2);
        for (n, item) in assessment.items.iter().enumerate() {
            let mut satisfied = false;
            let mut first_defect = None;
            for (id, material) in item.submission_ids(&assessment) {
                expected.push(id.clone());
                if satisfied {
                    continue;
                }
                if let Some((at, s)) = find(&id) {
                    if s.pledged {
                        if !item.pledge {
                            return Err(not_pledgeable(at, &id));
                        }
                        pledged.push(Pledged { item: Some(n), at: 0, requirement: item.first, material });
                        satisfied = true;
                        continue;
                    }
                    let (originals, copies) = item.needs(material);
                    let problems = shortfalls_of(material, originals, copies, s);
                    if problems.is_empty() {
                        satisfied = true;
                        continue;
                    }
                    first_defect.get_or_insert(BundleDefect { item: n, id, material, problems });
                }
            }
            if satisfied {
                continue;
            }
            match first_defect {
                Some(defect) => defective.push(defect),
                None => missing.push(n),
            }
            if let Some(days) = item.deferrable {
                deferred.push((n, due(assessment.date, &crate::model::Deferral { days, decision: None })?));
            }
        }
        for item in &assessment.exempt {
            expected.extend(item.submission_ids(&assessment).map(|(id, _)| id));
        }
        // A material that may be required keeps the list open unless the
        // office has it on file, or it was handed in as it would then be
        // required: merged with the item of its owner and document.
        // What each owner's document would need if every material that may
        // be required were: the listed item's numbers with all of them added.
        // The item that leads a material's owner and document, and that item
        // only if the material would join it.
        let leader = |m: &Material| assessment.items.iter().find(|i| i.by_document && i.key == m.merge_key);
        let listed = |m: &Material| leader(m).filter(|i| compatible(&i.first.options[0], m));
        let pending_singles = || {
            assessment.assessments.iter().flat_map(|a| {
                a.pending.iter().filter_map(move |(r, _)| match r.options.as_slice() {
                    [m] => Some((a, *r, m)),
                    _ => None,
                })
            })
        };
        let mut keys = Keys::new(pending_singles().map(|(_, _, m)| m.merge_key));
        let mut totals: Vec<MergedItem<'c>> = Vec::new();
        for (a, r, m) in pending_singles() {
            match keys.get(m.merge_key) {
                Some(t) if compatible(&totals[t].first.options[0], m) => totals[t].add(r, m),
                Some(_) => {}
                None => {
                    let total = match listed(m) {
                        Some(item) => {
                            let mut total = item.clone();
                            total.add(r, m);
                            total
                        }
                        None => MergedItem::new(a.service, r, true),
                    };
                    keys.set(m.merge_key, totals.len());
                    totals.push(total);
                }
            }
        }
        let mut open = false;
        for (at, a) in assessment.assessments.iter().enumerate() {
            for (r, _) in &a.pending {
                let mut settled = on_file.stands_in(r).is_some();
                for m in &r.options {
                    let own = join(&a.service.id, &m.id);
                    let single = r.options.len() == 1;
                    let item = single.then(|| listed(m)).flatten();
                    let total = single
                        .then(|| keys.get(m.merge_key))
                        .flatten()
                        .map(|t| &totals[t])
                        .filter(|t| compatible(&t.first.options[0], m));
                    // Merged under its owner and document only if it would join
                    // that item: one that differs from it would stand alone.
                    let joins = match leader(m) {
                        Some(leader) => compatible(&leader.first.options[0], m),
                        None => total.is_some(),
                    };
                    let merged = (single && joins).then(|| join(&m.owner, &m.document));
                    let (originals, copies) = total.map_or((m.originals, m.copies), |t| (t.originals, t.copies));
                    for id in merged.iter().chain(std::iter::once(&own)) {
                        let Some((_, s)) = find(id) else { continue };
                        if s.pledged && r.pledge.is_some() && item.is_none_or(|i| i.pledge) {
                            if !settled {
                                pledged.push(Pledged { item: None, at, requirement: r, material: m });
                            }
                            settled = true;
                        } else if !s.pledged && shortfalls_of(m, originals, copies, s).is_empty() {
                            settled = true;
                        }
                    }
                    expected.extend(merged);
                    expected.push(own);
                }
                open |= !settled;
            }
        }
        expected.sort_unstable();
        let not_required = submitted
            .iter()
            .filter(|s| !s.is_empty() && expected.binary_search(&s.id).is_err())
            .map(|s| s.id.clone())
            .collect();

        let short = missing.len() + defective.len();
        let status = if short > deferred.len() {
            crate::eval::NoticeStatus::Incomplete
        } else if open {
            crate::eval::NoticeStatus::Undetermined
        } else if short > 0 {
            crate::eval::NoticeStatus::AcceptedPending
        } else {
            crate::eval::NoticeStatus::Complete
        };
        Ok(BundleNotice { assessment, status, missing, defective, deferred, pledged, not_required })
    }

    /// The bundle's services. A bundle holds their positions and numbers: a
    /// position that no longer holds its number (a bundle made with another
    /// version of the catalogue) is found again by number, or refused.
    fn resolve<'c, 'b>(&'c self, bundle: &'b Bundle) -> impl Iterator<Item = Result<&'c Service, Error>> + 'b
    where
        'c: 'b,
    {
        bundle.services.iter().zip(&bundle.ids).map(move |(&i, id)| match self.services.get(i) {
            Some(service) if service.id == *id => Ok(service),
            _ => self.service(id),
        })
    }
}

/// `a:b`: an item's or a submission's id.
pub(crate) fn join(a: &str, b: &str) -> String {
    let mut id = String::with_capacity(a.len() + 1 + b.len());
    id.push_str(a);
    id.push(':');
    id.push_str(b);
    id
}

/// A requirement satisfied by a signed pledge: of a merged item, or (`item`
/// `None`) of a material that may be required, of the service at `at`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pledged<'c> {
    pub(crate) item: Option<usize>,
    pub(crate) at: usize,
    pub(crate) requirement: &'c Requirement,
    pub(crate) material: &'c Material,
}

/// How an error names a bundle: its id, or its services joined by `+`.
fn bundle_label(catalog: &Catalog, bundle: &Bundle) -> String {
    match &bundle.id {
        Some(id) => id.clone(),
        None => bundle
            .services
            .iter()
            .filter_map(|&i| catalog.services.get(i).map(|s| s.id.as_str()))
            .collect::<Vec<_>>()
            .joined("+"),
    }
}

/// Merges each assessment's checklist (or, if `exempt`, its exempt
/// materials) into items, by the rule in the module's documentation,
/// appending their parts.
fn merge<'c>(assessments: &[Assessment<'c>], parts: &mut Vec<Part<'c>>, exempt: bool) -> Vec<MergedItem<'c>> {
    let count = |a: &Assessment<'c>| if exempt { a.exempt.len() } else { a.items.len() };
    let n: usize = assessments.iter().map(count).sum();
    if n == 0 {
        return Vec::new();
    }
    // Every part, in order (service by service, each in checklist order),
    // appended after `base`; `group` first holds its item's number.
    let base = parts.len();
    parts.reserve(n);
    let mut items: Vec<MergedItem<'c>> = Vec::with_capacity(n);
    // The item of each owner and document, by key: a scan of the items while
    // they are few, a map beyond, so that a bundle of many materials stays
    // O(n log n).
    let mut index = (n > SCAN).then(|| {
        let single = |r: &Requirement| match r.options.as_slice() {
            [m] => Some(m.merge_key),
            _ => None,
        };
        Keys::new(assessments.iter().flat_map(|a| {
            let listed: Box<dyn Iterator<Item = &'c Requirement>> = if exempt {
                Box::new(a.exempt.iter().map(|(r, _, _)| *r))
            } else {
                Box::new(a.items.iter().map(|(r, _)| *r))
            };
            listed.filter_map(single)
        }))
    });
    let mut add = |at: usize, requirement: &'c Requirement, range: &Range<usize>, stand_in: Option<&'c Material>| {
        let because = range.start as u32..range.end as u32;
        let item = match requirement.options.as_slice() {
            [m] => {
                let found = match &index {
                    Some(keys) => keys.get(m.merge_key),
                    None => items.iter().position(|it| it.by_document && it.key == m.merge_key),
                };
                match found {
                    Some(i) if compatible(&items[i].first.options[0], m) => {
                        items[i].add(requirement, m);
                        Some(i)
                    }
                    // The first of its owner and document leads; one that
                    // differs from it stands alone.
                    Some(_) => None,
                    None => {
                        if let Some(keys) = &mut index {
                            keys.set(m.merge_key, items.len());
                        }
                        items.push(MergedItem::new(assessments[at].service, requirement, true));
                        Some(items.len() - 1)
                    }
                }
            }
            _ => None,
        };
        let item = item.unwrap_or_else(|| {
            items.push(MergedItem::new(assessments[at].service, requirement, false));
            items.len() - 1
        });
        items[item].parts.end += 1;
        parts.push(Part { at, requirement, because, group: item as u32, stand_in });
    };
    for (at, a) in assessments.iter().enumerate() {
        if exempt {
            a.exempt.iter().for_each(|(r, range, m)| add(at, r, range, Some(*m)));
        } else {
            a.items.iter().for_each(|(r, range)| add(at, r, range, None));
        }
    }
    // Each item's range of parts (a counting sort), each part's place in it,
    // then the parts moved there in place: each swap puts one part where it
    // belongs, and the place travels with the part.
    let mut next = base;
    for item in &mut items {
        let len = item.parts.end;
        item.parts = next..next;
        next += len;
    }
    for part in &mut parts[base..] {
        let range = &mut items[part.group as usize].parts;
        part.group = range.end as u32;
        range.end += 1;
    }
    for i in base..parts.len() {
        while parts[i].group as usize != i {
            let to = parts[i].group as usize;
            parts.swap(i, to);
        }
    }
    items
}

/// Up to this many parts, a merge finds an owner's document by scanning.
const SCAN: usize = 32;

/// Owner-and-document keys (`Material::merge_key`), each with a slot, found
/// by binary search: what a bundle of many materials uses instead of a scan.
struct Keys {
    keys: Vec<u64>,
    slots: Vec<u32>,
}

impl Keys {
    fn new(keys: impl Iterator<Item = u64>) -> Keys {
        let mut keys: Vec<u64> = keys.collect();
        keys.sort_unstable();
        keys.dedup();
        let slots = vec![u32::MAX; keys.len()];
        Keys { keys, slots }
    }

    /// The slot set for `key`, if any.
    fn get(&self, key: u64) -> Option<usize> {
        let at = self.keys.binary_search(&key).ok()?;
        Some(self.slots[at]).filter(|&slot| slot != u32::MAX).map(|slot| slot as usize)
    }

    /// Sets `key`'s slot; a key not given to `new` has none.
    fn set(&mut self, key: u64, slot: usize) {
        if let Ok(at) = self.keys.binary_search(&key) {
            self.slots[at] = slot as u32;
        }
    }
}

impl<'c> MergedItem<'c> {
    /// An item led by `requirement`, of `service`.
    fn new(service: &'c Service, requirement: &'c Requirement, by_document: bool) -> MergedItem<'c> {
        let single = requirement.options.len() == 1;
        let m = &requirement.options[0];
        MergedItem {
            first: requirement,
            service,
            by_document,
            key: m.merge_key,
            parts: 0..0,
            originals: if single { m.originals } else { 0 },
            copies: if single { m.copies } else { 0 },
            paper: if single { m.paper } else { None },
            deferrable: requirement.deferrable.as_ref().map(|d| d.days),
            pledge: requirement.pledge.is_some(),
        }
    }

    /// Merges in another service's `requirement`, whose material is `m`.
    fn add(&mut self, requirement: &Requirement, m: &Material) {
        // Paper photos are kept by each service; an original is handed back,
        // and an upload is shared.
        self.originals = if m.photo.is_some() && m.form != Form::Electronic {
            self.originals.saturating_add(m.originals)
        } else {
            self.originals.max(m.originals)
        };
        self.copies = self.copies.saturating_add(m.copies);
        self.paper = self.paper.or(m.paper);
        self.deferrable = match (self.deferrable, &requirement.deferrable) {
            (Some(a), Some(b)) => Some(a.min(b.days)),
            _ => None,
        };
        self.pledge &= requirement.pledge.is_some();
    }
}

/// Whether two materials of one owner and document can be one item.
fn compatible(a: &Material, b: &Material) -> bool {
    a.photo == b.photo && a.file == b.file && (a.form == Form::Electronic) == (b.form == Form::Electronic)
}

impl<'c> MergedItem<'c> {
    /// The item's id: `owner:document` for a merged material, else
    /// `service:requirement`.
    pub fn id(&self) -> String {
        let (a, b) = if self.by_document {
            let m = &self.first.options[0];
            (m.owner.as_str(), m.document.as_str())
        } else {
            (self.service.id.as_str(), self.first.id.as_str())
        };
        join(a, b)
    }

    /// The Chinese name: the first part's.
    pub fn name(&self) -> &'c str {
        &self.first.name
    }

    /// The material, as the first part describes it (for a merged item,
    /// the numbers are [`MergedItem::originals`] and [`MergedItem::copies`]).
    pub fn requirement(&self) -> &'c Requirement {
        self.first
    }

    /// Originals (photos, files) needed, merged.
    pub fn originals(&self) -> u32 {
        self.originals
    }

    /// Copies needed, merged.
    pub fn copies(&self) -> u32 {
        self.copies
    }

    /// The form the merged numbers make.
    pub fn form(&self) -> Form {
        let m = &self.first.options[0];
        match (m.form, self.originals > 0, self.copies > 0) {
            (Form::Electronic, _, _) => Form::Electronic,
            (_, true, true) => Form::OriginalAndCopy,
            (_, false, true) => Form::Copy,
            _ => Form::Original,
        }
    }

    /// Paper, the stricter of the parts'.
    pub fn paper(&self) -> Option<Paper> {
        self.paper
    }

    /// Calendar days within which it may be supplied after acceptance, if
    /// every part may be.
    pub fn deferrable(&self) -> Option<u16> {
        self.deferrable
    }

    /// Whether a signed pledge may replace it: every part accepts one.
    pub fn pledge(&self) -> bool {
        self.pledge
    }

    /// The services' requirements it stands for.
    pub fn needed_by<'a>(
        &'a self,
        assessment: &'a BundleAssessment<'c>,
    ) -> impl ExactSizeIterator<Item = PartView<'a, 'c>> + 'a {
        assessment.parts[self.parts.clone()].iter().map(move |part| PartView { part, assessment })
    }

    /// The ids a submission may use for it, and the material each names: a
    /// merged item's `owner:document`, and as aliases each part's own
    /// `service:material`; else each option's `service:material`.
    fn submission_ids<'a>(&'a self, a: &'a BundleAssessment<'c>) -> impl Iterator<Item = (String, &'c Material)> + 'a {
        let merged = self.by_document.then(|| (self.id(), &self.first.options[0]));
        let aliases = self.by_document.then(|| {
            a.parts[self.parts.clone()].iter().map(|p| {
                let m = &p.requirement.options[0];
                (join(&a.assessments[p.at].service.id, &m.id), m)
            })
        });
        let own = (!self.by_document).then(|| {
            let service = self.service;
            self.first.options.iter().map(move |m| (join(&service.id, &m.id), m))
        });
        merged.into_iter().chain(aliases.into_iter().flatten()).chain(own.into_iter().flatten())
    }

    /// What a submission of `material` for it must hold: the merged numbers,
    /// or the option's own.
    fn needs(&self, material: &Material) -> (u32, u32) {
        if self.first.options.len() == 1 {
            (self.originals, self.copies)
        } else {
            (material.originals, material.copies)
        }
    }
}

/// One part of a merged item, seen with its assessment.
#[derive(Clone, Copy, Debug)]
pub struct PartView<'a, 'c> {
    pub(crate) part: &'a Part<'c>,
    pub(crate) assessment: &'a BundleAssessment<'c>,
}

impl<'a, 'c> PartView<'a, 'c> {
    /// The service that asks for it.
    pub fn service(&self) -> &'c Service {
        self.assessment.assessments[self.part.at].service
    }

    /// The service's own requirement.
    pub fn requirement(&self) -> &'c Requirement {
        self.part.requirement
    }

    /// Why the service asks for it, as Chinese phrases.
    pub fn because(&self) -> impl ExactSizeIterator<Item = crate::condition::Reason<'c>> + 'a {
        let because = self.part.because.start as usize..self.part.because.end as usize;
        self.assessment.assessments[self.part.at].reasons[because].iter().copied()
    }
}

/// An item of a merged checklist, seen with its assessment.
#[derive(Clone, Copy, Debug)]
pub struct BundleItem<'a, 'c> {
    pub(crate) item: &'a MergedItem<'c>,
    pub(crate) assessment: &'a BundleAssessment<'c>,
}

impl<'a, 'c> BundleItem<'a, 'c> {
    /// The item's id (see [`MergedItem::id`]).
    pub fn id(&self) -> String {
        self.item.id()
    }

    /// The merged item.
    pub fn item(&self) -> &'a MergedItem<'c> {
        self.item
    }

    /// The services' requirements it stands for.
    pub fn needed_by(&self) -> impl ExactSizeIterator<Item = PartView<'a, 'c>> + 'a {
        self.item.needed_by(self.assessment)
    }
}

impl<'c> BundleAssessment<'c> {
    /// The bundle assessed.
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// The application date.
    pub fn application_date(&self) -> Date {
        self.date
    }

    /// Each service's own assessment, in the bundle's order.
    pub fn assessments(&self) -> &[Assessment<'c>] {
        &self.assessments
    }

    /// Eligible only if eligible for every service; ineligible if not for
    /// any; otherwise undetermined.
    pub fn eligibility(&self) -> Eligibility {
        let all = self.assessments.iter().map(Assessment::eligibility);
        if all.clone().any(|e| e == Eligibility::Ineligible) {
            Eligibility::Ineligible
        } else if all.clone().any(|e| e == Eligibility::Undetermined) {
            Eligibility::Undetermined
        } else {
            Eligibility::Eligible
        }
    }

    /// The merged checklist: what to bring, once, for every service.
    pub fn checklist(&self) -> impl ExactSizeIterator<Item = BundleItem<'_, 'c>> + '_ {
        self.items.iter().map(move |item| BundleItem { item, assessment: self })
    }

    /// Merged materials the applicant need not submit (免提交).
    pub fn exempt(&self) -> impl ExactSizeIterator<Item = BundleItem<'_, 'c>> + '_ {
        self.exempt.iter().map(move |item| BundleItem { item, assessment: self })
    }

    /// Every fact still needed for a complete answer, for any service.
    pub fn missing_facts(&self) -> impl Iterator<Item = &'c FactInfo> + 'c {
        self.missing.facts(&self.catalog.vocabulary)
    }
}

/// A submitted bundle item that falls short.
#[derive(Clone, Debug)]
pub struct BundleDefect<'c> {
    pub(crate) item: usize,
    pub(crate) id: String,
    pub(crate) material: &'c Material,
    pub(crate) problems: Vec<Shortfall>,
}

impl<'c> BundleDefect<'c> {
    /// The id it was submitted under.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The material it was submitted as.
    pub fn material(&self) -> &'c Material {
        self.material
    }

    /// What is short.
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &Shortfall> + '_ {
        self.problems.iter()
    }
}

/// The one-time notice for a bundle.
#[derive(Clone, Debug)]
pub struct BundleNotice<'c> {
    pub(crate) assessment: BundleAssessment<'c>,
    pub(crate) status: crate::eval::NoticeStatus,
    pub(crate) missing: Vec<usize>,
    pub(crate) defective: Vec<BundleDefect<'c>>,
    pub(crate) deferred: Vec<(usize, Date)>,
    pub(crate) pledged: Vec<Pledged<'c>>,
    pub(crate) not_required: Vec<String>,
}

impl<'c> BundleNotice<'c> {
    /// Whether the materials are complete, for the whole bundle.
    pub fn status(&self) -> crate::eval::NoticeStatus {
        self.status
    }

    /// The assessment the notice was made from.
    pub fn assessment(&self) -> &BundleAssessment<'c> {
        &self.assessment
    }

    /// Merged items not submitted at all.
    pub fn missing(&self) -> impl ExactSizeIterator<Item = BundleItem<'_, 'c>> + '_ {
        self.missing.iter().map(move |&i| BundleItem { item: &self.assessment.items[i], assessment: &self.assessment })
    }

    /// Submitted items that fall short.
    pub fn defective(&self) -> impl ExactSizeIterator<Item = &BundleDefect<'c>> + '_ {
        self.defective.iter()
    }

    /// Missing or defective items that may be supplied later, with their
    /// due dates.
    pub fn deferred(&self) -> impl ExactSizeIterator<Item = (BundleItem<'_, 'c>, Date)> + '_ {
        self.deferred
            .iter()
            .map(move |&(i, due)| (BundleItem { item: &self.assessment.items[i], assessment: &self.assessment }, due))
    }

    /// Requirements satisfied by a signed pledge (pledged, not proven, so
    /// to be verified later): the merged item, if it is on the checklist
    /// (else the material may be required, depending on facts not given),
    /// the first part's requirement, and the material pledged.
    pub fn pledged(
        &self,
    ) -> impl ExactSizeIterator<Item = (Option<BundleItem<'_, 'c>>, &'c Requirement, &'c Material)> + '_ {
        self.pledged.iter().map(move |p| {
            let item = p.item.map(|i| BundleItem { item: &self.assessment.items[i], assessment: &self.assessment });
            (item, p.requirement, p.material)
        })
    }

    /// Submitted ids this applicant does not need.
    pub fn not_required(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.not_required.iter().map(String::as_str)
    }
}
