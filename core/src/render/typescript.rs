//! TypeScript declarations for a catalogue: its facts, with each choice
//! fact's values as a literal union, the `Facts` object a request gives,
//! and literal unions of its service ids, material ids and document ids, and
//! of the codes errors and problems carry.
//!
//! One generator for every catalogue: `banshi types` prints it for any
//! catalogue, and the npm package ships it for the embedded one (its
//! `types.d.ts` begins with it). A typo in a fact value, a service id or a
//! material id then fails to compile in TypeScript.
//!
//! ```
//! let ts = banshi::typescript::declarations(banshi::Catalog::embedded());
//! assert!(ts.contains(r#"export type MaritalStatus = "unmarried" | "married" | "divorced" | "widowed";"#));
//! assert!(ts.contains("  marital_status?: MaritalStatus | null;"));
//! assert!(ts.contains(r#"export type ServiceId = "1.1" | "1.2""#));
//! ```

use std::fmt::Write;

use crate::error::ErrorCode;
use crate::eval::Shortfall;
use crate::eval::file::FileProblem;
use crate::facts::{FactInfo, FactKind};
use crate::model::Catalog;
use crate::support::id_number::IdProblem;

/// The names the declarations give their own types; a choice fact's type
/// never takes one of them.
const RESERVED: &[&str] =
    &["ServiceId", "MaterialId", "DocumentId", "BundleId", "ErrorCode", "ProblemCode", "FactName", "Facts"];

/// The TypeScript declarations of `catalog`, as module text (every type
/// exported), ending in one newline:
///
/// - `ServiceId`, `MaterialId` (every requirement id and every `one_of`
///   option's id), `DocumentId` (the document registry) and `BundleId`
///   (the declared bundles of services, `never` when there are none):
///   literal unions;
/// - `ErrorCode` (the `code` of an error, as in ERRORS.md) and `ProblemCode`
///   (the `code` of a validation's or a defect's problem);
/// - for each choice fact, a literal union of its values, named after the
///   fact in PascalCase (`marital_status` → `MaritalStatus`; `Value` is
///   appended where that name is taken);
/// - `FactName`, every fact a request may give, and `Facts`, the request's
///   facts object: `application_date` required, every other fact optional
///   and nullable (`null` is "not given"), a bool fact `boolean`, a count
///   `number`, a date `string`.
///
/// Each type and fact carries its Chinese label as a doc comment.
pub fn declarations(catalog: &Catalog) -> String {
    let mut out = String::new();
    let services = catalog.services();
    union(
        &mut out,
        "ServiceId",
        &format!("A service number of catalogue {}.", catalog.version()),
        services.iter().map(|s| s.id()),
    );
    let materials = services.iter().flat_map(|s| {
        s.requirements().iter().flat_map(|r| std::iter::once(r.id()).chain(r.options().iter().map(|o| o.id())))
    });
    union(&mut out, "MaterialId", "A material (or requirement) id of one of its services.", materials);
    union(
        &mut out,
        "DocumentId",
        "A document of its registry (documents.json).",
        catalog.documents().iter().map(|d| d.id()),
    );
    union(
        &mut out,
        "BundleId",
        "A bundle of services it declares (bundles.json), for one application (一件事一次办).",
        catalog.bundles().iter().filter_map(|b| b.id()),
    );
    union(
        &mut out,
        "ErrorCode",
        "An error code (`BanshiError.code`), as in ERRORS.md.",
        ErrorCode::ALL.iter().map(|c| c.name()),
    );
    union(&mut out, "ProblemCode", "A problem code in a validation or a defect.", problem_codes());

    let facts = catalog.vocabulary().facts();
    let mut names: Vec<String> = RESERVED.iter().map(|&n| n.to_owned()).collect();
    let mut types = Vec::with_capacity(facts.len());
    for fact in facts {
        let ty = match fact.kind() {
            FactKind::Choice => {
                let name = type_name(fact.name(), &names);
                let labels: Vec<String> =
                    fact.choices().iter().map(|c| format!("{} {}", c.name(), c.label())).collect();
                union(
                    &mut out,
                    &name,
                    &format!("{}: {}.", fact.label(), labels.join(", ")),
                    fact.choices().iter().map(|c| c.name()),
                );
                names.push(name.clone());
                name
            }
            FactKind::Bool => "boolean".to_owned(),
            FactKind::Count => "number".to_owned(),
            FactKind::Date => "string".to_owned(),
        };
        types.push(ty);
    }
    union(&mut out, "FactName", "A fact a request may give.", facts.iter().map(FactInfo::name));

    out.push_str(
        "/** An applicant's facts, as a request gives them: `application_date` is required, and `null` is \"not given\". */\n\
         export type Facts = {\n",
    );
    for (i, (fact, ty)) in facts.iter().zip(&types).enumerate() {
        let detail = match fact.kind() {
            FactKind::Date => " (YYYY-MM-DD)".to_owned(),
            FactKind::Count => format!(" (0 to {})", fact.max().unwrap_or(0)),
            _ => String::new(),
        };
        let _ = writeln!(out, "  /** {}{detail} */", comment(fact.label()));
        if i == 0 {
            // application_date, the one fact every request gives.
            let _ = writeln!(out, "  {}: {ty};", fact.name());
        } else {
            let _ = writeln!(out, "  {}?: {ty} | null;", fact.name());
        }
    }
    out.push_str("};\n");
    out
}

/// Appends `/** doc */ export type name = "a" | "b";` and a blank line, each
/// value once, in first-seen order. A union of no values is `never`.
fn union<'a>(out: &mut String, name: &str, doc: &str, values: impl IntoIterator<Item = &'a str>) {
    let mut seen: Vec<&str> = Vec::new();
    for v in values {
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    let literals: Vec<String> = seen.iter().map(|v| crate::support::writer::to_string(v, v.len() + 2)).collect();
    let body = if literals.is_empty() { "never".to_owned() } else { literals.join(" | ") };
    let _ = write!(out, "/** {} */\nexport type {name} = {body};\n\n", comment(doc));
}

/// A doc comment's text, unable to end the comment early.
fn comment(text: &str) -> String {
    text.replace("*/", "*\\/")
}

/// `marital_status` → `MaritalStatus`; with `Value` (then a number) appended
/// while the name is in `taken`. Fact names are lower case, digits and `_`,
/// starting with a letter, so the result is an identifier.
fn type_name(fact: &str, taken: &[String]) -> String {
    let mut name = String::with_capacity(fact.len());
    for word in fact.split('_').filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    let free = |n: &str| !taken.iter().any(|t| t == n);
    if free(&name) {
        return name;
    }
    let mut candidate = format!("{name}Value");
    let mut n = 2;
    while !free(&candidate) {
        candidate = format!("{name}Value{n}");
        n += 1;
    }
    candidate
}

/// Every problem code the core gives: ID numbers, dates, files and submitted
/// materials, each read from its problem's `code()`.
fn problem_codes() -> Vec<&'static str> {
    let id = [IdProblem::Length, IdProblem::Characters, IdProblem::Region, IdProblem::BirthDate, IdProblem::CheckDigit];
    let file = [
        FileProblem::Format { expected: String::new() },
        FileProblem::Empty,
        FileProblem::TooLarge { size: 0, max_bytes: 0 },
    ];
    let shortfall = [
        Shortfall::MissingOriginal { noun: "原件", needed: 1, unit: "份", copies_given: false },
        Shortfall::TooFewOriginals { noun: "原件", needed: 1, got: 0, unit: "份" },
        Shortfall::MissingCopy { needed: 1 },
        Shortfall::TooFewCopies { needed: 1, got: 0 },
    ];
    let mut codes: Vec<&'static str> = id.iter().map(|p| p.code()).collect();
    codes.push(ErrorCode::InvalidDate.name());
    codes.extend(file.iter().map(FileProblem::code));
    codes.extend(shortfall.iter().map(Shortfall::code));
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_pascal_case_and_never_taken() {
        let taken: Vec<String> = RESERVED.iter().map(|&n| n.to_owned()).collect();
        assert_eq!(type_name("marital_status", &taken), "MaritalStatus");
        assert_eq!(type_name("grade_1", &taken), "Grade1");
        assert_eq!(type_name("facts", &taken), "FactsValue");
        let mut more = taken.clone();
        more.push("FactsValue".to_owned());
        assert_eq!(type_name("facts", &more), "FactsValue2");
    }

    #[test]
    fn a_comment_cannot_be_closed_by_its_text() {
        assert_eq!(comment("a */ b"), "a *\\/ b");
    }
}
