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
