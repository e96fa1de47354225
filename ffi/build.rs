//! Gives libbanshi.so a SONAME that carries the major version, so that a
//! future incompatible release can be installed beside this one. It only
//! passes a linker argument; it writes no files.

fn main() {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("cargo sets it");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libbanshi.so.{major}");
    }
}
