//! Every answer's receipt: engine version, catalogue version and the
//! catalogue's content hash, which tell exactly which rules gave it.

use banshi::Catalog;

fn catalogue_files() -> (String, Vec<(String, String)>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog");
    let version = std::fs::read_to_string(format!("{dir}/VERSION")).unwrap().trim().to_owned();
    (version, crate::source_files())
}

fn load(version: &str, files: &[(String, String)]) -> Catalog {
    Catalog::from_files(version, files.iter().map(|(n, t)| (n.as_str(), t.as_str()))).unwrap()
}

#[test]
fn the_build_time_hash_is_the_hash_of_the_catalogue_files() {
    let embedded = Catalog::embedded().content_hash();
    assert!(embedded.starts_with("sha256:") && embedded.len() == 7 + 64, "{embedded}");
    let (version, files) = catalogue_files();
    // The files carry the seed quotes the embedded build strips: they do not count.
    assert_eq!(load(&version, &files).content_hash(), embedded);
    let bundle = crate::source_bundle(&version);
    assert_eq!(Catalog::from_bundle(&bundle).unwrap().content_hash(), embedded);
}

#[test]
fn formatting_keeps_the_hash_and_a_rule_change_under_the_same_version_does_not() {
    let (version, files) = catalogue_files();
    let original = load(&version, &files).content_hash().to_owned();
    // Reformatted: minified, keys in another order, files in another order.
    let mut reformatted: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| {
            let value: serde_json::Value = serde_json::from_str(t).unwrap();
            (n.clone(), serde_json::to_string(&value).unwrap())
        })
        .collect();
    reformatted.reverse();
    assert_eq!(load(&version, &reformatted).content_hash(), original);
    // The same version string, one rule changed: divorced borrowers bring the spouse's ID too.
    let changed: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| {
            let t = if n == "10.1.json" {
                assert!(t.contains(r#""when": "marital_status == married""#));
                t.replacen(
                    r#""when": "marital_status == married""#,
                    r#""when": "marital_status in [married, divorced]""#,
                    1,
                )
            } else {
                t.clone()
            };
            (n.clone(), t)
        })
        .collect();
    let changed = load(&version, &changed);
    assert_eq!(changed.version(), Catalog::embedded().version());
    assert_ne!(changed.content_hash(), original);
}

#[test]
fn every_answer_carries_the_receipt() {
    let catalog = Catalog::embedded();
    let receipt = format!(
        r#"{{"catalog_version":"{}","engine_version":"{}","catalog_hash":"{}","#,
        catalog.version(),
        banshi::VERSION,
        catalog.content_hash()
    );
    let request = r#"{"service":"10.1","facts":{"application_date":"2026-11-27"}}"#;
    assert!(banshi::json::assess(catalog, request).unwrap().starts_with(&receipt));
    assert!(banshi::json::check(catalog, request).unwrap().starts_with(&receipt));
    assert!(banshi::json::service(catalog, "10.1").unwrap().starts_with(&receipt));
    let facts =
        banshi::Facts::from_json(banshi::Catalog::embedded().vocabulary(), r#"{"application_date":"2026-11-27"}"#)
            .unwrap();
    let typed = catalog.assess("10.1", &facts).unwrap();
    assert_eq!(typed.to_json(), serde_json::to_string(&typed).unwrap(), "Serialize and to_json agree");
}
