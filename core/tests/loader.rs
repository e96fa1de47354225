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

/// A catalogue's own vocabulary is checked as strictly as its services:
/// every mistake at once, with its path, and hard limits that keep a hostile
/// vocabulary from costing more than a small one.
#[test]
fn the_vocabulary_refuses_what_it_cannot_hold() {
    let load = |facts: &str| -> Vec<String> {
        let files = [("facts.json", facts), ("documents.json", crate::DOCUMENTS_JSON), ("99.1.json", GOOD)];
        match Catalog::from_files("v", files) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems().iter().map(|p| format!("{} {}", p.path(), p.message())).collect(),
        }
    };
    let owners = r#""owners":[{"name":"applicant","label":"申请人"}]"#;
    let problems = load(&format!(
        r#"{{"facts":[
            {{"name":"application_date","label":"申请日期","type":"date"}},
            {{"name":"tier","label":"档次","type":"choice","choices":[{{"name":"a","label":"甲","phrase":"甲档"}},{{"name":"a","label":"乙","phrase":"乙档"}}]}},
            {{"name":"n","label":"人数","type":"count","max":100001,"subject":"人数","unit":"人"}},
            {{"name":"flag","label":"标记","type":"flag"}},
            {{"name":"b","label":"是否","type":"bool","yes":"是"}}
        ],
        "derived":[{{"name":"age","label":"年龄","function":"years_since","of":"wedding_date","subject":"申请人","unit":"周岁"}}],
        {owners}}}"#
    ));
    for expected in [
        "facts[0].name application_date 是引擎内置的申请日期",
        "facts[1].choices[1].name 名称“a”重复",
        "facts[2].max 应为 0 至 100000 的整数",
        "facts[3].type 未知的事实类型“flag”",
        "facts[4].no 缺少此字段",
        "derived[0].of 未声明的事实“wedding_date”",
    ] {
        assert!(problems.iter().any(|p| p.starts_with(expected)), "missing “{expected}” in {problems:#?}");
    }

    let choices: Vec<String> =
        (0..33).map(|i| format!(r#"{{"name":"c{i}","label":"值{i}","phrase":"取值{i}"}}"#)).collect();
    let problems = load(&format!(
        r#"{{"facts":[{{"name":"tier","label":"档次","type":"choice","choices":[{}]}}],{owners}}}"#,
        choices.join(",")
    ));
    assert!(problems.iter().any(|p| p.contains("取值过多：33 个，上限为 32 个")), "{problems:#?}");

    let facts: Vec<String> = (0..256)
        .map(|i| format!(r#"{{"name":"f{i}","label":"事实{i}","type":"bool","yes":"是","no":"否"}}"#))
        .collect();
    let problems = load(&format!(r#"{{"facts":[{}],{owners}}}"#, facts.join(",")));
    assert!(problems.iter().any(|p| p.contains("事实过多：256 个，上限为 255 个")), "{problems:#?}");

    let many: Vec<String> = (0..65).map(|i| format!(r#"{{"name":"o{i}","label":"归属{i}"}}"#)).collect();
    let problems = load(&format!(r#"{{"facts":[],"owners":[{}]}}"#, many.join(",")));
    assert!(problems.iter().any(|p| p.contains("材料归属过多：65 个，上限为 64 个")), "{problems:#?}");

    // A repeated owner, and an owner may be called anything but a repeat.
    let problems = load(
        r#"{"facts":[],"owners":[{"name":"applicant","label":"申请人"},{"name":"applicant","label":"又一个"},{"name":"application_date","label":"怪名"}]}"#,
    );
    assert_eq!(problems, ["owners[1].name 名称“applicant”重复"]);
}

#[test]
fn facts_set_leaves_the_facts_as_they_were_on_an_error() {
    let vocabulary = Catalog::embedded().vocabulary();
    let mut facts = Facts::new(vocabulary, "2026-11-27".parse().unwrap());
    facts.set("birth_date", "1990-05-01").unwrap();
    let before = facts.clone();
    let err = facts.set("birth_date", "2027-01-01").unwrap_err();
    assert_eq!(err.code(), ErrorCode::DateAfterApplication);
    assert_eq!(facts, before, "the refused birth date is not kept");
    let err = facts.set("application_date", "1980-01-01").unwrap_err();
    assert_eq!(err.code(), ErrorCode::DateAfterApplication);
    assert_eq!(facts, before, "nor is an application date that would put it in the future");
    // Later, unrelated facts are still accepted, and the facts round-trip.
    facts.set("proxy", true).unwrap();
    assert_eq!(Facts::from_json(vocabulary, &facts.to_json()).unwrap(), facts);
    assert_eq!(facts.set("birth_date", "1990-02-30").unwrap_err().code(), ErrorCode::InvalidDate);
    assert_eq!(facts.set("proxy", "yes").unwrap_err().code(), ErrorCode::InvalidFactValue);
}

/// An office that has a service's national 事项编码 may give it; the guide
/// (and so the GB/T 39046 export) carries it, and a blank one is refused.
#[test]
fn a_service_may_carry_its_item_code() {
    let coded = GOOD.replacen(
        r#""name": "示例事项","#,
        r#""name": "示例事项", "item_code": "11120000MB0000000X4000112001000","#,
        1,
    );
    let catalog = Catalog::from_files("code", crate::with_vocabulary(&[("99.1.json", &coded)])).unwrap();
    assert_eq!(catalog.service("99.1").unwrap().item_code(), Some("11120000MB0000000X4000112001000"));
    assert!(
        banshi::json::service(&catalog, "99.1").unwrap().contains(r#""item_code":"11120000MB0000000X4000112001000""#)
    );
    let plain = Catalog::from_files("plain", crate::with_vocabulary(&[("99.1.json", GOOD)])).unwrap();
    assert!(!banshi::json::service(&plain, "99.1").unwrap().contains("item_code"));
    let blank = GOOD.replacen(r#""name": "示例事项","#, r#""name": "示例事项", "item_code": " ","#, 1);
    let err = Catalog::from_files("blank", crate::with_vocabulary(&[("99.1.json", &blank)])).unwrap_err();
    assert!(err.problems().iter().any(|p| p.path() == "item_code"), "{err}");
}
