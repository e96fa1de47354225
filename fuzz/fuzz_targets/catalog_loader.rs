//! Any text as a catalogue bundle or a service file: never a panic; a
//! catalogue that loads can be assessed on every service.
#![no_main]

use banshi_core::{Catalog, Facts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = [Catalog::from_bundle(text), Catalog::from_files("fuzz", [("fuzz.json", text)])];
    for catalog in loaded.iter().flatten() {
        let facts = Facts::from_json(r#"{"application_date":"2026-11-27","birth_date":"1990-01-01","proxy":true}"#).unwrap();
        for service in catalog.services() {
            if let Ok(a) = catalog.assess(service.id(), &facts) {
                let _ = a.to_json();
            }
        }
    }
    for result in loaded {
        if let Err(e) = result {
            assert!(!e.problems().is_empty(), "a failed load names its problems");
        }
    }
});
