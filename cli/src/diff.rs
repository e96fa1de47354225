//! `banshi diff <old> <new>`: what changed between two versions of a
//! catalogue, per service, and whom it affects.
//!
//! What changed is read from the two versions' service guides and
//! vocabularies, the JSON every binding gives (`SCHEMA.md`): services added
//! and removed; per service, the materials and eligibility rules added,
//! removed or changed (with the names of the fields that changed, as in the
//! guide), the conditions changed (a material's `when`, a rule's
//! `requires`) with their old and new text, and any other field of the
//! guide; and the facts, derived values, owners and documents of the
//! vocabulary added, removed or changed.
//!
//! Whom it affects: for every service in both versions, both versions
//! assess the applicants [`Applicants`] generates from the two (every
//! combination of the values each fact's conditions can tell apart, on the
//! anchor date and the services' and materials' validity boundaries), at most
//! `limit` of them: past it, a fixed sample that shares them evenly among the
//! application dates and picks each fact's value independently
//! ([`Applicants::sample`]); the total is given as “不少于 2^64” when it does
//! not fit in 64 bits. An answer differs in
//! eligibility when the status (`eligible`, `ineligible`, `undetermined`,
//! or the error code, such as `SERVICE_NOT_IN_FORCE`) differs, and in the
//! checklist when the materials required differ: one added or removed, or a
//! required one's fields (form, copies, …) changed. The first two
//! applicants affected are shown.

use banshi::{Applicant, Applicants, Catalog, Date, Material, json};
use serde::Serialize;
use serde_json::Value;

/// The examples shown per service.
const EXAMPLES: usize = 2;

/// One side of the comparison: the catalogue, and what the user called it.
pub(crate) struct Side<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) name: &'a str,
}

/// The comparison, as text or JSON (`as_json`).
pub(crate) fn diff(old: &Side<'_>, new: &Side<'_>, anchor: Date, limit: u64, as_json: bool) -> String {
    let report = compare(old, new, anchor, limit);
    if as_json { serde_json::to_string(&report).expect("plain data serialises") } else { text(&report) }
}

#[derive(Serialize)]
struct Report {
    old: Version,
    new: Version,
    application_date: String,
    limit: u64,
    #[serde(skip_serializing_if = "Vocabulary::is_empty")]
    vocabulary: Vocabulary,
    services_added: Vec<Named>,
    services_removed: Vec<Named>,
    services_unchanged: usize,
    services: Vec<ServiceDiff>,
}

#[derive(Serialize)]
struct Version {
    catalog: String,
    catalog_version: String,
    catalog_hash: String,
}

#[derive(Serialize, Default)]
struct Vocabulary {
    #[serde(skip_serializing_if = "Changes::is_empty")]
    facts: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    derived: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    owners: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    documents: Changes,
}

impl Vocabulary {
    fn is_empty(&self) -> bool {
        [&self.facts, &self.derived, &self.owners, &self.documents].iter().all(|c| c.is_empty())
    }
}

#[derive(Serialize, Default)]
struct Changes {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    added: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    removed: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changed: Vec<Changed>,
}

impl Changes {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

#[derive(Serialize)]
struct Named {
    id: String,
    name: String,
}

#[derive(Serialize)]
struct Changed {
    id: String,
    fields: Vec<String>,
}

#[derive(Serialize)]
struct ConditionChange {
    /// `material` or `rule`.
    of: &'static str,
    id: String,
    old: Option<String>,
    new: Option<String>,
}

#[derive(Serialize)]
struct ServiceDiff {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<String>,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    materials: Changes,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    rules: Changes,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conditions: Vec<ConditionChange>,
    applicants: Affected,
}

#[derive(Serialize)]
struct Affected {
    /// Every combination the generator gives; `null` when there are 2^64 or
    /// more.
    total: Option<u64>,
    /// How many were run (`total`, or `limit` when sampled).
    tried: u64,
    affected: u64,
    eligibility_differs: u64,
    checklist_differs: u64,
    examples: Vec<Example>,
}

#[derive(Serialize)]
struct Example {
    facts: Value,
    /// The facts as generated, in vocabulary order, for the text report.
    #[serde(skip)]
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    eligibility: Option<OldNew>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    removed: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changed: Vec<String>,
}

#[derive(Serialize)]
struct OldNew {
    old: String,
    new: String,
}

fn compare(old: &Side<'_>, new: &Side<'_>, anchor: Date, limit: u64) -> Report {
    let version = |s: &Side<'_>| Version {
        catalog: s.name.to_owned(),
        catalog_version: s.catalog.version().to_owned(),
        catalog_hash: s.catalog.content_hash().to_owned(),
    };
    let vocabulary = |c: &Catalog| serde_json::from_str::<Value>(&json::vocabulary(c)).unwrap_or_default();
    let (old_words, new_words) = (vocabulary(old.catalog), vocabulary(new.catalog));
    let words = |key: &str, id: &str, name: &str| keyed(&old_words[key], &new_words[key], id, name);
    let mut report = Report {
        old: version(old),
        new: version(new),
        application_date: anchor.to_string(),
        limit,
        vocabulary: Vocabulary {
            facts: words("facts", "name", "label"),
            derived: words("derived", "name", "label"),
            owners: words("owners", "name", "label"),
            documents: words("documents", "id", "name"),
        },
        services_added: Vec::new(),
        services_removed: Vec::new(),
        services_unchanged: 0,
        services: Vec::new(),
    };
    let named = |s: &banshi::Service| Named { id: s.id().to_owned(), name: s.name().to_owned() };
    for service in old.catalog.services() {
        if new.catalog.service(service.id()).is_err() {
            report.services_removed.push(named(service));
        }
    }
    for service in new.catalog.services() {
        let Ok(before) = old.catalog.service(service.id()) else {
            report.services_added.push(named(service));
            continue;
        };
        let entry = service_diff(old.catalog, new.catalog, before, service, anchor, limit);
        let unchanged = entry.fields.is_empty()
            && entry.materials.is_empty()
            && entry.rules.is_empty()
            && entry.conditions.is_empty()
            && entry.applicants.affected == 0;
        if unchanged {
            report.services_unchanged += 1;
        } else {
            report.services.push(entry);
        }
    }
    report
}

/// The guide of a service the catalogue has, as JSON.
fn guide(catalog: &Catalog, id: &str) -> Value {
    json::service(catalog, id).ok().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
}

/// Guide fields that say which catalogue it is, not what the service is, or
/// that are compared entry by entry.
const NOT_FIELDS: [&str; 6] = ["catalog_version", "engine_version", "catalog_hash", "id", "materials", "eligibility"];

fn service_diff(
    old_catalog: &Catalog,
    new_catalog: &Catalog,
    old: &banshi::Service,
    new: &banshi::Service,
    anchor: Date,
    limit: u64,
) -> ServiceDiff {
    let (a, b) = (guide(old_catalog, old.id()), guide(new_catalog, new.id()));
    let fields = changed_fields(&a, &b).into_iter().filter(|f| !NOT_FIELDS.contains(&f.as_str())).collect();
    let mut conditions = Vec::new();
    for (of, key, condition) in [("material", "materials", "when"), ("rule", "eligibility", "requires")] {
        let (old_items, new_items) = (items(&a[key], "id"), items(&b[key], "id"));
        for (id, x) in &old_items {
            let Some((_, y)) = new_items.iter().find(|(i, _)| i == id) else { continue };
            if x.get(condition) != y.get(condition) {
                let text = |v: &Value| v.get(condition).and_then(Value::as_str).map(str::to_owned);
                conditions.push(ConditionChange { of, id: id.clone(), old: text(x), new: text(y) });
            }
        }
    }
    ServiceDiff {
        id: new.id().to_owned(),
        name: new.name().to_owned(),
        fields,
        materials: keyed(&a["materials"], &b["materials"], "id", "name"),
        rules: keyed(&a["eligibility"], &b["eligibility"], "id", "text"),
        conditions,
        applicants: affected(old_catalog, new_catalog, old, new, anchor, limit),
    }
}

/// The entries of a JSON array of objects, by their `key` member.
fn items<'v>(array: &'v Value, key: &str) -> Vec<(String, &'v Value)> {
    let array = array.as_array().map_or(&[][..], Vec::as_slice);
    array.iter().map(|v| (v[key].as_str().unwrap_or_default().to_owned(), v)).collect()
}

/// The members of two objects that differ, or are only in one, sorted.
fn changed_fields(a: &Value, b: &Value) -> Vec<String> {
    let empty = serde_json::Map::new();
    let (a, b) = (a.as_object().unwrap_or(&empty), b.as_object().unwrap_or(&empty));
    let mut fields: Vec<String> =
        a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).map(String::clone).collect();
    fields.sort();
    fields.dedup();
    fields
}

/// Entries added, removed and changed between two arrays of objects, by
/// their `key` member; `name` is the member that names one.
fn keyed(old: &Value, new: &Value, key: &str, name: &str) -> Changes {
    let (old, new) = (items(old, key), items(new, key));
    let named =
        |(id, v): &(String, &Value)| Named { id: id.clone(), name: v[name].as_str().unwrap_or_default().to_owned() };
    Changes {
        added: new.iter().filter(|(id, _)| !old.iter().any(|(i, _)| i == id)).map(named).collect(),
        removed: old.iter().filter(|(id, _)| !new.iter().any(|(i, _)| i == id)).map(named).collect(),
        changed: old
            .iter()
            .filter_map(|(id, x)| {
                let (_, y) = new.iter().find(|(i, _)| i == id)?;
                let fields = changed_fields(x, y);
                (!fields.is_empty()).then(|| Changed { id: id.clone(), fields })
            })
            .collect(),
    }
}

/// The materials an answer requires, by id, with their fields.
type Checklist<'c> = Vec<(&'c str, &'c [Material])>;

/// What an answer says, for comparing two: the eligibility status (or the
/// error code), and, unless it is an error, the materials required and
/// those pending (a version that does not declare a fact the other gives
/// sees it as not given).
struct Answer<'c> {
    status: &'static str,
    checklist: Option<(Checklist<'c>, Vec<&'c str>)>,
}

fn answer<'c>(catalog: &'c Catalog, service: &str, applicant: &Applicant) -> Answer<'c> {
    let facts = applicant.facts(catalog.vocabulary());
    match catalog.assess(service, &facts) {
        Err(e) => Answer { status: e.code().name(), checklist: None },
        Ok(a) => {
            let mut items: Checklist<'c> = a.checklist().map(|i| (i.id(), i.requirement().options())).collect();
            items.sort_by_key(|(id, _)| *id);
            let mut pending: Vec<&str> = a.pending().map(|p| p.requirement().id()).collect();
            pending.sort_unstable();
            Answer { status: a.eligibility().name(), checklist: Some((items, pending)) }
        }
    }
}

fn affected(
    old_catalog: &Catalog,
    new_catalog: &Catalog,
    old: &banshi::Service,
    new: &banshi::Service,
    anchor: Date,
    limit: u64,
) -> Affected {
    let applicants = Applicants::new(Some(old), Some(new), anchor);
    let mut result = Affected {
        total: applicants.total(),
        tried: 0,
        affected: 0,
        eligibility_differs: 0,
        checklist_differs: 0,
        examples: Vec::new(),
    };
    for applicant in applicants.sample(limit) {
        result.tried += 1;
        let (a, b) = (answer(old_catalog, old.id(), &applicant), answer(new_catalog, new.id(), &applicant));
        let eligibility = a.status != b.status;
        let checklist = matches!((&a.checklist, &b.checklist), (Some(x), Some(y)) if x != y);
        result.eligibility_differs += u64::from(eligibility);
        result.checklist_differs += u64::from(checklist);
        if !(eligibility || checklist) {
            continue;
        }
        result.affected += 1;
        if result.examples.len() < EXAMPLES {
            result.examples.push(example(&applicant, &a, &b));
        }
    }
    result
}

/// The materials an answer requires; none for an error.
fn required<'a, 'c>(answer: &'a Answer<'c>) -> &'a [(&'c str, &'c [Material])] {
    answer.checklist.as_ref().map_or(&[], |(items, _)| items.as_slice())
}

fn example(applicant: &Applicant, a: &Answer<'_>, b: &Answer<'_>) -> Example {
    let (x, y) = (required(a), required(b));
    let ids = |from: &[(&str, &[Material])], not_in: &[(&str, &[Material])]| -> Vec<String> {
        from.iter().filter(|(id, _)| !not_in.iter().any(|(i, _)| i == id)).map(|(id, _)| (*id).to_owned()).collect()
    };
    let both = a.checklist.is_some() && b.checklist.is_some();
    Example {
        facts: serde_json::from_str(&applicant.to_json()).unwrap_or_default(),
        text: applicant.to_json(),
        eligibility: (a.status != b.status).then(|| OldNew { old: a.status.to_owned(), new: b.status.to_owned() }),
        added: if both { ids(y, x) } else { Vec::new() },
        removed: if both { ids(x, y) } else { Vec::new() },
        changed: x
            .iter()
            .filter(|(id, m)| y.iter().any(|(i, n)| i == id && m != n))
            .map(|(id, _)| (*id).to_owned())
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Text.

fn status_label(status: &str) -> &str {
    match status {
        "eligible" => "符合",
        "ineligible" => "不符合",
        "undetermined" => "待定",
        other => other,
    }
}

fn text(r: &Report) -> String {
    let mut out = String::from("目录比较\n");
    let side = |label: &str, v: &Version| {
        format!("  {label}：{}，版本 {}（{}）\n", v.catalog, v.catalog_version, v.catalog_hash)
    };
    out.push_str(&side("旧", &r.old));
    out.push_str(&side("新", &r.new));
    out.push_str(&format!(
        "  申请人：申请日期 {} 及各有效期边界；每项事项至多 {} 人（超出时均匀取样）\n",
        r.application_date, r.limit
    ));
    if !r.vocabulary.is_empty() {
        out.push_str("\n词汇表\n");
        for (label, changes) in [
            ("事实", &r.vocabulary.facts),
            ("推算值", &r.vocabulary.derived),
            ("材料归属", &r.vocabulary.owners),
            ("证件", &r.vocabulary.documents),
        ] {
            changes_text(&mut out, label, changes);
        }
    }
    out.push_str(&format!(
        "\n事项：新增 {} 项，删除 {} 项，有变化 {} 项，未变 {} 项\n",
        r.services_added.len(),
        r.services_removed.len(),
        r.services.len(),
        r.services_unchanged
    ));
    for (label, list) in [("新增事项", &r.services_added), ("删除事项", &r.services_removed)] {
        for s in list {
            out.push_str(&format!("  {label}：{} {}\n", s.id, s.name));
        }
    }
    for s in &r.services {
        out.push_str(&format!("\n{} {}\n", s.id, s.name));
        if !s.fields.is_empty() {
            out.push_str(&format!("  事项字段变更：{}\n", s.fields.join("、")));
        }
        changes_text(&mut out, "材料", &s.materials);
        changes_text(&mut out, "资格条件", &s.rules);
        for c in &s.conditions {
            let of = if c.of == "material" { "材料" } else { "资格条件" };
            let show = |t: &Option<String>| t.as_deref().map_or("（无条件）".to_owned(), |t| format!("“{t}”"));
            out.push_str(&format!("  条件变更：{of} {}：{} → {}\n", c.id, show(&c.old), show(&c.new)));
        }
        let a = &s.applicants;
        let sampled = match a.total {
            Some(total) if a.tried >= total => String::new(),
            Some(total) => format!("，共 {total} 种组合，取样 {} 人", a.tried),
            None => format!("，共不少于 2^64 种组合，取样 {} 人", a.tried),
        };
        out.push_str(&format!(
            "  受影响的申请人：{} / {}（资格不同 {}，材料清单不同 {}{sampled}）\n",
            a.affected, a.tried, a.eligibility_differs, a.checklist_differs
        ));
        for (i, e) in a.examples.iter().enumerate() {
            out.push_str(&format!("    例 {}：{}\n", i + 1, e.text));
            if let Some(OldNew { old, new }) = &e.eligibility {
                out.push_str(&format!("      申请资格：{} → {}\n", status_label(old), status_label(new)));
            }
            for (label, ids) in [("新增材料", &e.added), ("不再需要", &e.removed), ("要求有变", &e.changed)]
            {
                if !ids.is_empty() {
                    out.push_str(&format!("      {label}：{}\n", ids.join("、")));
                }
            }
        }
    }
    out.trim_end().to_owned()
}

fn changes_text(out: &mut String, label: &str, c: &Changes) {
    for (verb, list) in [("新增", &c.added), ("删除", &c.removed)] {
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(|n| format!("{}（{}）", n.id, n.name)).collect();
            out.push_str(&format!("  {verb}{label}：{}\n", names.join("、")));
        }
    }
    for changed in &c.changed {
        out.push_str(&format!("  {label}变更：{}（{}）\n", changed.id, changed.fields.join("、")));
    }
}
