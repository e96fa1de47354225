//! The catalogue's content hash: SHA-256 of a canonical form of its
//! vocabulary, document registry and services, so that an answer can say
//! exactly which rules (and which phrases) gave it.
//!
//! The canonical form of a service is its JSON with object keys sorted (by
//! bytes), no whitespace, strings escaped only where JSON requires (`"`,
//! `\`, and control characters as `\u00xx`), integers in decimal, and the
//! seed quotes (`source`, `when_source`) left out: they document where a rule
//! comes from but never change an answer, and the embedded build strips them.
//! The vocabulary's `facts`, `derived` and `owners` lists and the registry's
//! `documents` come first, then the services as one array ordered by number (`2.1` before
//! `10.1`). Reformatting a file, reordering its keys or editing a quote
//! therefore keeps the hash; changing a rule changes it, whatever the version
//! string says. `build.rs` computes the embedded catalogue's hash the same
//! way, at build time; a test checks that both agree.

use std::fmt::Write as _;

use crate::support::sha256::{Sha256, hex};
use crate::support::wire::Value;
use crate::support::writer::needs_escape;

/// Keys left out of the canonical form.
pub(crate) const IGNORED_KEYS: [&str; 2] = ["source", "when_source"];

/// Appends the canonical form of `value`.
pub(crate) fn canonical(value: &Value<'_>, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        // Never in a loaded catalogue: the loader accepts only integers.
        Value::Float => out.push_str("null"),
        Value::Str(s) => string(s, out),
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
        Value::Object(members) => {
            let mut sorted: Vec<_> = members.iter().filter(|(k, _)| !IGNORED_KEYS.contains(&k.as_ref())).collect();
            sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, value)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                canonical(value, out);
            }
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Skip eight bytes at a time while none needs escaping.
        if let Some(chunk) = bytes.get(i..i + 8) {
            if !needs_escape(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b == b'"' || b == b'\\' || b < 0x20 {
            // Escaped bytes are ASCII, so `start..i` is on char boundaries.
            out.push_str(&s[start..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                _ => {
                    out.push_str("\\u00");
                    out.push(char::from(HEX[usize::from(b >> 4)]));
                    out.push(char::from(HEX[usize::from(b & 0xf)]));
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Orders "2.1" before "10.1", as the catalogue does.
fn sort_key(id: &str) -> (u32, u32, String) {
    let mut parts = id.split('.').map(|p| p.parse().unwrap_or(u32::MAX));
    (parts.next().unwrap_or(u32::MAX), parts.next().unwrap_or(u32::MAX), id.to_owned())
}

/// `sha256:<hex>` of a catalogue: its vocabulary's `facts`, `derived` and
/// `owners` lists and its registry's `documents` list, each already in
/// canonical form (`None` when absent, hashed as `[]`), then the services,
/// each a parsed service file. The hashed text is the JSON array
/// `[facts, derived, owners, documents, bundles?, service, …]`, with
/// `bundles` (the declared bundles of services) only when the catalogue has
/// a `bundles` list.
pub(crate) fn hash<'v, 'a: 'v>(
    facts: Option<&str>,
    derived: Option<&str>,
    owners: Option<&str>,
    documents: Option<&str>,
    bundles: Option<&str>,
    services: impl IntoIterator<Item = &'v Value<'a>>,
) -> String {
    let mut forms: Vec<((u32, u32, String), String)> = services
        .into_iter()
        .map(|service| {
            let id = service.str_member("id").unwrap_or_default();
            let mut text = String::new();
            canonical(service, &mut text);
            (sort_key(id), text)
        })
        .collect();
    // Unstable: elements that compare equal are equal, so the order is the
    // same, and the WASM needs no stable sort for this type.
    forms.sort_unstable();
    let mut h = Sha256::new();
    h.update(b"[");
    for part in [facts, derived, owners, documents] {
        h.update(part.unwrap_or("[]").as_bytes());
        h.update(b",");
    }
    // Only a catalogue that declares bundles hashes them: every other keeps
    // the hash it had before bundles existed. An array here cannot be taken
    // for a service, which is an object.
    if let Some(bundles) = bundles {
        h.update(bundles.as_bytes());
        h.update(b",");
    }
    for (i, (_, text)) in forms.iter().enumerate() {
        if i > 0 {
            h.update(b",");
        }
        h.update(text.as_bytes());
    }
    h.update(b"]");
    format!("sha256:{}", hex(&h.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str) -> String {
        let mut out = String::new();
        canonical(&crate::support::wire::parse_unlimited(text).unwrap(), &mut out);
        out
    }

    #[test]
    fn formatting_and_quotes_do_not_count() {
        assert_eq!(
            canon("{ \"b\": [1, true, null],\n \"a\": \"x\\u0022\\n\\/é\", \"source\": \"q\" }"),
            r#"{"a":"x\"\u000a/é","b":[1,true,null]}"#
        );
        let a = crate::support::wire::parse_unlimited(r#"{"id":"10.1","x":1}"#).unwrap();
        let b = crate::support::wire::parse_unlimited(r#"{"id":"2.1","x":1}"#).unwrap();
        assert_eq!(
            hash(None, None, None, None, None, [&a, &b]),
            hash(None, None, None, None, None, [&b, &a]),
            "ordered by number, not by input order"
        );
    }
}
