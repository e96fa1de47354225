//! The catalogues of `tests/catalogs` through the `banshi` command, as a user
//! runs it: each `tests/catalogs/<catalogue>/{assess,check}/<name>.req` is a
//! line of `banshi --catalog examples/<catalogue> batch assess|check --input`,
//! with the catalogue read from its directory (not its bundle) at run time,
//! and must give the bytes of `<name>.out`. And `examples/<catalogue>/bundle.json`,
//! which the other runners load, must be what `banshi bundle` prints now.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository: `tests/catalogs` and `examples` are relative to it, and
/// the command runs in it.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Runs `banshi` in the repository with `args`.
fn banshi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banshi")).args(args).current_dir(ROOT).output().unwrap()
}

/// The directories in `dir`, sorted; none if `dir` does not exist.
fn subdirs(dir: &Path) -> Vec<String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => panic!("{}: {e}", dir.display()),
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

/// The catalogues with cases: the directories of `tests/catalogs`.
fn catalogues() -> Vec<String> {
    subdirs(&Path::new(ROOT).join("tests/catalogs"))
}

/// The `.req` files of one call's directory, sorted; none if it does not exist.
fn requests(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut requests: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "req")).collect();
    requests.sort();
    requests
}

/// The line `batch` prints for a case of `.out` bytes `out` given on input
/// line `line`: the response itself, or the error JSON with `"line"` added.
fn batch_line(out: &[u8], line: usize) -> Vec<u8> {
    match out.strip_suffix(b"}}") {
        Some(head) if out.starts_with(br#"{"error""#) => [head, format!(r#","line":{line}}}}}"#).as_bytes()].concat(),
        _ => out.to_vec(),
    }
}

/// A batch input file that removes itself.
struct Input(PathBuf);

impl Drop for Input {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs the assess or check cases of one catalogue as one batch, from its
/// directory; gives how many ran and each failure, naming the case.
fn run_batch(catalogue: &str, call: &str) -> (usize, Vec<String>) {
    let dir = Path::new(ROOT).join("tests/catalogs").join(catalogue).join(call);
    let cases = requests(&dir);
    if cases.is_empty() {
        return (0, Vec::new());
    }
    let mut input = Vec::new();
    for req in &cases {
        let bytes = std::fs::read(req).unwrap();
        // One request per line: `batch` splits at '\n' and drops a final '\r'.
        assert!(
            !bytes.contains(&b'\n') && !bytes.ends_with(b"\r"),
            "{}: a request must be one line (no newline, no final CR) to run through `banshi batch`",
            req.display()
        );
        input.extend_from_slice(&bytes);
        input.push(b'\n');
    }
    let file =
        Input(std::env::temp_dir().join(format!("banshi-catalogs-{}-{catalogue}-{call}.jsonl", std::process::id())));
    std::fs::write(&file.0, &input).unwrap();
    let catalog = format!("examples/{catalogue}");
    let output = banshi(&["--catalog", &catalog, "batch", call, "--input", file.0.to_str().unwrap()]);

    let mut failures = Vec::new();
    let mut lines = output.stdout.split(|&b| b == b'\n');
    let mut errors = 0;
    for (number, req) in (1..).zip(&cases) {
        let out = std::fs::read(req.with_extension("out")).unwrap_or_else(|e| panic!("{}: {e}", req.display()));
        errors += usize::from(out.starts_with(br#"{"error""#));
        let expected = batch_line(&out, number);
        let actual = lines.next().unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "tests/catalogs/{catalogue}/{call}/{} (line {number})\n  expected: {}\n  actual:   {}",
                req.file_name().unwrap().to_str().unwrap(),
                String::from_utf8_lossy(&expected),
                String::from_utf8_lossy(actual)
            ));
        }
    }
    let rest: Vec<&[u8]> = lines.filter(|l| !l.is_empty()).collect();
    if !rest.is_empty() {
        failures.push(format!("{catalogue}/{call}: {} lines more than requests", rest.len()));
    }
    // The batch exits 1 when some line failed, 0 otherwise.
    let code = i32::from(errors > 0);
    if output.status.code() != Some(code) {
        failures.push(format!(
            "{catalogue}/{call}: `banshi --catalog {catalog} batch {call}` exited {:?}, not {code}: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    (cases.len(), failures)
}

#[test]
fn every_assess_and_check_case_gives_its_bytes_from_the_catalogue_directory() {
    let (mut ran, mut failures) = (0, Vec::new());
    for catalogue in catalogues() {
        let dir = Path::new(ROOT).join("examples").join(&catalogue);
        assert!(dir.is_dir(), "tests/catalogs/{catalogue} needs the catalogue directory examples/{catalogue}");
        let cases_dir = Path::new(ROOT).join("tests/catalogs").join(&catalogue);
        let cases: usize = subdirs(&cases_dir).iter().map(|call| requests(&cases_dir.join(call)).len()).sum();
        assert!(cases > 0, "tests/catalogs/{catalogue} holds no cases");
        for call in ["assess", "check"] {
            let (count, failed) = run_batch(&catalogue, call);
            ran += count;
            failures.extend(failed);
        }
    }
    assert!(failures.is_empty(), "{} of {ran} cases differ:\n{}", failures.len(), failures.join("\n"));
}

/// `examples/<catalogue>/bundle.json` is what `banshi bundle examples/<catalogue>`
/// prints now, byte for byte: the bundle that the Rust, C, Java and
/// JavaScript runners load is the directory that the command reads.
#[test]
fn every_example_bundle_is_fresh() {
    let examples = Path::new(ROOT).join("examples");
    for catalogue in catalogues() {
        let bundle = examples.join(&catalogue).join("bundle.json");
        assert!(bundle.is_file(), "tests/catalogs/{catalogue} needs examples/{catalogue}/bundle.json");
    }
    for catalogue in subdirs(&examples) {
        let Ok(committed) = std::fs::read(examples.join(&catalogue).join("bundle.json")) else {
            continue;
        };
        let dir = format!("examples/{catalogue}");
        let output = banshi(&["bundle", &dir]);
        assert!(output.status.success(), "banshi bundle {dir}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(
            output.stdout == committed,
            "{dir}/bundle.json is not what `banshi bundle {dir}` prints now; \
             rewrite it: cargo run -p banshi-cli -- bundle {dir} > {dir}/bundle.json"
        );
    }
}
