//! Errors, and the stable result codes every binding shares.

use std::fmt;

use crate::support::Joined as _;

macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $number:literal, $name:literal, $en:literal, $zh:literal;)*) => {
        /// A stable, numbered error code.
        ///
        /// The same number and name appear in the C header
        /// (`BANSHI_RESULT_<NAME>`), as the `code` of JSON errors, and on
        /// exceptions and JS `Error`s. Numbers are never reused; 0 is success
        /// and is not an error code.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        #[non_exhaustive]
        #[repr(u32)]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant = $number,)*
        }

        impl ErrorCode {
            /// Every code, in numeric order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The code's name, such as `"UNKNOWN_FACT"`.
            pub fn name(self) -> &'static str {
                match self { $(ErrorCode::$variant => $name,)* }
            }

            /// The code's number, as returned across the C ABI.
            pub fn number(self) -> u32 {
                self as u32
            }

            /// A short English description of the code.
            pub fn description(self) -> &'static str {
                match self { $(ErrorCode::$variant => $en,)* }
            }

            /// A short Chinese description of the code.
            pub fn description_zh(self) -> &'static str {
                match self { $(ErrorCode::$variant => $zh,)* }
            }

            /// The code with this number, if there is one.
            pub fn from_number(number: u32) -> Option<ErrorCode> {
                match number { $($number => Some(ErrorCode::$variant),)* _ => None }
            }
        }
    };
}

error_codes! {
    /// A required pointer argument was NULL (C ABI only).
    NullPointer = 1, "NULL_POINTER", "a required pointer argument was NULL", "必需的指针参数为空（仅 C 接口）";
    /// Input text was not valid UTF-8.
    InvalidUtf8 = 2, "INVALID_UTF8", "input text is not valid UTF-8", "输入不是有效的 UTF-8 文本";
    /// A bug in banshi was caught at the API boundary (C ABI only).
    Panic = 3, "PANIC", "an internal error was caught at the API boundary", "内部错误已在接口边界被拦截，进程不受影响（仅 C 接口）";
    /// The input is not well-formed JSON.
    InvalidJson = 10, "INVALID_JSON", "input is not well-formed JSON", "输入不是格式正确的 JSON，或嵌套超过 128 层";
    /// A request object has a key banshi does not know.
    UnknownKey = 11, "UNKNOWN_KEY", "a request has an unknown key", "请求中有未知字段";
    /// A required request field is absent.
    MissingField = 12, "MISSING_FIELD", "a required field is missing", "缺少必填字段";
    /// A request field has the wrong JSON type or an invalid value.
    InvalidValue = 13, "INVALID_VALUE", "a field has the wrong type or an invalid value", "字段的类型或取值错误";
    /// A key appears twice in one JSON object.
    DuplicateKey = 14, "DUPLICATE_KEY", "a key appears twice in one object", "同一对象中字段重复";
    /// The input is larger than the documented limit (1 MiB).
    InputTooLarge = 15, "INPUT_TOO_LARGE", "the input is larger than the documented limit", "输入超过 1 MiB 的上限";
    /// No service has this number.
    UnknownService = 20, "UNKNOWN_SERVICE", "no service has this number", "没有此序号的事项";
    /// The service is not in force on the application date.
    ServiceNotInForce = 21, "SERVICE_NOT_IN_FORCE", "the service is not in force on the application date", "事项在申请日期不在有效期内";
    /// The service has no material with this id.
    UnknownMaterial = 22, "UNKNOWN_MATERIAL", "the service has no material with this id", "事项中没有此编号的材料";
    /// The same material is listed twice in one submission.
    DuplicateSubmission = 23, "DUPLICATE_SUBMISSION", "a material is listed twice in one submission", "同一材料在提交清单中重复出现";
    /// The catalogue declares no bundle of services with this id.
    UnknownBundle = 24, "UNKNOWN_BUNDLE", "the catalogue declares no bundle with this id", "目录中没有此编号的“一件事”";
    /// The catalogue's document registry has no document with this id.
    UnknownDocument = 25, "UNKNOWN_DOCUMENT", "the document registry has no document with this id", "证件登记表中没有此编号的证件";
    /// A fact name is not in the vocabulary.
    UnknownFact = 30, "UNKNOWN_FACT", "a fact name is not in the vocabulary", "申请人信息字段不在词汇表中";
    /// A fact has a value outside its allowed values.
    InvalidFactValue = 31, "INVALID_FACT_VALUE", "a fact has a value outside its allowed values", "申请人信息的取值无效";
    /// A date is malformed or does not exist.
    InvalidDate = 32, "INVALID_DATE", "a date is malformed or does not exist", "日期格式错误或日期不存在";
    /// The facts lack the application date.
    MissingApplicationDate = 33, "MISSING_APPLICATION_DATE", "the facts lack the application date", "缺少申请日期";
    /// A date an age is computed from (such as the birth date) is after the application date.
    DateAfterApplication = 34, "DATE_AFTER_APPLICATION", "a date an age is computed from is after the application date", "计算年龄等所依据的日期晚于申请日期";
    /// The facts were read against another catalogue's vocabulary.
    VocabularyMismatch = 35, "VOCABULARY_MISMATCH", "the facts were read against another catalogue's vocabulary", "申请人信息是按另一目录的词汇表读取的";
    /// A catalogue failed validation; every problem is listed.
    InvalidCatalog = 40, "INVALID_CATALOG", "the catalogue failed validation", "目录校验失败（错误中列出全部问题）";
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything that can go wrong when using a catalogue.
///
/// The `Display` text is a Chinese message for people; [`Error::code`] is
/// the stable code for programs. Messages never echo an ID number unmasked,
/// and neither does `Debug` (`Error(UNKNOWN_FACT, "…")`), which `unwrap`
/// and `main() -> Result` print.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// Input text was not valid UTF-8.
    InvalidUtf8,
    /// The input is not well-formed JSON.
    InvalidJson {
        /// What the parser reported, with line and column.
        detail: String,
    },
    /// A request object has an unknown key.
    UnknownKey {
        /// Where the object is, such as `请求` or `submitted[2]`.
        path: String,
        /// The unknown key.
        key: String,
        /// The nearest known key, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A required field is absent.
    MissingField {
        /// The field's path, such as `service` or `submitted[0].id`.
        field: String,
    },
    /// A field has the wrong type or an invalid value.
    InvalidValue {
        /// The field's path.
        field: String,
        /// What was expected, in Chinese.
        expected: String,
    },
    /// A key appears twice in one object.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// The input is larger than the documented limit.
    InputTooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// No service has this number.
    UnknownService {
        /// The requested service number.
        id: String,
        /// The nearest service number, if one is close.
        suggestion: Option<String>,
    },
    /// The service is not in force on the application date.
    ServiceNotInForce {
        /// The service number.
        id: String,
        /// The application date.
        date: crate::support::date::Date,
    },
    /// The service has no material with this id.
    UnknownMaterial {
        /// The service number.
        service: String,
        /// The unknown material id.
        id: String,
        /// The nearest material id, if one is close.
        suggestion: Option<String>,
    },
    /// The same material appears twice in one submission.
    DuplicateSubmission {
        /// The repeated material id.
        id: String,
    },
    /// The catalogue declares no bundle of services with this id.
    UnknownBundle {
        /// The requested bundle id.
        id: String,
        /// The nearest declared bundle id, if one is close.
        suggestion: Option<String>,
    },
    /// The document registry has no document with this id (in `on_file`).
    UnknownDocument {
        /// The unknown document id.
        id: String,
        /// The nearest registered id, if one is close.
        suggestion: Option<String>,
    },
    /// A fact name is not in the vocabulary.
    UnknownFact {
        /// The unknown key.
        key: String,
        /// The nearest fact name, if one is close.
        suggestion: Option<String>,
    },
    /// A fact has a value outside its allowed values.
    InvalidFactValue {
        /// The fact's name.
        fact: String,
        /// What was expected, in Chinese.
        expected: String,
    },
    /// A date is malformed or does not exist.
    InvalidDate {
        /// The field holding the date.
        field: String,
        /// Why it is invalid.
        reason: crate::support::date::DateError,
    },
    /// The facts lack the application date.
    MissingApplicationDate,
    /// A date an age is computed from (a derived value reads it) is after
    /// the application date.
    DateAfterApplication {
        /// The date fact's name, such as `birth_date`.
        fact: String,
        /// Its Chinese label, such as `出生日期`.
        label: String,
        /// The date given.
        date: crate::support::date::Date,
        /// The application date.
        application: crate::support::date::Date,
    },
    /// The facts were read against another catalogue's vocabulary: read
    /// them with this catalogue's [`Catalog::vocabulary`](crate::model::Catalog::vocabulary).
    VocabularyMismatch,
    /// A catalogue failed validation.
    InvalidCatalog(LoadError),
}

impl fmt::Display for Error {
    /// The Chinese message, with anything shaped like an ID number masked
    /// (`crate::support::id_number::mask_id_numbers`), whichever field it came in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::support::id_number::mask_id_numbers(&self.unmasked_message()))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidCatalog(load) => Some(load),
            _ => None,
        }
    }
}

impl From<LoadError> for Error {
    fn from(load: LoadError) -> Error {
        Error::InvalidCatalog(load)
    }
}

/// For the request path, which boxes its errors (`render::json`).
impl From<crate::support::wire::ParseError> for Box<Error> {
    fn from(e: crate::support::wire::ParseError) -> Box<Error> {
        Box::new(Error::from(e))
    }
}

impl From<crate::support::wire::ParseError> for Error {
    fn from(e: crate::support::wire::ParseError) -> Error {
        use crate::support::wire::ParseError;
        match e {
            ParseError::TooLarge { size, limit } => Error::InputTooLarge { size, limit },
            ParseError::Syntax(detail) => Error::InvalidJson { detail },
        }
    }
}

fn hint<S: AsRef<str>>(suggestion: &Option<S>) -> String {
    match suggestion {
        Some(s) => format!("，是否应为“{}”？", s.as_ref()),
        None => String::new(),
    }
}

impl Error {
    /// The message before masking; only `Display` may use it.
    fn unmasked_message(&self) -> String {
        match self {
            Error::InvalidUtf8 => "输入不是有效的 UTF-8 文本".to_owned(),
            Error::InvalidJson { detail } => format!("JSON 格式错误：{detail}"),
            Error::UnknownKey { path, key, suggestion } => format!("{path}中有未知字段“{key}”{}", hint(suggestion)),
            Error::MissingField { field } => format!("缺少必填字段“{field}”"),
            Error::InvalidValue { field, expected } => format!("字段“{field}”{expected}"),
            Error::DuplicateKey { key } => format!("字段“{key}”重复出现"),
            Error::InputTooLarge { size, limit } => format!("输入过大：{size} 字节，上限为 {limit} 字节"),
            Error::UnknownService { id, suggestion } => format!("没有序号为“{id}”的事项{}", hint(suggestion)),
            Error::ServiceNotInForce { id, date } => format!("事项 {id} 在 {date} 不在有效期内"),
            Error::UnknownMaterial { service, id, suggestion } => {
                format!("事项 {service} 没有编号为“{id}”的材料{}", hint(suggestion))
            }
            Error::DuplicateSubmission { id } => format!("材料“{id}”在提交清单中重复出现"),
            Error::UnknownBundle { id, suggestion } => format!("没有编号为“{id}”的“一件事”{}", hint(suggestion)),
            Error::UnknownDocument { id, suggestion } => {
                format!("证件登记表中没有编号为“{id}”的证件{}", hint(suggestion))
            }
            Error::UnknownFact { key, suggestion } => format!("未知的申请人信息字段“{key}”{}", hint(suggestion)),
            Error::InvalidFactValue { fact, expected } => format!("申请人信息“{fact}”{expected}"),
            Error::InvalidDate { field, reason } => format!("字段“{field}”的日期无效：{reason}"),
            Error::MissingApplicationDate => "缺少申请日期 application_date".to_owned(),
            Error::DateAfterApplication { label, date, application, .. } => {
                format!("{label} {date} 晚于申请日期 {application}")
            }
            Error::VocabularyMismatch => "申请人信息是按另一目录的词汇表读取的，请用本目录的词汇表重新读取".to_owned(),
            Error::InvalidCatalog(load) => load.to_string(),
        }
    }

    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::InvalidUtf8 => ErrorCode::InvalidUtf8,
            Error::InvalidJson { .. } => ErrorCode::InvalidJson,
            Error::UnknownKey { .. } => ErrorCode::UnknownKey,
            Error::MissingField { .. } => ErrorCode::MissingField,
            Error::InvalidValue { .. } => ErrorCode::InvalidValue,
            Error::DuplicateKey { .. } => ErrorCode::DuplicateKey,
            Error::InputTooLarge { .. } => ErrorCode::InputTooLarge,
            Error::UnknownService { .. } => ErrorCode::UnknownService,
            Error::ServiceNotInForce { .. } => ErrorCode::ServiceNotInForce,
            Error::UnknownMaterial { .. } => ErrorCode::UnknownMaterial,
            Error::DuplicateSubmission { .. } => ErrorCode::DuplicateSubmission,
            Error::UnknownBundle { .. } => ErrorCode::UnknownBundle,
            Error::UnknownDocument { .. } => ErrorCode::UnknownDocument,
            Error::UnknownFact { .. } => ErrorCode::UnknownFact,
            Error::InvalidFactValue { .. } => ErrorCode::InvalidFactValue,
            Error::InvalidDate { .. } => ErrorCode::InvalidDate,
            Error::MissingApplicationDate => ErrorCode::MissingApplicationDate,
            Error::DateAfterApplication { .. } => ErrorCode::DateAfterApplication,
            Error::VocabularyMismatch => ErrorCode::VocabularyMismatch,
            Error::InvalidCatalog(_) => ErrorCode::InvalidCatalog,
        }
    }
}

/// The code and the masked message: what `Display` says, so that a panic
/// message or a log line never holds an ID number unmasked.
impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Error").field(&self.code().name()).field(&self.to_string()).finish()
    }
}

/// A catalogue failed to load; every problem is listed.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("目录校验失败，共 {} 个问题：\n{}", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().joined("\n"))]
pub struct LoadError {
    pub(crate) problems: Vec<Problem>,
}

impl LoadError {
    /// Every problem found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// One problem in a catalogue: where it is and what is wrong.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Problem {
    pub(crate) file: String,
    pub(crate) service: Option<String>,
    pub(crate) path: String,
    pub(crate) message: String,
}

impl Problem {
    pub(crate) fn new(file: &str, service: Option<&str>, path: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            service: service.map(str::to_owned),
            path: path.to_owned(),
            message: message.into(),
        }
    }

    /// The file (or bundle element) the problem is in.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The service number, when known.
    pub fn service(&self) -> Option<&str> {
        self.service.as_deref()
    }

    /// Where in the service, such as `materials[3].when`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, in Chinese.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `file [service] path: message`, with anything shaped like an ID number
/// masked, so that a `LoadError` printed on its own leaks nothing either.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mask = crate::support::id_number::mask_id_numbers;
        write!(f, "{}", mask(&self.file))?;
        if let Some(s) = &self.service {
            write!(f, " [{}]", mask(s))?;
        }
        if !self.path.is_empty() {
            write!(f, " {}", mask(&self.path))?;
        }
        write!(f, ": {}", mask(&self.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &code in ErrorCode::ALL {
            assert!(seen.insert(code.number()), "{code} reuses a number");
            assert_eq!(ErrorCode::from_number(code.number()), Some(code));
            assert!(code.name().bytes().all(|b| b.is_ascii_uppercase() || b == b'_' || b.is_ascii_digit()));
        }
        assert_eq!(ErrorCode::from_number(0), None);
    }
}
