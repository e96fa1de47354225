//! `banshi export --format gbt39046 | gbt39046-csv`: every service's items
//! and materials in the element structure of GB/T 39046-2020 (政务服务平台
//! 基础数据规范), as JSON or as CSV (one row per material).
//!
//! Everything is read from the service guides (`banshi::json::service`), so
//! the export says what every other answer says. 出具单位 comes from the
//! document registry (`issuer`, where known) and 事项编码 from a service's
//! optional `item_code`. Elements the catalogue cannot fill are written as
//! `null` (JSON) or left empty (CSV), never guessed; `docs/gbt39046.md`
//! lists them and the mapping.

use banshi::{Catalog, Form, html, json};
use serde_json::{Value, json as j};

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// `《title》（number）`, or the seed's own reference as written, or the number.
fn citation(c: &Value) -> String {
    let number = c["number"].as_str().map(|n| format!("（{n}）")).unwrap_or_default();
    match (c["title"].as_str(), c["reference"].as_str()) {
        (Some(title), _) => format!("《{title}》{number}"),
        (None, Some(reference)) => format!("{reference}{number}"),
        (None, None) => s(&c["number"]).to_owned(),
    }
}

/// One 申请材料 element per material (each option of a one-of requirement).
fn materials(catalog: &Catalog, guide: &Value) -> Vec<Value> {
    let vocabulary = catalog.vocabulary();
    let cases = list(&guide["cases"]);
    let mut out = Vec::new();
    for requirement in list(&guide["materials"]) {
        let options: Vec<&Value> = match requirement["one_of"].as_array() {
            Some(options) => options.iter().collect(),
            None => vec![requirement],
        };
        let mut scope = Vec::new();
        if let Some(case) = requirement["case"].as_str() {
            let name = cases.iter().find(|c| c["value"] == case).map_or(case, |c| s(&c["name"]));
            scope.push(format!("办理情形为{name}"));
        }
        if let Some(when) = requirement["when"].as_str() {
            scope.push(html::condition_text(vocabulary, when));
        }
        let necessity = match (scope.is_empty(), options.len() > 1) {
            (true, false) => "必要",
            (true, true) => "必要（任选其一）",
            (false, false) => "情形必要",
            (false, true) => "情形必要（任选其一）",
        };
        for m in options {
            let form = Form::ALL.iter().find(|f| f.name() == s(&m["form"])).copied();
            out.push(j!({
                "材料编号": m["id"],
                "材料名称": m["name"],
                "出具单位": m["document"].as_str().and_then(|d| catalog.document(d)?.issuer()),
                "原件份数": m["originals"],
                "复印件份数": m["copies"],
                "材料形式": if form == Some(Form::Electronic) { "电子" } else { "纸质" },
                "纸质材料规格": m["paper"],
                "是否必要": necessity,
                "适用情形": if scope.is_empty() { Value::Null } else { Value::from(scope.join("，且")) },
                "替代材料组": if requirement["one_of"].is_array() { requirement["id"].clone() } else { Value::Null },
            }));
        }
    }
    out
}

fn service_element(catalog: &Catalog, guide: &Value) -> Value {
    let steps: Vec<String> = list(&guide["steps"])
        .iter()
        .map(|step| {
            let actor = step["actor"].as_str().map(|a| format!("{a}：")).unwrap_or_default();
            let phone = step["phone"].as_str().map(|p| format!("（电话 {p}）")).unwrap_or_default();
            format!("{actor}{}{phone}", s(&step["action"]))
        })
        .collect();
    let conditions: Vec<&str> = list(&guide["eligibility"]).iter().map(|r| s(&r["text"])).collect();
    j!({
        "事项序号": guide["id"],
        "事项编码": guide["item_code"],
        "事项名称": guide["name"],
        "实施主体": guide["implementing_body"],
        "设定依据": list(&guide["legal_basis"]).iter().map(citation).collect::<Vec<_>>(),
        "受理条件": conditions,
        "办理流程": steps,
        "监督投诉机构": guide["supervision"]["office"],
        "监督投诉电话": guide["supervision"]["phone"],
        "申请材料": materials(catalog, guide),
    })
}

fn guides(catalog: &Catalog) -> Vec<Value> {
    catalog
        .services()
        .iter()
        .map(|service| {
            let text = json::service(catalog, service.id()).expect("every listed service has a guide");
            serde_json::from_str(&text).expect("banshi returns valid JSON")
        })
        .collect()
}

/// The JSON export: the receipt, then one element set per service.
pub(crate) fn to_json(catalog: &Catalog) -> String {
    let services: Vec<Value> = guides(catalog).iter().map(|g| service_element(catalog, g)).collect();
    let out = j!({
        "standard": "GB/T 39046-2020",
        "catalog_version": catalog.version(),
        "engine_version": banshi::VERSION,
        "catalog_hash": catalog.content_hash(),
        "services": services,
    });
    serde_json::to_string_pretty(&out).expect("serialisable")
}

const COLUMNS: [&str; 17] = [
    "事项序号",
    "事项编码",
    "事项名称",
    "实施主体",
    "材料编号",
    "材料名称",
    "出具单位",
    "原件份数",
    "复印件份数",
    "材料形式",
    "纸质材料规格",
    "是否必要",
    "适用情形",
    "替代材料组",
    "设定依据",
    "受理条件",
    "监督投诉电话",
];

/// RFC 4180: quoted when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("；"),
        other => other.to_string(),
    }
}

/// The CSV export: one row per material, the service's elements repeated.
pub(crate) fn to_csv(catalog: &Catalog) -> String {
    let mut out = COLUMNS.join(",");
    for guide in guides(catalog) {
        let service = service_element(catalog, &guide);
        for m in list(&service["申请材料"]) {
            let row: Vec<String> = COLUMNS
                .iter()
                .map(|c| cell(if m.get(*c).is_some() { &m[*c] } else { &service[*c] }))
                .map(|t| field(&t))
                .collect();
            out.push_str("\r\n");
            out.push_str(&row.join(","));
        }
    }
    out
}
