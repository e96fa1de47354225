//! `banshi`: service guides, checklists and one-time notices from the
//! terminal, on the embedded catalogue or one loaded from disk.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banshi::{Catalog, json, text};

mod batch;
mod diff;
mod export;
mod lint;
mod scenario;
mod verify;

const USAGE: &str = "\
banshi — 办事规则库命令行 / the banshi rules library on the command line

用法 / Usage:
  banshi [--catalog <路径>] services [--json]
      列出全部事项 / list the services
  banshi [--catalog <路径>] bundles [--json]
      列出目录声明的“一件事”（一件事一次办） / list the catalogue's bundles of services
  banshi [--catalog <路径>] show <序号> [--json | --format text|json|html]
      办事指南，含材料编号 / the service guide, with material ids
  banshi [--catalog <路径>] assess <事项> --facts <文件> [--on-file <证件,…>] [--json]
      资格与材料清单（按归属分组，附理由） / eligibility and checklist, with reasons
  banshi [--catalog <路径>] check <事项> --facts <文件> --submitted <文件> [--on-file <证件,…>]
        [--json | --format text|json|html] [--number <告知书编号>] [--name <申请人姓名>] [--id-number <身份证号>]
      一次性告知书；html 为可打印的 A4 文书，身份证号只显示掩码
      / the one-time notice; html is a printable A4 page, the ID number masked
      <事项>：事项序号（10.1）；“一件事”编号（见 banshi bundles）；或以 + 连接的多个序号（1.1+8.1），
        合并材料清单，按材料编号（如 applicant:hukou_book）提交 / a service number; a bundle's id;
        or services joined by + (one merged checklist, submitted by its item ids)
      --on-file：窗口可自行调取的证件编号，逗号分隔，可写归属人（applicant:hukou_book）；可由电子证照
        或共享数据代替的材料免于提交 / documents the office obtains itself (免提交), comma-separated
      提交文件中一项材料可写 \"pledged\": true，表示以告知承诺书代替（仅限可告知承诺的材料）
        / a submission with \"pledged\": true is a signed pledge in its place (告知承诺)
  banshi [--catalog <路径>] batch assess|check [--threads N] [--input <文件>]
      JSONL 批量处理：每行一个请求，每行输出一个结果 / one request per line in, one result per line out
  banshi [--catalog <路径>] verify <请求文件> <答复文件> [--json]
      核对此目录与引擎是否对该请求给出完全相同的答复（比对引擎版本、目录版本与目录摘要）
      / whether this catalogue and engine give exactly this response to this request
  banshi validate id <身份证号> | date <YYYY-MM-DD> [--json]
  banshi [--catalog <路径>] validate file <序号> <材料编号> <文件路径> [--json]
      校验身份证号、日期、上传文件 / check an ID number, a date, a file before upload
  banshi [--catalog <路径>] export --format gbt39046 | gbt39046-csv
      按 GB/T 39046-2020 数据项导出全部事项与材料（JSON，或每材料一行的 CSV）；对照见 docs/gbt39046.md
      / every service and material in the GB/T 39046-2020 elements, as JSON or CSV
  banshi [--catalog <路径>] lint [--format text|json]
      检查目录中加载时不报错的问题：永不成立的条件、未被读取的事实、未被提及的取值、重复的证件、空的口径说明
      / what loading accepts but an author almost certainly did not mean, each with a code
  banshi diff <旧目录> <新目录> [--date <YYYY-MM-DD>] [--limit N] [--format text|json]
      比较两个版本（目录、打包文件，或 embedded 表示内置目录）：各事项材料、条件、资格条件的增删改，
      并以生成的申请人（缺省申请日期 2026-01-01，每项事项至多 100000 人，--limit 可设 1 至 1000000）统计答复不同的人数
      / what changed per service, and how many generated applicants get a different answer
  banshi vocabulary
      申请人信息字段与取值（JSON） / the fact vocabulary, as JSON
  banshi [--catalog <路径>] types
      目录的 TypeScript 类型声明：事实字段与取值、事项、材料、文书编号与错误代码
      / TypeScript declarations of a catalogue's facts, values, service, material and document ids, codes
  banshi [--catalog <路径>] test <目录或文件>
      运行场景测试（docs/scenarios.md）：目录含 VERSION 时对该目录运行其 scenarios/
      / run scenario files; a catalogue directory runs its own scenarios/ against itself
  banshi bundle <目录>
      把目录（VERSION、facts.json、documents.json、bundles.json 与 services/*.json）打包为单个文件 / bundle a catalogue directory into one file
  banshi version | --version | -V
  banshi help | --help | -h

<文件> 为 - 时从标准输入读取 / a <file> of - reads standard input.
--catalog：目录或打包文件，缺省为内置目录 / a directory or a bundle; the embedded catalogue by default.
批量模式中出错的行输出 {\"error\":{\"code\":…,\"line\":N}}，N 为输入行号（从 1 起）
  / in a batch, a failed line prints its error with \"line\": its input line number, from 1.

退出码 / Exit codes:
  0    成功；check：材料齐全 / success; check: the materials are complete
  1    请求有误，输出带编码的错误；batch：至少一行出错 / a coded error in the request; batch: some line failed
  2    用法错误，或无法读取输入文件 / a usage mistake, or an input file that cannot be read
  3    无法写出结果（如磁盘已满） / the output cannot be written (a full disk …)
  4    validate：值无效 / validate: the value is invalid
  5    check：材料不全，须补正；或可容缺受理，所缺材料限期补交 / check: materials are missing or defective,
       or accepted pending (容缺受理) with materials still due
  6    check：不符合申请条件 / check: the applicant is not eligible
  7    check：尚缺申请人信息，无法确定 / check: undetermined until more facts are given
  8    verify：答复与本目录、引擎的答复不一致 / verify: the response is not what this catalogue and engine give
  9    test：有场景的预期与答复不符（场景文件出错为 1） / test: a scenario's expectation does not hold (1: a scenario file is in error)
  10   lint：发现问题 / lint: findings present
  141  标准输出已关闭（如 | head），不输出任何信息 / standard output was closed (| head): quietly";

/// A failure, with the exit code it maps to.
enum Failure {
    /// A mistake on the command line: exit 2, with the usage text.
    Usage(String),
    /// A file that cannot be read: exit 2, one line.
    Unreadable(String),
    /// A banshi error on the input: exit 1, printed as JSON with `--json`.
    Banshi(banshi::Error, bool),
    /// Some batch lines failed: exit 1 (already reported per line).
    BatchErrors(u64),
    /// The output could not be written: quietly [`EXIT_CLOSED`] for a closed
    /// pipe (`banshi … | head -1`), else one line and [`EXIT_WRITE`].
    Write(io::Error),
}

/// Exit code when standard output is a closed pipe: 128 + SIGPIPE, what a
/// shell reports for a command that a closed pipe stopped.
const EXIT_CLOSED: u8 = 141;
/// Exit code when the output cannot be written for any other reason.
const EXIT_WRITE: u8 = 3;
/// Exit code of `validate` when the value is invalid.
const EXIT_INVALID: u8 = 4;
/// Exit code of `check` when materials are missing or defective.
const EXIT_INCOMPLETE: u8 = 5;
/// Exit code of `check` when the applicant is not eligible.
const EXIT_INELIGIBLE: u8 = 6;
/// Exit code of `check` when facts are missing.
const EXIT_UNDETERMINED: u8 = 7;
/// Exit code of `verify` when the response differs.
const EXIT_MISMATCH: u8 = 8;
/// Exit code of `lint` when it finds something.
const EXIT_FINDINGS: u8 = 10;

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Failure {
        Failure::Usage(e.to_string())
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Usage(message)) => {
            complain(&format!("{message}\n\n{USAGE}"));
            ExitCode::from(2)
        }
        Err(Failure::Unreadable(message)) => {
            complain(&message);
            ExitCode::from(2)
        }
        Err(Failure::Banshi(e, as_json)) => {
            if as_json {
                // The error's own code and message below matter more than
                // whether this copy of it could be written.
                let _ = writeln!(io::stdout(), "{}", json::error(&e));
            }
            let hint = match &e {
                // A bundle is named by its id or its services joined by `+`;
                // its items' ids are in its merged checklist.
                banshi::Error::UnknownMaterial { service, suggestion: None, .. }
                    if service.contains('+') || !service.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    format!("（材料编号见 banshi assess {service} 的“编号” / see the ids in banshi assess {service}）")
                }
                banshi::Error::UnknownMaterial { service, suggestion: None, .. } => {
                    format!("（材料编号见 banshi show {service} / see banshi show {service} for material ids）")
                }
                banshi::Error::UnknownBundle { suggestion: None, .. } => {
                    "（一件事编号见 banshi bundles / see banshi bundles for bundle ids）".to_owned()
                }
                _ => String::new(),
            };
            complain(&format!("[{}] {e}{hint}", e.code().name()));
            ExitCode::from(1)
        }
        Err(Failure::BatchErrors(n)) => {
            complain(&format!("{n} 行处理失败（见对应输出行的 error） / {n} lines failed (see their error lines)"));
            ExitCode::from(1)
        }
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLOSED),
        Err(Failure::Write(e)) => {
            complain(&format!("无法写出结果：{e}"));
            ExitCode::from(EXIT_WRITE)
        }
    }
}

/// Writes `banshi: <message>` to stderr, with anything shaped like an ID
/// number masked (a file path, an argument). A failing stderr is ignored:
/// there is nowhere left to report it, and the exit code still tells.
fn complain(message: &str) {
    let _ = writeln!(io::stderr(), "banshi: {}", banshi::mask_id_numbers(message));
}

#[derive(Default)]
struct Options {
    catalog: Option<PathBuf>,
    json: bool,
    /// `--format html`: a printable page (`--format json` is `--json`).
    html: bool,
    /// `--format` as given.
    format: Option<String>,
    /// The notice's number, applicant name and ID number (html only).
    notice: Vec<(&'static str, String)>,
    facts: Option<String>,
    submitted: Option<String>,
    /// `--on-file`: document ids the office obtains itself, as given.
    on_file: Vec<String>,
    threads: Option<usize>,
    input: Option<String>,
    /// `diff`: the anchor application date, and the most applicants per service.
    date: Option<String>,
    limit: Option<u64>,
    help: bool,
    version: bool,
    positional: Vec<String>,
}

fn parse_args() -> Result<Options, Failure> {
    use lexopt::prelude::*;
    let mut opts = Options::default();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("catalog") => opts.catalog = Some(parser.value()?.into()),
            Long("json") => opts.json = true,
            Long("format") => {
                let format = parser.value()?.string()?;
                match format.as_str() {
                    "text" => (opts.json, opts.html) = (false, false),
                    "json" => (opts.json, opts.html) = (true, false),
                    "html" => (opts.json, opts.html) = (false, true),
                    "gbt39046" | "gbt39046-csv" => {}
                    other => {
                        return Err(Failure::Usage(format!(
                            "--format 应为 text、json、html、gbt39046 或 gbt39046-csv，而不是 {other}"
                        )));
                    }
                }
                opts.format = Some(format);
            }
            Long("number") => opts.notice.push(("number", parser.value()?.string()?)),
            Long("name") => opts.notice.push(("applicant_name", parser.value()?.string()?)),
            Long("id-number") => opts.notice.push(("id_number", parser.value()?.string()?)),
            Long("facts") => opts.facts = Some(parser.value()?.string()?),
            Long("submitted") => opts.submitted = Some(parser.value()?.string()?),
            Long("on-file") => {
                let value = parser.value()?.string()?;
                for id in value.split(',').map(str::trim) {
                    if id.is_empty() {
                        return Err(Failure::Usage(format!("--on-file 中有空的证件编号：“{value}”")));
                    }
                    opts.on_file.push(id.to_owned());
                }
            }
            Long("input") => opts.input = Some(parser.value()?.string()?),
            Long("threads") => opts.threads = Some(parser.value()?.parse()?),
            Long("date") => opts.date = Some(parser.value()?.string()?),
            Long("limit") => {
                let value = parser.value()?.string()?;
                match value.parse::<u64>() {
                    Ok(limit) if (1..=DIFF_MAX_LIMIT).contains(&limit) => opts.limit = Some(limit),
                    _ => {
                        return Err(Failure::Usage(format!(
                            "--limit 应为 1 到 {DIFF_MAX_LIMIT} 的整数，而不是 {value}"
                        )));
                    }
                }
            }
            Short('h') | Long("help") => opts.help = true,
            Short('V') | Long("version") => opts.version = true,
            Value(v) => opts.positional.push(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok(opts)
}

/// Runs the command; returns its exit code.
fn run() -> Result<u8, Failure> {
    let opts = parse_args()?;
    let mut args: Vec<&str> = opts.positional.iter().map(String::as_str).collect();
    if opts.help {
        args = vec!["help"];
    } else if opts.version {
        args = vec!["version"];
    }
    let loaded;
    let catalog = match &opts.catalog {
        None => Catalog::embedded(),
        Some(path) => {
            loaded = load_catalog(path, opts.json)?;
            &loaded
        }
    };
    let banshi = |e: banshi::Error| Failure::Banshi(e, opts.json);
    let mut out = io::stdout().lock();
    // What a validation or a notice found, for `validate` and `check`.
    let mut code = 0;

    match args.as_slice() {
        ["help"] => emit(&mut out, USAGE),
        ["services"] if opts.json => emit(&mut out, &json::services(catalog)),
        ["services"] => emit(&mut out, &text::services(catalog)),
        ["bundles"] if opts.json => emit(&mut out, &bundles_json(catalog)),
        ["bundles"] => emit(&mut out, &text::bundles(catalog)),
        ["show", id] if opts.html => emit(&mut out, &banshi::html::guide(catalog, id).map_err(banshi)?),
        ["show", id] if opts.json => emit(&mut out, &json::service(catalog, id).map_err(banshi)?),
        ["show", id] => emit(&mut out, &text::guide(catalog, id).map_err(banshi)?),
        ["assess", id] => {
            let facts = read_json(required(&opts.facts, "--facts")?)?;
            let request = format!(r#"{{{},"facts":{facts}{}}}"#, target(id), on_file(&opts.on_file));
            let response = json::assess(catalog, &request).map_err(banshi)?;
            emit(&mut out, &if opts.json { response } else { text::assessment(catalog, &request).map_err(banshi)? })
        }
        ["check", id] => {
            let facts = read_json(required(&opts.facts, "--facts")?)?;
            let submitted = read_json(required(&opts.submitted, "--submitted")?)?;
            let request =
                format!(r#"{{{},"facts":{facts},"submitted":{submitted}{}}}"#, target(id), on_file(&opts.on_file));
            let response = json::check(catalog, &request).map_err(banshi)?;
            code = check_code(&response);
            if opts.html {
                let fields: Vec<String> =
                    opts.notice.iter().map(|(k, v)| format!("{}:{}", quote(k), quote(v))).collect();
                let options = format!("{{{}}}", fields.join(","));
                emit(&mut out, &banshi::html::notice(catalog, &request, &options).map_err(banshi)?)
            } else {
                emit(&mut out, &if opts.json { response } else { text::notice(catalog, &request).map_err(banshi)? })
            }
        }
        ["batch", mode @ ("assess" | "check")] => {
            let call = if *mode == "assess" { json::assess } else { json::check };
            let threads = opts.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            if threads == 0 {
                return Err(Failure::Usage("--threads 至少为 1".into()));
            }
            let input: Box<dyn io::BufRead> = match opts.input.as_deref() {
                None | Some("-") => Box::new(io::stdin().lock()),
                Some(path) => Box::new(io::BufReader::new(
                    std::fs::File::open(path).map_err(|e| Failure::Unreadable(format!("无法读取 {path}：{e}")))?,
                )),
            };
            // The batch writes from its own thread: release this thread's lock.
            drop(out);
            let failed = batch::run(catalog, call, input, &mut io::stdout(), threads, io::stderr().is_terminal())
                .map_err(|e| match e {
                    batch::Error::Read(e) => Failure::Unreadable(format!("批量处理无法读取输入：{e}")),
                    batch::Error::Write(e) => Failure::Write(e),
                })?;
            return if failed > 0 { Err(Failure::BatchErrors(failed)) } else { Ok(0) };
        }
        ["validate", "id", number] => {
            let response =
                json::validate_id_number(&format!(r#"{{"id_number":{}}}"#, quote(number))).map_err(banshi)?;
            code = validation_code(&response);
            emit(&mut out, &if opts.json { response } else { text::validation(&response).map_err(banshi)? })
        }
        ["validate", "date", date] => {
            let response = json::validate_date(&format!(r#"{{"date":{}}}"#, quote(date))).map_err(banshi)?;
            code = validation_code(&response);
            emit(&mut out, &if opts.json { response } else { text::validation(&response).map_err(banshi)? })
        }
        ["validate", "file", service, material, path] => {
            let meta = std::fs::metadata(path).map_err(|e| Failure::Unreadable(format!("无法读取 {path}：{e}")))?;
            let name = Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
            let request = format!(
                r#"{{"service":{},"material":{},"file":{{"name":{},"size":{}}}}}"#,
                quote(service),
                quote(material),
                quote(name),
                meta.len()
            );
            let response = json::validate_file(catalog, &request).map_err(banshi)?;
            code = validation_code(&response);
            emit(&mut out, &if opts.json { response } else { text::validation(&response).map_err(banshi)? })
        }
        ["verify", request, response] => {
            let request = read_json(request)?;
            let response = read_json(response)?;
            let verdict = verify::verify(catalog, &request, &response, opts.json).map_err(banshi)?;
            code = if verdict.matches { 0 } else { EXIT_MISMATCH };
            emit(&mut out, &verdict.report)
        }
        ["export"] => match opts.format.as_deref() {
            Some("gbt39046") => emit(&mut out, &export::to_json(catalog)),
            Some("gbt39046-csv") => emit(&mut out, &export::to_csv(catalog)),
            _ => Err(Failure::Usage("export 需要 --format gbt39046 或 --format gbt39046-csv".into())),
        },
        ["vocabulary"] => emit(&mut out, &json::vocabulary(catalog)),
        ["types"] => emit(
            &mut out,
            &format!(
                "// Generated by `banshi types` from catalogue {} ({}); do not edit.\n\n{}",
                catalog.version(),
                catalog.content_hash(),
                banshi::typescript::declarations(catalog).trim_end()
            ),
        ),
        ["test", path] => {
            let (report, found) = scenario::command(catalog, opts.catalog.is_some(), path)?;
            code = found;
            emit(&mut out, &report)
        }
        ["lint" | "diff", ..] if opts.html => Err(Failure::Usage(format!("{} 的 --format 应为 text 或 json", args[0]))),
        ["lint"] => {
            let report = lint::lint(catalog, opts.json);
            code = if report.found { EXIT_FINDINGS } else { 0 };
            emit(&mut out, &report.text)
        }
        ["diff", old, new] => {
            let date = opts.date.as_deref().unwrap_or(DIFF_DATE);
            let anchor = date.parse().map_err(|e| Failure::Usage(format!("--date “{date}”无效：{e}")))?;
            let (mut a, mut b) = (None, None);
            let old = diff::Side { catalog: named_catalog(old, &mut a, opts.json)?, name: old };
            let new = diff::Side { catalog: named_catalog(new, &mut b, opts.json)?, name: new };
            emit(&mut out, &diff::diff(&old, &new, anchor, opts.limit.unwrap_or(DIFF_LIMIT), opts.json))
        }
        ["bundle", dir] => {
            let (version, files) =
                read_dir(Path::new(dir)).map_err(|e| Failure::Unreadable(format!("无法读取目录 {dir}：{e}")))?;
            Catalog::from_files(&version, files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                .map_err(|e| banshi(e.into()))?;
            emit(&mut out, &bundle_text(&version, &files))
        }
        ["version"] => emit(&mut out, &format!("banshi {} (catalogue {})", banshi::VERSION, catalog.version())),
        [] => Err(Failure::Usage("缺少命令".into())),
        _ => Err(Failure::Usage(format!("无法识别的命令：{}", args.join(" ")))),
    }
    .map(|()| code)
}

/// The exit code of a `check` response. The notice's status speaks of the
/// materials only, so an applicant who is not eligible is told apart first:
/// [`EXIT_INELIGIBLE`] whatever the materials; otherwise by the materials'
/// status.
fn check_code(response: &str) -> u8 {
    let r = serde_json::from_str::<serde_json::Value>(response).unwrap_or_default();
    if r["eligibility"]["status"] == "ineligible" {
        return EXIT_INELIGIBLE;
    }
    match r["status"].as_str() {
        Some("complete") if r["eligibility"]["status"] == "eligible" => 0,
        Some("complete") => EXIT_UNDETERMINED,
        // Accepted, but with materials still due: a script must not take it for complete.
        Some("incomplete" | "accepted_pending") => EXIT_INCOMPLETE,
        _ => EXIT_UNDETERMINED,
    }
}

/// The exit code of a `validate` response: [`EXIT_INVALID`] unless valid.
fn validation_code(response: &str) -> u8 {
    let valid = serde_json::from_str::<serde_json::Value>(response).is_ok_and(|r| r["valid"] == true);
    if valid { 0 } else { EXIT_INVALID }
}

fn emit(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    writeln!(out, "{text}").and_then(|()| out.flush()).map_err(Failure::Write)
}

fn required<'a>(value: &'a Option<String>, flag: &str) -> Result<&'a str, Failure> {
    value.as_deref().ok_or_else(|| Failure::Usage(format!("缺少 {flag} <文件>")))
}

/// What a request is for, as its first member: `"service"` for a service
/// number (service numbers start with a digit), `"bundle"` for a declared
/// bundle's id, or an array of the services of `1.1+8.1`.
fn target(id: &str) -> String {
    if id.contains('+') {
        let services: Vec<String> = id.split('+').map(quote).collect();
        format!(r#""bundle":[{}]"#, services.join(","))
    } else if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!(r#""service":{}"#, quote(id))
    } else {
        format!(r#""bundle":{}"#, quote(id))
    }
}

/// `,"on_file":[…]` for the documents of `--on-file`, or nothing, so that a
/// request without them is the same bytes as before they existed.
fn on_file(ids: &[String]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let ids: Vec<String> = ids.iter().map(|id| quote(id)).collect();
    format!(r#","on_file":[{}]"#, ids.join(","))
}

/// `banshi bundles --json`: `{"catalog_version", "bundles": [{"id", "name",
/// "decision"?, "services": [{"id", "name"}]}]}`, each bundle as the
/// `bundle` member of a bundle's answer names it.
fn bundles_json(catalog: &Catalog) -> String {
    #[derive(serde::Serialize)]
    struct Service<'a> {
        id: &'a str,
        name: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Bundle<'a> {
        id: Option<&'a str>,
        name: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        decision: Option<&'a str>,
        services: Vec<Service<'a>>,
    }
    #[derive(serde::Serialize)]
    struct List<'a> {
        catalog_version: &'a str,
        bundles: Vec<Bundle<'a>>,
    }
    let bundles = catalog
        .bundles()
        .iter()
        .map(|b| Bundle {
            id: b.id(),
            name: b.name(),
            decision: b.decision(),
            services: catalog.services_of(b).map(|s| Service { id: s.id(), name: s.name() }).collect(),
        })
        .collect();
    serde_json::to_string(&List { catalog_version: catalog.version(), bundles }).expect("plain data serialises")
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

/// Reads a JSON file (or stdin for `-`). The text is passed on verbatim, so
/// that duplicate keys still reach banshi's checks; it is only checked to be
/// one well-formed JSON value here, so that errors name the file.
fn read_json(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if path == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|e| Failure::Unreadable(format!("无法读取 {path}：{e}")))?;
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&text) {
        return Err(Failure::Banshi(banshi::Error::InvalidJson { detail: format!("{path}: {e}") }, false));
    }
    Ok(text)
}

/// Reads a catalogue directory: `VERSION`, `facts.json`, `documents.json`,
/// the optional `bundles.json` and `services/*.json`, as `(name, text)`
/// pairs for `Catalog::from_files`, the vocabulary and the registry first. A
/// missing `facts.json` or `documents.json` is left to the loader, which
/// names it.
fn read_dir(dir: &Path) -> io::Result<(String, Vec<(String, String)>)> {
    let version = std::fs::read_to_string(dir.join("VERSION"))?.trim().to_owned();
    let mut files = Vec::new();
    for name in ["facts.json", "documents.json", "bundles.json"] {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => files.push((name.to_owned(), text)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    let mut services = Vec::new();
    for entry in std::fs::read_dir(dir.join("services"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            services.push((format!("services/{name}"), std::fs::read_to_string(&path)?));
        }
    }
    services.sort();
    files.extend(services);
    Ok((version, files))
}

/// One bundle from a loaded directory's files: the members of `facts.json`
/// and `documents.json` spliced in as written, then the services.
fn bundle_text(version: &str, files: &[(String, String)]) -> String {
    let members = |name: &str| {
        files.iter().find(|(n, _)| n == name).map_or(String::new(), |(_, text)| {
            let text = text.trim();
            // The loader has read it as an object: it starts with `{` and ends with `}`.
            format!("{},\n", text[1..text.len() - 1].trim())
        })
    };
    let services: Vec<&str> = files.iter().filter(|(n, _)| n.starts_with("services/")).map(|(_, t)| t.trim()).collect();
    format!(
        "{{\"version\":{},\n{}{}{}\"services\":[\n{}\n]}}",
        quote(version),
        members("facts.json"),
        members("documents.json"),
        members("bundles.json"),
        services.join(",\n")
    )
}

/// `diff`'s anchor application date when `--date` is not given: fixed, so
/// that the same two catalogues always give the same report.
const DIFF_DATE: &str = "2026-01-01";
/// `diff`'s most applicants per service when `--limit` is not given.
const DIFF_LIMIT: u64 = 100_000;
/// The largest `--limit` `diff` takes: each applicant is assessed twice,
/// so a limit without a bound would let a typo run for days.
const DIFF_MAX_LIMIT: u64 = 1_000_000;

/// A catalogue named on the command line: `embedded` for the built-in one,
/// else a directory or a bundle, loaded into `slot`.
fn named_catalog<'a>(name: &str, slot: &'a mut Option<Catalog>, as_json: bool) -> Result<&'a Catalog, Failure> {
    if name == "embedded" {
        return Ok(Catalog::embedded());
    }
    Ok(slot.insert(load_catalog(Path::new(name), as_json)?))
}

/// Loads `--catalog`: a directory (`VERSION`, `facts.json`, `documents.json`,
/// `services/*.json`) or a bundle.
/// An unreadable path is a usage error; an invalid catalogue a banshi error.
fn load_catalog(path: &Path, as_json: bool) -> Result<Catalog, Failure> {
    let io_error = |e: io::Error| Failure::Unreadable(format!("无法读取目录 {}：{e}", path.display()));
    let loaded = if path.is_dir() {
        let (version, files) = read_dir(path).map_err(io_error)?;
        Catalog::from_files(&version, files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    } else {
        Catalog::from_bundle(&std::fs::read_to_string(path).map_err(io_error)?)
    };
    loaded.map_err(|e| Failure::Banshi(e.into(), as_json))
}
