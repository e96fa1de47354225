//! The wasm-bindgen module behind the npm package: a thin view of
//! `banshi::json`. Every call takes and returns JSON text; a failure throws
//! the error JSON (`{"error": {"code", …}}`) as a string, which the package's
//! JavaScript turns into a `BanshiError` with a `code` property.

use banshi::{Catalog, Error, json};
use wasm_bindgen::prelude::*;

fn reply(result: Result<String, Error>) -> Result<String, JsValue> {
    result.map_err(|e| JsValue::from_str(&json::error(&e)))
}

/// A catalogue: the embedded one, or one loaded from a bundle. Immutable.
#[wasm_bindgen]
pub struct WasmCatalog {
    loaded: Option<Catalog>,
}

impl WasmCatalog {
    fn get(&self) -> &Catalog {
        self.loaded.as_ref().unwrap_or_else(|| Catalog::embedded())
    }
}

#[wasm_bindgen]
impl WasmCatalog {
    /// The embedded catalogue.
    pub fn embedded() -> WasmCatalog {
        WasmCatalog { loaded: None }
    }

    /// Loads a bundle: `{"version", "facts", "derived", "owners", "documents", "services"}`.
    pub fn load(bundle: &str) -> Result<WasmCatalog, JsValue> {
        Catalog::from_bundle(bundle)
            .map(|c| WasmCatalog { loaded: Some(c) })
            .map_err(|e| JsValue::from_str(&json::error(&e.into())))
    }

    /// The catalogue's vocabulary (facts, derived values, documents,
    /// owners, forms), as JSON.
    pub fn vocabulary(&self) -> String {
        json::vocabulary(self.get())
    }

    /// Every service, as JSON.
    pub fn services(&self) -> String {
        json::services(self.get())
    }

    /// One service's guide, as JSON.
    pub fn service(&self, id: &str) -> Result<String, JsValue> {
        reply(json::service(self.get(), id))
    }

    /// Assessment: request `{"service", "facts"}`.
    pub fn assess(&self, request: &str) -> Result<String, JsValue> {
        reply(json::assess(self.get(), request))
    }

    /// Assessment, compact: only what varies between applicants, which the
    /// package expands with the service's guide (`core/src/render/compact.rs`).
    pub fn assess_compact(&self, request: &str) -> Result<String, JsValue> {
        reply(json::assess_compact(self.get(), request))
    }

    /// The one-time notice: request `{"service", "facts", "submitted"}`.
    pub fn check(&self, request: &str) -> Result<String, JsValue> {
        reply(json::check(self.get(), request))
    }

    /// The one-time notice as a printable HTML page: request as `check`,
    /// options `{"number"?, "applicant_name"?, "id_number"?}` (or empty).
    pub fn notice_html(&self, request: &str, options: &str) -> Result<String, JsValue> {
        reply(banshi::html::notice(self.get(), request, options))
    }

    /// One service's guide (办事指南) as a printable HTML page; its errors
    /// are those of `service`.
    pub fn guide_html(&self, id: &str) -> Result<String, JsValue> {
        reply(banshi::html::guide(self.get(), id))
    }

    /// File check before upload: request `{"service", "material", "file"}`.
    pub fn validate_file(&self, request: &str) -> Result<String, JsValue> {
        reply(json::validate_file(self.get(), request))
    }
}

/// Validates an ID number: request `{"id_number"}`.
#[wasm_bindgen]
pub fn validate_id_number(request: &str) -> Result<String, JsValue> {
    reply(json::validate_id_number(request))
}

/// Validates a date: request `{"date"}`.
#[wasm_bindgen]
pub fn validate_date(request: &str) -> Result<String, JsValue> {
    reply(json::validate_date(request))
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    banshi::VERSION.to_owned()
}

// The allocator: talc instead of the Rust standard library's dlmalloc, for
// size: 3.8 KB less code, about 2 KB of the package gzipped (BENCHMARKS.md,
// "Size"), and no slower per call in Node. The module is single-threaded,
// as talc's `WasmDynamicTalc` requires. Native builds (the CLI, the C
// library, this crate's tests) keep the system allocator.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
