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

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A bundle notice that says `complete` with facts missing stays
    /// `complete` once they are given, whatever they are: nothing that
    /// could still be required was left out of the account.
    #[test]
    fn complete_stays_complete_when_facts_are_given(case in any_case()) {
        let catalog = case.catalog();
        let bundle = case.bundle();
        let (facts, on_file) = (case.facts(), case.on_file());
        let Ok(first) = catalog.check_bundle(&bundle, &facts, &[], &on_file) else { return Ok(()) };
        // Submit what the notice asks for, and whatever may be required, in full.
        let mut submitted: Vec<Submission> = first
            .missing()
            .map(|item| match item.item().requirement().options() {
                [_] => Submission::new(item.id(), item.item().originals(), item.item().copies()),
                [m, ..] => Submission::new(format!("{}:{}", item.needed_by().next().unwrap().service().id(), m.id()), m.originals(), m.copies()),
                [] => unreachable!(),
            })
            .collect();
        let _ = &mut submitted;
        let Ok(notice) = catalog.check_bundle(&bundle, &facts, &submitted, &on_file) else { return Ok(()) };
        if notice.status() != NoticeStatus::Complete {
            return Ok(());
        }
        let all = Case { complete: true, ..case.clone() }.facts();
        // Given facts keep their values: fill only those not given.
        let mut filled = facts.clone();
        for info in catalog.vocabulary().facts() {
            let json = facts.to_json();
            if info.name() != "application_date" && !json.contains(&format!("\"{}\"", info.name())) {
                let value = all.to_json();
                let v: serde_json::Value = serde_json::from_str(&value).unwrap();
                if let Some(x) = v.get(info.name()) {
                    let one = format!("{{\"application_date\":{},\"{}\":{}}}", v["application_date"], info.name(), x);
                    let parsed = Facts::from_json(catalog.vocabulary(), &one).unwrap();
                    let _ = parsed;
                    match x {
                        serde_json::Value::Bool(b) => filled.set(info.name(), *b).unwrap(),
                        serde_json::Value::String(s) => filled.set(info.name(), s.as_str()).unwrap(),
                        serde_json::Value::Number(n) => filled.set(info.name(), n.as_u64().unwrap() as u32).unwrap(),
                        _ => {}
                    }
                }
            }
        }
        let Ok(after) = catalog.check_bundle(&bundle, &filled, &submitted, &on_file) else { return Ok(()) };
        prop_assert!(matches!(after.status(), NoticeStatus::Complete), "{:?} after giving every fact", after.status());
    }
}

/// The reviewer's reproductions, kept as regressions.
mod regressions {
    use super::*;

    fn minzheng_json(request: &str) -> serde_json::Value {
        let out = banshi::json::check(minzheng(), request).unwrap_or_else(|e| banshi::json::error(&e));
        serde_json::from_str(&out).unwrap()
    }

    const ADULT: &str = r#""application_date":"2026-11-27","birth_date":"1975-04-10","district_hukou":true,"has_disability_certificate":true,"disability_type":"physical","disability_grade":"grade_1","assistance_status":"dibao","long_term_care_needed":true"#;

    /// A material that may be required counts with the merged numbers of its
    /// owner and document: without `proxy`, one copy of the proxy's ID card
    /// for two services cannot settle the list.
    #[test]
    fn a_pending_material_counts_with_its_merged_item() {
        let submitted = r#"[{"id":"applicant:disability_subsidy_form","originals":1},{"id":"applicant:resident_id_card","originals":1,"copies":2},{"id":"applicant:hukou_book","originals":1,"copies":2},{"id":"applicant:disability_certificate","originals":1,"copies":2},{"id":"applicant:dibao_certificate","originals":1},{"id":"proxy:resident_id_card","originals":1,"copies":1},{"id":"applicant:power_of_attorney","originals":1}]"#;
        let without = minzheng_json(&format!(
            r#"{{"bundle":"disability_subsidies","facts":{{{ADULT}}},"submitted":{submitted}}}"#
        ));
        assert_eq!(without["status"], "undetermined", "{without}");
        let with = minzheng_json(&format!(
            r#"{{"bundle":"disability_subsidies","facts":{{{ADULT},"proxy":true}},"submitted":{submitted}}}"#
        ));
        assert_eq!(with["status"], "incomplete");
    }

    /// A pledge where no requirement it names accepts one is refused, as
    /// for one service.
    #[test]
    fn a_bundle_refuses_a_pledge_nothing_accepts() {
        let out = minzheng_json(&format!(
            r#"{{"bundle":"disability_subsidies","facts":{{{ADULT}}},"submitted":[{{"id":"proxy:resident_id_card","pledged":true}}]}}"#
        ));
        assert_eq!(out["error"]["code"], "INVALID_VALUE", "{out}");
    }

    /// A part's own `service:material` is an alias of its merged item.
    #[test]
    fn a_parts_own_id_is_an_alias() {
        let out = minzheng_json(&format!(
            r#"{{"bundle":"disability_subsidies","facts":{{{ADULT},"proxy":false}},"submitted":[{{"id":"1.1:applicant_id_card","originals":1,"copies":2}}]}}"#
        ));
        assert_eq!(out["not_required"], serde_json::json!([]), "{out}");
        let missing: Vec<&str> = out["missing"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert!(!missing.contains(&"applicant:resident_id_card"), "{missing:?}");
    }

    /// A pledge for a material that may be required is recorded as pledged.
    #[test]
    fn a_pledge_for_a_pending_material_is_recorded() {
        let facts = r#""application_date":"2026-11-27","proxy":true,"district_hukou":true,"has_disability_certificate":true,"disability_type":"physical","disability_grade":"grade_1","assistance_status":"dibao""#;
        let out = minzheng_json(&format!(
            r#"{{"service":"1.1","facts":{{{facts}}},"submitted":[{{"id":"guardianship_proof","pledged":true}}]}}"#
        ));
        assert_eq!(out["pledged"][0]["id"], "guardianship_proof", "{out}");
        let out = minzheng_json(&format!(
            r#"{{"bundle":"disability_subsidies","facts":{{{facts}}},"submitted":[{{"id":"applicant:guardianship_proof","pledged":true}}]}}"#
        ));
        assert_eq!(out["pledged"][0]["material"], "guardianship_proof", "{out}");
    }

    /// A bundle made with one version of a catalogue, used with another
    /// whose services moved, assesses the services it names, not positions.
    #[test]
    fn a_bundle_follows_its_services_across_versions() {
        let old = minzheng();
        let bundle = old.bundle("elderly_support").unwrap().clone();
        let mut text: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/minzheng/bundle.json")).unwrap(),
        )
        .unwrap();
        let mut extra = text["services"][0].clone();
        extra["id"] = "1.0".into();
        text["services"].as_array_mut().unwrap().push(extra);
        let new = Catalog::from_bundle(&text.to_string()).unwrap();
        let facts = Facts::new(new.vocabulary(), date(46_000));
        let a = new.assess_bundle(&bundle, &facts, &OnFile::NONE).unwrap();
        let ids: Vec<&str> = a.assessments().iter().map(|a| a.service().id()).collect();
        assert_eq!(ids, ["3.1", "4.1"]);
    }

    /// bundles.json must hold its list, and an empty list hashes as none.
    #[test]
    fn bundles_json_is_checked_and_an_empty_list_changes_nothing() {
        let files = crate::source_files();
        let load = |bundles: &str| {
            let mut all: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
            all.retain(|(n, _)| *n != "bundles.json");
            all.push(("bundles.json", bundles));
            Catalog::from_files("v", all)
        };
        let e = load("{}").unwrap_err();
        assert!(e.to_string().contains("bundles"), "{e}");
        let without: Vec<(&str, &str)> =
            files.iter().filter(|(n, _)| n != "bundles.json").map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let none = Catalog::from_files("v", without).unwrap();
        assert_eq!(load(r#"{"bundles":[]}"#).unwrap().content_hash(), none.content_hash());
    }
}

/// A bundle naming a service that fails to load adds no problem of its own:
/// the service's problems say what is wrong.
#[test]
fn a_service_that_fails_to_load_is_not_blamed_on_its_bundle() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/minzheng/bundle.json");
    let mut text: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let first = &mut text["services"][0];
    assert_eq!(first["id"], "1.1");
    first["materials"][0]["form"] = "originall".into();
    let e = Catalog::from_bundle(&text.to_string()).unwrap_err();
    assert!(e.problems().iter().all(|p| !p.path().starts_with("bundles")), "{e}");
    assert!(e.problems().iter().any(|p| p.path().contains("form")), "{e}");
}
