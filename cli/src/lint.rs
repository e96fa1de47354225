//! `banshi lint`: what a catalogue gets wrong that loading accepts
//! ([`Catalog::lint`]), as Chinese text or JSON.

use banshi::{Catalog, Finding};
use serde::Serialize;

/// The report, and whether anything was found.
pub(crate) struct Report {
    pub(crate) found: bool,
    pub(crate) text: String,
}

/// One finding as JSON: its code and label, where it is, and its message.
#[derive(Serialize)]
struct Entry<'a> {
    code: &'static str,
    label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    service: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    material: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    other_material: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    message: &'a str,
}

#[derive(Serialize)]
struct Json<'a> {
    catalog_version: &'a str,
    catalog_hash: &'a str,
    findings: Vec<Entry<'a>>,
}

/// Lints `catalog`; `as_json` for `--format json`.
pub(crate) fn lint(catalog: &Catalog, as_json: bool) -> Report {
    let findings = catalog.lint();
    let found = !findings.is_empty();
    let text = if as_json {
        let json = Json {
            catalog_version: catalog.version(),
            catalog_hash: catalog.content_hash(),
            findings: findings.iter().map(entry).collect(),
        };
        serde_json::to_string(&json).expect("plain data serialises")
    } else {
        text(catalog, &findings)
    };
    Report { found, text }
}

fn entry(f: &Finding) -> Entry<'_> {
    Entry {
        code: f.code().name(),
        label: f.code().label(),
        service: f.service(),
        material: f.material(),
        other_material: f.other_material(),
        rule: f.rule(),
        fact: f.fact(),
        value: f.value(),
        message: f.message(),
    }
}

fn text(catalog: &Catalog, findings: &[Finding]) -> String {
    let mut out = format!("目录检查：版本 {}（{}）\n", catalog.version(), catalog.content_hash());
    if findings.is_empty() {
        out.push_str("未发现问题。");
        return out;
    }
    out.push_str(&format!("发现 {} 个问题：\n", findings.len()));
    for f in findings {
        let mut place = vec![f.code().label().to_owned()];
        let parts = [
            ("事项", f.service()),
            ("材料", f.material()),
            ("另见材料", f.other_material()),
            ("资格条件", f.rule()),
            ("事实", f.fact()),
            ("取值", f.value()),
        ];
        place.extend(parts.iter().filter_map(|(k, v)| v.map(|v| format!("{k} {v}"))));
        out.push_str(&format!("\n[{}] {}\n  {}\n", f.code().name(), place.join(" · "), f.message()));
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in findings {
        match counts.iter_mut().find(|(name, _)| *name == f.code().name()) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.code().name(), 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(name, n)| format!("{name} {n}")).collect();
    out.push_str(&format!("\n合计：{}", counts.join("，")));
    out
}
