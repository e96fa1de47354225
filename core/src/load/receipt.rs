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

use std::borrow::Cow;
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
            // Sorted by key through an index array, on the stack for the
            // objects a catalogue has: one heap array per object was most of
            // hashing's allocations. Stable, so repeated keys keep their order.
            const SMALL: usize = 32;
            let mut small = [0u32; SMALL];
            let mut large = Vec::new();
            let order: &mut [u32] = if members.len() <= SMALL {
                &mut small[..members.len()]
            } else {
                large.resize(members.len(), 0);
                &mut large
            };
            let mut kept = 0;
            for (i, (key, _)) in members.iter().enumerate() {
                if !IGNORED_KEYS.contains(&key.as_ref()) {
                    order[kept] = i as u32;
                    kept += 1;
                }
            }
            let order = &mut order[..kept];
            let key = |i: u32| members[i as usize].0.as_bytes();
            if order.len() <= SMALL {
                // Insertion sort: the fastest for a few keys.
                for i in 1..order.len() {
                    let mut j = i;
                    // The first bytes decide most comparisons, without a call to `memcmp`.
                    while j > 0 && {
                        let (a, b) = (key(order[j - 1]), key(order[j]));
                        a.first() > b.first() || (a.first() == b.first() && a > b)
                    } {
                        order.swap(j - 1, j);
                        j -= 1;
                    }
                }
            } else {
                order.sort_by(|&a, &b| key(a).cmp(key(b)));
            }
            out.push('{');
            for (n, &i) in order.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                let (key, value) = &members[i as usize];
                string(key, out);
                out.push(':');
                canonical(value, out);
            }
            out.push('}');
        }
    }
}

/// Appends `s` as a JSON string. A borrowed string was read without
/// escapes (see `wire::Value`), so it holds nothing to escape: most of a
/// catalogue's strings are copied without a scan. (A `&Cow` on purpose:
/// whether it is borrowed is the point.)
#[allow(clippy::ptr_arg)]
fn string(s: &Cow<'_, str>, out: &mut String) {
    match s {
        Cow::Borrowed(s) => {
            debug_assert!(!s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20));
            out.push('"');
            out.push_str(s);
            out.push('"');
        }
        Cow::Owned(s) => escaped(s, out),
    }
}

/// Appends `s` as a JSON string, escaping only what JSON requires.
fn escaped(s: &str, out: &mut String) {
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

/// A service's place in the hashed array: by number (`2.1` before `10.1`,
/// as the catalogue orders them), then by id.
fn sort_key(id: &str) -> (u32, u32, &str) {
    let mut parts = id.split('.').map(|p| p.parse().unwrap_or(u32::MAX));
    (parts.next().unwrap_or(u32::MAX), parts.next().unwrap_or(u32::MAX), id)
}

/// Text waiting for the hasher: fed to it in large pieces, so that the
/// canonical form is never held whole.
const FLUSH_AT: usize = 8 * 1024;

/// `sha256:<hex>` of a catalogue: its vocabulary's `facts`, `derived` and
/// `owners` lists and its registry's `documents` list (`None` when absent,
/// hashed as `[]`), then the services, each a parsed service file. The
/// hashed text is the JSON array `[facts, derived, owners, documents,
/// bundles?, service, …]` in canonical form, with `bundles` (the declared
/// bundles of services) only when the catalogue has a non-empty `bundles`
/// list.
pub(crate) fn hash<'v, 'a: 'v>(
    facts: Option<&Value<'_>>,
    derived: Option<&Value<'_>>,
    owners: Option<&Value<'_>>,
    documents: Option<&Value<'_>>,
    bundles: Option<&Value<'_>>,
    services: impl IntoIterator<Item = &'v Value<'a>>,
) -> String {
    let mut services: Vec<_> =
        services.into_iter().map(|service| (sort_key(service.str_member("id").unwrap_or_default()), service)).collect();
    // Unstable sorts (the WASM then needs no stable sort for these types):
    // distinct keys leave nothing to keep in order, and services with the
    // same id (a catalogue that fails to load) are ordered by their
    // canonical text, which needs the texts.
    services.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let tied = services.windows(2).any(|pair| pair[0].0 == pair[1].0);
    let mut h = Sha256::new();
    let mut text = String::with_capacity(FLUSH_AT * 2);
    text.push('[');
    for part in [facts, derived, owners, documents] {
        match part {
            Some(value) => canonical(value, &mut text),
            None => text.push_str("[]"),
        }
        text.push(',');
    }
    // Only a catalogue that declares bundles hashes them: every other keeps
    // the hash it had before bundles existed. An array here cannot be taken
    // for a service, which is an object. An empty list declares no bundle.
    if let Some(bundles) = bundles.filter(|b| !matches!(b, Value::Array(items) if items.is_empty())) {
        canonical(bundles, &mut text);
        text.push(',');
    }
    if tied {
        let mut forms: Vec<_> = services
            .iter()
            .map(|(key, service)| {
                let mut form = String::new();
                canonical(service, &mut form);
                (*key, form)
            })
            .collect();
        forms.sort_unstable();
        for (i, (_, form)) in forms.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(form);
        }
    } else {
        for (i, (_, service)) in services.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            canonical(service, &mut text);
            if text.len() >= FLUSH_AT {
                h.update(text.as_bytes());
                text.clear();
            }
        }
    }
    text.push(']');
    h.update(text.as_bytes());
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
        let c = crate::support::wire::parse_unlimited(r#"{"x":2,"id":"2.1"}"#).unwrap();
        assert_eq!(
            hash(None, None, None, None, None, [&a, &b, &c]),
            hash(None, None, None, None, None, [&c, &a, &b]),
            "the same id twice: ordered by canonical form"
        );
        assert_ne!(hash(None, None, None, None, None, [&b]), hash(None, None, None, None, None, [&c]));
        let empty = crate::support::wire::parse_unlimited("[]").unwrap();
        assert_eq!(
            hash(None, None, None, None, Some(&empty), [&a]),
            hash(None, None, None, None, None, [&a]),
            "an empty bundles list hashes as none"
        );
    }
}
