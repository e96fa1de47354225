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

mod catalog;
mod condition;
mod date;
mod embedded;
mod engine;
mod error;
mod facts;
pub mod html;
pub mod json;
mod lookup;
mod receipt;
mod sha256;
mod suggest;
mod validate;
mod wire;
mod writer;

pub use catalog::{
    Case, Catalog, Citation, Document, EligibilityRule, FileSpec, Form, LoadError, Material, Owner, Paper, PhotoSize,
    PhotoSpec, Problem, Requirement, Service, Step, Supervision,
};
pub use condition::Reason;
pub use date::{Date, DateError};
pub use engine::{
    Assessment, ChecklistItem, Defect, Eligibility, Notice, NoticeStatus, PendingItem, RuleOutcome, Shortfall,
    Submission,
};
pub use error::{Error, ErrorCode};
pub use facts::{Choice, Derivation, Derived, FactInfo, FactKind, FactValue, Facts, Vocabulary};
pub use validate::{FileProblem, IdNumber, IdNumberError, IdProblem, UploadedFile, mask_id_number, mask_id_numbers};

/// The version of this library, from `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
