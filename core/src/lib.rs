//! # banshi (办事)
//!
//! The rules library for the 职责事项 of a Tianjin street service centre:
//! given a service and an applicant's facts, it says whether the applicant
//! is eligible and why, which materials to bring (original or copy, how
//! many, paper, photo specs), and for each material the reason and its legal
//! basis. Given what was submitted, it lists everything missing or defective
//! at once: the one-time notice (一次性告知).
//!
//! The rules are data, and so is the vocabulary they speak: a catalogue
//! declares its own facts (`facts.json`), its documents (`documents.json`)
//! and its services. The [embedded catalogue](Catalog::embedded) holds the
//! 18 services of the seed; an office can load its own catalogue, or an
//! updated one, at run time ([`Catalog::from_files`],
//! [`Catalog::from_bundle`]) with no change to this crate.
//!
//! banshi does no I/O and never reads the clock: the application date is an
//! input.
//!
//! # Example
//!
//! ```
//! use banshi::{Catalog, Eligibility, Facts};
//!
//! let catalog = Catalog::embedded();
//! // Facts are read against the catalogue's own vocabulary (its facts.json).
//! let facts = Facts::from_json(catalog.vocabulary(), r#"{
//!     "application_date": "2026-11-27",
//!     "birth_date": "1990-05-01",
//!     "hukou": "nonlocal",
//!     "marital_status": "unmarried",
//!     "proxy": false,
//!     "employment_status": "unemployed",
//!     "has_training_certificate": true,
//!     "college_graduate": false,
//!     "premises": "leased"
//! }"#)?;
//! let assessment = catalog.assess("10.1", &facts)?;
//! assert_eq!(assessment.eligibility(), Eligibility::Eligible);
//!
//! let ids: Vec<&str> = assessment.checklist().map(|item| item.id()).collect();
//! assert!(ids.contains(&"residence_permit"));     // 外地
//! assert!(ids.contains(&"marital_status_proof")); // 未婚: 民政部门证明
//! assert!(!ids.contains(&"spouse_id_card"));      // 单身: no spouse documents
//! # Ok::<(), banshi::Error>(())
//! ```
//!
//! # The JSON API
//!
//! Bindings talk JSON through [`json`]: the same request gives the same
//! bytes from Rust, C, Java and JavaScript.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The layers, bottom first; each uses only those before it (ARCHITECTURE.md,
// checked by core/tests/layers.rs):
//   support    dates, ID numbers, JSON in and out, look-ups: no domain knowledge
//   error      errors and their stable codes
//   facts      a catalogue's vocabulary, and facts read against it
//   condition  conditions over the vocabulary
//   model      the catalogue as data
//   load       reading and compiling catalogue files into the model
//   eval       assessing applicants and checking submissions
//   render     answers as JSON, HTML and text
//   catalog    the public constructors, joining load and render
//   audit      tools for catalogue authors: lint, and applicants for diffs
mod audit;
mod catalog;
mod condition;
mod error;
mod eval;
mod facts;
mod load;
mod model;
mod render;
mod support;

pub use audit::{Applicant, Applicants, Finding, FindingCode};
pub use condition::Reason;
pub use error::{Error, ErrorCode, LoadError, Problem};
pub use eval::bundle::{
    BundleAssessment, BundleDefect, BundleItem, BundleNotice, MERGE_RULE, MergedItem, Part, PartView,
};
pub use eval::file::{FileProblem, UploadedFile};
pub use eval::{
    Assessment, ChecklistItem, Defect, Eligibility, ExemptItem, Notice, NoticeStatus, OnFile, PendingItem, RuleOutcome,
    Shortfall, Submission,
};
pub use facts::{Choice, Derivation, Derived, FactInfo, FactKind, FactValue, Facts, Owner, Vocabulary};
pub use model::{
    Bundle, Case, Catalog, Citation, Deferral, Document, EligibilityRule, FileSpec, Form, Material, Paper, PhotoSize,
    PhotoSpec, Pledge, Requirement, Service, StandIn, StandInKind, Step, Supervision,
};
pub use render::{html, json, text, typescript};
pub use support::date::{Date, DateError};
pub use support::id_number::{IdNumber, IdNumberError, IdProblem, mask_id_number, mask_id_numbers};

pub use support::VERSION;
