//! Errors, and the stable result codes every binding shares.

use std::fmt;

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
    /// A fact name is not in the vocabulary.
    UnknownFact = 30, "UNKNOWN_FACT", "a fact name is not in the vocabulary", "申请人信息字段不在词汇表中";
    /// A fact has a value outside its allowed values.
    InvalidFactValue = 31, "INVALID_FACT_VALUE", "a fact has a value outside its allowed values", "申请人信息的取值无效";
    /// A date is malformed or does not exist.
    InvalidDate = 32, "INVALID_DATE", "a date is malformed or does not exist", "日期格式错误或日期不存在";
    /// The facts lack the application date.
    MissingApplicationDate = 33, "MISSING_APPLICATION_DATE", "the facts lack the application date", "缺少申请日期";
    /// The birth date is after the application date.
    BirthAfterApplication = 34, "BIRTH_AFTER_APPLICATION", "the birth date is after the application date", "出生日期晚于申请日期";
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
/// the stable code for programs. Messages never echo an ID number unmasked.
#[derive(Clone, PartialEq, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Input text was not valid UTF-8.
    #[error("输入不是有效的 UTF-8 文本")]
    InvalidUtf8,
    /// The input is not well-formed JSON.
    #[error("JSON 格式错误：{detail}")]
    InvalidJson {
        /// What the parser reported, with line and column.
        detail: String,
    },
    /// A request object has an unknown key.
    #[error("{path}中有未知字段“{key}”{}", hint(suggestion))]
    UnknownKey {
        /// Where the object is, such as `请求` or `submitted[2]`.
        path: String,
        /// The unknown key.
        key: String,
        /// The nearest known key, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A required field is absent.
    #[error("缺少必填字段“{field}”")]
    MissingField {
        /// The field's path, such as `service` or `submitted[0].id`.
        field: String,
    },
    /// A field has the wrong type or an invalid value.
    #[error("字段“{field}”{expected}")]
    InvalidValue {
        /// The field's path.
        field: String,
        /// What was expected, in Chinese.
        expected: String,
    },
    /// A key appears twice in one object.
    #[error("字段“{key}”重复出现")]
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// The input is larger than the documented limit.
    #[error("输入过大：{size} 字节，上限为 {limit} 字节")]
    InputTooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// No service has this number.
    #[error("没有序号为“{id}”的事项{}", hint(suggestion))]
    UnknownService {
        /// The requested service number.
        id: String,
        /// The nearest service number, if one is close.
        suggestion: Option<String>,
    },
    /// The service is not in force on the application date.
    #[error("事项 {id} 在 {date} 不在有效期内")]
    ServiceNotInForce {
        /// The service number.
        id: String,
        /// The application date.
        date: crate::Date,
    },
    /// The service has no material with this id.
    #[error("事项 {service} 没有编号为“{id}”的材料{}", hint(suggestion))]
    UnknownMaterial {
        /// The service number.
        service: String,
        /// The unknown material id.
        id: String,
        /// The nearest material id, if one is close.
        suggestion: Option<String>,
    },
    /// The same material appears twice in one submission.
    #[error("材料“{id}”在提交清单中重复出现")]
    DuplicateSubmission {
        /// The repeated material id.
        id: String,
    },
    /// A fact name is not in the vocabulary.
    #[error("未知的申请人信息字段“{key}”{}", hint(suggestion))]
    UnknownFact {
        /// The unknown key.
        key: String,
        /// The nearest fact name, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A fact has a value outside its allowed values.
    #[error("申请人信息“{fact}”{expected}")]
    InvalidFactValue {
        /// The fact's name.
        fact: &'static str,
        /// What was expected, in Chinese.
        expected: String,
    },
    /// A date is malformed or does not exist.
    #[error("字段“{field}”的日期无效：{reason}")]
    InvalidDate {
        /// The field holding the date.
        field: String,
        /// Why it is invalid.
        reason: crate::DateError,
    },
    /// The facts lack the application date.
    #[error("缺少申请日期 application_date")]
    MissingApplicationDate,
    /// The birth date is after the application date.
    #[error("出生日期 {birth} 晚于申请日期 {application}")]
    BirthAfterApplication {
        /// The birth date.
        birth: crate::Date,
        /// The application date.
        application: crate::Date,
    },
    /// A catalogue failed validation.
    #[error("{0}")]
    InvalidCatalog(#[from] crate::LoadError),
}

fn hint<S: AsRef<str>>(suggestion: &Option<S>) -> String {
    match suggestion {
        Some(s) => format!("，是否应为“{}”？", s.as_ref()),
        None => String::new(),
    }
}

impl Error {
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
            Error::UnknownFact { .. } => ErrorCode::UnknownFact,
            Error::InvalidFactValue { .. } => ErrorCode::InvalidFactValue,
            Error::InvalidDate { .. } => ErrorCode::InvalidDate,
            Error::MissingApplicationDate => ErrorCode::MissingApplicationDate,
            Error::BirthAfterApplication { .. } => ErrorCode::BirthAfterApplication,
            Error::InvalidCatalog(_) => ErrorCode::InvalidCatalog,
        }
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
