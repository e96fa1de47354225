//! Any bytes as a request to every JSON call: never a panic, and every
//! answer (or error) is well-formed JSON.
#![no_main]

use banshi_core::{Catalog, json};
use libfuzzer_sys::fuzz_target;

fn well_formed(text: &str) {
    serde_json::from_str::<serde_json::Value>(text).expect("banshi answers with valid JSON");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = Catalog::embedded();
    for result in [
        json::assess(catalog, text),
        json::check(catalog, text),
        json::validate_file(catalog, text),
        json::validate_id_number(text),
        json::validate_date(text),
        json::service(catalog, text),
    ] {
        match result {
            Ok(answer) => well_formed(&answer),
            Err(e) => well_formed(&json::error(&e)),
        }
    }
    if let Ok(facts) = banshi_core::Facts::from_json(banshi_core::Catalog::embedded().vocabulary(), text) {
        // Facts that parse round-trip, and assess on every service.
        assert_eq!(
            banshi_core::Facts::from_json(banshi_core::Catalog::embedded().vocabulary(), &facts.to_json()).as_ref(),
            Ok(&facts)
        );
        for service in catalog.services() {
            if let Ok(a) = catalog.assess(service.id(), &facts) {
                well_formed(&a.to_json());
            }
        }
    }
});
