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
        "vocabulary" => Ok(json::vocabulary(banshi::Catalog::embedded())),
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
        let facts =
            banshi::Facts::from_json(banshi::Catalog::embedded().vocabulary(), &request["facts"].to_string()).unwrap();
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

/// The keys a `<name>.why.json` may hold; see `tests/README.md`.
const INTENT_KEYS: [&str; 7] = ["why", "error", "eligibility", "status", "valid", "present", "absent"];

/// The ids that `present` and `absent` speak of, by call: material ids for
/// assess (the checklist, plus `pending` for `absent`), check (missing and
/// defective) and service (materials and eligibility rules); service ids for
/// services and load_catalog; fact names for vocabulary; problem codes for
/// the validators.
fn intent_ids(call: &str, response: &serde_json::Value, absent: bool) -> Vec<String> {
    let fields: &[(&str, &str)] = match call {
        "assess" if absent => &[("checklist", "id"), ("pending", "id")],
        "assess" => &[("checklist", "id")],
        "check" => &[("missing", "id"), ("defective", "id")],
        "service" => &[("materials", "id"), ("eligibility", "id")],
        "services" | "load_catalog" => &[("services", "id")],
        "vocabulary" => &[("facts", "name")],
        _ => &[("problems", "code")],
    };
    let mut ids = Vec::new();
    for (list, key) in fields {
        for item in response[list].as_array().into_iter().flatten() {
            ids.extend(item[key].as_str().map(str::to_owned));
        }
    }
    ids
}

/// Checks one case's intent against the actual response; gives each failed assertion.
fn intent_failures(call: &str, stem: &str, intent: &serde_json::Value, response: &serde_json::Value) -> Vec<String> {
    let mut failures = Vec::new();
    let Some(object) = intent.as_object() else {
        return vec!["the intent is not a JSON object".to_owned()];
    };
    for key in object.keys().filter(|k| !INTENT_KEYS.contains(&k.as_str())) {
        failures.push(format!("unknown key `{key}`"));
    }
    if intent["why"].as_str().is_none_or(|w| w.trim().is_empty()) {
        failures.push("`why` is missing or empty".to_owned());
    }
    if stem.starts_with("error-") && intent.get("error").is_none() {
        failures.push("an error case must assert `error`".to_owned());
    }
    let lists_ids = ["assess", "check", "service"].contains(&call) && !stem.starts_with("error-");
    if lists_ids && intent.get("present").is_none() && intent.get("absent").is_none() {
        failures.push("a case that lists ids must assert `present` or `absent`".to_owned());
    }
    let scalars = [
        ("error", &response["error"]["code"]),
        ("eligibility", &response["eligibility"]["status"]),
        ("status", &response["status"]),
        ("valid", &response["valid"]),
    ];
    for (key, actual) in scalars {
        if let Some(expected) = intent.get(key).filter(|e| *e != actual) {
            failures.push(format!("{key}: expected {expected}, actual {actual}"));
        }
    }
    for (key, absent) in [("present", false), ("absent", true)] {
        let ids = intent_ids(call, response, absent);
        for id in intent[key].as_array().into_iter().flatten() {
            let id = id.as_str().unwrap_or_default();
            if ids.iter().any(|i| i == id) == absent {
                failures.push(format!("{key}: `{id}` {}", if absent { "is there" } else { "is not there" }));
            }
        }
    }
    failures
}

#[test]
fn every_case_says_why_and_keeps_its_intent() {
    let mut failures = Vec::new();
    for (name, req) in cases() {
        let stem = req.file_stem().unwrap().to_str().unwrap();
        let why = req.with_extension("why.json");
        let Ok(text) = std::fs::read_to_string(&why) else {
            failures.push(format!("{}: no {}", rel(&req), rel(&why)));
            continue;
        };
        let intent: serde_json::Value = match serde_json::from_str(&text) {
            Ok(intent) => intent,
            Err(e) => {
                failures.push(format!("{}: {e}", rel(&why)));
                continue;
            }
        };
        let response = serde_json::from_str(&call(&name, &std::fs::read(&req).unwrap())).unwrap();
        for failure in intent_failures(&name, stem, &intent, &response) {
            failures.push(format!("{}: {failure}", rel(&req)));
        }
    }
    assert!(failures.is_empty(), "{} intent failures:\n{}", failures.len(), failures.join("\n"));
}
