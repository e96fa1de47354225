//! Every C ABI entry point, called through the real `extern "C"` functions
//! with arbitrary bytes: no crash, and the out-parameter contract holds
//! (response on success only, error JSON on failure only).
#![no_main]

use std::ffi::{CStr, c_char};
use std::ptr::null_mut;

use banshi_ffi::*;
use libfuzzer_sys::fuzz_target;

type Export = unsafe extern "C" fn(
    *const banshi_catalog,
    *const u8,
    usize,
    *mut *mut c_char,
    *mut usize,
    *mut *mut c_char,
) -> banshi_result;

unsafe extern "C" fn id_number(
    _: *const banshi_catalog,
    p: *const u8,
    n: usize,
    o: *mut *mut c_char,
    l: *mut usize,
    e: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: forwarded from the caller, which passes valid pointers.
    unsafe { banshi_validate_id_number(p, n, o, l, e) }
}

unsafe extern "C" fn date(
    _: *const banshi_catalog,
    p: *const u8,
    n: usize,
    o: *mut *mut c_char,
    l: *mut usize,
    e: *mut *mut c_char,
) -> banshi_result {
    // SAFETY: forwarded from the caller, which passes valid pointers.
    unsafe { banshi_validate_date(p, n, o, l, e) }
}

const EXPORTS: [Export; 6] = [banshi_assess, banshi_check, banshi_service, banshi_validate_file, id_number, date];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else { return };
    let mut catalog: *mut banshi_catalog = null_mut();
    // SAFETY: a valid out-pointer.
    assert_eq!(unsafe { banshi_catalog_embedded(&mut catalog) }, banshi_result::Ok);
    let (mut out, mut len, mut err): (*mut c_char, usize, *mut c_char) = (null_mut(), 0, null_mut());
    let call = EXPORTS[usize::from(selector) % EXPORTS.len()];
    // SAFETY: `input` is readable for its length and the out-pointers are valid.
    let rc = unsafe { call(catalog, input.as_ptr(), input.len(), &mut out, &mut len, &mut err) };
    if rc == banshi_result::Ok {
        assert!(!out.is_null() && err.is_null());
        // SAFETY: a NUL-terminated string from the library.
        let text = unsafe { CStr::from_ptr(out) }.to_bytes();
        assert_eq!(text.len(), len);
        serde_json::from_slice::<serde_json::Value>(text).expect("valid JSON");
    } else {
        assert!(out.is_null() && !err.is_null(), "{rc:?}");
        // SAFETY: a NUL-terminated string from the library.
        serde_json::from_slice::<serde_json::Value>(unsafe { CStr::from_ptr(err) }.to_bytes()).expect("valid JSON");
    }
    // Loading a catalogue from the same bytes.
    let mut loaded: *mut banshi_catalog = null_mut();
    let mut load_err: *mut c_char = null_mut();
    // SAFETY: as above.
    let load_rc = unsafe { banshi_catalog_load(input.as_ptr(), input.len(), &mut loaded, &mut load_err) };
    assert_eq!(load_rc == banshi_result::Ok, !loaded.is_null());
    // SAFETY: each pointer came from the library (or is NULL) and is freed once.
    unsafe {
        banshi_string_free(out);
        banshi_string_free(err);
        banshi_string_free(load_err);
        banshi_catalog_free(loaded);
        banshi_catalog_free(catalog);
    }
});
