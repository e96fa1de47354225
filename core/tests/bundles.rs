//! Issue 11's properties: bundles (一件事一次办), documents on file (免提交),
//! deferral (容缺受理) and pledges (告知承诺制), over generated applicants,
//! submissions and bundles, for the embedded catalogue and for
//! `examples/minzheng`, which uses every mechanism. The generators read each
//! catalogue's own vocabulary, so they hold for any catalogue.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use banshi::{Bundle, Catalog, FactKind, Facts, NoticeStatus, OnFile, Submission};
use proptest::prelude::*;

use crate::properties::date;

fn minzheng() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/minzheng/bundle.json");
        Catalog::from_bundle(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

fn catalogs() -> [&'static Catalog; 2] {
    [Catalog::embedded(), minzheng()]
}

/// A generated request: which catalogue, which services, the facts (as
/// choices per fact), the documents on file, and what was submitted.
#[derive(Clone, Debug)]
struct Case {
    catalog: usize,
    /// Indices into the catalogue's services (distinct, 2 to 4), or a declared bundle.
    services: Vec<usize>,
    declared: Option<usize>,
    /// Per fact: `None` (not given) or a seed to pick its value from.
    facts: Vec<Option<u32>>,
    /// Whether every fact is given.
    complete: bool,
    application: i32,
    on_file: Vec<bool>,
    /// Per submission slot: originals, copies, pledged.
    submissions: Vec<(u32, u32, bool)>,
}

fn any_case() -> impl Strategy<Value = Case> {
    (
        0..2usize,
        proptest::collection::vec(0..64usize, 2..5),
        proptest::option::of(0..8usize),
        proptest::collection::vec(proptest::option::of(any::<u32>()), 64),
        any::<bool>(),
        43_830..47_800i32,
        proptest::collection::vec(any::<bool>(), 64),
        proptest::collection::vec((0..3u32, 0..4u32, any::<bool>()), 64),
    )
        .prop_map(|(catalog, services, declared, facts, complete, application, on_file, submissions)| Case {
            catalog,
            services,
            declared,
            facts,
            complete,
            application,
            on_file,
            submissions,
        })
}

impl Case {
    fn catalog(&self) -> &'static Catalog {
        catalogs()[self.catalog]
    }

    fn bundle(&self) -> Bundle {
        let catalog = self.catalog();
        if let Some(d) = self.declared {
            if let Some(b) = catalog.bundles().get(d % catalog.bundles().len().max(1)) {
                return b.clone();
            }
        }
        let n = catalog.services().len();
        let mut ids: Vec<&str> = Vec::new();
        for &i in &self.services {
            let id = catalog.services()[i % n].id();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.len() < 2 {
            let other = catalog.services().iter().map(|s| s.id()).find(|id| !ids.contains(id)).unwrap();
            ids.push(other);
        }
        catalog.bundle_of(&ids).unwrap()
    }

    /// Facts from the catalogue's own vocabulary: each fact given or not,
    /// with a value picked by its seed (or all given, if `complete`).
    fn facts(&self) -> Facts {
        let catalog = self.catalog();
        let application = date(self.application);
        let mut facts = Facts::new(catalog.vocabulary(), application);
        for (info, seed) in catalog.vocabulary().facts().iter().zip(&self.facts) {
            let Some(seed) = seed.or(self.complete.then_some(7)) else { continue };
            let name = info.name();
            if name == "application_date" {
                continue;
            }
            match info.kind() {
                FactKind::Bool => facts.set(name, seed % 2 == 0).unwrap(),
                FactKind::Choice => {
                    facts.set(name, info.choices()[seed as usize % info.choices().len()].name()).unwrap()
                }
                FactKind::Count => facts.set(name, seed % (info.max().unwrap_or(10).min(12) + 1)).unwrap(),
                FactKind::Date => facts.set(name, date(self.application - (seed % 36_500) as i32)).unwrap(),
                _ => {}
            }
        }
        facts
    }

    fn on_file(&self) -> OnFile {
        let catalog = self.catalog();
        // Half of the documents on file for anyone, some only for the applicant.
        let ids: Vec<String> = catalog
            .documents()
            .iter()
            .zip(&self.on_file)
            .enumerate()
            .filter(|(_, (_, on))| **on)
            .map(|(i, (d, _))| if i % 3 == 0 { format!("applicant:{}", d.id()) } else { d.id().to_owned() })
            .collect();
        catalog.on_file(ids.iter().map(String::as_str)).unwrap()
    }
}

/// `(service, requirement id)` pairs.
type Pairs = BTreeSet<(String, String)>;

/// `(service, requirement)` of every checklist (or exempt) item of each
/// service alone.
fn alone(catalog: &Catalog, bundle: &Bundle, facts: &Facts, on_file: &OnFile) -> (Pairs, Pairs) {
    let (mut items, mut exempt) = (BTreeSet::new(), BTreeSet::new());
    let assessment = catalog.assess_bundle(bundle, facts, on_file).unwrap();
    for service in assessment.assessments().iter().map(|a| a.service().id()) {
        let a = catalog.assess_with(service, facts, on_file).unwrap();
        items.extend(a.checklist().map(|i| (service.to_owned(), i.id().to_owned())));
        exempt.extend(a.exempt().map(|i| (service.to_owned(), i.requirement().id().to_owned())));
    }
    (items, exempt)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Bundling never loses a requirement, and merging never invents one:
    /// the merged items' parts are exactly the services' own items.
    #[test]
    fn bundling_neither_loses_nor_invents(case in any_case()) {
        let catalog = case.catalog();
        let bundle = case.bundle();
        let (facts, on_file) = (case.facts(), case.on_file());
        let Ok(assessment) = catalog.assess_bundle(&bundle, &facts, &on_file) else { return Ok(()) };
        let parts = |items: Vec<banshi::BundleItem<'_, '_>>| {
            let mut out = Vec::new();
            for item in items {
                prop_assert!(item.needed_by().len() > 0, "item {} has no part", item.id());
                out.extend(item.needed_by().map(|p| (p.service().id().to_owned(), p.requirement().id().to_owned())));
            }
            Ok(out)
        };
        let merged = parts(assessment.checklist().collect())?;
        let merged_exempt = parts(assessment.exempt().collect())?;
        let (items, exempt) = alone(catalog, &bundle, &facts, &on_file);
        prop_assert_eq!(merged.len(), items.len(), "each service's item is in exactly one merged item");
        prop_assert_eq!(merged.into_iter().collect::<BTreeSet<_>>(), items);
        prop_assert_eq!(merged_exempt.len(), exempt.len());
        prop_assert_eq!(merged_exempt.into_iter().collect::<BTreeSet<_>>(), exempt);
        // Merged numbers: no part asks for more originals or copies than its item.
        for item in assessment.checklist() {
            let merged = item.item();
            for part in item.needed_by() {
                if let [m] = part.requirement().options() {
                    prop_assert!(merged.originals() >= m.originals() && merged.copies() >= m.copies(), "{}", item.id());
                }
            }
        }
    }

    /// Resubmitting exactly what a bundle notice asks for gives `complete`
    /// (every fact given, so nothing is pending).
    #[test]
    fn resubmitting_what_a_bundle_notice_asks_completes(case in any_case()) {
        let catalog = case.catalog();
        let bundle = case.bundle();
        let facts = Case { complete: true, ..case.clone() }.facts();
        let on_file = case.on_file();
        let Ok(first) = catalog.check_bundle(&bundle, &facts, &[], &on_file) else { return Ok(()) };
        prop_assert!(first.assessment().assessments().iter().all(|a| a.pending().len() == 0));
        let submitted: Vec<Submission> = first
            .missing()
            .map(|item| match item.item().requirement().options() {
                [_] => Submission::new(item.id(), item.item().originals(), item.item().copies()),
                [m, ..] => Submission::new(format!("{}:{}", item.needed_by().next().unwrap().service().id(), m.id()), m.originals(), m.copies()),
                [] => unreachable!(),
            })
            .collect();
        let again = catalog.check_bundle(&bundle, &facts, &submitted, &on_file).unwrap();
        prop_assert_eq!(again.status(), NoticeStatus::Complete, "{:?}", again.missing().map(|i| i.id()).collect::<Vec<_>>());
        prop_assert_eq!(again.not_required().count(), 0, "what was asked for is required");
    }

    /// A document on file that may be replaced is never reported missing,
    /// for one service or a bundle; and `accepted_pending` never hides a
    /// missing material that is not deferrable.
    #[test]
    fn on_file_and_deferral_keep_their_promises(case in any_case()) {
        let catalog = case.catalog();
        let bundle = case.bundle();
        let (facts, on_file) = (case.facts(), case.on_file());
        let replaced = |m: &banshi::Material| on_file.contains(m.owner(), m.document())
            && catalog.document(m.document()).is_some_and(|d| d.stand_in().is_some());
        for service in catalog.services_of(&bundle) {
            // Random submissions of the service's own materials.
            let a = service.id();
            let submitted: Vec<Submission> = service
                .requirements()
                .iter()
                .flat_map(|r| r.options().iter().map(move |m| (r, m)))
                .zip(&case.submissions)
                .filter(|((_, m), (o, c, _))| (m.originals() + m.copies() + o + c) % 3 != 0)
                .map(|((r, m), &(o, c, p))| {
                    if p && r.pledge().is_some() { Submission::pledge(m.id()) } else { Submission::new(m.id(), o, c) }
                })
                .collect();
            let Ok(notice) = catalog.check_with(a, &facts, &submitted, &on_file) else { continue };
            for item in notice.missing() {
                prop_assert!(!item.requirement().options().iter().any(replaced), "{a}: {} on file but missing", item.id());
            }
            if notice.status() == NoticeStatus::AcceptedPending {
                prop_assert!(notice.missing().all(|i| i.requirement().deferrable().is_some()));
                prop_assert!(notice.defective().all(|d| d.requirement().deferrable().is_some()));
                prop_assert_eq!(notice.deferred().len(), notice.missing().len() + notice.defective().len());
            }
            for (r, m) in notice.pledged() {
                prop_assert!(r.pledge().is_some() && submitted.iter().any(|s| s.id == m.id() && s.pledged));
            }
        }
        let Ok(notice) = catalog.check_bundle(&bundle, &facts, &[], &on_file) else { return Ok(()) };
        for item in notice.missing() {
            for part in item.needed_by() {
                prop_assert!(!part.requirement().options().iter().any(replaced), "{} on file but missing", item.id());
            }
        }
        if notice.status() == NoticeStatus::AcceptedPending {
            prop_assert!(notice.missing().all(|i| i.item().deferrable().is_some()));
        }
    }
}
