//! A panic inside an export comes back as BANSHI_RESULT_PANIC, writes no
//! output, and leaves the library usable. Needs `--features test-panic`.
#![cfg(feature = "test-panic")]

use std::ffi::{CStr, c_char};

use banshi::{
    banshi_assess, banshi_catalog, banshi_catalog_embedded, banshi_catalog_free, banshi_result, banshi_string_free,
    banshi_test_panic,
};

#[test]
fn a_panic_is_caught_at_the_boundary() {
    let mut out: *mut c_char = std::ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: valid out-pointers.
    let rc = unsafe { banshi_test_panic(&mut out, &mut len) };
    assert_eq!(rc, banshi_result::Panic);
    assert!(out.is_null(), "no output on failure");

    // The library still works afterwards.
    let mut catalog: *mut banshi_catalog = std::ptr::null_mut();
    // SAFETY: a valid out-pointer.
    assert_eq!(unsafe { banshi_catalog_embedded(&mut catalog) }, banshi_result::Ok);
    let request = br#"{"service":"8.1","facts":{"application_date":"2026-11-27","hukou":"nonlocal"}}"#;
    let mut error: *mut c_char = std::ptr::null_mut();
    // SAFETY: valid pointers and lengths.
    let rc = unsafe { banshi_assess(catalog, request.as_ptr(), request.len(), &mut out, &mut len, &mut error) };
    assert_eq!(rc, banshi_result::Ok);
    // SAFETY: `out` is a NUL-terminated string from the library.
    let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
    assert_eq!(text.len(), len);
    assert!(text.contains("electronic_photo"));
    // SAFETY: each pointer came from the library and is freed once.
    unsafe {
        banshi_string_free(out);
        banshi_catalog_free(catalog);
    }
}
