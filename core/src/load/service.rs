//! One service file: read into its raw form, then compiled against the
//! catalogue's vocabulary and document registry into a model `Service`.

use std::sync::Arc;

use super::check::{At, Checker, Obj, Problems, indexed, quotes_something};
use super::keys;
use crate::condition::{self, Condition};
use crate::facts::{FactSet, VarKind, Vocabulary};
use crate::model::{
    Case, Citation, Deferral, Document, EligibilityRule, FileSpec, Form, Material, Paper, PhotoSize, PhotoSpec, Pledge,
    Requirement, Service, Step, Supervision,
};
use crate::support::Joined as _;
use crate::support::lookup::Index;
use crate::support::wire::Value;

/// The longest a deferred material may take, in calendar days.
const MAX_DEFERRAL_DAYS: u64 = 365;

/// Whether loading checks where each rule comes from (see
/// `Checker::provenance`). Source files are checked; the embedded catalogue
/// was checked from its sources by the test suite, and its build strips the
/// seed quotes the check reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Provenance {
    Checked,
    Trusted,
}

/// Reads and checks one service; adds it to `services` only if it has no problems.
pub(super) fn load_one(
    file: &str,
    value: &Value<'_>,
    context: &Context<'_>,
    provenance: Provenance,
    problems: &mut Problems,
    services: &mut Vec<(String, Service)>,
) {
    let before = problems.list.len();
    let id = value.str_member("id").map(str::to_owned);
    let raw =
        Checker { file: file.to_owned(), service: id, problems }.read_service(value, provenance == Provenance::Checked);
    if let Some(service) = raw.and_then(|raw| compile(file, raw, context, provenance, problems)) {
        if problems.list.len() == before {
            services.push((file.to_owned(), service));
        }
    }
}

/// What every service of a catalogue is read against.
pub(super) struct Context<'a> {
    pub(super) vocabulary: &'a Vocabulary,
    pub(super) documents: &'a [Document],
    pub(super) document_index: &'a Index<'a>,
}

// ---------------------------------------------------------------------------
// The file format, as read from the JSON tree. Names and enums stay strings
// here so that every bad value is reported with its path, not just the first.
// What needs no compiling (citations, steps, the supervision contact and the
// decisions) is read straight into the model's own types, and `compile`
// moves the rest into the model rather than copying it.

struct RawService {
    id: String,
    name: String,
    item_code: Option<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    legal_basis: Vec<Citation>,
    implementing_body: String,
    boundary: String,
    steps: Vec<Step>,
    responsibility: String,
    supervision: Supervision,
    eligibility: Vec<RawRule>,
    cases: Option<RawCases>,
    materials: Vec<RawRequirement>,
    /// The interpretation choices (口径说明), each a text.
    decisions: Vec<String>,
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
    deferrable: Option<Deferral>,
    pledge: Option<Pledge>,
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

impl Checker<'_> {
    /// Checks a `source` quote: one string, or (for materials) a list.
    fn source(&mut self, o: &Obj<'_, '_>, list: bool) {
        let source = o.get("source");
        if list && !matches!(source, Some(Value::Str(_))) {
            self.check_strings(o, "source");
        } else {
            o.opt_str(self, "source");
        }
    }

    fn photo(&mut self, o: &Obj<'_, '_>) -> Option<RawPhoto> {
        // Absent from most materials: look before building the path.
        let value = o.get("photo")?;
        let p = self.object(o.field("photo"), value, keys::PHOTO)?;
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
        let value = o.get("file")?;
        let f = self.object(o.field("file"), value, keys::FILE)?;
        let formats = self.strings(&f, "formats");
        if f.get("max_bytes").is_none() {
            self.report(f.field("max_bytes"), "缺少此字段");
        }
        Some(RawFile { formats, max_bytes: self.number(&f, "max_bytes", u64::from(u32::MAX))? })
    }

    fn read_material(&mut self, path: String, value: &Value<'_>) -> Option<RawMaterial> {
        let m = self.object(path, value, keys::MATERIAL)?;
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

    /// A requirement's `deferrable` (容缺受理) and `pledge` (告知承诺制).
    fn mechanisms(&mut self, r: &Obj<'_, '_>, checked: bool) -> (Option<Deferral>, Option<Pledge>) {
        let deferrable = r.get("deferrable").and_then(|v| {
            let (d, decision) =
                self.sourced(r.field("deferrable"), v, keys::DEFERRABLE, "容缺受理（deferrable）", checked)?;
            if d.get("days").is_none() {
                self.report(d.field("days"), "缺少此字段");
            }
            let days = self.number(&d, "days", MAX_DEFERRAL_DAYS)?;
            if days == 0 {
                self.report(d.field("days"), format!("补正期限应为 1 至 {MAX_DEFERRAL_DAYS} 日"));
                return None;
            }
            Some(Deferral { days: days as u16, decision })
        });
        let pledge = r.get("pledge").and_then(|v| {
            let (p, decision) = self.sourced(r.field("pledge"), v, keys::PLEDGE, "告知承诺（pledge）", checked)?;
            let text = self.text(&p, "text");
            Some(Pledge { text, decision })
        });
        (deferrable, pledge)
    }

    fn read_requirement(&mut self, path: String, value: &Value<'_>, checked: bool) -> Option<RawRequirement> {
        let r = self.object(path, value, keys::REQUIREMENT)?;
        let (deferrable, pledge) = self.mechanisms(&r, checked);
        self.source(&r, true);
        if r.get("when_source").is_some_and(|v| !matches!(v, Value::Str(_))) {
            self.check_strings(&r, "when_source");
        }
        let one_of = r.get("one_of").map(|_| {
            let items = self.items(&r, "one_of", false);
            let field = r.field("one_of");
            items.iter().enumerate().filter_map(|(j, v)| self.read_material(indexed(&field, j), v)).collect()
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
            deferrable,
            pledge,
        })
    }

    /// Reads one service file's tree into the raw form `compile` checks.
    fn read_service(&mut self, value: &Value<'_>, checked: bool) -> Option<RawService> {
        let o = self.object("", value, keys::SERVICE)?;
        let mut legal_basis = Vec::new();
        for (i, v) in self.items(&o, "legal_basis", true).iter().enumerate() {
            if let Some(c) = self.object(indexed("legal_basis", i), v, keys::CITATION) {
                self.source(&c, false);
                legal_basis.push(Citation {
                    id: Arc::from(c.str(self, "id").unwrap_or_default()),
                    title: c.opt_str(self, "title").map(Arc::from),
                    reference: c.opt_str(self, "reference").map(Arc::from),
                    number: c.opt_str(self, "number").map(Arc::from),
                    note: c.opt_str(self, "note").map(Arc::from),
                });
            }
        }
        let mut steps = Vec::new();
        for (i, v) in self.items(&o, "steps", true).iter().enumerate() {
            if let Some(st) = self.object(indexed("steps", i), v, keys::STEP) {
                self.source(&st, false);
                steps.push(Step {
                    actor: self.opt_str(&st, "actor"),
                    action: self.str(&st, "action"),
                    phone: self.opt_str(&st, "phone"),
                    optional: self.bool(&st, "optional"),
                });
            }
        }
        let supervision = match o.get("supervision") {
            Some(v) => self
                .object("supervision", v, keys::SUPERVISION)
                .map(|sv| Supervision { office: self.str(&sv, "office"), phone: self.str(&sv, "phone") }),
            None => {
                self.report("supervision", "缺少此字段");
                None
            }
        };
        let mut eligibility = Vec::new();
        for (i, v) in self.items(&o, "eligibility", false).iter().enumerate() {
            if let Some(r) = self.object(indexed("eligibility", i), v, keys::RULE) {
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
        let cases = o.get("cases").and_then(|v| self.object("cases", v, keys::CASES)).map(|k| {
            let mut options = Vec::new();
            for (i, v) in self.items(&k, "options", true).iter().enumerate() {
                if let Some(opt) = self.object(indexed("cases.options", i), v, keys::CASE_OPTION) {
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
            .filter_map(|(i, v)| self.read_requirement(indexed("materials", i), v, checked))
            .collect();
        let mut decisions = Vec::new();
        for (i, v) in self.items(&o, "decisions", false).iter().enumerate() {
            if let Some(d) = self.object(indexed("decisions", i), v, keys::DECISION) {
                self.source(&d, false);
                decisions.push(self.str(&d, "text"));
            }
        }
        Some(RawService {
            id: self.str(&o, "id"),
            name: self.str(&o, "name"),
            item_code: self.opt_str(&o, "item_code"),
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

    /// Resolves the citation ids of a rule or a requirement. An empty basis
    /// is allowed only for an interpretation, which says in its `decision`
    /// what it rests on.
    fn basis(
        &mut self,
        at: At<'_>,
        ids: &[String],
        citations: &[Citation],
        index: &Index<'_>,
        decided: bool,
    ) -> Vec<Citation> {
        if ids.is_empty() && !decided {
            self.report(at.path(), "缺少法定依据（basis 不能为空）；原文未载明的口径须在 decision 中说明");
        }
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            // The first citation with the id, as a scan would find.
            match index.first(id) {
                Some(c) => out.push(citations[c].clone()),
                None => {
                    let hint = crate::support::suggest::nearest(id, citations.iter().map(Citation::id))
                        .map(|s| format!("，是否应为“{s}”？"))
                        .unwrap_or_default();
                    self.report(format!("{}[{i}]", at.path()), format!("引用了未定义的法定依据“{id}”{hint}"));
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

    fn condition(&mut self, at: At<'_>, text: &str, vocabulary: &Vocabulary) -> Option<Condition> {
        self.condition_within(at, text, vocabulary, condition::MAX_DEPTH, condition::MAX_LENGTH)
    }

    fn condition_within(
        &mut self,
        at: At<'_>,
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
                self.report(at.path(), format!("条件“{quoted}{more}”有误：{e}"));
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
        self.non_empty(At(path, "name"), name);
        let document = match document {
            None => {
                self.report(format!("{path}.document"), "缺少 document（材料对应的登记证件）");
                None
            }
            Some(d) if context.document_index.first(d).is_none() => {
                let hint = crate::support::suggest::nearest(d, context.documents.iter().map(|d| d.id.as_str()))
                    .map(|s| format!("，是否应为“{s}”？"))
                    .unwrap_or_default();
                self.report(format!("{path}.document"), format!("材料证件“{d}”未在 documents.json 中登记{hint}"));
                None
            }
            Some(d) => context.document_index.first(d),
        };
        let owner = match owner {
            None => {
                self.report(format!("{path}.owner"), "缺少 owner");
                None
            }
            Some(o) => match context.vocabulary.owner(o) {
                Some(owner) => Some(owner.name().to_owned()),
                None => {
                    let owners = context.vocabulary.owners().iter().map(|o| o.name());
                    let hint = crate::support::suggest::nearest(o, owners.clone())
                        .map(|s| format!("，是否应为“{s}”？"))
                        .unwrap_or_default();
                    // At most eight named: a message stays short however many owners there are.
                    let count = context.vocabulary.owners().len();
                    let mut names = owners.take(8).collect::<Vec<_>>().joined("、");
                    if count > 8 {
                        names.push_str(&format!(" 等 {count} 个"));
                    }
                    self.report(format!("{path}.owner"), format!("未知的材料归属“{o}”，应为 {names} 之一{hint}"));
                    None
                }
            },
        };
        let form = match form {
            None => {
                self.report(format!("{path}.form"), "缺少 form");
                None
            }
            Some(f) => Form::from_name(f).or_else(|| {
                let names = Form::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().joined("、");
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
            stand_in: context.documents[document?].stand_in.clone(),
            merge_key: (document? as u64) << 32
                | context
                    .vocabulary
                    .owners()
                    .iter()
                    .position(|o| o.name() == owner.as_deref().unwrap_or(""))
                    .unwrap_or(0) as u64,
            document: context.documents[document?].id.clone(),
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
    c.non_empty(At("", "name"), &raw.name);
    if let Some(code) = &raw.item_code {
        c.non_empty(At("", "item_code"), code);
    }
    c.non_empty(At("", "implementing_body"), &raw.implementing_body);
    c.non_empty(At("", "boundary"), &raw.boundary);
    c.non_empty(At("", "responsibility"), &raw.responsibility);
    c.non_empty(At("supervision", "office"), &raw.supervision.office);
    c.non_empty(At("supervision", "phone"), &raw.supervision.phone);
    let valid_from = c.date(At("", "valid_from"), &raw.valid_from);
    let valid_until = c.date(At("", "valid_until"), &raw.valid_until);
    if let (Some(f), Some(u)) = (valid_from, valid_until) {
        if f > u {
            c.report("valid_until", "有效期止日早于起日");
        }
    }

    if raw.legal_basis.is_empty() {
        c.report("legal_basis", "缺少法定依据");
    }
    let citations = raw.legal_basis;
    let citation_repeats = Index::new(citations.iter().map(Citation::id)).repeats();
    for (i, r) in citations.iter().enumerate() {
        let path = indexed("legal_basis", i);
        c.id(At(&path, "id"), &r.id, citation_repeats[i]);
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
                c.non_empty(At(&path, key), text);
            }
        }
    }

    if raw.steps.is_empty() {
        c.report("steps", "缺少运行流程");
    }
    for (i, s) in raw.steps.iter().enumerate() {
        if s.action.trim().is_empty() {
            c.non_empty(At(&indexed("steps", i), "action"), &s.action);
        }
    }

    let mut facts = FactSet::EMPTY;
    let citation_index = Index::new(citations.iter().map(Citation::id));
    let rule_repeats = Index::new(raw.eligibility.iter().map(|r| r.id.as_str())).repeats();
    let mut eligibility = Vec::new();
    for (i, r) in raw.eligibility.into_iter().enumerate() {
        let path = indexed("eligibility", i);
        c.id(At(&path, "id"), &r.id, rule_repeats[i]);
        c.non_empty(At(&path, "text"), &r.text);
        let basis = c.basis(At(&path, "basis"), &r.basis, &citations, &citation_index, r.decision.is_some());
        if provenance == Provenance::Checked {
            c.provenance(&path, true, r.quoted, r.decision.is_some(), &r.basis, "资格条件");
        }
        if let Some(condition) = c.condition(At(&path, "requires"), &r.requires, vocabulary) {
            facts = facts.union(condition.facts());
            eligibility.push(EligibilityRule {
                id: r.id,
                text: r.text,
                condition,
                basis,
                decision: r.decision,
                json: Default::default(),
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
                        c.non_empty(At(&indexed("cases.options", i), "name"), &o.name);
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
    for (i, r) in raw.materials.into_iter().enumerate() {
        let path = indexed("materials", i);
        c.id(At(&path, "id"), &r.id, material_repeats.next().unwrap_or(false));
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
                        c.id(At(&p, "id"), &m.id, material_repeats.next().unwrap_or(false));
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
        let basis = c.basis(At(&path, "basis"), &r.basis, &citations, &citation_index, r.decision.is_some());
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
            Some(w) if c.condition(At(&path, "when"), w, vocabulary).is_none() => None,
            // `when` passed the limits; the `case == … && (…)` around it may take one level more.
            _ => combined.and_then(|text| {
                c.condition_within(
                    At(&path, "when"),
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
            c.non_empty(At(&path, "reason"), reason);
            if condition.is_none() && r.when.is_none() {
                c.report(format!("{path}.reason"), "无条件材料不需要 reason");
            }
        }
        let valid_from = c.date(At(&path, "valid_from"), &r.valid_from);
        let valid_until = c.date(At(&path, "valid_until"), &r.valid_until);
        if let (Some(f), Some(u)) = (valid_from, valid_until) {
            if f > u {
                c.report(format!("{path}.valid_until"), "有效期止日早于起日");
            }
        }
        if options.iter().all(Option::is_some) && (r.when.is_none() || condition.is_some()) {
            requirements.push(Requirement {
                id: r.id,
                name: r.name,
                options: options.into_iter().flatten().collect(),
                case,
                when: r.when,
                condition,
                reason: r.reason,
                basis,
                valid_from,
                valid_until,
                decision: r.decision,
                deferrable: r.deferrable,
                pledge: r.pledge,
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
    Some(Service {
        id: raw.id,
        name: raw.name,
        item_code: raw.item_code,
        valid_from,
        valid_until,
        legal_basis: citations,
        implementing_body: raw.implementing_body,
        boundary: raw.boundary,
        steps: raw.steps,
        responsibility: raw.responsibility,
        supervision: raw.supervision,
        eligibility,
        cases,
        case_var,
        dated_requirements: requirements.iter().any(|r| r.valid_from.is_some() || r.valid_until.is_some()),
        requirements,
        decisions: raw.decisions,
        facts,
        vocabulary: vocabulary.clone(),
        json: Default::default(),
    })
}
