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

/// The example catalogue, which uses every mechanism of 一件事一次办, 免提交,
/// 容缺受理 and 告知承诺.
fn minzheng() -> Catalog {
    let bundle = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/minzheng/bundle.json");
    Catalog::from_bundle(&std::fs::read_to_string(bundle).unwrap()).unwrap()
}

/// A conformance case's request, `tests/<path>`.
fn request(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../tests/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The JSON response, for what the documents must say.
fn json_of(response: Result<String, banshi::Error>) -> serde_json::Value {
    serde_json::from_str(&response.unwrap()).unwrap()
}

fn str_of(v: &serde_json::Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// 免提交: an exempt material is listed apart, never among what to bring,
/// with what stands in for it and the interpretation that lets it, marked
/// as such.
#[test]
fn exempt_materials_are_listed_apart_with_their_interpretation() {
    let catalog = minzheng();
    let req = request("catalogs/minzheng/assess/1.1-on-file-exempt.req");
    let json = json_of(banshi::json::assess(&catalog, &req));
    let plain = text::assessment(&catalog, &req).unwrap();
    let (bring, exempt) = plain.split_once("\n免提交的材料（3 项，由窗口调取，申请人无须提交）\n").expect(&plain);
    let exempt_items = json["exempt"].as_array().unwrap();
    assert_eq!(exempt_items.len(), 3);
    for item in exempt_items {
        let name = str_of(&item["name"]);
        assert!(exempt.contains(name) && !bring.contains(name), "{name}:\n{plain}");
        let e = &item["exempt"];
        assert!(exempt.contains(&format!("免提交：由窗口调取{}代替，申请人无须提交", str_of(&e["label"]))));
        assert!(exempt.contains(&format!("口径说明（免提交）：{}", str_of(&e["decision"]))), "{name}");
    }
    for item in json["checklist"].as_array().unwrap() {
        assert!(bring.contains(str_of(&item["name"])));
    }
    // The notice says the same, in the same words, on the page.
    let req = req.replace(r#""on_file""#, r#""submitted":[],"on_file""#);
    let page = html::notice(&catalog, &req, "").unwrap();
    assert!(page.contains("免提交的材料（3 项，由窗口调取，申请人无须提交）"), "{page}");
    assert!(page.contains("<div class=\"sub\">免提交：由窗口调取共享数据代替，申请人无须提交</div>"));
    assert!(page.contains("<div class=\"why\">口径说明（免提交）："), "an interpretation is marked as one");
}

/// 容缺受理: the notice says the application is accepted pending, lists
/// each deferred material with its due date, and shows the interpretation
/// that lets it be deferred beside it.
#[test]
fn a_deferred_material_is_shown_with_its_due_date() {
    let catalog = minzheng();
    let req = request("catalogs/minzheng/check/5.1-accepted-pending.req");
    let json = json_of(banshi::json::check(&catalog, &req));
    assert_eq!(json["status"], "accepted_pending");
    let plain = text::notice(&catalog, &req).unwrap();
    let page = html::notice(&catalog, &req, "").unwrap();
    assert!(plain.contains("结论：材料可容缺受理，所缺材料须于期限内补交；申请人符合申请条件"), "{plain}");
    assert!(page.contains("材料：材料可容缺受理，所缺材料须于期限内补交。") && page.contains("予以先行受理"));
    let deferred = &json["deferred"][0];
    assert_eq!((str_of(&deferred["name"]), str_of(&deferred["due"])), ("医疗费用票据", "2026-12-07"));
    assert!(
        plain.contains("容缺受理、限期补交的材料（1 项）\n  1. 医疗费用票据：最迟于2026-12-07补交（自申请之日起10日）")
    );
    assert!(page.contains("医疗费用票据：最迟于2026年12月7日补交（自申请之日起10日）"));
    // The missing item itself says it may be deferred, and on what ground.
    let decision = str_of(&json["missing"][0]["deferrable"]["decision"]);
    for said in ["容缺受理：可先行受理，自申请之日起10日内补交".to_owned(), format!("口径说明（容缺受理）：{decision}")]
    {
        assert!(plain.contains(&said), "{said}");
        assert!(page.contains(&escaped(&said)), "{said}");
    }
    // A notice that is still incomplete never reads as accepted.
    let req = request("catalogs/minzheng/check/5.1-deferrable-and-required-missing.req");
    let plain = text::notice(&catalog, &req).unwrap();
    assert!(plain.contains("结论：材料不全") && !plain.contains("材料可容缺受理"), "{plain}");
}

/// 告知承诺: a pledged material is recorded as pledged, not proven, with the
/// pledge's wording; an assessment shows where a pledge may be given.
#[test]
fn a_pledge_is_recorded_as_pledged_not_proven() {
    let catalog = minzheng();
    let req = request("catalogs/minzheng/check/1.1-guardianship-pledged.req");
    let json = json_of(banshi::json::check(&catalog, &req));
    let pledged = &json["pledged"][0];
    let plain = text::notice(&catalog, &req).unwrap();
    let page = html::notice(&catalog, &req, "").unwrap();
    for said in [
        "以告知承诺书代替的材料（1 项，须事后核查）".to_owned(),
        format!("{}：以告知承诺书代替", str_of(&pledged["name"])),
        format!("承诺内容：{}", str_of(&pledged["text"])),
        format!("待核查：{}", str_of(&pledged["note"])),
    ] {
        assert!(plain.contains(&said), "{said}\n{plain}");
        assert!(page.contains(&escaped(&said)), "{said}");
    }
    // In a bundle, the merged item is pledged once, with every service's wording.
    let facts = r#""facts":{"application_date":"2026-11-27","birth_date":"2015-04-10","proxy":true,"district_hukou":true,"has_disability_certificate":true,"disability_type":"physical","disability_grade":"grade_1","assistance_status":"dibao","long_term_care_needed":true}"#;
    let req = format!(
        r#"{{"bundle":"disability_subsidies",{facts},"submitted":[{{"id":"applicant:guardianship_proof","pledged":true}}]}}"#
    );
    let json = json_of(banshi::json::check(&catalog, &req));
    let pledged = &json["pledged"][0];
    let plain = text::notice(&catalog, &req).unwrap();
    let page = html::notice(&catalog, &req, "").unwrap();
    assert_eq!(pledged["id"], "applicant:guardianship_proof");
    for said in [
        "监护关系证明：以告知承诺书代替".to_owned(),
        format!("承诺内容：{}", str_of(&pledged["pledge"]["texts"][0])),
        format!("待核查：{}", str_of(&pledged["note"])),
    ] {
        assert!(plain.contains(&said), "{said}\n{plain}");
        assert!(page.contains(&escaped(&said)), "{said}");
    }
    let req = request("catalogs/minzheng/assess/4.1-minor-under-16.req");
    let json = json_of(banshi::json::assess(&catalog, &req));
    let offered = json["checklist"].as_array().unwrap().iter().find(|i| i.get("pledge").is_some()).unwrap();
    let plain = text::assessment(&catalog, &req).unwrap();
    let pledge = &offered["pledge"];
    assert!(plain.contains(&format!("告知承诺：可签署告知承诺书代替，承诺内容：{}", str_of(&pledge["text"]))));
    assert!(plain.contains(&format!("口径说明（告知承诺）：{}", str_of(&pledge["decision"]))));
}

/// A bundle's documents: each merged item once, with every service that
/// needs it and why; each service's eligibility; the bundle's own
/// interpretation and the merge rule, each marked as an interpretation and
/// never as law.
#[test]
fn a_bundle_lists_each_merged_item_with_the_services_that_need_it() {
    let catalog = Catalog::embedded();
    let req = request("cases/check/bundle-newborn-incomplete.req");
    let json = json_of(banshi::json::check(catalog, &req));
    let plain = text::notice(catalog, &req).unwrap();
    let page = html::notice(catalog, &req, "").unwrap();
    assert_self_contained(&page);
    let decision = format!("口径说明：{}", str_of(&json["bundle"]["decision"]));
    for said in [
        "新生儿出生一件事（newborn）",
        "1.1 申报办理城乡居民医疗保险缴费；8.1 申办社会保障卡",
        "1.1 申报办理城乡居民医疗保险缴费：符合",
        "8.1 申办社会保障卡：符合",
        "尚未提交的材料（1 项）",
        "需要补正的材料（1 项）",
        &decision,
    ] {
        assert!(plain.contains(said), "{said}\n{plain}");
        assert!(page.contains(&escaped(said)), "{said}");
    }
    assert!(plain.starts_with("一次性告知书\n\n一件事：新生儿出生一件事（newborn）\n"), "{plain}");
    // The merge rule closes both, as banshi's interpretation, never as a basis.
    assert!(plain.ends_with(&format!("\n\n{}", banshi::MERGE_RULE)), "{plain}");
    assert!(page.contains(&format!("<p class=\"why\">{}</p>", escaped(banshi::MERGE_RULE))));
    assert!(banshi::MERGE_RULE.contains("banshi 的解释，非法定依据"));
    assert!(!plain.contains("依据：合并口径") && !page.contains("依据：合并口径"));
    // Every missing item with its id, and each part with its service and reasons.
    for item in json["missing"].as_array().unwrap() {
        assert!(plain.contains(&format!("编号：{}", str_of(&item["id"]))), "{item}");
        for part in item["needed_by"].as_array().unwrap() {
            let head = format!("· {} {}", str_of(&part["service"]), str_of(&part["name"]));
            assert!(plain.contains(&head) && page.contains(&escaped(&head)), "{head}");
            let because: Vec<&str> = part["because"].as_array().unwrap().iter().map(str_of).collect();
            assert!(plain.contains(&format!("理由：{}", because.join("，"))));
        }
    }
    assert_eq!(
        page.matches("<div class=\"part\">").count(),
        json["missing"].as_array().unwrap().iter().map(|i| i["needed_by"].as_array().unwrap().len()).sum::<usize>()
    );
    // Numbered by the bundle's id; the page names every service's office.
    assert!(page.contains(&format!("编号：{}", html::notice_number("newborn", &req))));
    assert!(page.contains("新城镇党群服务中心") && page.contains("监督电话"));
}

#[test]
fn an_ad_hoc_bundle_is_named_by_its_services() {
    let catalog = Catalog::embedded();
    let req = request("cases/assess/bundle-ad-hoc-3.2-3.3.req");
    let json = json_of(banshi::json::assess(catalog, &req));
    let plain = text::assessment(catalog, &req).unwrap();
    let n = json["checklist"].as_array().unwrap().len();
    assert!(plain.starts_with("一件事：自选组合（3.2 + 3.3）\n包含事项：3.2 "), "{plain}");
    assert!(plain.contains(&format!("须提交材料（合并后共 {n} 项）")), "{plain}");
    assert!(!plain.contains("办理流程"), "a bundle's steps are each service's own (banshi show)");
    let check = req.replace(r#""facts""#, r#""submitted":[],"facts""#);
    let page = html::notice(catalog, &check, "").unwrap();
    assert!(page.contains(&format!("编号：{}", html::notice_number("3.2+3.3", &check))), "{page}");
    assert!(page.contains("<th>一件事</th><td>自选组合（3.2 + 3.3）</td>"));
}

/// The text and the page are two layouts of one notice: every 依据, 口径说明,
/// 免提交, 容缺受理 and 告知承诺 line the text prints, the page prints too,
/// for every notice of the conformance cases, one service or a bundle.
#[test]
fn text_and_html_notices_say_the_same_things() {
    let minzheng = minzheng();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests");
    for (catalog, dir) in [(Catalog::embedded(), "cases/check"), (&minzheng, "catalogs/minzheng/check")] {
        let mut cases: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "req"))
            .filter(|p| !p.file_name().unwrap().to_str().unwrap().starts_with("error-"))
            .collect();
        cases.sort();
        assert!(cases.len() > 5, "{dir}");
        for path in cases {
            let req = std::fs::read_to_string(&path).unwrap();
            let plain = text::notice(catalog, &req).unwrap();
            let page = html::notice(catalog, &req, "").unwrap();
            for line in plain.lines().map(str::trim_start) {
                let said = ["依据：", "口径说明", "免提交：", "容缺受理：", "告知承诺：", "承诺内容：", "待核查："]
                    .iter()
                    .any(|start| line.starts_with(start));
                if said {
                    assert!(page.contains(&escaped(line)), "{}: the page does not say {line}", path.display());
                }
            }
        }
    }
}
