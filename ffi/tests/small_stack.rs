//! Hostile input through the C ABI on a thread with a 256 KiB stack, as a
//! JVM thread calling through JNA has: a catalogue with 10,000 `!` (which
//! crashed the process) or 2,000 `(` is refused with INVALID_CATALOG, and
//! an 8 MiB service id (which `banshi_service` took whole) with
//! INPUT_TOO_LARGE.

use std::ffi::{CStr, c_char};

use banshi::{
    banshi_catalog, banshi_catalog_embedded, banshi_catalog_free, banshi_catalog_load, banshi_result, banshi_service,
    banshi_string_free,
};

/// The embedded catalogue's vocabulary, which the condition's `proxy` is from.
const FACTS: &str = include_str!("../../core/catalog/facts.json");

fn bundle(condition: &str) -> String {
    let facts = FACTS.trim();
    let vocabulary = &facts[1..facts.len() - 1];
    format!(
        r#"{{"version":"1",{vocabulary},"documents":[{{"id":"doc","name":"证件"}}],"services":[{{"id":"1.1","name":"示例","legal_basis":[{{"id":"law","title":"条例"}}],
"implementing_body":"中心","boundary":"中心","steps":[{{"action":"申请"}}],"responsibility":"负责",
"supervision":{{"office":"纪检","phone":"1"}},"eligibility":[{{"id":"r","text":"规则","requires":"{condition}","basis":["law"],"source":"规则原文"}}],
"materials":[{{"id":"m","name":"材料","document":"doc","owner":"applicant","form":"original","basis":["law"]}}]}}]}}"#
    )
}

/// Loads a bundle through the C ABI: the result and the error JSON.
fn load(text: &str) -> (banshi_result, String) {
    let mut catalog: *mut banshi_catalog = std::ptr::null_mut();
    let mut error: *mut c_char = std::ptr::null_mut();
    // SAFETY: valid pointers and lengths.
    let rc = unsafe { banshi_catalog_load(text.as_ptr(), text.len(), &mut catalog, &mut error) };
    let message = if error.is_null() {
        String::new()
    } else {
        // SAFETY: a NUL-terminated string from the library, read, then freed once.
        unsafe {
            let m = CStr::from_ptr(error).to_str().unwrap().to_owned();
            banshi_string_free(error);
            m
        }
    };
    // SAFETY: NULL or a handle from the library, freed once.
    unsafe { banshi_catalog_free(catalog) };
    (rc, message)
}

#[test]
fn hostile_catalogues_and_ids_are_refused_on_a_small_stack() {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            for condition in
                [format!("{}proxy", "!".repeat(10_000)), format!("{}proxy{}", "(".repeat(2_000), ")".repeat(2_000))]
            {
                let (rc, error) = load(&bundle(&condition));
                assert_eq!(rc, banshi_result::InvalidCatalog, "{error}");
                assert!(error.contains("eligibility[0].requires"), "{error}");
            }
            let (rc, _) = load(&bundle(&format!("{}proxy", "!".repeat(32))));
            assert_eq!(rc, banshi_result::Ok);

            let mut catalog: *mut banshi_catalog = std::ptr::null_mut();
            // SAFETY: a valid out-pointer.
            assert_eq!(unsafe { banshi_catalog_embedded(&mut catalog) }, banshi_result::Ok);
            let id = "1".repeat(8 << 20);
            let (mut out, mut len, mut error): (*mut c_char, usize, *mut c_char) =
                (std::ptr::null_mut(), 0, std::ptr::null_mut());
            // SAFETY: valid pointers and lengths.
            let rc = unsafe { banshi_service(catalog, id.as_ptr(), id.len(), &mut out, &mut len, &mut error) };
            assert_eq!(rc, banshi_result::InputTooLarge);
            assert!(out.is_null());
            // SAFETY: each pointer came from the library and is freed once.
            unsafe {
                banshi_string_free(error);
                banshi_catalog_free(catalog);
            }
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
}
