//! Field validators for forms: ID numbers, dates and uploaded files.

use std::fmt;

use super::date::Date;

/// A valid 18-digit resident ID number (公民身份号码, GB 11643-1999).
///
/// # Example
///
/// ```
/// use banshi::IdNumber;
///
/// let id = IdNumber::parse("11010519491231002X")?;
/// assert_eq!(id.birth_date().to_string(), "1949-12-31");
/// assert_eq!(id.masked(), "110105********002X");
///
/// let err = IdNumber::parse("110105194912310021").unwrap_err();
/// assert_eq!(err.to_string(), "身份证号码 110105********0021 无效：校验码错误");
/// # Ok::<(), banshi::IdNumberError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdNumber {
    digits: [u8; 18],
    birth_date: Date,
}

/// Masked, like every other way banshi shows an ID number:
/// `IdNumber("110105********002X")`.
impl std::fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = std::str::from_utf8(&self.digits).unwrap_or_default();
        f.debug_tuple("IdNumber").field(&mask_id_number(text)).finish()
    }
}

/// Why text is not a valid ID number. It carries only the masked number.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct IdNumberError {
    masked: String,
    problems: Vec<IdProblem>,
}

/// One problem with an ID number.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum IdProblem {
    /// Not 18 characters long.
    Length,
    /// Not 17 digits followed by a digit or `X`.
    Characters,
    /// The first two digits are not a province-level region code.
    Region,
    /// Digits 7 to 14 are not a real date.
    BirthDate,
    /// The last character does not match the ISO 7064 MOD 11-2 check.
    CheckDigit,
}

impl IdProblem {
    /// A stable code, such as `ID_CHECK_DIGIT`.
    pub fn code(self) -> &'static str {
        match self {
            IdProblem::Length => "ID_LENGTH",
            IdProblem::Characters => "ID_CHARACTERS",
            IdProblem::Region => "ID_REGION",
            IdProblem::BirthDate => "ID_BIRTH_DATE",
            IdProblem::CheckDigit => "ID_CHECK_DIGIT",
        }
    }
}

impl fmt::Display for IdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdProblem::Length => "应为18位",
            IdProblem::Characters => "前17位应为数字，末位应为数字或X",
            IdProblem::Region => "前两位不是有效的省级行政区划代码",
            IdProblem::BirthDate => "出生日期不存在",
            IdProblem::CheckDigit => "校验码错误",
        })
    }
}

/// Province-level codes of GB/T 2260, the first two digits of an ID number.
const REGIONS: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
    64, 65, 71, 81, 82,
];

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// The check character for the first 17 digits.
fn check_char(digits: &[u8]) -> u8 {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK[(sum % 11) as usize]
}

/// Masks an ID number for display: the first six and last four characters
/// stay, the rest become `*`. Text too short to mask safely is all `*`.
pub fn mask_id_number(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 14 {
        return "*".repeat(chars.len());
    }
    let n = chars.len();
    chars.iter().enumerate().map(|(i, &c)| if i < 6 || i >= n - 4 { c } else { '*' }).collect()
}

/// Digit runs at least this long are masked in messages: an old 15-digit ID
/// number, an 18-digit one, or a longer run that may hold one.
const ID_LIKE_RUN: usize = 15;

/// Masks everything shaped like an ID number in `text`: every run of 15 or
/// more ASCII digits, with a check `X` or `x` right after it, whatever
/// surrounds it, keeps its first six and last four characters (see
/// [`mask_id_number`]). Every error message and every detail field of an
/// error passes through this one function (`Error`'s `Display` and
/// `json::error`), so no error echoes an ID number, whichever field it
/// was typed into. Bindings and tools use it for their own messages too,
/// such as a file path the CLI cannot read.
///
/// # Example
///
/// ```
/// assert_eq!(banshi::mask_id_numbers("无法读取 /tmp/11010519491231002X.json"), "无法读取 /tmp/110105********002X.json");
/// assert_eq!(banshi::mask_id_numbers("hukou"), "hukou");
/// ```
pub fn mask_id_numbers(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if let Some(b'X' | b'x') = bytes.get(i) {
            i += 1;
        }
        if i - start >= ID_LIKE_RUN {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..start]);
            out.push_str(&mask_id_number(&text[start..i]));
            copied = i;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            std::borrow::Cow::Owned(out)
        }
    }
}

impl IdNumber {
    /// Validates an ID number: 18 characters, a province code, a real birth
    /// date and the check digit. A lower-case `x` is accepted and stored as
    /// `X`.
    ///
    /// # Errors
    ///
    /// An [`IdNumberError`] listing every problem found.
    pub fn parse(text: &str) -> Result<IdNumber, IdNumberError> {
        let fail = |problems| Err(IdNumberError { masked: mask_id_number(text), problems });
        let bytes = text.as_bytes();
        if text.chars().count() != 18 {
            return fail(vec![IdProblem::Length]);
        }
        if bytes.len() != 18
            || !bytes[..17].iter().all(u8::is_ascii_digit)
            || !(bytes[17].is_ascii_digit() || bytes[17] == b'X' || bytes[17] == b'x')
        {
            return fail(vec![IdProblem::Characters]);
        }
        let mut digits = [0u8; 18];
        digits.copy_from_slice(bytes);
        digits[17] = digits[17].to_ascii_uppercase();
        let mut problems = Vec::new();
        if !REGIONS.contains(&((digits[0] - b'0') * 10 + (digits[1] - b'0'))) {
            problems.push(IdProblem::Region);
        }
        let birth_date = Date::parse_compact(&digits[6..14]);
        if birth_date.is_err() {
            problems.push(IdProblem::BirthDate);
        }
        if check_char(&digits[..17]) != digits[17] {
            problems.push(IdProblem::CheckDigit);
        }
        match birth_date {
            Ok(birth_date) if problems.is_empty() => Ok(IdNumber { digits, birth_date }),
            _ => fail(problems),
        }
    }

    /// The number, with a check `X` in upper case.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("ASCII digits")
    }

    /// The birth date it encodes.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// Whether the 17th digit is odd (男) — the sex the number encodes.
    pub fn is_male(&self) -> bool {
        (self.digits[16] - b'0') % 2 == 1
    }

    /// The number masked for display, such as `110105********002X`.
    pub fn masked(&self) -> String {
        mask_id_number(self.as_str())
    }
}

impl IdNumberError {
    /// The number as typed, masked.
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// Every problem found, in the order of the checks.
    pub fn problems(&self) -> &[IdProblem] {
        &self.problems
    }
}

impl fmt::Display for IdNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "身份证号码 {} 无效：", self.masked)?;
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("；")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for IdNumberError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers() {
        // The example number from GB 11643-1999.
        let id = IdNumber::parse("11010519491231002X").unwrap();
        assert!(!id.is_male());
        assert_eq!(IdNumber::parse("11010519491231002x").unwrap().as_str(), "11010519491231002X");
        let err = IdNumber::parse("990105194902310021").unwrap_err();
        assert_eq!(err.problems(), [IdProblem::Region, IdProblem::BirthDate, IdProblem::CheckDigit]);
        assert_eq!(IdNumber::parse("1101051949123100").unwrap_err().problems(), [IdProblem::Length]);
        assert_eq!(IdNumber::parse("1101051949123100２X").unwrap_err().problems(), [IdProblem::Characters]);
        assert_eq!(IdNumber::parse("").unwrap_err().masked(), "");
    }

    #[test]
    fn masks_never_leak_the_middle() {
        assert_eq!(mask_id_number("11010519491231002X"), "110105********002X");
        assert_eq!(mask_id_number("1101051949123100"), "110105******3100");
        assert_eq!(mask_id_number("123456"), "******");
    }

    #[test]
    fn masks_id_shaped_runs_anywhere() {
        assert_eq!(mask_id_numbers("hukou"), "hukou");
        assert_eq!(mask_id_numbers("号码11010519491231002X无效"), "号码110105********002X无效");
        assert_eq!(mask_id_numbers("a11010519491231002x_b"), "a110105********002x_b");
        assert_eq!(mask_id_numbers("110105491231002"), "110105*****1002");
        assert_eq!(mask_id_numbers("12345678901234 2026-11-27 13800138000"), "12345678901234 2026-11-27 13800138000");
        let long = format!("x{}y", "1".repeat(40));
        assert_eq!(mask_id_numbers(&long), format!("x111111{}1111y", "*".repeat(30)));
    }
}
