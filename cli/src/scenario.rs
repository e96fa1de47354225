//! `banshi test`: scenario files that office staff read and write. Each
//! scenario gives a service, an application date and an applicant's facts,
//! then what the answer must be (eligibility, materials required and
//! absent, the one-time notice's status for a given submission), each with
//! a `why`. The format is in `docs/scenarios.md`.
//!
//! A scenario file is read strictly, as a request is: an unknown field is
//! refused with the nearest known one, a repeated field is refused, and a
//! material id that the service does not have is refused with the nearest
//! one, so that a misspelt expectation can never pass unnoticed. A file is
//! at most [`MAX_FILE`] bytes (the library's request limit), a scenario
//! gives at most as many facts as the vocabulary declares, and every error
//! is coded and in Chinese.

use std::collections::HashSet;
use std::fmt::Write;
use std::io::Read;
use std::path::{Path, PathBuf};

use banshi::{Catalog, Error, json};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::Failure;

/// Exit code of `test` when an expectation does not hold.
pub(crate) const EXIT_FAILED: u8 = 9;

/// Largest scenario file, in bytes: the library's request limit (a larger
/// file is `INPUT_TOO_LARGE`).
pub(crate) const MAX_FILE: usize = crate::batch::MAX_REQUEST;

/// `banshi test <path>`: runs the scenarios at `path` and returns the
/// report and the exit code: 0 when every scenario holds, 1 when a scenario
/// file is in error (reported with its code), else [`EXIT_FAILED`] when an
/// expectation does not hold.
///
/// `path` is a catalogue directory (it has a `VERSION`), whose
/// `scenarios/*.json` run against that catalogue, read from the directory
/// (or against `catalog` when `--catalog` is given: `catalog_given`); or a
/// directory of scenario files, or one file, which run against `catalog`.
/// A catalogue directory's own files (`facts.json`, `bundle.json`, …) are
/// never read as scenarios.
pub(crate) fn command(catalog: &Catalog, catalog_given: bool, path: &str) -> Result<(String, u8), Failure> {
    let path = Path::new(path);
    let own;
    let (catalog, dir) = if path.join("VERSION").is_file() {
        let catalog = if catalog_given {
            catalog
        } else {
            own = crate::load_catalog(path, false)?;
            &own
        };
        (catalog, path.join("scenarios"))
    } else {
        (catalog, path.to_path_buf())
    };
    let files = read(&dir)?;
    let mut run = Run::default();
    for (name, text) in &files {
        run.file(catalog, name, text);
    }
    let code = if run.errors + run.broken_files > 0 {
        1
    } else if run.failed > 0 {
        EXIT_FAILED
    } else {
        0
    };
    let total = run.passed + run.failed + run.errors;
    let mut report = format!(
        "场景测试：{}（目录 {}，{} 个文件）\n\n{}\n\n合计 {total} 个场景：{} 个通过，{} 个未通过，{} 个出错",
        dir.display(),
        catalog.version(),
        files.len(),
        run.out.trim_end(),
        run.passed,
        run.failed,
        run.errors
    );
    if run.broken_files > 0 {
        let _ = write!(report, "；{} 个文件无法读出场景", run.broken_files);
    }
    Ok((report, code))
}

/// The scenario files at `path`: the file itself, or a directory's `*.json`
/// files, sorted by name, as `(path as shown, text)`; the text is an error
/// for a file larger than [`MAX_FILE`] or not UTF-8.
fn read(path: &Path) -> Result<Vec<(String, Text)>, Failure> {
    let unreadable = |p: &Path, e: std::io::Error| Failure::Unreadable(format!("无法读取 {}：{e}", p.display()));
    let mut paths: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)
            .map_err(|e| unreadable(path, e))?
            .map(|entry| entry.map(|e| e.path()).map_err(|e| unreadable(path, e)))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect()
    } else {
        vec![path.to_path_buf()]
    };
    paths.sort_by_key(|p| natural(&p.to_string_lossy()));
    if paths.is_empty() {
        return Err(Failure::Unreadable(format!("{} 中没有场景文件（*.json）", path.display())));
    }
    paths
        .into_iter()
        .map(|p| {
            let mut bytes = Vec::new();
            // One byte more than the limit tells a file over it.
            std::fs::File::open(&p)
                .and_then(|f| f.take(MAX_FILE as u64 + 1).read_to_end(&mut bytes))
                .map_err(|e| unreadable(&p, e))?;
            let text = if bytes.len() > MAX_FILE {
                let size =
                    std::fs::metadata(&p).map_or(bytes.len(), |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
                Err(Error::InputTooLarge { size, limit: MAX_FILE })
            } else {
                String::from_utf8(bytes).map_err(|_| Error::InvalidUtf8)
            };
            Ok((p.display().to_string(), text))
        })
        .collect()
}

/// A scenario file's text, or why it cannot be read as text.
type Text = Result<String, Error>;

/// A sort key that orders runs of digits by their value: `2.1.json`
/// before `10.1.json`, as services are numbered.
fn natural(name: &str) -> Vec<(u64, String)> {
    let mut key = Vec::new();
    let mut rest = name;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (number, tail) = rest.split_at(digits);
        let text = tail.find(|c: char| c.is_ascii_digit()).unwrap_or(tail.len());
        key.push((number.parse().unwrap_or(0), tail[..text].to_owned()));
        rest = &tail[text..];
    }
    key
}

/// The report so far, and the counts.
#[derive(Default)]
struct Run {
    out: String,
    passed: usize,
    failed: usize,
    /// Scenarios that could not run: a mistake in them, reported with its code.
    errors: usize,
    /// Files that are not JSON, or hold no `scenarios` array.
    broken_files: usize,
}

impl Run {
    fn file(&mut self, catalog: &Catalog, file: &str, text: &Text) {
        let root = match text {
            Ok(text) => serde_json::from_str::<Json>(text).map_err(|e| json_error(&e)),
            Err(e) => Err(e.clone()),
        };
        let scenarios = match &root {
            Ok(root) => scenarios_of(root),
            Err(e) => Err(e.clone()),
        };
        let scenarios = match scenarios {
            Ok(list) => list,
            Err(e) => {
                self.broken_files += 1;
                let _ = writeln!(self.out, "出错  {file}：[{}] {e}", e.code().name());
                return;
            }
        };
        for (i, scenario) in scenarios.iter().enumerate() {
            let path = format!("scenarios[{i}]");
            let title = |s: &str| format!("{file} 第 {} 个场景「{s}」", i + 1);
            let name = match scenario {
                Json::Object(entries) => match get(entries, "name") {
                    Some(Json::String(name)) => name.as_str(),
                    _ => "",
                },
                _ => "",
            };
            match Scenario::read(scenario, &path).and_then(|s| s.run(catalog).map(|found| (s, found))) {
                Err(e) => {
                    self.errors += 1;
                    let _ = writeln!(self.out, "出错  {}：[{}] {e}", title(name), e.code().name());
                }
                Ok((_, found)) if found.is_empty() => {
                    self.passed += 1;
                    let _ = writeln!(self.out, "通过  {}", title(name));
                }
                Ok((s, found)) => {
                    self.failed += 1;
                    let service = catalog.service(&s.service).map_or("", |v| v.name());
                    let _ = writeln!(self.out, "未通过  {}（{} {service}）", title(name), s.service);
                    for f in found {
                        let _ = writeln!(
                            self.out,
                            "  {}\n    预期：{}\n    实际：{}\n    说明（why）：{}",
                            f.what, f.expected, f.actual, f.why
                        );
                    }
                    self.out.push('\n');
                }
            }
        }
    }
}

/// The `scenarios` array of a file.
fn scenarios_of(root: &Json) -> Result<&[Json], Error> {
    let entries = object(root, "场景文件")?;
    keys(entries, "场景文件", FILE_KEYS)?;
    match get(entries, "scenarios") {
        Some(Json::Array(list)) if !list.is_empty() => Ok(list),
        Some(_) => Err(invalid("scenarios", "应为非空数组，每项一个场景")),
        None => Err(Error::MissingField { field: "scenarios".into() }),
    }
}

/// One scenario, read and checked for shape.
struct Scenario<'a> {
    /// Where it is in the file (`scenarios[i]`), for error messages.
    path: String,
    service: String,
    application_date: &'a str,
    /// The facts object's members, as JSON text.
    facts: Vec<(&'a str, String)>,
    eligibility: Option<Expect<'a>>,
    required: Vec<Expect<'a>>,
    absent: Vec<Expect<'a>>,
    notice: Option<(Expect<'a>, String)>,
}

/// An expected value (a status, or a material id) and why.
struct Expect<'a> {
    value: &'a str,
    why: &'a str,
    /// Where it is in the file, for error messages.
    path: String,
}

/// An expectation that does not hold.
struct Finding {
    what: String,
    expected: String,
    actual: String,
    why: String,
}

// The keys of each object of a scenario file, as `schema/scenario.schema.json`
// lists them (a test compares the two).
const FILE_KEYS: &[&str] = &["scenarios"];
const SCENARIO_KEYS: &[&str] = &["name", "service", "application_date", "facts", "expect"];
const EXPECT_KEYS: &[&str] = &["eligibility", "required", "absent", "notice"];
const ELIGIBILITY_KEYS: &[&str] = &["status", "why"];
const NOTICE_KEYS: &[&str] = &["submitted", "status", "why"];
const MATERIAL_KEYS: &[&str] = &["id", "why"];
const ELIGIBILITY: &[&str] = &["eligible", "ineligible", "undetermined"];
const NOTICE: &[&str] = &["complete", "incomplete", "undetermined"];

impl<'a> Scenario<'a> {
    fn read(value: &'a Json, path: &str) -> Result<Scenario<'a>, Error> {
        let entries = object(value, path)?;
        keys(entries, path, SCENARIO_KEYS)?;
        string(entries, path, "name")?;
        let service = string(entries, path, "service")?.to_owned();
        let application_date = string(entries, path, "application_date")?;
        let facts_path = format!("{path}.facts");
        let facts = match get(entries, "facts") {
            Some(value) => object(value, &facts_path)?,
            None => &[],
        };
        if facts.iter().any(|(k, _)| k == "application_date") {
            return Err(invalid(
                &format!("{facts_path}.application_date"),
                "应写在场景的 application_date 中，不写在 facts 中",
            ));
        }
        let facts = facts.iter().map(|(k, v)| (k.as_str(), v.to_text())).collect();
        let expect_path = format!("{path}.expect");
        let expect =
            object(get(entries, "expect").ok_or(Error::MissingField { field: expect_path.clone() })?, &expect_path)?;
        keys(expect, &expect_path, EXPECT_KEYS)?;
        if expect.is_empty() {
            return Err(invalid(&expect_path, "至少应有一项预期：eligibility、required、absent 或 notice"));
        }
        let eligibility = match get(expect, "eligibility") {
            Some(v) => Some(status(v, &format!("{expect_path}.eligibility"), ELIGIBILITY_KEYS, ELIGIBILITY)?.0),
            None => None,
        };
        let materials = |key: &str| -> Result<Vec<Expect<'a>>, Error> {
            let list_path = format!("{expect_path}.{key}");
            match get(expect, key) {
                None => Ok(Vec::new()),
                Some(Json::Array(items)) if !items.is_empty() => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let item_path = format!("{list_path}[{i}]");
                        let fields = object(item, &item_path)?;
                        keys(fields, &item_path, MATERIAL_KEYS)?;
                        Ok(Expect {
                            value: string(fields, &item_path, "id")?,
                            why: string(fields, &item_path, "why")?,
                            path: item_path,
                        })
                    })
                    .collect(),
                Some(_) => Err(invalid(&list_path, "应为非空数组：[{\"id\": 材料编号, \"why\": 理由}]")),
            }
        };
        let required = materials("required")?;
        let absent = materials("absent")?;
        let notice = match get(expect, "notice") {
            Some(v) => {
                let notice_path = format!("{expect_path}.notice");
                let (expect, fields) = status(v, &notice_path, NOTICE_KEYS, NOTICE)?;
                let submitted = match get(fields, "submitted") {
                    Some(list @ Json::Array(_)) => list.to_text(),
                    Some(_) => return Err(invalid(&format!("{notice_path}.submitted"), "应为数组")),
                    None => return Err(Error::MissingField { field: format!("{notice_path}.submitted") }),
                };
                Some((expect, submitted))
            }
            None => None,
        };
        Ok(Scenario { path: path.to_owned(), service, application_date, facts, eligibility, required, absent, notice })
    }

    /// Asks the engine, and returns every expectation that does not hold.
    fn run(&self, catalog: &Catalog) -> Result<Vec<Finding>, Error> {
        let service = catalog.service(&self.service)?;
        // Each fact at most once, and the application date is not in `facts`.
        let most = catalog.vocabulary().facts().len() - 1;
        if self.facts.len() > most {
            return Err(invalid(
                &format!("{}.facts", self.path),
                &format!("应为至多 {most} 项的对象（词汇表中的事实数），实有 {} 项", self.facts.len()),
            ));
        }
        for e in self.required.iter().chain(&self.absent) {
            if !service.requirements().iter().any(|r| r.id() == e.value) {
                let ids: Vec<&str> = service.requirements().iter().map(|r| r.id()).collect();
                return Err(Error::UnknownMaterial {
                    service: format!("{}（{}）", self.service, e.path),
                    id: e.value.to_owned(),
                    suggestion: nearest(e.value, &ids).map(str::to_owned),
                });
            }
        }
        let mut facts = format!("{{\"application_date\":{}", quote(self.application_date));
        for (key, value) in &self.facts {
            let _ = write!(facts, ",{}:{value}", quote(key));
        }
        facts.push('}');
        let request = format!("{{\"service\":{},\"facts\":{facts}}}", quote(&self.service));
        let answer = parse(&json::assess(catalog, &request)?);
        let labels = |list: &serde_json::Value| -> String {
            let names = names(list);
            let labelled: Vec<String> = names
                .iter()
                .map(|n| catalog.vocabulary().fact(n).map_or_else(|| n.clone(), |f| format!("{}（{n}）", f.label())))
                .collect();
            labelled.join("、")
        };
        let name_of =
            |id: &str| service.requirements().iter().find(|r| r.id() == id).map_or("", |r| r.name()).to_owned();
        let mut found = Vec::new();

        if let Some(e) = &self.eligibility {
            let actual = answer["eligibility"]["status"].as_str().unwrap_or_default();
            if actual != e.value {
                let rules: Vec<String> = answer["eligibility"]["rules"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|r| r["met"] != true)
                    .map(|r| {
                        let mark = if r["met"] == false { "不满足" } else { "待定" };
                        format!("{mark}“{}”{}", r["text"].as_str().unwrap_or_default(), because(&r["because"]))
                    })
                    .collect();
                let missing = labels(&answer["eligibility"]["missing_facts"]);
                let mut detail = rules.join("；");
                if !missing.is_empty() {
                    let _ = write!(detail, "；尚未回答：{missing}");
                }
                found.push(Finding {
                    what: "申请资格".into(),
                    expected: eligibility_word(e.value),
                    actual: if detail.is_empty() {
                        eligibility_word(actual)
                    } else {
                        format!("{}：{detail}", eligibility_word(actual))
                    },
                    why: e.why.to_owned(),
                });
            }
        }

        let listed = |key: &str, id: &str| answer[key].as_array().into_iter().flatten().find(|i| i["id"] == id);
        for e in &self.required {
            if listed("checklist", e.value).is_none() {
                let actual = match listed("pending", e.value) {
                    Some(p) => format!("未列入，待定：还需回答 {}", labels(&p["needs"])),
                    None => "未列入材料清单（按这些情况不需提交）".into(),
                };
                found.push(Finding {
                    what: format!("须提交 {}（{}）", e.value, name_of(e.value)),
                    expected: "列入材料清单".into(),
                    actual,
                    why: e.why.to_owned(),
                });
            }
        }
        for e in &self.absent {
            let actual = match (listed("checklist", e.value), listed("pending", e.value)) {
                (Some(item), _) => format!("列入了材料清单{}", because(&item["because"])),
                (None, Some(p)) => format!("待定：还需回答 {}", labels(&p["needs"])),
                (None, None) => continue,
            };
            found.push(Finding {
                what: format!("不须提交 {}（{}）", e.value, name_of(e.value)),
                expected: "不列入材料清单".into(),
                actual,
                why: e.why.to_owned(),
            });
        }

        if let Some((e, submitted)) = &self.notice {
            let request =
                format!("{{\"service\":{},\"facts\":{facts},\"submitted\":{submitted}}}", quote(&self.service));
            let notice = parse(&json::check(catalog, &request)?);
            let actual = notice["status"].as_str().unwrap_or_default();
            if actual != e.value {
                let mut detail = Vec::new();
                let missing: Vec<String> = notice["missing"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|i| i["name"].as_str().unwrap_or_default().to_owned())
                    .collect();
                if !missing.is_empty() {
                    detail.push(format!("尚未提交：{}", missing.join("、")));
                }
                let defective: Vec<String> = notice["defective"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|d| {
                        let problems: Vec<&str> = d["problems"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|p| p["message"].as_str())
                            .collect();
                        format!("{}（{}）", d["name"].as_str().unwrap_or_default(), problems.join("；"))
                    })
                    .collect();
                if !defective.is_empty() {
                    detail.push(format!("需要补正：{}", defective.join("、")));
                }
                let missing_facts = labels(&notice["missing_facts"]);
                if !missing_facts.is_empty() {
                    detail.push(format!("尚未回答：{missing_facts}"));
                }
                let actual = if detail.is_empty() {
                    notice_word(actual)
                } else {
                    format!("{}：{}", notice_word(actual), detail.join("；"))
                };
                found.push(Finding {
                    what: "一次性告知".into(),
                    expected: notice_word(e.value),
                    actual,
                    why: e.why.to_owned(),
                });
            }
        }
        Ok(found)
    }
}

/// `{"status": …, "why": …}` (and `fields`' other keys): the status, one of
/// `allowed`, and why; with the object's fields.
fn status<'a>(
    value: &'a Json,
    path: &str,
    fields: &[&'static str],
    allowed: &[&str],
) -> Result<(Expect<'a>, &'a Members), Error> {
    let entries = object(value, path)?;
    keys(entries, path, fields)?;
    let status = string(entries, path, "status")?;
    if !allowed.contains(&status) {
        return Err(invalid(&format!("{path}.status"), &format!("应为 {} 之一", allowed.join("、"))));
    }
    Ok((Expect { value: status, why: string(entries, path, "why")?, path: path.to_owned() }, entries))
}

fn eligibility_word(status: &str) -> String {
    let word = match status {
        "eligible" => "符合申请条件",
        "ineligible" => "不符合申请条件",
        _ => "申请条件待定",
    };
    format!("{word}（{status}）")
}

fn notice_word(status: &str) -> String {
    let word = match status {
        "complete" => "材料齐全",
        "incomplete" => "材料不全",
        _ => "材料待定",
    };
    format!("{word}（{status}）")
}

/// `（理由：a，b）` from a `because` array, or nothing.
fn because(list: &serde_json::Value) -> String {
    let reasons: Vec<&str> = list.as_array().into_iter().flatten().filter_map(|r| r.as_str()).collect();
    if reasons.is_empty() { String::new() } else { format!("（理由：{}）", reasons.join("，")) }
}

/// The strings of an array, such as fact names.
fn names(list: &serde_json::Value) -> Vec<String> {
    list.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

/// A response of the engine's, as JSON.
fn parse(response: &str) -> serde_json::Value {
    serde_json::from_str(response).expect("the engine writes well-formed JSON")
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

fn invalid(field: &str, expected: &str) -> Error {
    Error::InvalidValue { field: field.to_owned(), expected: expected.to_owned() }
}

/// An object's members; a repeated key is refused (the first repeated, in
/// linear time).
fn object<'a>(value: &'a Json, path: &str) -> Result<&'a Members, Error> {
    match value {
        Json::Object(entries) => match first_repeated(entries.iter().map(|(k, _)| k.as_str())) {
            Some(key) => Err(Error::DuplicateKey { key: format!("{path}.{key}") }),
            None => Ok(entries),
        },
        _ => Err(invalid(path, "应为对象 {…}")),
    }
}

/// The first key of `keys` that an earlier one repeats, reading each key
/// once.
fn first_repeated<'a>(keys: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = HashSet::new();
    keys.into_iter().find(|k| !seen.insert(*k))
}

/// serde_json's error, in Chinese, with its line and column.
fn json_error(e: &serde_json::Error) -> Error {
    use serde_json::error::Category;
    let text = e.to_string();
    // serde_json's messages, by their start ("… at line L column C").
    const MESSAGES: &[(&str, &str)] = &[
        ("EOF while parsing a list", "数组未结束（缺少 ]）"),
        ("EOF while parsing an object", "对象未结束（缺少 }）"),
        ("EOF while parsing a string", "字符串未结束（缺少 \")"),
        ("EOF while parsing", "文件意外结束"),
        ("expected `:`", "此处应为冒号 :"),
        ("expected `,` or `]`", "此处应为逗号 , 或 ]"),
        ("expected `,` or `}`", "此处应为逗号 , 或 }"),
        ("expected value", "此处应为一个值"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("key must be a string", "对象的键应为字符串"),
        ("trailing comma", "多余的逗号"),
        ("trailing characters", "JSON 值之后有多余内容"),
        ("invalid escape", "无效的转义"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "无效的 Unicode 码位"),
        ("control character", "字符串中有未转义的控制字符"),
        ("lone leading surrogate", "不成对的 UTF-16 代理项"),
        ("unexpected end of hex escape", "\\u 转义不完整"),
        ("recursion limit exceeded", "嵌套超过 128 层"),
    ];
    let what = match MESSAGES.iter().find(|(english, _)| text.starts_with(english)) {
        Some((_, chinese)) => *chinese,
        None => match e.classify() {
            Category::Eof => "文件意外结束",
            Category::Data => "数值无效",
            Category::Syntax | Category::Io => "语法错误",
        },
    };
    Error::InvalidJson { detail: format!("第 {} 行第 {} 列：{what}", e.line(), e.column()) }
}

fn get<'a>(entries: &'a Members, key: &str) -> Option<&'a Json> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Every key is one of `allowed`; else the first that is not, with the nearest.
fn keys(entries: &Members, path: &str, allowed: &[&'static str]) -> Result<(), Error> {
    match entries.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        Some((key, _)) => {
            Err(Error::UnknownKey { path: path.to_owned(), key: key.clone(), suggestion: nearest(key, allowed) })
        }
        None => Ok(()),
    }
}

/// A required, non-empty string field.
fn string<'a>(entries: &'a Members, path: &str, key: &str) -> Result<&'a str, Error> {
    match get(entries, key) {
        Some(Json::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(_) => Err(invalid(&format!("{path}.{key}"), "应为非空字符串")),
        None => Err(Error::MissingField { field: format!("{path}.{key}") }),
    }
}

/// The candidate nearest to `word`, if it is close: at most a third of its
/// length in single-character edits (and at least one).
fn nearest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// An object's members, in order.
type Members = [(String, Json)];

/// JSON as written: object members in order, repeated keys kept (for
/// [`object`] to refuse).
enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Back to JSON text, members in their order.
    fn to_text(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.to_string(),
            Json::String(s) => quote(s),
            Json::Array(items) => format!("[{}]", items.iter().map(Json::to_text).collect::<Vec<_>>().join(",")),
            Json::Object(entries) => {
                let members: Vec<String> =
                    entries.iter().map(|(k, v)| format!("{}:{}", quote(k), v.to_text())).collect();
                format!("{{{}}}", members.join(","))
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        struct JsonVisitor;
        impl<'de> Visitor<'de> for JsonVisitor {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
                Ok(Json::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
                Ok(Json::Number(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
                Ok(Json::Number(n.into()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
                serde_json::Number::from_f64(n).map(Json::Number).ok_or_else(|| E::custom("数值无效"))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json, E> {
                Ok(Json::String(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Json, E> {
                Ok(Json::String(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut entries: Vec<(String, Json)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Json::Object(entries))
            }
        }
        deserializer.deserialize_any(JsonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// The repeated-key check reads each key once: 200,000 keys, 200,000
    /// reads (it compared each with every earlier one).
    #[test]
    fn repeated_keys_are_found_in_one_pass() {
        let keys: Vec<String> = (0..200_000).map(|i| format!("k{i}")).chain(["k7".to_owned()]).collect();
        let reads = Cell::new(0usize);
        let counted = keys.iter().map(|k| {
            reads.set(reads.get() + 1);
            k.as_str()
        });
        assert_eq!(first_repeated(counted), Some("k7"));
        assert_eq!(reads.get(), keys.len());
        assert_eq!(first_repeated(["a", "b", "c"].into_iter()), None);
    }

    /// `schema/scenario.schema.json` lists the keys this reader takes, and
    /// refuses others as it does.
    #[test]
    fn the_schema_lists_the_readers_keys() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../schema/scenario.schema.json")).unwrap();
        let expect = "/$defs/scenario/properties/expect";
        for (pointer, keys) in [
            ("", FILE_KEYS),
            ("/$defs/scenario", SCENARIO_KEYS),
            (expect, EXPECT_KEYS),
            (&format!("{expect}/properties/eligibility"), ELIGIBILITY_KEYS),
            (&format!("{expect}/properties/notice"), NOTICE_KEYS),
            ("/$defs/material", MATERIAL_KEYS),
        ] {
            let properties = schema.pointer(&format!("{pointer}/properties")).and_then(|p| p.as_object()).unwrap();
            let mut in_schema: Vec<&str> = properties.keys().map(String::as_str).collect();
            let mut in_reader = keys.to_vec();
            in_schema.sort_unstable();
            in_reader.sort_unstable();
            assert_eq!(in_schema, in_reader, "{pointer:?}");
            assert_eq!(
                schema.pointer(&format!("{pointer}/additionalProperties")),
                Some(&serde_json::Value::Bool(false))
            );
        }
    }
}
