//! The model: a loaded catalogue, its services, rules, cases, requirements
//! and materials, as the rest of the crate reads them. Plain data with
//! accessors; the loading layer builds it, evaluation and rendering read it.

use std::fmt;
use std::sync::Arc;

use crate::condition::Condition;
use crate::facts::{FactInfo, FactSet, Var, Vocabulary};
use crate::support::date::Date;

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
    pub(crate) version: String,
    /// `sha256:…` of the canonical form of the catalogue (`receipt.rs`).
    pub(crate) hash: String,
    pub(crate) vocabulary: Vocabulary,
    pub(crate) documents: Vec<Document>,
    pub(crate) services: Vec<Service>,
    /// The bundles of services the catalogue declares (`bundles.json`).
    pub(crate) bundles: Vec<Bundle>,
}

/// Several services applied for at once, with one merged set of materials
/// (一件事一次办): declared by a catalogue (`bundles.json`), or made by a
/// caller from any services ([`Catalog::bundle_of`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Bundle {
    pub(crate) id: Option<String>,
    pub(crate) name: Option<String>,
    /// Indices into the catalogue's services, in the order answers list them.
    pub(crate) services: Vec<usize>,
    /// The services' numbers, in the same order: what `services` must still
    /// hold when the bundle is used.
    pub(crate) ids: Vec<String>,
    pub(crate) decision: Option<String>,
}

impl Bundle {
    /// The declared bundle's id, such as `newborn`; `None` for one made by a
    /// caller.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The declared bundle's Chinese name, such as `新生儿出生一件事`.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The recorded interpretation the bundle rests on, when the catalogue's
    /// source text does not state it.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }
}

/// How the office can obtain a document itself, so that the applicant need
/// not submit it (免提交).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StandIn {
    pub(crate) by: StandInKind,
    pub(crate) decision: Option<String>,
}

impl StandIn {
    /// What stands in for the paper.
    pub fn by(&self) -> StandInKind {
        self.by
    }

    /// The recorded interpretation it rests on, if the source does not state it.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }
}

/// A material that may be supplied after the application is accepted
/// (容缺受理), within a number of calendar days.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Deferral {
    pub(crate) days: u16,
    pub(crate) decision: Option<String>,
}

impl Deferral {
    /// Calendar days after the application date by which it is due.
    pub fn days(&self) -> u16 {
        self.days
    }

    /// The recorded interpretation it rests on, if the source does not state it.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }
}

/// A written pledge (承诺书) that may replace a material (告知承诺制).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Pledge {
    pub(crate) text: String,
    pub(crate) decision: Option<String>,
}

impl Pledge {
    /// The pledge's wording, which the applicant signs.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The recorded interpretation it rests on, if the source does not state it.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }
}

/// The fewest services in a bundle.
pub(crate) const MIN_BUNDLE: usize = 2;
/// The most services in a bundle.
pub(crate) const MAX_BUNDLE: usize = 16;

/// A kind of document (证件、证明、表格) in the catalogue's registry, such as
/// the 居民身份证: every material names the document it is, so the same
/// document can be recognised across services.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Document {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) issuer: Option<String>,
    pub(crate) stand_in: Option<StandIn>,
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

    /// Whether an electronic licence or shared data may stand in for the
    /// paper when the office has the document on file.
    pub fn stand_in(&self) -> Option<&StandIn> {
        self.stand_in.as_ref()
    }
}

/// A service (职责事项): one row of the 职责事项信息表.
#[derive(Clone, Debug)]
pub struct Service {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) item_code: Option<String>,
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
    /// Whether any requirement has a validity period of its own: when none
    /// has, assessment lists them without checking each against the date.
    pub(crate) dated_requirements: bool,
    pub(crate) decisions: Vec<String>,
    pub(crate) facts: FactSet,
    /// The catalogue's vocabulary, shared: the facts' names and phrases.
    pub(crate) vocabulary: Vocabulary,
    /// JSON precomputed at load for the parts of responses that never change.
    pub(crate) json: PreparedService,
}

/// A legal document cited as a basis (法定依据). Its texts are shared:
/// every rule and material citing it holds a copy, and copying is then a
/// count, not an allocation.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Citation {
    pub(crate) id: Arc<str>,
    pub(crate) title: Option<Arc<str>>,
    pub(crate) reference: Option<Arc<str>>,
    pub(crate) number: Option<Arc<str>>,
    pub(crate) note: Option<Arc<str>>,
}

/// One step of a service's process (运行流程).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Step {
    pub(crate) actor: Option<String>,
    pub(crate) action: String,
    pub(crate) phone: Option<String>,
    pub(crate) optional: bool,
}

/// The supervision contact (监督方式).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Supervision {
    pub(crate) office: String,
    pub(crate) phone: String,
}

/// A condition the applicant must meet to be eligible.
#[derive(Clone, Debug)]
pub struct EligibilityRule {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) condition: Condition,
    pub(crate) basis: Vec<Citation>,
    pub(crate) decision: Option<String>,
    /// Its prepared JSON text: `id` and `text`, then `basis` and `decision`.
    pub(crate) json: PreparedRequirement,
}

/// One of the cases a service is split into, such as 1.2's 新生儿住院垫付.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Case {
    pub(crate) value: String,
    pub(crate) name: String,
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
    pub(crate) deferrable: Option<Deferral>,
    pub(crate) pledge: Option<Pledge>,
    /// JSON precomputed at load: the fields before `because`, and `basis`.
    pub(crate) json: PreparedRequirement,
}

/// A material (材料): a document, a form, a photo or a file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Material {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) document: String,
    /// The document's stand-in (免提交), from the registry.
    pub(crate) stand_in: Option<StandIn>,
    /// Its document's index in the registry and its owner's in the
    /// vocabulary, as one number: materials of one owner and document merge
    /// in a bundle (`eval::bundle`) by comparing these, not strings.
    pub(crate) merge_key: u64,
    pub(crate) owner: String,
    pub(crate) form: Form,
    pub(crate) originals: u32,
    pub(crate) copies: u32,
    pub(crate) paper: Option<Paper>,
    pub(crate) photo: Option<PhotoSpec>,
    pub(crate) file: Option<FileSpec>,
    pub(crate) stamps: Vec<String>,
    pub(crate) notes: Vec<String>,
}

/// The JSON text of the parts of a service's answers that depend on the
/// catalogue only, prepared once by the rendering layer
/// (`render::prepare`), so that an answer copies it instead of writing it.
#[derive(Clone, Default, Debug)]
pub(crate) struct PreparedService {
    pub(crate) service: String,
    /// An answer's opening for the catalogue version and hash below:
    /// `{"catalog_version":…,"engine_version":…,"catalog_hash":…,"service":{…},"application_date":`.
    pub(crate) header: String,
    /// The catalogue version `header` names.
    pub(crate) version: String,
    /// The catalogue hash `header` names.
    pub(crate) hash: String,
    pub(crate) assessment_tail: String,
    pub(crate) notice_tail: String,
    /// The length of all the fragments above and of the requirements' and
    /// rules' own: enough room for most answers, so the text is not regrown.
    pub(crate) size: usize,
}

/// A requirement's or an eligibility rule's prepared JSON text: the fields
/// before `because`, and those after it.
#[derive(Clone, Default, Debug)]
pub(crate) struct PreparedRequirement {
    pub(crate) head: String,
    pub(crate) tail: String,
    /// A requirement's whole checklist item, `{…}`, when its `because`
    /// never varies (always required, or with a reason of its own); empty
    /// otherwise, and for a rule.
    pub(crate) item: String,
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

            pub(crate) fn from_name(name: &str) -> Option<$name> {
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
    /// What the office can obtain in place of a paper document.
    StandInKind {
        /// 电子证照: an electronic licence.
        ElectronicLicence = "electronic_licence", "电子证照";
        /// 共享数据: data shared between departments.
        SharedData = "shared_data", "共享数据";
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
    pub(crate) size: PhotoSize,
    pub(crate) color: bool,
    pub(crate) bareheaded: bool,
    pub(crate) count: u32,
}

/// What an uploaded file must be: its formats and its size limit.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FileSpec {
    pub(crate) formats: Vec<String>,
    pub(crate) max_bytes: u64,
}

impl Catalog {
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

    /// The bundles of services the catalogue declares (`bundles.json`).
    pub fn bundles(&self) -> &[Bundle] {
        &self.bundles
    }

    /// The declared bundle with this id, such as `newborn`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownBundle`](crate::error::Error::UnknownBundle), with
    /// the nearest declared id when one is close.
    pub fn bundle(&self, id: &str) -> Result<&Bundle, crate::error::Error> {
        self.bundles.iter().find(|b| b.id.as_deref() == Some(id)).ok_or_else(|| crate::error::Error::UnknownBundle {
            id: id.to_owned(),
            suggestion: crate::support::suggest::nearest(id, self.bundles.iter().filter_map(|b| b.id.as_deref()))
                .map(str::to_owned),
        })
    }

    /// The services of a bundle, in its order.
    pub fn services_of<'c>(&'c self, bundle: &'c Bundle) -> impl ExactSizeIterator<Item = &'c Service> + 'c {
        // A bundle made with another version of the catalogue is found by
        // its services' numbers; one this catalogue lacks is left out.
        bundle
            .services
            .iter()
            .zip(&bundle.ids)
            .filter_map(|(&i, id)| self.services.get(i).filter(|s| s.id == *id).or_else(|| self.service(id).ok()))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// A bundle made by the caller from 2 to 16 distinct services, in the
    /// order given (ad hoc 一件事一次办).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownService`](crate::error::Error::UnknownService) for a
    /// number the catalogue does not have, and
    /// [`Error::InvalidValue`](crate::error::Error::InvalidValue) for fewer
    /// than 2, more than 16, or a service named twice.
    ///
    /// # Example
    ///
    /// ```
    /// let catalog = banshi::Catalog::embedded();
    /// let bundle = catalog.bundle_of(&["1.1", "8.1"])?;
    /// assert_eq!(bundle.id(), None);
    /// assert!(catalog.bundle_of(&["1.1", "1.1"]).is_err());
    /// # Ok::<(), banshi::Error>(())
    /// ```
    pub fn bundle_of(&self, services: &[&str]) -> Result<Bundle, crate::error::Error> {
        let invalid = |expected: String| crate::error::Error::InvalidValue { field: "bundle".to_owned(), expected };
        if !(MIN_BUNDLE..=MAX_BUNDLE).contains(&services.len()) {
            return Err(invalid(format!(
                "一件事应包含 {MIN_BUNDLE} 至 {MAX_BUNDLE} 个事项，实为 {} 个",
                services.len()
            )));
        }
        let mut indices = Vec::with_capacity(services.len());
        for id in services {
            let service = self.service(id)?;
            let index = self.services.iter().position(|s| std::ptr::eq(s, service)).unwrap_or(0);
            if indices.contains(&index) {
                return Err(invalid(format!("事项“{id}”重复")));
            }
            indices.push(index);
        }
        let ids = services.iter().map(|&id| id.to_owned()).collect();
        Ok(Bundle { id: None, name: None, services: indices, ids, decision: None })
    }

    /// The service with this number, such as `"10.1"`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownService`](crate::error::Error::UnknownService), with the
    /// nearest number when one is close.
    pub fn service(&self, id: &str) -> Result<&Service, crate::error::Error> {
        match self.services.iter().find(|s| s.id == id) {
            Some(service) => Ok(service),
            None => Err(self.unknown_service(id)),
        }
    }

    /// The error for a service number the catalogue does not have.
    #[cold]
    #[inline(never)]
    fn unknown_service(&self, id: &str) -> crate::error::Error {
        crate::error::Error::UnknownService {
            id: id.to_owned(),
            suggestion: crate::support::suggest::nearest(id, self.services.iter().map(|s| s.id.as_str()))
                .map(str::to_owned),
        }
    }
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

    /// The national 事项编码 (GB/T 39554.1), where the catalogue gives one.
    pub fn item_code(&self) -> Option<&str> {
        self.item_code.as_deref()
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
    pub(crate) fn unknown_material(&self, id: &str) -> crate::error::Error {
        let ids = self.requirements.iter().flat_map(|r| r.options.iter().map(|m| m.id.as_str()));
        crate::error::Error::UnknownMaterial {
            service: self.id.clone(),
            id: id.to_owned(),
            suggestion: crate::support::suggest::nearest(id, ids).map(str::to_owned),
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

    /// Whether it may be supplied after acceptance (容缺受理), and by when.
    pub fn deferrable(&self) -> Option<&Deferral> {
        self.deferrable.as_ref()
    }

    /// The written pledge that may replace it (告知承诺制), if any.
    pub fn pledge(&self) -> Option<&Pledge> {
        self.pledge.as_ref()
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

    /// Whose material it is: the name of one of the vocabulary's owners
    /// ([`Vocabulary::owner`](crate::Vocabulary::owner) gives its label).
    pub fn owner(&self) -> &str {
        &self.owner
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

#[cfg(test)]
mod tests {
    use crate::error::Error;

    /// A catalogue of one service per number, each with one material.
    fn catalog(numbers: &[&str]) -> super::Catalog {
        let service = |id: &str| {
            format!(
                r#"{{"id": "{id}", "name": "示例事项", "legal_basis": [{{"id": "law", "title": "示例条例"}}],
                    "implementing_body": "示例中心", "boundary": "示例中心",
                    "steps": [{{"actor": "申请人", "action": "提出申请"}}], "responsibility": "负责办理",
                    "supervision": {{"office": "纪检办公室", "phone": "12345678"}},
                    "materials": [{{"id": "id_card", "name": "身份证", "document": "id_card",
                                    "owner": "applicant", "form": "original", "basis": ["law"]}}]}}"#
            )
        };
        let facts = r#"{"facts": [{"name": "proxy", "label": "是否由代办人办理", "type": "bool",
                                    "yes": "由代办人办理", "no": "由申请人本人办理"}],
                        "owners": [{"name": "applicant", "label": "申请人"}]}"#;
        let documents = r#"{"documents": [{"id": "id_card", "name": "居民身份证"}]}"#;
        let texts: Vec<(String, String)> = numbers.iter().map(|id| (format!("{id}.json"), service(id))).collect();
        let files = [("facts.json", facts), ("documents.json", documents)]
            .into_iter()
            .chain(texts.iter().map(|(name, text)| (name.as_str(), text.as_str())));
        super::Catalog::from_files("1", files).unwrap()
    }

    #[test]
    fn services_are_found_by_number_short_or_long() {
        // Short numbers and the longest the loader allows, in an order
        // that is not the catalogue's.
        let numbers = ["1234.5678", "10.1", "2.1", "1.1", "1234.1", "11.10"];
        let catalog = catalog(&numbers);
        for number in numbers {
            assert_eq!(catalog.service(number).unwrap().id(), number);
        }
        for missing in ["", "1", "1.", "10.2", "1.10", "0.1", "1234.567", "1234.56789", "10.1 ", "１.1"] {
            assert!(matches!(catalog.service(missing), Err(Error::UnknownService { .. })), "{missing:?}");
        }
    }
}
