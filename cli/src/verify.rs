//! `banshi verify <request> <response>`: does this catalogue and engine give
//! exactly this response to this request? Compares the bytes, and, when they
//! differ, says which part of the receipt (engine version, catalogue version,
//! catalogue hash) differs, or that the receipt matches but the content does
//! not (the response was altered, or answers another request).

use banshi::{Catalog, json};
use serde_json::Value;

/// The three fields of a receipt, in the order answers carry them.
const RECEIPT: [(&str, &str); 3] =
    [("engine_version", "引擎版本"), ("catalog_version", "目录版本"), ("catalog_hash", "目录摘要")];

/// The outcome: whether it matches, and the report (text or JSON).
pub(crate) struct Verdict {
    pub(crate) matches: bool,
    pub(crate) report: String,
}

/// Recomputes the answer to `request` with `catalog` and compares it with
/// `response`. The call (assess or check) is read from the response's shape.
pub(crate) fn verify(
    catalog: &Catalog,
    request: &str,
    response: &str,
    as_json: bool,
) -> Result<Verdict, banshi::Error> {
    let given: Value = serde_json::from_str(response).unwrap_or_default();
    let call = if given.get("status").is_some() { json::check } else { json::assess };
    let fresh = call(catalog, request)?;
    let matches = fresh == response.trim_end_matches(['\n', '\r']);
    let now: Value = serde_json::from_str(&fresh).unwrap_or_default();
    let differing: Vec<(&str, &str)> = RECEIPT.iter().copied().filter(|(key, _)| given[key] != now[key]).collect();
    if as_json {
        let receipt = |v: &Value| serde_json::json!({"engine_version": v["engine_version"], "catalog_version": v["catalog_version"], "catalog_hash": v["catalog_hash"]});
        let report = serde_json::json!({
            "match": matches,
            "response": receipt(&given),
            "current": receipt(&now),
            "differs": differing.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
        });
        return Ok(Verdict { matches, report: report.to_string() });
    }
    let shown = |v: &Value| v.as_str().map_or_else(|| String::from("（未载明）"), str::to_owned);
    let mut report = if matches {
        String::from("一致：本目录与引擎对此请求给出的正是此答复。")
    } else {
        String::from("不一致：本目录与引擎对此请求给出的答复与所给答复不同。")
    };
    if !matches {
        if differing.is_empty() {
            report.push_str("\n  收据相同而内容不同：答复已被改动，或并非此请求的答复。");
        }
        for (key, label) in &differing {
            report.push_str(&format!("\n  {label}：答复为 {}，本机为 {}", shown(&given[key]), shown(&now[key])));
        }
    }
    for (key, label) in RECEIPT {
        if !differing.iter().any(|(k, _)| *k == key) {
            report.push_str(&format!("\n  {label}：{}", shown(&now[key])));
        }
    }
    Ok(Verdict { matches, report })
}
