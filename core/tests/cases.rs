//! The product's named cases, with their boundaries.

use banshi::{Catalog, Eligibility};

use crate::{checklist, facts, reasons};

const LOCAL_ADULT: &str = r#""application_date":"2026-11-27","birth_date":"1990-05-01","hukou":"local","proxy":false"#;

// --- 新生儿 90 天内 (1.1) -----------------------------------------------

fn newborn(birth: &str) -> String {
    format!(r#"{{"application_date":"2026-11-27","birth_date":"{birth}","proxy":true}}"#)
}

#[test]
fn newborn_within_90_days_brings_the_birth_certificate() {
    for birth in ["2026-11-27", "2026-10-28", "2026-08-30"] {
        let ids = checklist("1.1", &newborn(birth));
        assert!(ids.contains(&"birth_certificate".to_owned()), "born {birth}: {ids:?}");
        assert!(!ids.contains(&"applicant_id_card".to_owned()), "born {birth}: {ids:?}");
    }
    assert_eq!(reasons("1.1", &newborn("2026-08-30"), "birth_certificate"), ["新生儿出生未满90天"]);
    let service = Catalog::embedded().service("1.1").unwrap();
    let a = Catalog::embedded().assess(service.id(), &facts(&newborn("2026-08-30"))).unwrap();
    let cert = a.checklist().find(|i| i.id() == "birth_certificate").unwrap();
    let m = &cert.requirement().options()[0];
    assert_eq!((m.form().name(), m.originals(), m.copies()), ("original_and_copy", 1, 1));
}

#[test]
fn the_newborn_boundary_is_day_90() {
    // Day 89 (born 2026-08-30): still a newborn. Day 90 (born 2026-08-29): not.
    let day_89 = checklist("1.1", &newborn("2026-08-30"));
    let day_90 = checklist("1.1", &newborn("2026-08-29"));
    assert!(day_89.contains(&"birth_certificate".to_owned()));
    assert!(!day_90.contains(&"birth_certificate".to_owned()));
    assert!(day_90.contains(&"applicant_id_card".to_owned()));
    assert_eq!(reasons("1.1", &newborn("2026-08-29"), "applicant_id_card"), ["申请人出生已满90天，须提供本人身份证"]);
}

#[test]
fn newborn_depends_on_the_birth_date_and_says_so() {
    let service = Catalog::embedded().service("1.1").unwrap();
    let a =
        Catalog::embedded().assess(service.id(), &facts(r#"{"application_date":"2026-11-27","proxy":false}"#)).unwrap();
    let pending: Vec<_> = a.pending().map(|p| p.requirement().id().to_owned()).collect();
    // The proxy's ID too: a newborn cannot apply in person (one rule for
    // every service: proxy || age_years < 18).
    assert_eq!(pending, ["applicant_id_card", "proxy_id_card", "birth_certificate"]);
    assert_eq!(a.missing_facts().map(|f| f.name()).collect::<Vec<_>>(), ["birth_date"]);
}

// --- 单身 (10.1) ----------------------------------------------------------

fn loan(marital: &str) -> String {
    format!(
        r#"{{{LOCAL_ADULT},"marital_status":"{marital}","employment_status":"unemployed","has_training_certificate":true,"college_graduate":false,"premises":"owned"}}"#
    )
}

#[test]
fn only_married_borrowers_bring_spouse_documents() {
    let spouse = ["spouse_id_card", "spouse_hukou_book"];
    for marital in ["unmarried", "divorced", "widowed"] {
        let ids = checklist("10.1", &loan(marital));
        for s in spouse.iter().chain(&["marriage_certificate"]) {
            assert!(!ids.contains(&s.to_string()), "{marital}: {s} must not be asked");
        }
        assert!(ids.contains(&"marital_status_proof".to_owned()), "{marital}: 民政部门证明");
    }
    let married = checklist("10.1", &loan("married"));
    for s in spouse.iter().chain(&["marriage_certificate"]) {
        assert!(married.contains(&s.to_string()), "married: {s}");
    }
    assert!(!married.contains(&"marital_status_proof".to_owned()));
    assert_eq!(reasons("10.1", &loan("married"), "spouse_id_card"), ["申请人已婚"]);
    assert_eq!(reasons("10.1", &loan("divorced"), "marital_status_proof"), ["申请人离异"]);
    assert_eq!(reasons("10.1", &loan("unmarried"), "marital_status_proof"), ["申请人未婚"]);
}

#[test]
fn the_loan_checklist_is_complete_and_ordered() {
    let ids = checklist("10.1", &loan("married"));
    assert_eq!(
        ids,
        [
            "employment_registration_card",
            "applicant_id_card",
            "applicant_hukou_book",
            "marriage_certificate",
            "spouse_id_card",
            "spouse_hukou_book",
            "training_certificate",
            "loan_application_form",
            "counter_guarantor_employer_proof",
            "counter_guarantor_id_card",
            "counter_guarantor_hukou_book",
            "counter_guarantor_housing_fund",
            "photos",
            "business_license",
            "premises_title_certificate",
            "project_review_report",
            "referral_letter",
        ]
    );
    let leased = loan("married").replace("owned", "leased");
    assert!(checklist("10.1", &leased).contains(&"lease_contract".to_owned()));
    assert!(checklist("10.1", &leased).contains(&"premises_title_certificate".to_owned()));
}

#[test]
fn loan_eligibility_explains_itself() {
    let service = Catalog::embedded().service("10.1").unwrap();
    let ok = Catalog::embedded().assess(service.id(), &facts(&loan("married"))).unwrap();
    assert_eq!(ok.eligibility(), Eligibility::Eligible);
    let why: Vec<String> = ok.rules().flat_map(|r| r.because().map(|b| b.to_string()).collect::<Vec<_>>()).collect();
    assert_eq!(why, ["申请人为失业人员", "申请人已取得创业培训合格证书"]);

    let untrained =
        loan("married").replace(r#""has_training_certificate":true"#, r#""has_training_certificate":false"#);
    let no = Catalog::embedded().assess(service.id(), &facts(&untrained)).unwrap();
    assert_eq!(no.eligibility(), Eligibility::Ineligible);
    let failed: Vec<_> = no.rules().filter(|r| r.met() == Some(false)).map(|r| r.rule().text().to_owned()).collect();
    assert_eq!(failed, ["申请人须已参加创业培训并取得合格证书"]);
}

// --- 外地 (3.3, 6.1, 10.1, 8.1) -------------------------------------------

#[test]
fn nonlocal_applicants_bring_a_residence_permit_where_the_seed_lists_it() {
    let nonlocal = LOCAL_ADULT.replace(r#""hukou":"local""#, r#""hukou":"nonlocal""#);
    let cases = [
        ("3.3", String::new(), "residence_permit"),
        (
            "10.1",
            r#","marital_status":"unmarried","employment_status":"unemployed","has_training_certificate":true,"college_graduate":false,"premises":"owned""#.to_owned(),
            "residence_permit",
        ),
    ];
    for (service, extra, permit) in cases {
        let outside = format!("{{{nonlocal}{extra}}}");
        let inside = format!("{{{LOCAL_ADULT}{extra}}}");
        assert!(checklist(service, &outside).contains(&permit.to_owned()), "{service} 外地");
        assert!(!checklist(service, &inside).contains(&permit.to_owned()), "{service} 本市");
        assert_eq!(reasons(service, &outside, permit).last().unwrap(), "申请人户籍为外地");
    }
    // 6.1 serves only 外省市在津灵活就业人员, so its flexible workers and sole
    // proprietors always bring one, and its graduates are not asked for one:
    // the seed does not list it.
    for (case, permit) in
        [("flexible_worker", "flexible_residence_permit"), ("sole_proprietor", "proprietor_residence_permit")]
    {
        let outside = format!(r#"{{{nonlocal},"insurance_category":"{case}"}}"#);
        assert!(checklist("6.1", &outside).contains(&permit.to_owned()), "6.1 {case}");
        assert_eq!(reasons("6.1", &outside, permit).len(), 1);
    }
    let graduate = format!(r#"{{{nonlocal},"insurance_category":"graduate"}}"#);
    assert!(!checklist("6.1", &graduate).iter().any(|id| id.contains("residence")));
}

#[test]
fn only_applicants_from_outside_tianjin_use_6_1() {
    let service = Catalog::embedded().service("6.1").unwrap();
    let local = facts(&format!(r#"{{{LOCAL_ADULT},"insurance_category":"flexible_worker"}}"#));
    let a = Catalog::embedded().assess(service.id(), &local).unwrap();
    assert_eq!(a.eligibility(), Eligibility::Ineligible);
    let rule = a.rules().next().unwrap();
    assert_eq!(rule.rule().id(), "nonlocal");
    assert!(rule.rule().decision().unwrap().contains("外省市在津"));
}

#[test]
fn nonlocal_social_security_card_applicants_upload_a_photo() {
    let nonlocal = format!("{{{}}}", LOCAL_ADULT.replace(r#""hukou":"local""#, r#""hukou":"nonlocal""#));
    assert_eq!(checklist("8.1", &nonlocal), ["applicant_id_card", "electronic_photo"]);
    assert_eq!(checklist("8.1", &format!("{{{LOCAL_ADULT}}}")), ["applicant_id_card"]);
    let service = Catalog::embedded().service("8.1").unwrap();
    let (_, photo) = service.material("electronic_photo").unwrap();
    let file = photo.file().unwrap();
    assert_eq!((file.formats(), file.max_bytes()), (&["jpg".to_owned()][..], 122_880));
}

// --- minors and proxies ---------------------------------------------------

#[test]
fn minors_use_the_household_register_and_a_guardian() {
    let minor = r#"{"application_date":"2026-11-27","birth_date":"2010-01-01","hukou":"local","proxy":false}"#;
    assert_eq!(checklist("8.1", minor), ["proxy_id_card", "child_hukou_page"]);
    assert_eq!(reasons("8.1", minor, "proxy_id_card"), ["申请人不满18周岁"]);
    let eighteen = r#"{"application_date":"2026-11-27","birth_date":"2008-11-27","hukou":"local","proxy":false}"#;
    assert_eq!(checklist("8.1", eighteen), ["applicant_id_card"]);
    let child = r#"{"application_date":"2026-11-27","birth_date":"2020-06-01","proxy":true,"reimbursement_case":"emergency_observation"}"#;
    let ids = checklist("1.2", child);
    assert!(ids.contains(&"child_hukou_book".to_owned()) && !ids.contains(&"applicant_id_card".to_owned()));
}

#[test]
fn a_proxy_adds_the_proxys_id_where_the_seed_says_so() {
    for service in ["1.1", "4.1", "4.2", "4.3", "8.1"] {
        let base = r#"{"application_date":"2026-11-27","birth_date":"1950-01-01","hukou":"local","proxy":false}"#;
        let with = base.replace(r#""proxy":false"#, r#""proxy":true"#);
        let added: Vec<String> =
            checklist(service, &with).into_iter().filter(|id| !checklist(service, base).contains(id)).collect();
        assert_eq!(added, ["proxy_id_card"], "{service}");
        assert_eq!(reasons(service, &with, "proxy_id_card"), ["由代办人办理"]);
    }
    let service = Catalog::embedded().service("4.2").unwrap();
    let (_, proxy) = service.material("proxy_id_card").unwrap();
    assert_eq!((proxy.owner(), proxy.copies()), ("proxy", 0), "4.2: 代办人身份证只需原件");
}

// --- cases (1.2, 6.1) -----------------------------------------------------

#[test]
fn reimbursement_is_split_into_its_two_cases() {
    let service = Catalog::embedded().service("1.2").unwrap();
    let undecided = Catalog::embedded().assess(service.id(), &facts(r#"{"application_date":"2026-11-27"}"#)).unwrap();
    assert_eq!(undecided.checklist().len(), 0);
    assert!(undecided.missing_facts().any(|f| f.name() == "reimbursement_case"));

    let newborn = r#"{"application_date":"2026-11-27","birth_date":"2026-11-01","reimbursement_case":"newborn_inpatient","receipt_names_parent":true}"#;
    let a = Catalog::embedded().assess(service.id(), &facts(newborn)).unwrap();
    assert_eq!(a.case().unwrap().name(), "新生儿住院垫付");
    let ids: Vec<_> = a.checklist().map(|i| i.id()).collect();
    assert_eq!(ids.len(), 8);
    assert!(ids.contains(&"newborn_birth_certificate"));
    assert_eq!(
        reasons("1.2", newborn, "newborn_birth_certificate"),
        ["报销情形为新生儿住院垫付", "住院收据姓名写作“XX之子/XX之女”"]
    );
    let named = newborn.replace(r#""receipt_names_parent":true"#, r#""receipt_names_parent":false"#);
    assert!(!checklist("1.2", &named).contains(&"newborn_birth_certificate".to_owned()));

    let (_, receipts) = service.material("emergency_receipts").unwrap();
    assert_eq!(receipts.stamps(), ["现金收讫章", "急诊章", "门诊全额垫付章"]);
}

#[test]
fn an_alternative_is_one_requirement_with_options() {
    let service = Catalog::embedded().service("3.3").unwrap();
    let education = service.requirements().iter().find(|r| r.id() == "education_proof").unwrap();
    assert!(education.is_one_of());
    let names: Vec<_> = education.options().iter().map(|m| m.name()).collect();
    assert_eq!(names, ["学历证书", "学校开具的学历证明"]);
}

#[test]
fn photos_carry_their_specs() {
    let service = Catalog::embedded().service("2.1").unwrap();
    let (_, photos) = service.material("photos").unwrap();
    let spec = photos.photo().unwrap();
    assert_eq!((spec.size().name(), spec.color(), spec.bareheaded(), spec.count()), ("1寸", true, true, 4));
    assert_eq!(photos.originals(), 4);
    let (_, photo) = Catalog::embedded().service("3.1").unwrap().material("photo").unwrap();
    assert_eq!(photo.photo().unwrap().size().name(), "2寸");
}

#[test]
fn the_pension_services_state_no_eligibility_the_seed_does_not() {
    // The seed lists no eligibility for 4.1 and 4.3, and for 4.2 only what
    // its name says (残疾人): banshi adds no 户籍 or age rule of its own.
    for (id, rules) in [("4.1", &[][..]), ("4.2", &["disabled"][..]), ("4.3", &[][..])] {
        let service = Catalog::embedded().service(id).unwrap();
        let ids: Vec<&str> = service.eligibility().iter().map(|r| r.id()).collect();
        assert_eq!(ids, rules, "{id}");
    }
    let f = facts(r#"{"application_date":"2026-11-27","birth_date":"2026-11-01","proxy":true}"#);
    assert_eq!(Catalog::embedded().assess("4.3", &f).unwrap().eligibility(), Eligibility::Eligible);
}

#[test]
fn the_one_time_notice_lists_everything_at_once() {
    use banshi::{NoticeStatus, Submission};
    let service = Catalog::embedded().service("10.1").unwrap();
    let f = facts(&loan("married"));
    let submitted = [
        Submission::new("applicant_id_card", 0, 1), // a copy where the original is needed
        Submission::new("photos", 2, 0),            // two photos of four
        Submission::new("spouse_id_card", 1, 0),    // no copy
        Submission::new("marital_status_proof", 1, 1), // not needed: married
    ];
    let notice = Catalog::embedded().check(service.id(), &f, &submitted).unwrap();
    assert_eq!(notice.status(), NoticeStatus::Incomplete);
    let defects: Vec<(String, Vec<String>)> = notice
        .defective()
        .map(|d| (d.material().id().to_owned(), d.problems().map(|p| p.to_string()).collect()))
        .collect();
    assert_eq!(
        defects,
        [
            ("applicant_id_card".to_owned(), vec!["须提交原件，仅提交了复印件".to_owned()]),
            ("spouse_id_card".to_owned(), vec!["未提交复印件（须1份）".to_owned()]),
            ("photos".to_owned(), vec!["照片须4张，仅提交2张".to_owned()]),
        ]
    );
    assert_eq!(notice.missing().len(), 17 - 3);
    assert_eq!(notice.not_required().map(|m| m.id()).collect::<Vec<_>>(), ["marital_status_proof"]);
}
