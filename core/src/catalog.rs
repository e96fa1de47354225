//! The catalogue: services, their legal basis, steps, rules and materials.
//!
//! A catalogue is data. The embedded one is compiled in from
//! `core/catalog/services/*.json`; an office can load the same format at run
//! time, either as separate files ([`Catalog::from_files`]) or as one bundle
//! ([`Catalog::from_bundle`]). Loading validates everything and reports every
//! problem at once.

use std::fmt;

use std::borrow::Cow;

use crate::Date;
use crate::condition::{self, Condition};
use crate::facts::{FactKind, FactSet, Var, VarKind};
use crate::lookup::Index;
use crate::wire::{self, Value};

/// A loaded, validated catalogue of services.
///
/// A catalogue is immutable once loaded, and it is `Send + Sync`: share one
/// between threads freely.
///
/// # Example
///
/// ```
/// let catalog = banshi::Catalog::embedded();
/// assert_eq!(catalog.services().len(), 18);
/// let loan = catalog.service("10.1")?;
/// assert_eq!(loan.name(), "小额担保贷款");
/// # Ok::<(), banshi::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Catalog {
    version: String,
    /// `sha256:…` of the canonical form of the services (`receipt.rs`).
    hash: String,
    services: Vec<Service>,
}

/// A service (职责事项): one row of the 职责事项信息表.
#[derive(Clone, Debug)]
pub struct Service {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) valid_from: Option<Date>,
    pub(crate) valid_until: Option<Date>,
    pub(crate) legal_basis: Vec<Citation>,
    pub(crate) implementing_body: String,
    pub(crate) boundary: String,
    pub(crate) steps: Vec<Step>,
    pub(crate) responsibility: String,
    pub(crate) supervision: Supervision,
    pub(crate) eligibility: Vec<EligibilityRule>,
    pub(crate) cases: Vec<Case>,
    pub(crate) case_var: Option<Var>,
    pub(crate) requirements: Vec<Requirement>,
    pub(crate) decisions: Vec<String>,
    pub(crate) facts: FactSet,
    /// JSON precomputed at load for the parts of responses that never change.
    pub(crate) json: crate::engine::ServiceJsonText,
}

/// A legal document cited as a basis (法定依据).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Citation {
    id: String,
    title: Option<String>,
    reference: Option<String>,
    number: Option<String>,
    note: Option<String>,
}

/// One step of a service's process (运行流程).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Step {
    actor: Option<String>,
    action: String,
    phone: Option<String>,
    optional: bool,
}

/// The supervision contact (监督方式).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Supervision {
    office: String,
    phone: String,
}

/// A condition the applicant must meet to be eligible.
#[derive(Clone, Debug)]
pub struct EligibilityRule {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) condition: Condition,
    pub(crate) basis: Vec<Citation>,
    pub(crate) decision: Option<String>,
}

/// One of the cases a service is split into, such as 1.2's 新生儿住院垫付.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Case {
    value: &'static str,
    name: String,
}

/// A required material, or a choice of materials ("one of").
#[derive(Clone, Debug)]
pub struct Requirement {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) options: Vec<Material>,
    pub(crate) case: Option<usize>,
    pub(crate) when: Option<String>,
    /// The case test and `when`, combined; `None` when always required.
    pub(crate) condition: Option<Condition>,
    pub(crate) reason: Option<String>,
    pub(crate) basis: Vec<Citation>,
    pub(crate) valid_from: Option<Date>,
    pub(crate) valid_until: Option<Date>,
    pub(crate) decision: Option<String>,
    /// JSON precomputed at load: the fields before `because`, and `basis`.
    pub(crate) json: crate::engine::RequirementJsonText,
}

/// A material (材料): a document, a form, a photo or a file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Material {
    id: String,
    name: String,
    owner: Owner,
    form: Form,
    originals: u32,
    copies: u32,
    paper: Option<Paper>,
    photo: Option<PhotoSpec>,
    file: Option<FileSpec>,
    stamps: Vec<String>,
    notes: Vec<String>,
}

macro_rules! named_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $json:literal, $label:literal;)* }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The JSON name.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $json,)* }
            }

            /// The Chinese label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }

            fn from_name(name: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.name() == name)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}

named_enum! {
    /// Whose material it is.
    Owner {
        /// 申请人.
        Applicant = "applicant", "申请人";
        /// 代办人.
        Proxy = "proxy", "代办人";
        /// 配偶.
        Spouse = "spouse", "配偶";
        /// 未成年申请人（孩子）.
        Child = "child", "孩子";
        /// 担保人.
        Guarantor = "guarantor", "担保人";
        /// 反担保人.
        CounterGuarantor = "counter_guarantor", "反担保人";
        /// 用工单位.
        Employer = "employer", "用工单位";
        /// 争议双方.
        DisputeParties = "dispute_parties", "争议双方";
    }
}

named_enum! {
    /// The form in which a material is presented.
    Form {
        /// 原件.
        Original = "original", "原件";
        /// 复印件.
        Copy = "copy", "复印件";
        /// 原件及复印件.
        OriginalAndCopy = "original_and_copy", "原件及复印件";
        /// 电子版.
        Electronic = "electronic", "电子版";
    }
}

named_enum! {
    /// Paper size for copies.
    Paper {
        /// A4 纸.
        A4 = "A4", "A4纸";
    }
}

named_enum! {
    /// Photo size.
    PhotoSize {
        /// 1寸 (25 × 35 mm).
        OneInch = "1寸", "1寸";
        /// 2寸 (35 × 49 mm).
        TwoInch = "2寸", "2寸";
    }
}

/// What a photo must look like.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PhotoSpec {
    size: PhotoSize,
    color: bool,
    bareheaded: bool,
    count: u32,
}

/// What an uploaded file must be: its formats and its size limit.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FileSpec {
    pub(crate) formats: Vec<String>,
    pub(crate) max_bytes: u64,
}

impl Catalog {
    /// The catalogue compiled into this build: the 18 services of the seed.
    ///
    /// It is parsed on first use and shared afterwards.
    pub fn embedded() -> &'static Catalog {
        static EMBEDDED: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let files = crate::embedded::FILES.iter().copied();
            let mut catalog = Catalog::load_files(crate::embedded::VERSION.trim(), files, Provenance::Trusted)
                .expect("the embedded catalogue is valid; tests check it");
            crate::embedded::HASH.clone_into(&mut catalog.hash);
            catalog
        })
    }

    /// Loads a catalogue from service files, each a `(file name, JSON text)`
    /// pair in the format of `core/catalog/services/*.json`.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem found, in every file. Besides
    /// the format, loading checks where each rule comes from: an
    /// eligibility rule needs a quote of its source text (`source`) or a
    /// recorded interpretation (`decision`); a material with a condition
    /// needs a quote for the condition (`when_source`) or a `decision`; and
    /// an unquoted interpretation may not cite a `basis`, so that it never
    /// borrows a law's authority.
    ///
    /// # Example
    ///
    /// ```
    /// let text = r#"{
    ///   "id": "99.1", "name": "示例事项",
    ///   "legal_basis": [{"id": "law", "title": "示例条例"}],
    ///   "implementing_body": "示例中心", "boundary": "示例中心",
    ///   "steps": [{"actor": "申请人", "action": "提出申请"}],
    ///   "responsibility": "负责办理",
    ///   "supervision": {"office": "纪检办公室", "phone": "12345678"},
    ///   "materials": [{"id": "id_card", "name": "身份证", "owner": "applicant",
    ///                  "form": "original", "basis": ["law"]}]
    /// }"#;
    /// let catalog = banshi::Catalog::from_files("1", [("99.1.json", text)])?;
    /// assert_eq!(catalog.service("99.1")?.requirements().len(), 1);
    /// # Ok::<(), banshi::Error>(())
    /// ```
    pub fn from_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Catalog, LoadError> {
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        let mut catalog = Catalog::load_files(version, files.iter().copied(), Provenance::Checked)?;
        let parsed: Vec<Value<'_>> = files.iter().filter_map(|(_, text)| wire::parse_unlimited(text).ok()).collect();
        catalog.hash = crate::receipt::hash(&parsed);
        Ok(catalog)
    }

    fn load_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        provenance: Provenance,
    ) -> Result<Catalog, LoadError> {
        let mut problems = Problems::default();
        let mut services = Vec::new();
        for (file, text) in files {
            match wire::parse_unlimited(text) {
                Ok(value) => load_one(file, &value, provenance, &mut problems, &mut services),
                Err(detail) => problems.add(Problem::new(file, None, "", format!("JSON 格式错误：{detail}"))),
            }
        }
        finish(version, services, problems)
    }

    /// Loads a catalogue from one bundle: `{"version": "…", "services": [ … ]}`,
    /// each element a service in the file format.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem found, with the same checks as
    /// [`Catalog::from_files`].
    pub fn from_bundle(text: &str) -> Result<Catalog, LoadError> {
        let value = wire::parse_unlimited(text).map_err(|detail| LoadError {
            problems: vec![Problem::new("bundle", None, "", format!("JSON 格式错误：{detail}"))],
        })?;
        let mut problems = Problems::default();
        let mut services = Vec::new();
        let mut c = Checker { file: "bundle".to_owned(), service: None, problems: &mut problems };
        let Some(bundle) = c.object("", &value, &["version", "services"]) else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let version = c.str(&bundle, "version");
        let items = c.items(&bundle, "services", true);
        for (i, item) in items.iter().enumerate() {
            load_one(&format!("bundle:services[{i}]"), item, Provenance::Checked, &mut problems, &mut services);
        }
        let mut catalog = finish(&version, services, problems)?;
        catalog.hash = crate::receipt::hash(items.iter());
        Ok(catalog)
    }

    /// The catalogue's version, such as `2026.11.1`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The content hash of the catalogue's rules, `sha256:` and 64 hex
    /// digits: the SHA-256 of a canonical form of its services (sorted keys,
    /// no whitespace, without the seed quotes), so that reformatting a file
    /// keeps it and changing any rule changes it, whatever the version
    /// string. The embedded catalogue's is computed at build time.
    pub fn content_hash(&self) -> &str {
        &self.hash
    }

    /// Every service, ordered by number (1.1, 1.2, 2.1, … 10.1, 11.1).
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The service with this number, such as `"10.1"`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownService`](crate::Error::UnknownService), with the
    /// nearest number when one is close.
    pub fn service(&self, id: &str) -> Result<&Service, crate::Error> {
        self.services.iter().find(|s| s.id == id).ok_or_else(|| crate::Error::UnknownService {
            id: id.to_owned(),
            suggestion: crate::suggest::nearest(id, self.services.iter().map(|s| s.id.as_str())).map(str::to_owned),
        })
    }
}

/// Reads and checks one service; adds it to `services` only if it has no problems.
fn load_one(
    file: &str,
    value: &Value<'_>,
    provenance: Provenance,
    problems: &mut Problems,
    services: &mut Vec<(String, Service)>,
) {
    let before = problems.list.len();
    let id = match value {
        Value::Object(members) => members.iter().find(|(k, _)| k == "id").and_then(|(_, v)| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        }),
        _ => None,
    };
    let raw = Checker { file: file.to_owned(), service: id, problems }.read_service(value);
    if let Some(service) = raw.and_then(|raw| compile(file, raw, provenance, problems)) {
        if problems.list.len() == before {
            services.push((file.to_owned(), service));
        }
    }
}

fn finish(version: &str, mut services: Vec<(String, Service)>, problems: Problems) -> Result<Catalog, LoadError> {
    let mut problems = problems.into_list();
    if version.trim().is_empty() {
        problems.push(Problem::new("", None, "version", "目录版本号不能为空"));
    }
    services.sort_by_key(|(_, s)| sort_key(&s.id));
    for pair in services.windows(2) {
        if pair[0].1.id == pair[1].1.id {
            problems.push(Problem::new(
                &pair[1].0,
                Some(&pair[1].1.id),
                "id",
                format!("事项序号“{}”与 {} 重复", pair[1].1.id, pair[0].0),
            ));
        }
    }
    if services.is_empty() && problems.is_empty() {
        problems.push(Problem::new("", None, "", "目录中没有任何事项"));
    }
    if problems.is_empty() {
        Ok(Catalog {
            version: version.to_owned(),
            hash: String::new(),
            services: services.into_iter().map(|(_, s)| s).collect(),
        })
    } else {
        Err(LoadError { problems })
    }
}

/// Orders "2.1" before "10.1".
fn sort_key(id: &str) -> (u32, u32) {
    let mut parts = id.split('.').map(|p| p.parse().unwrap_or(u32::MAX));
    (parts.next().unwrap_or(u32::MAX), parts.next().unwrap_or(u32::MAX))
}

impl Service {
    /// The number (序号), such as `"10.1"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name (名称).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first day the service is in force, if bounded.
    pub fn valid_from(&self) -> Option<Date> {
        self.valid_from
    }

    /// The last day the service is in force (inclusive), if bounded.
    pub fn valid_until(&self) -> Option<Date> {
        self.valid_until
    }

    /// Whether the service is in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        in_force(self.valid_from, self.valid_until, date)
    }

    /// The legal basis (法定依据), in the order the seed lists it.
    pub fn legal_basis(&self) -> &[Citation] {
        &self.legal_basis
    }

    /// The implementing body (实施机构).
    pub fn implementing_body(&self) -> &str {
        &self.implementing_body
    }

    /// The responsibility boundary (职责边界).
    pub fn boundary(&self) -> &str {
        &self.boundary
    }

    /// The process steps (运行流程), in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The responsibility (责任事项).
    pub fn responsibility(&self) -> &str {
        &self.responsibility
    }

    /// The supervision contact (监督方式).
    pub fn supervision(&self) -> &Supervision {
        &self.supervision
    }

    /// The eligibility rules, all of which must hold.
    pub fn eligibility(&self) -> &[EligibilityRule] {
        &self.eligibility
    }

    /// The cases the service is split into; empty for most services.
    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    /// The fact that selects the case, such as `reimbursement_case`.
    pub fn case_fact(&self) -> Option<&'static str> {
        self.case_var.map(Var::name)
    }

    /// Every requirement, in catalogue order, whatever its condition.
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// The interpretation choices the catalogue made for this service where
    /// the seed is ambiguous (口径说明).
    pub fn decisions(&self) -> &[String] {
        &self.decisions
    }

    /// The facts this service's rules read: the questions a form should ask,
    /// in vocabulary order. `application_date` is always needed and is not
    /// listed.
    pub fn facts(&self) -> impl Iterator<Item = &'static crate::FactInfo> {
        self.facts.iter()
    }

    /// Finds a material by id, among single materials and "one of" options.
    pub fn material(&self, id: &str) -> Option<(&Requirement, &Material)> {
        self.requirements.iter().find_map(|r| r.options.iter().find(|m| m.id == id).map(|m| (r, m)))
    }

    /// The error for a material id this service does not know, with the
    /// nearest known id.
    pub(crate) fn unknown_material(&self, id: &str) -> crate::Error {
        let ids = self.requirements.iter().flat_map(|r| r.options.iter().map(|m| m.id.as_str()));
        crate::Error::UnknownMaterial {
            service: self.id.clone(),
            id: id.to_owned(),
            suggestion: crate::suggest::nearest(id, ids).map(str::to_owned),
        }
    }
}

fn in_force(from: Option<Date>, until: Option<Date>, date: Date) -> bool {
    from.is_none_or(|f| f <= date) && until.is_none_or(|u| date <= u)
}

impl Citation {
    /// The id other catalogue entries cite it by.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The document's title, without 《》, when the seed names a document.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// A reference the seed makes without naming a document, such as
    /// `天津人社局下发文件`: shown exactly as the seed wrote it, never as a
    /// 《title》.
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }

    /// The document number, such as `津政发〔2009〕21号`, if it has one.
    pub fn number(&self) -> Option<&str> {
        self.number.as_deref()
    }

    /// A note, such as the article cited.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// `《title》（number）`, a bare reference as the seed wrote it, or the
/// number alone.
impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.title, &self.reference, &self.number) {
            (Some(t), _, Some(n)) => write!(f, "《{t}》（{n}）"),
            (Some(t), _, None) => write!(f, "《{t}》"),
            (None, Some(r), Some(n)) => write!(f, "{r}（{n}）"),
            (None, Some(r), None) => f.write_str(r),
            (None, None, Some(n)) => f.write_str(n),
            (None, None, None) => f.write_str(&self.id),
        }
    }
}

impl Step {
    /// Who acts, such as `街劳服`, when the seed names it.
    pub fn actor(&self) -> Option<&str> {
        self.actor.as_deref()
    }

    /// What is done.
    pub fn action(&self) -> &str {
        &self.action
    }

    /// A phone number the step uses, such as 3.1's pre-check line.
    pub fn phone(&self) -> Option<&str> {
        self.phone.as_deref()
    }

    /// Whether the step may be skipped (可以先…).
    pub fn optional(&self) -> bool {
        self.optional
    }
}

impl Supervision {
    /// The supervising office.
    pub fn office(&self) -> &str {
        &self.office
    }

    /// Its phone number.
    pub fn phone(&self) -> &str {
        &self.phone
    }
}

impl EligibilityRule {
    /// A stable id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The rule in words, such as `申请人须为失业人员`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The condition, as written in the catalogue.
    pub fn condition(&self) -> &str {
        self.condition.source()
    }

    /// The documents the rule rests on.
    pub fn basis(&self) -> &[Citation] {
        &self.basis
    }

    /// The interpretation choice the catalogue made for it, if any.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }
}

impl Case {
    /// The value of the service's case fact that selects this case.
    pub fn value(&self) -> &'static str {
        self.value
    }

    /// The case's name, such as `新生儿住院垫付`.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Requirement {
    /// A stable id. For a single material it is the material's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name. For a single material it is the material's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The materials that satisfy it: one, or several for "one of".
    pub fn options(&self) -> &[Material] {
        &self.options
    }

    /// Whether any one of several materials satisfies it.
    pub fn is_one_of(&self) -> bool {
        self.options.len() > 1
    }

    /// The condition under which it is required, as written in the
    /// catalogue, if not always.
    pub fn when(&self) -> Option<&str> {
        self.when.as_deref()
    }

    /// The documents it rests on.
    pub fn basis(&self) -> &[Citation] {
        &self.basis
    }

    /// The interpretation choice the catalogue made for it, if any.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }

    pub(crate) fn in_force(&self, date: Date) -> bool {
        in_force(self.valid_from, self.valid_until, date)
    }
}

impl Material {
    /// A stable id, such as `spouse_id_card`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The Chinese name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whose material it is.
    pub fn owner(&self) -> Owner {
        self.owner
    }

    /// Original, copy, both, or electronic.
    pub fn form(&self) -> Form {
        self.form
    }

    /// How many originals (for photos: how many photos; for electronic
    /// materials: how many files).
    pub fn originals(&self) -> u32 {
        self.originals
    }

    /// How many copies.
    pub fn copies(&self) -> u32 {
        self.copies
    }

    /// Required paper size for copies.
    pub fn paper(&self) -> Option<Paper> {
        self.paper
    }

    /// The photo spec, for photos.
    pub fn photo(&self) -> Option<&PhotoSpec> {
        self.photo.as_ref()
    }

    /// The file spec, for uploads.
    pub fn file(&self) -> Option<&FileSpec> {
        self.file.as_ref()
    }

    /// Stamps (印章) the material must bear.
    pub fn stamps(&self) -> &[String] {
        &self.stamps
    }

    /// Further notes.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The unit for counting it: 张 for photos, 个 for files, 份 otherwise.
    pub(crate) fn unit(&self) -> &'static str {
        match (self.photo, self.form) {
            (Some(_), _) => "张",
            (None, Form::Electronic) => "个",
            (None, _) => "份",
        }
    }
}

impl PhotoSpec {
    /// 1寸 or 2寸.
    pub fn size(&self) -> PhotoSize {
        self.size
    }

    /// Whether it must be in colour (彩色).
    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether it must be bareheaded (免冠).
    pub fn bareheaded(&self) -> bool {
        self.bareheaded
    }

    /// How many photos.
    pub fn count(&self) -> u32 {
        self.count
    }
}

impl FileSpec {
    /// Accepted formats, as lower-case file extensions such as `jpg`.
    pub fn formats(&self) -> &[String] {
        &self.formats
    }

    /// The size limit: a file must be strictly smaller than this many bytes.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }
}

/// A catalogue failed to load; every problem is listed.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("目录校验失败，共 {} 个问题：\n{}", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct LoadError {
    problems: Vec<Problem>,
}

impl LoadError {
    /// Every problem found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// One problem in a catalogue: where it is and what is wrong.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Problem {
    file: String,
    service: Option<String>,
    path: String,
    message: String,
}

impl Problem {
    fn new(file: &str, service: Option<&str>, path: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            service: service.map(str::to_owned),
            path: path.to_owned(),
            message: message.into(),
        }
    }

    /// The file (or bundle element) the problem is in.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The service number, when known.
    pub fn service(&self) -> Option<&str> {
        self.service.as_deref()
    }

    /// Where in the service, such as `materials[3].when`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, in Chinese.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `file [service] path: message`, with anything shaped like an ID number
/// masked, so that a `LoadError` printed on its own leaks nothing either.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mask = crate::validate::mask_id_numbers;
        write!(f, "{}", mask(&self.file))?;
        if let Some(s) = &self.service {
            write!(f, " [{}]", mask(s))?;
        }
        if !self.path.is_empty() {
            write!(f, " {}", mask(&self.path))?;
        }
        write!(f, ": {}", mask(&self.message))
    }
}

// ---------------------------------------------------------------------------
// The file format, as read from the JSON tree. Names and enums stay strings
// here so that every bad value is reported with its path, not just the first.

struct RawService {
    id: String,
    name: String,
    valid_from: Option<String>,
    valid_until: Option<String>,
    legal_basis: Vec<RawCitation>,
    implementing_body: String,
    boundary: String,
    steps: Vec<RawStep>,
    responsibility: String,
    supervision: RawSupervision,
    eligibility: Vec<RawRule>,
    cases: Option<RawCases>,
    materials: Vec<RawRequirement>,
    decisions: Vec<RawDecision>,
}

/// An interpretation choice, with the seed text it settles when there is one.
struct RawDecision {
    text: String,
}

struct RawCitation {
    id: String,
    title: Option<String>,
    reference: Option<String>,
    number: Option<String>,
    note: Option<String>,
}

struct RawStep {
    actor: Option<String>,
    action: String,
    phone: Option<String>,
    optional: bool,
}

struct RawSupervision {
    office: String,
    phone: String,
}

struct RawRule {
    id: String,
    text: String,
    requires: String,
    basis: Vec<String>,
    decision: Option<String>,
    /// Whether it quotes the seed text that states it (`source`).
    quoted: bool,
}

struct RawCases {
    fact: String,
    options: Vec<RawCase>,
}

struct RawCase {
    value: String,
    name: String,
}

struct RawRequirement {
    id: String,
    name: String,
    owner: Option<String>,
    form: Option<String>,
    copies: Option<u32>,
    paper: Option<String>,
    photo: Option<RawPhoto>,
    file: Option<RawFile>,
    stamps: Vec<String>,
    notes: Vec<String>,
    one_of: Option<Vec<RawMaterial>>,
    case: Option<String>,
    when: Option<String>,
    reason: Option<String>,
    basis: Vec<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    decision: Option<String>,
    /// Whether it quotes the seed text that lists it (`source`).
    quoted: bool,
    /// Whether it quotes the seed text that states its condition (`when_source`).
    when_quoted: bool,
}

struct RawMaterial {
    id: String,
    name: String,
    owner: String,
    form: String,
    copies: Option<u32>,
    paper: Option<String>,
    photo: Option<RawPhoto>,
    file: Option<RawFile>,
    stamps: Vec<String>,
    notes: Vec<String>,
}

struct RawPhoto {
    size: String,
    color: bool,
    bareheaded: bool,
    count: u32,
}

struct RawFile {
    formats: Vec<String>,
    max_bytes: u64,
}

/// Whether a `source` or `when_source` field quotes some text: an empty
/// string or list quotes nothing, and does not make a rule "stated".
fn quotes_something(value: Option<&Value<'_>>) -> bool {
    match value {
        Some(Value::Str(s)) => !s.trim().is_empty(),
        Some(Value::Array(items)) => items.iter().any(|v| matches!(v, Value::Str(s) if !s.trim().is_empty())),
        _ => false,
    }
}

/// One object of a catalogue file, with its path for problem reports.
struct Obj<'v, 'a> {
    path: String,
    members: &'v [(Cow<'a, str>, Value<'a>)],
}

impl<'v, 'a> Obj<'v, 'a> {
    /// A member; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'v Value<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Value::Null))
    }

    fn field(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) }
    }
}

impl Checker<'_> {
    /// Views `value` as an object with the `known` keys, reporting a wrong
    /// type, every unknown key (with the nearest known one) and repeats.
    fn object<'v, 'a>(&mut self, path: &str, value: &'v Value<'a>, known: &[&'static str]) -> Option<Obj<'v, 'a>> {
        let Value::Object(members) = value else {
            self.report(path, format!("应为 JSON 对象，实为{}", value.type_name()));
            return None;
        };
        let obj = Obj { path: path.to_owned(), members };
        // Which known keys were seen: a repeat is found without rescanning.
        let mut seen = vec![false; known.len()];
        for (key, _) in members.iter() {
            match known.iter().position(|k| *k == key.as_ref()) {
                None => {
                    let hint = crate::suggest::nearest(key, known.iter().copied())
                        .map(|s| format!("，是否应为“{s}”？"))
                        .unwrap_or_default();
                    self.report(obj.field(key), format!("未知字段“{key}”{hint}"));
                }
                Some(k) if seen[k] => self.report(obj.field(key), format!("字段“{key}”重复")),
                Some(k) => seen[k] = true,
            }
        }
        Some(obj)
    }

    fn opt_str(&mut self, o: &Obj<'_, '_>, key: &str) -> Option<String> {
        match o.get(key)? {
            Value::Str(s) => Some(s.to_string()),
            other => {
                self.report(o.field(key), format!("应为字符串，实为{}", other.type_name()));
                None
            }
        }
    }

    fn str(&mut self, o: &Obj<'_, '_>, key: &str) -> String {
        if o.get(key).is_none() {
            self.report(o.field(key), "缺少此字段");
        }
        self.opt_str(o, key).unwrap_or_default()
    }

    fn bool(&mut self, o: &Obj<'_, '_>, key: &str) -> bool {
        match o.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.report(o.field(key), format!("应为 true 或 false，实为{}", other.type_name()));
                false
            }
        }
    }

    fn number(&mut self, o: &Obj<'_, '_>, key: &str, max: u64) -> Option<u64> {
        match o.get(key)? {
            Value::Int(n) if (0..=max as i64).contains(n) => Some(*n as u64),
            _ => {
                self.report(o.field(key), format!("应为 0 至 {max} 的整数"));
                None
            }
        }
    }

    fn items<'v, 'a>(&mut self, o: &Obj<'v, 'a>, key: &str, required: bool) -> &'v [Value<'a>] {
        match o.get(key) {
            None if required => {
                self.report(o.field(key), "缺少此字段");
                &[]
            }
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report(o.field(key), format!("应为数组，实为{}", other.type_name()));
                &[]
            }
        }
    }

    fn strings(&mut self, o: &Obj<'_, '_>, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.items(o, key, false).iter().enumerate() {
            match item {
                Value::Str(s) => out.push(s.to_string()),
                other => {
                    self.report(format!("{}[{i}]", o.field(key)), format!("应为字符串，实为{}", other.type_name()))
                }
            }
        }
        out
    }

    /// Checks a `source` quote: one string, or (for materials) a list.
    fn source(&mut self, o: &Obj<'_, '_>, list: bool) {
        if list && !matches!(o.get("source"), Some(Value::Str(_))) {
            self.strings(o, "source");
        } else {
            self.opt_str(o, "source");
        }
    }

    fn photo(&mut self, o: &Obj<'_, '_>) -> Option<RawPhoto> {
        let p = self.object(&o.field("photo"), o.get("photo")?, &["size", "color", "bareheaded", "count"])?;
        let size = self.str(&p, "size");
        let count = self.number(&p, "count", 1000);
        if p.get("count").is_none() {
            self.report(p.field("count"), "缺少此字段");
        }
        Some(RawPhoto {
            size,
            color: self.bool(&p, "color"),
            bareheaded: self.bool(&p, "bareheaded"),
            count: count? as u32,
        })
    }

    fn file(&mut self, o: &Obj<'_, '_>) -> Option<RawFile> {
        let f = self.object(&o.field("file"), o.get("file")?, &["formats", "max_bytes"])?;
        let formats = self.strings(&f, "formats");
        if f.get("max_bytes").is_none() {
            self.report(f.field("max_bytes"), "缺少此字段");
        }
        Some(RawFile { formats, max_bytes: self.number(&f, "max_bytes", u64::from(u32::MAX))? })
    }

    fn read_material(&mut self, path: &str, value: &Value<'_>) -> Option<RawMaterial> {
        const KEYS: &[&str] = &["id", "name", "owner", "form", "copies", "paper", "photo", "file", "stamps", "notes"];
        let m = self.object(path, value, KEYS)?;
        Some(RawMaterial {
            id: self.str(&m, "id"),
            name: self.str(&m, "name"),
            owner: self.str(&m, "owner"),
            form: self.str(&m, "form"),
            copies: self.number(&m, "copies", 1000).map(|n| n as u32),
            paper: self.opt_str(&m, "paper"),
            photo: self.photo(&m),
            file: self.file(&m),
            stamps: self.strings(&m, "stamps"),
            notes: self.strings(&m, "notes"),
        })
    }

    fn read_requirement(&mut self, path: &str, value: &Value<'_>) -> Option<RawRequirement> {
        const KEYS: &[&str] = &[
            "id",
            "name",
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
        ];
        let r = self.object(path, value, KEYS)?;
        self.source(&r, true);
        if r.get("when_source").is_some_and(|v| !matches!(v, Value::Str(_))) {
            self.strings(&r, "when_source");
        }
        let one_of = r.get("one_of").map(|_| {
            let items = self.items(&r, "one_of", false);
            let field = r.field("one_of");
            items.iter().enumerate().filter_map(|(j, v)| self.read_material(&format!("{field}[{j}]"), v)).collect()
        });
        Some(RawRequirement {
            id: self.str(&r, "id"),
            name: self.str(&r, "name"),
            owner: self.opt_str(&r, "owner"),
            form: self.opt_str(&r, "form"),
            copies: self.number(&r, "copies", 1000).map(|n| n as u32),
            paper: self.opt_str(&r, "paper"),
            photo: self.photo(&r),
            file: self.file(&r),
            stamps: self.strings(&r, "stamps"),
            notes: self.strings(&r, "notes"),
            one_of,
            case: self.opt_str(&r, "case"),
            when: self.opt_str(&r, "when"),
            reason: self.opt_str(&r, "reason"),
            basis: self.strings(&r, "basis"),
            valid_from: self.opt_str(&r, "valid_from"),
            valid_until: self.opt_str(&r, "valid_until"),
            decision: self.opt_str(&r, "decision"),
            quoted: quotes_something(r.get("source")),
            when_quoted: quotes_something(r.get("when_source")),
        })
    }

    /// Reads one service file's tree into the raw form `compile` checks.
    fn read_service(&mut self, value: &Value<'_>) -> Option<RawService> {
        const KEYS: &[&str] = &[
            "id",
            "name",
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
        let o = self.object("", value, KEYS)?;
        let mut legal_basis = Vec::new();
        for (i, v) in self.items(&o, "legal_basis", true).iter().enumerate() {
            if let Some(c) =
                self.object(&format!("legal_basis[{i}]"), v, &["id", "title", "reference", "number", "note", "source"])
            {
                self.source(&c, false);
                legal_basis.push(RawCitation {
                    id: self.str(&c, "id"),
                    title: self.opt_str(&c, "title"),
                    reference: self.opt_str(&c, "reference"),
                    number: self.opt_str(&c, "number"),
                    note: self.opt_str(&c, "note"),
                });
            }
        }
        let mut steps = Vec::new();
        for (i, v) in self.items(&o, "steps", true).iter().enumerate() {
            if let Some(st) =
                self.object(&format!("steps[{i}]"), v, &["actor", "action", "phone", "optional", "source"])
            {
                self.source(&st, false);
                steps.push(RawStep {
                    actor: self.opt_str(&st, "actor"),
                    action: self.str(&st, "action"),
                    phone: self.opt_str(&st, "phone"),
                    optional: self.bool(&st, "optional"),
                });
            }
        }
        let supervision = match o.get("supervision") {
            Some(v) => self
                .object("supervision", v, &["office", "phone"])
                .map(|sv| RawSupervision { office: self.str(&sv, "office"), phone: self.str(&sv, "phone") }),
            None => {
                self.report("supervision", "缺少此字段");
                None
            }
        };
        let mut eligibility = Vec::new();
        for (i, v) in self.items(&o, "eligibility", false).iter().enumerate() {
            if let Some(r) =
                self.object(&format!("eligibility[{i}]"), v, &["id", "text", "requires", "basis", "decision", "source"])
            {
                self.source(&r, true);
                eligibility.push(RawRule {
                    quoted: quotes_something(r.get("source")),
                    id: self.str(&r, "id"),
                    text: self.str(&r, "text"),
                    requires: self.str(&r, "requires"),
                    basis: self.strings(&r, "basis"),
                    decision: self.opt_str(&r, "decision"),
                });
            }
        }
        let cases = o.get("cases").and_then(|v| self.object("cases", v, &["fact", "options"])).map(|k| {
            let mut options = Vec::new();
            for (i, v) in self.items(&k, "options", true).iter().enumerate() {
                if let Some(opt) = self.object(&format!("cases.options[{i}]"), v, &["value", "name", "source"]) {
                    self.source(&opt, false);
                    options.push(RawCase { value: self.str(&opt, "value"), name: self.str(&opt, "name") });
                }
            }
            RawCases { fact: self.str(&k, "fact"), options }
        });
        let materials = self
            .items(&o, "materials", true)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.read_requirement(&format!("materials[{i}]"), v))
            .collect();
        let mut decisions = Vec::new();
        for (i, v) in self.items(&o, "decisions", false).iter().enumerate() {
            if let Some(d) = self.object(&format!("decisions[{i}]"), v, &["text", "source"]) {
                self.source(&d, false);
                decisions.push(RawDecision { text: self.str(&d, "text") });
            }
        }
        Some(RawService {
            id: self.str(&o, "id"),
            name: self.str(&o, "name"),
            valid_from: self.opt_str(&o, "valid_from"),
            valid_until: self.opt_str(&o, "valid_until"),
            legal_basis,
            implementing_body: self.str(&o, "implementing_body"),
            boundary: self.str(&o, "boundary"),
            steps,
            responsibility: self.str(&o, "responsibility"),
            supervision: supervision?,
            eligibility,
            cases,
            materials,
            decisions,
        })
    }
}

/// Every problem found so far, in the order found.
#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    fn add(&mut self, problem: Problem) {
        self.list.push(problem);
    }

    /// The problems, one per place (file and path): the first reported
    /// there, so that a missing field is not also reported as empty. Done
    /// once at the end rather than by a scan at every report, which made
    /// loading quadratic. A file's problems are reported together, so an
    /// earlier problem at the same place is the one just before in the
    /// problems at that path, in order.
    fn into_list(self) -> Vec<Problem> {
        let index = Index::new(self.list.iter().map(|p| p.path.as_str()));
        let mut keep = vec![true; self.list.len()];
        for pair in index.pairs().windows(2) {
            let (a, b) = (&self.list[pair[0].1], &self.list[pair[1].1]);
            if a.path == b.path && a.file == b.file {
                keep[pair[1].1] = false;
            }
        }
        self.list.into_iter().zip(keep).filter_map(|(p, keep)| keep.then_some(p)).collect()
    }
}

/// Collects problems for one service.
struct Checker<'p> {
    file: String,
    service: Option<String>,
    problems: &'p mut Problems,
}

impl Checker<'_> {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.add(Problem {
            file: self.file.clone(),
            service: self.service.clone(),
            path: path.into(),
            message: message.into(),
        });
    }

    fn date(&mut self, path: &str, text: &Option<String>) -> Option<Date> {
        let text = text.as_ref()?;
        match text.parse() {
            Ok(d) => Some(d),
            Err(e) => {
                self.report(path, format!("日期“{text}”无效：{e}"));
                None
            }
        }
    }

    fn non_empty(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(path, "不能为空");
        }
    }

    /// Checks an id's form; `repeated` says whether it occurred before in its list.
    fn id(&mut self, path: &str, id: &str, repeated: bool) {
        let valid = !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && id.as_bytes()[0].is_ascii_lowercase();
        if !valid {
            self.report(path, format!("编号“{id}”应由小写字母、数字和下划线组成，并以字母开头"));
        }
        if repeated {
            self.report(path, format!("编号“{id}”重复"));
        }
    }

    /// Resolves the citation ids of a rule or a requirement. An empty basis
    /// is allowed only for an interpretation, which says in its `decision`
    /// what it rests on.
    fn basis(
        &mut self,
        path: &str,
        ids: &[String],
        citations: &[Citation],
        index: &Index<'_>,
        decided: bool,
    ) -> Vec<Citation> {
        if ids.is_empty() && !decided {
            self.report(path, "缺少法定依据（basis 不能为空）；种子未载明的口径须在 decision 中说明");
        }
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            // The first citation with the id, as a scan would find.
            match index.first(id) {
                Some(c) => out.push(citations[c].clone()),
                None => {
                    let hint = crate::suggest::nearest(id, citations.iter().map(|c| c.id.as_str()))
                        .map(|s| format!("，是否应为“{s}”？"))
                        .unwrap_or_default();
                    self.report(format!("{path}[{i}]"), format!("引用了未定义的法定依据“{id}”{hint}"));
                }
            }
        }
        out
    }

    /// Principle 1, checked where the catalogue's source files are read: a
    /// rule (`must_explain`) either quotes the seed text that states it, or
    /// is an interpretation with its `decision`; and an interpretation never
    /// borrows a law's authority, so an unquoted, decided entry cites no
    /// `basis` of its own.
    fn provenance(
        &mut self,
        path: &str,
        must_explain: bool,
        quoted: bool,
        decided: bool,
        basis: &[String],
        what: &str,
    ) {
        if must_explain && !quoted && !decided {
            self.report(
                format!("{path}.source"),
                format!("{what}既未引用种子原文（source），也没有口径说明（decision）"),
            );
        } else if !quoted && decided && !basis.is_empty() {
            self.report(
                format!("{path}.basis"),
                format!("种子未载明的{what}属于口径解释，不得列法定依据（basis）；请在 decision 中写明参照的文件，如“按……理解”"),
            );
        }
    }

    fn condition(&mut self, path: &str, text: &str) -> Option<Condition> {
        self.condition_within(path, text, condition::MAX_DEPTH, condition::MAX_LENGTH)
    }

    fn condition_within(&mut self, path: &str, text: &str, max_depth: usize, max_length: usize) -> Option<Condition> {
        match Condition::parse_within(text, max_depth, max_length) {
            Ok(c) => Some(c),
            Err(e) => {
                // An over-long condition is quoted by its start only.
                let quoted: String = text.chars().take(100).collect();
                let more = if quoted.len() < text.len() { "…" } else { "" };
                self.report(path, format!("条件“{quoted}{more}”有误：{e}"));
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn material(
        &mut self,
        path: &str,
        id: &str,
        name: &str,
        owner: Option<&str>,
        form: Option<&str>,
        copies: Option<u32>,
        paper: Option<&str>,
        photo: Option<&RawPhoto>,
        file: Option<&RawFile>,
        stamps: &[String],
        notes: &[String],
    ) -> Option<Material> {
        self.non_empty(&format!("{path}.name"), name);
        let owner = match owner {
            None => {
                self.report(format!("{path}.owner"), "缺少 owner");
                None
            }
            Some(o) => Owner::from_name(o).or_else(|| {
                let names = Owner::ALL.iter().map(|o| o.name()).collect::<Vec<_>>().join("、");
                self.report(format!("{path}.owner"), format!("未知的材料归属“{o}”，应为 {names} 之一"));
                None
            }),
        };
        let form = match form {
            None => {
                self.report(format!("{path}.form"), "缺少 form");
                None
            }
            Some(f) => Form::from_name(f).or_else(|| {
                let names = Form::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join("、");
                self.report(format!("{path}.form"), format!("未知的材料形式“{f}”，应为 {names} 之一"));
                None
            }),
        };
        let paper = paper.and_then(|p| {
            Paper::from_name(p).or_else(|| {
                self.report(format!("{path}.paper"), format!("未知的纸张“{p}”，应为 A4"));
                None
            })
        });
        let photo = photo.and_then(|p| {
            let size = PhotoSize::from_name(&p.size).or_else(|| {
                self.report(format!("{path}.photo.size"), format!("未知的照片尺寸“{}”，应为 1寸 或 2寸", p.size));
                None
            });
            if p.count == 0 {
                self.report(format!("{path}.photo.count"), "照片张数应至少为 1");
            }
            Some(PhotoSpec { size: size?, color: p.color, bareheaded: p.bareheaded, count: p.count })
        });
        let file = file.map(|f| {
            if f.formats.is_empty() {
                self.report(format!("{path}.file.formats"), "至少应列出一种文件格式");
            }
            for (i, format) in f.formats.iter().enumerate() {
                if format.is_empty() || !format.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                    self.report(
                        format!("{path}.file.formats[{i}]"),
                        format!("文件格式“{format}”应为小写扩展名，如 jpg"),
                    );
                }
            }
            if f.max_bytes == 0 {
                self.report(format!("{path}.file.max_bytes"), "文件大小上限应大于 0");
            }
            FileSpec { formats: f.formats.clone(), max_bytes: f.max_bytes }
        });
        let form = form?;
        let (originals, copies) = match (form, copies) {
            (Form::Original | Form::Electronic, Some(_)) => {
                self.report(format!("{path}.copies"), "仅需原件或电子版的材料不应填写 copies");
                (1, 0)
            }
            (_, Some(0)) => {
                self.report(format!("{path}.copies"), "复印件份数应至少为 1");
                (1, 1)
            }
            (Form::Original | Form::Electronic, None) => (photo.map_or(1, |p| p.count), 0),
            (Form::Copy, n) => (0, n.unwrap_or(1)),
            (Form::OriginalAndCopy, n) => (1, n.unwrap_or(1)),
        };
        if photo.is_some() && !matches!(form, Form::Original | Form::Electronic) {
            self.report(format!("{path}.form"), "照片的形式应为 original 或 electronic");
        }
        if file.is_some() != (form == Form::Electronic) {
            self.report(format!("{path}.file"), "电子版材料必须且只有电子版材料填写 file");
        }
        Some(Material {
            id: id.to_owned(),
            name: name.to_owned(),
            owner: owner?,
            form,
            originals,
            copies,
            paper,
            photo,
            file,
            stamps: stamps.to_vec(),
            notes: notes.to_vec(),
        })
    }
}

/// Whether loading checks where each rule comes from (see
/// `Checker::provenance`). Source files are checked; the embedded catalogue
/// was checked from its sources by the test suite, and its build strips the
/// seed quotes the check reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Provenance {
    Checked,
    Trusted,
}

fn compile(file: &str, raw: RawService, provenance: Provenance, problems: &mut Problems) -> Option<Service> {
    let before = problems.list.len();
    let mut c = Checker { file: file.to_owned(), service: Some(raw.id.clone()), problems };

    let valid_id = {
        let mut parts = raw.id.split('.');
        let ok =
            |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
        ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
    };
    if !valid_id {
        c.report("id", format!("事项序号“{}”应为“数字.数字”，如 10.1", raw.id));
    }
    c.non_empty("name", &raw.name);
    c.non_empty("implementing_body", &raw.implementing_body);
    c.non_empty("boundary", &raw.boundary);
    c.non_empty("responsibility", &raw.responsibility);
    c.non_empty("supervision.office", &raw.supervision.office);
    c.non_empty("supervision.phone", &raw.supervision.phone);
    let valid_from = c.date("valid_from", &raw.valid_from);
    let valid_until = c.date("valid_until", &raw.valid_until);
    if let (Some(f), Some(u)) = (valid_from, valid_until) {
        if f > u {
            c.report("valid_until", "有效期止日早于起日");
        }
    }

    if raw.legal_basis.is_empty() {
        c.report("legal_basis", "缺少法定依据");
    }
    let citation_repeats = Index::new(raw.legal_basis.iter().map(|r| r.id.as_str())).repeats();
    let mut citations = Vec::new();
    for (i, r) in raw.legal_basis.iter().enumerate() {
        c.id(&format!("legal_basis[{i}].id"), &r.id, citation_repeats[i]);
        match (&r.title, &r.reference, &r.number) {
            (Some(_), Some(_), _) => c.report(
                format!("legal_basis[{i}].reference"),
                "title（文件名称）与 reference（种子的笼统提法）只能填一个",
            ),
            (None, None, None) => c.report(
                format!("legal_basis[{i}].title"),
                "缺少文件名称（title）、笼统提法（reference）或文号（number）",
            ),
            _ => {}
        }
        for (key, text) in [("title", &r.title), ("reference", &r.reference), ("number", &r.number)] {
            if let Some(text) = text {
                c.non_empty(&format!("legal_basis[{i}].{key}"), text);
            }
        }
        citations.push(Citation {
            id: r.id.clone(),
            title: r.title.clone(),
            reference: r.reference.clone(),
            number: r.number.clone(),
            note: r.note.clone(),
        });
    }

    if raw.steps.is_empty() {
        c.report("steps", "缺少运行流程");
    }
    let steps = raw
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            c.non_empty(&format!("steps[{i}].action"), &s.action);
            Step { actor: s.actor.clone(), action: s.action.clone(), phone: s.phone.clone(), optional: s.optional }
        })
        .collect();

    let mut facts = FactSet::EMPTY;
    let citation_index = Index::new(citations.iter().map(|c| c.id.as_str()));
    let rule_repeats = Index::new(raw.eligibility.iter().map(|r| r.id.as_str())).repeats();
    let mut eligibility = Vec::new();
    for (i, r) in raw.eligibility.iter().enumerate() {
        let path = format!("eligibility[{i}]");
        c.id(&format!("{path}.id"), &r.id, rule_repeats[i]);
        c.non_empty(&format!("{path}.text"), &r.text);
        let basis = c.basis(&format!("{path}.basis"), &r.basis, &citations, &citation_index, r.decision.is_some());
        if provenance == Provenance::Checked {
            c.provenance(&path, true, r.quoted, r.decision.is_some(), &r.basis, "资格条件");
        }
        if let Some(condition) = c.condition(&format!("{path}.requires"), &r.requires) {
            facts = facts.union(condition.facts());
            eligibility.push(EligibilityRule {
                id: r.id.clone(),
                text: r.text.clone(),
                condition,
                basis,
                decision: r.decision.clone(),
            });
        }
    }

    let mut cases = Vec::new();
    let mut case_var = None;
    if let Some(rc) = &raw.cases {
        match Var::ALL.iter().find(|v| v.name() == rc.fact) {
            Some(&var) => match var.kind() {
                VarKind::Choice(choices) => {
                    case_var = Some(var);
                    facts.insert(var.fact());
                    let mut seen = Vec::new();
                    for (i, o) in rc.options.iter().enumerate() {
                        c.non_empty(&format!("cases.options[{i}].name"), &o.name);
                        match choices.iter().find(|ch| ch.name() == o.value) {
                            Some(ch) if !seen.contains(&ch.name()) => {
                                seen.push(ch.name());
                                cases.push(Case { value: ch.name(), name: o.name.clone() });
                            }
                            Some(_) => c.report(format!("cases.options[{i}].value"), format!("情形“{}”重复", o.value)),
                            None => c.report(
                                format!("cases.options[{i}].value"),
                                format!("“{}”不是“{}”的取值", o.value, rc.fact),
                            ),
                        }
                    }
                    if rc.options.is_empty() {
                        c.report("cases.options", "至少应有一个情形");
                    }
                }
                _ => c.report("cases.fact", format!("情形事实“{}”应为选择型事实", rc.fact)),
            },
            None => c.report("cases.fact", format!("未知的事实名“{}”", rc.fact)),
        }
    }

    if raw.materials.is_empty() {
        c.report("materials", "缺少运行要件（材料）");
    }
    // Requirement ids and "one of" option ids share one namespace, checked in this order.
    let material_ids = raw
        .materials
        .iter()
        .flat_map(|r| std::iter::once(r.id.as_str()).chain(r.one_of.iter().flatten().map(|m| m.id.as_str())));
    let mut material_repeats = Index::new(material_ids).repeats().into_iter();
    let mut requirements = Vec::new();
    for (i, r) in raw.materials.iter().enumerate() {
        let path = format!("materials[{i}]");
        c.id(&format!("{path}.id"), &r.id, material_repeats.next().unwrap_or(false));
        let options: Vec<Option<Material>> = match &r.one_of {
            Some(options) => {
                if r.owner.is_some()
                    || r.form.is_some()
                    || r.copies.is_some()
                    || r.paper.is_some()
                    || r.photo.is_some()
                    || r.file.is_some()
                    || !r.stamps.is_empty()
                    || !r.notes.is_empty()
                {
                    c.report(&path, "“二选一”材料的 owner、form 等应写在 one_of 的各选项中");
                }
                if options.len() < 2 {
                    c.report(format!("{path}.one_of"), "one_of 至少应有两个选项");
                }
                options
                    .iter()
                    .enumerate()
                    .map(|(j, m)| {
                        let p = format!("{path}.one_of[{j}]");
                        c.id(&format!("{p}.id"), &m.id, material_repeats.next().unwrap_or(false));
                        c.material(
                            &p,
                            &m.id,
                            &m.name,
                            Some(&m.owner),
                            Some(&m.form),
                            m.copies,
                            m.paper.as_deref(),
                            m.photo.as_ref(),
                            m.file.as_ref(),
                            &m.stamps,
                            &m.notes,
                        )
                    })
                    .collect()
            }
            None => vec![c.material(
                &path,
                &r.id,
                &r.name,
                r.owner.as_deref(),
                r.form.as_deref(),
                r.copies,
                r.paper.as_deref(),
                r.photo.as_ref(),
                r.file.as_ref(),
                &r.stamps,
                &r.notes,
            )],
        };
        let basis = c.basis(&format!("{path}.basis"), &r.basis, &citations, &citation_index, r.decision.is_some());
        if provenance == Provenance::Checked {
            c.provenance(&path, false, r.quoted, r.decision.is_some(), &r.basis, "材料");
        }
        let case = match (&r.case, case_var) {
            (None, _) => None,
            (Some(v), None) => {
                c.report(format!("{path}.case"), format!("本事项没有定义情形，不能引用情形“{v}”"));
                None
            }
            (Some(v), Some(_)) => {
                let found = cases.iter().position(|k| k.value == v);
                if found.is_none() {
                    c.report(format!("{path}.case"), format!("引用了未定义的情形“{v}”"));
                }
                found
            }
        };
        let combined =
            match (case.zip(case_var).map(|(k, var)| format!("{} == {}", var.name(), cases[k].value)), &r.when) {
                (None, None) => None,
                (Some(k), None) => Some(k),
                (None, Some(w)) => Some(w.clone()),
                (Some(k), Some(w)) => Some(format!("{k} && ({w})")),
            };
        let condition = match &r.when {
            Some(w) if c.condition(&format!("{path}.when"), w).is_none() => None,
            // `when` passed the limits; the `case == … && (…)` around it may take one level more.
            _ => combined.and_then(|text| {
                c.condition_within(
                    &format!("{path}.when"),
                    &text,
                    condition::MAX_DEPTH + 1,
                    condition::MAX_LENGTH + 128,
                )
            }),
        };
        if let Some(cond) = &condition {
            facts = facts.union(cond.facts());
        }
        if provenance == Provenance::Checked && r.when.is_some() && !r.when_quoted && r.decision.is_none() {
            c.report(
                format!("{path}.when"),
                "条件既未引用种子中载明该条件的原文（when_source），也没有口径说明（decision）",
            );
        }
        if let Some(reason) = &r.reason {
            c.non_empty(&format!("{path}.reason"), reason);
            if condition.is_none() && r.when.is_none() {
                c.report(format!("{path}.reason"), "无条件材料不需要 reason");
            }
        }
        let valid_from = c.date(&format!("{path}.valid_from"), &r.valid_from);
        let valid_until = c.date(&format!("{path}.valid_until"), &r.valid_until);
        if let (Some(f), Some(u)) = (valid_from, valid_until) {
            if f > u {
                c.report(format!("{path}.valid_until"), "有效期止日早于起日");
            }
        }
        if options.iter().all(Option::is_some) && (r.when.is_none() || condition.is_some()) {
            requirements.push(Requirement {
                id: r.id.clone(),
                name: r.name.clone(),
                options: options.into_iter().flatten().collect(),
                case,
                when: r.when.clone(),
                condition,
                reason: r.reason.clone(),
                basis,
                valid_from,
                valid_until,
                decision: r.decision.clone(),
                json: Default::default(),
            });
        }
    }
    if case_var.is_some() {
        for (k, case) in cases.iter().enumerate() {
            if !requirements.iter().any(|r| r.case == Some(k)) {
                c.report("cases", format!("情形“{}”下没有任何材料", case.value));
            }
        }
    }
    // Every fact a rule reads must be a fact a form can ask for.
    debug_assert!(facts.iter().all(|f| !matches!(f.kind(), FactKind::Date) || f.name() == "birth_date"));

    if c.problems.list.len() > before {
        return None;
    }
    Some(
        Service {
            id: raw.id,
            name: raw.name,
            valid_from,
            valid_until,
            legal_basis: citations,
            implementing_body: raw.implementing_body,
            boundary: raw.boundary,
            steps,
            responsibility: raw.responsibility,
            supervision: Supervision { office: raw.supervision.office, phone: raw.supervision.phone },
            eligibility,
            cases,
            case_var,
            requirements,
            decisions: raw.decisions.into_iter().map(|d| d.text).collect(),
            facts,
            json: Default::default(),
        }
        .with_json_text(),
    )
}
