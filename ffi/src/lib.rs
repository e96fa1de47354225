//! The C ABI of banshi.
//!
//! Conventions (also in the header and the README):
//!
//! - Every function is prefixed `banshi_`. Fallible functions return a
//!   `banshi_result`: 0 (`BANSHI_RESULT_OK`) on success, a documented,
//!   never-reused code otherwise.
//! - Output parameters are written only on success. A fallible call also
//!   takes an optional `error` out-parameter, written only on failure, with
//!   the error as JSON (`{"error": {"code", "number", "message", …}}`). Pass
//!   NULL if you do not want it. There is no thread-local "last error".
//! - Input strings are `(const uint8_t *ptr, size_t len)`, UTF-8, not
//!   NUL-terminated. `ptr` may be NULL only when `len` is 0.
//! - Output strings are NUL-terminated UTF-8 owned by the library; release
//!   each with `banshi_string_free`. Their length (without the NUL) is
//!   written to the `*_len` out-parameter.
//! - A `banshi_catalog` is immutable and thread-safe: share one handle
//!   between any number of threads. Free it once, with `banshi_catalog_free`,
//!   after every thread is done with it.
//! - No panic crosses the boundary: a bug inside banshi returns
//!   `BANSHI_RESULT_PANIC`.

mod result;

use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use banshi_core::{Catalog, Error, json};

pub use result::banshi_result;

/// A catalogue of services: the embedded one, or one loaded from text.
///
/// Immutable and thread-safe: one handle may be used from many threads at
/// once. Obtain it with `banshi_catalog_embedded` or `banshi_catalog_load`
/// and release it with `banshi_catalog_free`.
#[allow(non_camel_case_types)]
pub struct banshi_catalog {
    catalog: CatalogRef,
}

enum CatalogRef {
    Embedded(&'static Catalog),
    Loaded(Catalog),
}

impl banshi_catalog {
    fn get(&self) -> &Catalog {
        match &self.catalog {
            CatalogRef::Embedded(c) => c,
            CatalogRef::Loaded(c) => c,
        }
    }
}

/// Moves a value to the heap and hands it to C. The one place that decides
/// how handles are owned: every handle is a `Box`.
fn into_handle(catalog: CatalogRef) -> *mut banshi_catalog {
    Box::into_raw(Box::new(banshi_catalog { catalog }))
}

/// Why a call failed before or inside banshi.
enum Failure {
    Code(banshi_result),
    Banshi(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Banshi(e)
    }
}

impl Failure {
    fn code(&self) -> banshi_result {
        match self {
            Failure::Code(code) => *code,
            Failure::Banshi(e) => banshi_result::from(e.code()),
        }
    }

    fn json(&self) -> String {
        match self {
            Failure::Banshi(e) => json::error(e),
            Failure::Code(code) => {
                let (name, number, message) = (code.name(), *code as u32, code.message());
                format!(r#"{{"error":{{"code":"{name}","number":{number},"message":"{message}"}}}}"#)
            }
        }
    }
}

/// Borrows `(ptr, len)` as UTF-8 text.
///
/// # Safety
///
/// `ptr` must be NULL or point to `len` readable bytes that stay valid and
/// unmodified for the returned lifetime.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Failure> {
    if len == 0 {
        return Ok("");
    }
    if ptr.is_null() {
        return Err(Failure::Code(banshi_result::NullPointer));
    }
    // SAFETY: the caller guarantees `len` readable bytes at a non-null `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    std::str::from_utf8(bytes).map_err(|_| Failure::Banshi(Error::InvalidUtf8))
}

/// Borrows a catalogue handle.
///
/// # Safety
///
/// `ptr` must be NULL or a live handle from this library.
unsafe fn borrow_catalog<'a>(ptr: *const banshi_catalog) -> Result<&'a Catalog, Failure> {
    // SAFETY: the caller guarantees `ptr` is NULL or a live handle.
    unsafe { ptr.as_ref() }.map(banshi_catalog::get).ok_or(Failure::Code(banshi_result::NullPointer))
}

/// Hands a string to C as NUL-terminated bytes owned by the library.
///
/// banshi's JSON never holds a NUL byte (control characters are escaped), so
/// a NUL is a bug: it is reported as one, never replaced by a default.
fn c_string(s: String) -> Result<(*mut c_char, usize), Failure> {
    if has_nul(s.as_bytes()) {
        return Err(Failure::Code(banshi_result::Panic));
    }
    let len = s.len();
    // SAFETY: has_nul has just found no NUL byte in `s`.
    let owned = unsafe { CString::from_vec_unchecked(s.into_bytes()) };
    Ok((owned.into_raw(), len))
}

/// Whether `bytes` holds a NUL byte.
///
/// `CString::new` looks with core's memchr, a word at a time, which was a
/// fifth of `banshi_assess`'s instructions on a 7.6 KB answer (callgrind:
/// 8,200 a call); the minimum of each 128-byte block compiles to SIMD
/// instead (1,200).
fn has_nul(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(128);
    let found = blocks.by_ref().any(|block| block.iter().fold(u8::MAX, |min, &b| min.min(b)) == 0);
    found || blocks.remainder().contains(&0)
}

/// The error JSON as a C string, for the optional `error` out-parameter.
fn error_string(failure: &Failure) -> *mut c_char {
    c_string(failure.json()).map_or(std::ptr::null_mut(), |(ptr, _)| ptr)
}

/// Runs one export: panic boundary, out-parameter checks, and writing either
/// the response (on success) or the error JSON (on failure, when wanted).
///
/// # Safety
///
/// `out` and `out_len` must be NULL or valid for writes; `error` likewise.
unsafe fn respond(
    out: *mut *mut c_char,
    out_len: *mut usize,
    error: *mut *mut c_char,
    body: impl FnOnce() -> Result<String, Failure>,
) -> banshi_result {
    let result = if out.is_null() || out_len.is_null() {
        Err(Failure::Code(banshi_result::NullPointer))
    } else {
        catch_unwind(AssertUnwindSafe(body)).unwrap_or(Err(Failure::Code(banshi_result::Panic)))
    };
    match result.and_then(c_string) {
        Ok((ptr, len)) => {
            // SAFETY: both were checked non-null above and the caller
            // guarantees they are valid for writes.
            unsafe {
                *out = ptr;
                *out_len = len;
            }
            banshi_result::Ok
        }
        Err(failure) => {
            if !error.is_null() {
                // SAFETY: non-null, and the caller guarantees it is valid for writes.
                unsafe { *error = error_string(&failure) };
            }
            failure.code()
        }
    }
}

/// The library version, such as "0.1.0": a static NUL-terminated string
/// that must not be freed. It equals `BANSHI_VERSION` in the header of the
/// same release.
#[unsafe(no_mangle)]
pub extern "C" fn banshi_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The name of a result code, such as "UNKNOWN_FACT" ("OK" for 0): a static
/// NUL-terminated string that must not be freed. Unknown numbers give
/// "UNKNOWN".
#[unsafe(no_mangle)]
pub extern "C" fn banshi_result_name(code: u32) -> *const c_char {
    banshi_result::from_number(code).map_or(c"UNKNOWN".as_ptr(), banshi_result::name_c)
}

/// A short English description of a result code: a static NUL-terminated
/// string that must not be freed. The Chinese message for a particular
/// failure is in the error JSON.
#[unsafe(no_mangle)]
pub extern "C" fn banshi_result_message(code: u32) -> *const c_char {
    banshi_result::from_number(code).map_or(c"unknown result code".as_ptr(), banshi_result::message_c)
}

/// Gets a handle to the embedded catalogue (the 18 services of the seed).
///
/// Writes `*catalog` on success. Release it with `banshi_catalog_free`.
///
/// The embedded catalogue itself is parsed on the first call and then kept
/// for the life of the process, by design: every handle from this function
/// shares that one copy, and `banshi_catalog_free` releases the handle, not
/// the catalogue. Later calls reuse it, so memory does not grow with the
/// number of handles. Leak checkers therefore report it as "still reachable"
/// at exit, never as lost: about 240 KB for the 18 services of 0.1.0 (it
/// grows with the catalogue), whether one handle or many were taken and freed.
///
/// Errors: `BANSHI_RESULT_NULL_POINTER` if `catalog` is NULL.
///
/// # Safety
///
/// `catalog` must be NULL or valid for one pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_catalog_embedded(catalog: *mut *mut banshi_catalog) -> banshi_result {
    if catalog.is_null() {
        return banshi_result::NullPointer;
    }
    match catch_unwind(Catalog::embedded) {
        Ok(embedded) => {
            // SAFETY: checked non-null; the caller guarantees it is writable.
            unsafe { *catalog = into_handle(CatalogRef::Embedded(embedded)) };
            banshi_result::Ok
        }
        Err(_) => banshi_result::Panic,
    }
}

/// Loads a catalogue from a bundle: `{"version": "…", "services": [ … ]}`,
/// each service in the catalogue file format.
///
/// Writes `*catalog` on success. On failure, if `error` is not NULL, writes
/// the error JSON there; for `BANSHI_RESULT_INVALID_CATALOG` it lists every
/// problem found. Free both with the matching functions.
///
/// # Safety
///
/// `bundle` must be NULL or readable for `bundle_len` bytes; `catalog` and
/// `error` must be NULL or valid for one pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_catalog_load(
    bundle: *const u8,
    bundle_len: usize,
    catalog: *mut *mut banshi_catalog,
    error: *mut *mut c_char,
) -> banshi_result {
    if catalog.is_null() {
        return banshi_result::NullPointer;
    }
    let result = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller guarantees `bundle_len` readable bytes at `bundle`.
        let text = unsafe { text(bundle, bundle_len) }?;
        Catalog::from_bundle(text).map_err(|e| Failure::Banshi(e.into()))
    }))
    .unwrap_or(Err(Failure::Code(banshi_result::Panic)));
    match result {
        Ok(loaded) => {
            // SAFETY: checked non-null; the caller guarantees it is writable.
            unsafe { *catalog = into_handle(CatalogRef::Loaded(loaded)) };
            banshi_result::Ok
        }
        Err(failure) => {
            if !error.is_null() {
                // SAFETY: non-null, and the caller guarantees it is writable.
                unsafe { *error = error_string(&failure) };
            }
            failure.code()
        }
    }
}

/// Releases a catalogue handle. NULL is ignored. The handle must not be used
/// afterwards, by any thread.
///
/// A catalogue from `banshi_catalog_load` is freed completely. For a handle
/// from `banshi_catalog_embedded`, only the handle is freed: the embedded
/// catalogue stays reachable until the process exits (valgrind's "still
/// reachable", about 240 KB), by design, and the next
/// `banshi_catalog_embedded` reuses it.
///
/// # Safety
///
/// `catalog` must be NULL or a handle from this library that has not been
/// freed, and no thread may use it afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_catalog_free(catalog: *mut banshi_catalog) {
    if !catalog.is_null() {
        // SAFETY: the caller passes a handle from `into_handle` (a Box) that
        // it has not freed before and no longer uses.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(catalog) })));
    }
}

/// Releases a string returned by this library. NULL is ignored.
///
/// # Safety
///
/// `string` must be NULL or a string returned by this library that has not
/// been freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_string_free(string: *mut c_char) {
    if !string.is_null() {
        // SAFETY: the caller passes a string from `c_string` (a CString) that
        // it has not freed before.
        drop(unsafe { CString::from_raw(string) });
    }
}

/// Lists the services: `{"catalog_version", "services": [{"id", "name", "facts"}]}`.
///
/// Writes `*response` and `*response_len` on success.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle, input
/// pointers readable for their lengths, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_services(
    catalog: *const banshi_catalog,
    response: *mut *mut c_char,
    response_len: *mut usize,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe { respond(response, response_len, std::ptr::null_mut(), || Ok(json::services(borrow_catalog(catalog)?))) }
}

/// The guide to one service, by number (such as "10.1"), as JSON.
///
/// Writes `*response` and `*response_len` on success; on failure writes the
/// error JSON to `*error` if `error` is not NULL.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle, input
/// pointers readable for their lengths, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_service(
    catalog: *const banshi_catalog,
    id: *const u8,
    id_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe {
        respond(response, response_len, error, || Ok(json::service(borrow_catalog(catalog)?, text(id, id_len)?)?))
    }
}

/// Assesses one applicant: request `{"service", "facts", "on_file"?}`, or
/// `{"bundle", "facts", "on_file"?}` for several services at once (a
/// declared bundle's id, or an array of service numbers: 一件事一次办);
/// response the assessment JSON, or the bundle's (see SCHEMA.md).
///
/// Writes `*response` and `*response_len` on success; on failure writes the
/// error JSON to `*error` if `error` is not NULL.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle, input
/// pointers readable for their lengths, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_assess(
    catalog: *const banshi_catalog,
    request: *const u8,
    request_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe {
        respond(response, response_len, error, || {
            Ok(json::assess(borrow_catalog(catalog)?, text(request, request_len)?)?)
        })
    }
}

/// As banshi_assess, but the response is the compact assessment: only what
/// varies between applicants (the requirement and rule outcomes, reasons and
/// missing facts), as a JSON array that the Java binding expands with the
/// service's guide (banshi_service), read once. The format is an internal
/// contract between the library and its bindings, documented in
/// core/src/render/compact.rs, not part of SCHEMA.md; errors are exactly
/// banshi_assess's. A request for a bundle, or with documents `on_file`, is
/// answered in full, exactly as banshi_assess answers it (a JSON object,
/// not an array).
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle, input
/// pointers readable for their lengths, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_assess_compact(
    catalog: *const banshi_catalog,
    request: *const u8,
    request_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe {
        respond(response, response_len, error, || {
            Ok(json::assess_compact(borrow_catalog(catalog)?, text(request, request_len)?)?)
        })
    }
}

/// The one-time notice: request `{"service" or "bundle", "facts",
/// "submitted", "on_file"?}` (a submission may be `"pledged": true`),
/// response the notice JSON (see SCHEMA.md).
///
/// Writes `*response` and `*response_len` on success; on failure writes the
/// error JSON to `*error` if `error` is not NULL.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle, input
/// pointers readable for their lengths, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_check(
    catalog: *const banshi_catalog,
    request: *const u8,
    request_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe {
        respond(response, response_len, error, || {
            Ok(json::check(borrow_catalog(catalog)?, text(request, request_len)?)?)
        })
    }
}

/// Validates an ID number: request `{"id_number": "…"}`. An invalid number
/// is a normal response (`"valid": false`); the number is never echoed
/// unmasked. Takes no catalogue.
///
/// Writes `*response` and `*response_len` on success; on failure writes the
/// error JSON to `*error` if `error` is not NULL.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `request` readable for
/// `request_len` bytes, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_validate_id_number(
    request: *const u8,
    request_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe { respond(response, response_len, error, || Ok(json::validate_id_number(text(request, request_len)?)?)) }
}

/// Validates a date: request `{"date": "YYYY-MM-DD"}`. Takes no catalogue.
///
/// Writes `*response` and `*response_len` on success; on failure writes the
/// error JSON to `*error` if `error` is not NULL.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `request` readable for
/// `request_len` bytes, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_validate_date(
    request: *const u8,
    request_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe { respond(response, response_len, error, || Ok(json::validate_date(text(request, request_len)?)?)) }
}

/// Validates a chosen file against its material's spec, before upload:
/// request `{"service", "material", "file": {"name", "type", "size"}}`.
///
/// Writes `*response` and `*response_len` on success; on failure writes the
/// error JSON to `*error` if `error` is not NULL.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle, input
/// pointers readable for their lengths, out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_validate_file(
    catalog: *const banshi_catalog,
    request: *const u8,
    request_len: usize,
    response: *mut *mut c_char,
    response_len: *mut usize,
    error: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe {
        respond(response, response_len, error, || {
            Ok(json::validate_file(borrow_catalog(catalog)?, text(request, request_len)?)?)
        })
    }
}

/// The catalogue's vocabulary, as JSON: its facts (kinds, choices, limits),
/// derived values, document registry, and the owners and forms of
/// materials, each with its Chinese label.
///
/// Writes `*response` and `*response_len` on success.
///
/// # Safety
///
/// Each pointer must be NULL or valid: `catalog` a live handle,
/// out-parameters valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_vocabulary(
    catalog: *const banshi_catalog,
    response: *mut *mut c_char,
    response_len: *mut usize,
) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe { respond(response, response_len, std::ptr::null_mut(), || Ok(json::vocabulary(borrow_catalog(catalog)?))) }
}

/// Panics inside the boundary, to test that the panic guard holds. Only in
/// builds with the `test-panic` feature.
///
/// # Safety
///
/// The out-parameters must be NULL or valid for one write.
#[cfg(feature = "test-panic")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn banshi_test_panic(response: *mut *mut c_char, response_len: *mut usize) -> banshi_result {
    // SAFETY: the caller guarantees the pointers are NULL or valid.
    unsafe { respond(response, response_len, std::ptr::null_mut(), || panic!("banshi_test_panic")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_nul_finds_a_nul_anywhere_in_any_length() {
        for len in 0..200 {
            let clean = vec![b'a'; len];
            assert!(!has_nul(&clean), "{len}");
            for at in 0..len {
                let mut bytes = clean.clone();
                bytes[at] = 0;
                assert!(has_nul(&bytes), "{len} {at}");
            }
        }
        // High bytes (UTF-8 of Chinese text) are not NUL.
        assert!(!has_nul("申请人已婚".repeat(20).as_bytes()));
    }

    #[test]
    fn a_response_with_a_nul_is_reported_as_a_bug() {
        assert!(matches!(c_string("a\0b".to_owned()), Err(Failure::Code(banshi_result::Panic))));
        let (ptr, len) = c_string("申请人已婚".to_owned()).map_err(|_| "refused").unwrap();
        // SAFETY: `ptr` was just returned by c_string and is freed once, here.
        let back = unsafe { CString::from_raw(ptr) };
        assert_eq!((back.to_str(), len), (Ok("申请人已婚"), 15));
    }
}
