//! Any text as a catalogue bundle or a service file: never a panic; a
//! catalogue that loads can be assessed on every service.
#![no_main]

use banshi_core::{Catalog, Facts};
use libfuzzer_sys::fuzz_target;

const FACTS: &str = include_str!("../../core/catalog/facts.json");
const DOCUMENTS: &str = include_str!("../../core/catalog/documents.json");
const SERVICE: &str = include_str!("../../core/catalog/services/10.1.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = [
        Catalog::from_bundle(text),
        // The text as a service file, as a vocabulary and as a registry.
        Catalog::from_files("fuzz", [("facts.json", FACTS), ("documents.json", DOCUMENTS), ("fuzz.json", text)]),
        Catalog::from_files("fuzz", [("facts.json", text), ("documents.json", DOCUMENTS), ("10.1.json", SERVICE)]),
        Catalog::from_files("fuzz", [("facts.json", FACTS), ("documents.json", text), ("10.1.json", SERVICE)]),
    ];
    for catalog in loaded.iter().flatten() {
        // Facts read against the loaded catalogue's own vocabulary.
        let vocabulary = catalog.vocabulary();
        let facts =
            Facts::from_json(vocabulary, r#"{"application_date":"2026-11-27","birth_date":"1990-01-01","proxy":true}"#)
                .or_else(|_| Facts::from_json(vocabulary, r#"{"application_date":"2026-11-27"}"#))
                .unwrap();
        for service in catalog.services() {
            if let Ok(a) = catalog.assess(service.id(), &facts) {
                let _ = a.to_json();
            }
        }
        let _ = banshi_core::json::vocabulary(catalog);
    }
    for result in loaded {
        if let Err(e) = result {
            assert!(!e.problems().is_empty(), "a failed load names its problems");
        }
    }
});
