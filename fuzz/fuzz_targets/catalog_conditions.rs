//! Catalogue conditions built from the condition grammar (nested `!`, `(`,
//! `&&`, `||`, comparisons, `in [...]`, far deeper and longer than the
//! limits allow, and token soup), loaded and assessed on a thread with a
//! 256 KiB stack, a JVM thread's: never a stack overflow, never a panic.
#![no_main]

use arbitrary::Arbitrary;
use banshi_core::{Catalog, Facts, json};
use libfuzzer_sys::fuzz_target;

const BOOLS: &[&str] = &["proxy", "disabled", "dibao", "college_graduate", "prxy"];
const CHOICES: &[(&str, &[&str])] = &[
    ("hukou", &["local", "nonlocal"]),
    ("marital_status", &["unmarried", "married", "divorced", "widowed"]),
    ("reimbursement_case", &["emergency_observation", "newborn_inpatient"]),
    ("hukuo", &["local", "lokal"]),
];
const COUNTS: &[&str] = &["age_days", "age_years", "subsidy_years_received", "proxy"];
const OPS: &[&str] = &["<", "<=", ">", ">=", "==", "!=", "=", "in"];

#[derive(Arbitrary, Debug)]
enum Cond {
    Bool(u8),
    Choice(u8, bool, u8),
    In(u8, Vec<u8>),
    Cmp(u8, u8, u32),
    Not(Box<Cond>),
    Paren(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    /// `n` times `!` before the condition.
    Nots(u16, Box<Cond>),
    /// The condition inside `n` parentheses, some possibly left open.
    Parens(u16, bool, Box<Cond>),
    /// `c && c && …` or `c || c || …`, `n` times: length.
    Repeat(u16, bool, Box<Cond>),
    /// Any text, spliced in.
    Raw(String),
}

/// The most text one condition renders to: four times the 4 KiB limit.
const MAX_TEXT: usize = 16 * 1024;

impl Cond {
    fn render(&self, out: &mut String) {
        if out.len() > MAX_TEXT {
            return;
        }
        let pick = |list: &[&'static str], i: u8| list[usize::from(i) % list.len()];
        match self {
            Cond::Bool(i) => out.push_str(pick(BOOLS, *i)),
            Cond::Choice(i, eq, v) => {
                let (name, values) = CHOICES[usize::from(*i) % CHOICES.len()];
                out.push_str(&format!("{name} {} {}", if *eq { "==" } else { "!=" }, pick(values, *v)));
            }
            Cond::In(i, vs) => {
                let (name, values) = CHOICES[usize::from(*i) % CHOICES.len()];
                let vs: Vec<&str> = vs.iter().map(|v| pick(values, *v)).collect();
                out.push_str(&format!("{name} in [{}]", vs.join(", ")));
            }
            Cond::Cmp(i, op, n) => out.push_str(&format!("{} {} {n}", pick(COUNTS, *i), pick(OPS, *op))),
            Cond::Not(c) => {
                out.push('!');
                c.render(out);
            }
            Cond::Paren(c) => {
                out.push('(');
                c.render(out);
                out.push(')');
            }
            Cond::And(a, b) | Cond::Or(a, b) => {
                a.render(out);
                out.push_str(if matches!(self, Cond::And(..)) { " && " } else { " || " });
                b.render(out);
            }
            Cond::Nots(n, c) => {
                out.push_str(&"!".repeat(usize::from(*n).min(MAX_TEXT)));
                c.render(out);
            }
            Cond::Parens(n, close, c) => {
                let n = usize::from(*n).min(MAX_TEXT / 2);
                out.push_str(&"(".repeat(n));
                c.render(out);
                if *close {
                    out.push_str(&")".repeat(n));
                }
            }
            Cond::Repeat(n, and, c) => {
                for i in 0..*n {
                    if out.len() > MAX_TEXT {
                        break;
                    }
                    if i > 0 {
                        out.push_str(if *and { " && " } else { " || " });
                    }
                    c.render(out);
                }
            }
            Cond::Raw(s) => out.push_str(s),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    requires: Cond,
    when: Cond,
    case_when: Cond,
    facts: Vec<(u8, u8)>,
}

/// The embedded catalogue's vocabulary, whose facts the generated conditions use.
const FACTS: &str = include_str!("../../core/catalog/facts.json");

fuzz_target!(|input: Input| {
    // Rendering recurses over the generated tree: do it on the fuzzer's own stack.
    let text = |c: &Cond| {
        let mut s = String::new();
        c.render(&mut s);
        serde_json::to_string(&s).unwrap()
    };
    let (requires, when, case_when) = (text(&input.requires), text(&input.when), text(&input.case_when));
    let vocabulary = FACTS.trim();
    let vocabulary = &vocabulary[1..vocabulary.len() - 1];
    let bundle = format!(
        r#"{{"version":"fuzz",{vocabulary},"documents":[{{"id":"doc","name":"证件"}}],"services":[{{"id":"1.2","name":"示例","legal_basis":[{{"id":"law","title":"条例"}}],
"implementing_body":"中心","boundary":"中心","steps":[{{"action":"申请"}}],"responsibility":"负责",
"supervision":{{"office":"纪检","phone":"1"}},
"eligibility":[{{"id":"r","text":"规则","requires":{requires},"basis":["law"],"source":"规则原文"}}],
"cases":{{"fact":"reimbursement_case","options":[{{"value":"emergency_observation","name":"甲"}},{{"value":"newborn_inpatient","name":"乙"}}]}},
"materials":[{{"id":"a","name":"甲","document":"doc","owner":"applicant","form":"original","basis":["law"],"when":{when},"when_source":"条件原文"}},
{{"id":"b","name":"乙","document":"doc","owner":"applicant","form":"copy","basis":["law"],"case":"emergency_observation","when":{case_when},"when_source":"条件原文"}},
{{"id":"c","name":"丙","document":"doc","owner":"applicant","form":"copy","basis":["law"],"case":"newborn_inpatient"}}]}}]}}"#
    );
    let mut facts = String::from(r#"{"application_date":"2026-11-27""#);
    let values = [
        r#""proxy":true"#,
        r#""proxy":false"#,
        r#""hukou":"local""#,
        r#""hukou":"nonlocal""#,
        r#""marital_status":"married""#,
        r#""birth_date":"2026-10-01""#,
        r#""birth_date":"1950-01-01""#,
        r#""reimbursement_case":"emergency_observation""#,
        r#""reimbursement_case":"newborn_inpatient""#,
        r#""disabled":true"#,
        r#""subsidy_years_received":3"#,
    ];
    let mut used = std::collections::HashSet::new();
    for &(k, _) in input.facts.iter().take(8) {
        let v = values[usize::from(k) % values.len()];
        let key = v.split(':').next().unwrap();
        if used.insert(key) {
            facts.push(',');
            facts.push_str(v);
        }
    }
    facts.push('}');
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let catalog = match Catalog::from_bundle(&bundle) {
                Ok(c) => c,
                Err(e) => {
                    assert!(!e.problems().is_empty(), "a failed load names its problems");
                    let _ = json::error(&e.into());
                    return;
                }
            };
            let facts = Facts::from_json(catalog.vocabulary(), &facts).expect("the facts are valid");
            let _ = catalog.assess("1.2", &facts).map(|a| a.to_json());
            let request = format!(r#"{{"service":"1.2","facts":{}}}"#, facts.to_json());
            let _ = json::assess(&catalog, &request);
            let check = format!(
                r#"{{"service":"1.2","facts":{},"submitted":[{{"id":"a","copies":1}},{{"id":"b"}}]}}"#,
                facts.to_json()
            );
            let _ = json::check(&catalog, &check);
            json::service(&catalog, "1.2").expect("the guide");
        })
        .expect("a thread")
        .join()
        .expect("no panic, no stack overflow on a 256 KiB stack");
});
