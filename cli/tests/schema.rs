//! `schema/`: the JSON Schemas (draft 2020-12) an editor validates
//! catalogue files with as they are typed. Every shipped catalogue file, the
//! bundles and the scenario files fit them, and a misspelt key anywhere is
//! refused, as the loader refuses it.

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
    let (facts, documents, service, scenario) = (
        validator("facts.schema.json"),
        validator("documents.schema.json"),
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
        for path in json_files(&dir.join("services")).into_iter().chain(json_files(&dir.join("scenarios"))) {
            let validator = if path.parent().unwrap().ends_with("services") { &service } else { &scenario };
            assert_fits(validator, &path, &read(&path));
            checked += 1;
        }
    }
    // 2 + 2 registry files, 18 + 5 services, 18 + 5 scenario files.
    assert_eq!(checked, 50);
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

/// Renames the first key `from` met (depth first, in document order) to `to`.
fn misspell(value: &mut Value, from: &str, to: &str) -> bool {
    match value {
        Value::Object(map) => {
            if let Some(v) = map.remove(from) {
                map.insert(to.to_owned(), v);
                return true;
            }
            map.values_mut().any(|v| misspell(v, from, to))
        }
        Value::Array(items) => items.iter_mut().any(|v| misspell(v, from, to)),
        _ => false,
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
