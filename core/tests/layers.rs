//! The layers of `core/src` (ARCHITECTURE.md): each module uses only the
//! layers below it. Read from the source, so that an upward import fails
//! here rather than slowly tangling the crate.

/// The layers, bottom first, by their top-level module.
const LAYERS: &[&str] =
    &["support", "error", "facts", "condition", "model", "load", "eval", "render", "catalog", "audit"];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == module)
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut wrong = Vec::new();
    let mut checked = 0;
    for path in &files {
        let relative = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let module = relative.split(['/', '.']).next().unwrap();
        if module == "lib" {
            continue; // the root only declares and re-exports
        }
        let own = layer(module).unwrap_or_else(|| panic!("{relative}: module `{module}` is in no layer; add it"));
        let text = std::fs::read_to_string(path).unwrap();
        // Tests may use anything; code may not.
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for (i, _) in line.match_indices("crate::") {
                let used: String =
                    line[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                checked += 1;
                match layer(&used) {
                    Some(l) if l <= own => {}
                    Some(_) => {
                        wrong.push(format!("{relative}:{}: `{module}` uses `crate::{used}`, a layer above", n + 1))
                    }
                    None => wrong
                        .push(format!("{relative}:{}: `crate::{used}` names no layer (use its module path)", n + 1)),
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} crate paths read");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
