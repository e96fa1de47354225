//! The npm package's TypeScript types, generated from Rust types.
//!
//! The embedded catalogue's facts (`Facts`, `FactName`, one union per choice
//! fact) and its ids and codes come from `banshi::typescript`, the generator
//! behind `banshi types`. The DTOs below mirror the JSON schema (SCHEMA.md);
//! `ts-rs` generates the rest of `bindings/npm/types.d.ts` from them, and
//! the mirror is proven exact: every conformance response deserialises into
//! its DTO and serialises back to the identical bytes, and every conformance
//! request parses as its request DTO, with facts that fit `Facts`.
//! `BANSHI_BLESS=1 cargo test -p banshi-wasm --test types` regenerates the file.

#![allow(missing_docs, dead_code)]

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

// --- vocabulary ---------------------------------------------------------------

#[derive(Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Original,
    Copy,
    OriginalAndCopy,
    Electronic,
}

// --- requests ---------------------------------------------------------------

#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AssessRequest {
    #[ts(type = "ServiceId")]
    pub service: String,
    /// Checked against the vocabulary by `facts_fit`, as the generated `Facts` reads them.
    #[ts(type = "Facts")]
    pub facts: serde_json::Map<String, serde_json::Value>,
}

/// One submitted material: for photos `originals` counts photos, for uploads files.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    #[ts(type = "MaterialId")]
    pub id: String,
    #[ts(optional)]
    pub originals: Option<u32>,
    #[ts(optional)]
    pub copies: Option<u32>,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    #[ts(type = "ServiceId")]
    pub service: String,
    /// Checked against the vocabulary by `facts_fit`, as the generated `Facts` reads them.
    #[ts(type = "Facts")]
    pub facts: serde_json::Map<String, serde_json::Value>,
    #[ts(optional)]
    pub submitted: Option<Vec<Submission>>,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct IdNumberRequest {
    pub id_number: String,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DateRequest {
    pub date: String,
}

/// A chosen file, described as a browser `File` is.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FileInfo {
    pub name: String,
    #[serde(rename = "type")]
    #[ts(optional)]
    pub mime_type: Option<String>,
    /// Bytes; a JS `File.size` is a number, and the library accepts any non-negative integer.
    #[ts(type = "number")]
    pub size: u64,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FileRequest {
    #[ts(type = "ServiceId")]
    pub service: String,
    #[ts(type = "MaterialId")]
    pub material: String,
    pub file: FileInfo,
}

// --- responses --------------------------------------------------------------

#[derive(Serialize, Deserialize, TS)]
pub struct ServiceRef {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Case {
    pub value: String,
    pub name: String,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Photo {
    pub size: String,
    pub color: bool,
    pub bareheaded: bool,
    pub count: u32,
}

#[derive(Serialize, Deserialize, TS)]
pub struct FileSpec {
    pub formats: Vec<String>,
    pub max_bytes: u32,
}

/// What a material is and how many are needed.
#[derive(Serialize, Deserialize, TS)]
pub struct MaterialFields {
    /// The id of the document it is, in the catalogue's registry (`vocabulary().documents`).
    pub document: String,
    /// Whose material it is: one of the catalogue's `vocabulary().owners`.
    pub owner: String,
    pub form: Form,
    pub originals: u32,
    pub copies: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub paper: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub photo: Option<Photo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub file: Option<FileSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stamps: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<Vec<String>>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Material {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub fields: MaterialFields,
}

/// A single material's fields, or a choice of materials.
#[derive(Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Spec {
    OneOf { one_of: Vec<Material> },
    Single(MaterialFields),
}

#[derive(Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub spec: Spec,
    pub because: Vec<String>,
    pub basis: Vec<String>,
    /// The interpretation it rests on (口径说明), when the seed does not state it plainly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct PendingItem {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub spec: Spec,
    pub when: Option<String>,
    #[ts(type = "Array<FactName>")]
    pub needs: Vec<String>,
    pub basis: Vec<String>,
    /// The interpretation it rests on (口径说明), when the seed does not state it plainly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct RuleOutcome {
    pub id: String,
    pub text: String,
    pub met: Option<bool>,
    pub because: Vec<String>,
    pub basis: Vec<String>,
    /// The interpretation it rests on (口径说明), when the seed does not state it plainly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EligibilityStatus {
    Eligible,
    Ineligible,
    Undetermined,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Eligibility {
    pub status: EligibilityStatus,
    pub rules: Vec<RuleOutcome>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Citation {
    pub id: String,
    /// A document's title, without 《》.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    /// A reference the seed makes without naming a document, shown as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Step {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub actor: Option<String>,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub optional: Option<bool>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Supervision {
    pub office: String,
    pub phone: String,
}

/// The answer to `assess`.
#[derive(Serialize, Deserialize, TS)]
pub struct Assessment {
    pub catalog_version: String,
    /// The banshi library version that gave this answer.
    pub engine_version: String,
    /// `sha256:` and the SHA-256 of the catalogue's canonical form: which rules gave this answer.
    pub catalog_hash: String,
    pub service: ServiceRef,
    pub application_date: String,
    /// Present for services split into cases; `null` until the case fact is given.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    #[ts(optional, as = "Option<Option<Case>>")]
    pub case: Option<Option<Case>>,
    pub eligibility: Eligibility,
    pub checklist: Vec<ChecklistItem>,
    pub pending: Vec<PendingItem>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
    pub legal_basis: Vec<Citation>,
    pub steps: Vec<Step>,
    pub supervision: Supervision,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Problem {
    #[ts(type = "ProblemCode")]
    pub code: String,
    pub message: String,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Defect {
    pub id: String,
    pub name: String,
    pub requirement: String,
    pub problems: Vec<Problem>,
    pub required: MaterialFields,
    pub basis: Vec<String>,
    /// The interpretation it rests on (口径说明), when the seed does not state it plainly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    Complete,
    Incomplete,
    Undetermined,
}

/// The answer to `check`: the one-time notice (一次性告知).
#[derive(Serialize, Deserialize, TS)]
pub struct Notice {
    pub catalog_version: String,
    /// The banshi library version that gave this answer.
    pub engine_version: String,
    /// `sha256:` and the SHA-256 of the catalogue's canonical form: which rules gave this answer.
    pub catalog_hash: String,
    pub service: ServiceRef,
    pub application_date: String,
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    #[ts(optional, as = "Option<Option<Case>>")]
    pub case: Option<Option<Case>>,
    pub eligibility: Eligibility,
    pub status: NoticeStatus,
    pub missing: Vec<ChecklistItem>,
    pub defective: Vec<Defect>,
    pub not_required: Vec<String>,
    pub pending: Vec<PendingItem>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
    pub legal_basis: Vec<Citation>,
    pub supervision: Supervision,
}

#[derive(Serialize, Deserialize, TS)]
pub struct ServiceSummary {
    pub id: String,
    pub name: String,
    #[ts(type = "Array<FactName>")]
    pub facts: Vec<String>,
}

/// The answer to `services`.
#[derive(Serialize, Deserialize, TS)]
pub struct Services {
    pub catalog_version: String,
    pub services: Vec<ServiceSummary>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct GuideRule {
    pub id: String,
    pub text: String,
    pub requires: String,
    pub basis: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct GuideMaterial {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub spec: Spec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub case: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub when: Option<String>,
    pub basis: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

/// The answer to `service`: the full guide.
#[derive(Serialize, Deserialize, TS)]
pub struct Guide {
    pub catalog_version: String,
    pub engine_version: String,
    pub catalog_hash: String,
    pub id: String,
    pub name: String,
    /// The national 事项编码, where the catalogue gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub item_code: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub legal_basis: Vec<Citation>,
    pub implementing_body: String,
    pub boundary: String,
    pub steps: Vec<Step>,
    pub responsibility: String,
    pub supervision: Supervision,
    #[ts(type = "Array<FactName>")]
    pub facts: Vec<String>,
    pub eligibility: Vec<GuideRule>,
    pub case_fact: Option<String>,
    pub cases: Vec<Case>,
    pub materials: Vec<GuideMaterial>,
    pub decisions: Vec<String>,
}

/// The answer to the validators. An invalid value is `valid: false`, not an error.
#[derive(Serialize, Deserialize, TS)]
pub struct Validation {
    pub valid: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub masked: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sex: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub problems: Option<Vec<Problem>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub formats: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_bytes: Option<u32>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct Label {
    pub name: String,
    pub label: String,
}

#[derive(Serialize, Deserialize, TS)]
pub struct FactInfo {
    #[ts(type = "FactName")]
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub choices: Option<Vec<Label>>,
}

/// A value conditions read that no request gives: an engine function of a date fact.
#[derive(Serialize, Deserialize, TS)]
pub struct DerivedInfo {
    pub name: String,
    pub label: String,
    pub function: String,
    #[ts(type = "FactName")]
    pub of: String,
}

/// A kind of document in the catalogue's registry.
#[derive(Serialize, Deserialize, TS)]
pub struct DocumentInfo {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issuer: Option<String>,
}

/// The answer to `vocabulary`.
#[derive(Serialize, Deserialize, TS)]
pub struct Vocabulary {
    pub catalog_version: String,
    pub facts: Vec<FactInfo>,
    pub derived: Vec<DerivedInfo>,
    pub documents: Vec<DocumentInfo>,
    pub owners: Vec<Label>,
    pub forms: Vec<Label>,
}

#[derive(Serialize, Deserialize, TS)]
pub struct CatalogProblem {
    pub file: String,
    pub service: Option<String>,
    pub path: String,
    pub message: String,
}

/// An error's details; `code` is the C result name, such as `UNKNOWN_FACT`.
#[derive(Serialize, Deserialize, TS)]
pub struct ErrorDetail {
    #[ts(type = "ErrorCode")]
    pub code: String,
    pub number: u32,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub material: Option<String>,
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    #[ts(optional, as = "Option<Option<String>>")]
    pub suggestion: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub problems: Option<Vec<CatalogProblem>>,
}

/// What a failing call reports.
#[derive(Serialize, Deserialize, TS)]
pub struct ErrorResponse {
    pub error: ErrorDetail,
}

// --- generation and proof -------------------------------------------------

const TYPES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../bindings/npm/types.d.ts");
const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases");

/// The values of the generated union `name` in `text` (`export type Name = "a" | "b";`).
fn union_values<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let head = format!("export type {name} = ");
    let start = text.find(&head).unwrap_or_else(|| panic!("no union {name}")) + head.len();
    let line = &text[start..start + text[start..].find(";\n").unwrap()];
    line.split(" | ").map(|v| v.trim_matches('"')).collect()
}

/// Whether a request's facts fit the generated `Facts` of the embedded
/// catalogue: `application_date` a string, every other key a fact of the
/// vocabulary, and each value `null` or of its fact's type.
fn facts_fit(facts: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
    use banshi::FactKind;
    use serde_json::Value;
    let vocabulary = banshi::Catalog::embedded().vocabulary();
    if !facts.get("application_date").is_some_and(Value::is_string) {
        return Err("application_date is required and a string".into());
    }
    for (key, value) in facts {
        let fact = vocabulary.fact(key).ok_or_else(|| format!("{key} is no fact"))?;
        let fits = match (fact.kind(), value) {
            (_, Value::Null) => key != "application_date",
            (FactKind::Bool, Value::Bool(_)) => true,
            (FactKind::Count, Value::Number(n)) => n.is_u64(),
            (FactKind::Date, Value::String(_)) => true,
            (FactKind::Choice, Value::String(v)) => fact.choices().iter().any(|c| c.name() == v),
            _ => false,
        };
        if !fits {
            return Err(format!("{key}: {value} is not of its type"));
        }
    }
    Ok(())
}

fn generate() -> String {
    let cfg = ts_rs::Config::new();
    let mut out = String::from(
        "// Generated by wasm/tests/types.rs; do not edit. The embedded catalogue's facts and ids come first,\n\
         // from banshi::typescript (what `banshi types` prints for any catalogue); the requests and answers\n\
         // follow, from Rust types (ts-rs). BANSHI_BLESS=1 cargo test -p banshi-wasm --test types regenerates it.\n\n",
    );
    out += &banshi::typescript::declarations(banshi::Catalog::embedded());
    out.push('\n');
    macro_rules! decl {
        ($($t:ty),* $(,)?) => {$(
            out.push_str("export ");
            out.push_str(&<$t as TS>::decl(&cfg));
            out.push_str("\n\n");
        )*};
    }
    decl!(
        Form,
        AssessRequest,
        Submission,
        CheckRequest,
        IdNumberRequest,
        DateRequest,
        FileInfo,
        FileRequest,
        ServiceRef,
        Case,
        Photo,
        FileSpec,
        MaterialFields,
        Material,
        Spec,
        ChecklistItem,
        PendingItem,
        RuleOutcome,
        EligibilityStatus,
        Eligibility,
        Citation,
        Step,
        Supervision,
        Assessment,
        Problem,
        Defect,
        NoticeStatus,
        Notice,
        ServiceSummary,
        Services,
        GuideRule,
        GuideMaterial,
        Guide,
        Validation,
        Label,
        FactInfo,
        DerivedInfo,
        DocumentInfo,
        Vocabulary,
        CatalogProblem,
        ErrorDetail,
        ErrorResponse,
    );
    out.trim_end().to_owned() + "\n"
}

#[test]
fn types_are_up_to_date() {
    let fresh = generate();
    if std::env::var_os("BANSHI_BLESS").is_some() {
        std::fs::write(TYPES, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(TYPES).unwrap_or_default();
    assert!(
        committed == fresh,
        "bindings/npm/types.d.ts is stale: run BANSHI_BLESS=1 cargo test -p banshi-wasm --test types"
    );
}

/// Deserialises `text` as `T` and serialises it back: it must be the same bytes.
fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(what: &str, text: &str) {
    let value: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: does not fit its type: {e}\n{text}"));
    let again = serde_json::to_string(&value).unwrap();
    assert_eq!(again, text, "{what}: the type drops or reorders something");
}

/// Every problem and error code in a conformance answer is in the generated unions.
#[test]
fn problem_codes_cover_the_cases() {
    let generated = generate();
    let codes = union_values(&generated, "ProblemCode");
    for dir in std::fs::read_dir(CASES).unwrap() {
        for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "out") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split(r#""code":""#).skip(1) {
                    let code = &piece[..piece.find('"').unwrap()];
                    let known = codes.contains(&code) || banshi::ErrorCode::ALL.iter().any(|c| c.name() == code);
                    assert!(known, "{}: code {code} is in no generated union", path.display());
                }
            }
        }
    }
}

#[test]
fn every_conformance_response_fits_its_type_exactly() {
    let mut checked = 0;
    for dir in std::fs::read_dir(CASES).unwrap() {
        let dir = dir.unwrap().path();
        let call = dir.file_name().unwrap().to_str().unwrap().to_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            let what = path.display().to_string();
            if path.extension().is_some_and(|e| e == "out") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.starts_with(r#"{"error""#) {
                    round_trip::<ErrorResponse>(&what, &text);
                } else {
                    match call.as_str() {
                        "assess" => round_trip::<Assessment>(&what, &text),
                        "check" => round_trip::<Notice>(&what, &text),
                        "service" => round_trip::<Guide>(&what, &text),
                        "services" | "load_catalog" => round_trip::<Services>(&what, &text),
                        "vocabulary" => round_trip::<Vocabulary>(&what, &text),
                        _ => round_trip::<Validation>(&what, &text),
                    }
                }
                checked += 1;
            }
            // Every well-formed request fits its request type (error cases may not).
            if path.extension().is_some_and(|e| e == "req")
                && !path.file_name().unwrap().to_str().unwrap().starts_with("error-")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let fits = match call.as_str() {
                    "assess" => serde_json::from_str::<AssessRequest>(&text).map(|r| facts_fit(&r.facts)),
                    "check" => serde_json::from_str::<CheckRequest>(&text).map(|r| facts_fit(&r.facts)),
                    "validate_id_number" => serde_json::from_str::<IdNumberRequest>(&text).map(|_| Ok(())),
                    "validate_date" => serde_json::from_str::<DateRequest>(&text).map(|_| Ok(())),
                    "validate_file" => serde_json::from_str::<FileRequest>(&text).map(|_| Ok(())),
                    _ => Ok(Ok(())),
                };
                fits.unwrap_or_else(|e| panic!("{what}: request does not fit its type: {e}"))
                    .unwrap_or_else(|e| panic!("{what}: its facts do not fit Facts: {e}"));
            }
        }
    }
    assert!(checked >= 80, "checked {checked}");
}
