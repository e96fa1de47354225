//! `schema/`: the JSON Schemas (draft 2020-12) an editor validates
//! catalogue files with as they are typed. Every shipped catalogue file
//! (`bundles.json` where a catalogue has one), the one-file bundles and the
//! scenario files fit them, and a misspelt key anywhere is refused, as the
//! loader refuses it.

use std::path::{Path, PathBuf};
use std::process::Command;

use jsonschema::{Draft, Retrieve, Uri, Validator};
use serde_json::Value;

/// The repository: paths are relative to it.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn root() -> PathBuf {
    Path::new(ROOT).canonicalize().unwrap()
}

/// Finds `bundle.schema.json`'s references (`service.schema.json` …) in `schema/`,
/// and nowhere else: no network, no other file.
struct SchemaDir;

impl Retrieve for SchemaDir {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.path().as_str().rsplit('/').next().unwrap_or_default().to_owned();
        if !name.ends_with(".schema.json") {
            return Err(format!("not a schema of schema/: {uri}").into());
        }
        Ok(serde_json::from_str(&std::fs::read_to_string(root().join("schema").join(name))?)?)
    }
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator(name: &str) -> Validator {
    let path = root().join("schema").join(name);
    let schema = read(&path);
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_base_uri(format!("file://{}", path.display()))
        .with_retriever(SchemaDir)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every error of `instance` against `validator`, one per line.
fn errors(validator: &Validator, instance: &Value) -> String {
    validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect::<Vec<_>>().join("\n")
}

fn assert_fits(validator: &Validator, path: &Path, instance: &Value) {
    let errors = errors(validator, instance);
    assert!(errors.is_empty(), "{} does not fit its schema:\n{errors}", path.display());
}

/// The `*.json` files of a directory, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The catalogue directories that ship.
const CATALOGUES: &[&str] = &["core/catalog", "examples/minzheng"];

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema() {
    for path in json_files(&root().join("schema")) {
        let schema = read(&path);
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{}: {e}", path.display());
        }
    }
}

#[test]
fn every_shipped_catalogue_file_fits_its_schema() {
    let (facts, documents, bundles, service, scenario) = (
        validator("facts.schema.json"),
        validator("documents.schema.json"),
        validator("bundles.schema.json"),
        validator("service.schema.json"),
        validator("scenario.schema.json"),
    );
    let mut checked = 0;
    for catalogue in CATALOGUES {
        let dir = root().join(catalogue);
        for (name, validator) in [("facts.json", &facts), ("documents.json", &documents)] {
            let path = dir.join(name);
            assert_fits(validator, &path, &read(&path));
            checked += 1;
        }
        // Optional: a catalogue without service bundles has no bundles.json.
        let path = dir.join("bundles.json");
        if path.exists() {
            assert_fits(&bundles, &path, &read(&path));
            checked += 1;
        }
        for path in json_files(&dir.join("services")).into_iter().chain(json_files(&dir.join("scenarios"))) {
            let validator = if path.parent().unwrap().ends_with("services") { &service } else { &scenario };
            assert_fits(validator, &path, &read(&path));
            checked += 1;
        }
    }
    // 2 + 2 registry files, 1 + 1 bundles.json, 18 + 5 services, 18 + 5
    // scenario files.
    assert_eq!(checked, 52);
}

#[test]
fn every_bundle_fits_the_bundle_schema() {
    let bundle = validator("bundle.schema.json");
    let shipped = root().join("examples/minzheng/bundle.json");
    assert_fits(&bundle, &shipped, &read(&shipped));
    for catalogue in CATALOGUES {
        let output =
            Command::new(env!("CARGO_BIN_EXE_banshi")).args(["bundle", catalogue]).current_dir(ROOT).output().unwrap();
        assert!(output.status.success(), "banshi bundle {catalogue}");
        let made: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_fits(&bundle, Path::new(catalogue), &made);
    }
}

/// Renames the key at the end of `path` to `to`. Each key of the path is the
/// first one met (depth first) inside the value of the one before it:
/// `pledge/text` is the `text` of the first `pledge`, not a rule's `text`.
fn misspell(value: &mut Value, path: &str, to: &str) -> bool {
    match path.split_once('/') {
        Some((within, rest)) => find(value, within).is_some_and(|inner| misspell(inner, rest, to)),
        None => match find_parent(value, path) {
            Some(map) => {
                let v = map.remove(path).unwrap();
                map.insert(to.to_owned(), v);
                true
            }
            None => false,
        },
    }
}

/// The value of the first key `key` met, depth first.
fn find<'a>(value: &'a mut Value, key: &str) -> Option<&'a mut Value> {
    find_parent(value, key).and_then(|map| map.get_mut(key))
}

/// The first object met, depth first, that has the key `key`.
fn find_parent<'a>(value: &'a mut Value, key: &str) -> Option<&'a mut serde_json::Map<String, Value>> {
    match value {
        Value::Object(map) => {
            if map.contains_key(key) {
                return Some(map);
            }
            map.values_mut().find_map(|v| find_parent(v, key))
        }
        Value::Array(items) => items.iter_mut().find_map(|v| find_parent(v, key)),
        _ => None,
    }
}

#[test]
fn a_misspelt_key_is_refused_wherever_it_is() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("service.schema.json", "core/catalog/services/10.1.json", "materials", "materails"),
        ("service.schema.json", "core/catalog/services/10.1.json", "when_source", "when_sourse"),
        ("service.schema.json", "core/catalog/services/8.1.json", "max_bytes", "maxbytes"),
        ("service.schema.json", "core/catalog/services/3.3.json", "document", "documnet"),
        ("service.schema.json", "core/catalog/services/1.2.json", "options", "option"),
        ("facts.schema.json", "core/catalog/facts.json", "phrase", "phrasse"),
        ("facts.schema.json", "examples/minzheng/facts.json", "subject", "subjcet"),
        ("documents.schema.json", "core/catalog/documents.json", "issuer", "isuer"),
        ("bundle.schema.json", "examples/minzheng/bundle.json", "decision", "decison"),
        ("bundle.schema.json", "examples/minzheng/bundle.json", "derived", "derivd"),
        ("scenario.schema.json", "core/catalog/scenarios/10.1.json", "absent", "absnet"),
        // Issue 11's objects: 免提交, 容缺受理, 告知承诺 and a service bundle,
        // in their own files and in the one-file bundle.
        ("documents.schema.json", "examples/minzheng/documents.json", "stand_in/by", "bye"),
        ("service.schema.json", "examples/minzheng/services/3.1.json", "deferrable/days", "day"),
        ("service.schema.json", "examples/minzheng/services/1.1.json", "pledge/text", "txt"),
        ("bundles.schema.json", "core/catalog/bundles.json", "bundles/services", "sevices"),
        ("bundles.schema.json", "examples/minzheng/bundles.json", "bundles/decision", "decisoin"),
        ("bundle.schema.json", "examples/minzheng/bundle.json", "stand_in/decision", "decison"),
        ("bundle.schema.json", "examples/minzheng/bundle.json", "bundles/name", "nmae"),
    ];
    for &(schema, file, from, to) in cases {
        let validator = validator(schema);
        let mut instance = read(&root().join(file));
        assert!(errors(&validator, &instance).is_empty(), "{file} fits before the change");
        assert!(misspell(&mut instance, from, to), "{file} has no key {from}");
        let errors = errors(&validator, &instance);
        assert!(errors.contains(to), "{file} with {from} misspelt as {to} must be refused, naming it; got:\n{errors}");
    }
}

#[test]
fn a_value_of_the_wrong_kind_is_refused() {
    let service = validator("service.schema.json");
    let mut file = read(&root().join("core/catalog/services/10.1.json"));
    file["materials"][0]["form"] = "originals".into();
    file["id"] = "10-1".into();
    let errors = errors(&service, &file);
    assert!(errors.contains("/materials/0/form") && errors.contains("/id"), "{errors}");
    let facts = validator("facts.schema.json");
    let mut file = read(&root().join("core/catalog/facts.json"));
    file["facts"][1]["yes"] = "是".into(); // hukou is a choice: yes/no belong to bool facts
    assert!(!facts.is_valid(&file));
}

/// 免提交, 容缺受理, 告知承诺 and a service bundle each need `source` or
/// `decision`, and their values stay in range, as the loader requires.
#[test]
fn a_mechanism_without_provenance_or_out_of_range_is_refused() {
    let refused = |schema: &str, file: &str, change: &dyn Fn(&mut Value), at: &str| {
        let validator = validator(schema);
        let mut instance = read(&root().join(file));
        assert!(errors(&validator, &instance).is_empty(), "{file} fits before the change");
        change(&mut instance);
        let errors = errors(&validator, &instance);
        assert!(errors.contains(at), "{file}: the change must be refused at {at}; got:\n{errors:?}");
    };
    let strip = |v: &mut Value| {
        let o = v.as_object_mut().unwrap();
        o.remove("source");
        o.remove("decision");
    };
    // examples/minzheng/documents.json: disability_certificate (index 3) has both.
    refused(
        "documents.schema.json",
        "examples/minzheng/documents.json",
        &|f| strip(&mut f["documents"][3]["stand_in"]),
        "/documents/3/stand_in",
    );
    refused(
        "documents.schema.json",
        "examples/minzheng/documents.json",
        &|f| f["documents"][0]["stand_in"]["by"] = "paper".into(),
        "/documents/0/stand_in/by",
    );
    // 5.1's medical_bills (index 6) is deferrable with both; 1.1's
    // guardianship_proof (index 8) has a pledge.
    let five = "examples/minzheng/services/5.1.json";
    refused("service.schema.json", five, &|f| strip(&mut f["materials"][6]["deferrable"]), "/materials/6/deferrable");
    for days in [0, 366] {
        refused(
            "service.schema.json",
            five,
            &|f| f["materials"][6]["deferrable"]["days"] = days.into(),
            "/materials/6/deferrable/days",
        );
    }
    let one = "examples/minzheng/services/1.1.json";
    refused("service.schema.json", one, &|f| strip(&mut f["materials"][8]["pledge"]), "/materials/8/pledge");
    refused(
        "service.schema.json",
        one,
        &|f| f["materials"][8]["pledge"]["text"] = " ".into(),
        "/materials/8/pledge/text",
    );
    let bundles = "examples/minzheng/bundles.json";
    refused("bundles.schema.json", bundles, &|f| strip(&mut f["bundles"][0]), "/bundles/0");
    refused("bundles.schema.json", bundles, &|f| f["bundles"][0]["id"] = "1.1+2.1".into(), "/bundles/0/id");
    refused(
        "bundles.schema.json",
        bundles,
        &|f| f["bundles"][0]["services"] = serde_json::json!(["1.1"]),
        "/bundles/0/services",
    );
    refused(
        "bundles.schema.json",
        bundles,
        &|f| f["bundles"][0]["services"] = serde_json::json!(["1.1", "1.1"]),
        "/bundles/0/services",
    );
    let seventeen: Vec<String> = (1..=17).map(|i| format!("{i}.1")).collect();
    refused(
        "bundles.schema.json",
        bundles,
        &|f| f["bundles"][0]["services"] = seventeen.clone().into(),
        "/bundles/0/services",
    );
}
