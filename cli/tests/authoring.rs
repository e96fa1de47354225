//! The tools for people who write catalogues, run as they run them:
//! `banshi types` and `banshi test` on the embedded catalogue and on
//! `examples/minzheng`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository: paths are relative to it, and the command runs in it.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn banshi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banshi")).args(args).current_dir(ROOT).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A scratch directory that removes itself.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new(name: &str) -> ScratchDir {
        let path = std::env::temp_dir().join(format!("banshi-authoring-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        ScratchDir(path)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The service ids `banshi services --json` lists for a catalogue.
fn service_ids(catalog: &[&str]) -> Vec<String> {
    let output = banshi(&[catalog, &["services", "--json"]].concat());
    let services: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    services["services"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect()
}

/// The services the scenario files of `dir` name, each once.
fn services_with_scenarios(dir: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        for scenario in file["scenarios"].as_array().unwrap() {
            let id = scenario["service"].as_str().unwrap().to_owned();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

fn assert_all_pass(path: &str, catalog: &[&str]) {
    let output = banshi(&[catalog, &["test", path]].concat());
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{report}{}", String::from_utf8_lossy(&output.stderr));
    assert!(report.contains("个通过，0 个未通过，0 个出错"), "{report}");
    assert!(!report.contains("未通过  "), "{report}");
}

#[test]
fn the_embedded_catalogues_scenarios_pass_and_cover_every_service() {
    assert_all_pass("core/catalog", &[]);
    let mut covered = services_with_scenarios("core/catalog/scenarios");
    let mut all = service_ids(&[]);
    covered.sort();
    all.sort();
    assert_eq!(covered, all, "every embedded service has scenarios");
    assert_eq!(all.len(), 18);
}

#[test]
fn the_scenario_directory_alone_runs_against_the_embedded_build() {
    // The same files, against the compiled-in catalogue rather than the directory.
    assert_all_pass("core/catalog/scenarios", &[]);
}

#[test]
fn the_example_catalogues_scenarios_pass_and_cover_every_service() {
    assert_all_pass("examples/minzheng", &[]);
    // And from its bundle, as a scenario directory with --catalog.
    assert_all_pass("examples/minzheng/scenarios", &["--catalog", "examples/minzheng/bundle.json"]);
    let mut covered = services_with_scenarios("examples/minzheng/scenarios");
    let mut all = service_ids(&["--catalog", "examples/minzheng"]);
    covered.sort();
    all.sort();
    assert_eq!(covered, all, "every example service has scenarios");
}

/// A scenario whose every expectation is wrong: 未婚, untrained, premises not given.
const WRONG: &str = r#"{
  "scenarios": [
    {
      "name": "故意写错的预期",
      "service": "10.1",
      "application_date": "2026-11-27",
      "facts": { "marital_status": "unmarried", "employment_status": "unemployed", "has_training_certificate": false },
      "expect": {
        "eligibility": { "status": "eligible", "why": "写错：未取得培训证书" },
        "required": [
          { "id": "spouse_id_card", "why": "写错：未婚不交配偶证件" },
          { "id": "lease_contract", "why": "场所未回答" }
        ],
        "absent": [{ "id": "marital_status_proof", "why": "写错：未婚须交民政部门证明" }],
        "notice": { "submitted": [{ "id": "photos", "originals": 2 }], "status": "complete", "why": "写错：照片须4张" }
      }
    },
    {
      "name": "正确的预期",
      "service": "10.1",
      "application_date": "2026-11-27",
      "facts": { "marital_status": "married" },
      "expect": { "required": [{ "id": "spouse_id_card", "why": "已婚须交配偶证件" }] }
    }
  ]
}"#;

#[test]
fn a_wrong_expectation_fails_with_expected_and_actual_in_chinese() {
    let dir = ScratchDir::new("wrong");
    let file = dir.write("10.1.json", WRONG);
    let output = banshi(&["test", dir.path()]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(9), "{report}");
    // The file and the scenario are named, with the service.
    assert!(report.contains(&format!("未通过  {file} 第 1 个场景「故意写错的预期」（10.1 小额担保贷款）")), "{report}");
    assert!(report.contains(&format!("通过  {file} 第 2 个场景「正确的预期」")), "{report}");
    let expected = [
        // Eligibility: expected, actual with the rule that fails and why, and the scenario's own why.
        "  申请资格\n    预期：符合申请条件（eligible）\n    实际：不符合申请条件（ineligible）：不满足“申请人须已参加创业培训并取得合格证书”（理由：申请人未取得创业培训合格证书）\n    说明（why）：写错：未取得培训证书",
        "  须提交 spouse_id_card（贷款人配偶有效身份证件）\n    预期：列入材料清单\n    实际：未列入材料清单（按这些情况不需提交）\n    说明（why）：写错：未婚不交配偶证件",
        // A material that depends on a fact not given is pending, and says which.
        "  须提交 lease_contract（经营场所租赁合同）\n    预期：列入材料清单\n    实际：未列入，待定：还需回答 经营场所（premises）",
        "  不须提交 marital_status_proof（民政部门出具的婚姻状况证明）\n    预期：不列入材料清单\n    实际：列入了材料清单（理由：申请人未婚）",
        "  一次性告知\n    预期：材料齐全（complete）\n    实际：材料不全（incomplete）：尚未提交：就业失业登记证、",
        "需要补正：一寸免冠彩照（照片须4张，仅提交2张）",
        "合计 2 个场景：1 个通过，1 个未通过，0 个出错",
    ];
    for text in expected {
        assert!(report.contains(text), "missing:\n{text}\n\nin:\n{report}");
    }
}

#[test]
fn a_mistake_in_a_scenario_file_is_a_coded_error_naming_the_place() {
    let dir = ScratchDir::new("mistakes");
    let scenario = |expect: &str, facts: &str| {
        format!(
            r#"{{"name": "x", "service": "10.1", "application_date": "2026-11-27", "facts": {facts}, "expect": {expect}}}"#
        )
    };
    let cases = [
        (
            scenario(r#"{"requird": []}"#, "{}"),
            "[UNKNOWN_KEY] scenarios[0].expect中有未知字段“requird”，是否应为“required”？",
        ),
        (
            scenario(r#"{"absent": [{"id": "spouse_id_crd", "why": "x"}]}"#, "{}"),
            "[UNKNOWN_MATERIAL] 事项 10.1（scenarios[0].expect.absent[0]） 没有编号为“spouse_id_crd”的材料，是否应为“spouse_id_card”？",
        ),
        (
            scenario(r#"{"absent": [{"id": "spouse_id_card", "why": "x"}]}"#, r#"{"hukuo": "local"}"#),
            "[UNKNOWN_FACT] 未知的申请人信息字段“hukuo”，是否应为“hukou”？",
        ),
        (
            scenario(r#"{"eligibility": {"status": "ok", "why": "x"}}"#, "{}"),
            "[INVALID_VALUE] 字段“scenarios[0].expect.eligibility.status”应为 eligible、ineligible、undetermined 之一",
        ),
        (
            scenario(r#"{"absent": [{"id": "spouse_id_card"}]}"#, "{}"),
            "[MISSING_FIELD] 缺少必填字段“scenarios[0].expect.absent[0].why”",
        ),
        (scenario("{}", "{}"), "[INVALID_VALUE] 字段“scenarios[0].expect”至少应有一项预期"),
        (
            scenario(r#"{"absent": [{"id": "spouse_id_card", "why": "x"}]}"#, r#"{"application_date": "2026-11-27"}"#),
            "[INVALID_VALUE] 字段“scenarios[0].facts.application_date”应写在场景的 application_date 中",
        ),
    ];
    for (i, (text, message)) in cases.iter().enumerate() {
        let file = dir.write(&format!("case{i}.json"), &format!(r#"{{"scenarios": [{text}]}}"#));
        let output = banshi(&["test", &file]);
        let report = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{report}");
        assert!(report.contains(&format!("出错  {file} 第 1 个场景「x」：{message}")), "{message}\n\nin:\n{report}");
    }
    // A repeated key, and a file that is not JSON.
    let repeated = dir.write("repeated.json", r#"{"scenarios": [{"name": "x", "name": "y"}]}"#);
    let report = stdout(&banshi(&["test", &repeated]));
    assert!(report.contains("[DUPLICATE_KEY] 字段“scenarios[0].name”重复出现"), "{report}");
    let broken = dir.write("broken.json", r#"{"scenarios": ["#);
    let output = banshi(&["test", &broken]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(&format!("出错  {broken}：[INVALID_JSON]")), "{}", stdout(&output));
}

/// Hostile scenario files: each a coded error in Chinese, with no English
/// from the JSON parser, and none read past the size limit.
#[test]
fn hostile_scenario_files_are_coded_errors_in_chinese() {
    let dir = ScratchDir::new("hostile");
    let line = |text: &str| {
        let file = dir.write("case.json", text);
        let output = banshi(&["test", &file]);
        assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
        let report = stdout(&output);
        let prefix = format!("出错  {file}：");
        report.lines().find_map(|l| l.strip_prefix(&prefix).map(str::to_owned)).unwrap_or_else(|| panic!("{report}"))
    };
    let cases = [
        (r#"{"scenarios": ["#.to_owned(), "[INVALID_JSON] JSON 格式错误：第 1 行第 15 列：数组未结束（缺少 ]）"),
        ("{\"scenarios\": [1,]}".to_owned(), "[INVALID_JSON] JSON 格式错误：第 1 行第 18 列：多余的逗号"),
        ("{\"scenarios\": 1} x".to_owned(), "[INVALID_JSON] JSON 格式错误：第 1 行第 18 列：JSON 值之后有多余内容"),
        ("{\"scenarios\": 1e999}".to_owned(), "[INVALID_JSON] JSON 格式错误：第 1 行第 19 列：数字超出范围"),
        (
            format!("{}{}", "[".repeat(200), "]".repeat(200)),
            "[INVALID_JSON] JSON 格式错误：第 1 行第 128 列：嵌套超过 128 层",
        ),
    ];
    for (text, expected) in cases {
        let found = line(&text);
        assert_eq!(found, expected);
        assert!(!found.is_ascii() && !found.contains("EOF") && !found.contains("expected"), "{found}");
    }
    // Over the library's 1 MiB request limit: refused, not parsed.
    let big = format!(r#"{{"scenarios": [], "x": "{}"}}"#, "a".repeat(1 << 20));
    assert_eq!(line(&big), format!("[INPUT_TOO_LARGE] 输入过大：{} 字节，上限为 1048576 字节", big.len()));
    // Not UTF-8.
    let file = dir.0.join("case.json");
    std::fs::write(&file, b"{\"scenarios\": [\"\xff\"]}").unwrap();
    let report = stdout(&banshi(&["test", file.to_str().unwrap()]));
    assert!(report.contains("：[INVALID_UTF8]"), "{report}");
}

/// Many facts in one scenario: refused past the vocabulary's size, and the
/// repeated-key check is linear (unit-tested in `scenario.rs`): 50,000
/// members are checked at once.
#[test]
fn a_scenario_with_more_facts_than_the_vocabulary_is_refused() {
    let dir = ScratchDir::new("facts");
    let facts: Vec<String> = (0..50_000).map(|i| format!(r#""f{i}": true"#)).collect();
    let text = format!(
        r#"{{"scenarios": [{{"name": "x", "service": "10.1", "application_date": "2026-11-27", "facts": {{{}}}, "expect": {{"eligibility": {{"status": "eligible", "why": "x"}}}}}}]}}"#,
        facts.join(",")
    );
    let file = dir.write("facts.json", &text);
    let output = banshi(&["test", &file]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("[INVALID_VALUE] 字段“scenarios[0].facts”应为至多"), "{report}");
    assert!(report.contains("实有 50000 项"), "{report}");
}

/// A catalogue directory means its `scenarios/`, with `--catalog` too: its
/// own `facts.json`, `documents.json` and `bundle.json` are not scenarios.
#[test]
fn a_catalogue_directory_means_its_scenarios_with_or_without_catalog() {
    assert_all_pass("examples/minzheng", &["--catalog", "examples/minzheng"]);
    assert_all_pass("examples/minzheng", &["--catalog", "examples/minzheng/bundle.json"]);
    let output = banshi(&["--catalog", "examples/minzheng", "test", "examples/minzheng"]);
    let report = stdout(&output);
    let files = std::fs::read_dir(Path::new(ROOT).join("examples/minzheng/scenarios")).unwrap().count();
    assert!(report.starts_with("场景测试：examples/minzheng/scenarios（"), "{report}");
    assert!(report.contains(&format!("，{files} 个文件）")), "{report}");
}

#[test]
fn a_place_with_no_scenarios_is_an_input_error() {
    let dir = ScratchDir::new("empty");
    let output = banshi(&["test", dir.path()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("中没有场景文件（*.json）"));
    let output = banshi(&["test", "no/such/place"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn types_of_the_embedded_catalogue_are_what_the_npm_package_ships() {
    let output = banshi(&["types"]);
    assert!(output.status.success());
    let types = stdout(&output);
    let (header, declarations) = types.split_once("\n\n").unwrap();
    assert!(header.starts_with("// Generated by `banshi types` from catalogue 2026.11.1 (sha256:"), "{header}");
    let shipped = std::fs::read_to_string(Path::new(ROOT).join("bindings/npm/types.d.ts")).unwrap();
    assert!(shipped.contains(declarations.trim_end()), "types.d.ts does not begin with what banshi types prints");
}

#[test]
fn types_of_the_example_catalogue_speak_its_own_vocabulary() {
    let output = banshi(&["--catalog", "examples/minzheng", "types"]);
    assert!(output.status.success());
    let types = stdout(&output);
    for line in [
        r#"export type ServiceId = "1.1" | "2.1" | "3.1" | "4.1" | "5.1";"#,
        r#"export type DisabilityGrade = "grade_1" | "grade_2" | "grade_3" | "grade_4";"#,
        "  disability_grade?: DisabilityGrade | null;",
        "  monthly_income_per_capita?: number | null;",
        "  district_hukou?: boolean | null;",
        "  application_date: string;",
    ] {
        assert!(types.contains(line), "{line}\n\nin:\n{types}");
    }
    assert!(types.contains(r#""power_of_attorney""#));
    // The embedded catalogue's facts are not this catalogue's.
    assert!(!types.contains("\n  hukou?:") && !types.contains("MaritalStatus"), "{types}");
}
