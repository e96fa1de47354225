//! The embedded catalogue: every file under `core/catalog/services`, prepared
//! by `build.rs` (minified, without `source` quotes) and included at compile
//! time.

/// The catalogue version, from `core/catalog/VERSION`.
pub(crate) const VERSION: &str = include_str!("../../catalog/VERSION");

include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));
