//! The base layer: small tools every other layer uses, with no knowledge of
//! catalogues or applicants.
//!
//! - [`date`]: calendar dates, the only notion of time (never the clock);
//! - [`id_number`]: 居民身份证号码 checks, and masking them in any text;
//! - [`wire`]: the JSON reader and the walker over its tree;
//! - [`writer`]: the JSON writer every answer goes through;
//! - [`lookup`], [`suggest`]: look-ups by id, and the nearest name for a typo;
//! - [`sha256`]: the hash behind catalogue receipts.

pub(crate) mod date;
pub(crate) mod id_number;
pub(crate) mod lookup;
pub(crate) mod sha256;
pub(crate) mod suggest;
pub(crate) mod wire;
pub(crate) mod writer;

/// The version of this library, from `Cargo.toml`: the `engine_version` of
/// every answer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `join` for a slice of strings, compiled once. The standard library's
/// `join` is generic over the element type, and `[String]` and `[&str]` each
/// brought a copy of its 840 bytes into the WASM module; this trait's
/// generic part is a closure that returns the i-th part.
pub(crate) trait Joined {
    /// The parts with `sep` between them, as `[S]::join` gives them.
    fn joined(&self, sep: &str) -> String;
}

impl<S: AsRef<str>> Joined for [S] {
    fn joined(&self, sep: &str) -> String {
        join_parts(self.len(), &mut |i| self[i].as_ref(), sep)
    }
}

fn join_parts<'a>(count: usize, part: &mut dyn FnMut(usize) -> &'a str, sep: &str) -> String {
    let len = (0..count).map(|i| part(i).len()).sum::<usize>() + sep.len() * count.saturating_sub(1);
    let mut out = String::with_capacity(len);
    for i in 0..count {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Joined as _;

    #[test]
    fn joined_is_join() {
        let owned: Vec<String> = vec!["申请人".into(), String::new(), "a\"b".into()];
        let borrowed = ["x", "", "y", "z"];
        for sep in ["", "、", " 或 "] {
            assert_eq!(owned.joined(sep), owned.join(sep));
            assert_eq!(borrowed.joined(sep), borrowed.join(sep));
            assert_eq!(borrowed[..1].joined(sep), "x");
            assert_eq!(borrowed[..0].joined(sep), "");
        }
    }
}
