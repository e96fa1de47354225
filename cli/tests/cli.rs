//! The `banshi` command, run as a user runs it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");

/// A request that succeeds, for batch input.
const GOOD: &str = r#"{"service":"8.1","facts":{"application_date":"2026-11-27","hukou":"nonlocal","birth_date":"1990-01-01","proxy":false}}"#;

/// Generous: these tests assert that the command ends, not how fast.
const DEADLINE: Duration = Duration::from_secs(120);

fn banshi(args: &[&str], stdin: &str) -> Output {
    banshi_bytes(args, stdin.as_bytes().to_vec())
}

/// Runs the command with `stdin` fed from another thread, so that large
/// input and large output cannot block each other.
fn banshi_bytes(args: &[&str], stdin: Vec<u8>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banshi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin); // the command may stop reading early
    });
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    output
}

/// Waits for `child` at most [`DEADLINE`]; kills it and fails if it hangs.
fn wait_bounded(child: &mut Child, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    child.stderr.take().unwrap().read_to_string(&mut text).unwrap();
    text
}

/// A scratch file that removes itself.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, contents: &[u8]) -> Scratch {
        let path = std::env::temp_dir().join(format!("banshi-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        Scratch(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn good_lines(n: usize) -> Vec<u8> {
    format!("{GOOD}\n").repeat(n).into_bytes()
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
    assert_eq!(o.status.code(), Some(5), "materials are incomplete");
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

/// The notice names documents as `assess` does, never by citation id, and
/// shows each interpretation beside its item as 口径说明.
#[test]
fn every_text_answer_shows_basis_and_interpretation() {
    let facts = example("10.1-married.json");
    let notice =
        stdout(&banshi(&["check", "10.1", "--facts", &facts, "--submitted", &example("10.1-submitted.json")], ""));
    let assessment = stdout(&banshi(&["assess", "10.1", "--facts", &facts], ""));
    let guide = stdout(&banshi(&["show", "10.1"], ""));
    for (what, text) in [("check", &notice), ("assess", &assessment), ("show", &guide)] {
        assert!(!text.contains("jyf_2013_93"), "{what} prints a citation id:\n{text}");
        assert!(text.contains("津银发〔2013〕93号"), "{what}:\n{text}");
        // 10.1's review report: its owner is a recorded interpretation.
        assert!(text.contains("口径说明：种子未写明审查报告由谁出具"), "{what}:\n{text}");
    }
    // The notice's conclusion keeps the materials and eligibility apart.
    assert!(notice.contains("结论：材料不全，请按以下内容一次性补正；申请人符合申请条件"), "{notice}");
    // A seed's vague reference is shown as the seed wrote it, never as a 《title》.
    let vague = stdout(&banshi(&["show", "3.1"], ""));
    assert!(vague.contains("  天津人社局下发文件") && !vague.contains("《天津人社局下发文件》"), "{vague}");
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
    let good = GOOD;
    let bad = r#"{"service":"8.1","facts":{"application_date":"2026-11-27","hukou":"elsewhere"}}"#;
    let lines: Vec<&str> = (0..500).map(|i| if i % 7 == 3 { bad } else { good }).collect();
    let o = banshi(&["batch", "assess", "--threads", "2"], &(lines.join("\n") + "\n"));
    assert_eq!(o.status.code(), Some(1), "some lines failed");
    let out = stdout(&o);
    let outputs: Vec<&str> = out.lines().collect();
    assert_eq!(outputs.len(), 500);
    for (i, line) in outputs.iter().enumerate() {
        assert_eq!(line.starts_with(r#"{"error""#), i % 7 == 3, "line {i}");
        if i % 7 == 3 {
            assert!(line.ends_with(&format!(r#","line":{}}}}}"#, i + 1)), "the input line number: {line}");
        }
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

#[test]
fn batch_into_a_closed_pipe_ends_quietly() {
    // Enough lines to fill the work queue many times over.
    let input = Scratch::new("closed-pipe.jsonl", &good_lines(20_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_banshi"))
        .args(["batch", "assess", "--threads", "2", "--input", input.path()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with(r#"{"catalog_version""#), "{first}");
    // The reader is dropped here, like `| head -1`.
    let status = wait_bounded(&mut child, "batch into a closed pipe");
    assert_eq!(status.code(), Some(141), "the conventional code of a closed pipe");
    assert_eq!(stderr_of(&mut child), "", "a closed pipe is not an error to report");
}

#[test]
fn batch_into_a_full_disk_fails_with_one_line() {
    let input = Scratch::new("dev-full.jsonl", &good_lines(20_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_banshi"))
        .args(["batch", "assess", "--threads", "2", "--input", input.path()])
        .stdin(Stdio::null())
        .stdout(std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_bounded(&mut child, "batch into /dev/full");
    let err = stderr_of(&mut child);
    assert_eq!(status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("os error 28"), "{err}");
}

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases");

/// The library's error JSON for invalid UTF-8, as the conformance case has it.
fn invalid_utf8_error() -> String {
    let text = std::fs::read_to_string(format!("{CASES}/assess/error-invalid-utf8.out")).unwrap();
    text.trim_end().strip_suffix("}}").unwrap().to_owned()
}

#[test]
fn batch_answers_an_invalid_utf8_line_in_place() {
    let bad = std::fs::read(format!("{CASES}/assess/error-invalid-utf8.req")).unwrap();
    let mut input = Vec::new();
    for n in 1..=2001 {
        input.extend_from_slice(if n == 1001 { bad.trim_ascii_end() } else { GOOD.as_bytes() });
        input.push(b'\n');
    }
    let o = banshi_bytes(&["batch", "assess", "--threads", "2"], input);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("用法") && err.lines().count() == 1, "one line, no usage: {err}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2001, "one output line per input line");
    for (i, line) in lines.iter().enumerate() {
        if i + 1 == 1001 {
            assert_eq!(*line, format!(r#"{},"line":1001}}}}"#, invalid_utf8_error()));
        } else {
            assert!(line.starts_with(r#"{"catalog_version""#), "line {}: {line}", i + 1);
        }
    }
}

#[test]
fn batch_skips_an_over_long_line_and_goes_on() {
    let long = format!(r#"{{"service":"8.1","facts":{{"note":"{}"}}}}"#, "a".repeat(2 << 20));
    let input = format!("{GOOD}\n{long}\n{GOOD}\n{long}\n{GOOD}"); // the last line has no newline
    let o = banshi_bytes(&["batch", "assess", "--threads", "2"], input.into_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out:.300}");
    for i in [0, 2, 4] {
        assert!(lines[i].starts_with(r#"{"catalog_version""#), "line {}: {:.200}", i + 1, lines[i]);
    }
    for i in [1, 3] {
        let size = long.len();
        assert!(lines[i].starts_with(r#"{"error":{"code":"INPUT_TOO_LARGE","number":15,"#), "{:.200}", lines[i]);
        assert!(lines[i].contains(&format!("{size} 字节")), "the whole size is counted: {}", lines[i]);
    }
}

/// The peak resident memory of a running process, in KiB (Linux).
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn batch_reads_an_over_long_line_in_bounded_memory() {
    const MIB: usize = 1 << 20;
    let mut child = Command::new(env!("CARGO_BIN_EXE_banshi"))
        .args(["batch", "assess", "--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut pipe = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        pipe.write_all(br#"{"service":"8.1","facts":{"note":""#).unwrap();
        let block = vec![b'a'; MIB];
        for _ in 0..256 {
            pipe.write_all(&block).unwrap();
        }
        // 256 MiB of one line have gone into the pipe, and all but a pipe's
        // worth of it has been read: the command must not have kept it.
        let peak = peak_rss_kib(pid);
        pipe.write_all(format!("\"}}}}\n{GOOD}\n").as_bytes()).unwrap();
        peak
    });
    let mut stdout = String::new();
    child.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
    let peak = feeder.join().unwrap();
    let status = wait_bounded(&mut child, "batch with a 256 MiB line");
    assert!(peak < 64 * 1024, "peak RSS {peak} KiB while reading a 256 MiB line");
    assert_eq!(status.code(), Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(r#"{"error":{"code":"INPUT_TOO_LARGE""#), "{:.200}", lines[0]);
    assert!(lines[1].starts_with(r#"{"catalog_version""#), "{:.200}", lines[1]);
}

/// The write end of a pipe whose reader has exited, like `| head -1` after
/// its line: every write to it fails with a broken pipe.
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let pipe = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    Stdio::from(pipe)
}

fn banshi_into(args: &[&str], stdout: Stdio) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banshi"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_bounded(&mut child, &args.join(" "));
    (status.code(), stderr_of(&mut child))
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let facts = example("10.1-married.json");
    for args in [
        &["services"][..],
        &["services", "--json"],
        &["show", "10.1"],
        &["assess", "10.1", "--facts", &facts],
        &["vocabulary"],
        &["version"],
        &["validate", "date", "2026-11-27"],
    ] {
        assert_eq!(banshi_into(args, closed_pipe()), (Some(141), String::new()), "{args:?}");
    }
    // The error of a failed request still reaches stderr, with its own code.
    let (code, err) = banshi_into(&["show", "12.1", "--json"], closed_pipe());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("UNKNOWN_SERVICE") && !err.contains("panicked"), "{err}");
}

#[test]
fn a_full_disk_is_one_line_and_exit_3() {
    let full = || Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap());
    for args in [&["services"][..], &["show", "10.1"], &["vocabulary"]] {
        let (code, err) = banshi_into(args, full());
        assert_eq!(code, Some(3), "{args:?}: {err}");
        assert!(err.lines().count() == 1 && err.contains("os error 28"), "{args:?}: {err}");
    }
    // A failed request keeps its own code and message.
    let (code, err) = banshi_into(&["show", "12.1", "--json"], full());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.lines().count() == 1 && err.contains("UNKNOWN_SERVICE"), "{err}");
}

#[test]
fn version_and_help_in_every_spelling() {
    let expected = format!("banshi {} (catalogue {})\n", banshi::VERSION, banshi::Catalog::embedded().version());
    for args in [&["--version"][..], &["-V"], &["version"]] {
        let o = banshi(args, "");
        assert_eq!((o.status.code(), stdout(&o)), (Some(0), expected.clone()), "{args:?}");
    }
    for args in [&["help"][..], &["--help"], &["-h"], &["show", "--help"]] {
        let o = banshi(args, "");
        let text = stdout(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        for expected in ["用法", "Usage", "退出码", "Exit codes", "141", "\"line\""] {
            assert!(text.contains(expected), "{args:?}: missing {expected} in\n{text}");
        }
    }
}

#[test]
fn runtime_errors_are_one_line_and_only_usage_mistakes_print_the_usage() {
    for (args, stdin, code) in [
        (&["show", "12.1"][..], "", 1),
        (&["assess", "10.1", "--facts", "-"], "{ not json", 1),
        (&["assess", "10.1", "--facts", "/nonexistent.json"], "", 2),
        (&["--catalog", "/nonexistent", "services"], "", 2),
        (&["batch", "assess", "--input", "/nonexistent.jsonl"], "", 2),
    ] {
        let o = banshi(args, stdin);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    for args in [&["frobnicate"][..], &["assess", "10.1"], &["--frobnicate"], &["batch", "assess", "--threads", "0"]] {
        let o = banshi(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("Usage"), "{args:?}");
    }
}

#[test]
fn validate_and_check_exit_codes_tell_the_answer() {
    let code = |args: &[&str], stdin: &str| banshi(args, stdin).status.code();
    assert_eq!(code(&["validate", "id", "11010519491231002X"], ""), Some(0));
    assert_eq!(code(&["validate", "id", "110105194912310021"], ""), Some(4));
    assert_eq!(code(&["validate", "date", "2026-02-30", "--json"], ""), Some(4));
    assert_eq!(code(&["validate", "date", "2026-02-28"], ""), Some(0));

    let facts = example("10.1-married.json");
    let submitted = example("10.1-submitted.json");
    assert_eq!(code(&["check", "10.1", "--facts", &facts, "--submitted", &submitted], ""), Some(5));
    assert_eq!(code(&["check", "10.1", "--facts", &facts, "--submitted", &submitted, "--json"], ""), Some(5));
    // Everything the checklist asks for, in full: complete.
    let assessment = stdout(&banshi(&["assess", "10.1", "--facts", &facts, "--json"], ""));
    let assessment: serde_json::Value = serde_json::from_str(&assessment).unwrap();
    let all: Vec<serde_json::Value> = assessment["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let m = item.get("one_of").map_or(item, |options| &options[0]);
            serde_json::json!({"id": m["id"], "originals": m["originals"], "copies": m["copies"]})
        })
        .collect();
    let all = serde_json::to_string(&all).unwrap();
    assert_eq!(code(&["check", "10.1", "--facts", &facts, "--submitted", "-"], &all), Some(0), "{all}");
    // Not eligible: 6.1 serves only applicants from outside Tianjin.
    // Undetermined: no birth date, so the proxy's ID may be needed.
    let local = r#"{"application_date":"2026-11-27","hukou":"local","insurance_category":"flexible_worker"}"#;
    let empty = Scratch::new("empty-submission.json", b"[]");
    assert_eq!(code(&["check", "6.1", "--facts", "-", "--submitted", empty.path()], local), Some(6));
    let unknown = r#"{"application_date":"2026-11-27"}"#;
    assert_eq!(code(&["check", "4.3", "--facts", "-", "--submitted", empty.path()], unknown), Some(5));
    let both = Scratch::new(
        "both.json",
        br#"[{"id":"hukou_book","originals":1,"copies":2},{"id":"applicant_id_card","originals":1,"copies":2}]"#,
    );
    assert_eq!(code(&["check", "4.3", "--facts", "-", "--submitted", both.path()], unknown), Some(7));
}

#[test]
fn show_lists_material_ids_and_unknown_ids_point_to_it() {
    let guide = stdout(&banshi(&["show", "8.1"], ""));
    for id in ["applicant_id_card", "proxy_id_card", "electronic_photo"] {
        assert!(guide.contains(&format!("编号：{id}")), "{id} in\n{guide}");
    }
    let options = stdout(&banshi(&["show", "3.3"], ""));
    assert!(options.contains("编号：diploma（学历证书） 或 school_certificate（"), "{options}");

    let photo = Scratch::new("photo.jpg", b"jpg");
    let near = banshi(&["validate", "file", "8.1", "electronic_phto", photo.path()], "");
    let err = String::from_utf8_lossy(&near.stderr);
    assert!(err.contains("UNKNOWN_MATERIAL") && err.contains("是否应为“electronic_photo”"), "{err}");
    let far = banshi(&["validate", "file", "8.1", "zzzz", photo.path()], "");
    let err = String::from_utf8_lossy(&far.stderr);
    assert_eq!(far.status.code(), Some(1));
    assert!(err.lines().count() == 1 && err.contains("banshi show 8.1"), "{err}");
}

#[test]
fn html_documents_come_from_the_library_with_the_id_number_masked() {
    let args = [
        "check",
        "10.1",
        "--facts",
        &example("10.1-married.json"),
        "--submitted",
        &example("10.1-submitted.json"),
        "--format",
        "html",
        "--name",
        "张三",
        "--id-number",
        "11010519491231002X",
    ];
    let o = banshi(&args, "");
    assert_eq!(o.status.code(), Some(5), "the exit code still tells the materials' status");
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("需要补正的材料（3 项）"), "{page}");
    assert!(page.contains("110105********002X") && !page.contains("11010519491231002X"));
    let facts = std::fs::read_to_string(example("10.1-married.json")).unwrap();
    let submitted = std::fs::read_to_string(example("10.1-submitted.json")).unwrap();
    let request = format!(r#"{{"service":"10.1","facts":{facts},"submitted":{submitted}}}"#);
    let options = r#"{"applicant_name":"张三","id_number":"11010519491231002X"}"#;
    let library = banshi::html::notice(banshi::Catalog::embedded(), &request, options).unwrap();
    assert_eq!(page.trim_end(), library.trim_end());

    let guide = banshi(&["show", "10.1", "--format", "html"], "");
    assert!(guide.status.success());
    assert_eq!(stdout(&guide).trim_end(), banshi::html::guide(banshi::Catalog::embedded(), "10.1").unwrap().trim_end());
    let bad = banshi(&["show", "10.1", "--format", "pdf"], "");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn verify_tells_whether_this_catalogue_gives_exactly_this_response() {
    let facts = std::fs::read_to_string(example("10.1-married.json")).unwrap();
    let request = format!(r#"{{"service":"10.1","facts":{facts}}}"#);
    let response = banshi::json::assess(banshi::Catalog::embedded(), &request).unwrap();
    let dir = std::env::temp_dir().join(format!("banshi-verify-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("catalog/services")).unwrap();
    let (req, resp) = (dir.join("request.json"), dir.join("response.json"));
    std::fs::write(&req, &request).unwrap();
    std::fs::write(&resp, format!("{response}\n")).unwrap();
    let (req, resp) = (req.to_str().unwrap(), resp.to_str().unwrap());
    let same = banshi(&["verify", req, resp], "");
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(stdout(&same).starts_with("一致"));

    // The same catalogue version, one rule changed: the hash tells them apart.
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/catalog");
    for name in ["VERSION", "facts.json", "documents.json"] {
        std::fs::copy(format!("{source}/{name}"), dir.join("catalog").join(name)).unwrap();
    }
    for entry in std::fs::read_dir(format!("{source}/services")).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("10.1.json") {
            text = text.replacen(
                r#""when": "marital_status == married""#,
                r#""when": "marital_status in [married, divorced]""#,
                1,
            );
        }
        std::fs::write(dir.join("catalog/services").join(path.file_name().unwrap()), text).unwrap();
    }
    let changed = banshi(&["--catalog", dir.join("catalog").to_str().unwrap(), "verify", req, resp], "");
    let text = stdout(&changed);
    assert_eq!(changed.status.code(), Some(8), "{text}");
    assert!(text.contains("目录摘要：答复为 sha256:") && !text.contains("目录版本：答复为"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The GB/T 39046 export holds every service and every material of the
/// catalogue (each option of a one-of requirement), in JSON and in CSV.
#[test]
fn the_gbt39046_export_counts_match_the_catalogue() {
    let catalog = banshi::Catalog::embedded();
    let o = banshi(&["export", "--format", "gbt39046"], "");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let export: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(export["catalog_hash"], catalog.content_hash());
    let services = export["services"].as_array().unwrap();
    assert_eq!(services.len(), 18);
    assert_eq!(services.len(), catalog.services().len());
    let mut total = 0;
    for (service, element) in catalog.services().iter().zip(services) {
        assert_eq!(element["事项序号"], service.id());
        assert_eq!(element["事项名称"], service.name());
        let expected: usize = service.requirements().iter().map(|r| r.options().len()).sum();
        let materials = element["申请材料"].as_array().unwrap();
        assert_eq!(materials.len(), expected, "{}", service.id());
        assert_eq!(element["设定依据"].as_array().unwrap().len(), service.legal_basis().len(), "{}", service.id());
        assert_eq!(element["办理流程"].as_array().unwrap().len(), service.steps().len(), "{}", service.id());
        assert_eq!(element["受理条件"].as_array().unwrap().len(), service.eligibility().len(), "{}", service.id());
        assert_eq!(element["监督投诉电话"], service.supervision().phone());
        // The embedded catalogue has no 事项编码; 出具单位 is the document registry's issuer, where it names one.
        assert!(element["事项编码"].is_null(), "no code is made up");
        let guide: serde_json::Value =
            serde_json::from_str(&banshi::json::service(catalog, service.id()).unwrap()).unwrap();
        let documents: Vec<&str> = guide["materials"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["one_of"].as_array().map_or_else(|| vec![r], |o| o.iter().collect()))
            .map(|m| m["document"].as_str().unwrap())
            .collect();
        for (m, document) in materials.iter().zip(&documents) {
            let issuer = catalog.document(document).unwrap().issuer();
            assert_eq!(m["出具单位"].as_str(), issuer, "{}: {}", service.id(), m["材料编号"]);
            let scope = m["适用情形"].as_str().unwrap_or_default();
            assert!(!scope.contains("==") && !scope.contains('_'), "{}: {scope}", service.id());
        }
        total += expected;
    }
    let csv = banshi(&["export", "--format", "gbt39046-csv"], "");
    let text = stdout(&csv);
    let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert!(rows[0].starts_with("事项序号,事项编码,事项名称"));
    assert_eq!(rows.len() - 1, total, "one CSV row per material");
    assert_eq!(banshi(&["export"], "").status.code(), Some(2));
}

/// No CLI message echoes an ID number: not an argument, not the path of a
/// file or directory it cannot read.
#[test]
fn messages_mask_id_numbers_in_arguments_and_paths() {
    for args in [
        &["show", "11010519491231002X"][..],
        &["assess", "10.1", "--facts", "/nonexistent/11010519491231002X.json"],
        &["--catalog", "/nonexistent/110105194912310021", "services"],
    ] {
        let o = banshi(args, "");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?}");
        assert!(err.contains("110105********"), "{args:?}: {err}");
        assert!(!err.contains("19491231"), "{args:?} echoes the ID number: {err}");
    }
}

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The command line for a conformance request `tests/<path>`: its target
/// (a service number, a bundle's id, or services joined by `+`), its facts
/// and submissions in scratch files, and its documents on file as
/// `--on-file`; `catalogue` prefixes `--catalog`. The scratch files live as
/// long as the returned guard.
fn args_of(path: &str, catalogue: Option<&str>) -> (Vec<String>, Vec<Scratch>) {
    let req: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/tests/{path}")).unwrap()).unwrap();
    let call = if path.contains("/check/") { "check" } else { "assess" };
    let target = match (&req["service"], &req["bundle"]) {
        (serde_json::Value::String(id), _) | (_, serde_json::Value::String(id)) => id.clone(),
        (_, serde_json::Value::Array(ids)) => ids.iter().map(|s| s.as_str().unwrap()).collect::<Vec<_>>().join("+"),
        _ => panic!("{path}: no target"),
    };
    let name = path.replace('/', "-");
    let facts = Scratch::new(&format!("{name}.facts.json"), req["facts"].to_string().as_bytes());
    let mut args: Vec<String> = Vec::new();
    if let Some(catalogue) = catalogue {
        args.extend(["--catalog".to_owned(), format!("{ROOT}/examples/{catalogue}")]);
    }
    args.extend([call.to_owned(), target, "--facts".to_owned(), facts.path().to_owned()]);
    let mut scratch = vec![facts];
    if call == "check" {
        let submitted = req.get("submitted").cloned().unwrap_or_else(|| serde_json::json!([]));
        let file = Scratch::new(&format!("{name}.submitted.json"), submitted.to_string().as_bytes());
        args.extend(["--submitted".to_owned(), file.path().to_owned()]);
        scratch.push(file);
    }
    if let Some(ids) = req["on_file"].as_array() {
        let ids: Vec<&str> = ids.iter().map(|s| s.as_str().unwrap()).collect();
        args.extend(["--on-file".to_owned(), ids.join(",")]);
    }
    (args, scratch)
}

fn run(args: &[String]) -> Output {
    banshi(&args.iter().map(String::as_str).collect::<Vec<_>>(), "")
}

/// The `.out` bytes of a conformance case.
fn out_of(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/tests/{}", path.replace(".req", ".out"))).unwrap()
}

#[test]
fn a_declared_bundle_is_named_by_its_id() {
    let case = "cases/assess/bundle-newborn.req";
    let (mut args, _files) = args_of(case, None);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    for expected in [
        "一件事：新生儿出生一件事（newborn）",
        "包含事项：1.1 申报办理城乡居民医疗保险缴费；8.1 申办社会保障卡",
        "须提交材料（合并后共 3 项）",
        "编号：proxy:resident_id_card",
        "· 1.1 代办人身份证（原件1份，复印件1份）",
        "· 8.1 代办人身份证（原件1份，复印件1份）",
        "合并口径（banshi 的解释，非法定依据）",
    ] {
        assert!(text.contains(expected), "missing {expected} in\n{text}");
    }
    args.push("--json".to_owned());
    assert_eq!(stdout(&run(&args)).trim_end(), out_of(case));
}

#[test]
fn services_joined_by_plus_are_an_ad_hoc_bundle() {
    let case = "cases/assess/bundle-ad-hoc-3.2-3.3.req";
    let (mut args, _files) = args_of(case, None);
    assert!(args.contains(&"3.2+3.3".to_owned()));
    assert!(stdout(&run(&args)).starts_with("一件事：自选组合（3.2 + 3.3）\n"));
    args.push("--json".to_owned());
    assert_eq!(stdout(&run(&args)).trim_end(), out_of(case));
    // A service twice, or an unknown one, is a coded error of the request.
    let facts = example("1.1-newborn.json");
    for (target, code) in [("1.1+1.1", "INVALID_VALUE"), ("1.1+8.2", "UNKNOWN_SERVICE")] {
        let o = banshi(&["assess", target, "--facts", &facts], "");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{target}: {err}");
        assert!(err.contains(code) && err.lines().count() == 1, "{target}: {err}");
    }
}

#[test]
fn an_unknown_bundle_is_a_coded_error_with_a_suggestion() {
    let facts = example("1.1-newborn.json");
    let o = banshi(&["assess", "newbron", "--facts", &facts], "");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("[UNKNOWN_BUNDLE]") && err.contains("是否应为“newborn”"), "{err}");
    let o = banshi(&["check", "newbron", "--facts", &facts, "--submitted", "-", "--json"], "[]");
    assert_eq!(o.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(error["error"]["code"], "UNKNOWN_BUNDLE");
    assert_eq!((&error["error"]["bundle"], &error["error"]["suggestion"]), (&"newbron".into(), &"newborn".into()));
    // Nothing near: the error points to the list of bundles.
    let far = banshi(&["assess", "zzzzzzzz", "--facts", &facts], "");
    let err = String::from_utf8_lossy(&far.stderr);
    assert!(err.lines().count() == 1 && err.contains("banshi bundles"), "{err}");
    // A submission under an id no item of the bundle has points to its ids.
    let o = banshi(&["check", "newborn", "--facts", &facts, "--submitted", "-"], r#"[{"id":"zzzzzzzzzzzz"}]"#);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("UNKNOWN_MATERIAL") && err.contains("banshi assess newborn"), "{err}");
}

#[test]
fn bundles_lists_the_declared_bundles() {
    let o = banshi(&["bundles"], "");
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("目录版本 ") && text.contains("  newborn 新生儿出生一件事\n      1.1   "), "{text}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&banshi(&["bundles", "--json"], ""))).unwrap();
    assert_eq!(json["bundles"][0]["id"], "newborn");
    assert_eq!(json["bundles"][0]["services"][1]["id"], "8.1");
    assert!(json["bundles"][0]["decision"].as_str().unwrap().contains("口径解释"));
    let minzheng = format!("{ROOT}/examples/minzheng");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&banshi(&["--catalog", &minzheng, "bundles", "--json"], ""))).unwrap();
    let ids: Vec<&str> = json["bundles"].as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["disability_subsidies", "elderly_support"]);
}

#[test]
fn documents_on_file_are_exempt() {
    let case = "catalogs/minzheng/assess/1.1-on-file-exempt.req";
    let (mut args, _files) = args_of(case, Some("minzheng"));
    assert!(args.contains(&"applicant:resident_id_card,hukou_book,dibao_certificate".to_owned()), "{args:?}");
    let text = stdout(&run(&args));
    assert!(text.contains("免提交的材料（3 项，由窗口调取，申请人无须提交）"), "{text}");
    assert!(text.contains("免提交：由窗口调取电子证照代替，申请人无须提交") && text.contains("口径说明（免提交）："));
    args.push("--json".to_owned());
    assert_eq!(stdout(&run(&args)).trim_end(), out_of(case));
    // In a bundle too, and in a check: never reported missing.
    let case = "catalogs/minzheng/check/1.1-2.1-bundle-incomplete.req";
    let (mut args, _files) = args_of(case, Some("minzheng"));
    args.push("--json".to_owned());
    let o = run(&args);
    assert_eq!(o.status.code(), Some(5));
    assert_eq!(stdout(&o).trim_end(), out_of(case));
    // An unknown document is a coded error naming the nearest; an empty entry a usage mistake.
    let facts = example("1.1-newborn.json");
    let o = banshi(&["assess", "1.1", "--facts", &facts, "--on-file", "resident_idcard"], "");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("[UNKNOWN_DOCUMENT]") && err.contains("是否应为“resident_id_card”"), "{err}");
    let o = banshi(&["assess", "1.1", "--facts", &facts, "--on-file", "hukou_book,,resident_id_card"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--on-file"));
    // Given twice: repeated flags add up, and a document twice is refused.
    let o = banshi(&["assess", "1.1", "--facts", &facts, "--on-file", "hukou_book", "--on-file", "hukou_book"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("重复"));
}

#[test]
fn a_pledge_is_submitted_as_pledged() {
    let case = "catalogs/minzheng/check/1.1-guardianship-pledged.req";
    let (mut args, files) = args_of(case, Some("minzheng"));
    let submitted = std::fs::read_to_string(files[1].path()).unwrap();
    assert!(submitted.contains(r#""pledged":true"#), "{submitted}");
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "a pledge completes the materials");
    let text = stdout(&o);
    assert!(text.contains("以告知承诺书代替的材料（1 项，须事后核查）") && text.contains("待核查："), "{text}");
    args.push("--json".to_owned());
    assert_eq!(stdout(&run(&args)).trim_end(), out_of(case));
    // Only a material that accepts a pledge may be pledged.
    let case = "cases/check/error-pledge-not-accepted.req";
    let (args, _files) = args_of(case, None);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_VALUE"));
}

#[test]
fn accepted_pending_lists_the_due_dates_and_is_not_complete() {
    let case = "catalogs/minzheng/check/5.1-accepted-pending.req";
    let (mut args, _files) = args_of(case, Some("minzheng"));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(5), "materials are still due");
    let text = stdout(&o);
    assert!(text.contains("结论：材料可容缺受理") && text.contains("最迟于2026-12-07补交"), "{text}");
    args.extend(["--format".to_owned(), "html".to_owned()]);
    let page = stdout(&run(&args));
    assert!(page.contains("最迟于2026年12月7日补交"), "{page}");
}

#[test]
fn a_bundle_notice_exits_by_its_status_and_prints_as_html() {
    for (case, code) in
        [("cases/check/bundle-newborn-complete.req", 0), ("cases/check/bundle-newborn-incomplete.req", 5)]
    {
        let (mut args, _files) = args_of(case, None);
        assert_eq!(run(&args).status.code(), Some(code), "{case}");
        args.push("--json".to_owned());
        assert_eq!(stdout(&run(&args)).trim_end(), out_of(case), "{case}");
    }
    let (mut args, _files) = args_of("cases/check/bundle-newborn-incomplete.req", None);
    args.extend(["--format", "html", "--name", "张三"].map(str::to_owned));
    let page = stdout(&run(&args));
    let facts = std::fs::read_to_string(&args[3]).unwrap();
    let submitted = std::fs::read_to_string(&args[5]).unwrap();
    let request = format!(r#"{{"bundle":"newborn","facts":{facts},"submitted":{submitted}}}"#);
    let library = banshi::html::notice(banshi::Catalog::embedded(), &request, r#"{"applicant_name":"张三"}"#).unwrap();
    assert_eq!(page.trim_end(), library.trim_end());
    assert!(page.contains("编号：newborn-"));
}

/// The README's example of a bundle runs as shown: its command, run from
/// the repository, prints every line the README shows, in order (`…` stands
/// for lines left out, and a line ending in `…` for the rest of that line).
#[test]
fn the_readme_bundle_example_prints_what_it_shows() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let start =
        readme.find("$ cargo run -q -p banshi-cli -- --catalog examples/minzheng assess elderly_support").unwrap();
    let block = &readme[start..start + readme[start..].find("\n```").unwrap()];
    let mut lines = block.lines();
    let mut command = String::new();
    for line in lines.by_ref() {
        match line.strip_suffix('\\') {
            Some(part) => command.push_str(part),
            None => {
                command.push_str(line);
                break;
            }
        }
    }
    let args: Vec<&str> = command.trim_start_matches("$ cargo run -q -p banshi-cli -- ").split_whitespace().collect();
    let o = Command::new(env!("CARGO_BIN_EXE_banshi")).args(&args).current_dir(ROOT).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let mut printed = out.lines();
    let mut shown = 0;
    for line in lines.filter(|l| *l != "…") {
        let found = match line.strip_suffix('…') {
            Some(start) => printed.any(|p| p.starts_with(start)),
            None => printed.any(|p| p == line),
        };
        assert!(found, "the README shows a line the command does not print, or not in this order: {line}\n{out}");
        shown += 1;
    }
    assert!(shown > 10, "{shown}");
}
