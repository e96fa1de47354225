//! Printable documents: the one-time notice (一次性告知书) and the service
//! guide (办事指南) as self-contained HTML pages.
//!
//! Each page is rendered from the JSON response that every binding receives
//! ([`json::check`], [`json::service`]),
//! read back through the crate's own JSON reader, so a document says exactly
//! what the API says. A page has inline CSS with an A4 print stylesheet and
//! no external resources (no fonts, scripts or images to fetch), and every
//! text is HTML-escaped. An ID number is printed only masked
//! ([`mask_id_number`](crate::mask_id_number)).
//!
//! ```
//! let catalog = banshi::Catalog::embedded();
//! let request = r#"{"service":"10.1","facts":{"application_date":"2026-11-27"},"submitted":[]}"#;
//! let page = banshi::html::notice(catalog, request, r#"{"id_number":"11010519491231002X"}"#)?;
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("110105********002X") && !page.contains("11010519491231002X"));
//! # Ok::<(), banshi::Error>(())
//! ```

use std::fmt::Write;

use crate::error::Error;
use crate::facts::Vocabulary;
use crate::model::Catalog;
use crate::render::document::{
    self, bundle_name, bundle_services, by_case, by_owner, citation_full, citations_of, deferred_line,
    eligibility_word, fact_label, get, is_true, list, material_ids, material_spec, mechanisms, notice_status, opt,
    owner_label, owner_of, part_line, pledged_lines, reread, rule_reasons, s, section_title, text,
};
use crate::render::json;
use crate::render::request::{Fallible, Object};
use crate::support::Joined as _;
use crate::support::wire::{self, Value};

// ---------------------------------------------------------------------------
// Writing HTML.

/// Appends `text` with `& < > " '` escaped.
#[inline(never)]
fn esc(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `<tag class="class">text</tag>`, escaped.
#[inline(never)]
fn el(out: &mut String, tag: &str, class: &str, content: &str) {
    let _ = write!(out, "<{tag}");
    if !class.is_empty() {
        let _ = write!(out, " class=\"{class}\"");
    }
    out.push('>');
    esc(out, content);
    let _ = write!(out, "</{tag}>");
}

/// One `<tr><th>head</th><td>value</td></tr>` of a document's header table.
#[inline(never)]
fn row(out: &mut String, head: &str, value: &str) {
    out.push_str("<tr>");
    el(out, "th", "", head);
    el(out, "td", "", value);
    out.push_str("</tr>");
}

/// The stylesheet: screen and A4 print. Fonts are the system's CJK fonts,
/// named in order of preference; nothing is fetched.
const STYLE: &str = "\
@page{size:A4;margin:18mm 16mm 18mm 16mm}\
*{box-sizing:border-box}\
html{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\
\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",SimSun,serif;font-size:11pt;line-height:1.55;color:#000;background:#fff}\
body{margin:0 auto;max-width:178mm;padding:10mm 4mm;overflow-wrap:anywhere;word-break:normal}\
h1{text-align:center;font-size:19pt;letter-spacing:.25em;margin:0 0 2mm}\
h2{font-size:12.5pt;margin:5mm 0 2mm;border-bottom:1px solid #000;padding-bottom:.5mm}\
h3{font-size:11pt;margin:3mm 0 1mm}\
p{margin:1mm 0}\
.no{text-align:right;margin:0 0 2mm;font-size:10pt}\
table{width:100%;border-collapse:collapse;table-layout:fixed;margin:0 0 2mm}\
th,td{border:1px solid #000;padding:1mm 2mm;vertical-align:top;text-align:left}\
th{width:24mm;font-weight:normal;background:#eee}\
.item{display:grid;grid-template-columns:8mm 1fr;margin:0 0 2mm;break-inside:avoid}\
.item>.n{font-weight:bold}\
.part{margin-left:4mm}\
.name{font-weight:bold}\
.sub{font-size:10pt;color:#222}\
.why{font-size:9.5pt;color:#333}\
.ok{font-weight:bold}\
.sign{display:grid;grid-template-columns:1fr 1fr 44mm;gap:4mm;margin-top:8mm;break-inside:avoid}\
.stamp{height:36mm;border:1px dashed #777;text-align:center;padding-top:14mm;color:#555}\
.line{border-bottom:1px solid #000;height:8mm}\
.foot{margin-top:4mm;font-size:8.5pt;color:#444}\
code{font-family:inherit}\
@media print{body{max-width:none;padding:0}th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

#[inline(never)]
fn open(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    esc(out, title);
    let _ = write!(out, "</title><style>{STYLE}</style></head><body>");
}

#[inline(never)]
fn close(out: &mut String) {
    out.push_str("</body></html>\n");
}

/// `2026-11-27` → `2026年11月27日`; anything else as it is.
#[inline(never)]
fn chinese_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let n = |p: &str| p.trim_start_matches('0').to_owned();
            format!("{y}年{}月{}日", n(m), n(d))
        }
        _ => date.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Requirements and provenance, shared by both documents.

/// The basis and 口径说明 lines under an item or a rule, then what exempts,
/// postpones or replaces it (免提交, 容缺受理, 告知承诺), each with its own
/// 口径说明.
#[inline(never)]
fn provenance(out: &mut String, item: &Value<'_>, citations: &[Value<'_>]) {
    let lines = document::provenance(item, citations);
    let said = mechanisms(item).into_iter().map(|m| (Some(m.line), m.decision));
    for (line, decision) in std::iter::once((lines.basis, lines.decision)).chain(said) {
        if let Some(line) = &line {
            el(out, "div", "sub", line);
        }
        if let Some(decision) = &decision {
            el(out, "div", "why", decision);
        }
    }
}

/// `理由：…`, when the item gives reasons.
#[inline(never)]
fn because(out: &mut String, item: &Value<'_>) {
    let because: Vec<&str> = list(item, "because").iter().map(text).collect();
    if !because.is_empty() {
        el(out, "div", "sub", &format!("理由：{}", because.joined("，")));
    }
}

/// A requirement's name and spec lines: one spec, or its options.
#[inline(never)]
fn requirement(out: &mut String, item: &Value<'_>) {
    let options = list(item, "one_of");
    out.push_str("<div>");
    el(out, "span", "name", s(item, "name"));
    if options.is_empty() {
        out.push('　');
        esc(out, &material_spec(item));
        out.push_str("</div>");
    } else {
        out.push_str("　以下任选其一：</div>");
        for o in options {
            el(out, "div", "", &format!("· {}：{}", s(o, "name"), material_spec(o)));
        }
    }
}

/// Numbered items grouped by owner, in the vocabulary's owner order, the
/// numbers running on across groups; a bundle's merged item with, service
/// by service, why each needs it. `r` is the
/// response, whose citations the items' bases name.
#[inline(never)]
fn grouped(vocabulary: &Vocabulary, out: &mut String, items: &[Value<'_>], r: &Value<'_>) {
    let mut n = 1;
    for (owner, mine) in by_owner(vocabulary, items) {
        el(out, "h3", "", &format!("【{}】", owner.label()));
        for item in mine {
            item_start(out, n);
            requirement(out, item);
            because(out, item);
            provenance(out, item, citations_of(r, ""));
            for part in list(item, "needed_by") {
                out.push_str("<div class=\"part\">");
                el(out, "div", "", &format!("· {}", part_line(item, part)));
                because(out, part);
                provenance(out, part, citations_of(r, s(part, "service")));
                out.push_str("</div>");
            }
            out.push_str("</div></div>");
            n += 1;
        }
    }
}

// ---------------------------------------------------------------------------
// The one-time notice.

/// What the caller adds to a notice: `{"number"?, "applicant_name"?,
/// "id_number"?}`, all optional.
struct NoticeOptions {
    number: Option<String>,
    applicant_name: Option<String>,
    id_number: Option<String>,
}

#[inline(never)]
fn notice_options(options: &str) -> Fallible<NoticeOptions> {
    if options.trim().is_empty() {
        return Ok(NoticeOptions { number: None, applicant_name: None, id_number: None });
    }
    let value = wire::parse(options)?;
    let obj = Object::new(&value, "options", &["number", "applicant_name", "id_number"])?;
    let owned = |key| obj.str(key).map(|v| v.map(str::to_owned).filter(|s: &String| !s.trim().is_empty()));
    Ok(NoticeOptions {
        number: owned("number")?,
        applicant_name: owned("applicant_name")?,
        id_number: owned("id_number")?,
    })
}

/// The notice number derived from a request: the service id and the first
/// ten hex digits of the SHA-256 of the request's bytes. The same request
/// always gives the same number; no clock is read.
#[inline(never)]
pub fn notice_number(service: &str, request: &str) -> String {
    let digest = crate::support::sha256::hex_digest(request.as_bytes());
    format!("{service}-{}", digest[..10].to_ascii_uppercase())
}

/// The one-time notice (一次性告知书) for a `check` request, as a
/// self-contained HTML page for printing on A4: for one service, or for a
/// bundle of services (一件事一次办) with its merged items, each service's
/// eligibility and the merge rule, marked as banshi's interpretation.
///
/// `options` is JSON text (or empty): `{"number"?: "…", "applicant_name"?:
/// "…", "id_number"?: "…"}`. Without `number` the notice number is derived
/// from the request ([`notice_number`], with the bundle's id, or its
/// services joined by `+`); the ID number is printed masked.
///
/// # Errors
///
/// Those of [`json::check`], and a malformed `options` object.
#[inline(never)]
pub fn notice(catalog: &Catalog, request: &str, options: &str) -> Result<String, Error> {
    let options = notice_options(options).map_err(|e| *e)?;
    let response = json::check(catalog, request)?;
    let r = reread(&response)?;
    // The guide of each service the notice is for: its implementing body,
    // supervision and material names.
    let mut ids: Vec<&str> = list(&r, "services").iter().map(|x| service_id(x)).collect();
    if ids.is_empty() {
        ids.push(s(get(&r, "service").unwrap_or(&Value::Null), "id"));
    }
    let mut texts = Vec::with_capacity(ids.len());
    for id in &ids {
        texts.push(json::service(catalog, id)?);
    }
    let mut guides = Vec::with_capacity(ids.len());
    for text in &texts {
        guides.push(reread(text)?);
    }
    // The caller's own text is masked too: an ID number typed as the notice
    // number or the name never reaches the page.
    let number = match &options.number {
        Some(n) => crate::support::id_number::mask_id_numbers(n).into_owned(),
        None => notice_number(get(&r, "bundle").and_then(|b| opt(b, "id")).unwrap_or(&ids.joined("+")), request),
    };
    Ok(render_notice(catalog.vocabulary(), &r, &guides, &number, &options))
}

/// The id of a bundle's service, from its entry in `services`.
#[inline(never)]
fn service_id<'v>(x: &'v Value<'_>) -> &'v str {
    s(get(x, "service").unwrap_or(&Value::Null), "id")
}

/// The texts, each once, in order.
#[inline(never)]
fn distinct(texts: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(texts.len());
    for text in texts {
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// Eligibility rule by rule, each with its reasons and provenance.
#[inline(never)]
fn rules(out: &mut String, e: &Value<'_>, citations: &[Value<'_>]) {
    for rule in list(e, "rules") {
        let mark = match get(rule, "met") {
            Some(Value::Bool(true)) => "✓ 符合",
            Some(Value::Bool(false)) => "✗ 不符合",
            _ => "？ 待定",
        };
        let why = rule_reasons(rule);
        out.push_str("<div class=\"item\"><span class=\"n\">·</span><div>");
        el(out, "div", "", &format!("{}：{mark}（{why}）", s(rule, "text")));
        provenance(out, rule, citations);
        out.push_str("</div></div>");
    }
}

/// `<div class="item"><span class="n">{n}.</span><div>`: an item's start.
#[inline(never)]
fn item_start(out: &mut String, n: usize) {
    let _ = write!(out, "<div class=\"item\"><span class=\"n\">{n}.</span><div>");
}

#[inline(never)]
fn render_notice(
    vocabulary: &Vocabulary,
    r: &Value<'_>,
    guides: &[Value<'_>],
    number: &str,
    options: &NoticeOptions,
) -> String {
    let service = get(r, "service").unwrap_or(&Value::Null);
    let bundle = get(r, "bundle");
    // The response, then, in a bundle's, each service's own part of it.
    let mut all: Vec<&Value<'_>> = vec![r];
    all.extend(list(r, "services"));
    let mut out = String::with_capacity(16 * 1024);
    open(&mut out, &format!("一次性告知书 {number}"));
    el(&mut out, "h1", "", "一次性告知书");
    el(&mut out, "p", "no", &format!("编号：{number}"));

    out.push_str("<table>");
    let bodies = distinct(guides.iter().map(|g| s(g, "implementing_body").to_owned()).collect());
    row(&mut out, "实施机构", &bodies.joined("、"));
    match bundle {
        Some(_) => {
            row(&mut out, "一件事", &bundle_name(r));
            row(&mut out, "办理事项", &bundle_services(r));
        }
        None => row(&mut out, "办理事项", &format!("{} {}", s(service, "id"), s(service, "name"))),
    }
    if let Some(case) = get(r, "case") {
        row(&mut out, "办理情形", opt(case, "name").unwrap_or("未确定"));
    }
    if let Some(name) = &options.applicant_name {
        row(&mut out, "申请人", &crate::support::id_number::mask_id_numbers(name));
    }
    if let Some(id_number) = &options.id_number {
        row(&mut out, "身份证号", &crate::support::id_number::mask_id_number(id_number.trim()));
    }
    row(&mut out, "申请日期", &chinese_date(s(r, "application_date")));
    out.push_str("</table>");
    if let Some(decision) = bundle.and_then(|b| opt(b, "decision")) {
        el(&mut out, "p", "why", &format!("口径说明：{decision}"));
    }

    // The materials' status, with eligibility beside it: one never folds
    // into the other.
    let status = notice_status(s(r, "status"));
    let e = get(r, "eligibility").unwrap_or(&Value::Null);
    let eligibility = match s(e, "status") {
        "eligible" => "符合申请条件",
        "ineligible" => "不符合申请条件",
        _ => "申请条件尚待确认",
    };
    el(&mut out, "h2", "", "告知结论");
    out.push_str("<p>");
    el(&mut out, "span", "ok", &format!("材料：{status}。"));
    el(&mut out, "span", "ok", &format!("申请资格：{eligibility}。"));
    out.push_str("</p>");
    for &x in &all {
        let e = get(x, "eligibility").unwrap_or(&Value::Null);
        if let Some(svc) = bundle.and(get(x, "service")) {
            el(
                &mut out,
                "h3",
                "",
                &format!("{} {}：{}", s(svc, "id"), s(svc, "name"), eligibility_word(s(e, "status"))),
            );
        }
        rules(&mut out, e, list(x, "legal_basis"));
    }

    let missing = list(r, "missing");
    let defective = list(r, "defective");
    let mut section = 0;
    const SECTIONS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "七"];
    let mut next_section = |title: &str| {
        let head = format!("{}、{title}", SECTIONS[section.min(6)]);
        section += 1;
        head
    };
    if !missing.is_empty() {
        el(&mut out, "h2", "", &next_section(&format!("尚未提交的材料（{} 项）", missing.len())));
        grouped(vocabulary, &mut out, missing, r);
    }
    if !defective.is_empty() {
        el(&mut out, "h2", "", &next_section(&format!("需要补正的材料（{} 项）", defective.len())));
        for (i, d) in defective.iter().enumerate() {
            item_start(&mut out, i + 1);
            el(&mut out, "div", "name", s(d, "name"));
            let problems: Vec<&str> = list(d, "problems").iter().map(|p| s(p, "message")).collect();
            el(&mut out, "div", "", &format!("问题：{}", problems.joined("；")));
            let required = get(d, "required").unwrap_or(&Value::Null);
            el(&mut out, "div", "", &format!("应为：{}", material_spec(required)));
            provenance(&mut out, d, citations_of(r, ""));
            out.push_str("</div></div>");
        }
    }
    for key in ["deferred", "pledged"] {
        let items = list(r, key);
        if !items.is_empty() {
            el(&mut out, "h2", "", &next_section(&section_title(key, items.len())));
        }
        for (i, d) in items.iter().enumerate() {
            item_start(&mut out, i + 1);
            if key == "deferred" {
                el(&mut out, "div", "", &deferred_line(d, &chinese_date(s(d, "due"))));
            } else {
                let [head, wording, note] = pledged_lines(d);
                el(&mut out, "div", "name", &head);
                el(&mut out, "div", "", &wording);
                el(&mut out, "div", "sub", &note);
            }
            out.push_str("</div></div>");
        }
    }
    let exempt = list(r, "exempt");
    if !exempt.is_empty() {
        el(&mut out, "h2", "", &next_section(&section_title("exempt", exempt.len())));
        grouped(vocabulary, &mut out, exempt, r);
    }
    // What may be needed, depending on facts not given: in a bundle, each
    // service's, named by its service.
    let mut pending: Vec<(&Value<'_>, &Value<'_>)> = Vec::new();
    for &x in &all {
        pending.extend(list(x, "pending").iter().map(|p| (x, p)));
    }
    if !pending.is_empty() {
        el(&mut out, "h2", "", &next_section(&format!("可能需要的材料（{} 项，取决于尚未提供的信息）", pending.len())));
        for (i, (x, p)) in pending.iter().enumerate() {
            item_start(&mut out, i + 1);
            if bundle.is_some() {
                el(&mut out, "div", "sub", &format!("事项：{}", service_id(x)));
            }
            requirement(&mut out, p);
            let needs: Vec<String> = list(p, "needs").iter().map(|f| fact_label(vocabulary, text(f))).collect();
            el(&mut out, "div", "sub", &format!("需先说明：{}", needs.joined("、")));
            provenance(&mut out, p, list(x, "legal_basis"));
            out.push_str("</div></div>");
        }
    }
    let facts = list(r, "missing_facts");
    if !facts.is_empty() {
        let names: Vec<String> = facts.iter().map(|f| fact_label(vocabulary, text(f))).collect();
        el(&mut out, "p", "", &format!("尚需提供的申请人信息：{}。", names.joined("、")));
    }
    let extra = list(r, "not_required");
    if !extra.is_empty() {
        let names: Vec<String> = extra.iter().map(|id| material_name(guides, text(id))).collect();
        el(&mut out, "p", "", &format!("已提交但本事项无须提交的材料：{}。", names.joined("、")));
    }

    // What the list covers, said truthfully.
    let complete = match (s(r, "status"), pending.is_empty()) {
        ("complete", true) => "经核对，所提交材料齐全，无须补正。",
        ("complete", false) | ("undetermined", _) => {
            "已提交的材料无须补正；上列“可能需要的材料”待申请人信息明确后确定，届时如需补充将一并告知。"
        }
        ("accepted_pending", _) => "所缺材料均可容缺受理，予以先行受理；请于上列期限内补交，已一次性告知。",
        (_, true) => "以上为本事项须提交和补正的全部材料，已一次性告知；请按上述内容一次性补齐。",
        (_, false) => {
            "除上列“可能需要的材料”待申请人信息明确后确定外，以上为本事项须提交和补正的全部材料，已一次性告知。"
        }
    };
    el(&mut out, "p", "ok", complete);
    if let Some(rule) = opt(r, "merge_rule") {
        el(&mut out, "p", "why", rule);
    }

    let mut citations = Vec::new();
    for &x in &all {
        citations.extend(list(x, "legal_basis").iter().map(citation_full));
    }
    let citations = distinct(citations);
    if !citations.is_empty() {
        el(&mut out, "p", "sub", &format!("法定依据：{}", citations.joined("；")));
    }
    let offices = guides.iter().map(|g| get(g, "supervision").unwrap_or(&Value::Null));
    for line in
        distinct(offices.map(|x| format!("监督单位：{}　监督电话：{}", s(x, "office"), s(x, "phone"))).collect())
    {
        el(&mut out, "p", "", &line);
    }
    signatures(&mut out);
    foot(&mut out, r);
    close(&mut out);
    out
}

/// A material's name by id, from the guides (their options included), or
/// the id itself (a bundle's merged item).
#[inline(never)]
fn material_name(guides: &[Value<'_>], id: &str) -> String {
    for m in guides.iter().flat_map(|g| list(g, "materials")) {
        if s(m, "id") == id {
            return s(m, "name").to_owned();
        }
        if let Some(o) = list(m, "one_of").iter().find(|o| s(o, "id") == id) {
            return s(o, "name").to_owned();
        }
    }
    id.to_owned()
}

#[inline(never)]
fn signatures(out: &mut String) {
    out.push_str("<div class=\"sign\"><div>经办人（签字）：<div class=\"line\"></div></div>");
    out.push_str("<div>日期：<div class=\"line\"></div>　　年　　月　　日</div>");
    out.push_str("<div class=\"stamp\">（经办单位盖章）</div></div>");
}

/// The small print: which catalogue gave this answer.
#[inline(never)]
fn foot(out: &mut String, r: &Value<'_>) {
    let mut parts = vec![format!("目录版本 {}", s(r, "catalog_version"))];
    if let Some(engine) = opt(r, "engine_version") {
        parts.push(format!("引擎版本 {engine}"));
    }
    if let Some(hash) = opt(r, "catalog_hash") {
        parts.push(format!("目录摘要 {hash}"));
    }
    el(out, "p", "foot", &format!("本文书由办事规则库 banshi 生成：{}。", parts.joined("，")));
}

// ---------------------------------------------------------------------------
// The service guide.

/// The service guide (办事指南) for one service, as a self-contained HTML
/// page for printing on A4. Conditions are written in Chinese from the
/// vocabulary's labels.
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
    let mut out = String::with_capacity(24 * 1024);
    let title = format!("{} {}", s(g, "id"), s(g, "name"));
    open(&mut out, &format!("办事指南 {title}"));
    el(&mut out, "h1", "", "办事指南");
    el(&mut out, "p", "no", &title);

    out.push_str("<table>");
    row(&mut out, "事项名称", &title);
    row(&mut out, "实施机构", s(g, "implementing_body"));
    row(&mut out, "职责边界", s(g, "boundary"));
    let validity = match (opt(g, "valid_from"), opt(g, "valid_until")) {
        (None, None) => String::from("目录未载明起止日期"),
        (from, until) => format!(
            "{}起至{}",
            from.map_or_else(|| String::from("（未载明）"), chinese_date),
            until.map_or_else(|| String::from("（未载明）"), chinese_date)
        ),
    };
    row(&mut out, "有效期", &validity);
    let facts: Vec<String> = list(g, "facts").iter().map(|f| fact_label(vocabulary, text(f))).collect();
    if !facts.is_empty() {
        row(&mut out, "需了解的申请人信息", &facts.joined("、"));
    }
    out.push_str("</table>");

    el(&mut out, "h2", "", "法定依据");
    for c in citations {
        out.push_str("<div class=\"item\"><span class=\"n\">·</span><div>");
        el(&mut out, "div", "", &citation_full(c));
        if let Some(note) = opt(c, "note") {
            el(&mut out, "div", "sub", note);
        }
        out.push_str("</div></div>");
    }

    el(&mut out, "h2", "", "申请条件");
    let rules = list(g, "eligibility");
    if rules.is_empty() {
        el(&mut out, "p", "", "目录未载明申请条件。");
    }
    for (i, r) in rules.iter().enumerate() {
        let _ = write!(out, "<div class=\"item\"><span class=\"n\">{}.</span><div>", i + 1);
        el(&mut out, "div", "name", s(r, "text"));
        el(&mut out, "div", "sub", &format!("判定：{}", condition_text(vocabulary, s(r, "requires"))));
        provenance(&mut out, r, citations);
        out.push_str("</div></div>");
    }

    let cases = list(g, "cases");
    if !cases.is_empty() {
        el(&mut out, "h2", "", "办理情形");
        let names: Vec<&str> = cases.iter().map(|c| s(c, "name")).collect();
        el(&mut out, "p", "", &format!("{}：{}。", fact_label(vocabulary, s(g, "case_fact")), names.joined("；")));
    }

    el(&mut out, "h2", "", "运行要件（申请材料）");
    let materials = list(g, "materials");
    let mut n = 1;
    for (case, name, mine) in by_case(materials, cases) {
        if case.is_some() {
            el(&mut out, "h3", "", &format!("【情形：{name}】"));
        }
        for m in mine {
            let _ = write!(out, "<div class=\"item\"><span class=\"n\">{n}.</span><div>");
            requirement(&mut out, m);
            el(
                &mut out,
                "div",
                "sub",
                &format!("提交人：{}　编号：{}", owner_label(vocabulary, owner_of(m)), material_ids(m, false)),
            );
            let when = opt(m, "when").map_or_else(|| String::from("所有申请人"), |w| condition_text(vocabulary, w));
            el(&mut out, "div", "sub", &format!("适用：{when}"));
            let dates: Vec<String> = [("valid_from", "起"), ("valid_until", "止")]
                .iter()
                .filter_map(|(k, w)| opt(m, k).map(|d| format!("{}{w}", chinese_date(d))))
                .collect();
            if !dates.is_empty() {
                el(&mut out, "div", "sub", &format!("有效期：{}", dates.joined("，")));
            }
            provenance(&mut out, m, citations);
            out.push_str("</div></div>");
            n += 1;
        }
    }

    el(&mut out, "h2", "", "办理流程");
    for (i, step) in list(g, "steps").iter().enumerate() {
        let _ = write!(out, "<div class=\"item\"><span class=\"n\">{}.</span><div>", i + 1);
        let actor = opt(step, "actor").map(|a| format!("【{a}】")).unwrap_or_default();
        let optional = if is_true(step, "optional") { "（可选）" } else { "" };
        el(&mut out, "div", "", &format!("{actor}{}{optional}", s(step, "action")));
        if let Some(phone) = opt(step, "phone") {
            el(&mut out, "div", "sub", &format!("电话：{phone}"));
        }
        out.push_str("</div></div>");
    }

    el(&mut out, "h2", "", "责任事项");
    el(&mut out, "p", "", s(g, "responsibility"));
    let decisions = list(g, "decisions");
    if !decisions.is_empty() {
        el(&mut out, "h2", "", "口径说明");
        el(&mut out, "p", "sub", "以下为本目录在原文表述不明处所作的理解，不是法规原文。");
        for d in decisions {
            out.push_str("<div class=\"item\"><span class=\"n\">·</span><div>");
            el(&mut out, "div", "", text(d));
            out.push_str("</div></div>");
        }
    }
    el(&mut out, "h2", "", "监督方式");
    let sup = get(g, "supervision").unwrap_or(&Value::Null);
    el(&mut out, "p", "", &format!("监督单位：{}　监督电话：{}", s(sup, "office"), s(sup, "phone")));
    foot(&mut out, g);
    close(&mut out);
    out
}

// ---------------------------------------------------------------------------
// Conditions in Chinese.

/// A catalogue condition (`marital_status in [unmarried, divorced]`,
/// `proxy || age_years < 18`) in Chinese, from the catalogue vocabulary's
/// labels and phrases: `婚姻状况为未婚或离异`, `由代办人办理，或申请人不满18周岁`.
/// The engine's own parser reads it (bounded: at most 4 KiB and 32 levels),
/// so a condition the engine would refuse is never put into words; it is
/// shown as written, masked, in a marked aside.
#[inline(never)]
pub fn condition_text(vocabulary: &Vocabulary, condition: &str) -> String {
    match crate::condition::Condition::parse(condition, vocabulary) {
        Ok(parsed) => parsed.describe(vocabulary),
        Err(_) => format!("（目录条件，未能译出：{}）", crate::support::id_number::mask_id_numbers(condition)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_read_as_chinese() {
        let vocabulary = crate::model::Catalog::embedded().vocabulary();
        for (condition, chinese) in [
            ("marital_status == married", "婚姻状况为已婚"),
            ("marital_status in [unmarried, divorced, widowed]", "婚姻状况为未婚、离异或丧偶"),
            ("hukou == nonlocal && !proxy", "户籍为外地，且由申请人本人办理"),
            ("proxy || age_years < 18", "由代办人办理，或申请人不满18周岁"),
            ("age_days < 90", "申请人出生不满90天"),
            ("!(age_days < 90)", "申请人出生满90天"),
            ("subsidy_years_received >= 3", "享受灵活就业社保补贴满3年"),
            ("!has_training_certificate", "申请人未取得创业培训合格证书"),
            ("hukou != local && (proxy || disabled)", "户籍为外地，且（由代办人办理，或申请人持有残疾证）"),
            ("!(proxy && disabled)", "并非“由代办人办理，且申请人持有残疾证”"),
        ] {
            assert_eq!(condition_text(vocabulary, condition), chinese, "{condition}");
        }
        assert_eq!(condition_text(vocabulary, "hukuo == local"), "（目录条件，未能译出：hukuo == local）");
        // A hostile condition is refused by the engine's bounded parser: no
        // stack overflow, even on a 256 KiB thread.
        let deep = format!("{}proxy", "!".repeat(100_000));
        let refused = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || condition_text(crate::model::Catalog::embedded().vocabulary(), &deep))
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert!(refused.starts_with("（目录条件，未能译出："));
        assert!(condition_text(vocabulary, "hukou == 外地").starts_with("（目录条件"));
    }

    #[test]
    fn escapes_everything() {
        let mut out = String::new();
        esc(&mut out, "<script>&\"'");
        assert_eq!(out, "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn dates_read_as_chinese() {
        assert_eq!(chinese_date("2026-01-07"), "2026年1月7日");
        assert_eq!(chinese_date("x"), "x");
    }
}
