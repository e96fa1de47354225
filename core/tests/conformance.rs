//! The cross-language conformance suite, run through the Rust API.
//!
//! `tests/cases/<call>/<name>.req` holds a request's exact bytes and
//! `<name>.out` the exact response: the success JSON, or the error JSON of
//! `banshi::json::error`. The C, Java and JavaScript runners read the same
//! files and must produce the same bytes. `BANSHI_BLESS=1 cargo test`
//! rewrites the `.out` files from this runner; review the diff before
//! committing it.
//!
//! `tests/cases` runs against the embedded catalogue. Each
//! `tests/catalogs/<catalogue>/<call>/<name>.req` runs, in the same way and
//! through the same functions, against `examples/<catalogue>/bundle.json`,
//! loaded at run time with [`Catalog::from_bundle`]: nothing is rebuilt.

use std::path::{Path, PathBuf};

use banshi::{Catalog, Error, json};

/// `tests/`: `cases/` and `catalogs/`. Paths in messages are relative to it.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests");
/// `examples/<catalogue>/bundle.json`: the catalogue of `tests/catalogs/<catalogue>`.
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");

/// One catalogue and the directory of its cases.
struct Suite {
    /// The catalogue loaded from a bundle; `None` for the embedded one.
    loaded: Option<Catalog>,
    /// `tests/cases` or `tests/catalogs/<catalogue>`: `<call>/<name>.req`.
    dir: PathBuf,
    /// The fewest cases the directory may hold.
    min_cases: usize,
}

impl Suite {
    fn catalog(&self) -> &Catalog {
        self.loaded.as_ref().unwrap_or_else(|| Catalog::embedded())
    }
}

/// The names of the directories in `tests/catalogs`, sorted; none if it does not exist.
fn catalogues() -> Vec<String> {
    let dir = Path::new(TESTS).join("catalogs");
    let entries = match std::fs::read_dir(&dir) {
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

/// The embedded catalogue with `tests/cases` (at least 80 cases), then each
/// catalogue of `tests/catalogs`, loaded from `examples/<catalogue>/bundle.json`
/// now, with its own cases (at least one).
fn suites() -> Vec<Suite> {
    let mut suites = vec![Suite { loaded: None, dir: Path::new(TESTS).join("cases"), min_cases: 80 }];
    for name in catalogues() {
        let bundle = Path::new(EXAMPLES).join(&name).join("bundle.json");
        let text = std::fs::read_to_string(&bundle)
            .unwrap_or_else(|e| panic!("tests/catalogs/{name} needs {}: {e}", bundle.display()));
        let catalog = Catalog::from_bundle(&text).unwrap_or_else(|e| panic!("{}: {e}", bundle.display()));
        suites.push(Suite { loaded: Some(catalog), dir: Path::new(TESTS).join("catalogs").join(name), min_cases: 1 });
    }
    suites
}

/// Runs one call by name, as every binding does, with `catalog`.
fn call(catalog: &Catalog, name: &str, request: &[u8]) -> String {
    let Ok(text) = std::str::from_utf8(request) else {
        return json::error(&Error::InvalidUtf8);
    };
    let result = match name {
        "assess" => json::assess(catalog, text),
        "check" => json::check(catalog, text),
        "service" => json::service(catalog, text),
        "services" => Ok(json::services(catalog)),
        "vocabulary" => Ok(json::vocabulary(catalog)),
        "validate_id_number" => json::validate_id_number(text),
        "validate_date" => json::validate_date(text),
        "validate_file" => json::validate_file(catalog, text),
        "load_catalog" => Catalog::from_bundle(text).map(|c| json::services(&c)).map_err(Error::from),
        other => panic!("unknown call directory {other}"),
    };
    result.unwrap_or_else(|e| json::error(&e))
}

/// The cases of one directory: `(call, <dir>/<call>/<name>.req)`, sorted.
fn cases(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for call in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let call = call.unwrap().path();
        if !call.is_dir() {
            continue;
        }
        let name = call.file_name().unwrap().to_str().unwrap().to_owned();
        for file in std::fs::read_dir(&call).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "req") {
                out.push((name.clone(), path));
            }
        }
    }
    out.sort();
    out
}

/// Compares (or, blessing, writes) the bytes of every case in `dir`:
/// how many cases there are, and each that differs.
fn byte_failures(catalog: &Catalog, dir: &Path, bless: bool) -> (usize, Vec<String>) {
    let cases = cases(dir);
    let mut failures = Vec::new();
    for (name, req) in &cases {
        let actual = call(catalog, name, &std::fs::read(req).unwrap());
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
    (cases.len(), failures)
}

#[test]
fn every_case_gives_the_expected_bytes() {
    let bless = std::env::var_os("BANSHI_BLESS").is_some();
    let (mut total, mut failures) = (0, Vec::new());
    for suite in suites() {
        let (count, differ) = byte_failures(suite.catalog(), &suite.dir, bless);
        assert!(count >= suite.min_cases, "only {count} conformance cases found in {}", rel(&suite.dir));
        total += count;
        failures.extend(differ);
    }
    assert!(failures.is_empty(), "{} of {total} cases differ:\n{}", failures.len(), failures.join("\n"));
}

/// Every `.out` in `dir` is JSON, and an error with a known code exactly when
/// the case is named `error-*`.
fn check_outputs(dir: &Path) {
    for (name, req) in cases(dir) {
        let out = std::fs::read_to_string(req.with_extension("out")).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{}: {e}", rel(&req)));
        let stem = req.file_stem().unwrap().to_str().unwrap();
        // A case named error-* must fail with a code, and only those may.
        assert_eq!(stem.starts_with("error-"), value.get("error").is_some(), "{name}/{stem} in {}", rel(dir));
        if let Some(code) = value["error"]["code"].as_str() {
            assert!(banshi::ErrorCode::ALL.iter().any(|c| c.name() == code), "{name}/{stem}: {code}");
        }
    }
}

#[test]
fn every_output_is_valid_json_and_errors_are_coded() {
    for suite in suites() {
        check_outputs(&suite.dir);
    }
}

/// A path relative to `tests/`, for messages.
fn rel(path: &Path) -> String {
    path.strip_prefix(TESTS).unwrap_or(path).display().to_string()
}

/// Feeds `catalog`'s typed API the parts of every assess and check case of
/// `dir` that succeeds; gives how many ran.
fn check_typed(catalog: &Catalog, dir: &Path) -> usize {
    let mut checked = 0;
    for (name, req) in cases(dir) {
        if name != "assess" && name != "check" {
            continue;
        }
        let expected = std::fs::read_to_string(req.with_extension("out")).unwrap();
        if expected.starts_with(r#"{"error""#) {
            continue;
        }
        let request: serde_json::Value = serde_json::from_slice(&std::fs::read(&req).unwrap()).unwrap();
        let facts = banshi::Facts::from_json(catalog.vocabulary(), &request["facts"].to_string()).unwrap();
        let on_file =
            request["on_file"].as_array().map_or(Vec::new(), |ids| ids.iter().map(|i| i.as_str().unwrap()).collect());
        let on_file = catalog.on_file(on_file).unwrap();
        let submitted: Vec<banshi::Submission> = request["submitted"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                let count = |k: &str| s[k].as_u64().unwrap_or(0) as u32;
                let id = s["id"].as_str().unwrap();
                if s["pledged"] == true {
                    banshi::Submission::pledge(id)
                } else {
                    banshi::Submission::new(id, count("originals"), count("copies"))
                }
            })
            .collect();
        // A bundle: declared (an id) or made by the caller (service numbers).
        let ad_hoc;
        let bundle = match &request["bundle"] {
            serde_json::Value::String(id) => Some(catalog.bundle(id).unwrap()),
            serde_json::Value::Array(ids) => {
                let ids: Vec<&str> = ids.iter().map(|i| i.as_str().unwrap()).collect();
                ad_hoc = catalog.bundle_of(&ids).unwrap();
                Some(&ad_hoc)
            }
            _ => None,
        };
        let actual = match (bundle, name == "assess") {
            (Some(b), true) => catalog.assess_bundle(b, &facts, &on_file).unwrap().to_json(),
            (Some(b), false) => catalog.check_bundle(b, &facts, &submitted, &on_file).unwrap().to_json(),
            (None, true) => {
                catalog.assess_with(request["service"].as_str().unwrap(), &facts, &on_file).unwrap().to_json()
            }
            (None, false) => catalog
                .check_with(request["service"].as_str().unwrap(), &facts, &submitted, &on_file)
                .unwrap()
                .to_json(),
        };
        assert_eq!(actual, expected, "{}", rel(&req));
        checked += 1;
    }
    checked
}

/// The typed Rust API gives the same bytes as the JSON API and every
/// binding: `Catalog::assess` and `Catalog::check`, fed the request's parts,
/// write exactly the blessed `.out` of every assess and check case that
/// succeeds, for every catalogue.
#[test]
fn the_typed_api_gives_the_same_bytes() {
    let checked: usize = suites().iter().map(|s| check_typed(s.catalog(), &s.dir)).sum();
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

/// Checks the intent (`<name>.why.json`) of every case of `dir` on
/// `catalog`'s response; gives each failure, naming the case.
fn intent_failures_in(catalog: &Catalog, dir: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, req) in cases(dir) {
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
        let response = serde_json::from_str(&call(catalog, &name, &std::fs::read(&req).unwrap())).unwrap();
        for failure in intent_failures(&name, stem, &intent, &response) {
            failures.push(format!("{}: {failure}", rel(&req)));
        }
    }
    failures
}

#[test]
fn every_case_says_why_and_keeps_its_intent() {
    let failures: Vec<String> = suites().iter().flat_map(|s| intent_failures_in(s.catalog(), &s.dir)).collect();
    assert!(failures.is_empty(), "{} intent failures:\n{}", failures.len(), failures.join("\n"));
}
