//! The committed header equals what the pinned cbindgen generates, and its
//! version macros equal Cargo.toml. `BANSHI_BLESS=1 cargo test -p banshi-ffi
//! --test header` regenerates it.

use std::path::Path;

const HEADER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../bindings/c/banshi.h");

fn generate() -> String {
    let crate_dir = env!("CARGO_MANIFEST_DIR");
    let mut config = cbindgen::Config::from_file(Path::new(crate_dir).join("cbindgen.toml")).unwrap();
    config.after_includes = Some(format!(
        "\n#define BANSHI_VERSION \"{}\"\n#define BANSHI_VERSION_MAJOR {}\n#define BANSHI_VERSION_MINOR {}\n#define BANSHI_VERSION_PATCH {}",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
    ));
    let mut out = Vec::new();
    cbindgen::Builder::new().with_crate(crate_dir).with_config(config).generate().unwrap().write(&mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn header_is_up_to_date() {
    let fresh = generate();
    if std::env::var_os("BANSHI_BLESS").is_some() {
        std::fs::write(HEADER, &fresh).unwrap();
        return;
    }
    let committed =
        std::fs::read_to_string(HEADER).expect("bindings/c/banshi.h exists; generate it with BANSHI_BLESS=1");
    assert!(
        committed == fresh,
        "bindings/c/banshi.h is stale: run `BANSHI_BLESS=1 cargo test -p banshi-ffi --test header` and commit it"
    );
}

#[test]
fn version_macros_match_cargo() {
    let header = std::fs::read_to_string(HEADER).unwrap();
    assert!(header.contains(&format!("#define BANSHI_VERSION \"{}\"", env!("CARGO_PKG_VERSION"))));
    assert!(header.contains(&format!("#define BANSHI_VERSION_MAJOR {}", env!("CARGO_PKG_VERSION_MAJOR"))));
    let version = unsafe_free_version();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
}

fn unsafe_free_version() -> String {
    // banshi_version() returns a static NUL-terminated string.
    let ptr = banshi::banshi_version();
    // SAFETY: the pointer is to a static, NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(ptr) }.to_str().unwrap().to_owned()
}
