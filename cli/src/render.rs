//! Human-readable Chinese views of banshi's JSON responses.
//!
//! Every view is rendered from the JSON the library returns (the schema in
//! SCHEMA.md), so the terminal shows exactly what other bindings receive.

use std::fmt::Write;

use banshi::{Catalog, Form, Vocabulary};
use serde_json::Value;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("banshi returns valid JSON")
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn owner_label<'v>(vocabulary: &'v Vocabulary, name: &'v str) -> &'v str {
    vocabulary.owner(name).map_or(name, |o| o.label())
}

fn fact_label(vocabulary: &Vocabulary, name: &str) -> String {
    vocabulary.fact(name).map_or_else(|| name.to_owned(), |f| format!("{}（{name}）", f.label()))
}

/// "原件及复印件1份，A4纸；1寸彩色免冠照片4张；须盖…；注：…"
pub(crate) fn material_spec(m: &Value) -> String {
    let form = Form::ALL.iter().find(|f| f.name() == s(&m["form"])).copied().unwrap_or(Form::Original);
    let copies = m["copies"].as_u64().unwrap_or(0);
    let originals = m["originals"].as_u64().unwrap_or(1);
    let mut out = match (&m["photo"], form) {
        (Value::Object(_), Form::Electronic) => String::from("电子版"),
        (Value::Object(_), _) => String::new(),
        (_, Form::Original) => String::from("原件"),
        (_, Form::Copy) => format!("复印件{copies}份"),
        (_, Form::OriginalAndCopy) => format!("原件及复印件{copies}份"),
        (_, Form::Electronic) => format!("电子版{originals}个"),
        _ => String::from(form.label()),
    };
    if let Some(paper) = m["paper"].as_str() {
        let _ = write!(out, "，{paper}纸");
    }
    if let Value::Object(p) = &m["photo"] {
        if !out.is_empty() {
            out.push('，');
        }
        out.push_str(p["size"].as_str().unwrap_or_default());
        if p["color"] == true {
            out.push_str("彩色");
        }
        if p["bareheaded"] == true {
            out.push_str("免冠");
        }
        let _ = write!(out, "照片{}张", p["count"]);
    }
    if let Value::Object(f) = &m["file"] {
        let formats: Vec<String> = list(&f["formats"]).iter().map(|v| s(v).to_uppercase()).collect();
        let kb = f["max_bytes"].as_u64().unwrap_or(0) / 1024;
        let _ = write!(out, "；{}格式，小于{kb} KB", formats.join("/"));
    }
    let stamps: Vec<&str> = list(&m["stamps"]).iter().map(s).collect();
    if !stamps.is_empty() {
        let _ = write!(out, "；须盖{}", stamps.join("、"));
    }
    let notes: Vec<&str> = list(&m["notes"]).iter().map(s).collect();
    if !notes.is_empty() {
        let _ = write!(out, "；注：{}", notes.join("；"));
    }
    out
}

/// A requirement line: its name and spec, or its options for "one of".
fn requirement_line(item: &Value) -> String {
    match item["one_of"].as_array() {
        Some(options) => {
            let parts: Vec<String> =
                options.iter().map(|m| format!("{}（{}）", s(&m["name"]), material_spec(m))).collect();
            format!("{}：{}", s(&item["name"]), parts.join(" 或 "))
        }
        None => format!("{} — {}", s(&item["name"]), material_spec(item)),
    }
}

/// The ids to submit a requirement under (`--submitted`, `validate file`):
/// its own, or each option's with its name for "one of".
fn material_ids(item: &Value) -> String {
    match item["one_of"].as_array() {
        Some(options) => {
            let ids: Vec<String> = options.iter().map(|m| format!("{}（{}）", s(&m["id"]), s(&m["name"]))).collect();
            ids.join(" 或 ")
        }
        None => s(&item["id"]).to_owned(),
    }
}

/// The owner of a requirement (of its first option, for "one of").
fn owner_of(item: &Value) -> &str {
    item["owner"].as_str().or_else(|| item["one_of"][0]["owner"].as_str()).unwrap_or_default()
}

/// Citation id → its short form: the document number, else the 《title》,
/// else the seed's own reference as it wrote it.
fn citation_names(citations: &[Value]) -> impl Fn(&Value) -> String + '_ {
    move |id: &Value| {
        citations.iter().find(|c| c["id"] == *id).map_or_else(
            || s(id).to_owned(),
            |c| match c["number"].as_str() {
                Some(number) => number.to_owned(),
                None => citation_full(c),
            },
        )
    }
}

/// A citation in full: `《title》（number）`, or a reference as the seed wrote it.
fn citation_full(c: &Value) -> String {
    let number = c["number"].as_str();
    match (c["title"].as_str(), c["reference"].as_str()) {
        (Some(title), _) => format!("《{title}》{}", number.map(|n| format!("（{n}）")).unwrap_or_default()),
        (None, Some(reference)) => format!("{reference}{}", number.map(|n| format!("（{n}）")).unwrap_or_default()),
        (None, None) => number.unwrap_or_default().to_owned(),
    }
}

/// The lines under an item or a rule that tell where it comes from: its
/// basis, and its interpretation (口径说明) when it rests on one. An
/// interpretation without a basis says so, so that it never looks as if a
/// document stated it.
fn provenance(out: &mut String, item: &Value, name_of: &impl Fn(&Value) -> String) {
    let basis: Vec<String> = list(&item["basis"]).iter().map(name_of).collect();
    let decision = item["decision"].as_str();
    if !basis.is_empty() {
        // A decided entry rests on these documents only as banshi reads them.
        let reading = if decision.is_some() { "（按口径说明理解）" } else { "" };
        let _ = writeln!(out, "     依据：{}{reading}", basis.join("、"));
    } else if decision.is_some() {
        let _ = writeln!(out, "     依据：原文未载明，属口径解释");
    }
    if let Some(decision) = decision {
        let _ = writeln!(out, "     口径说明：{decision}");
    }
}

pub(crate) fn services(catalog: &Catalog) -> String {
    let mut out = format!("目录版本 {}，共 {} 个事项\n", catalog.version(), catalog.services().len());
    for service in catalog.services() {
        let _ = writeln!(out, "  {:<5} {}", service.id(), service.name());
    }
    out.trim_end().to_owned()
}

pub(crate) fn guide(vocabulary: &Vocabulary, json: &str) -> String {
    let g = parse(json);
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", s(&g["id"]), s(&g["name"]));
    let _ = writeln!(out, "\n法定依据");
    for c in list(&g["legal_basis"]) {
        let _ = writeln!(out, "  {}", citation_full(c));
        if let Some(note) = c["note"].as_str() {
            let _ = writeln!(out, "    {note}");
        }
    }
    let _ = writeln!(out, "\n实施机构：{}\n职责边界：{}", s(&g["implementing_body"]), s(&g["boundary"]));
    let facts: Vec<String> = list(&g["facts"]).iter().map(|f| fact_label(vocabulary, s(f))).collect();
    if !facts.is_empty() {
        let _ = writeln!(out, "需了解的申请人信息：{}", facts.join("、"));
    }
    let citations = list(&g["legal_basis"]);
    let name_of = citation_names(citations);
    if !list(&g["eligibility"]).is_empty() {
        let _ = writeln!(out, "\n申请条件");
        for r in list(&g["eligibility"]) {
            let _ = writeln!(out, "  · {}", s(&r["text"]));
            provenance(&mut out, r, &name_of);
        }
    }
    let cases = list(&g["cases"]);
    let _ = writeln!(out, "\n运行要件");
    let mut groups: Vec<(Option<&str>, Vec<&Value>)> = vec![(None, vec![])];
    groups.extend(cases.iter().map(|c| (c["value"].as_str(), vec![])));
    for m in list(&g["materials"]) {
        if let Some(group) = groups.iter_mut().find(|(k, _)| *k == m["case"].as_str()) {
            group.1.push(m);
        }
    }
    for (case, items) in groups.iter().filter(|(_, items)| !items.is_empty()) {
        if let Some(value) = case {
            let name = cases.iter().find(|c| c["value"] == *value).map_or("", |c| s(&c["name"]));
            let _ = writeln!(out, "  【{name}】");
        }
        for (i, m) in items.iter().enumerate() {
            let when = m["when"].as_str().map(|w| format!("（条件：{w}）")).unwrap_or_default();
            let _ =
                writeln!(out, "  {}. [{}] {}{when}", i + 1, owner_label(vocabulary, owner_of(m)), requirement_line(m));
            let _ = writeln!(out, "     编号：{}", material_ids(m));
            provenance(&mut out, m, &name_of);
        }
    }
    steps(&mut out, &g["steps"]);
    let _ = writeln!(out, "\n责任事项：{}", s(&g["responsibility"]));
    let _ = write!(out, "监督方式：{} {}", s(&g["supervision"]["office"]), s(&g["supervision"]["phone"]));
    let decisions = list(&g["decisions"]);
    if !decisions.is_empty() {
        let _ = write!(out, "\n\n口径说明");
        for d in decisions {
            let _ = write!(out, "\n  · {}", s(d));
        }
    }
    out
}

fn steps(out: &mut String, steps: &Value) {
    let _ = writeln!(out, "\n办理流程");
    for (i, step) in list(steps).iter().enumerate() {
        let actor = step["actor"].as_str().map(|a| format!("{a}：")).unwrap_or_default();
        let phone = step["phone"].as_str().map(|p| format!("（电话 {p}）")).unwrap_or_default();
        let optional = if step["optional"] == true { "（可选）" } else { "" };
        let _ = writeln!(out, "  {}. {actor}{}{phone}{optional}", i + 1, s(&step["action"]));
    }
}

fn header(out: &mut String, r: &Value) {
    let name_of = citation_names(list(&r["legal_basis"]));
    let _ = writeln!(
        out,
        "{} {}（目录版本 {}，申请日期 {}）",
        s(&r["service"]["id"]),
        s(&r["service"]["name"]),
        s(&r["catalog_version"]),
        s(&r["application_date"])
    );
    if let Some(case) = r.get("case") {
        let _ = writeln!(out, "办理情形：{}", case["name"].as_str().unwrap_or("未确定"));
    }
    let e = &r["eligibility"];
    let status = match s(&e["status"]) {
        "eligible" => "符合",
        "ineligible" => "不符合",
        _ => "待定",
    };
    let _ = writeln!(out, "申请资格：{status}");
    for rule in list(&e["rules"]) {
        let mark = match rule["met"].as_bool() {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "?",
        };
        let because: Vec<&str> = list(&rule["because"]).iter().map(s).collect();
        let why = if because.is_empty() { String::from("尚缺信息") } else { because.join("，") };
        let _ = writeln!(out, "  {mark} {} — {why}", s(&rule["text"]));
        provenance(out, rule, &name_of);
    }
}

/// Items grouped by owner, in the vocabulary's owner order.
fn grouped(vocabulary: &Vocabulary, out: &mut String, items: &[Value], citations: &[Value]) {
    let name_of = citation_names(citations);
    let mut n = 0;
    for owner in vocabulary.owners() {
        let mine: Vec<&Value> = items.iter().filter(|i| owner_of(i) == owner.name()).collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  【{}】", owner.label());
        for item in mine {
            n += 1;
            let because: Vec<&str> = list(&item["because"]).iter().map(s).collect();
            let _ = writeln!(out, "  {n}. {}", requirement_line(item));
            let _ = writeln!(out, "     理由：{}", because.join("，"));
            provenance(out, item, &name_of);
        }
    }
}

fn pending_and_facts(vocabulary: &Vocabulary, out: &mut String, r: &Value) {
    let pending = list(&r["pending"]);
    if !pending.is_empty() {
        let _ = writeln!(out, "\n可能需要的材料（取决于尚未提供的信息）");
        for p in pending {
            let needs: Vec<String> = list(&p["needs"]).iter().map(|f| fact_label(vocabulary, s(f))).collect();
            let _ = writeln!(out, "  · {} — 需先说明：{}", s(&p["name"]), needs.join("、"));
        }
    }
    let missing = list(&r["missing_facts"]);
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|f| fact_label(vocabulary, s(f))).collect();
        let _ = writeln!(out, "\n尚需提供的申请人信息：{}", names.join("、"));
    }
}

pub(crate) fn assessment(vocabulary: &Vocabulary, json: &str) -> String {
    let r = parse(json);
    let mut out = String::new();
    header(&mut out, &r);
    let items = list(&r["checklist"]);
    let _ = writeln!(out, "\n须提交材料（共 {} 项）", items.len());
    grouped(vocabulary, &mut out, items, list(&r["legal_basis"]));
    pending_and_facts(vocabulary, &mut out, &r);
    steps(&mut out, &r["steps"]);
    let _ = write!(out, "\n监督方式：{} {}", s(&r["supervision"]["office"]), s(&r["supervision"]["phone"]));
    out
}

pub(crate) fn notice(vocabulary: &Vocabulary, json: &str) -> String {
    let r = parse(json);
    let mut out = String::from("一次性告知书\n\n");
    header(&mut out, &r);
    // The materials' status, and the eligibility question beside it: the
    // notice never folds one into the other.
    let status = match s(&r["status"]) {
        "complete" => "材料齐全",
        "incomplete" => "材料不全，请按以下内容一次性补正",
        _ => "尚缺申请人信息，材料清单待定",
    };
    let eligibility = match s(&r["eligibility"]["status"]) {
        "eligible" => "申请人符合申请条件",
        "ineligible" => "申请人不符合申请条件，见上",
        _ => "申请条件尚待确认，见上",
    };
    let _ = writeln!(out, "结论：{status}；{eligibility}");
    let citations = list(&r["legal_basis"]);
    let missing = list(&r["missing"]);
    if !missing.is_empty() {
        let _ = writeln!(out, "\n一、尚未提交的材料（{} 项）", missing.len());
        grouped(vocabulary, &mut out, missing, citations);
    }
    let defective = list(&r["defective"]);
    if !defective.is_empty() {
        let _ = writeln!(out, "\n二、需要补正的材料（{} 项）", defective.len());
        for (i, d) in defective.iter().enumerate() {
            let problems: Vec<&str> = list(&d["problems"]).iter().map(|p| s(&p["message"])).collect();
            let _ = writeln!(
                out,
                "  {}. {}：{}（应为{}）",
                i + 1,
                s(&d["name"]),
                problems.join("；"),
                material_spec(&d["required"])
            );
            provenance(&mut out, d, &citation_names(citations));
        }
    }
    let extra = list(&r["not_required"]);
    if !extra.is_empty() {
        let ids: Vec<&str> = extra.iter().map(s).collect();
        let _ = writeln!(out, "\n无需提交：{}", ids.join("、"));
    }
    pending_and_facts(vocabulary, &mut out, &r);
    out.trim_end().to_owned()
}

pub(crate) fn validation(json: &str) -> String {
    let r = parse(json);
    let mut out = String::new();
    if r["valid"] == true {
        out.push_str("有效");
        if let Some(masked) = r["masked"].as_str() {
            let _ = write!(out, "：{masked}，出生日期 {}", s(&r["birth_date"]));
        }
        if let Some(date) = r["date"].as_str() {
            let _ = write!(out, "：{date}");
        }
    } else {
        out.push_str("无效");
        if let Some(masked) = r["masked"].as_str() {
            let _ = write!(out, "：{masked}");
        }
        for p in list(&r["problems"]) {
            let _ = write!(out, "\n  [{}] {}", s(&p["code"]), s(&p["message"]));
        }
    }
    out
}
