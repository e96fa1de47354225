//! banshi's integration tests, built as one binary.

mod bundles;
mod cases;
mod conformance;
mod documents;
mod error_catalogue;
mod errors;
mod fidelity;
mod hostile;
mod layers;
mod loader;
mod properties;
mod receipt;

#[test]
fn date_helper_matches_the_library() {
    assert_eq!(properties::date(0).to_string(), "1900-01-01");
    assert_eq!(properties::date(45_986).to_string(), "2025-11-27");
    assert_eq!(banshi::Date::MIN.days_until(properties::date(45_986)), 45_986);
}

use banshi::{Catalog, Facts};

/// Facts from a JSON object literal, for brevity.
pub(crate) fn facts(json: &str) -> Facts {
    Facts::from_json(banshi::Catalog::embedded().vocabulary(), json)
        .unwrap_or_else(|e| panic!("bad test facts {json}: {e}"))
}

/// The ids on an assessment's checklist.
pub(crate) fn checklist(service: &str, json: &str) -> Vec<String> {
    let service = Catalog::embedded().service(service).unwrap();
    Catalog::embedded().assess(service.id(), &facts(json)).unwrap().checklist().map(|i| i.id().to_owned()).collect()
}

/// The reasons given for one checklist item.
pub(crate) fn reasons(service: &str, json: &str, id: &str) -> Vec<String> {
    let service = Catalog::embedded().service(service).unwrap();
    let assessment = Catalog::embedded().assess(service.id(), &facts(json)).unwrap();
    let item = assessment.checklist().find(|i| i.id() == id).unwrap_or_else(|| panic!("{id} not on the checklist"));
    item.because().map(|r| r.to_string()).collect()
}

/// The embedded catalogue's vocabulary file, for test catalogues.
pub(crate) const FACTS_JSON: &str = include_str!("../catalog/facts.json");

/// The document registry of the test catalogues: the one document their
/// materials name.
pub(crate) const DOCUMENTS_JSON: &str =
    r#"{"documents":[{"id":"resident_id_card","name":"居民身份证","issuer":"公安机关"}]}"#;

/// Test service files, with the embedded vocabulary and the test registry.
pub(crate) fn with_vocabulary<'a>(services: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut files = vec![("facts.json", FACTS_JSON), ("documents.json", DOCUMENTS_JSON)];
    files.extend_from_slice(services);
    files
}

/// A bundle of test services (a comma-separated list of service objects),
/// with the embedded vocabulary and the test registry.
pub(crate) fn bundle_of(version: &str, services: &str) -> String {
    let facts = FACTS_JSON.trim();
    let vocabulary = &facts[1..facts.len() - 1];
    let documents = DOCUMENTS_JSON.trim();
    let documents = &documents[1..documents.len() - 1];
    format!(r#"{{"version":{version:?},{vocabulary},{documents},"services":[{services}]}}"#)
}

/// The embedded catalogue's source files, as `(name, text)`: `facts.json`,
/// `documents.json`, `bundles.json`, then every service file, sorted.
pub(crate) fn source_files() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog");
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut files = vec![
        ("facts.json".to_owned(), read(&format!("{root}/facts.json"))),
        ("documents.json".to_owned(), read(&format!("{root}/documents.json"))),
        ("bundles.json".to_owned(), read(&format!("{root}/bundles.json"))),
    ];
    let mut services: Vec<(String, String)> = std::fs::read_dir(format!("{root}/services"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), read(&path.to_string_lossy()))
        })
        .collect();
    services.sort();
    files.extend(services);
    files
}

/// The embedded catalogue's source files as one bundle.
pub(crate) fn source_bundle(version: &str) -> String {
    let files = source_files();
    let inner = |text: &str| {
        let text = text.trim();
        text[1..text.len() - 1].to_owned()
    };
    let services: Vec<&str> = files[3..].iter().map(|(_, t)| t.as_str()).collect();
    format!(
        r#"{{"version":{version:?},{},{},{},"services":[{}]}}"#,
        inner(&files[0].1),
        inner(&files[1].1),
        inner(&files[2].1),
        services.join(",")
    )
}
