//! Bad input gets a clear, coded error: never a panic, never a default.

use banshi::{Catalog, ErrorCode, json};

fn code(call: fn(&Catalog, &str) -> Result<String, banshi::Error>, request: &str) -> ErrorCode {
    call(Catalog::embedded(), request).expect_err(request).code()
}

const DATE: &str = r#""application_date":"2026-11-27""#;

#[test]
fn malformed_requests() {
    let cases: &[(&str, ErrorCode)] = &[
        ("", ErrorCode::InvalidJson),
        ("{", ErrorCode::InvalidJson),
        (r#"{"service":"10.1","facts":{}} trailing"#, ErrorCode::InvalidJson),
        ("[]", ErrorCode::InvalidValue),
        (r#"{"facts":{"application_date":"2026-11-27"}}"#, ErrorCode::MissingField),
        (r#"{"service":"10.1"}"#, ErrorCode::MissingField),
        (r#"{"service":10.1,"facts":{}}"#, ErrorCode::InvalidValue),
        (r#"{"service":"10.1","facts":[]}"#, ErrorCode::InvalidValue),
        (r#"{"service":"10.1","service":"1.1","facts":{}}"#, ErrorCode::DuplicateKey),
        (r#"{"service":"10.1","facts":{},"extra":1}"#, ErrorCode::UnknownKey),
        (r#"{"service":"10.9","facts":{"application_date":"2026-11-27"}}"#, ErrorCode::UnknownService),
    ];
    for (request, expected) in cases {
        assert_eq!(code(json::assess, request), *expected, "{request}");
    }
}

#[test]
fn oversized_and_deeply_nested_input_is_refused() {
    let huge =
        format!(r#"{{"service":"1.1","facts":{{"application_date":"2026-11-27"}},"pad":"{}"}}"#, "x".repeat(1 << 20));
    assert_eq!(code(json::assess, &huge), ErrorCode::InputTooLarge);
    let deep = format!(r#"{{"service":"1.1","facts":{}{}}}"#, "[".repeat(200), "]".repeat(200));
    assert_eq!(code(json::assess, &deep), ErrorCode::InvalidJson);
}

#[test]
fn malformed_facts() {
    let cases: &[(&str, ErrorCode)] = &[
        ("{}", ErrorCode::MissingApplicationDate),
        (r#"{"application_date":null}"#, ErrorCode::MissingApplicationDate),
        (r#"{"application_date":"2026-02-30"}"#, ErrorCode::InvalidDate),
        (r#"{"application_date":"2026/11/27"}"#, ErrorCode::InvalidDate),
        (r#"{"application_date":20261127}"#, ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"birth_date":"2026-11-28"}}"#), ErrorCode::DateAfterApplication),
        (&format!(r#"{{{DATE},"marital_staus":"married"}}"#), ErrorCode::UnknownFact),
        (&format!(r#"{{{DATE},"marital_status":"maried"}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"marital_status":true}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"proxy":"yes"}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"proxy":1}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"subsidy_years_received":-1}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"subsidy_years_received":1.5}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"subsidy_years_received":101}}"#), ErrorCode::InvalidFactValue),
        (&format!(r#"{{{DATE},"proxy":true,"proxy":false}}"#), ErrorCode::DuplicateKey),
    ];
    for (facts, expected) in cases {
        let request = format!(r#"{{"service":"1.1","facts":{facts}}}"#);
        assert_eq!(code(json::assess, &request), *expected, "{facts}");
        assert_eq!(
            banshi::Facts::from_json(banshi::Catalog::embedded().vocabulary(), facts).unwrap_err().code(),
            *expected,
            "{facts}"
        );
    }
}

#[test]
fn messages_name_the_key_and_suggest_the_nearest() {
    let e = banshi::Facts::from_json(
        banshi::Catalog::embedded().vocabulary(),
        &format!(r#"{{{DATE},"maritalstatus":"married"}}"#),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "未知的申请人信息字段“maritalstatus”，是否应为“marital_status”？");
    let e =
        banshi::Facts::from_json(banshi::Catalog::embedded().vocabulary(), &format!(r#"{{{DATE},"hukou":"nonlocl"}}"#))
            .unwrap_err();
    assert_eq!(e.to_string(), "申请人信息“hukou”的取值“nonlocl”无效，应为 local、nonlocal 之一，是否应为“nonlocal”？");
    let e = Catalog::embedded().service("10.3").unwrap_err();
    assert_eq!(e.to_string(), "没有序号为“10.3”的事项，是否应为“10.1”？");
}

#[test]
fn check_rejects_unknown_and_repeated_materials() {
    let base = format!(r#""service":"4.3","facts":{{{DATE}}}"#);
    let unknown = format!(r#"{{{base},"submitted":[{{"id":"hukou_bok","originals":1}}]}}"#);
    let e = json::check(Catalog::embedded(), &unknown).unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnknownMaterial);
    assert!(e.to_string().contains("hukou_book"), "{e}");
    let twice = format!(r#"{{{base},"submitted":[{{"id":"hukou_book"}},{{"id":"hukou_book"}}]}}"#);
    assert_eq!(code(json::check, &twice), ErrorCode::DuplicateSubmission);
    let bad_count = format!(r#"{{{base},"submitted":[{{"id":"hukou_book","copies":-2}}]}}"#);
    assert_eq!(code(json::check, &bad_count), ErrorCode::InvalidValue);
    let no_id = format!(r#"{{{base},"submitted":[{{"copies":2}}]}}"#);
    assert_eq!(code(json::check, &no_id), ErrorCode::MissingField);
    let typo = format!(r#"{{{base},"submitted":[{{"id":"hukou_book","copy":2}}]}}"#);
    assert_eq!(code(json::check, &typo), ErrorCode::UnknownKey);
}

#[test]
fn error_json_carries_code_number_and_details() {
    let e = json::assess(
        Catalog::embedded(),
        r#"{"service":"1.1","facts":{"application_date":"2026-11-27","hukuo":"local"}}"#,
    )
    .unwrap_err();
    let v: serde_json::Value = serde_json::from_str(&json::error(&e)).unwrap();
    assert_eq!(v["error"]["code"], "UNKNOWN_FACT");
    assert_eq!(v["error"]["number"], 30);
    assert_eq!(v["error"]["key"], "hukuo");
    assert_eq!(v["error"]["suggestion"], "hukou");
}

#[test]
fn id_numbers_are_masked_in_every_message() {
    for bad in ["11010519491231002Y", "110105194912310021", "110105199902300021", "1101051949123100"] {
        let out = json::validate_id_number(&format!(r#"{{"id_number":"{bad}"}}"#)).unwrap();
        assert!(!out.contains(&bad[6..14]), "{out}");
        assert!(out.contains(r#""valid":false"#), "{out}");
    }
    let ok = json::validate_id_number(r#"{"id_number":"11010519491231002X"}"#).unwrap();
    assert_eq!(ok, r#"{"valid":true,"masked":"110105********002X","birth_date":"1949-12-31","sex":"female"}"#);
}

#[test]
fn dates_and_files_validate_for_forms() {
    assert_eq!(json::validate_date(r#"{"date":"2026-02-28"}"#).unwrap(), r#"{"valid":true,"date":"2026-02-28"}"#);
    let bad = json::validate_date(r#"{"date":"2026-02-30"}"#).unwrap();
    assert!(bad.contains("日期不存在") && bad.contains(r#""valid":false"#), "{bad}");

    let catalog = Catalog::embedded();
    let file = |name: &str, ty: &str, size: u64| {
        let req = format!(
            r#"{{"service":"8.1","material":"electronic_photo","file":{{"name":"{name}","type":"{ty}","size":{size}}}}}"#
        );
        serde_json::from_str::<serde_json::Value>(&json::validate_file(catalog, &req).unwrap()).unwrap()
    };
    assert_eq!(file("me.jpg", "image/jpeg", 122_879)["valid"], true);
    assert_eq!(file("me.jpg", "image/jpeg", 122_880)["problems"][0]["code"], "FILE_TOO_LARGE");
    assert_eq!(file("me.png", "image/png", 1000)["problems"][0]["code"], "FILE_FORMAT");
    let not_a_file = r#"{"service":"8.1","material":"applicant_id_card","file":{"name":"a.jpg","size":1}}"#;
    assert_eq!(json::validate_file(catalog, not_a_file).unwrap_err().code(), ErrorCode::InvalidValue);
}
