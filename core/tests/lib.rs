//! banshi's integration tests, built as one binary.

mod cases;
mod conformance;
mod documents;
mod error_catalogue;
mod errors;
mod fidelity;
mod hostile;
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
    Facts::from_json(json).unwrap_or_else(|e| panic!("bad test facts {json}: {e}"))
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
