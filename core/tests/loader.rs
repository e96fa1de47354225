//! Loading catalogues at run time: every problem at once, effective dates.

use banshi::{Catalog, ErrorCode, Facts};

const GOOD: &str = r#"{
  "id": "99.1", "name": "示例事项",
  "valid_from": "2026-01-01", "valid_until": "2026-12-31",
  "legal_basis": [{"id": "law", "title": "示例条例", "number": "示例〔2026〕1号"}],
  "implementing_body": "示例中心", "boundary": "示例中心",
  "steps": [{"actor": "申请人", "action": "提出申请"}],
  "responsibility": "负责办理",
  "supervision": {"office": "纪检办公室", "phone": "12345678"},
  "materials": [
    {"id": "id_card", "name": "身份证", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": ["law"]},
    {"id": "old_form", "name": "旧申请表", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": ["law"],
     "valid_until": "2026-06-30"},
    {"id": "new_form", "name": "新申请表", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": ["law"],
     "valid_from": "2026-07-01"}
  ]
}"#;

#[test]
fn a_good_file_loads_and_rules_follow_the_application_date() {
    let catalog = Catalog::from_files("test-1", crate::with_vocabulary(&[("99.1.json", GOOD)])).unwrap();
    let on = |date: &str| -> Result<Vec<String>, banshi::Error> {
        let a = catalog.assess("99.1", &Facts::new(banshi::Catalog::embedded().vocabulary(), date.parse().unwrap()))?;
        Ok(a.checklist().map(|i| i.id().to_owned()).collect())
    };
    assert_eq!(on("2026-06-30").unwrap(), ["id_card", "old_form"]);
    assert_eq!(on("2026-07-01").unwrap(), ["id_card", "new_form"]);
    assert_eq!(on("2025-12-31").unwrap_err().code(), ErrorCode::ServiceNotInForce);
    assert_eq!(on("2027-01-01").unwrap_err().code(), ErrorCode::ServiceNotInForce);
}

#[test]
fn a_bundle_loads_like_files() {
    let bundle = crate::bundle_of("test-2", GOOD);
    let catalog = Catalog::from_bundle(&bundle).unwrap();
    assert_eq!(catalog.version(), "test-2");
    assert_eq!(catalog.service("99.1").unwrap().requirements().len(), 3);
}

#[test]
fn every_mistake_is_reported_at_once() {
    let bad = r#"{
      "id": "99.2", "name": "",
      "valid_from": "2026-02-30",
      "legal_basis": [{"id": "law", "title": "示例条例"}, {"id": "law", "title": "重复"}],
      "implementing_body": "示例中心", "boundary": "示例中心",
      "steps": [],
      "responsibility": "负责办理",
      "supervision": {"office": "纪检办公室", "phone": "12345678"},
      "eligibility": [{"id": "r", "text": "规则", "requires": "employment_status == jobless", "basis": ["law"]}],
      "materials": [
        {"id": "a", "name": "甲", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": ["law"], "when": "marital_staus == married"},
        {"id": "a", "name": "乙", "document": "resident_id_card", "owner": "landlord", "form": "photocopy", "basis": []},
        {"id": "c", "name": "丙", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": ["lwa"], "when": "proxy &&"},
        {"id": "d", "name": "丁", "document": "resident_id_card", "owner": "applicant", "form": "copy", "copies": 0, "basis": ["law"], "case": "x"},
        {"id": "e", "name": "戊", "one_of": [{"id": "e1", "name": "一", "document": "resident_id_card", "owner": "applicant", "form": "original"}], "basis": ["law"]}
      ]
    }"#;
    let syntax = r#"{"id": "99.3", "name": "缺逗号" "legal_basis": []}"#;
    let unknown_field = GOOD.replace(r#""boundary""#, r#""boundry""#).replace("99.1", "99.4");
    let err = Catalog::from_files(
        "test",
        crate::with_vocabulary(&[
            ("bad.json", bad),
            ("syntax.json", syntax),
            ("typo.json", &unknown_field),
            ("good.json", GOOD),
            ("again.json", GOOD),
        ]),
    )
    .unwrap_err();
    let found: Vec<String> =
        err.problems().iter().map(|p| format!("{} {} {}", p.file(), p.path(), p.message())).collect();
    let expect = [
        ("bad.json", "name", "不能为空"),
        ("bad.json", "valid_from", "日期不存在"),
        ("bad.json", "legal_basis[1].id", "重复"),
        ("bad.json", "steps", "缺少运行流程"),
        ("bad.json", "eligibility[0].source", "资格条件既未引用所据原文（source），也没有口径说明（decision）"),
        ("bad.json", "eligibility[0].requires", "“jobless”不是“employment_status”的取值"),
        ("bad.json", "materials[0].when", "未知的事实名“marital_staus”，是否应为“marital_status”"),
        ("bad.json", "materials[1].id", "编号“a”重复"),
        ("bad.json", "materials[1].owner", "未知的材料归属“landlord”"),
        ("bad.json", "materials[1].form", "未知的材料形式“photocopy”"),
        ("bad.json", "materials[1].basis", "缺少法定依据"),
        ("bad.json", "materials[2].basis[0]", "未定义的法定依据“lwa”，是否应为“law”"),
        ("bad.json", "materials[2].when", "条件“proxy &&”有误"),
        ("bad.json", "materials[3].copies", "复印件份数应至少为 1"),
        ("bad.json", "materials[3].case", "本事项没有定义情形"),
        ("bad.json", "materials[4].one_of", "至少应有两个选项"),
        ("syntax.json", "", "JSON 格式错误：第 1 行第 30 列：此处应为“,”或“}”"),
        ("typo.json", "boundry", "未知字段“boundry”，是否应为“boundary”？"),
        ("typo.json", "boundary", "缺少此字段"),
        ("again.json", "id", "与 good.json 重复"),
    ];
    for (file, path, message) in expect {
        assert!(
            found.iter().any(|f| f.starts_with(&format!("{file} {path} ")) && f.contains(message)),
            "missing problem {file} {path} {message}\nfound:\n{}",
            found.join("\n")
        );
    }
    assert_eq!(found.len(), expect.len(), "unexpected problems:\n{}", found.join("\n"));
    assert!(err.problems().iter().filter(|p| p.file() == "bad.json").all(|p| p.service() == Some("99.2")));
    assert_eq!(banshi::Error::from(err).code(), ErrorCode::InvalidCatalog);
}

#[test]
fn the_embedded_catalogue_round_trips_through_a_bundle() {
    // Offices ship updates as a bundle of the same files.
    let bundle = crate::source_bundle("copy");
    let copy = Catalog::from_bundle(&bundle).unwrap();
    for (a, b) in copy.services().iter().zip(Catalog::embedded().services()) {
        assert_eq!(
            banshi::json::service(&copy, a.id()).unwrap().replace(r#""catalog_version":"copy""#, ""),
            banshi::json::service(Catalog::embedded(), b.id())
                .unwrap()
                .replace(&format!(r#""catalog_version":"{}""#, Catalog::embedded().version()), "")
        );
    }
}
