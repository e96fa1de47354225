//! What the human-readable documents share, whatever their format: the
//! HTML pages ([`html`](super::html)) and the Chinese text
//! ([`text`](super::text)) both read the JSON responses back through the
//! crate's own JSON reader, and say the same things in the same words: a
//! material's spec, a citation's name, where an item comes from, whose
//! materials they are, a fact's label. Each renderer only lays them out.

use std::fmt::Write;

use crate::error::Error;
use crate::facts::{Owner, Vocabulary};
use crate::model::Form;
use crate::support::Joined as _;
use crate::support::wire::{self, Value};

// ---------------------------------------------------------------------------
// Reading the JSON responses.

/// The member `key` of an object.
#[inline(never)]
pub(crate) fn get<'v, 'a>(v: &'v Value<'a>, key: &str) -> Option<&'v Value<'a>> {
    v.member(key)
}

/// The member `key`, if it is a string.
#[inline(never)]
pub(crate) fn opt<'v>(v: &'v Value<'_>, key: &str) -> Option<&'v str> {
    v.str_member(key)
}

/// The member `key` as a string, empty if it is none.
#[inline(never)]
pub(crate) fn s<'v>(v: &'v Value<'_>, key: &str) -> &'v str {
    opt(v, key).unwrap_or_default()
}

/// The member `key` as an array, empty if it is none.
#[inline(never)]
pub(crate) fn list<'v, 'a>(v: &'v Value<'a>, key: &str) -> &'v [Value<'a>] {
    match get(v, key) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// The member `key`, if it is an integer.
#[inline(never)]
pub(crate) fn int(v: &Value<'_>, key: &str) -> Option<i64> {
    match get(v, key) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    }
}

/// Whether the member `key` is `true`.
#[inline(never)]
pub(crate) fn is_true(v: &Value<'_>, key: &str) -> bool {
    matches!(get(v, key), Some(Value::Bool(true)))
}

/// A value as a string, empty if it is none.
#[inline(never)]
pub(crate) fn text<'v>(v: &'v Value<'_>) -> &'v str {
    match v {
        Value::Str(s) => s,
        _ => "",
    }
}

/// Parses a response. One this crate wrote is always valid JSON; an error
/// here is reported rather than panicking.
#[inline(never)]
pub(crate) fn reread(response: &str) -> Result<Value<'_>, Error> {
    wire::parse_unlimited(response).map_err(|detail| Error::InvalidJson { detail })
}

// ---------------------------------------------------------------------------
// Owners and facts.

/// An owner's label (`申请人`), or its name when the vocabulary has none.
#[inline(never)]
pub(crate) fn owner_label<'v>(vocabulary: &'v Vocabulary, name: &'v str) -> &'v str {
    vocabulary.owner(name).map_or(name, |o| o.label())
}

/// The owner of a requirement (of its first option, for "one of").
#[inline(never)]
pub(crate) fn owner_of<'v>(item: &'v Value<'_>) -> &'v str {
    opt(item, "owner").or_else(|| list(item, "one_of").first().and_then(|o| opt(o, "owner"))).unwrap_or_default()
}

/// Items grouped by owner, in the vocabulary's owner order; an owner with
/// no items has no group.
#[inline(never)]
pub(crate) fn by_owner<'v, 'a>(
    vocabulary: &'v Vocabulary,
    items: &'v [Value<'a>],
) -> Vec<(&'v Owner, Vec<&'v Value<'a>>)> {
    vocabulary
        .owners()
        .iter()
        .map(|owner| (owner, items.iter().filter(|i| owner_of(i) == owner.name()).collect::<Vec<_>>()))
        .filter(|(_, mine)| !mine.is_empty())
        .collect()
}

/// A fact's label (`婚姻状况`), or its name when the vocabulary has none.
#[inline(never)]
pub(crate) fn fact_label(vocabulary: &Vocabulary, name: &str) -> String {
    vocabulary.fact(name).map_or_else(|| name.to_owned(), |f| f.label().to_owned())
}

/// A fact's label with its name (`婚姻状况（marital_status）`), for a reader
/// who writes the facts; or its name when the vocabulary has none.
#[inline(never)]
pub(crate) fn fact_label_and_name(vocabulary: &Vocabulary, name: &str) -> String {
    vocabulary.fact(name).map_or_else(|| name.to_owned(), |f| format!("{}（{name}）", f.label()))
}

// ---------------------------------------------------------------------------
// Materials.

/// "原件及复印件1份，A4纸；1寸彩色免冠照片4张；JPG格式，小于120 KB；须盖…；注：…"
#[inline(never)]
pub(crate) fn material_spec(m: &Value<'_>) -> String {
    let form = Form::ALL.iter().find(|f| f.name() == s(m, "form")).copied().unwrap_or(Form::Original);
    let copies = int(m, "copies").unwrap_or(0);
    let originals = int(m, "originals").unwrap_or(1);
    let photo = get(m, "photo").filter(|p| matches!(p, Value::Object(_)));
    let mut out = match (photo, form) {
        (Some(_), Form::Electronic) => String::from("电子版"),
        (Some(_), _) => String::new(),
        (None, Form::Original) => String::from("原件"),
        (None, Form::Copy) => format!("复印件{copies}份"),
        (None, Form::OriginalAndCopy) => format!("原件及复印件{copies}份"),
        (None, Form::Electronic) => format!("电子版{originals}个"),
    };
    if let Some(paper) = opt(m, "paper") {
        let _ = write!(out, "，{paper}纸");
    }
    if let Some(p) = photo {
        if !out.is_empty() {
            out.push('，');
        }
        out.push_str(s(p, "size"));
        if is_true(p, "color") {
            out.push_str("彩色");
        }
        if is_true(p, "bareheaded") {
            out.push_str("免冠");
        }
        let _ = write!(out, "照片{}张", int(p, "count").unwrap_or(1));
    }
    if let Some(f) = get(m, "file").filter(|f| matches!(f, Value::Object(_))) {
        let formats: Vec<String> = list(f, "formats").iter().map(|v| text(v).to_ascii_uppercase()).collect();
        let kb = int(f, "max_bytes").unwrap_or(0) / 1024;
        let _ = write!(out, "；{}格式，小于{kb} KB", formats.joined("/"));
    }
    let stamps: Vec<&str> = list(m, "stamps").iter().map(text).collect();
    if !stamps.is_empty() {
        let _ = write!(out, "；须盖{}", stamps.joined("、"));
    }
    let notes: Vec<&str> = list(m, "notes").iter().map(text).collect();
    if !notes.is_empty() {
        let _ = write!(out, "；注：{}", notes.joined("；"));
    }
    out
}

/// The ids to submit a requirement under: its own, or each option's for
/// "one of", with the option's name when `named` (`id（name） 或 …`).
#[inline(never)]
pub(crate) fn material_ids(m: &Value<'_>, named: bool) -> String {
    let options = list(m, "one_of");
    if options.is_empty() {
        return s(m, "id").to_owned();
    }
    let ids: Vec<String> = options
        .iter()
        .map(|o| if named { format!("{}（{}）", s(o, "id"), s(o, "name")) } else { s(o, "id").to_owned() })
        .collect();
    ids.joined(" 或 ")
}

/// A service's materials grouped by case: those of every case first, then
/// each case's, in the service's order, as `(case value, case name,
/// materials)`; a case with no materials has no group.
#[inline(never)]
pub(crate) fn by_case<'v, 'a>(
    materials: &'v [Value<'a>],
    cases: &'v [Value<'a>],
) -> Vec<(Option<&'v str>, &'v str, Vec<&'v Value<'a>>)> {
    let mut groups: Vec<(Option<&str>, &str)> = vec![(None, "")];
    groups.extend(cases.iter().map(|c| (opt(c, "value"), s(c, "name"))));
    groups
        .into_iter()
        .map(|(case, name)| (case, name, materials.iter().filter(|m| opt(m, "case") == case).collect::<Vec<_>>()))
        .filter(|(_, _, mine)| !mine.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------
// Eligibility and the notice.

/// Why a rule is met or not: its reasons, or that facts are missing.
#[inline(never)]
pub(crate) fn rule_reasons(rule: &Value<'_>) -> String {
    let because: Vec<&str> = list(rule, "because").iter().map(text).collect();
    if because.is_empty() { String::from("尚缺信息") } else { because.joined("，") }
}

/// The materials' status of a notice, in words.
#[inline(never)]
pub(crate) fn notice_status(status: &str) -> &'static str {
    match status {
        "complete" => "材料齐全",
        "incomplete" => "材料不全，请按以下内容一次性补正",
        "accepted_pending" => "材料可容缺受理，所缺材料须于期限内补交",
        _ => "尚缺申请人信息，材料清单待定",
    }
}

// ---------------------------------------------------------------------------
// Citations and provenance.

/// A citation by its short name: the document number; else the 《title》;
/// else the seed's own reference exactly as written, never in 《》.
#[inline(never)]
pub(crate) fn citation_short(c: &Value<'_>) -> String {
    match (opt(c, "number"), opt(c, "title"), opt(c, "reference")) {
        (Some(number), _, _) => number.to_owned(),
        (None, Some(title), _) => format!("《{title}》"),
        (None, None, Some(reference)) => reference.to_owned(),
        (None, None, None) => s(c, "id").to_owned(),
    }
}

/// A citation in full: `《title》（number）`, or the reference as written.
#[inline(never)]
pub(crate) fn citation_full(c: &Value<'_>) -> String {
    let number = opt(c, "number").map(|n| format!("（{n}）")).unwrap_or_default();
    match (opt(c, "title"), opt(c, "reference")) {
        (Some(title), _) => format!("《{title}》{number}"),
        (None, Some(reference)) => format!("{reference}{number}"),
        (None, None) => s(c, "number").to_owned(),
    }
}

/// Where an item or a rule comes from, as the lines a document prints
/// under it: its basis (`依据：…`), and its interpretation (`口径说明：…`)
/// when it rests on one.
pub(crate) struct Provenance {
    /// `依据：…`, when the item has a basis or a decision.
    pub(crate) basis: Option<String>,
    /// `口径说明：…`, when the item rests on a decision.
    pub(crate) decision: Option<String>,
}

/// The provenance of an item or a rule, its basis named from `citations`
/// (the response's `legal_basis`). An interpretation without a basis says
/// so, so that it never looks as if a document stated it.
#[inline(never)]
pub(crate) fn provenance(item: &Value<'_>, citations: &[Value<'_>]) -> Provenance {
    let basis: Vec<String> = list(item, "basis")
        .iter()
        .map(|id| {
            citations
                .iter()
                .find(|c| opt(c, "id") == Some(text(id)))
                .map_or_else(|| text(id).to_owned(), citation_short)
        })
        .collect();
    let decision = opt(item, "decision");
    let basis = if !basis.is_empty() {
        // A decided entry rests on the service's documents only as banshi
        // reads them: say so, so that the reading never passes for the text.
        let reading = if decision.is_some() { "（按口径说明理解）" } else { "" };
        Some(format!("依据：{}{reading}", basis.joined("、")))
    } else if decision.is_some() {
        Some(String::from("依据：原文未载明，属口径解释"))
    } else {
        None
    };
    Provenance { basis, decision: decision.map(|d| format!("口径说明：{d}")) }
}

// ---------------------------------------------------------------------------
// 免提交, 容缺受理 and 告知承诺.

/// A statement a document prints under an item, and the interpretation it
/// rests on when the catalogue recorded one: shown as 口径说明 beside it,
/// never as the text of a law.
pub(crate) struct Said {
    /// What the catalogue allows, such as `容缺受理：可先行受理，…`.
    pub(crate) line: String,
    /// `口径说明（容缺受理）：…`, when it rests on a decision.
    pub(crate) decision: Option<String>,
}

/// What exempts, postpones or replaces an item, as the catalogue offers it:
/// 免提交 (`exempt`), 容缺受理 (`deferrable`) and 告知承诺 (`pledge`), each
/// with its own 口径说明.
#[inline(never)]
pub(crate) fn mechanisms(item: &Value<'_>) -> Vec<Said> {
    let mut out = Vec::new();
    for (key, what) in [("exempt", "免提交"), ("deferrable", "容缺受理"), ("pledge", "告知承诺")] {
        let Some(v) = get(item, key) else { continue };
        let line = match key {
            "exempt" => format!("由窗口调取{}代替，申请人无须提交", s(v, "label")),
            "deferrable" => format!("可先行受理，自申请之日起{}日内补交", int(v, "days").unwrap_or(0)),
            _ => format!("可签署告知承诺书代替，承诺内容：{}", pledge_text(v)),
        };
        out.push(Said {
            line: format!("{what}：{line}"),
            decision: opt(v, "decision").map(|d| format!("口径说明（{what}）：{d}")),
        });
    }
    out
}

/// A pledge's wording: its `text`, or a merged item's `texts` (one per
/// wording its services use), joined.
#[inline(never)]
pub(crate) fn pledge_text(p: &Value<'_>) -> String {
    match opt(p, "text") {
        Some(text) => text.to_owned(),
        None => list(p, "texts").iter().map(text).collect::<Vec<_>>().joined("；或："),
    }
}

/// The heading of a notice's or an assessment's section of items that are
/// exempt, deferred or pledged (`exempt`, `deferred`, `pledged`), with
/// their number.
#[inline(never)]
pub(crate) fn section_title(key: &str, n: usize) -> String {
    let (name, note) = match key {
        "exempt" => ("免提交的材料", "，由窗口调取，申请人无须提交"),
        "deferred" => ("容缺受理、限期补交的材料", ""),
        _ => ("以告知承诺书代替的材料", "，须事后核查"),
    };
    format!("{name}（{n} 项{note}）")
}

/// A deferred item: `医疗费用票据：最迟于{due}补交（自申请之日起10日）`.
#[inline(never)]
pub(crate) fn deferred_line(d: &Value<'_>, due: &str) -> String {
    format!("{}：最迟于{due}补交（自申请之日起{}日）", s(d, "name"), int(d, "days").unwrap_or(0))
}

/// A pledged item's lines: `name：以告知承诺书代替`, the pledge's wording,
/// and the notice's note that it is pledged, not proven.
#[inline(never)]
pub(crate) fn pledged_lines(p: &Value<'_>) -> [String; 3] {
    let pledge = get(p, "pledge").unwrap_or(p);
    [
        format!("{}：以告知承诺书代替", s(p, "name")),
        format!("承诺内容：{}", pledge_text(pledge)),
        format!("待核查：{}", s(p, "note")),
    ]
}

// ---------------------------------------------------------------------------
// Bundles of services (一件事一次办).

/// Whether a response answers for a bundle of services.
#[inline(never)]
pub(crate) fn is_bundle(r: &Value<'_>) -> bool {
    get(r, "merge_rule").is_some()
}

/// The bundle's name and id (`新生儿出生一件事（newborn）`), or, for one the
/// caller made, its services (`自选组合（1.1 + 8.1）`).
#[inline(never)]
pub(crate) fn bundle_name(r: &Value<'_>) -> String {
    let b = get(r, "bundle").unwrap_or(&Value::Null);
    match (opt(b, "name"), opt(b, "id")) {
        (Some(name), Some(id)) => format!("{name}（{id}）"),
        _ => {
            let ids: Vec<&str> = list(b, "services").iter().map(|s| self::s(s, "id")).collect();
            format!("自选组合（{}）", ids.joined(" + "))
        }
    }
}

/// The services of a bundle: `1.1 申报办理…；8.1 申办社会保障卡`.
#[inline(never)]
pub(crate) fn bundle_services(r: &Value<'_>) -> String {
    let b = get(r, "bundle").unwrap_or(&Value::Null);
    let all: Vec<String> = list(b, "services").iter().map(|x| format!("{} {}", s(x, "id"), s(x, "name"))).collect();
    all.joined("；")
}

/// The citations an item's `basis` refers to: the response's
/// `legal_basis`, or, in a bundle's answer, that of the item's service.
#[inline(never)]
pub(crate) fn citations_of<'v, 'a>(r: &'v Value<'a>, service: &str) -> &'v [Value<'a>] {
    match get(r, "legal_basis") {
        Some(Value::Array(citations)) => citations,
        _ => list(r, "services")
            .iter()
            .find(|x| get(x, "service").is_some_and(|svc| s(svc, "id") == service))
            .map_or(&[], |x| list(x, "legal_basis")),
    }
}

/// One service's part of a merged item: `1.1 孩子户口页（原件1份，复印件1份）`,
/// the numbers read as the item's form reads them.
#[inline(never)]
pub(crate) fn part_line(item: &Value<'_>, part: &Value<'_>) -> String {
    let (originals, copies) = (int(part, "originals"), int(part, "copies").unwrap_or(0));
    let counts = match originals {
        None => String::new(),
        Some(n) if get(item, "photo").is_some() => format!("（照片{n}张）"),
        Some(n) if s(item, "form") == "electronic" => format!("（电子版{n}个）"),
        Some(n) => {
            let mut parts = Vec::new();
            if n > 0 {
                parts.push(format!("原件{n}份"));
            }
            if copies > 0 {
                parts.push(format!("复印件{copies}份"));
            }
            if parts.is_empty() { String::new() } else { format!("（{}）", parts.joined("，")) }
        }
    };
    format!("{} {}{counts}", s(part, "service"), s(part, "name"))
}

/// A service's eligibility in words: `符合`, `不符合` or `待定`.
#[inline(never)]
pub(crate) fn eligibility_word(status: &str) -> &'static str {
    match status {
        "eligible" => "符合",
        "ineligible" => "不符合",
        _ => "待定",
    }
}
