//! Engine invariants, checked over random applicants for every service.

use std::collections::BTreeSet;

use banshi::{Catalog, Date, Facts, IdNumber, Service, Submission};
use proptest::prelude::*;

/// The date `days` days after 1900-01-01 (Hinnant's `civil_from_days`).
pub(crate) fn date(days: i32) -> Date {
    let z = days - 25_567 + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    Date::new(year, month, day).unwrap()
}

fn opt<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 4 => s.prop_map(Some)].boxed()
}

/// Any valid facts: an application date in 2020–2030 and a birth date up to
/// 100 years before it, every other fact of the embedded vocabulary random
/// or absent.
fn any_facts() -> impl Strategy<Value = Facts> {
    let dates = (43_830..47_800i32, 0..36_500i32);
    let pick = |values: &'static [&'static str]| opt(proptest::sample::select(values));
    let choices = (
        pick(&["local", "nonlocal"]),
        pick(&["unmarried", "married", "divorced", "widowed"]),
        pick(&["employed", "unemployed", "flexible", "retired"]),
        pick(&["graduate", "flexible_worker", "sole_proprietor"]),
        pick(&["emergency_observation", "newborn_inpatient"]),
        pick(&["owned", "leased"]),
    );
    let flags = proptest::collection::vec(opt(any::<bool>()), 8);
    (dates, choices, flags, opt(0..6u32)).prop_map(|((app, age), c, f, years)| {
        let application = date(app);
        let mut facts = Facts::new(Catalog::embedded().vocabulary(), application);
        if f[7] != Some(false) {
            facts.set("birth_date", date((app - age).max(0))).unwrap();
        }
        for (key, value) in CHOICES.iter().zip([c.0, c.1, c.2, c.3, c.4, c.5]) {
            if let Some(value) = value {
                facts.set(key, value).unwrap();
            }
        }
        for (key, value) in FLAGS.iter().zip(&f) {
            if let Some(value) = *value {
                facts.set(key, value).unwrap();
            }
        }
        if let Some(years) = years {
            facts.set("subsidy_years_received", years).unwrap();
        }
        facts
    })
}

const CHOICES: [&str; 6] =
    ["hukou", "marital_status", "employment_status", "insurance_category", "reimbursement_case", "premises"];
const FLAGS: [&str; 7] = [
    "proxy",
    "disabled",
    "dibao",
    "receipt_names_parent",
    "has_training_certificate",
    "college_graduate",
    "receiving_flexible_subsidy",
];

fn any_service() -> impl Strategy<Value = &'static Service> {
    proptest::sample::select(Catalog::embedded().services().iter().collect::<Vec<_>>())
}

/// Everything a fully answered applicant must bring: every fact given.
fn complete(mut facts: Facts) -> Facts {
    let json = facts.to_json();
    let given = |key: &str| json.contains(&format!("\"{key}\""));
    if !given("birth_date") {
        facts.set("birth_date", Date::new(1980, 1, 1).unwrap()).unwrap();
    }
    for (key, value) in
        CHOICES.iter().zip(["local", "married", "unemployed", "flexible_worker", "newborn_inpatient", "leased"])
    {
        if !given(key) {
            facts.set(key, value).unwrap();
        }
    }
    for key in FLAGS {
        if !given(key) {
            facts.set(key, true).unwrap();
        }
    }
    if !given("subsidy_years_received") {
        facts.set("subsidy_years_received", 0u32).unwrap();
    }
    facts
}

/// What satisfies a requirement: its first option, in full.
fn full(service: &Service, facts: &Facts) -> Vec<Submission> {
    let a = Catalog::embedded().assess(service.id(), facts).unwrap();
    a.checklist()
        .map(|i| {
            let m = &i.requirement().options()[0];
            Submission::new(m.id(), m.originals(), m.copies())
        })
        .collect()
}

fn ids(service: &Service, facts: &Facts) -> (BTreeSet<String>, BTreeSet<String>) {
    let a = Catalog::embedded().assess(service.id(), facts).unwrap();
    (a.checklist().map(|i| i.id().to_owned()).collect(), a.pending().map(|p| p.requirement().id().to_owned()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn adding_a_proxy_adds_only_proxy_documents(service in any_service(), facts in any_facts()) {
        let mut alone = facts.clone();
        alone.set("proxy", false).unwrap();
        let mut with = facts;
        with.set("proxy", true).unwrap();
        let (before, before_pending) = ids(service, &alone);
        let (after, after_pending) = ids(service, &with);
        prop_assert!(before.is_subset(&after), "{}: removed {:?}", service.id(), before.difference(&after).collect::<Vec<_>>());
        prop_assert!(before_pending.is_subset(&after_pending.union(&after).cloned().collect()));
        for added in after.difference(&before) {
            let r = service.requirements().iter().find(|r| r.id() == added).unwrap();
            prop_assert!(r.options().iter().all(|m| m.owner() == "proxy"), "{}: {added} is not the proxy's", service.id());
        }
    }

    #[test]
    fn single_applicants_never_bring_spouse_documents(service in any_service(), facts in any_facts(), status in 0..3usize) {
        let mut facts = facts;
        facts.set("marital_status", ["unmarried", "divorced", "widowed"][status]).unwrap();
        let a = Catalog::embedded().assess(service.id(), &facts).unwrap();
        let spouse = |r: &banshi::Requirement| r.options().iter().any(|m| m.owner() == "spouse");
        prop_assert!(!a.checklist().any(|i| spouse(i.requirement())));
        prop_assert!(!a.pending().any(|p| spouse(p.requirement())), "a spouse document can never become required");
    }

    #[test]
    fn assessment_is_deterministic_and_its_json_round_trips(service in any_service(), facts in any_facts()) {
        let again = Facts::from_json(banshi::Catalog::embedded().vocabulary(), &facts.to_json()).unwrap();
        prop_assert_eq!(&again, &facts);
        let one = Catalog::embedded().assess(service.id(), &facts).unwrap().to_json();
        let two = Catalog::embedded().assess(service.id(), &again).unwrap().to_json();
        prop_assert_eq!(&one, &two);
        let request = format!(r#"{{"service":"{}","facts":{}}}"#, service.id(), facts.to_json());
        let via_json = banshi::json::assess(Catalog::embedded(), &request).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&via_json).unwrap();
        prop_assert_eq!(parsed["service"]["id"].as_str(), Some(service.id()));
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&one).unwrap()["checklist"].clone(), parsed["checklist"].clone());
    }

    #[test]
    fn submitting_everything_is_complete_and_dropping_k_reports_exactly_those(
        service in any_service(),
        facts in any_facts(),
        keep in proptest::collection::vec(any::<bool>(), 32),
    ) {
        let facts = complete(facts);
        let everything = full(service, &facts);
        let notice = Catalog::embedded().check(service.id(), &facts, &everything).unwrap();
        prop_assert_eq!(notice.missing().len() + notice.defective().len(), 0);
        prop_assert_eq!(notice.assessment().pending().len(), 0);

        let (kept, dropped): (Vec<_>, Vec<_>) = everything.iter().cloned().enumerate().partition(|(i, _)| keep[*i % keep.len()]);
        let kept: Vec<Submission> = kept.into_iter().map(|(_, s)| s).collect();
        let notice = Catalog::embedded().check(service.id(), &facts, &kept).unwrap();
        let missing: Vec<String> = notice.missing().map(|i| i.requirement().options()[0].id().to_owned()).collect();
        let dropped: Vec<String> = dropped.into_iter().map(|(_, s)| s.id).collect();
        prop_assert_eq!(missing, dropped);
        prop_assert_eq!(notice.defective().len(), 0);
    }

    #[test]
    fn doing_what_the_notice_says_completes_the_file(
        service in any_service(),
        facts in any_facts(),
        counts in proptest::collection::vec((0..3u32, 0..3u32, any::<bool>()), 40),
    ) {
        let facts = complete(facts);
        // A random first submission over every material the service knows.
        let all: Vec<&banshi::Material> = service.requirements().iter().flat_map(|r| r.options()).collect();
        let first: Vec<Submission> = all.iter().zip(&counts).filter(|(_, c)| c.2).map(|(m, c)| Submission::new(m.id(), c.0, c.1)).collect();
        let notice = Catalog::embedded().check(service.id(), &facts, &first).unwrap();

        // Bring what it lists, in the numbers it states; keep the rest.
        let mut second = first.clone();
        for item in notice.missing() {
            let m = &item.requirement().options()[0];
            match second.iter_mut().find(|s| s.id == m.id()) {
                // Listed with nothing in hand: it counts as not submitted.
                Some(s) => (s.originals, s.copies) = (m.originals(), m.copies()),
                None => second.push(Submission::new(m.id(), m.originals(), m.copies())),
            }
        }
        for defect in notice.defective() {
            let s = second.iter_mut().find(|s| s.id == defect.material().id()).unwrap();
            s.originals = s.originals.max(defect.material().originals());
            s.copies = s.copies.max(defect.material().copies());
        }
        let again = Catalog::embedded().check(service.id(), &facts, &second).unwrap();
        prop_assert_eq!(again.missing().len(), 0, "{}: a new missing item appeared", service.id());
        prop_assert_eq!(again.defective().len(), 0);
    }

    #[test]
    fn the_fast_json_equals_the_serialize_impl(
        service in any_service(),
        facts in any_facts(),
        counts in proptest::collection::vec((0..3u32, 0..3u32, any::<bool>()), 40),
    ) {
        // to_json copies fragments prepared at load; the Serialize impl is the
        // reference, written here by serde_json, an independent serializer.
        let a = Catalog::embedded().assess(service.id(), &facts).unwrap();
        prop_assert_eq!(a.to_json(), serde_json::to_string(&a).unwrap());
        let all: Vec<&banshi::Material> = service.requirements().iter().flat_map(|r| r.options()).collect();
        let submitted: Vec<Submission> =
            all.iter().zip(&counts).filter(|(_, c)| c.2).map(|(m, c)| Submission::new(m.id(), c.0, c.1)).collect();
        let notice = Catalog::embedded().check(service.id(), &facts, &submitted).unwrap();
        prop_assert_eq!(notice.to_json(), serde_json::to_string(&notice).unwrap());
    }

    #[test]
    fn valid_id_numbers_validate_and_any_single_change_fails(
        region in proptest::sample::select(vec!["110105", "120101", "310104", "440305", "650102", "820000"]),
        birth in 0..40_000i32,
        serial in 0..1000u32,
        position in 0..18usize,
        replacement in 0..11u32,
    ) {
        let body = format!("{region}{}{serial:03}", date(birth).to_string().replace('-', ""));
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = body.bytes().zip(weights).map(|(b, w)| u32::from(b - b'0') * w).sum();
        let check = b"10X98765432"[(sum % 11) as usize] as char;
        let id = format!("{body}{check}");
        prop_assert!(IdNumber::parse(&id).is_ok(), "{id}");

        let mut changed: Vec<char> = id.chars().collect();
        let new = if replacement == 10 { 'X' } else { char::from_digit(replacement, 10).unwrap() };
        prop_assume!(changed[position] != new && !(position < 17 && new == 'X'));
        changed[position] = new;
        let changed: String = changed.into_iter().collect();
        prop_assert!(IdNumber::parse(&changed).is_err(), "{changed} should fail");
    }
}
