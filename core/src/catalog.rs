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
use crate::facts::{
    APPLICATION_DATE, Choice, Derivation, Derived, FactInfo, FactSet, MAX_CHOICES, MAX_COUNT, MAX_FACTS, Spec, Var,
    VarKind, Vocabulary,
};
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
    /// `sha256:…` of the canonical form of the catalogue (`receipt.rs`).
    hash: String,
    vocabulary: Vocabulary,
    documents: Vec<Document>,
    services: Vec<Service>,
}

/// A kind of document (证件、证明、表格) in the catalogue's registry, such as
/// the 居民身份证: every material names the document it is, so the same
/// document can be recognised across services.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Document {
    id: String,
    name: String,
    issuer: Option<String>,
}

impl Document {
    /// The document's stable id, such as `resident_id_card`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its Chinese name, such as `居民身份证`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Who issues it, where the catalogue says (such as `公安机关`).
    pub fn issuer(&self) -> Option<&str> {
        self.issuer.as_deref()
    }
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
    /// The choice fact that selects the case: its variable and its slot.
    pub(crate) case_var: Option<(Var, u16)>,
    pub(crate) requirements: Vec<Requirement>,
    pub(crate) decisions: Vec<String>,
    pub(crate) facts: FactSet,
    /// The catalogue's vocabulary, shared: the facts' names and phrases.
    pub(crate) vocabulary: Vocabulary,
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
    value: String,
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
    document: String,
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

    /// Loads a catalogue from its files, each a `(file name, JSON text)`
    /// pair: `facts.json` (the fact vocabulary), `documents.json` (the
    /// document registry), and one file per service in the format of
    /// `core/catalog/services/*.json`. Files are told apart by name: a name
    /// ending in `facts.json` or `documents.json` (after the last `/`) is
    /// that file; every other file is a service.
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
    ///   "materials": [{"id": "id_card", "name": "身份证", "document": "id_card",
    ///                  "owner": "applicant", "form": "original", "basis": ["law"]}]
    /// }"#;
    /// let facts = r#"{"facts": [{"name": "proxy", "label": "是否由代办人办理", "type": "bool",
    ///                             "yes": "由代办人办理", "no": "由申请人本人办理"}]}"#;
    /// let documents = r#"{"documents": [{"id": "id_card", "name": "居民身份证"}]}"#;
    /// let catalog = banshi::Catalog::from_files(
    ///     "1",
    ///     [("facts.json", facts), ("documents.json", documents), ("99.1.json", text)],
    /// )?;
    /// assert_eq!(catalog.service("99.1")?.requirements().len(), 1);
    /// # Ok::<(), banshi::Error>(())
    /// ```
    pub fn from_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Catalog, LoadError> {
        Catalog::load_files(version, files, Provenance::Checked)
    }

    fn load_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        provenance: Provenance,
    ) -> Result<Catalog, LoadError> {
        let mut problems = Problems::default();
        let mut parsed = Vec::new();
        for (file, text) in files {
            match wire::parse_unlimited(text) {
                Ok(value) => parsed.push((file, value)),
                Err(detail) => problems.add(Problem::new(file, None, "", format!("JSON 格式错误：{detail}"))),
            }
        }
        let base = |file: &str| file.rsplit('/').next().unwrap_or(file).to_owned();
        let role = |file: &str, name: &str| base(file) == name;
        let (mut facts, mut derived, mut documents) = (None, None, None);
        let mut services = Vec::new();
        for (file, value) in &parsed {
            let mut c = Checker { file: (*file).to_owned(), service: None, problems: &mut problems };
            if role(file, "facts.json") {
                if facts.is_some() {
                    c.report("", "目录中有多个 facts.json");
                } else if let Some(o) = c.object("", value, &["facts", "derived"]) {
                    facts = Some(((*file).to_owned(), o.get("facts")));
                    derived = o.get("derived");
                }
            } else if role(file, "documents.json") {
                if documents.is_some() {
                    c.report("", "目录中有多个 documents.json");
                } else if let Some(o) = c.object("", value, &["documents"]) {
                    documents = Some(((*file).to_owned(), o.get("documents")));
                }
            } else {
                services.push((*file, value));
            }
        }
        let mut catalog = Catalog::assemble(version, facts, derived, documents, services, provenance, problems)?;
        let vocabulary = parsed.iter().find(|(f, _)| role(f, "facts.json")).map(|(_, v)| v);
        let registry = parsed.iter().find(|(f, _)| role(f, "documents.json")).map(|(_, v)| v);
        let member = |v: Option<&Value<'_>>, key: &str| -> Option<String> {
            let Some(Value::Object(members)) = v else { return None };
            let (_, value) = members.iter().find(|(k, _)| k == key)?;
            let mut text = String::new();
            crate::receipt::canonical(value, &mut text);
            Some(text)
        };
        catalog.hash = crate::receipt::hash(
            member(vocabulary, "facts").as_deref(),
            member(vocabulary, "derived").as_deref(),
            member(registry, "documents").as_deref(),
            parsed.iter().filter(|(f, _)| !role(f, "facts.json") && !role(f, "documents.json")).map(|(_, v)| v),
        );
        Ok(catalog)
    }

    /// Reads the vocabulary and the registry, then every service against
    /// them. `facts` and `documents` name the file each came from.
    fn assemble<'v, 'a: 'v>(
        version: &str,
        facts: Option<(String, Option<&'v Value<'a>>)>,
        derived: Option<&'v Value<'a>>,
        documents: Option<(String, Option<&'v Value<'a>>)>,
        services: Vec<(&str, &'v Value<'a>)>,
        provenance: Provenance,
        mut problems: Problems,
    ) -> Result<Catalog, LoadError> {
        let vocabulary = match facts {
            Some((file, list)) => {
                let mut c = Checker { file, service: None, problems: &mut problems };
                c.vocabulary(list, derived)
            }
            None => {
                problems.add(Problem::new("facts.json", None, "", "缺少事实词汇表 facts.json"));
                None
            }
        };
        let registry = match documents {
            Some((file, list)) => {
                let mut c = Checker { file, service: None, problems: &mut problems };
                c.documents(list)
            }
            None => {
                problems.add(Problem::new("documents.json", None, "", "缺少材料证件登记表 documents.json"));
                Vec::new()
            }
        };
        // Services cannot be type-checked without a vocabulary.
        let Some(vocabulary) = vocabulary else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let mut loaded = Vec::new();
        let document_index = Index::new(registry.iter().map(|d| d.id.as_str()));
        let context = Context { vocabulary: &vocabulary, documents: &registry, document_index: &document_index };
        for (file, value) in services {
            load_one(file, value, &context, provenance, &mut problems, &mut loaded);
        }
        finish(version, vocabulary, registry, loaded, problems)
    }

    /// Loads a catalogue from one bundle: `{"version": "…", "facts": [ … ],
    /// "derived": [ … ], "documents": [ … ], "services": [ … ]}`, the
    /// contents of `facts.json` and `documents.json` and each service in the
    /// file format (`banshi bundle <dir>` writes one).
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
        let mut c = Checker { file: "bundle".to_owned(), service: None, problems: &mut problems };
        let Some(bundle) = c.object("", &value, &["version", "facts", "derived", "documents", "services"]) else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let version = c.str(&bundle, "version");
        let items = c.items(&bundle, "services", true);
        let names: Vec<String> = (0..items.len()).map(|i| format!("bundle:services[{i}]")).collect();
        let services = names.iter().map(String::as_str).zip(items.iter()).collect();
        let (facts, derived, documents) = (bundle.get("facts"), bundle.get("derived"), bundle.get("documents"));
        let mut catalog = Catalog::assemble(
            &version,
            Some(("bundle".to_owned(), facts)),
            derived,
            Some(("bundle".to_owned(), documents)),
            services,
            Provenance::Checked,
            problems,
        )?;
        let canonical = |v: Option<&Value<'_>>| {
            v.map(|v| {
                let mut text = String::new();
                crate::receipt::canonical(v, &mut text);
                text
            })
        };
        catalog.hash = crate::receipt::hash(
            canonical(facts).as_deref(),
            canonical(derived).as_deref(),
            canonical(documents).as_deref(),
            items.iter(),
        );
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

    /// The catalogue's fact vocabulary, from its `facts.json`: read facts
    /// for this catalogue with it ([`Facts::from_json`](crate::Facts::from_json)).
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The document registry, from `documents.json`, in file order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The registered document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
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
    context: &Context<'_>,
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
    if let Some(service) = raw.and_then(|raw| compile(file, raw, context, provenance, problems)) {
        if problems.list.len() == before {
            services.push((file.to_owned(), service));
        }
    }
}

/// What every service of a catalogue is read against.
struct Context<'a> {
    vocabulary: &'a Vocabulary,
    documents: &'a [Document],
    document_index: &'a Index<'a>,
}

fn finish(
    version: &str,
    vocabulary: Vocabulary,
    documents: Vec<Document>,
    mut services: Vec<(String, Service)>,
    problems: Problems,
) -> Result<Catalog, LoadError> {
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
            vocabulary,
            documents,
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
    pub fn case_fact(&self) -> Option<&str> {
        self.case_var.map(|(var, _)| self.vocabulary.var_name(var))
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
    pub fn facts(&self) -> impl Iterator<Item = &FactInfo> {
        self.facts.facts(&self.vocabulary)
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
    pub fn value(&self) -> &str {
        &self.value
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

    /// The id of the document it is, in the catalogue's registry
    /// ([`Catalog::document`]), such as `resident_id_card`.
    pub fn document(&self) -> &str {
        &self.document
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
    document: Option<String>,
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
    document: String,
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
        const KEYS: &[&str] =
            &["id", "name", "document", "owner", "form", "copies", "paper", "photo", "file", "stamps", "notes"];
        let m = self.object(path, value, KEYS)?;
        Some(RawMaterial {
            id: self.str(&m, "id"),
            name: self.str(&m, "name"),
            document: self.str(&m, "document"),
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
            document: self.opt_str(&r, "document"),
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
            self.report(path, "缺少法定依据（basis 不能为空）；原文未载明的口径须在 decision 中说明");
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
                format!("{what}既未引用所据原文（source），也没有口径说明（decision）"),
            );
        } else if !quoted && decided && !basis.is_empty() {
            self.report(
                format!("{path}.basis"),
                format!("原文未载明的{what}属于口径解释，不得列法定依据（basis）；请在 decision 中写明参照的文件，如“按……理解”"),
            );
        }
    }

    fn condition(&mut self, path: &str, text: &str, vocabulary: &Vocabulary) -> Option<Condition> {
        self.condition_within(path, text, vocabulary, condition::MAX_DEPTH, condition::MAX_LENGTH)
    }

    fn condition_within(
        &mut self,
        path: &str,
        text: &str,
        vocabulary: &Vocabulary,
        max_depth: usize,
        max_length: usize,
    ) -> Option<Condition> {
        match Condition::parse_within(text, vocabulary, max_depth, max_length) {
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
        document: Option<&str>,
        context: &Context<'_>,
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
        let document = match document {
            None => {
                self.report(format!("{path}.document"), "缺少 document（材料对应的登记证件）");
                None
            }
            Some(d) if context.document_index.first(d).is_none() => {
                let hint = crate::suggest::nearest(d, context.documents.iter().map(|d| d.id.as_str()))
                    .map(|s| format!("，是否应为“{s}”？"))
                    .unwrap_or_default();
                self.report(format!("{path}.document"), format!("材料证件“{d}”未在 documents.json 中登记{hint}"));
                None
            }
            Some(d) => Some(d.to_owned()),
        };
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
            document: document?,
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

fn compile(
    file: &str,
    raw: RawService,
    context: &Context<'_>,
    provenance: Provenance,
    problems: &mut Problems,
) -> Option<Service> {
    let vocabulary = context.vocabulary;
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
                "title（文件名称）与 reference（原文的笼统提法）只能填一个",
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
        if let Some(condition) = c.condition(&format!("{path}.requires"), &r.requires, vocabulary) {
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
        match vocabulary.var(&rc.fact) {
            Some(var) => match vocabulary.kind(var) {
                VarKind::Choice(choices) => {
                    let slot = vocabulary.input(var);
                    case_var = Some((var, slot));
                    facts.insert(slot);
                    let mut seen = Vec::new();
                    for (i, o) in rc.options.iter().enumerate() {
                        c.non_empty(&format!("cases.options[{i}].name"), &o.name);
                        match choices.iter().find(|ch| ch.name() == o.value) {
                            Some(ch) if !seen.contains(&ch.name()) => {
                                seen.push(ch.name());
                                cases.push(Case { value: ch.name().to_owned(), name: o.name.clone() });
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
                    || r.document.is_some()
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
                            Some(&m.document),
                            context,
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
                r.document.as_deref(),
                context,
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
                let found = cases.iter().position(|k| k.value == *v);
                if found.is_none() {
                    c.report(format!("{path}.case"), format!("引用了未定义的情形“{v}”"));
                }
                found
            }
        };
        let combined = match (
            case.zip(case_var).map(|(k, (var, _))| format!("{} == {}", vocabulary.var_name(var), cases[k].value)),
            &r.when,
        ) {
            (None, None) => None,
            (Some(k), None) => Some(k),
            (None, Some(w)) => Some(w.clone()),
            (Some(k), Some(w)) => Some(format!("{k} && ({w})")),
        };
        let condition = match &r.when {
            Some(w) if c.condition(&format!("{path}.when"), w, vocabulary).is_none() => None,
            // `when` passed the limits; the `case == … && (…)` around it may take one level more.
            _ => combined.and_then(|text| {
                c.condition_within(
                    &format!("{path}.when"),
                    &text,
                    vocabulary,
                    condition::MAX_DEPTH + 1,
                    condition::MAX_LENGTH + 128,
                )
            }),
        };
        if let Some(cond) = &condition {
            facts = facts.union(cond.facts());
        }
        if provenance == Provenance::Checked && r.when.is_some() && !r.when_quoted && r.decision.is_none() {
            c.report(format!("{path}.when"), "条件既未引用载明该条件的原文（when_source），也没有口径说明（decision）");
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
            vocabulary: vocabulary.clone(),
            json: Default::default(),
        }
        .with_json_text(),
    )
}

// ---------------------------------------------------------------------------
// The vocabulary (`facts.json`) and the document registry (`documents.json`).

/// Whether `name` is a lower-case identifier: a letter, then letters, digits
/// and `_`.
fn is_identifier(name: &str) -> bool {
    name.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl Checker<'_> {
    /// A required, non-empty string member.
    fn text(&mut self, o: &Obj<'_, '_>, key: &str) -> String {
        let text = self.str(o, key);
        if o.get(key).is_some() {
            self.non_empty(&o.field(key), &text);
        }
        text
    }

    /// A name in the vocabulary: an identifier, not seen before.
    fn fact_name(&mut self, path: &str, name: &str, seen: &[String]) {
        if !is_identifier(name) {
            self.report(path, format!("名称“{name}”应由小写字母、数字和下划线组成，并以字母开头"));
        } else if name == APPLICATION_DATE {
            self.report(path, "application_date 是引擎内置的申请日期，不应在词汇表中声明");
        } else if seen.iter().any(|s| s == name) {
            self.report(path, format!("名称“{name}”重复"));
        }
    }

    /// Reads `facts` and `derived` into a vocabulary; `None` if any is wrong.
    fn vocabulary(&mut self, facts: Option<&Value<'_>>, derived: Option<&Value<'_>>) -> Option<Vocabulary> {
        let before = self.problems.list.len();
        let list: &[Value<'_>] = match facts {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("facts", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
            None => {
                self.report("facts", "缺少此字段");
                &[]
            }
        };
        if list.len() >= MAX_FACTS {
            self.report("facts", format!("事实过多：{} 个，上限为 {} 个", list.len(), MAX_FACTS - 1));
            return None;
        }
        let mut infos = vec![Vocabulary::application_date()];
        let mut names: Vec<String> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("facts[{i}]");
            const KEYS: &[&str] = &["name", "label", "type", "choices", "yes", "no", "max", "subject", "unit"];
            let Some(f) = self.object(&path, v, KEYS) else { continue };
            let name = self.str(&f, "name");
            self.fact_name(&f.field("name"), &name, &names);
            names.push(name.clone());
            let label = self.text(&f, "label");
            let kind = self.str(&f, "type");
            let allowed: &[&str] = match kind.as_str() {
                "date" => &[],
                "bool" => &["yes", "no"],
                "choice" => &["choices"],
                "count" => &["max", "subject", "unit"],
                other => {
                    self.report(
                        f.field("type"),
                        format!("未知的事实类型“{other}”，应为 bool、choice、count 或 date 之一"),
                    );
                    continue;
                }
            };
            for key in ["choices", "yes", "no", "max", "subject", "unit"] {
                if f.get(key).is_some() && !allowed.contains(&key) {
                    self.report(f.field(key), format!("{kind} 型事实不应有字段“{key}”"));
                }
            }
            let spec = match kind.as_str() {
                "date" => Spec::Date,
                "bool" => Spec::Bool { yes: self.text(&f, "yes"), no: self.text(&f, "no") },
                "count" => {
                    let max = self.number(&f, "max", u64::from(MAX_COUNT));
                    if f.get("max").is_none() {
                        self.report(f.field("max"), "缺少此字段");
                    }
                    Spec::Count {
                        max: max.unwrap_or(0) as u32,
                        subject: self.text(&f, "subject"),
                        unit: self.str(&f, "unit"),
                    }
                }
                _ => Spec::Choice(self.choices(&f)),
            };
            infos.push(FactInfo { name, label, spec });
        }
        let mut derivations = Vec::new();
        let list: &[Value<'_>] = match derived {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("derived", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
        };
        if list.len() > MAX_FACTS {
            self.report("derived", format!("派生值过多：{} 个，上限为 {MAX_FACTS} 个", list.len()));
            return None;
        }
        for (i, v) in list.iter().enumerate() {
            let path = format!("derived[{i}]");
            const KEYS: &[&str] = &["name", "label", "function", "of", "subject", "unit"];
            let Some(d) = self.object(&path, v, KEYS) else { continue };
            let name = self.str(&d, "name");
            self.fact_name(&d.field("name"), &name, &names);
            names.push(name.clone());
            let label = self.text(&d, "label");
            let function = self.str(&d, "function");
            let function = Derivation::ALL.iter().copied().find(|f| f.name() == function).or_else(|| {
                let all = Derivation::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join("、");
                self.report(d.field("function"), format!("未知的派生函数“{function}”，应为 {all} 之一"));
                None
            });
            let of = self.str(&d, "of");
            let slot = infos.iter().position(|f| f.name == of);
            match slot.map(|s| &infos[s].spec) {
                Some(Spec::Date) if of != APPLICATION_DATE => {}
                Some(_) => self.report(d.field("of"), format!("“{of}”不是已声明的日期型事实（申请日期本身除外）")),
                None => self.report(d.field("of"), format!("未声明的事实“{of}”")),
            }
            let (subject, unit) = (self.text(&d, "subject"), self.str(&d, "unit"));
            if let (Some(function), Some(slot)) = (function, slot) {
                derivations.push(Derived { name, label, function, of: slot as u16, subject, unit });
            }
        }
        (self.problems.list.len() == before).then(|| Vocabulary::new(infos, derivations))
    }

    /// The values of a choice fact.
    fn choices(&mut self, f: &Obj<'_, '_>) -> Vec<Choice> {
        let items = self.items(f, "choices", true);
        if items.is_empty() && f.get("choices").is_some() {
            self.report(f.field("choices"), "至少应有一个取值");
        }
        if items.len() > MAX_CHOICES {
            self.report(f.field("choices"), format!("取值过多：{} 个，上限为 {MAX_CHOICES} 个", items.len()));
            return Vec::new();
        }
        let mut choices: Vec<Choice> = Vec::new();
        for (j, v) in items.iter().enumerate() {
            let Some(o) = self.object(&format!("{}[{j}]", f.field("choices")), v, &["name", "label", "phrase"]) else {
                continue;
            };
            let name = self.str(&o, "name");
            if !is_identifier(&name) {
                self.report(o.field("name"), format!("取值“{name}”应由小写字母、数字和下划线组成，并以字母开头"));
            } else if choices.iter().any(|c| c.name == name) {
                self.report(o.field("name"), format!("取值“{name}”重复"));
            }
            let (label, phrase) = (self.text(&o, "label"), self.text(&o, "phrase"));
            choices.push(Choice { name, label, phrase });
        }
        choices
    }

    /// Reads the document registry.
    fn documents(&mut self, list: Option<&Value<'_>>) -> Vec<Document> {
        let items: &[Value<'_>] = match list {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("documents", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
            None => {
                self.report("documents", "缺少此字段");
                &[]
            }
        };
        let ids = items.iter().map(|v| match v {
            Value::Object(members) => members.iter().find(|(k, _)| k == "id").map_or("", |(_, v)| match v {
                Value::Str(s) => s.as_ref(),
                _ => "",
            }),
            _ => "",
        });
        let repeats = Index::new(ids).repeats();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let Some(o) = self.object(&format!("documents[{i}]"), v, &["id", "name", "issuer"]) else { continue };
            let id = self.str(&o, "id");
            self.id(&o.field("id"), &id, repeats[i]);
            let name = self.text(&o, "name");
            let issuer = self.opt_str(&o, "issuer");
            if let Some(issuer) = &issuer {
                self.non_empty(&o.field("issuer"), issuer);
            }
            out.push(Document { id, name, issuer });
        }
        out
    }
}
