//! `banshi lint` and `banshi diff`, run as a user runs them, on the embedded
//! catalogue, on `examples/minzheng`, on a hand-made catalogue with one of
//! each problem (`tests/data/lint-problems`), and on edited copies.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use banshi::{Catalog, Date, Facts};
use serde_json::Value;

/// The repository: paths in the tests are relative to it, and the command
/// runs in it.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The hand-made catalogue with one of each problem lint reports.
const PROBLEMS: &str = "cli/tests/data/lint-problems";

/// A catalogue whose one service reads 71 yes/no facts.
const MANY_FACTS: &str = "cli/tests/data/many-facts";

fn banshi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banshi")).args(args).current_dir(ROOT).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(output), String::from_utf8_lossy(&output.stderr)))
}

/// A copy of a catalogue directory in a scratch directory, removed on drop.
struct Copy(PathBuf);

impl Copy {
    fn of(dir: &str, name: &str) -> Copy {
        let to = std::env::temp_dir().join(format!("banshi-audit-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&to);
        copy_dir(&Path::new(ROOT).join(dir), &to);
        Copy(to)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }

    /// Replaces `from` by `to` in one file, which must hold `from` exactly once.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.0.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// Removes the service's material with this id (its whole JSON object).
    fn remove_material(&self, file: &str, id: &str) {
        let path = self.0.join(file);
        let mut service: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let materials = service["materials"].as_array_mut().unwrap();
        let before = materials.len();
        materials.retain(|m| m["id"] != id);
        assert_eq!(materials.len(), before - 1, "{file}: {id}");
        std::fs::write(&path, serde_json::to_string_pretty(&service).unwrap()).unwrap();
    }

    /// The copy, loaded as the library loads a bundle.
    fn load(&self) -> Catalog {
        let bundle = banshi(&["bundle", self.path()]);
        assert!(bundle.status.success(), "{}", String::from_utf8_lossy(&bundle.stderr));
        Catalog::from_bundle(&stdout(&bundle)).unwrap()
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Each finding as `CODE service material/rule fact value`, for comparing.
fn findings(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let part = |k: &str| f.get(k).and_then(Value::as_str).map(|v| format!(" {k}={v}")).unwrap_or_default();
            assert!(!f["message"].as_str().unwrap().is_empty());
            format!(
                "{}{}{}{}{}{}{}",
                f["code"].as_str().unwrap(),
                part("service"),
                part("material"),
                part("other_material"),
                part("rule"),
                part("fact"),
                part("value")
            )
        })
        .collect()
}

#[test]
fn lint_finds_one_of_each_problem_in_the_hand_made_catalogue() {
    let output = banshi(&["--catalog", PROBLEMS, "lint", "--format", "json"]);
    assert_eq!(output.status.code(), Some(10), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        findings(&json(&output)),
        [
            // Declared, and read by nothing.
            "UNREAD_FACT fact=veteran",
            // age_years is read; age_days, of the same date, is not.
            "UNREAD_DERIVED fact=age_days",
            // income_band in [low, middle] names two of its three values.
            "UNMENTIONED_CHOICE fact=income_band value=high",
            // "decision": "" marks an interpretation, with no text.
            "EMPTY_DECISION service=1.1 rule=income_limit",
            // household_size > 20, and its max is 20.
            "NEVER_HOLDS service=1.1 material=large_household_proof",
            // Both the applicant's ID card, and a proxy applicant needs both. Not reported:
            // the proxy's ID card (another owner), the hukou book for `age_years < 18` and for
            // `age_years >= 18` (never both), and the two bank cards of one `one_of`.
            "DUPLICATE_DOCUMENT service=1.1 material=id_card_copy other_material=applicant_id_card",
        ]
    );
    let text = banshi(&["--catalog", PROBLEMS, "lint"]);
    assert_eq!(text.status.code(), Some(10));
    let text = stdout(&text);
    for code in
        ["UNREAD_FACT", "UNREAD_DERIVED", "UNMENTIONED_CHOICE", "EMPTY_DECISION", "NEVER_HOLDS", "DUPLICATE_DOCUMENT"]
    {
        assert!(text.contains(&format!("[{code}]")), "{code} in\n{text}");
    }
    assert!(text.contains("发现 6 个问题"), "{text}");
    assert!(text.contains("“household_size > 20”在任何情况下都不成立"), "{text}");
}

#[test]
fn lint_of_the_embedded_catalogue() {
    let expected = [
        "UNREAD_FACT fact=dibao",
        "UNMENTIONED_CHOICE fact=employment_status value=employed",
        "UNMENTIONED_CHOICE fact=employment_status value=retired",
        "UNMENTIONED_CHOICE fact=premises value=owned",
    ];
    // The same catalogue compiled in and read from its directory.
    for args in [&["lint", "--format", "json"][..], &["--catalog", "core/catalog", "lint", "--format", "json"]] {
        let output = banshi(args);
        assert_eq!(output.status.code(), Some(10), "{args:?}");
        assert_eq!(findings(&json(&output)), expected, "{args:?}");
    }
}

#[test]
fn lint_of_the_example_catalogue() {
    for catalog in ["examples/minzheng", "examples/minzheng/bundle.json"] {
        let output = banshi(&["--catalog", catalog, "lint", "--format", "json"]);
        assert_eq!(output.status.code(), Some(10));
        assert_eq!(
            findings(&json(&output)),
            [
                "UNMENTIONED_CHOICE fact=disability_type value=hearing",
                "UNMENTIONED_CHOICE fact=disability_type value=speech",
                "UNMENTIONED_CHOICE fact=disability_type value=multiple",
                "UNMENTIONED_CHOICE fact=disability_grade value=grade_4",
                "UNMENTIONED_CHOICE fact=assistance_status value=tekun",
                "UNMENTIONED_CHOICE fact=assistance_status value=none",
                "UNMENTIONED_CHOICE fact=hardship_cause value=other",
            ]
        );
    }
}

#[test]
fn lint_exits_0_when_it_finds_nothing() {
    let copy = Copy::of(PROBLEMS, "clean");
    let facts = copy.0.join("facts.json");
    let mut vocabulary: Value = serde_json::from_str(&std::fs::read_to_string(&facts).unwrap()).unwrap();
    vocabulary["facts"].as_array_mut().unwrap().retain(|f| f["name"] != "veteran");
    vocabulary["derived"].as_array_mut().unwrap().retain(|f| f["name"] != "age_days");
    std::fs::write(&facts, vocabulary.to_string()).unwrap();
    copy.edit("services/1.1.json", "[low, middle]", "[low, middle] || income_band == high && resident");
    copy.edit("services/1.1.json", r#""decision": """#, r#""decision": "按示例办法理解""#);
    copy.edit("services/1.1.json", "household_size > 20", "household_size >= 20");
    copy.remove_material("services/1.1.json", "id_card_copy");
    let output = banshi(&["--catalog", copy.path(), "lint"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("未发现问题。\n"));
    let output = banshi(&["--catalog", copy.path(), "lint", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["findings"], serde_json::json!([]));
}

/// An interpretation with no `decision` at all is not lint's to find:
/// loading refuses it, and lint reports that as any command does.
#[test]
fn loading_refuses_an_interpretation_without_its_decision() {
    let copy = Copy::of(PROBLEMS, "undecided");
    let file = copy.0.join("services/1.1.json");
    let mut service: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    service["eligibility"][1].as_object_mut().unwrap().remove("decision");
    std::fs::write(&file, service.to_string()).unwrap();
    let output = banshi(&["--catalog", copy.path(), "lint"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("[INVALID_CATALOG]"), "{stderr}");
    assert!(stderr.contains("既未引用所据原文（source），也没有口径说明（decision）"), "{stderr}");
    // And an empty basis needs a decision too.
    assert!(stderr.contains("缺少法定依据"), "{stderr}");
}

#[test]
fn diff_of_a_catalogue_with_itself_finds_nothing() {
    for (old, new, services) in
        [("embedded", "core/catalog", 18), ("examples/minzheng", "examples/minzheng/bundle.json", 5)]
    {
        let output = banshi(&["diff", old, new, "--format", "json"]);
        assert_eq!(output.status.code(), Some(0));
        let report = json(&output);
        assert_eq!(report["services"], serde_json::json!([]), "{old} {new}");
        assert_eq!(report["services_unchanged"], services);
        assert_eq!(report["old"]["catalog_hash"], report["new"]["catalog_hash"]);
        let text = stdout(&banshi(&["diff", old, new]));
        assert!(text.contains(&format!("有变化 0 项，未变 {services} 项")), "{text}");
    }
}

/// Every combination of `values`, the first varying fastest, as facts for
/// `catalog` on `date`.
fn combinations(catalog: &Catalog, date: &str, values: &[(&str, Vec<Value>)]) -> Vec<Facts> {
    let mut all = vec![serde_json::Map::new()];
    for (name, options) in values.iter().rev() {
        all = all
            .into_iter()
            .flat_map(|facts| {
                options.iter().map(move |v| {
                    let mut facts = facts.clone();
                    facts.insert((*name).to_owned(), v.clone());
                    facts
                })
            })
            .collect();
    }
    all.into_iter()
        .map(|mut facts| {
            facts.insert("application_date".to_owned(), date.into());
            Facts::from_json(catalog.vocabulary(), &Value::Object(facts).to_string()).unwrap()
        })
        .collect()
}

/// How many of `applicants` get a different eligibility or checklist from
/// the two catalogues, counted here from the library's typed answers.
fn differing(old: &Catalog, new: &Catalog, service: &str, applicants: &[(Facts, Facts)]) -> (u64, u64, u64) {
    let (mut affected, mut eligibility, mut checklist) = (0, 0, 0);
    for (a, b) in applicants {
        let (x, y) = (old.assess(service, a).unwrap(), new.assess(service, b).unwrap());
        let items = |a: &banshi::Assessment<'_>| {
            let mut items: Vec<_> =
                a.checklist().map(|i| (i.id().to_owned(), i.requirement().options().to_vec())).collect();
            items.sort_by(|p, q| p.0.cmp(&q.0));
            items
        };
        let e = x.eligibility() != y.eligibility();
        let c = items(&x) != items(&y);
        eligibility += u64::from(e);
        checklist += u64::from(c);
        affected += u64::from(e || c);
    }
    (affected, eligibility, checklist)
}

fn counts(service: &Value) -> (u64, u64, u64, u64) {
    let a = &service["applicants"];
    assert_eq!(a["tried"], a["total"], "not sampled");
    let n = |k: &str| a[k].as_u64().unwrap();
    (n("total"), n("affected"), n("eligibility_differs"), n("checklist_differs"))
}

#[test]
fn diff_of_the_example_catalogue_counts_whom_a_change_affects() {
    let copy = Copy::of("examples/minzheng", "minzheng");
    // One material removed: 3.1's 独居 form, asked when `living_alone`.
    copy.remove_material("services/3.1.json", "living_alone_form");
    // One condition changed: 5.1 asks the household's ID cards from three members up, not two.
    copy.edit("services/5.1.json", r#""when": "household_size >= 2""#, r#""when": "household_size >= 3""#);

    let output = banshi(&["diff", "examples/minzheng", copy.path(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let report = json(&output);
    assert_eq!(report["services_unchanged"], 3);
    let services = report["services"].as_array().unwrap();
    assert_eq!(services.len(), 2);
    let (s31, s51) = (&services[0], &services[1]);
    assert_eq!(s31["id"], "3.1");
    assert_eq!(
        s31["materials"]["removed"],
        serde_json::json!([{"id": "living_alone_form", "name": "《示例区独居老年人信息登记表》"}])
    );
    assert_eq!(s31["fields"], serde_json::json!(["facts"]), "3.1 no longer reads living_alone");
    assert_eq!(s51["id"], "5.1");
    assert_eq!(
        s51["materials"]["changed"],
        serde_json::json!([{"id": "household_member_id_copies", "fields": ["when"]}])
    );
    assert_eq!(
        s51["conditions"],
        serde_json::json!([{"of": "material", "id": "household_member_id_copies",
                            "old": "household_size >= 2", "new": "household_size >= 3"}])
    );

    // The same counts, from the documented generator's values written out by
    // hand and the library's answers. On 2026-01-01 (no validity dates):
    let (old, new) = (
        Catalog::from_bundle(&std::fs::read_to_string(Path::new(ROOT).join("examples/minzheng/bundle.json")).unwrap())
            .unwrap(),
        copy.load(),
    );
    let pairs = |values: &[(&str, Vec<Value>)]| -> Vec<(Facts, Facts)> {
        combinations(&old, "2026-01-01", values).into_iter().zip(combinations(&new, "2026-01-01", values)).collect()
    };
    let b = || vec![Value::from(false), Value::from(true)];
    // 3.1: birth_date: born that day, and around 80 (`age_years >= 80`): turning 80 tomorrow, 80 today, 81 today;
    // proxy, district_hukou and living_alone (read by the old version only): both values.
    let births = ["2026-01-01", "1946-01-02", "1946-01-01", "1945-01-01"].map(Value::from).to_vec();
    let s31_values = [("birth_date", births), ("proxy", b()), ("district_hukou", b()), ("living_alone", b())];
    let applicants = pairs(&s31_values);
    assert_eq!(applicants.len(), 32);
    let expected = differing(&old, &new, "3.1", &applicants);
    // Everyone living alone brought the form, and no longer does: half.
    assert_eq!(expected, (16, 0, 16));
    let (total, affected, eligibility, checklist) = counts(s31);
    assert_eq!((total, (affected, eligibility, checklist)), (32, expected));

    // 5.1: counts at 0, their max, and either side of each constant: 2200 (income), 2 and 3 (household), 1 (years).
    let counts_of = |v: &[u32]| v.iter().map(|&n| Value::from(n)).collect::<Vec<_>>();
    let choices = |v: &[&str]| v.iter().map(|&s| Value::from(s)).collect::<Vec<_>>();
    let s51_values = [
        ("district_hukou", b()),
        ("assistance_status", choices(&["dibao", "low_income", "tekun", "none"])),
        ("monthly_income_per_capita", counts_of(&[0, 2199, 2200, 2201, 100_000])),
        ("hardship_cause", choices(&["accident", "illness", "expense_surge", "other"])),
        ("household_size", counts_of(&[0, 1, 2, 3, 4, 20])),
        ("residence_years", counts_of(&[0, 1, 2, 100])),
    ];
    let applicants = pairs(&s51_values);
    assert_eq!(applicants.len(), 2 * 4 * 5 * 4 * 6 * 4);
    let expected = differing(&old, &new, "5.1", &applicants);
    // Households of exactly 2 lose the requirement: one household size in six.
    assert_eq!(expected, (640, 0, 640));
    let (total, affected, eligibility, checklist) = counts(s51);
    assert_eq!((total, (affected, eligibility, checklist)), (3840, expected));

    // Examples are applicants who are affected, with what changed for them.
    let example = &s51["applicants"]["examples"][0];
    assert_eq!(example["facts"]["household_size"], 2);
    assert_eq!(example["removed"], serde_json::json!(["household_member_id_copies"]));
    let text = stdout(&banshi(&["diff", "examples/minzheng", copy.path()]));
    assert!(text.contains("删除材料：living_alone_form（《示例区独居老年人信息登记表》）"), "{text}");
    assert!(
        text.contains("条件变更：材料 household_member_id_copies：“household_size >= 2” → “household_size >= 3”"),
        "{text}"
    );
    assert!(text.contains("受影响的申请人：16 / 32（资格不同 0，材料清单不同 16）"), "{text}");
    assert!(text.contains("受影响的申请人：640 / 3840（资格不同 0，材料清单不同 640）"), "{text}");
    assert!(text.contains("不再需要：household_member_id_copies"), "{text}");
}

#[test]
fn diff_of_the_embedded_catalogue_counts_whom_a_change_affects() {
    let copy = Copy::of("core/catalog", "embedded");
    // The README's example: the spouse's ID card from divorced borrowers too.
    let file = copy.0.join("services/10.1.json");
    let mut service: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let spouse = service["materials"].as_array_mut().unwrap().iter_mut().find(|m| m["id"] == "spouse_id_card").unwrap();
    assert_eq!(spouse["when"], "marital_status == married");
    spouse["when"] = "marital_status in [married, divorced]".into();
    std::fs::write(&file, serde_json::to_string_pretty(&service).unwrap()).unwrap();

    let output = banshi(&["diff", "embedded", copy.path(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["services_unchanged"], 17);
    let s = &report["services"][0];
    assert_eq!(s["id"], "10.1");
    assert_eq!(
        s["conditions"],
        serde_json::json!([{"of": "material", "id": "spouse_id_card",
                            "old": "marital_status == married", "new": "marital_status in [married, divorced]"}])
    );
    // 10.1 reads six facts: hukou, marital_status (4 values), employment_status (4), premises and two yes/no facts.
    let old = Catalog::embedded();
    let new = copy.load();
    let b = || vec![Value::from(false), Value::from(true)];
    let values = [
        ("hukou", vec!["local".into(), "nonlocal".into()]),
        ("marital_status", vec!["unmarried".into(), "married".into(), "divorced".into(), "widowed".into()]),
        ("employment_status", vec!["employed".into(), "unemployed".into(), "flexible".into(), "retired".into()]),
        ("premises", vec!["owned".into(), "leased".into()]),
        ("has_training_certificate", b()),
        ("college_graduate", b()),
    ];
    let applicants: Vec<(Facts, Facts)> =
        combinations(old, "2026-01-01", &values).into_iter().zip(combinations(&new, "2026-01-01", &values)).collect();
    let expected = differing(old, &new, "10.1", &applicants);
    assert_eq!(expected, (64, 0, 64), "the divorced quarter");
    let (total, affected, eligibility, checklist) = counts(s);
    assert_eq!((total, (affected, eligibility, checklist)), (256, expected));
    assert_eq!(s["applicants"]["examples"][0]["facts"]["marital_status"], "divorced");
    assert_eq!(s["applicants"]["examples"][0]["added"], serde_json::json!(["spouse_id_card"]));
}

#[test]
fn diff_samples_past_its_limit_and_moves_its_date() {
    let copy = Copy::of("examples/minzheng", "limit");
    copy.edit("services/5.1.json", r#""when": "household_size >= 2""#, r#""when": "household_size >= 3""#);
    let output = banshi(&[
        "diff",
        "examples/minzheng",
        copy.path(),
        "--limit",
        "100",
        "--date",
        "2030-06-30",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["application_date"], "2030-06-30");
    let a = &report["services"][0]["applicants"];
    assert_eq!((a["total"].as_u64(), a["tried"].as_u64()), (Some(3840), Some(100)));
    // Spread over the whole set: about one in six of them has a household of two.
    let affected = a["affected"].as_u64().unwrap();
    assert!((10..=25).contains(&affected), "{affected}");
    assert!(
        stdout(&banshi(&["diff", "examples/minzheng", copy.path(), "--limit", "100"]))
            .contains("共 3840 种组合，取样 100 人")
    );
}

/// 71 yes/no facts per application date: 2^71 applicants, past what 64 bits count.
#[test]
fn diff_samples_past_64_bits_of_combinations_over_every_fact_and_date() {
    let (old, new) = (Copy::of(MANY_FACTS, "many-old"), Copy::of(MANY_FACTS, "many-new"));
    for copy in [&old, &new] {
        copy.edit("services/1.1.json", r#""when": "b69","#, r#""when": "b69", "valid_from": "2025-06-01","#);
    }
    new.edit("services/1.1.json", r#""when": "b69","#, r#""when": "b69 && b0","#);
    let limit = 20_000;
    let output = banshi(&["diff", old.path(), new.path(), "--limit", &limit.to_string(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let a = &json(&output)["services"][0]["applicants"];
    assert_eq!((&a["total"], a["tried"].as_u64()), (&Value::Null, Some(limit)));
    let text = stdout(&banshi(&["diff", old.path(), new.path(), "--limit", "10"]));
    assert!(text.contains("共不少于 2^64 种组合，取样 10 人"), "{text}");

    // Independently of the assessor: material x is asked by the old version and not by the new one from
    // 2025-06-01 (two of the three dates: 2025-05-31, 2025-06-01 and 2026-01-01) when b69 && !b0.
    let (old, new) = (old.load(), new.load());
    let applicants = banshi::Applicants::new(
        Some(old.service("1.1").unwrap()),
        Some(new.service("1.1").unwrap()),
        Date::new(2026, 1, 1).unwrap(),
    );
    let mut dates = Vec::new();
    let mut expected = 0;
    for applicant in applicants.sample(limit) {
        let facts: Value = serde_json::from_str(&applicant.to_json()).unwrap();
        let date = applicant.application_date();
        if dates.last() != Some(&date) {
            dates.push(date);
        }
        expected += u64::from(date >= Date::new(2025, 6, 1).unwrap() && facts["b69"] == true && facts["b0"] == false);
    }
    assert_eq!(dates.len(), 3);
    assert_eq!(a["affected"].as_u64(), Some(expected));
    assert_eq!(a["checklist_differs"].as_u64(), Some(expected));
    // Two dates in three, one applicant in four on them: about 1/6 of the sample.
    let share = expected as f64 / limit as f64;
    assert!((0.15..0.183).contains(&share), "{share}");
}

#[test]
fn diff_takes_a_limit_from_one_to_a_million() {
    for limit in ["0", "1000001", "-1", "18446744073709551616", "十"] {
        let output = banshi(&["diff", "embedded", "embedded", "--limit", limit]);
        assert_eq!(output.status.code(), Some(2), "{limit}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("banshi: --limit 应为 1 到 1000000 的整数，而不是 "), "{stderr}");
    }
    for limit in ["1", "1000000"] {
        let output = banshi(&["diff", PROBLEMS, PROBLEMS, "--limit", limit, "--format", "json"]);
        assert_eq!(output.status.code(), Some(0), "{limit}");
        assert_eq!(json(&output)["limit"].as_u64(), Some(limit.parse().unwrap()));
    }
}

#[test]
fn diff_tries_the_days_around_a_validity_date() {
    let copy = Copy::of(PROBLEMS, "valid-from");
    copy.edit(
        "services/1.1.json",
        r#""form": "original", "basis": ["rules"], "source": "申请表"}"#,
        r#""form": "original", "basis": ["rules"], "source": "申请表", "valid_from": "2027-01-01"}"#,
    );
    let output = banshi(&["diff", PROBLEMS, copy.path(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let s = &json(&output)["services"][0];
    assert_eq!(s["materials"]["changed"], serde_json::json!([{"id": "application_form", "fields": ["valid_from"]}]));
    // Per application date: birth_date (that day; 17, 18 and 19 years) × proxy × resident × income_band (3)
    // × household_size (0, 19, 20). On 2026-01-01 and 2026-12-31 the form is no longer asked; on 2027-01-01 it is.
    let per_date = 4 * 2 * 2 * 3 * 3;
    assert_eq!(counts(s), (3 * per_date, 2 * per_date, 0, 2 * per_date));
}

#[test]
fn diff_refuses_what_it_cannot_read() {
    let output = banshi(&["diff", "embedded", "no/such/catalogue"]);
    assert_eq!(output.status.code(), Some(2));
    let output = banshi(&["diff", "embedded", "core/catalog", "--date", "2026-02-30"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("--date"));
    let output = banshi(&["diff", "embedded"]);
    assert_eq!(output.status.code(), Some(2));
    let output = banshi(&["diff", "embedded", "embedded", "--format", "html"]);
    assert_eq!(output.status.code(), Some(2));
    let output = banshi(&["lint", "--format", "html"]);
    assert_eq!(output.status.code(), Some(2));
    let copy = Copy::of(PROBLEMS, "broken");
    copy.edit("services/1.1.json", r#""requires": "resident""#, r#""requires": "residnet""#);
    let output = banshi(&["diff", "embedded", copy.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr).unwrap().contains("[INVALID_CATALOG]"));
}

/// Dates from the generator are real dates banshi takes.
#[test]
fn generated_birth_dates_are_the_documented_ones() {
    let catalog = Catalog::embedded();
    let service = catalog.service("1.1").unwrap();
    let applicants = banshi::Applicants::new(Some(service), Some(service), Date::new(2024, 2, 29).unwrap());
    let mut births: Vec<String> = applicants
        .sample(u64::MAX)
        .map(|a| serde_json::from_str::<Value>(&a.to_json()).unwrap()["birth_date"].as_str().unwrap().to_owned())
        .collect();
    births.sort();
    births.dedup();
    // 1.1 compares age_days with 90 and age_years with 18: born that day, 89, 90 and 91 days before; and
    // turning 18 tomorrow, 18 today (28 February for a 29 February), 19 today.
    assert_eq!(
        births,
        ["2005-02-28", "2006-02-28", "2006-03-01", "2023-11-30", "2023-12-01", "2023-12-02", "2024-02-29"]
            .map(str::to_owned)
            .to_vec()
    );
}
