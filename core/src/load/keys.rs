//! The keys each object of a catalogue file may have. The loader refuses any
//! other key (with the nearest of these), and `schema/*.json`, which editors
//! validate catalogue files with, lists the same: the test below reads every
//! schema's `properties` and compares them with these lists, both ways, so
//! that neither can gain or lose a key alone.

/// `facts.json`.
pub(crate) const FACTS_FILE: &[&str] = &["facts", "derived", "owners"];
/// `documents.json`.
pub(crate) const DOCUMENTS_FILE: &[&str] = &["documents"];
/// A one-file bundle.
pub(crate) const BUNDLE: &[&str] = &["version", "facts", "derived", "owners", "documents", "bundles", "services"];
/// `bundles.json`.
pub(crate) const BUNDLES_FILE: &[&str] = &["bundles"];
/// One of `bundles`: services applied for at once (一件事).
pub(crate) const SERVICE_BUNDLE: &[&str] = &["id", "name", "services", "source", "decision"];
/// One of `facts`.
pub(crate) const FACT: &[&str] = &["name", "label", "type", "choices", "yes", "no", "max", "subject", "unit"];
/// One of a choice fact's `choices`.
pub(crate) const CHOICE: &[&str] = &["name", "label", "phrase"];
/// One of `derived`.
pub(crate) const DERIVED: &[&str] = &["name", "label", "function", "of", "subject", "unit"];
/// One of `owners`.
pub(crate) const OWNER: &[&str] = &["name", "label"];
/// One of `documents`.
pub(crate) const DOCUMENT: &[&str] = &["id", "name", "issuer", "stand_in"];
/// A document's `stand_in`.
pub(crate) const STAND_IN: &[&str] = &["by", "source", "decision"];
/// A service file.
pub(crate) const SERVICE: &[&str] = &[
    "id",
    "name",
    "item_code",
    "valid_from",
    "valid_until",
    "legal_basis",
    "implementing_body",
    "boundary",
    "steps",
    "responsibility",
    "supervision",
    "eligibility",
    "cases",
    "materials",
    "decisions",
];
/// One of a service's `legal_basis`.
pub(crate) const CITATION: &[&str] = &["id", "title", "reference", "number", "note", "source"];
/// One of a service's `steps`.
pub(crate) const STEP: &[&str] = &["actor", "action", "phone", "optional", "source"];
/// A service's `supervision`.
pub(crate) const SUPERVISION: &[&str] = &["office", "phone"];
/// One of a service's `eligibility` rules.
pub(crate) const RULE: &[&str] = &["id", "text", "requires", "basis", "decision", "source"];
/// A service's `cases`.
pub(crate) const CASES: &[&str] = &["fact", "options"];
/// One of `cases.options`.
pub(crate) const CASE_OPTION: &[&str] = &["value", "name", "source"];
/// One of a service's `decisions`.
pub(crate) const DECISION: &[&str] = &["text", "source"];
/// One of a service's `materials`.
pub(crate) const REQUIREMENT: &[&str] = &[
    "id",
    "name",
    "document",
    "owner",
    "form",
    "copies",
    "paper",
    "photo",
    "file",
    "stamps",
    "notes",
    "one_of",
    "case",
    "when",
    "reason",
    "basis",
    "valid_from",
    "valid_until",
    "decision",
    "source",
    "when_source",
    "deferrable",
    "pledge",
];
/// A requirement's `deferrable`.
pub(crate) const DEFERRABLE: &[&str] = &["days", "source", "decision"];
/// A requirement's `pledge`.
pub(crate) const PLEDGE: &[&str] = &["text", "source", "decision"];
/// One of a requirement's `one_of` options.
pub(crate) const MATERIAL: &[&str] =
    &["id", "name", "document", "owner", "form", "copies", "paper", "photo", "file", "stamps", "notes"];
/// A material's `photo`.
pub(crate) const PHOTO: &[&str] = &["size", "color", "bareheaded", "count"];
/// A material's `file`.
pub(crate) const FILE: &[&str] = &["formats", "max_bytes"];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;

    /// A JSON pointer into a schema, and the loader's list of keys for the
    /// object there.
    type At = (&'static str, &'static [&'static str]);

    /// Each schema (name and text), and where in it each of the loader's
    /// lists is.
    fn lists() -> Vec<(&'static str, &'static str, Vec<At>)> {
        vec![
            ("bundle.schema.json", include_str!("../../../schema/bundle.schema.json"), vec![("", BUNDLE)]),
            (
                "bundles.schema.json",
                include_str!("../../../schema/bundles.schema.json"),
                vec![("", BUNDLES_FILE), ("/$defs/bundle", SERVICE_BUNDLE)],
            ),
            (
                "documents.schema.json",
                include_str!("../../../schema/documents.schema.json"),
                vec![("", DOCUMENTS_FILE), ("/$defs/document", DOCUMENT), ("/$defs/stand_in", STAND_IN)],
            ),
            (
                "facts.schema.json",
                include_str!("../../../schema/facts.schema.json"),
                vec![
                    ("", FACTS_FILE),
                    ("/$defs/fact", FACT),
                    ("/$defs/choice", CHOICE),
                    ("/$defs/derived", DERIVED),
                    ("/$defs/owner", OWNER),
                ],
            ),
            (
                "service.schema.json",
                include_str!("../../../schema/service.schema.json"),
                vec![
                    ("", SERVICE),
                    ("/properties/supervision", SUPERVISION),
                    ("/properties/cases", CASES),
                    ("/properties/cases/properties/options/items", CASE_OPTION),
                    ("/properties/decisions/items", DECISION),
                    ("/$defs/citation", CITATION),
                    ("/$defs/step", STEP),
                    ("/$defs/rule", RULE),
                    ("/$defs/photo", PHOTO),
                    ("/$defs/file", FILE),
                    ("/$defs/material", MATERIAL),
                    ("/$defs/requirement", REQUIREMENT),
                    ("/$defs/deferrable", DEFERRABLE),
                    ("/$defs/pledge", PLEDGE),
                ],
            ),
        ]
    }

    /// Every object schema that closes its keys (`additionalProperties:
    /// false`), by JSON pointer.
    fn closed(value: &Value, pointer: String, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                if members.get("additionalProperties") == Some(&Value::Bool(false)) {
                    out.push(pointer.clone());
                }
                for (key, v) in members {
                    closed(v, format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1")), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    closed(v, format!("{pointer}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_schemas_list_the_loaders_keys() {
        for (name, text, lists) in lists() {
            let schema: Value = serde_json::from_str(text).unwrap();
            for (pointer, keys) in &lists {
                let properties = schema
                    .pointer(&format!("{pointer}/properties"))
                    .and_then(Value::as_object)
                    .unwrap_or_else(|| panic!("{name}: no properties at {pointer:?}"));
                let in_schema: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
                let in_loader: BTreeSet<&str> = keys.iter().copied().collect();
                assert_eq!(in_loader.len(), keys.len(), "{name} {pointer:?}: a key listed twice");
                assert_eq!(
                    in_schema,
                    in_loader,
                    "{name} {pointer:?}: only in the schema {:?}, only in the loader {:?}",
                    in_schema.difference(&in_loader).collect::<Vec<_>>(),
                    in_loader.difference(&in_schema).collect::<Vec<_>>()
                );
                assert_eq!(
                    schema.pointer(&format!("{pointer}/additionalProperties")),
                    Some(&Value::Bool(false)),
                    "{name} {pointer:?}: the schema should refuse other keys, as the loader does"
                );
            }
            // And no closed object of the schema lacks its loader list.
            let mut all = Vec::new();
            closed(&schema, String::new(), &mut all);
            let compared: Vec<&str> = lists.iter().map(|(p, _)| *p).collect();
            for pointer in all {
                assert!(compared.contains(&pointer.as_str()), "{name}: {pointer:?} has no loader list to compare with");
            }
        }
    }
}
