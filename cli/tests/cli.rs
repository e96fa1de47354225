//! The `banshi` command, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");

fn banshi(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banshi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn example(name: &str) -> String {
    format!("{EXAMPLES}/{name}")
}

#[test]
fn assess_prints_a_grouped_checklist_with_reasons() {
    let o = banshi(&["assess", "10.1", "--facts", &example("10.1-married.json")], "");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    for expected in [
        "申请资格：符合",
        "【配偶】",
        "贷款人配偶有效身份证件",
        "理由：申请人已婚",
        "【反担保人】",
        "理由：申请人户籍为外地",
        "津银发〔2013〕93号",
    ] {
        assert!(text.contains(expected), "missing {expected} in\n{text}");
    }
    let single = stdout(&banshi(&["assess", "10.1", "--facts", &example("10.1-unmarried.json")], ""));
    assert!(!single.contains("【配偶】") && single.contains("民政部门出具的婚姻状况证明"), "{single}");
}

#[test]
fn json_output_is_the_library_output() {
    let facts = std::fs::read_to_string(example("8.1-nonlocal.json")).unwrap();
    let o = banshi(&["assess", "8.1", "--facts", "-", "--json"], &facts);
    let request = format!(r#"{{"service":"8.1","facts":{facts}}}"#);
    let library = banshi::json::assess(banshi::Catalog::embedded(), &request).unwrap();
    assert_eq!(stdout(&o).trim_end(), library);
}

#[test]
fn check_prints_the_one_time_notice() {
    let o = banshi(
        &["check", "10.1", "--facts", &example("10.1-married.json"), "--submitted", &example("10.1-submitted.json")],
        "",
    );
    let text = stdout(&o);
    assert!(o.status.success());
    for expected in [
        "一次性告知书",
        "一、尚未提交的材料（10 项）",
        "二、需要补正的材料（3 项）",
        "须提交原件，仅提交了复印件",
        "照片须4张，仅提交2张",
    ] {
        assert!(text.contains(expected), "missing {expected} in\n{text}");
    }
}

#[test]
fn bad_input_exits_non_zero_with_a_coded_message() {
    let o = banshi(&["assess", "10.1", "--facts", "-"], r#"{"application_date":"2026-11-27","hukuo":"local"}"#);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("UNKNOWN_FACT") && err.contains("hukou"), "{err}");

    let o = banshi(&["assess", "10.1", "--facts", "-", "--json"], r#"{"application_date":"2026-02-30"}"#);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(r#""code":"INVALID_DATE""#));

    let o = banshi(&["assess", "10.1", "--facts", "-"], "{ not json");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_JSON"));

    assert_eq!(banshi(&["assess", "10.1"], "").status.code(), Some(2), "--facts is required");
    assert_eq!(banshi(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(banshi(&["assess", "10.1", "--facts", "/nonexistent.json"], "").status.code(), Some(2));
    assert_eq!(banshi(&["show", "12.1"], "").status.code(), Some(1));
    assert_eq!(banshi(&["--catalog", "/nonexistent", "services"], "").status.code(), Some(2), "unreadable catalogue");
}

#[test]
fn batch_keeps_order_reports_each_failure_and_uses_threads() {
    let good = r#"{"service":"8.1","facts":{"application_date":"2026-11-27","hukou":"nonlocal","birth_date":"1990-01-01","proxy":false}}"#;
    let bad = r#"{"service":"8.1","facts":{"application_date":"2026-11-27","hukou":"elsewhere"}}"#;
    let lines: Vec<&str> = (0..500).map(|i| if i % 7 == 3 { bad } else { good }).collect();
    let o = banshi(&["batch", "assess", "--threads", "2"], &(lines.join("\n") + "\n"));
    assert_eq!(o.status.code(), Some(1), "some lines failed");
    let out = stdout(&o);
    let outputs: Vec<&str> = out.lines().collect();
    assert_eq!(outputs.len(), 500);
    for (i, line) in outputs.iter().enumerate() {
        assert_eq!(line.starts_with(r#"{"error""#), i % 7 == 3, "line {i}");
    }
    let ok = banshi(&["batch", "assess", "--threads", "3"], &format!("{good}\n{good}\n"));
    assert!(ok.status.success());
    assert_eq!(stdout(&ok).lines().count(), 2);
}

#[test]
fn show_lists_and_validates() {
    let guide = stdout(&banshi(&["show", "3.1"], ""));
    assert!(guide.contains("25330659") && guide.contains("（可选）"), "{guide}");
    let list = stdout(&banshi(&["services"], ""));
    assert_eq!(list.lines().count(), 19, "{list}");
    let id = stdout(&banshi(&["validate", "id", "11010519491231002X"], ""));
    assert_eq!(id.trim(), "有效：110105********002X，出生日期 1949-12-31");
    let bad = banshi(&["validate", "id", "110105194912310021"], "");
    assert!(!stdout(&bad).contains("19491231"), "never echo the number");
}

#[test]
fn a_catalogue_directory_or_bundle_loads_at_run_time() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/catalog");
    let bundle = banshi(&["bundle", dir], "");
    assert!(bundle.status.success(), "{}", String::from_utf8_lossy(&bundle.stderr));
    let path = std::env::temp_dir().join(format!("banshi-bundle-{}.json", std::process::id()));
    std::fs::write(&path, &bundle.stdout).unwrap();
    let from_bundle = banshi(&["--catalog", path.to_str().unwrap(), "services", "--json"], "");
    let from_dir = banshi(&["--catalog", dir, "services", "--json"], "");
    let embedded = banshi(&["services", "--json"], "");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(stdout(&from_bundle), stdout(&embedded));
    assert_eq!(stdout(&from_dir), stdout(&embedded));
}
