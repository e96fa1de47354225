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

/// Never present: a member that the other kind of request has (`service` or `bundle`, never both).
#[derive(Serialize, Deserialize)]
pub enum Never {}

/// What `bundle` names: a declared bundle, or 2 to 16 services (ad hoc).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum BundleTarget {
    Declared(String),
    Services(Vec<String>),
}

/// An assessment of one service.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ServiceAssessRequest {
    #[ts(type = "ServiceId")]
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "never")]
    pub bundle: Option<Never>,
    /// Checked against the vocabulary by `facts_fit`, as the generated `Facts` reads them.
    #[ts(type = "Facts")]
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// Documents the office obtains itself (免提交): a document of anyone, or `owner:document`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "Array<OnFile>")]
    pub on_file: Option<Vec<String>>,
}

/// An assessment of a bundle of services (一件事一次办): one merged checklist.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleAssessRequest {
    /// A declared bundle, or 2 to 16 distinct services in the order the answer lists them.
    #[ts(type = "BundleId | Array<ServiceId>")]
    pub bundle: BundleTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "never")]
    pub service: Option<Never>,
    /// Checked against the vocabulary by `facts_fit`, as the generated `Facts` reads them.
    #[ts(type = "Facts")]
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// Documents the office obtains itself (免提交): a document of anyone, or `owner:document`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "Array<OnFile>")]
    pub on_file: Option<Vec<String>>,
}

/// `assess`: one service, or a bundle of services.
#[derive(Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum AssessRequest {
    Service(ServiceAssessRequest),
    Bundle(BundleAssessRequest),
}

/// One submitted material: for photos `originals` counts photos, for uploads files.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    #[ts(type = "MaterialId")]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub originals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub copies: Option<u32>,
    /// A signed pledge (告知承诺书) was handed in instead: only where the requirement offers a `pledge`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledged: Option<bool>,
}

/// One submitted item of a bundle's merged checklist, by its merged id.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleSubmission {
    #[ts(type = "BundleItemId")]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub originals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub copies: Option<u32>,
    /// A signed pledge (告知承诺书) was handed in instead: only where the item offers a `pledge`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledged: Option<bool>,
}

/// The one-time notice of one service.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ServiceCheckRequest {
    #[ts(type = "ServiceId")]
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "never")]
    pub bundle: Option<Never>,
    /// Checked against the vocabulary by `facts_fit`, as the generated `Facts` reads them.
    #[ts(type = "Facts")]
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// Documents the office obtains itself (免提交): a document of anyone, or `owner:document`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "Array<OnFile>")]
    pub on_file: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub submitted: Option<Vec<Submission>>,
}

/// The one-time notice of a bundle of services, against its merged checklist.
#[derive(Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleCheckRequest {
    /// A declared bundle, or 2 to 16 distinct services in the order the answer lists them.
    #[ts(type = "BundleId | Array<ServiceId>")]
    pub bundle: BundleTarget,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "never")]
    pub service: Option<Never>,
    /// Checked against the vocabulary by `facts_fit`, as the generated `Facts` reads them.
    #[ts(type = "Facts")]
    pub facts: serde_json::Map<String, serde_json::Value>,
    /// Documents the office obtains itself (免提交): a document of anyone, or `owner:document`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "Array<OnFile>")]
    pub on_file: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub submitted: Option<Vec<BundleSubmission>>,
}

/// `check`: one service, or a bundle of services.
#[derive(Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum CheckRequest {
    Service(ServiceCheckRequest),
    Bundle(BundleCheckRequest),
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
    /// 容缺受理: it may be handed in within `days` calendar days after the application date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<Deferral>,
    /// 告知承诺制: a signed pledge with this text may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<Pledge>,
}

/// 容缺受理: how many calendar days after the application date the material may still be handed in.
#[derive(Serialize, Deserialize, TS)]
pub struct Deferral {
    pub days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

/// 告知承诺制: the pledge that may replace the material.
#[derive(Serialize, Deserialize, TS)]
pub struct Pledge {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

/// What stands in for a paper document the office has on file.
#[derive(Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StandInKind {
    ElectronicLicence,
    SharedData,
}

/// 免提交: the document the office obtains itself, and how (电子证照 or 共享数据).
#[derive(Serialize, Deserialize, TS)]
pub struct StandIn {
    pub document: String,
    pub by: StandInKind,
    /// `by` in Chinese: 电子证照, 共享数据.
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

/// A required material the applicant need not hand in: the office has the document on file (`on_file`).
#[derive(Serialize, Deserialize, TS)]
pub struct ExemptItem {
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
    /// 容缺受理: it may be handed in within `days` calendar days after the application date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<Deferral>,
    /// 告知承诺制: a signed pledge with this text may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<Pledge>,
    pub exempt: StandIn,
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
    /// 容缺受理: it may be handed in within `days` calendar days after the application date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<Deferral>,
    /// 告知承诺制: a signed pledge with this text may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<Pledge>,
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
    /// 免提交: required, but on file (`on_file`); never in `checklist`, never missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exempt: Option<Vec<ExemptItem>>,
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
    /// 容缺受理: it may be handed in within `days` calendar days after the application date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<Deferral>,
    /// 告知承诺制: a signed pledge with this text may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<Pledge>,
}

#[derive(Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    Complete,
    Incomplete,
    Undetermined,
    /// 容缺受理: accepted, with only deferrable materials still to come (`deferred`).
    AcceptedPending,
}

/// A missing or defective deferrable material, and the date it is due.
#[derive(Serialize, Deserialize, TS)]
pub struct Deferred {
    pub id: String,
    pub name: String,
    pub days: u32,
    /// The application date plus `days` (YYYY-MM-DD).
    pub due: String,
    /// The interpretation the deferral rests on (口径说明), when the catalogue records one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
}

/// A requirement satisfied by a signed pledge: recorded as pledged, not proven.
#[derive(Serialize, Deserialize, TS)]
pub struct Pledged {
    pub id: String,
    pub material: String,
    pub name: String,
    pub text: String,
    pub note: String,
    /// The interpretation the pledge rests on (口径说明), when the catalogue records one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
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
    /// 容缺受理: what is still to come, and by when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferred: Option<Vec<Deferred>>,
    /// 告知承诺: what a signed pledge stands in for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledged: Option<Vec<Pledged>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exempt: Option<Vec<ExemptItem>>,
    pub not_required: Vec<String>,
    pub pending: Vec<PendingItem>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
    pub legal_basis: Vec<Citation>,
    pub supervision: Supervision,
}

// --- bundles of services (一件事一次办) ------------------------------------------

/// Which bundle an answer is about: `id` and `name` are `null` for services picked ad hoc.
#[derive(Serialize, Deserialize, TS)]
pub struct BundleInfo {
    #[ts(type = "BundleId | null")]
    pub id: Option<String>,
    pub name: Option<String>,
    /// Why these services go together, when the catalogue records it as its own reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
    pub services: Vec<ServiceRef>,
}

/// A bundle's eligibility: each service's own is in `services`.
#[derive(Serialize, Deserialize, TS)]
pub struct BundleEligibility {
    pub status: EligibilityStatus,
}

/// One service of a bundle: its own eligibility, open questions, legal basis, steps and supervision.
#[derive(Serialize, Deserialize, TS)]
pub struct BundleService {
    pub service: ServiceRef,
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    #[ts(optional, as = "Option<Option<Case>>")]
    pub case: Option<Option<Case>>,
    pub eligibility: Eligibility,
    pub pending: Vec<PendingItem>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
    pub legal_basis: Vec<Citation>,
    pub steps: Vec<Step>,
    pub supervision: Supervision,
}

/// A merged item's deferral: the smallest of its parts' days.
#[derive(Serialize, Deserialize, TS)]
pub struct MergedDeferral {
    pub days: u32,
}

/// A merged item's pledge: its parts' distinct pledge texts.
#[derive(Serialize, Deserialize, TS)]
pub struct MergedPledge {
    pub texts: Vec<String>,
}

/// One service's requirement inside a merged item: that service's own checklist item, with its service number.
#[derive(Serialize, Deserialize, TS)]
pub struct Part {
    #[ts(type = "ServiceId")]
    pub service: String,
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
    /// 容缺受理: it may be handed in within `days` calendar days after the application date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<Deferral>,
    /// 告知承诺制: a signed pledge with this text may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<Pledge>,
}

/// An item of a bundle's merged checklist: `owner:document` (merged), or `service:requirement` for a `one_of`
/// (its options' ids are `service:material`).
#[derive(Serialize, Deserialize, TS)]
pub struct BundleItem {
    #[ts(type = "BundleItemId")]
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub spec: Spec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<MergedDeferral>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<MergedPledge>,
    pub needed_by: Vec<Part>,
}

/// A merged item the applicant need not hand in: on file (`on_file`).
#[derive(Serialize, Deserialize, TS)]
pub struct ExemptBundleItem {
    #[ts(type = "BundleItemId")]
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub spec: Spec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<MergedDeferral>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<MergedPledge>,
    pub exempt: StandIn,
    pub needed_by: Vec<Part>,
}

/// The answer to `assess` for a bundle: one merged checklist for several services.
#[derive(Serialize, Deserialize, TS)]
pub struct BundleAssessment {
    pub catalog_version: String,
    pub engine_version: String,
    pub catalog_hash: String,
    pub bundle: BundleInfo,
    pub application_date: String,
    pub eligibility: BundleEligibility,
    pub services: Vec<BundleService>,
    pub checklist: Vec<BundleItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exempt: Option<Vec<ExemptBundleItem>>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
    /// How items were merged, in Chinese: banshi's reading, not a legal rule.
    pub merge_rule: String,
}

/// A defect of a submitted merged item, against the merged numbers.
#[derive(Serialize, Deserialize, TS)]
pub struct BundleDefect {
    pub id: String,
    pub name: String,
    /// The merged item it belongs to.
    #[ts(type = "BundleItemId")]
    pub item: String,
    pub problems: Vec<Problem>,
    pub required: MaterialFields,
    /// The services that need the merged item, each with its own requirement.
    pub needed_by: Vec<Part>,
}

/// A missing or defective merged item that every service lets come later, and the date it is due (the smallest
/// of its parts' days).
#[derive(Serialize, Deserialize, TS)]
pub struct BundleDeferred {
    #[ts(type = "BundleItemId")]
    pub id: String,
    pub name: String,
    pub days: u32,
    /// The application date plus `days` (YYYY-MM-DD).
    pub due: String,
    /// The services that need it, each with its own deferral and the decision it rests on.
    pub needed_by: Vec<Part>,
}

/// A merged item satisfied by a signed pledge: recorded as pledged, not proven.
#[derive(Serialize, Deserialize, TS)]
pub struct BundlePledgedItem {
    #[ts(type = "BundleItemId")]
    pub id: String,
    pub material: String,
    pub name: String,
    pub pledge: MergedPledge,
    pub note: String,
    /// The services that need it, each with its own pledge and the decision it rests on.
    pub needed_by: Vec<Part>,
}

/// A material that may be required (it depends on a fact not given) satisfied by a signed pledge: its own
/// service's requirement, `service:material`.
#[derive(Serialize, Deserialize, TS)]
pub struct BundlePledgedPending {
    #[ts(type = "BundleItemId")]
    pub id: String,
    pub material: String,
    pub name: String,
    pub pledge: MergedPledge,
    pub note: String,
    /// The service whose pending material it is (its `pending` in `services`).
    #[ts(type = "ServiceId")]
    pub service: String,
}

/// What a bundle's signed pledge stands in for: a merged item (`needed_by`), or a material that may be required
/// (`service`).
#[derive(Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum BundlePledged {
    Item(BundlePledgedItem),
    Pending(BundlePledgedPending),
}

/// The answer to `check` for a bundle: the one-time notice against the merged checklist.
#[derive(Serialize, Deserialize, TS)]
pub struct BundleNotice {
    pub catalog_version: String,
    pub engine_version: String,
    pub catalog_hash: String,
    pub bundle: BundleInfo,
    pub application_date: String,
    pub eligibility: BundleEligibility,
    pub services: Vec<BundleService>,
    pub status: NoticeStatus,
    pub missing: Vec<BundleItem>,
    pub defective: Vec<BundleDefect>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferred: Option<Vec<BundleDeferred>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledged: Option<Vec<BundlePledged>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exempt: Option<Vec<ExemptBundleItem>>,
    pub not_required: Vec<String>,
    #[ts(type = "Array<FactName>")]
    pub missing_facts: Vec<String>,
    pub merge_rule: String,
}

#[derive(Serialize, Deserialize, TS)]
pub struct ServiceSummary {
    pub id: String,
    pub name: String,
    #[ts(type = "Array<FactName>")]
    pub facts: Vec<String>,
}

/// A bundle of services the catalogue declares (一件事一次办), as a bundle answer names it.
#[derive(Serialize, Deserialize, TS)]
pub struct DeclaredBundle {
    /// What `assess` and `check` take as `bundle`.
    #[ts(type = "BundleId")]
    pub id: String,
    pub name: String,
    /// Why these services go together, when the catalogue records it as its own reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decision: Option<String>,
    pub services: Vec<ServiceRef>,
}

/// The answer to `services`.
#[derive(Serialize, Deserialize, TS)]
pub struct Services {
    pub catalog_version: String,
    pub services: Vec<ServiceSummary>,
    /// The bundles of services the catalogue declares; absent when it declares none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub bundles: Option<Vec<DeclaredBundle>>,
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
    /// 容缺受理: it may be handed in within `days` calendar days after the application date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deferrable: Option<Deferral>,
    /// 告知承诺制: a signed pledge with this text may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pledge: Option<Pledge>,
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
    /// 免提交: what may stand in for it when the office has it on file (`on_file`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stand_in: Option<StandIn>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub bundle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub document: Option<String>,
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
const CATALOGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/catalogs");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");

/// The id types requests and bundle answers use beyond the catalogue's own unions, written by hand because they
/// are template literal types, which ts-rs does not make.
const ID_TYPES: &str = "\
/** A document the office has on file (`on_file`): anyone's, or `owner:document` for that owner's only. */
export type OnFile = DocumentId | `${string}:${DocumentId}`;

/**
 * An item of a bundle's merged checklist: `owner:document` for merged materials, `service:requirement` for a
 * `one_of` requirement, and `service:material` for one of its options (what a submission names).
 */
export type BundleItemId = `${string}:${DocumentId}` | `${ServiceId}:${MaterialId}`;

";

/// The values of the generated union `name` in `text` (`export type Name = "a" | "b";`).
fn union_values<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let head = format!("export type {name} = ");
    let start = text.find(&head).unwrap_or_else(|| panic!("no union {name}")) + head.len();
    let line = &text[start..start + text[start..].find(";\n").unwrap()];
    line.split(" | ").map(|v| v.trim_matches('"')).collect()
}

/// Whether a request's facts fit the `Facts` that `banshi types` generates for
/// `catalog`: `application_date` a string, every other key a fact of the
/// vocabulary, and each value `null` or of its fact's type.
fn facts_fit(catalog: &banshi::Catalog, facts: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
    use banshi::FactKind;
    use serde_json::Value;
    let vocabulary = catalog.vocabulary();
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

/// Whether a request's ids fit the generated unions of `catalog`: `service` a `ServiceId`, `bundle` a `BundleId` or
/// `ServiceId`s, each `on_file` entry an `OnFile`.
fn ids_fit(
    catalog: &banshi::Catalog,
    service: Option<&str>,
    bundle: Option<&BundleTarget>,
    on_file: Option<&Vec<String>>,
) -> Result<(), String> {
    let is_service = |id: &str| catalog.services().iter().any(|s| s.id() == id);
    let is_document = |id: &str| catalog.documents().iter().any(|d| d.id() == id);
    if let Some(id) = service.filter(|id| !is_service(id)) {
        return Err(format!("service {id} is no ServiceId"));
    }
    match bundle {
        Some(BundleTarget::Declared(id)) if !catalog.bundles().iter().any(|b| b.id() == Some(id.as_str())) => {
            return Err(format!("bundle {id} is no BundleId"));
        }
        Some(BundleTarget::Services(ids)) => {
            if let Some(id) = ids.iter().find(|id| !is_service(id)) {
                return Err(format!("bundle member {id} is no ServiceId"));
            }
        }
        _ => {}
    }
    for entry in on_file.into_iter().flatten() {
        if !is_document(entry.rsplit(':').next().unwrap()) {
            return Err(format!("on_file {entry} is no OnFile"));
        }
    }
    Ok(())
}

/// Whether a bundle answer's item ids fit `BundleItemId` of `catalog`: `owner:document` for a merged item,
/// `service:requirement` for a `one_of`, and `service:material` for each of its options.
fn items_fit<'a>(catalog: &banshi::Catalog, items: impl Iterator<Item = (&'a String, &'a Spec)>) -> Result<(), String> {
    let of_service = |id: &str| -> bool {
        id.split_once(':').is_some_and(|(service, material)| {
            catalog.services().iter().any(|s| {
                s.id() == service
                    && s.requirements()
                        .iter()
                        .any(|r| r.id() == material || r.options().iter().any(|o| o.id() == material))
            })
        })
    };
    for (id, spec) in items {
        let fits = match spec {
            Spec::Single(m) => {
                id.split_once(':').is_some_and(|(owner, document)| owner == m.owner && document == m.document)
            }
            Spec::OneOf { one_of } => of_service(id) && one_of.iter().all(|o| of_service(&o.id)),
        };
        if !fits {
            return Err(format!("item {id} is no BundleItemId"));
        }
    }
    Ok(())
}

/// Whether a well-formed request of `call` fits its generated request type for `catalog`.
fn request_fits(catalog: &banshi::Catalog, call: &str, text: &str) -> Result<(), String> {
    let fit =
        |facts, service, bundle, on_file| facts_fit(catalog, facts).and(ids_fit(catalog, service, bundle, on_file));
    let parsed = |e: serde_json::Error| e.to_string();
    match call {
        "assess" => match serde_json::from_str::<AssessRequest>(text).map_err(parsed)? {
            AssessRequest::Service(r) => fit(&r.facts, Some(&r.service), None, r.on_file.as_ref()),
            AssessRequest::Bundle(r) => fit(&r.facts, None, Some(&r.bundle), r.on_file.as_ref()),
        },
        "check" => match serde_json::from_str::<CheckRequest>(text).map_err(parsed)? {
            CheckRequest::Service(r) => fit(&r.facts, Some(&r.service), None, r.on_file.as_ref()),
            CheckRequest::Bundle(r) => fit(&r.facts, None, Some(&r.bundle), r.on_file.as_ref()),
        },
        "validate_id_number" => serde_json::from_str::<IdNumberRequest>(text).map(drop).map_err(parsed),
        "validate_date" => serde_json::from_str::<DateRequest>(text).map(drop).map_err(parsed),
        "validate_file" => serde_json::from_str::<FileRequest>(text).map(drop).map_err(parsed),
        _ => Ok(()),
    }
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
    out += ID_TYPES;
    macro_rules! decl {
        ($($t:ty),* $(,)?) => {$(
            out.push_str("export ");
            out.push_str(&<$t as TS>::decl(&cfg));
            out.push_str("\n\n");
        )*};
    }
    decl!(
        Form,
        ServiceAssessRequest,
        BundleAssessRequest,
        AssessRequest,
        Submission,
        BundleSubmission,
        ServiceCheckRequest,
        BundleCheckRequest,
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
        Deferral,
        Pledge,
        StandInKind,
        StandIn,
        ExemptItem,
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
        Deferred,
        Pledged,
        Notice,
        BundleInfo,
        BundleEligibility,
        BundleService,
        MergedDeferral,
        MergedPledge,
        Part,
        BundleItem,
        ExemptBundleItem,
        BundleAssessment,
        BundleDefect,
        BundleDeferred,
        BundlePledgedItem,
        BundlePledgedPending,
        BundlePledged,
        BundleNotice,
        ServiceSummary,
        DeclaredBundle,
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

/// Every suite of conformance cases, with the catalogue it runs against: `tests/cases` with the embedded one,
/// and each `tests/catalogs/<name>` with `examples/<name>/bundle.json`.
fn suites() -> Vec<(std::path::PathBuf, &'static banshi::Catalog)> {
    let mut out = vec![(std::path::PathBuf::from(CASES), banshi::Catalog::embedded())];
    let mut names: Vec<_> = std::fs::read_dir(CATALOGS).unwrap().map(|d| d.unwrap().path()).collect();
    names.sort();
    for dir in names {
        let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
        let bundle = std::fs::read_to_string(format!("{EXAMPLES}/{name}/bundle.json")).unwrap();
        let catalog = banshi::Catalog::from_bundle(&bundle).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((dir, Box::leak(Box::new(catalog))));
    }
    out
}

/// Each case file of a suite: (call, path).
fn files(suite: &std::path::Path) -> Vec<(String, std::path::PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(suite).unwrap() {
        let dir = dir.unwrap().path();
        let call = dir.file_name().unwrap().to_str().unwrap().to_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            out.push((call.clone(), file.unwrap().path()));
        }
    }
    out.sort();
    out
}

/// Every problem and error code in a conformance answer is in the generated unions.
#[test]
fn problem_codes_cover_the_cases() {
    let generated = generate();
    let codes = union_values(&generated, "ProblemCode");
    for (suite, _) in suites() {
        for (_, path) in files(&suite) {
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
    let mut bundles = 0;
    for (suite, catalog) in suites() {
        for (call, path) in files(&suite) {
            let what = path.display().to_string();
            if path.extension().is_some_and(|e| e == "out") {
                let text = std::fs::read_to_string(&path).unwrap();
                let bundle = text.contains(r#""catalog_hash":"sha256:"#) && text.contains(r#","bundle":{"#);
                if text.starts_with(r#"{"error""#) {
                    round_trip::<ErrorResponse>(&what, &text);
                } else {
                    match call.as_str() {
                        "assess" if bundle => {
                            round_trip::<BundleAssessment>(&what, &text);
                            let a: BundleAssessment = serde_json::from_str(&text).unwrap();
                            let items = a.checklist.iter().map(|i| (&i.id, &i.spec));
                            let exempt = a.exempt.iter().flatten().map(|i| (&i.id, &i.spec));
                            items_fit(catalog, items.chain(exempt)).unwrap_or_else(|e| panic!("{what}: {e}"));
                        }
                        "check" if bundle => {
                            round_trip::<BundleNotice>(&what, &text);
                            let n: BundleNotice = serde_json::from_str(&text).unwrap();
                            let items = n.missing.iter().map(|i| (&i.id, &i.spec));
                            let exempt = n.exempt.iter().flatten().map(|i| (&i.id, &i.spec));
                            items_fit(catalog, items.chain(exempt)).unwrap_or_else(|e| panic!("{what}: {e}"));
                        }
                        "assess" => round_trip::<Assessment>(&what, &text),
                        "check" => round_trip::<Notice>(&what, &text),
                        "service" => round_trip::<Guide>(&what, &text),
                        "services" | "load_catalog" => round_trip::<Services>(&what, &text),
                        "vocabulary" => round_trip::<Vocabulary>(&what, &text),
                        _ => round_trip::<Validation>(&what, &text),
                    }
                }
                bundles += usize::from(bundle);
                checked += 1;
            }
            // Every well-formed request fits its request type (error cases may not).
            if path.extension().is_some_and(|e| e == "req")
                && !path.file_name().unwrap().to_str().unwrap().starts_with("error-")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                request_fits(catalog, &call, &text)
                    .unwrap_or_else(|e| panic!("{what}: request does not fit its type: {e}"));
            }
        }
    }
    assert!(checked >= 120, "checked {checked}");
    assert!(bundles >= 7, "checked {bundles} bundle answers");
}

/// The shapes of a bundle notice that no conformance case holds yet: a merged item pledged, a material that may
/// be required pledged, and a deferred item, each answered now by the core for examples/minzheng and read back
/// to the same bytes.
#[test]
fn bundle_deferrals_and_pledges_fit_their_types() {
    let bundle = std::fs::read_to_string(format!("{EXAMPLES}/minzheng/bundle.json")).unwrap();
    let catalog = banshi::Catalog::from_bundle(&bundle).unwrap();
    let minor = r#""facts":{"application_date":"2026-11-27","birth_date":"2015-04-10","proxy":true,"district_hukou":true,"has_disability_certificate":true,"disability_type":"physical","disability_grade":"grade_1","assistance_status":"dibao","long_term_care_needed":true}"#;
    let unknown_age = minor.replace(r#""birth_date":"2015-04-10","#, "");
    let elderly = r#""facts":{"application_date":"2026-11-27","birth_date":"1940-01-01","proxy":false,"district_hukou":true,"living_alone":false,"has_disability_certificate":false,"monthly_income_per_capita":500,"has_legal_supporter":false}"#;
    let cases = [
        format!(
            r#"{{"bundle":"disability_subsidies",{minor},"submitted":[{{"id":"applicant:guardianship_proof","pledged":true}}]}}"#
        ),
        format!(
            r#"{{"bundle":"disability_subsidies",{unknown_age},"submitted":[{{"id":"1.1:guardianship_proof","pledged":true}}]}}"#
        ),
        format!(r#"{{"bundle":"elderly_support",{elderly},"on_file":["resident_id_card","hukou_book"]}}"#),
    ];
    let notices: Vec<BundleNotice> = cases
        .iter()
        .map(|request| {
            let text = banshi::json::check(&catalog, request).unwrap_or_else(|e| panic!("{request}: {e}"));
            round_trip::<BundleNotice>(request, &text);
            serde_json::from_str(&text).unwrap()
        })
        .collect();
    fn pledged(n: &BundleNotice) -> Option<&BundlePledged> {
        n.pledged.as_ref().and_then(|p| p.first())
    }
    assert!(
        matches!(pledged(&notices[0]), Some(BundlePledged::Item(p)) if p.id == "applicant:guardianship_proof" && p.needed_by.len() == 2)
    );
    assert!(
        matches!(pledged(&notices[1]), Some(BundlePledged::Pending(p)) if p.id == "1.1:guardianship_proof" && p.service == "1.1")
    );
    let deferred = notices[2].deferred.as_ref().and_then(|d| d.first()).expect("3.1's payment account is deferred");
    assert_eq!((deferred.id.as_str(), deferred.needed_by.len()), ("3.1:payment_account", 1));
    assert!(deferred.needed_by[0].deferrable.as_ref().is_some_and(|d| d.decision.is_some()));
}
