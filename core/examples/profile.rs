//! A loop for profilers (callgrind, perf): `cargo run --release --example
//! profile -p banshi -- <file> [iterations] [json|compact|check|typed|load]`
//! runs json::assess on the request in the file (`json`, the default),
//! json::assess_compact, the bindings' compact answer (`compact`),
//! json::check on a check request (`check`), the typed
//! Catalog::assess (or, for a request with a `bundle` of service numbers,
//! Catalog::assess_bundle) on its facts, read once (`typed`), or loads the file as a
//! catalogue bundle (`load`). With 0 iterations it only loads the embedded
//! catalogue.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile <request file> [iterations] [json|compact|check|typed|load]");
    let n: usize = args.next().map_or(10_000, |s| s.parse().expect("a number"));
    let mode = args.next().unwrap_or_default();
    let typed = mode == "typed";
    let request = std::fs::read_to_string(path).expect("readable request");
    if mode == "load" {
        for _ in 0..n {
            let catalog = banshi::Catalog::from_bundle(std::hint::black_box(&request)).expect("a valid bundle");
            std::hint::black_box(catalog);
        }
        println!("{n} loads");
        return;
    }
    let catalog = banshi::Catalog::embedded();
    let mut bytes = 0;
    if typed {
        let value: serde_json::Value = serde_json::from_str(&request).expect("JSON");
        let facts = banshi::Facts::from_json(catalog.vocabulary(), &value["facts"].to_string()).expect("facts");
        if let Some(ids) = value["bundle"].as_array() {
            // A bundle of services, named by their numbers.
            let ids: Vec<&str> = ids.iter().map(|i| i.as_str().expect("a service number")).collect();
            let bundle = catalog.bundle_of(&ids).expect("a valid bundle");
            for _ in 0..n {
                let assessment = catalog.assess_bundle(&bundle, std::hint::black_box(&facts), &banshi::OnFile::NONE);
                bytes += assessment.expect("assessed").checklist().len();
            }
        } else {
            let service = value["service"].as_str().expect("a service");
            for _ in 0..n {
                bytes += catalog.assess(service, std::hint::black_box(&facts)).expect("assessed").checklist().len();
            }
        }
    } else if mode == "check" {
        for _ in 0..n {
            bytes += banshi::json::check(catalog, &request).expect("a valid request").len();
        }
    } else if mode == "compact" {
        for _ in 0..n {
            bytes += banshi::json::assess_compact(catalog, &request).expect("a valid request").len();
        }
    } else {
        for _ in 0..n {
            bytes += banshi::json::assess(catalog, &request).expect("a valid request").len();
        }
    }
    println!("{n} calls, {bytes} bytes out");
}
