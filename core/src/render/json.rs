//! The JSON API: one request schema and one response schema for every
//! binding (C, Java, JavaScript) and for the CLI.
//!
//! Every function takes UTF-8 JSON text and returns UTF-8 JSON text, or an
//! [`Error`] that [`error`] turns into `{"error": {…}}`. The schema is
//! documented in `SCHEMA.md`. Object keys are closed: an unknown key is an
//! error naming the nearest known key.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::error::Error;
use crate::eval::file::UploadedFile;
use crate::eval::{OnFile, Submission};
use crate::facts::FactNames;
use crate::facts::Facts;
use crate::model::{Bundle, Catalog, Service};
use crate::render::answer::{CaseJson, CitationJson, MaterialJson, Seq, StepJson, SupervisionJson};
use crate::render::request::{Fallible, Object};
use crate::support::date::Date;
use crate::support::id_number::IdNumber;
use crate::support::wire::{self, Value};

fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    crate::support::writer::to_string(value, 256)
}

/// Lists the services: `{"catalog_version", "services": [{"id", "name",
/// "facts"}], "bundles"?: [{"id", "name", "decision"?, "services": [{"id",
/// "name"}]}]}`, the declared bundles only when there are any.
pub fn services(catalog: &Catalog) -> String {
    struct Entry<'a>(&'a Service);
    impl Serialize for Entry<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(3))?;
            map.serialize_entry("id", self.0.id())?;
            map.serialize_entry("name", self.0.name())?;
            map.serialize_entry("facts", &FactNames(self.0.facts, &self.0.vocabulary))?;
            map.end()
        }
    }
    /// A declared bundle, as a bundle answer's `bundle` names it.
    struct BundleEntry<'a>(&'a Catalog, &'a Bundle);
    impl Serialize for BundleEntry<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let (catalog, b) = (self.0, self.1);
            let mut map = s.serialize_map(None)?;
            map.serialize_entry("id", &b.id())?;
            map.serialize_entry("name", &b.name())?;
            if let Some(d) = b.decision() {
                map.serialize_entry("decision", d)?;
            }
            map.serialize_entry("services", &Seq(|| catalog.services_of(b).map(crate::render::answer::ServiceRef)))?;
            map.end()
        }
    }
    struct List<'a>(&'a Catalog);
    impl Serialize for List<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            map.serialize_entry("catalog_version", self.0.version())?;
            map.serialize_entry("services", &Seq(|| self.0.services().iter().map(Entry)))?;
            if !self.0.bundles().is_empty() {
                map.serialize_entry("bundles", &Seq(|| self.0.bundles().iter().map(|b| BundleEntry(self.0, b))))?;
            }
            map.end()
        }
    }
    crate::support::writer::to_string(&List(catalog), 4096)
}

/// The full guide to one service: basis, steps, rules, cases and every
/// material with its condition, as the catalogue states them.
///
/// # Errors
///
/// [`Error::UnknownService`], and [`Error::InputTooLarge`] for an id over
/// 1 MiB, the limit of every request.
pub fn service(catalog: &Catalog, id: &str) -> Result<String, Error> {
    service_boxed(catalog, id).map_err(|e| *e)
}

fn service_boxed(catalog: &Catalog, id: &str) -> Fallible<String> {
    if id.len() > wire::MAX_INPUT_BYTES {
        return Err(Box::new(Error::InputTooLarge { size: id.len(), limit: wire::MAX_INPUT_BYTES }));
    }
    let service = catalog.service(id)?;
    Ok(to_string(&Guide { version: catalog.version(), hash: catalog.content_hash(), service }))
}

struct Guide<'a> {
    version: &'a str,
    hash: &'a str,
    service: &'a Service,
}

impl Serialize for Guide<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let svc = self.service;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("catalog_version", self.version)?;
        map.serialize_entry("engine_version", crate::support::VERSION)?;
        map.serialize_entry("catalog_hash", self.hash)?;
        map.serialize_entry("id", svc.id())?;
        map.serialize_entry("name", svc.name())?;
        if let Some(code) = svc.item_code() {
            map.serialize_entry("item_code", code)?;
        }
        map.serialize_entry("valid_from", &svc.valid_from())?;
        map.serialize_entry("valid_until", &svc.valid_until())?;
        map.serialize_entry("legal_basis", &Seq(|| svc.legal_basis().iter().map(CitationJson)))?;
        map.serialize_entry("implementing_body", svc.implementing_body())?;
        map.serialize_entry("boundary", svc.boundary())?;
        map.serialize_entry("steps", &Seq(|| svc.steps().iter().map(StepJson)))?;
        map.serialize_entry("responsibility", svc.responsibility())?;
        map.serialize_entry("supervision", &SupervisionJson(svc.supervision()))?;
        map.serialize_entry("facts", &FactNames(svc.facts, &svc.vocabulary))?;
        map.serialize_entry("eligibility", &Seq(|| svc.eligibility().iter().map(RuleJson)))?;
        map.serialize_entry("case_fact", &svc.case_fact())?;
        map.serialize_entry("cases", &Seq(|| svc.cases().iter().map(CaseJson)))?;
        map.serialize_entry("materials", &Seq(|| svc.requirements().iter().map(|r| RequirementJson(svc, r))))?;
        map.serialize_entry("decisions", svc.decisions())?;
        map.end()
    }
}

struct RuleJson<'a>(&'a crate::model::EligibilityRule);

impl Serialize for RuleJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", r.id())?;
        map.serialize_entry("text", r.text())?;
        map.serialize_entry("requires", r.condition())?;
        map.serialize_entry("basis", &Seq(|| r.basis().iter().map(crate::model::Citation::id)))?;
        if let Some(d) = r.decision() {
            map.serialize_entry("decision", d)?;
        }
        map.end()
    }
}

struct RequirementJson<'a>(&'a Service, &'a crate::model::Requirement);

impl Serialize for RequirementJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (svc, r) = (self.0, self.1);
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", r.id())?;
        map.serialize_entry("name", r.name())?;
        if r.is_one_of() {
            map.serialize_entry("one_of", &Seq(|| r.options().iter().map(MaterialJson)))?;
        } else {
            crate::render::answer::material_fields(&mut map, &r.options()[0])?;
        }
        if let Some(case) = r.case {
            map.serialize_entry("case", svc.cases()[case].value())?;
        }
        if let Some(when) = r.when() {
            map.serialize_entry("when", when)?;
        }
        map.serialize_entry("basis", &Seq(|| r.basis().iter().map(crate::model::Citation::id)))?;
        if let Some(from) = r.valid_from {
            map.serialize_entry("valid_from", &from)?;
        }
        if let Some(until) = r.valid_until {
            map.serialize_entry("valid_until", &until)?;
        }
        if let Some(d) = r.decision() {
            map.serialize_entry("decision", d)?;
        }
        crate::render::answer::mechanism_fields(&mut map, r)?;
        map.end()
    }
}

/// What a request asks about: one service, or a bundle of services.
enum Target<'c> {
    Service(&'c Service),
    Bundle(Cow<'c, Bundle>),
}

/// A parsed `assess` or `check` request.
struct Request<'c, 'v, 'a> {
    target: Target<'c>,
    facts: Facts,
    on_file: OnFile,
    object: Object<'v, 'a>,
}

/// The keys of an `assess` request; `check` adds `submitted`.
const ASSESS_KEYS: &[&str] = &["service", "bundle", "facts", "on_file"];
const CHECK_KEYS: &[&str] = &["service", "bundle", "facts", "on_file", "submitted"];

/// Parses `{"service": "10.1" | "bundle": …, "facts": {…}, "on_file"?: […]}`
/// and its `check` extension.
fn parse_request<'c, 'v, 'a>(
    catalog: &'c Catalog,
    value: &'v Value<'a>,
    known: &[&'static str],
) -> Fallible<Request<'c, 'v, 'a>> {
    let object = Object::new(value, "请求", known)?;
    let bundle = object.get("bundle").filter(|v| !matches!(v, Value::Null));
    // Without a bundle, the service is required (and reported as before bundles existed).
    let service = if bundle.is_none() { Some(object.required_str("service")?) } else { object.str("service")? };
    let facts = Facts::from_wire(catalog.vocabulary(), object.require("facts")?, "facts")?;
    let target = match (service, bundle) {
        (Some(_), Some(_)) => {
            return Err(Box::new(Error::InvalidValue {
                field: "bundle".to_owned(),
                expected: "与 service 只能填写一个".to_owned(),
            }));
        }
        (None, None) => return Err(Box::new(Error::MissingField { field: "service".to_owned() })),
        (Some(id), None) => Target::Service(catalog.service(id)?),
        (None, Some(Value::Str(id))) => Target::Bundle(Cow::Borrowed(catalog.bundle(id)?)),
        (None, Some(Value::Array(items))) => {
            let ids = strings(items, "bundle", crate::model::MAX_BUNDLE)?;
            Target::Bundle(Cow::Owned(catalog.bundle_of(&ids)?))
        }
        (None, Some(other)) => {
            return Err(Box::new(Error::InvalidValue {
                field: "bundle".to_owned(),
                expected: format!("应为“一件事”编号或事项序号数组，实为{}", other.type_name()),
            }));
        }
    };
    let on_file = match object.get("on_file") {
        None | Some(Value::Null) => OnFile::NONE,
        Some(Value::Array(items)) => {
            // Each document at most once for anyone and once per owner.
            let most = catalog.documents().len().saturating_mul(catalog.vocabulary().owners().len() + 1);
            let ids = strings(items, "on_file", most)?;
            catalog.on_file(ids.iter().copied())?
        }
        Some(other) => {
            return Err(Box::new(Error::InvalidValue {
                field: "on_file".to_owned(),
                expected: format!("应为证件编号数组，实为{}", other.type_name()),
            }));
        }
    };
    Ok(Request { target, facts, on_file, object })
}

/// The commonest request, `{"service": "…", "facts": {…}}` with valid
/// facts, read without building a tree (which cost more than the rest of
/// reading it). `None` for any other request, valid or not: those are read
/// by [`parse_request`], which reports what is wrong, so the answer to
/// every request, error or not, is the same as without this path.
///
/// The WASM build, made for size first, leaves this path out (1,380 bytes
/// of the gzipped npm package, for about 2 µs of a 30 µs call in Node):
/// there every request is read by [`parse_request`].
fn plain_request<'c>(catalog: &'c Catalog, text: &str) -> Option<(&'c Service, Facts)> {
    if cfg!(target_family = "wasm") {
        return None;
    }
    let mut reader = wire::Reader::new(text)?;
    if !reader.eat(b'{') {
        return None;
    }
    let (mut service, mut facts) = (None, None);
    if !reader.eat(b'}') {
        loop {
            let key = reader.key()?;
            match key {
                "service" if service.is_none() => match reader.scalar()? {
                    wire::Scalar::Str(id) => service = Some(id),
                    _ => return None,
                },
                "facts" if facts.is_none() => facts = Some(Facts::read(catalog.vocabulary(), &mut reader)?),
                _ => return None,
            }
            if reader.eat(b'}') {
                break;
            }
            if !reader.eat(b',') {
                return None;
            }
        }
    }
    if !reader.at_end() {
        return None;
    }
    Some((catalog.service(service?).ok()?, facts?))
}

/// An array of strings, at most `max` of them (more could not all be valid).
fn strings<'v>(items: &'v [Value<'_>], field: &str, max: usize) -> Fallible<Vec<&'v str>> {
    if items.len() > max {
        return Err(Box::new(Error::InvalidValue {
            field: field.to_owned(),
            expected: format!("最多 {max} 项，实为 {} 项", items.len()),
        }));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::Str(s) => Ok(s.as_ref()),
            other => Err(Box::new(Error::InvalidValue {
                field: format!("{field}[{i}]"),
                expected: format!("应为字符串，实为{}", other.type_name()),
            })),
        })
        .collect()
}

/// Assesses one applicant.
///
/// Request: `{"service": "10.1", "facts": {…}}`. Response: the assessment.
///
/// # Errors
///
/// Malformed JSON, unknown or repeated keys, bad facts, an unknown service
/// or one not in force: each with its own [`Error`] variant.
///
/// # Example
///
/// ```
/// let catalog = banshi::Catalog::embedded();
/// let out = banshi::json::assess(catalog, r#"{"service":"8.1","facts":{"application_date":"2026-11-27","hukou":"nonlocal","birth_date":"1990-01-01","proxy":false}}"#)?;
/// assert!(out.contains(r#""id":"electronic_photo""#));
/// assert!(out.contains("申请人户籍为外地"));
/// # Ok::<(), banshi::Error>(())
/// ```
pub fn assess(catalog: &Catalog, request: &str) -> Result<String, Error> {
    assess_boxed(catalog, request).map_err(|e| *e)
}

fn assess_boxed(catalog: &Catalog, request: &str) -> Fallible<String> {
    if let Some((service, facts)) = plain_request(catalog, request) {
        return Ok(service.assess_in(&facts, &OnFile::NONE, catalog.version(), catalog.content_hash())?.to_json());
    }
    let value = wire::parse(request)?;
    let r = parse_request(catalog, &value, ASSESS_KEYS)?;
    Ok(match r.target {
        Target::Service(service) => {
            service.assess_in(&r.facts, &r.on_file, catalog.version(), catalog.content_hash())?.to_json()
        }
        Target::Bundle(bundle) => catalog.assess_bundle_in(bundle, &r.facts, &r.on_file)?.to_json(),
    })
}

/// As [`assess`], but answers only what varies between applicants: the
/// compact form that the Java and JavaScript bindings expand with the
/// service's guide ([`service`]), read once. The format is documented in
/// `core/src/render/compact.rs`; it is an internal contract between this
/// crate and its bindings, not part of SCHEMA.md. A request for a bundle,
/// or with documents `on_file`, is answered in full, exactly as [`assess`]
/// answers it: the text then starts with `{`, not `[`.
///
/// # Errors
///
/// Exactly as [`assess`], for the same request.
#[doc(hidden)]
pub fn assess_compact(catalog: &Catalog, request: &str) -> Result<String, Error> {
    assess_compact_boxed(catalog, request).map_err(|e| *e)
}

fn assess_compact_boxed(catalog: &Catalog, request: &str) -> Fallible<String> {
    if let Some((service, facts)) = plain_request(catalog, request) {
        return Ok(service.assess_in(&facts, &OnFile::NONE, catalog.version(), catalog.content_hash())?.to_compact());
    }
    let value = wire::parse(request)?;
    let r = parse_request(catalog, &value, ASSESS_KEYS)?;
    Ok(match r.target {
        Target::Service(service) if r.on_file.is_empty() => {
            service.assess_in(&r.facts, &r.on_file, catalog.version(), catalog.content_hash())?.to_compact()
        }
        Target::Service(service) => {
            service.assess_in(&r.facts, &r.on_file, catalog.version(), catalog.content_hash())?.to_json()
        }
        Target::Bundle(bundle) => catalog.assess_bundle_in(bundle, &r.facts, &r.on_file)?.to_json(),
    })
}

/// The one-time notice for what was submitted.
///
/// Request: `{"service", "facts", "submitted": [{"id", "originals", "copies"}]}`;
/// `originals` and `copies` default to 0. Response: the notice.
///
/// # Errors
///
/// As [`assess`], plus [`Error::UnknownMaterial`] and
/// [`Error::DuplicateSubmission`].
pub fn check(catalog: &Catalog, request: &str) -> Result<String, Error> {
    check_boxed(catalog, request).map_err(|e| *e)
}

fn check_boxed(catalog: &Catalog, request: &str) -> Fallible<String> {
    let value = wire::parse(request)?;
    let r = parse_request(catalog, &value, CHECK_KEYS)?;
    let submitted = match r.object.get("submitted") {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let path = format!("submitted[{i}]");
                let obj = Object::new(item, &path, &["id", "originals", "copies", "pledged"])?;
                out.push(Submission {
                    id: obj.required_str("id")?.to_owned(),
                    originals: obj.count("originals", MAX_COUNT)?.unwrap_or(0),
                    copies: obj.count("copies", MAX_COUNT)?.unwrap_or(0),
                    pledged: match obj.get("pledged") {
                        None | Some(Value::Null | Value::Bool(false)) => false,
                        Some(Value::Bool(true)) => true,
                        Some(other) => {
                            return Err(Box::new(Error::InvalidValue {
                                field: format!("{path}.pledged"),
                                expected: format!("应为 true 或 false，实为{}", other.type_name()),
                            }));
                        }
                    },
                });
            }
            out
        }
        Some(other) => {
            return Err(Box::new(Error::InvalidValue {
                field: "submitted".to_owned(),
                expected: format!("应为数组，实为{}", other.type_name()),
            }));
        }
    };
    Ok(match r.target {
        Target::Service(service) => {
            service.check_in(&r.facts, &submitted, &r.on_file, catalog.version(), catalog.content_hash())?.to_json()
        }
        Target::Bundle(bundle) => catalog.check_bundle_in(bundle, &r.facts, &submitted, &r.on_file)?.to_json(),
    })
}

/// The largest accepted count of originals or copies in one submission.
const MAX_COUNT: u32 = 1000;

/// Validates an ID number.
///
/// Request: `{"id_number": "…"}`. Response: `{"valid": true, "masked",
/// "birth_date", "sex"}` or `{"valid": false, "masked", "problems": [{"code",
/// "message"}]}`. The response never holds the number unmasked.
///
/// # Errors
///
/// Only for a malformed request; an invalid number is a normal response.
pub fn validate_id_number(request: &str) -> Result<String, Error> {
    validate_id_number_boxed(request).map_err(|e| *e)
}

fn validate_id_number_boxed(request: &str) -> Fallible<String> {
    let value = wire::parse(request)?;
    let obj = Object::new(&value, "请求", &["id_number"])?;
    let text = obj.required_str("id_number")?;
    Ok(to_string(&match IdNumber::parse(text) {
        Ok(id) => Validation {
            masked: Some(id.masked()),
            birth_date: Some(id.birth_date()),
            sex: Some(if id.is_male() { "male" } else { "female" }),
            ..Validation::valid(true)
        },
        Err(e) => Validation {
            masked: Some(e.masked().to_owned()),
            problems: e.problems().iter().map(|p| ProblemJson { code: p.code(), message: p.to_string() }).collect(),
            ..Validation::valid(false)
        },
    }))
}

/// A validator's answer. Fields are written in declaration order, whatever
/// serde_json features the embedding application enables.
#[derive(Serialize)]
struct Validation {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    masked: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sex: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    problems: Vec<ProblemJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    formats: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_bytes: Option<u64>,
}

impl Validation {
    fn with_problems(self, problems: Vec<ProblemJson>) -> Validation {
        Validation { problems, ..self }
    }

    fn valid(valid: bool) -> Validation {
        Validation {
            valid,
            masked: None,
            birth_date: None,
            sex: None,
            date: None,
            problems: Vec::new(),
            formats: None,
            max_bytes: None,
        }
    }
}

#[derive(Serialize)]
struct ProblemJson {
    code: &'static str,
    message: String,
}

/// Validates a date typed into a form.
///
/// Request: `{"date": "2026-02-30"}`. Response: `{"valid": true, "date"}` or
/// `{"valid": false, "problems": [{"code": "INVALID_DATE", "message"}]}`.
///
/// # Errors
///
/// Only for a malformed request.
pub fn validate_date(request: &str) -> Result<String, Error> {
    validate_date_boxed(request).map_err(|e| *e)
}

fn validate_date_boxed(request: &str) -> Fallible<String> {
    let value = wire::parse(request)?;
    let obj = Object::new(&value, "请求", &["date"])?;
    let text = obj.required_str("date")?;
    Ok(to_string(&match text.parse::<Date>() {
        Ok(date) => Validation { date: Some(date), ..Validation::valid(true) },
        Err(e) => Validation {
            problems: vec![ProblemJson { code: "INVALID_DATE", message: e.to_string() }],
            ..Validation::valid(false)
        },
    }))
}

/// Validates a chosen file against its material's spec, before upload.
///
/// Request: `{"service": "8.1", "material": "electronic_photo", "file":
/// {"name", "type", "size"}}`, the file described as a browser `File`.
/// Response: `{"valid", "problems": [{"code", "message"}], "formats",
/// "max_bytes"}`.
///
/// # Errors
///
/// A malformed request, an unknown service or material, or a material that
/// is not an upload ([`Error::InvalidValue`]).
pub fn validate_file(catalog: &Catalog, request: &str) -> Result<String, Error> {
    validate_file_boxed(catalog, request).map_err(|e| *e)
}

fn validate_file_boxed(catalog: &Catalog, request: &str) -> Fallible<String> {
    let value = wire::parse(request)?;
    let obj = Object::new(&value, "请求", &["service", "material", "file"])?;
    let service = catalog.service(obj.required_str("service")?)?;
    let id = obj.required_str("material")?;
    let file = Object::new(obj.require("file")?, "file", &["name", "type", "size"])?;
    let upload = UploadedFile {
        name: file.required_str("name")?,
        mime_type: file.str("type")?.unwrap_or(""),
        size: match file.require("size")? {
            Value::Int(n) if *n >= 0 => *n as u64,
            _ => {
                return Err(Box::new(Error::InvalidValue {
                    field: "file.size".into(),
                    expected: "应为非负整数（字节数）".into(),
                }));
            }
        },
    };
    let Some((_, material)) = service.material(id) else {
        return Err(Box::new(service.unknown_material(id)));
    };
    let Some(spec) = material.file() else {
        return Err(Box::new(Error::InvalidValue {
            field: "material".into(),
            expected: format!("“{id}”不是电子文件材料"),
        }));
    };
    let problems: Vec<ProblemJson> =
        spec.check(&upload).iter().map(|p| ProblemJson { code: p.code(), message: p.to_string() }).collect();
    Ok(to_string(
        &Validation {
            formats: Some(spec.formats().to_vec()),
            max_bytes: Some(spec.max_bytes()),
            ..Validation::valid(problems.is_empty())
        }
        .with_problems(problems),
    ))
}

/// The catalogue's vocabulary, for building forms: its facts (with kinds,
/// choices and limits), its derived values, its document registry, and the
/// owners and forms of materials, each with its Chinese label.
pub fn vocabulary(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Label<'a> {
        name: &'a str,
        label: &'a str,
    }
    #[derive(Serialize)]
    struct Fact<'a> {
        name: &'a str,
        label: &'a str,
        #[serde(rename = "type")]
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        choices: Vec<Label<'a>>,
    }
    #[derive(Serialize)]
    struct Derived<'a> {
        name: &'a str,
        label: &'a str,
        function: &'static str,
        of: &'a str,
    }
    #[derive(Serialize)]
    struct Document<'a> {
        id: &'a str,
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        issuer: Option<&'a str>,
        /// What may stand in for it when the office has it on file (免提交).
        #[serde(skip_serializing_if = "Option::is_none")]
        stand_in: Option<crate::render::answer::StandInJson<'a>>,
    }
    #[derive(Serialize)]
    struct Vocabulary<'a> {
        catalog_version: &'a str,
        facts: Vec<Fact<'a>>,
        derived: Vec<Derived<'a>>,
        documents: Vec<Document<'a>>,
        owners: Vec<Label<'a>>,
        forms: Vec<Label<'static>>,
    }
    let vocabulary = catalog.vocabulary();
    let facts = vocabulary
        .facts()
        .iter()
        .map(|f| Fact {
            name: f.name(),
            label: f.label(),
            kind: f.kind().name(),
            max: f.max(),
            choices: f.choices().iter().map(|c| Label { name: c.name(), label: c.label() }).collect(),
        })
        .collect();
    let derived = vocabulary
        .derived()
        .iter()
        .map(|d| Derived {
            name: d.name(),
            label: d.label(),
            function: d.function().name(),
            of: vocabulary.info(d.of).name(),
        })
        .collect();
    let documents = catalog
        .documents()
        .iter()
        .map(|d| Document {
            id: d.id(),
            name: d.name(),
            issuer: d.issuer(),
            stand_in: d.stand_in().map(|s| crate::render::answer::StandInJson(d.id(), s)),
        })
        .collect();
    to_string(&Vocabulary {
        catalog_version: catalog.version(),
        facts,
        derived,
        documents,
        owners: vocabulary.owners().iter().map(|o| Label { name: o.name(), label: o.label() }).collect(),
        forms: crate::model::Form::ALL.iter().map(|f| Label { name: f.name(), label: f.label() }).collect(),
    })
}

/// The JSON form of an error: `{"error": {"code", "number", "message", …}}`,
/// with the variant's details (`key`, `suggestion`, `field`, `problems` …).
///
/// The one serializer of errors: the message and every detail field pass
/// through the same masking as the message (`mask_id_numbers`), so no
/// error holds an ID number unmasked, whatever field it was typed into.
pub fn error(e: &Error) -> String {
    /// A string written with anything shaped like an ID number masked.
    struct Masked<'a>(&'a str);
    impl Serialize for Masked<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&crate::support::id_number::mask_id_numbers(self.0))
        }
    }
    #[derive(Serialize)]
    struct CatalogProblem<'a> {
        file: Masked<'a>,
        service: Option<Masked<'a>>,
        path: Masked<'a>,
        message: Masked<'a>,
    }
    #[derive(Serialize)]
    struct Detail<'a> {
        code: &'static str,
        number: u32,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        path: Option<Masked<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        key: Option<Masked<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<Masked<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        service: Option<Masked<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        material: Option<Masked<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        bundle: Option<Masked<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        document: Option<Masked<'a>>,
        /// Present (possibly null) wherever a suggestion could be made.
        #[serde(skip_serializing_if = "Option::is_none")]
        suggestion: Option<Option<Masked<'a>>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        problems: Option<Vec<CatalogProblem<'a>>>,
    }
    #[derive(Serialize)]
    struct Wrapper<'a> {
        error: Detail<'a>,
    }
    let mut d = Detail {
        code: e.code().name(),
        number: e.code().number(),
        // `Display` masks the message.
        message: e.to_string(),
        path: None,
        key: None,
        field: None,
        service: None,
        material: None,
        bundle: None,
        document: None,
        suggestion: None,
        problems: None,
    };
    fn m(s: &str) -> Option<Masked<'_>> {
        Some(Masked(s))
    }
    match e {
        Error::UnknownKey { path, key, suggestion } => {
            (d.path, d.key, d.suggestion) = (m(path), m(key), Some(suggestion.map(Masked)));
        }
        Error::UnknownFact { key, suggestion } => {
            (d.key, d.suggestion) = (m(key), Some(suggestion.as_deref().map(Masked)))
        }
        Error::MissingField { field } | Error::InvalidValue { field, .. } | Error::InvalidDate { field, .. } => {
            d.field = m(field);
        }
        Error::InvalidFactValue { fact, .. } | Error::DateAfterApplication { fact, .. } => d.field = m(fact),
        Error::DuplicateKey { key } => d.key = m(key),
        Error::UnknownService { id, suggestion } => {
            (d.service, d.suggestion) = (m(id), Some(suggestion.as_deref().map(Masked)))
        }
        Error::ServiceNotInForce { id, .. } => d.service = m(id),
        Error::UnknownBundle { id, suggestion } => {
            (d.bundle, d.suggestion) = (m(id), Some(suggestion.as_deref().map(Masked)))
        }
        Error::UnknownDocument { id, suggestion } => {
            (d.document, d.suggestion) = (m(id), Some(suggestion.as_deref().map(Masked)))
        }
        Error::UnknownMaterial { service, id, suggestion } => {
            (d.service, d.material, d.suggestion) = (m(service), m(id), Some(suggestion.as_deref().map(Masked)));
        }
        Error::DuplicateSubmission { id } => d.material = m(id),
        Error::InvalidCatalog(load) => {
            d.problems = Some(
                load.problems()
                    .iter()
                    .map(|p| CatalogProblem {
                        file: Masked(p.file()),
                        service: p.service().map(Masked),
                        path: Masked(p.path()),
                        message: Masked(p.message()),
                    })
                    .collect(),
            );
        }
        Error::InvalidUtf8
        | Error::InvalidJson { .. }
        | Error::InputTooLarge { .. }
        | Error::MissingApplicationDate
        | Error::VocabularyMismatch => {}
    }
    to_string(&Wrapper { error: d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_code_and_suggestion() {
        let catalog = Catalog::embedded();
        let e = assess(
            catalog,
            r#"{"service":"10.1","facts":{"application_date":"2026-11-27","marital_staus":"married"}}"#,
        )
        .unwrap_err();
        assert_eq!(e.code().name(), "UNKNOWN_FACT");
        let json = error(&e);
        assert!(json.contains(r#""suggestion":"marital_status""#), "{json}");
        let e = assess(catalog, r#"{"servce":"10.1"}"#).unwrap_err();
        assert!(matches!(e, Error::UnknownKey { suggestion: Some("service"), .. }));
        let e = assess(catalog, r#"{"service":"10.2","facts":{"application_date":"2026-11-27"}}"#).unwrap_err();
        assert_eq!(e.code().name(), "UNKNOWN_SERVICE");
    }
}
