//! Result codes. Written out here (not generated) because cbindgen reads
//! source, not macro expansions; a test keeps them equal to
//! `banshi::ErrorCode`, number for number and name for name.

use std::ffi::{CStr, c_char};

use banshi_core::ErrorCode;

/// The result of a fallible banshi call. 0 is success; every other value is
/// a documented error. Numbers are never reused.
#[repr(u32)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(non_camel_case_types)]
pub enum banshi_result {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullPointer = 1,
    /// Input text was not valid UTF-8.
    InvalidUtf8 = 2,
    /// A bug in banshi was caught at the boundary; the process is unharmed.
    Panic = 3,
    /// The input is not well-formed JSON, or is nested too deeply.
    InvalidJson = 10,
    /// A request object has a key banshi does not know.
    UnknownKey = 11,
    /// A required request field is absent.
    MissingField = 12,
    /// A request field has the wrong JSON type or an invalid value.
    InvalidValue = 13,
    /// A key appears twice in one JSON object.
    DuplicateKey = 14,
    /// The input is larger than the documented limit (1 MiB).
    InputTooLarge = 15,
    /// No service has this number.
    UnknownService = 20,
    /// The service is not in force on the application date.
    ServiceNotInForce = 21,
    /// The service has no material with this id.
    UnknownMaterial = 22,
    /// The same material is listed twice in one submission.
    DuplicateSubmission = 23,
    /// The catalogue declares no bundle with this id.
    UnknownBundle = 24,
    /// The document registry has no document with this id.
    UnknownDocument = 25,
    /// A fact name is not in the vocabulary.
    UnknownFact = 30,
    /// A fact has a value outside its allowed values.
    InvalidFactValue = 31,
    /// A date is malformed or does not exist.
    InvalidDate = 32,
    /// The facts lack the application date.
    MissingApplicationDate = 33,
    /// A date an age is computed from is after the application date.
    DateAfterApplication = 34,
    /// The facts were read against another catalogue's vocabulary.
    VocabularyMismatch = 35,
    /// A catalogue failed validation; the error JSON lists every problem.
    InvalidCatalog = 40,
}

impl banshi_result {
    /// Every code, success first.
    pub(crate) const ALL: [banshi_result; 23] = [
        banshi_result::Ok,
        banshi_result::NullPointer,
        banshi_result::InvalidUtf8,
        banshi_result::Panic,
        banshi_result::InvalidJson,
        banshi_result::UnknownKey,
        banshi_result::MissingField,
        banshi_result::InvalidValue,
        banshi_result::DuplicateKey,
        banshi_result::InputTooLarge,
        banshi_result::UnknownService,
        banshi_result::ServiceNotInForce,
        banshi_result::UnknownMaterial,
        banshi_result::DuplicateSubmission,
        banshi_result::UnknownBundle,
        banshi_result::UnknownDocument,
        banshi_result::UnknownFact,
        banshi_result::InvalidFactValue,
        banshi_result::InvalidDate,
        banshi_result::MissingApplicationDate,
        banshi_result::DateAfterApplication,
        banshi_result::VocabularyMismatch,
        banshi_result::InvalidCatalog,
    ];

    pub(crate) fn from_number(number: u32) -> Option<banshi_result> {
        Self::ALL.iter().copied().find(|c| *c as u32 == number)
    }

    /// The code's name, as a static C string.
    pub(crate) fn name_c(self) -> *const c_char {
        let name: &'static CStr = match self {
            banshi_result::Ok => c"OK",
            banshi_result::NullPointer => c"NULL_POINTER",
            banshi_result::InvalidUtf8 => c"INVALID_UTF8",
            banshi_result::Panic => c"PANIC",
            banshi_result::InvalidJson => c"INVALID_JSON",
            banshi_result::UnknownKey => c"UNKNOWN_KEY",
            banshi_result::MissingField => c"MISSING_FIELD",
            banshi_result::InvalidValue => c"INVALID_VALUE",
            banshi_result::DuplicateKey => c"DUPLICATE_KEY",
            banshi_result::InputTooLarge => c"INPUT_TOO_LARGE",
            banshi_result::UnknownService => c"UNKNOWN_SERVICE",
            banshi_result::ServiceNotInForce => c"SERVICE_NOT_IN_FORCE",
            banshi_result::UnknownMaterial => c"UNKNOWN_MATERIAL",
            banshi_result::DuplicateSubmission => c"DUPLICATE_SUBMISSION",
            banshi_result::UnknownBundle => c"UNKNOWN_BUNDLE",
            banshi_result::UnknownDocument => c"UNKNOWN_DOCUMENT",
            banshi_result::UnknownFact => c"UNKNOWN_FACT",
            banshi_result::InvalidFactValue => c"INVALID_FACT_VALUE",
            banshi_result::InvalidDate => c"INVALID_DATE",
            banshi_result::MissingApplicationDate => c"MISSING_APPLICATION_DATE",
            banshi_result::DateAfterApplication => c"DATE_AFTER_APPLICATION",
            banshi_result::VocabularyMismatch => c"VOCABULARY_MISMATCH",
            banshi_result::InvalidCatalog => c"INVALID_CATALOG",
        };
        name.as_ptr()
    }

    /// A short English description, as a static C string.
    pub(crate) fn message_c(self) -> *const c_char {
        let message: &'static CStr = match self {
            banshi_result::Ok => c"success",
            banshi_result::NullPointer => c"a required pointer argument was NULL",
            banshi_result::InvalidUtf8 => c"input text is not valid UTF-8",
            banshi_result::Panic => c"an internal error was caught at the API boundary",
            banshi_result::InvalidJson => c"input is not well-formed JSON",
            banshi_result::UnknownKey => c"a request has an unknown key",
            banshi_result::MissingField => c"a required field is missing",
            banshi_result::InvalidValue => c"a field has the wrong type or an invalid value",
            banshi_result::DuplicateKey => c"a key appears twice in one object",
            banshi_result::InputTooLarge => c"the input is larger than the documented limit",
            banshi_result::UnknownService => c"no service has this number",
            banshi_result::ServiceNotInForce => c"the service is not in force on the application date",
            banshi_result::UnknownMaterial => c"the service has no material with this id",
            banshi_result::DuplicateSubmission => c"a material is listed twice in one submission",
            banshi_result::UnknownBundle => c"the catalogue declares no bundle with this id",
            banshi_result::UnknownDocument => c"the document registry has no document with this id",
            banshi_result::UnknownFact => c"a fact name is not in the vocabulary",
            banshi_result::InvalidFactValue => c"a fact has a value outside its allowed values",
            banshi_result::InvalidDate => c"a date is malformed or does not exist",
            banshi_result::MissingApplicationDate => c"the facts lack the application date",
            banshi_result::DateAfterApplication => c"a date an age is computed from is after the application date",
            banshi_result::VocabularyMismatch => c"the facts were read against another catalogue's vocabulary",
            banshi_result::InvalidCatalog => c"the catalogue failed validation",
        };
        message.as_ptr()
    }

    pub(crate) fn name(self) -> &'static str {
        // SAFETY: name_c returns a pointer to a static, NUL-terminated literal.
        unsafe { CStr::from_ptr(self.name_c()) }.to_str().expect("ASCII")
    }

    pub(crate) fn message(self) -> &'static str {
        // SAFETY: message_c returns a pointer to a static, NUL-terminated literal.
        unsafe { CStr::from_ptr(self.message_c()) }.to_str().expect("ASCII")
    }
}

impl From<ErrorCode> for banshi_result {
    fn from(code: ErrorCode) -> banshi_result {
        banshi_result::from_number(code.number()).unwrap_or(banshi_result::Panic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_core_enum_exactly() {
        let core: Vec<(u32, &str)> = ErrorCode::ALL.iter().map(|c| (c.number(), c.name())).collect();
        let ffi: Vec<(u32, &str)> = banshi_result::ALL[1..].iter().map(|c| (*c as u32, c.name())).collect();
        assert_eq!(ffi, core);
        for code in ErrorCode::ALL {
            let ffi = banshi_result::from(*code);
            assert_eq!(ffi as u32, code.number(), "{code} maps to itself");
            assert_eq!(ffi.message(), code.description(), "{code}'s message");
        }
        assert_eq!((banshi_result::Ok.name(), banshi_result::Ok.message()), ("OK", "success"));
    }
}
