//! The printable documents (`banshi::html`): the one-time notice and the
//! service guide. They must say what the JSON says, in Chinese, escaped,
//! self-contained, and never print an ID number unmasked. The plain text
//! (`banshi::text`) says the same things in the same words.

use banshi::{Catalog, html, text};

const NOTHING_SUBMITTED: &str = r#"{"service":"10.1","facts":{"application_date":"2026-11-27"},"submitted":[]}"#;

/// A page fetches nothing: no links, scripts, images, fonts or URLs.
fn assert_self_contained(page: &str) {
    for external in ["<link", "<script", "<img", "src=", "href=", "url(", "@import", "http:", "https:"] {
        assert!(!page.contains(external), "the page refers to something outside it: {external}");
    }
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("@page{size:A4"));
}

#[test]
fn the_notice_masks_the_id_number_and_escapes_the_name() {
    let options = r#"{"applicant_name":"张三<script>alert(1)</script>","id_number":"11010519491231002X"}"#;
    let page = html::notice(Catalog::embedded(), NOTHING_SUBMITTED, options).unwrap();
    assert_self_contained(&page);
    assert!(page.contains("110105********002X"));
    assert!(!page.contains("11010519491231002X") && !page.contains("19491231"));
    assert!(page.contains("张三&lt;script&gt;alert(1)&lt;/script&gt;"));
    for part in
        ["一次性告知书", "新城镇党群服务中心", "10.1 小额担保贷款", "2026年11月27日", "经办人", "盖章", "65775272"]
    {
        assert!(page.contains(part), "{part}");
    }
    // The materials' status, with eligibility beside it.
    assert!(page.contains("材料：材料不全") && page.contains("申请资格：申请条件尚待确认"));
    assert!(page.contains("全部材料"), "the notice says it is the complete list");
}

#[test]
fn the_notice_number_is_given_or_derived_from_the_request() {
    let catalog = Catalog::embedded();
    let derived = html::notice_number("10.1", NOTHING_SUBMITTED);
    assert_eq!(derived.len(), "10.1-".len() + 10);
    let page = html::notice(catalog, NOTHING_SUBMITTED, "").unwrap();
    assert!(page.contains(&format!("编号：{derived}")));
    assert_eq!(page, html::notice(catalog, NOTHING_SUBMITTED, "{}").unwrap(), "deterministic");
    let other = NOTHING_SUBMITTED.replace("2026-11-27", "2026-11-28");
    assert_ne!(html::notice_number("10.1", &other), derived);
    let given = html::notice(catalog, NOTHING_SUBMITTED, r#"{"number":"津新城〔2026〕第7号"}"#).unwrap();
    assert!(given.contains("编号：津新城〔2026〕第7号") && !given.contains(&derived));
    let bad = html::notice(catalog, NOTHING_SUBMITTED, r#"{"nmuber":"1"}"#).unwrap_err();
    assert_eq!(bad.code().name(), "UNKNOWN_KEY");
}

#[test]
fn the_notice_lists_every_item_of_the_json_with_its_basis() {
    let catalog = Catalog::embedded();
    let json: serde_json::Value =
        serde_json::from_str(&banshi::json::check(catalog, NOTHING_SUBMITTED).unwrap()).unwrap();
    let page = html::notice(catalog, NOTHING_SUBMITTED, "").unwrap();
    let missing = json["missing"].as_array().unwrap();
    assert!(page.contains(&format!("尚未提交的材料（{} 项）", missing.len())));
    for item in missing {
        let name = item["name"].as_str().unwrap().replace('<', "&lt;");
        assert!(page.contains(&name), "{name}");
    }
    assert!(page.contains("依据：津银发〔2013〕93号、津和人社〔2013〕16号"), "document numbers, not citation ids");
    assert!(!page.contains("jyf_2013_93"));
    assert!(page.contains("口径说明："));
}

#[test]
fn an_interpretation_without_basis_says_so() {
    const SERVICE: &str = r#"{
      "id": "99.1", "name": "示例事项",
      "legal_basis": [{"id": "vague", "reference": "天津人社局下发文件"}],
      "implementing_body": "示例中心", "boundary": "示例中心",
      "steps": [{"actor": "申请人", "action": "提出申请", "phone": "12345678"}],
      "responsibility": "负责办理",
      "supervision": {"office": "纪检办公室", "phone": "87654321"},
      "materials": [
        {"id": "id_card", "name": "身份证", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": ["vague"], "source": "身份证"},
        {"id": "photo", "name": "照片", "document": "resident_id_card", "owner": "applicant", "form": "original", "basis": [],
         "decision": "按示例中心惯例理解须交照片。"}
      ]
    }"#;
    let catalog = Catalog::from_files("test-1", crate::with_vocabulary(&[("99.1.json", SERVICE)])).unwrap();
    let request = r#"{"service":"99.1","facts":{"application_date":"2026-11-27"}}"#;
    let page = html::notice(&catalog, request, "").unwrap();
    assert!(page.contains("依据：原文未载明，属口径解释"));
    assert!(page.contains("口径说明：按示例中心惯例理解须交照片。"));
    assert!(page.contains("依据：天津人社局下发文件"), "a vague reference is shown as written");
    assert!(!page.contains("《天津人社局下发文件》"));
    let guide = html::guide(&catalog, "99.1").unwrap();
    assert!(guide.contains("依据：原文未载明，属口径解释") && guide.contains("电话：12345678"));
    let notice = text::notice(&catalog, request).unwrap();
    assert!(notice.contains("     依据：原文未载明，属口径解释\n     口径说明：按示例中心惯例理解须交照片。"));
    assert!(notice.contains("     依据：天津人社局下发文件\n") && !notice.contains("《天津人社局下发文件》"));
}

/// The HTML escaping of a text.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The text and the page are two layouts of one document: every spec,
/// 依据 and 口径说明 the text prints under a material, the page prints too.
#[test]
fn text_and_html_say_the_same_things() {
    let bundle = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/minzheng/bundle.json");
    let minzheng = Catalog::from_bundle(&std::fs::read_to_string(bundle).unwrap()).unwrap();
    for catalog in [Catalog::embedded(), &minzheng] {
        for service in catalog.services() {
            let plain = text::guide(catalog, service.id()).unwrap();
            let page = html::guide(catalog, service.id()).unwrap();
            let mut compared = 0;
            for line in plain.lines() {
                let line = line.trim_start();
                let said = if line.starts_with("依据：") || line.starts_with("口径说明：") {
                    line
                } else if let Some((_, spec)) = line.split_once(" — ") {
                    spec.split_once("（条件：").map_or(spec, |(spec, _)| spec)
                } else {
                    continue;
                };
                assert!(page.contains(&escaped(said)), "{}: the page does not say {said}", service.id());
                compared += 1;
            }
            assert!(compared > 0, "{}", service.id());
        }
    }
}

#[test]
fn text_reads_only_json() {
    let catalog = Catalog::embedded();
    for render in [text::assessment, text::notice] {
        assert_eq!(render(catalog, "{").unwrap_err().code().name(), "INVALID_JSON");
        assert_eq!(render(catalog, r#"{"service":"10.1"}"#).unwrap_err().code().name(), "MISSING_FIELD");
    }
    assert_eq!(text::validation("").unwrap_err().code().name(), "INVALID_JSON");
    // Not a validation: refused, not shown as 无效.
    assert_eq!(text::validation("{}").unwrap_err().code().name(), "MISSING_FIELD");
    assert_eq!(text::validation(&format!("[{}]", " ".repeat(2 << 20))).unwrap_err().code().name(), "INPUT_TOO_LARGE");
    // A hand-made response cannot make the text show an ID number.
    let forged =
        r#"{"valid":false,"masked":"11010519491231002X","problems":[{"code":"X","message":"11010519491231002X"}]}"#;
    let shown = text::validation(forged).unwrap();
    assert!(!shown.contains("11010519491231002X") && shown.contains("110105********002X"), "{shown}");
    assert_eq!(text::guide(catalog, "10.l").unwrap_err().code().name(), "UNKNOWN_SERVICE");
    let services = text::services(catalog);
    assert!(services.starts_with("目录版本 ") && !services.ends_with('\n'));
}

#[test]
fn every_guide_speaks_chinese_and_lists_every_material() {
    let catalog = Catalog::embedded();
    for service in catalog.services() {
        let page = html::guide(catalog, service.id()).unwrap();
        assert_self_contained(&page);
        let json: serde_json::Value =
            serde_json::from_str(&banshi::json::service(catalog, service.id()).unwrap()).unwrap();
        // No condition is shown in the catalogue's own language.
        for code in ["==", "!=", "&amp;&amp;", "||", " in [", "age_years", "age_days", "目录条件"] {
            assert!(!page.contains(code), "{}: a condition left untranslated ({code})", service.id());
        }
        for label in ["适用：", "判定："] {
            for line in page.split(label).skip(1).map(|rest| rest.split('<').next().unwrap()) {
                assert!(
                    !line.contains(|c: char| c.is_ascii_lowercase() || "_=|&![]".contains(c)),
                    "{}: {label}{line}",
                    service.id()
                );
            }
        }
        for m in json["materials"].as_array().unwrap() {
            let ids: Vec<&str> = match m["one_of"].as_array() {
                Some(options) => options.iter().map(|o| o["id"].as_str().unwrap()).collect(),
                None => vec![m["id"].as_str().unwrap()],
            };
            for id in ids {
                assert!(page.contains(id), "{}: material {id} missing", service.id());
            }
        }
        for step in json["steps"].as_array().unwrap() {
            if let Some(phone) = step["phone"].as_str() {
                assert!(page.contains(phone), "{}: phone {phone}", service.id());
            }
        }
        assert!(page.contains(json["supervision"]["phone"].as_str().unwrap()));
        for d in json["decisions"].as_array().unwrap() {
            assert!(page.contains(&d.as_str().unwrap().replace('"', "&quot;")), "{}: decision", service.id());
        }
    }
}

#[test]
fn the_guide_renders_10_1_conditions() {
    let page = html::guide(Catalog::embedded(), "10.1").unwrap();
    assert!(page.contains("适用：婚姻状况为已婚"));
    assert!(page.contains("适用：婚姻状况为未婚、离异或丧偶"));
    assert!(page.contains("适用：户籍为外地"));
}

/// The caller's own text on the page is masked like everything else: an ID
/// number typed as the notice number or the applicant's name never prints.
#[test]
fn the_notice_masks_an_id_number_in_any_option() {
    let request = r#"{"service":"10.1","facts":{"application_date":"2026-11-27"},"submitted":[]}"#;
    let options = r#"{"number":"11010519491231002X","applicant_name":"张三 11010519491231002X","id_number":"11010519491231002X"}"#;
    let page = banshi::html::notice(banshi::Catalog::embedded(), request, options).unwrap();
    assert!(!page.contains("19491231"), "the page echoes an ID number");
    assert!(page.contains("110105********002X"));
}
