//! ERRORS.md, the Rust enum, the C header, the Java enum and the codes the
//! bindings report all agree. `BANSHI_BLESS=1` regenerates ERRORS.md.

use banshi::ErrorCode;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn catalogue() -> String {
    let mut out = String::from(
        "# banshi error codes\n\n\
         Every failure carries one of these codes: the `code` and `number` of the error JSON\n\
         (`{\"error\": {\"code\", \"number\", \"message\", …}}`), `BANSHI_RESULT_<CODE>` in the C header,\n\
         `org.banshi.ErrorCode` in Java, and the `code` of a JavaScript `BanshiError`. Numbers are never reused.\n\
         The `message` of an error is specific to it (it names the key, the field or the service); the descriptions\n\
         below describe the code. No message ever holds an ID number unmasked: in every message and detail field,\n\
         any run of 15 or more digits (with a check `X` after it) keeps only its first six and last four characters.\n\n\
         Generated from `banshi::ErrorCode` by `core/tests/error_catalogue.rs`; do not edit.\n\n\
         | number | code | 说明 | description |\n|---:|---|---|---|\n",
    );
    out.push_str("| 0 | `OK` | 成功（仅 C 接口） | success (C ABI only) |\n");
    for code in ErrorCode::ALL {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            code.number(),
            code.name(),
            code.description_zh(),
            code.description()
        ));
    }
    out
}

#[test]
fn errors_md_is_generated_from_the_enum() {
    let fresh = catalogue();
    if std::env::var_os("BANSHI_BLESS").is_some() {
        std::fs::write(format!("{ROOT}/ERRORS.md"), &fresh).unwrap();
        return;
    }
    assert!(
        read("ERRORS.md") == fresh,
        "ERRORS.md is stale: run BANSHI_BLESS=1 cargo test -p banshi --test integration error_catalogue"
    );
}

#[test]
fn the_c_header_has_exactly_these_codes() {
    let header = read("bindings/c/banshi.h");
    let mut found = Vec::new();
    for line in header.lines() {
        if let Some(rest) = line.trim().strip_prefix("BANSHI_RESULT_") {
            let (name, number) = rest.trim_end_matches(',').split_once(" = ").expect("NAME = number");
            found.push((number.parse::<u32>().unwrap(), name.to_owned()));
        }
    }
    let mut expected = vec![(0, "OK".to_owned())];
    expected.extend(ErrorCode::ALL.iter().map(|c| (c.number(), c.name().to_owned())));
    assert_eq!(found, expected);
}

#[test]
fn the_java_enum_has_exactly_these_codes() {
    let java = read("bindings/java/src/main/java/org/banshi/ErrorCode.java");
    let found: Vec<(u32, String)> = java
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let (name, rest) = l.split_once('(')?;
            let number = rest.split_once(')')?.0.parse().ok()?;
            name.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
                .then(|| (number, name.to_owned()))
        })
        .collect();
    let expected: Vec<(u32, String)> = ErrorCode::ALL.iter().map(|c| (c.number(), c.name().to_owned())).collect();
    assert_eq!(found, expected);
}

#[test]
fn every_code_in_the_error_outputs_is_known() {
    // The JS and Java runners compare against these same files, so the codes
    // they report are these.
    let cases = format!("{ROOT}/tests/cases");
    for dir in std::fs::read_dir(cases).unwrap() {
        for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "out") {
                let text = std::fs::read_to_string(&path).unwrap();
                if let Some(rest) = text.strip_prefix(r#"{"error":{"code":""#) {
                    let name = rest.split('"').next().unwrap();
                    let number: u32 =
                        rest.split(r#""number":"#).nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
                    let code =
                        ErrorCode::from_number(number).unwrap_or_else(|| panic!("{}: unknown number", path.display()));
                    assert_eq!(code.name(), name, "{}", path.display());
                }
            }
        }
    }
}
