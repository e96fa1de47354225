//! Engine benchmarks on realistic cases: 10.1 (the largest list), 1.2's
//! newborn case and 8.1 non-local. `cargo bench -p banshi`.

use std::hint::black_box;

use banshi::{Catalog, Facts, IdNumber, OnFile, Submission, json};
use criterion::{Criterion, criterion_group, criterion_main};

const CASES: [(&str, &str); 3] = [
    (
        "10.1",
        r#"{"application_date":"2026-11-27","birth_date":"1988-03-15","hukou":"nonlocal","marital_status":"married","proxy":false,"employment_status":"unemployed","has_training_certificate":true,"college_graduate":false,"premises":"leased"}"#,
    ),
    (
        "1.2",
        r#"{"application_date":"2026-11-27","birth_date":"2026-11-01","proxy":true,"reimbursement_case":"newborn_inpatient","receipt_names_parent":true}"#,
    ),
    ("8.1", r#"{"application_date":"2026-11-27","birth_date":"1995-02-14","hukou":"nonlocal","proxy":false}"#),
];

fn engine(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    for (id, facts_json) in CASES {
        let facts = Facts::from_json(catalog.vocabulary(), facts_json).unwrap();
        c.bench_function(&format!("assess typed {id}"), |b| b.iter(|| catalog.assess(id, black_box(&facts)).unwrap()));
        let request = format!(r#"{{"service":"{id}","facts":{facts_json}}}"#);
        c.bench_function(&format!("assess json {id}"), |b| {
            b.iter(|| json::assess(catalog, black_box(&request)).unwrap())
        });
        let everything: Vec<Submission> = catalog
            .assess(id, &facts)
            .unwrap()
            .checklist()
            .map(|i| {
                let m = &i.requirement().options()[0];
                Submission::new(m.id(), m.originals(), m.copies())
            })
            .collect();
        c.bench_function(&format!("check typed {id}"), |b| {
            b.iter(|| catalog.check(id, black_box(&facts), &everything).unwrap())
        });
    }
    // The request the C and Java per-call benchmarks send (scripts/bench-bindings.sh).
    let shared =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases/assess/10.1-married.req"))
            .unwrap();
    c.bench_function("assess json conformance 10.1-married", |b| {
        b.iter(|| json::assess(catalog, black_box(&shared)).unwrap())
    });
    bundles(c);
    c.bench_function("validate id number", |b| b.iter(|| IdNumber::parse(black_box("11010519491231002X")).unwrap()));
}

/// A birth (一件事): the newborn's insurance (1.1), social security card (8.1)
/// and inpatient reimbursement (1.2), as one bundle and each alone, with the
/// same facts: the bundle's cost against its slowest service's.
fn bundles(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let facts_json = r#"{"application_date":"2026-11-27","birth_date":"2026-11-01","hukou":"local","proxy":true,"reimbursement_case":"newborn_inpatient","receipt_names_parent":true}"#;
    let facts = Facts::from_json(catalog.vocabulary(), facts_json).unwrap();
    let services = ["1.1", "8.1", "1.2"];
    for id in services {
        c.bench_function(&format!("birth alone typed {id}"), |b| {
            b.iter(|| catalog.assess(id, black_box(&facts)).unwrap())
        });
    }
    let bundle = catalog.bundle_of(&services).unwrap();
    c.bench_function("birth bundle typed 1.1+8.1+1.2", |b| {
        b.iter(|| catalog.assess_bundle(&bundle, black_box(&facts), &OnFile::NONE).unwrap())
    });
    for id in services {
        let request = format!(r#"{{"service":"{id}","facts":{facts_json}}}"#);
        c.bench_function(&format!("birth alone json {id}"), |b| {
            b.iter(|| json::assess(catalog, black_box(&request)).unwrap())
        });
    }
    let request = format!(r#"{{"bundle":["1.1","8.1","1.2"],"facts":{facts_json}}}"#);
    c.bench_function("birth bundle json 1.1+8.1+1.2", |b| {
        b.iter(|| json::assess(catalog, black_box(&request)).unwrap())
    });
}

fn loading(c: &mut Criterion) {
    // The embedded catalogue's files as one bundle, as `banshi bundle core/catalog` writes it.
    let bundle = {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog");
        let read = |path: String| std::fs::read_to_string(path).unwrap();
        let inner = |text: String| text.trim().trim_start_matches('{').trim_end_matches('}').to_owned();
        let mut texts: Vec<String> = std::fs::read_dir(format!("{root}/services"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.sort();
        format!(
            r#"{{"version":"bench",{},{},"services":[{}]}}"#,
            inner(read(format!("{root}/facts.json"))),
            inner(read(format!("{root}/documents.json"))),
            texts.join(",")
        )
    };
    c.bench_function("load catalogue from bundle text", |b| {
        b.iter(|| Catalog::from_bundle(black_box(&bundle)).unwrap())
    });
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/minzheng/bundle.json")).unwrap();
    c.bench_function("load example catalogue (minzheng) from bundle text", |b| {
        b.iter(|| Catalog::from_bundle(black_box(&example)).unwrap())
    });
}

// criterion_group! generates an undocumented public function.
#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group!(benches, engine, loading);
}
use group::benches;
criterion_main!(benches);
