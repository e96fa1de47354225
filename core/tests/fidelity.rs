//! Seed fidelity: every line of the seed's 法定依据, 运行流程 and 运行要件 is
//! accounted for in the catalogue, through each entry's `source` quotes.
//!
//! The mapping is written in the catalogue files themselves: each citation,
//! step, case, material and decision quotes the seed text it comes from.
//! This test removes every quote from its seed section and requires that
//! nothing but numbering and punctuation is left over.

use std::collections::BTreeMap;

use banshi::Catalog;
use serde_json::Value;

const SEED: &str = include_str!("../catalog/seed.txt");
const LABELS: [&str; 9] =
    ["序号", "名称", "法定依据", "实施机构", "职责边界", "运行流程", "运行要件", "责任事项", "监督方式"];

/// The seed, as service number → section label → normalised text.
fn seed() -> BTreeMap<String, BTreeMap<&'static str, String>> {
    let mut out = BTreeMap::new();
    for block in SEED.split("职责事项信息表").skip(1) {
        let mut sections: BTreeMap<&'static str, String> = BTreeMap::new();
        let mut current = None;
        for line in block.lines() {
            let trimmed = line.trim_matches(|c: char| c.is_whitespace());
            if let Some(label) = LABELS.iter().find(|l| **l == trimmed) {
                current = Some(*label);
                sections.entry(label).or_default();
            } else if let Some(label) = current {
                sections.get_mut(label).unwrap().push_str(&normalise(line));
            }
        }
        out.insert(sections["序号"].clone(), sections);
    }
    out
}

fn normalise(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What may be left once every quote is removed: numbering and punctuation.
fn is_filler(c: char) -> bool {
    c.is_ascii_punctuation() || c.is_ascii_digit() || "、，。；：（）【】《》“”一二三四五六七八九十".contains(c)
}

/// Removes each quote once, longest first, and returns what is left. Each
/// quote must occur in the section.
fn consume(section: &str, quotes: &[String], what: &str) -> String {
    let mut quotes: Vec<String> = quotes.iter().map(|q| normalise(q)).collect();
    quotes.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    quotes.dedup();
    let mut rest = section.to_owned();
    for q in &quotes {
        assert!(rest.contains(q.as_str()), "{what}: quote not found in the seed (or already consumed): {q}");
        rest = rest.replacen(q.as_str(), "", 1);
    }
    rest
}

fn service_files() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog/services");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(strings).collect(),
        _ => vec![],
    }
}

#[test]
fn the_seed_has_18_services_and_the_catalogue_has_them_all() {
    let seed = seed();
    let seed_ids: Vec<&String> = seed.keys().collect();
    assert_eq!(seed_ids.len(), 18, "{seed_ids:?}");
    let catalog = Catalog::embedded();
    let mut ids: Vec<&str> = catalog.services().iter().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "1.1", "1.2", "2.1", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "7.1", "8.1",
            "9.1", "10.1", "11.1"
        ]
    );
    ids.sort();
    let mut seed_sorted: Vec<&str> = seed_ids.iter().map(|s| s.as_str()).collect();
    seed_sorted.sort();
    assert_eq!(ids, seed_sorted);
}

#[test]
fn the_vendored_seed_matches_shared() {
    // The workspace's sibling `shared/` holds the original; CI lays a copy
    // beside the clone. Compare when it is there.
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds/000_91ec70b6721791d0.txt");
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(original, SEED, "core/catalog/seed.txt differs from shared/seeds");
    }
}

#[test]
fn every_service_matches_its_seed_block() {
    let seed = seed();
    let catalog = Catalog::embedded();
    for file in service_files() {
        let id = file["id"].as_str().unwrap();
        let block = &seed[id];
        let service = catalog.service(id).unwrap();
        let what = |s: &str| format!("{id} {s}");

        assert_eq!(normalise(service.name()), block["名称"], "{}", what("名称"));
        assert_eq!(normalise(service.implementing_body()), block["实施机构"], "{}", what("实施机构"));
        assert_eq!(normalise(service.boundary()), block["职责边界"], "{}", what("职责边界"));
        assert_eq!(normalise(service.responsibility()), block["责任事项"], "{}", what("责任事项"));
        let contact = format!("{}：{}", service.supervision().office(), service.supervision().phone());
        assert!(block["监督方式"].starts_with(&contact), "{}", what("监督方式"));

        // 法定依据: every citation quotes the seed, and together they cover it.
        let citations: Vec<String> =
            file["legal_basis"].as_array().unwrap().iter().flat_map(|c| strings(&c["source"])).collect();
        let rest = consume(&block["法定依据"], &citations, &what("法定依据"));
        assert!(rest.chars().all(is_filler), "{}: seed text not covered: {rest}", what("法定依据"));

        // 运行流程: the steps cover the process, in order.
        let steps: Vec<String> = file["steps"].as_array().unwrap().iter().flat_map(|s| strings(&s["source"])).collect();
        assert_eq!(steps.len(), service.steps().len(), "{}: every step quotes the seed", what("运行流程"));
        let mut at = 0;
        for step in &steps {
            let found = block["运行流程"][at..].find(&normalise(step));
            assert!(found.is_some(), "{}: step out of order or not in the seed: {step}", what("运行流程"));
            at += found.unwrap();
        }
        let rest = consume(&block["运行流程"], &steps, &what("运行流程"));
        assert!(rest.chars().all(is_filler), "{}: seed text not covered: {rest}", what("运行流程"));

        // 运行要件: materials, cases and decisions together cover it. A material
        // may also quote the process (10.1's 介绍信).
        let mut quotes = Vec::new();
        for m in file["materials"].as_array().unwrap() {
            let sources = strings(&m["source"]);
            assert!(!sources.is_empty(), "{}: material {} has no seed quote", what("运行要件"), m["id"]);
            for s in sources {
                if block["运行要件"].contains(&normalise(&s)) {
                    quotes.push(s);
                } else {
                    assert!(block["运行流程"].contains(&normalise(&s)), "{}: {s} is not in the seed", what("运行要件"));
                }
            }
        }
        for c in file["cases"]["options"].as_array().into_iter().flatten() {
            quotes.extend(strings(&c["source"]));
        }
        for d in file["decisions"].as_array().into_iter().flatten() {
            quotes.extend(strings(&d["source"]));
        }
        // A rule may rest on the material list (6.1's 外省市在津灵活就业人员).
        for r in file["eligibility"].as_array().into_iter().flatten() {
            quotes.extend(strings(&r["source"]).into_iter().filter(|q| block["运行要件"].contains(&normalise(q))));
        }
        let rest = consume(&block["运行要件"], &quotes, &what("运行要件"));
        assert!(rest.chars().all(is_filler), "{}: seed text not covered: {rest}", what("运行要件"));
    }
}

#[test]
fn the_embedded_file_list_matches_the_directory() {
    let on_disk: Vec<String> = service_files().iter().map(|f| format!("{}.json", f["id"].as_str().unwrap())).collect();
    let catalog = Catalog::embedded();
    let mut embedded: Vec<String> = catalog.services().iter().map(|s| format!("{}.json", s.id())).collect();
    embedded.sort();
    let mut on_disk = on_disk;
    on_disk.sort();
    assert_eq!(embedded, on_disk, "add new service files to core/src/embedded.rs");
}

#[test]
fn catalogue_counts() {
    let catalog = Catalog::embedded();
    let materials: usize = catalog.services().iter().flat_map(|s| s.requirements()).map(|r| r.options().len()).sum();
    let requirements: usize = catalog.services().iter().map(|s| s.requirements().len()).sum();
    // Printed for the closing note; asserted loosely so that the data can grow.
    println!("services: {}, requirements: {requirements}, materials: {materials}", catalog.services().len());
    assert!(requirements >= 80 && materials > requirements);
}

/// Every quote a rule or a condition rests on (`source` of a rule,
/// `when_source` of a material) is the seed's own text, in that service's
/// block.
#[test]
fn rules_and_conditions_quote_their_own_service() {
    let seed = seed();
    for file in service_files() {
        let id = file["id"].as_str().unwrap();
        let block: String = seed[id].values().cloned().collect();
        let rules = file["eligibility"].as_array().into_iter().flatten().map(|r| (&r["id"], &r["source"]));
        let conditions = file["materials"].as_array().unwrap().iter().map(|m| (&m["id"], &m["when_source"]));
        for (what, quote) in rules.chain(conditions) {
            for q in strings(quote) {
                assert!(!q.trim().is_empty(), "{id} {what}: an empty quote states nothing");
                assert!(block.contains(&normalise(&q)), "{id} {what}: “{q}” is not in the seed block");
            }
        }
    }
}

/// Principle 1 holds for the source files: loading them as an office would
/// (`Catalog::from_files`) checks that every rule and conditional material
/// quotes the seed or records its decision, and that no interpretation cites
/// a basis of its own. The embedded build strips the quotes, so this is
/// where the check runs.
#[test]
fn the_source_files_pass_the_provenance_check() {
    let files = crate::source_files();
    let loaded = Catalog::from_files("source", files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    // One service file, with the catalogue's vocabulary and registry.
    let one = |name: &str, text: &str| {
        let mut some: Vec<(&str, &str)> = files[..2].iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        some.push((name, text));
        Catalog::from_files("source", some)
    };
    if let Err(e) = &loaded {
        panic!("{e}");
    }

    // Without its decision, 10.1's widowed reading of 婚姻状况证明 has no
    // quote for its condition and is rejected.
    let (name, text) = files.iter().find(|(n, _)| n == "10.1.json").unwrap();
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    let proof = value["materials"].as_array_mut().unwrap().iter_mut().find(|m| m["id"] == "marital_status_proof");
    proof.unwrap().as_object_mut().unwrap().remove("decision");
    let stripped = value.to_string();
    let err = one(name, &stripped).unwrap_err();
    assert!(err.to_string().contains("materials[5].when"), "{err}");

    // An empty quote states nothing: the rule is still unexplained.
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["eligibility"][0]["source"] = serde_json::json!("");
    value["eligibility"][0].as_object_mut().unwrap().remove("decision");
    let empty = value.to_string();
    let err = one(name, &empty).unwrap_err();
    assert!(err.to_string().contains("eligibility[0].source"), "{err}");

    // An interpretation that cites a law is rejected: 10.1's rule without its
    // seed quote still lists the two documents as its basis.
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["eligibility"][0].as_object_mut().unwrap().remove("source");
    let borrowed = value.to_string();
    let err = one(name, &borrowed).unwrap_err();
    assert!(err.to_string().contains("eligibility[0].basis") && err.to_string().contains("不得列法定依据"), "{err}");
}

/// Decisions are read by applicants and clerks (口径说明): Chinese, never
/// a fact key or an id such as `premises`.
#[test]
fn decisions_speak_chinese_not_identifiers() {
    for file in service_files() {
        let id = file["id"].as_str().unwrap();
        let rules = file["eligibility"].as_array().into_iter().flatten();
        let materials = file["materials"].as_array().unwrap().iter();
        for entry in rules.chain(materials) {
            let Some(decision) = entry["decision"].as_str() else { continue };
            let word = decision
                .split(|c: char| !c.is_ascii_alphabetic() && c != '_')
                .find(|w| w.len() >= 3 && w.contains(|c: char| c.is_ascii_lowercase()));
            assert!(word.is_none(), "{id} {}: decision names “{}”: {decision}", entry["id"], word.unwrap());
        }
    }
}
