//! The cross-language conformance suite, run through the Rust API.
//!
//! `tests/cases/<call>/<name>.req` holds a request's exact bytes and
//! `<name>.out` the exact response: the success JSON, or the error JSON of
//! `banshi::json::error`. The C, Java and JavaScript runners read the same
//! files and must produce the same bytes. `BANSHI_BLESS=1 cargo test`
//! rewrites the `.out` files from this runner; review the diff before
//! committing it.

use std::path::{Path, PathBuf};

use banshi::{Catalog, Error, json};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases");

/// Runs one call by name, as every binding does.
fn call(name: &str, request: &[u8]) -> String {
    let catalog = Catalog::embedded();
    let Ok(text) = std::str::from_utf8(request) else {
        return json::error(&Error::InvalidUtf8);
    };
    let result = match name {
        "assess" => json::assess(catalog, text),
        "check" => json::check(catalog, text),
        "service" => json::service(catalog, text),
        "services" => Ok(json::services(catalog)),
        "vocabulary" => Ok(json::vocabulary()),
        "validate_id_number" => json::validate_id_number(text),
        "validate_date" => json::validate_date(text),
        "validate_file" => json::validate_file(catalog, text),
        "load_catalog" => Catalog::from_bundle(text).map(|c| json::services(&c)).map_err(Error::from),
        other => panic!("unknown call directory tests/cases/{other}"),
    };
    result.unwrap_or_else(|e| json::error(&e))
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(CASES).expect("tests/cases exists") {
        let dir = dir.unwrap().path();
        let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "req") {
                out.push((name.clone(), path));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_case_gives_the_expected_bytes() {
    let bless = std::env::var_os("BANSHI_BLESS").is_some();
    let cases = cases();
    assert!(cases.len() >= 80, "only {} conformance cases found", cases.len());
    let mut failures = Vec::new();
    for (name, req) in &cases {
        let actual = call(name, &std::fs::read(req).unwrap());
        let out = req.with_extension("out");
        if bless {
            std::fs::write(&out, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&out)
            .unwrap_or_else(|_| panic!("{} is missing; run with BANSHI_BLESS=1", out.display()));
        if actual != expected {
            failures.push(format!("{}\n  expected: {expected}\n  actual:   {actual}", rel(req)));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn every_output_is_valid_json_and_errors_are_coded() {
    for (name, req) in cases() {
        let out = std::fs::read_to_string(req.with_extension("out")).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{}: {e}", rel(&req)));
        let stem = req.file_stem().unwrap().to_str().unwrap();
        // A case named error-* must fail with a code, and only those may.
        assert_eq!(stem.starts_with("error-"), value.get("error").is_some(), "{name}/{stem}");
        if let Some(code) = value["error"]["code"].as_str() {
            assert!(banshi::ErrorCode::ALL.iter().any(|c| c.name() == code), "{name}/{stem}: {code}");
        }
    }
}

fn rel(path: &Path) -> String {
    path.strip_prefix(CASES).unwrap_or(path).display().to_string()
}

/// The typed Rust API gives the same bytes as the JSON API and every
/// binding: `Catalog::assess` and `Catalog::check`, fed the request's parts,
/// write exactly the blessed `.out` of every assess and check case that
/// succeeds.
#[test]
fn the_typed_api_gives_the_same_bytes() {
    let catalog = Catalog::embedded();
    let mut checked = 0;
    for (name, req) in cases() {
        if name != "assess" && name != "check" {
            continue;
        }
        let expected = std::fs::read_to_string(req.with_extension("out")).unwrap();
        if expected.starts_with(r#"{"error""#) {
            continue;
        }
        let request: serde_json::Value = serde_json::from_slice(&std::fs::read(&req).unwrap()).unwrap();
        let service = request["service"].as_str().unwrap();
        let facts = banshi::Facts::from_json(&request["facts"].to_string()).unwrap();
        let actual = if name == "assess" {
            catalog.assess(service, &facts).unwrap().to_json()
        } else {
            let submitted: Vec<banshi::Submission> = request["submitted"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| {
                    let count = |k: &str| s[k].as_u64().unwrap_or(0) as u32;
                    banshi::Submission::new(s["id"].as_str().unwrap(), count("originals"), count("copies"))
                })
                .collect();
            catalog.check(service, &facts, &submitted).unwrap().to_json()
        };
        assert_eq!(actual, expected, "{}", rel(&req));
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} typed cases ran");
}
