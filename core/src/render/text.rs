//! Plain Chinese text: the list of services, the service guide (办事指南),
//! an assessment and the one-time notice (一次性告知书), and a validation,
//! for a terminal or a plain-text message.
//!
//! Each text is rendered from the JSON response that every binding receives
//! ([`json::services`], [`json::service`], [`json::assess`],
//! [`json::check`], the `json::validate_*` calls), which this module makes
//! itself from the request, so the text says exactly what the API says. It
//! says it in the words of the HTML documents ([`html`](super::html)): the
//! same material specs, citations, 依据 and 口径说明 lines, owners and
//! fact labels. The text has no trailing newline.
//!
//! ```
//! let catalog = banshi::Catalog::embedded();
//! let request = r#"{"service":"10.1","facts":{"application_date":"2026-11-27"},"submitted":[]}"#;
//! let notice = banshi::text::notice(catalog, request)?;
//! assert!(notice.starts_with("一次性告知书\n\n10.1 小额担保贷款"));
//! # Ok::<(), banshi::Error>(())
//! ```

use std::fmt::Write;

use crate::error::Error;
use crate::facts::Vocabulary;
use crate::model::Catalog;
use crate::render::document::{
    bundle_name, bundle_services, by_case, by_owner, citation_full, citations_of, deferred_line, eligibility_word,
    fact_label_and_name, get, is_bundle, is_true, list, material_ids, material_spec, mechanisms, notice_status, opt,
    owner_label, owner_of, part_line, pledged_lines, provenance, reread, rule_reasons, s, section_title, text,
};
use crate::render::json;
use crate::support::wire::Value;

/// The indent of the lines under an item.
const UNDER: &str = "     ";

/// The lines under an item or a rule, at `indent`: its 依据 and 口径说明,
/// then what exempts, postpones or replaces it (免提交, 容缺受理, 告知承诺),
/// each with its own 口径说明.
#[inline(never)]
fn notes(out: &mut String, indent: &str, item: &Value<'_>, citations: &[Value<'_>]) {
    let lines = provenance(item, citations);
    let said = mechanisms(item).into_iter().flat_map(|m| [Some(m.line), m.decision]);
    for line in [lines.basis, lines.decision].into_iter().chain(said).flatten() {
        let _ = writeln!(out, "{indent}{line}");
    }
}

/// A requirement line: its name and spec, or its options for "one of".
#[inline(never)]
fn requirement_line(item: &Value<'_>) -> String {
    let options = list(item, "one_of");
    if options.is_empty() {
        return format!("{} — {}", s(item, "name"), material_spec(item));
    }
    let parts: Vec<String> = options.iter().map(|m| format!("{}（{}）", s(m, "name"), material_spec(m))).collect();
    format!("{}：{}", s(item, "name"), parts.join(" 或 "))
}

/// Facts by label and name, joined with `、`.
#[inline(never)]
fn fact_labels(vocabulary: &Vocabulary, facts: &[Value<'_>]) -> String {
    let labels: Vec<String> = facts.iter().map(|f| fact_label_and_name(vocabulary, text(f))).collect();
    labels.join("、")
}

/// The catalogue's version and its services, one a line.
#[inline(never)]
pub fn services(catalog: &Catalog) -> String {
    let mut out = format!("目录版本 {}，共 {} 个事项\n", catalog.version(), catalog.services().len());
    for service in catalog.services() {
        let _ = writeln!(out, "  {:<5} {}", service.id(), service.name());
    }
    out.trim_end().to_owned()
}

/// The bundles of services the catalogue declares (一件事一次办), each with
/// its id (what `assess` and `check` take in place of a service number),
/// its name and its services, one a line.
#[inline(never)]
pub fn bundles(catalog: &Catalog) -> String {
    let all = catalog.bundles();
    let mut out = format!("目录版本 {}，共 {} 个一件事（一件事一次办）", catalog.version(), all.len());
    for bundle in all {
        let _ = write!(out, "\n  {} {}", bundle.id().unwrap_or_default(), bundle.name().unwrap_or_default());
        for service in catalog.services_of(bundle) {
            let _ = write!(out, "\n      {:<5} {}", service.id(), service.name());
        }
    }
    out
}

/// The service guide (办事指南) for one service: its legal basis, the
/// facts it asks for, its eligibility rules, its materials by case with the
/// ids to submit them under, its steps and supervision.
///
/// # Errors
///
/// Those of [`json::service`].
#[inline(never)]
pub fn guide(catalog: &Catalog, id: &str) -> Result<String, Error> {
    let response = json::service(catalog, id)?;
    let g = reread(&response)?;
    Ok(render_guide(catalog.vocabulary(), &g))
}

#[inline(never)]
fn render_guide(vocabulary: &Vocabulary, g: &Value<'_>) -> String {
    let citations = list(g, "legal_basis");
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", s(g, "id"), s(g, "name"));
    let _ = writeln!(out, "\n法定依据");
    for c in citations {
        let _ = writeln!(out, "  {}", citation_full(c));
        if let Some(note) = opt(c, "note") {
            let _ = writeln!(out, "    {note}");
        }
    }
    let _ = writeln!(out, "\n实施机构：{}\n职责边界：{}", s(g, "implementing_body"), s(g, "boundary"));
    let facts = list(g, "facts");
    if !facts.is_empty() {
        let _ = writeln!(out, "需了解的申请人信息：{}", fact_labels(vocabulary, facts));
    }
    let rules = list(g, "eligibility");
    if !rules.is_empty() {
        let _ = writeln!(out, "\n申请条件");
        for r in rules {
            let _ = writeln!(out, "  · {}", s(r, "text"));
            notes(&mut out, UNDER, r, citations);
        }
    }
    let _ = writeln!(out, "\n运行要件");
    for (case, name, items) in by_case(list(g, "materials"), list(g, "cases")) {
        if case.is_some() {
            let _ = writeln!(out, "  【{name}】");
        }
        for (i, m) in items.iter().enumerate() {
            let when = opt(m, "when").map(|w| format!("（条件：{w}）")).unwrap_or_default();
            let owner = owner_label(vocabulary, owner_of(m));
            let _ = writeln!(out, "  {}. [{owner}] {}{when}", i + 1, requirement_line(m));
            let _ = writeln!(out, "{UNDER}编号：{}", material_ids(m, true));
            notes(&mut out, UNDER, m, citations);
        }
    }
    steps(&mut out, g);
    let _ = writeln!(out, "\n责任事项：{}", s(g, "responsibility"));
    supervision(&mut out, g);
    let decisions = list(g, "decisions");
    if !decisions.is_empty() {
        let _ = write!(out, "\n\n口径说明");
        for d in decisions {
            let _ = write!(out, "\n  · {}", text(d));
        }
    }
    out
}

#[inline(never)]
fn steps(out: &mut String, r: &Value<'_>) {
    let _ = writeln!(out, "\n办理流程");
    for (i, step) in list(r, "steps").iter().enumerate() {
        let actor = opt(step, "actor").map(|a| format!("{a}：")).unwrap_or_default();
        let phone = opt(step, "phone").map(|p| format!("（电话 {p}）")).unwrap_or_default();
        let optional = if is_true(step, "optional") { "（可选）" } else { "" };
        let _ = writeln!(out, "  {}. {actor}{}{phone}{optional}", i + 1, s(step, "action"));
    }
}

/// `监督方式：office phone`, with no newline.
#[inline(never)]
fn supervision(out: &mut String, r: &Value<'_>) {
    let sup = get(r, "supervision").unwrap_or(&Value::Null);
    let _ = write!(out, "监督方式：{} {}", s(sup, "office"), s(sup, "phone"));
}

/// The service, the case, and eligibility rule by rule; for a bundle, the
/// bundle, its services and each one's eligibility.
#[inline(never)]
fn header(out: &mut String, r: &Value<'_>) {
    if is_bundle(r) {
        let b = get(r, "bundle").unwrap_or(&Value::Null);
        let _ = writeln!(out, "一件事：{}", bundle_name(r));
        let _ = writeln!(
            out,
            "包含事项：{}（目录版本 {}，申请日期 {}）",
            bundle_services(r),
            s(r, "catalog_version"),
            s(r, "application_date")
        );
        if let Some(decision) = opt(b, "decision") {
            let _ = writeln!(out, "口径说明：{decision}");
        }
        let status = get(r, "eligibility").map_or("", |e| s(e, "status"));
        let _ = writeln!(out, "申请资格：{}（各事项分别审核）", eligibility_word(status));
        for x in list(r, "services") {
            let service = get(x, "service").unwrap_or(&Value::Null);
            let e = get(x, "eligibility").unwrap_or(&Value::Null);
            let case = get(x, "case").map(|c| format!("（办理情形：{}）", opt(c, "name").unwrap_or("未确定")));
            let _ = writeln!(
                out,
                "  {} {}{}：{}",
                s(service, "id"),
                s(service, "name"),
                case.unwrap_or_default(),
                eligibility_word(s(e, "status"))
            );
            rules(out, e, list(x, "legal_basis"), "    ");
        }
        return;
    }
    let service = get(r, "service").unwrap_or(&Value::Null);
    let _ = writeln!(
        out,
        "{} {}（目录版本 {}，申请日期 {}）",
        s(service, "id"),
        s(service, "name"),
        s(r, "catalog_version"),
        s(r, "application_date")
    );
    if let Some(case) = get(r, "case") {
        let _ = writeln!(out, "办理情形：{}", opt(case, "name").unwrap_or("未确定"));
    }
    let e = get(r, "eligibility").unwrap_or(&Value::Null);
    let _ = writeln!(out, "申请资格：{}", eligibility_word(s(e, "status")));
    rules(out, e, list(r, "legal_basis"), "  ");
}

/// Eligibility rule by rule, at `indent`, each with its reasons and provenance.
#[inline(never)]
fn rules(out: &mut String, e: &Value<'_>, citations: &[Value<'_>], indent: &str) {
    let under = format!("{indent}   ");
    for rule in list(e, "rules") {
        let mark = match get(rule, "met") {
            Some(Value::Bool(true)) => "✓",
            Some(Value::Bool(false)) => "✗",
            _ => "?",
        };
        let _ = writeln!(out, "{indent}{mark} {} — {}", s(rule, "text"), rule_reasons(rule));
        notes(out, &under, rule, citations);
    }
}

/// Items grouped by owner, in the vocabulary's owner order, numbered on
/// across the groups, each with its reasons and provenance; a bundle's
/// merged item with the ids to submit it under and, service by service,
/// why each needs it.
#[inline(never)]
fn grouped(vocabulary: &Vocabulary, out: &mut String, items: &[Value<'_>], r: &Value<'_>) {
    let mut n = 0;
    for (owner, mine) in by_owner(vocabulary, items) {
        let _ = writeln!(out, "  【{}】", owner.label());
        for item in mine {
            n += 1;
            let _ = writeln!(out, "  {n}. {}", requirement_line(item));
            let parts = list(item, "needed_by");
            if !parts.is_empty() {
                let _ = writeln!(out, "{UNDER}编号：{}", material_ids(item, false));
            }
            because(out, UNDER, item);
            notes(out, UNDER, item, citations_of(r, ""));
            if !parts.is_empty() {
                let _ = writeln!(out, "{UNDER}所需事项：");
            }
            for part in parts {
                let _ = writeln!(out, "{UNDER}  · {}", part_line(item, part));
                let under = format!("{UNDER}    ");
                because(out, &under, part);
                notes(out, &under, part, citations_of(r, s(part, "service")));
            }
        }
    }
}

/// `理由：…`, when the item gives its reasons.
#[inline(never)]
fn because(out: &mut String, indent: &str, item: &Value<'_>) {
    if get(item, "because").is_some() {
        let because: Vec<&str> = list(item, "because").iter().map(text).collect();
        let _ = writeln!(out, "{indent}理由：{}", because.join("，"));
    }
}

/// The materials that depend on facts not given (in a bundle, each
/// service's, named by its service), and those facts.
#[inline(never)]
fn pending_and_facts(vocabulary: &Vocabulary, out: &mut String, r: &Value<'_>) {
    let mut pending: Vec<(String, &Value<'_>)> = list(r, "pending").iter().map(|p| (String::new(), p)).collect();
    for x in list(r, "services") {
        let id = get(x, "service").map_or("", |svc| s(svc, "id"));
        pending.extend(list(x, "pending").iter().map(|p| (format!("{id} "), p)));
    }
    if !pending.is_empty() {
        let _ = writeln!(out, "\n可能需要的材料（取决于尚未提供的信息）");
        for (service, p) in pending {
            let needs = fact_labels(vocabulary, list(p, "needs"));
            let _ = writeln!(out, "  · {service}{} — 需先说明：{needs}", s(p, "name"));
        }
    }
    let missing = list(r, "missing_facts");
    if !missing.is_empty() {
        let _ = writeln!(out, "\n尚需提供的申请人信息：{}", fact_labels(vocabulary, missing));
    }
}

/// The items of an answer the office obtains itself (免提交), if any.
#[inline(never)]
fn exempt(vocabulary: &Vocabulary, out: &mut String, r: &Value<'_>) {
    let items = list(r, "exempt");
    if !items.is_empty() {
        let _ = writeln!(out, "\n{}", section_title("exempt", items.len()));
        grouped(vocabulary, out, items, r);
    }
}

/// An assessment: eligibility rule by rule, the checklist grouped by owner
/// with each item's reasons and basis (and what may exempt, postpone or
/// replace it), the materials the office obtains itself, the materials and
/// facts still pending, the steps and supervision.
///
/// For a bundle of services (一件事一次办), each service's eligibility, then
/// the merged checklist, each item with the services that need it, and the
/// rule it was merged by, marked as banshi's interpretation.
///
/// `request` is an [`json::assess`] request: `{"service", "facts",
/// "on_file"?}` or `{"bundle", "facts", "on_file"?}`.
///
/// # Errors
///
/// Exactly as [`json::assess`] for the same request.
#[inline(never)]
pub fn assessment(catalog: &Catalog, request: &str) -> Result<String, Error> {
    let response = json::assess(catalog, request)?;
    let r = reread(&response)?;
    let vocabulary = catalog.vocabulary();
    let mut out = String::new();
    header(&mut out, &r);
    let items = list(&r, "checklist");
    let merged = if is_bundle(&r) { "合并后" } else { "" };
    let _ = writeln!(out, "\n须提交材料（{merged}共 {} 项）", items.len());
    grouped(vocabulary, &mut out, items, &r);
    exempt(vocabulary, &mut out, &r);
    pending_and_facts(vocabulary, &mut out, &r);
    if let Some(rule) = opt(&r, "merge_rule") {
        let _ = write!(out, "\n{rule}");
        return Ok(out);
    }
    steps(&mut out, &r);
    out.push('\n');
    supervision(&mut out, &r);
    Ok(out)
}

/// The one-time notice (一次性告知书): eligibility rule by rule, the
/// materials' status beside it (one never folds into the other), then what
/// is missing, what is defective and why, what may be supplied later and by
/// when (容缺受理), what a signed pledge stands in for (告知承诺, to be
/// verified), what the office obtains itself (免提交), what need not be
/// submitted, and what is still pending. For a bundle of services, as
/// [`assessment`] lays a bundle out, with the merge rule at the end.
///
/// `request` is a [`json::check`] request, `{"service", "facts",
/// "submitted", "on_file"?}` or the same with `"bundle"`.
///
/// # Errors
///
/// Exactly as [`json::check`] for the same request.
#[inline(never)]
pub fn notice(catalog: &Catalog, request: &str) -> Result<String, Error> {
    let response = json::check(catalog, request)?;
    let r = reread(&response)?;
    let vocabulary = catalog.vocabulary();
    let mut out = String::from("一次性告知书\n\n");
    header(&mut out, &r);
    let eligibility = match get(&r, "eligibility").map_or("", |e| s(e, "status")) {
        "eligible" => "申请人符合申请条件",
        "ineligible" => "申请人不符合申请条件，见上",
        _ => "申请条件尚待确认，见上",
    };
    let _ = writeln!(out, "结论：{}；{eligibility}", notice_status(s(&r, "status")));
    let missing = list(&r, "missing");
    if !missing.is_empty() {
        let _ = writeln!(out, "\n一、尚未提交的材料（{} 项）", missing.len());
        grouped(vocabulary, &mut out, missing, &r);
    }
    let defective = list(&r, "defective");
    if !defective.is_empty() {
        let _ = writeln!(out, "\n二、需要补正的材料（{} 项）", defective.len());
        for (i, d) in defective.iter().enumerate() {
            let problems: Vec<&str> = list(d, "problems").iter().map(|p| s(p, "message")).collect();
            let required = get(d, "required").unwrap_or(&Value::Null);
            let _ = writeln!(
                out,
                "  {}. {}：{}（应为{}）",
                i + 1,
                s(d, "name"),
                problems.join("；"),
                material_spec(required)
            );
            if let Some(item) = opt(d, "item") {
                let _ = writeln!(out, "{UNDER}编号：{item}");
            }
            notes(&mut out, UNDER, d, citations_of(&r, ""));
        }
    }
    let deferred = list(&r, "deferred");
    if !deferred.is_empty() {
        let _ = writeln!(out, "\n{}", section_title("deferred", deferred.len()));
        for (i, d) in deferred.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, deferred_line(d, s(d, "due")));
        }
    }
    let pledged = list(&r, "pledged");
    if !pledged.is_empty() {
        let _ = writeln!(out, "\n{}", section_title("pledged", pledged.len()));
        for (i, p) in pledged.iter().enumerate() {
            let [head, wording, note] = pledged_lines(p);
            let _ = writeln!(out, "  {}. {head}\n{UNDER}{wording}\n{UNDER}{note}", i + 1);
        }
    }
    exempt(vocabulary, &mut out, &r);
    let extra = list(&r, "not_required");
    if !extra.is_empty() {
        let ids: Vec<&str> = extra.iter().map(text).collect();
        let _ = writeln!(out, "\n无需提交：{}", ids.join("、"));
    }
    pending_and_facts(vocabulary, &mut out, &r);
    if let Some(rule) = opt(&r, "merge_rule") {
        let _ = writeln!(out, "\n{rule}");
    }
    Ok(out.trim_end().to_owned())
}

/// A validation: `有效` with what was read (the masked ID number and birth
/// date, or the date), or `无效` with each problem and its code.
///
/// `response` is the text of a [`json::validate_id_number`],
/// [`json::validate_date`] or [`json::validate_file`] response. Whatever it
/// holds, the text never shows an ID number unmasked.
///
/// # Errors
///
/// [`Error::InvalidJson`] if `response` is not JSON (or nests deeper than
/// 128), [`Error::InputTooLarge`] over 1 MiB, and [`Error::MissingField`]
/// if it is not a validation (it has no `valid`).
#[inline(never)]
pub fn validation(response: &str) -> Result<String, Error> {
    let r = crate::support::wire::parse(response)?;
    if !matches!(get(&r, "valid"), Some(Value::Bool(_))) {
        return Err(Error::MissingField { field: "valid".to_owned() });
    }
    let mut out = String::new();
    if is_true(&r, "valid") {
        out.push_str("有效");
        if let Some(masked) = opt(&r, "masked") {
            let _ = write!(out, "：{masked}，出生日期 {}", s(&r, "birth_date"));
        }
        if let Some(date) = opt(&r, "date") {
            let _ = write!(out, "：{date}");
        }
    } else {
        out.push_str("无效");
        if let Some(masked) = opt(&r, "masked") {
            let _ = write!(out, "：{masked}");
        }
        for p in list(&r, "problems") {
            let _ = write!(out, "\n  [{}] {}", s(p, "code"), s(p, "message"));
        }
    }
    Ok(crate::support::id_number::mask_id_numbers(&out).into_owned())
}
