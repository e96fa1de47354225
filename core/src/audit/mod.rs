//! Tools for the people who write catalogues, on top of everything else:
//! [`Catalog::lint`](crate::Catalog::lint) finds what loading accepts but an
//! author almost certainly did not mean, and [`Applicants`] generates the
//! applicants two versions of a service are compared over (`banshi diff`).
//!
//! - [`search`]: whether conditions can hold together, by a search over
//!   representative values of the facts they read;
//! - [`lint`]: the findings;
//! - [`applicants`]: the generated applicants.

mod applicants;
mod lint;
mod search;

pub use applicants::{Applicant, Applicants};

use std::fmt;

/// What a [`Finding`] is about: a stable code, and a Chinese label.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum FindingCode {
    /// A material's or an eligibility rule's condition no applicant can meet.
    NeverHolds,
    /// A condition too large to decide within the search's budget.
    Undecided,
    /// A fact declared in the vocabulary that nothing reads.
    UnreadFact,
    /// A derived value declared in the vocabulary that no condition reads.
    UnreadDerived,
    /// A choice value that no condition names and no case is.
    UnmentionedChoice,
    /// Two requirements of one service that are the same document of the
    /// same owner, and may be asked of one applicant together.
    DuplicateDocument,
    /// An interpretation whose decision text is empty.
    EmptyDecision,
}

impl FindingCode {
    /// Every code, in the order [`Catalog::lint`](crate::Catalog::lint)
    /// documents them.
    pub const ALL: &'static [FindingCode] = &[
        FindingCode::NeverHolds,
        FindingCode::Undecided,
        FindingCode::UnreadFact,
        FindingCode::UnreadDerived,
        FindingCode::UnmentionedChoice,
        FindingCode::DuplicateDocument,
        FindingCode::EmptyDecision,
    ];

    /// The stable name, such as `NEVER_HOLDS`.
    pub fn name(self) -> &'static str {
        match self {
            FindingCode::NeverHolds => "NEVER_HOLDS",
            FindingCode::Undecided => "UNDECIDED",
            FindingCode::UnreadFact => "UNREAD_FACT",
            FindingCode::UnreadDerived => "UNREAD_DERIVED",
            FindingCode::UnmentionedChoice => "UNMENTIONED_CHOICE",
            FindingCode::DuplicateDocument => "DUPLICATE_DOCUMENT",
            FindingCode::EmptyDecision => "EMPTY_DECISION",
        }
    }

    /// The Chinese label, such as `条件永不成立`.
    pub fn label(self) -> &'static str {
        match self {
            FindingCode::NeverHolds => "条件永不成立",
            FindingCode::Undecided => "条件未能判定",
            FindingCode::UnreadFact => "事实未被读取",
            FindingCode::UnreadDerived => "推算值未被读取",
            FindingCode::UnmentionedChoice => "取值未被提及",
            FindingCode::DuplicateDocument => "同一证件重复",
            FindingCode::EmptyDecision => "口径说明为空",
        }
    }
}

/// One problem [`Catalog::lint`](crate::Catalog::lint) found: its code, where
/// it is, and a Chinese message (its `Display`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Finding {
    code: FindingCode,
    service: Option<String>,
    material: Option<String>,
    other_material: Option<String>,
    rule: Option<String>,
    fact: Option<String>,
    value: Option<String>,
    message: String,
}

impl Finding {
    fn new(code: FindingCode, message: String) -> Finding {
        Finding {
            code,
            service: None,
            material: None,
            other_material: None,
            rule: None,
            fact: None,
            value: None,
            message,
        }
    }

    /// What kind of problem it is.
    pub fn code(&self) -> FindingCode {
        self.code
    }

    /// The service it is in, if it is in one.
    pub fn service(&self) -> Option<&str> {
        self.service.as_deref()
    }

    /// The material (requirement) id it is about, if any. For a
    /// [`DuplicateDocument`](FindingCode::DuplicateDocument), the later of
    /// the two.
    pub fn material(&self) -> Option<&str> {
        self.material.as_deref()
    }

    /// For a [`DuplicateDocument`](FindingCode::DuplicateDocument), the
    /// earlier requirement the material repeats.
    pub fn other_material(&self) -> Option<&str> {
        self.other_material.as_deref()
    }

    /// The eligibility rule id it is about, if any.
    pub fn rule(&self) -> Option<&str> {
        self.rule.as_deref()
    }

    /// The fact (or derived value) it is about, if any.
    pub fn fact(&self) -> Option<&str> {
        self.fact.as_deref()
    }

    /// The choice value it is about, if any.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// The finding in Chinese.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
