//! Prepares the embedded catalogue in OUT_DIR (never in the source tree):
//! every file of `catalog/services`, minified and without its `source` and
//! `when_source` quotes, which only the seed-fidelity test and the
//! provenance check of `Catalog::from_files` read (both read the files
//! themselves). That keeps about 30 KB of provenance text out of every
//! binary and the npm package. The loader is unchanged: `source` is optional.

use std::fmt::Write;
use std::path::Path;

fn strip(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("source");
            map.remove("when_source");
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

fn main() {
    let dir = Path::new("catalog/services");
    println!("cargo:rerun-if-changed=catalog");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("catalog/services exists")
        .map(|e| e.expect("readable").file_name().into_string().expect("UTF-8 file name"))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut list = String::from("/// `(file name, JSON text)` for each service file, minified, without `source`.\n");
    list.push_str("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("readable");
        // A file that is not JSON is embedded as it is, so that loading
        // reports it with its line and column.
        let embedded = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut value) => {
                strip(&mut value);
                serde_json::to_string(&value).expect("serialisable")
            }
            Err(_) => text,
        };
        std::fs::write(Path::new(&out).join(name), embedded).expect("OUT_DIR is writable");
        writeln!(list, "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),").expect("in memory");
    }
    list.push_str("];\n");
    std::fs::write(Path::new(&out).join("embedded_files.rs"), list).expect("OUT_DIR is writable");
}
