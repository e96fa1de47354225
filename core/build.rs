//! Prepares the embedded catalogue in OUT_DIR (never in the source tree):
//! `catalog/facts.json`, `catalog/documents.json` and every file of
//! `catalog/services`, minified and without its `source` and
//! `when_source` quotes, which only the seed-fidelity test and the
//! provenance check of `Catalog::from_files` read (both read the files
//! themselves). That keeps about 30 KB of provenance text out of every
//! binary and the npm package. The loader is unchanged: `source` is optional.

use std::fmt::Write;
use std::path::Path;

// The same SHA-256 as the library's, for the embedded catalogue's content hash.
#[allow(dead_code)]
#[path = "src/support/sha256.rs"]
mod sha256;

/// The canonical form of `src/load/receipt.rs`: keys sorted by bytes, no
/// whitespace, only `"`, `\\` and control characters escaped. `source` and
/// `when_source` are already stripped.
fn canonical(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match n.as_i64() {
            Some(i) => out.push_str(&i.to_string()),
            None => out.push_str("null"),
        },
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn sort_key(id: &str) -> (u32, u32, String) {
    let mut parts = id.split('.').map(|p| p.parse().unwrap_or(u32::MAX));
    (parts.next().unwrap_or(u32::MAX), parts.next().unwrap_or(u32::MAX), id.to_owned())
}

fn strip(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("source");
            map.remove("when_source");
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

fn main() {
    let dir = Path::new("catalog/services");
    println!("cargo:rerun-if-changed=catalog");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("catalog/services exists")
        .map(|e| e.expect("readable").file_name().into_string().expect("UTF-8 file name"))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut forms = Vec::new();
    let mut list = String::from("/// `(file name, JSON text)` for each catalogue file, minified, without `source`.\n");
    list.push_str("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("readable");
        // A file that is not JSON is embedded as it is, so that loading
        // reports it with its line and column.
        let embedded = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut value) => {
                strip(&mut value);
                let mut form = String::new();
                canonical(&value, &mut form);
                forms.push((sort_key(value["id"].as_str().unwrap_or_default()), form));
                serde_json::to_string(&value).expect("serialisable")
            }
            Err(_) => text,
        };
        std::fs::write(Path::new(&out).join(name), embedded).expect("OUT_DIR is writable");
        writeln!(list, "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),").expect("in memory");
    }
    // The vocabulary, the document registry and the declared bundles (the
    // last optional), minified, after the services.
    let mut parts = [String::from("[]"), String::from("[]"), String::from("[]"), String::from("[]")];
    let mut bundles = None;
    for (name, keys) in [
        ("facts.json", &["facts", "derived", "owners"][..]),
        ("documents.json", &["documents"][..]),
        ("bundles.json", &["bundles"][..]),
    ] {
        let path = Path::new("catalog").join(name);
        if name == "bundles.json" && !path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("readable");
        let embedded = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut value) => {
                strip(&mut value);
                for key in keys {
                    if let Some(member) = value.get(key) {
                        let mut form = String::new();
                        canonical(member, &mut form);
                        match *key {
                            "facts" => parts[0] = form,
                            "derived" => parts[1] = form,
                            "owners" => parts[2] = form,
                            "documents" => parts[3] = form,
                            // An empty list declares no bundle, and hashes as none.
                            _ => bundles = Some(form).filter(|f| f != "[]"),
                        }
                    }
                }
                serde_json::to_string(&value).expect("serialisable")
            }
            Err(_) => text,
        };
        std::fs::write(Path::new(&out).join(name), embedded).expect("OUT_DIR is writable");
        writeln!(list, "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),").expect("in memory");
    }
    list.push_str("];\n");
    forms.sort();
    let mut hash = sha256::Sha256::new();
    hash.update(b"[");
    for part in parts.iter().chain(&bundles) {
        hash.update(part.as_bytes());
        hash.update(b",");
    }
    for (i, (_, form)) in forms.iter().enumerate() {
        if i > 0 {
            hash.update(b",");
        }
        hash.update(form.as_bytes());
    }
    hash.update(b"]");
    writeln!(list, "/// SHA-256 of the canonical form of the catalogue (`receipt.rs`), computed at build time.")
        .expect("in memory");
    writeln!(list, "pub(crate) const HASH: &str = \"sha256:{}\";", sha256::hex(&hash.finish())).expect("in memory");
    std::fs::write(Path::new(&out).join("embedded_files.rs"), list).expect("OUT_DIR is writable");
}
