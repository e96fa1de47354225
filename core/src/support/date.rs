//! A proleptic Gregorian calendar date, the only notion of time banshi has.
//!
//! banshi never reads the clock: the application date is always an input.

use std::fmt;
use std::str::FromStr;

/// A calendar date (年-月-日) between 1900-01-01 and 2999-12-31.
///
/// Dates cross every boundary as `YYYY-MM-DD` text.
///
/// # Example
///
/// ```
/// use banshi::Date;
///
/// let birth: Date = "2026-08-29".parse()?;
/// let applied = Date::new(2026, 11, 27)?;
/// assert_eq!(birth.days_until(applied), 90);
/// assert_eq!(applied.to_string(), "2026-11-27");
/// # Ok::<(), banshi::DateError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

impl Date {
    /// Year, month and day in one number that orders as the dates do: one
    /// comparison instead of three (every requirement's validity is checked
    /// at every assessment).
    fn key(self) -> u32 {
        (u32::from(self.year as u16) << 16) | (u32::from(self.month) << 8) | u32::from(self.day)
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Date) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// Why text or numbers are not a [`Date`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    #[error("日期格式应为 YYYY-MM-DD")]
    Format,
    /// The year is outside 1900..=2999.
    #[error("年份应在 1900 至 2999 之间")]
    YearOutOfRange,
    /// The month or the day does not exist, such as 2026-02-30.
    #[error("日期不存在")]
    NoSuchDay,
}

impl Date {
    /// The earliest date banshi accepts, 1900-01-01.
    pub const MIN: Date = Date { year: 1900, month: 1, day: 1 };
    /// The latest date banshi accepts, 2999-12-31.
    pub const MAX: Date = Date { year: 2999, month: 12, day: 31 };

    /// Builds a date from its parts.
    ///
    /// # Errors
    ///
    /// [`DateError::YearOutOfRange`] when `year` is outside 1900..=2999, and
    /// [`DateError::NoSuchDay`] when the month or day does not exist.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(1900..=2999).contains(&year) {
            return Err(DateError::YearOutOfRange);
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        // The ranges were checked above, so the narrowing casts are lossless.
        Ok(Date { year: year as i16, month: month as u8, day: day as u8 })
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days from `self` to `later`: 0 on the same day, negative when `later`
    /// is earlier.
    pub fn days_until(self, later: Date) -> i32 {
        later.day_number() - self.day_number()
    }

    /// Completed years (周岁) from `self` to `on`.
    ///
    /// A birthday on 29 February is reached on 1 March in common years.
    pub fn years_until(self, on: Date) -> i32 {
        let mut years = on.year() - self.year();
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// The date `days` days later (earlier when negative), if it is within
    /// [`Date::MIN`]..=[`Date::MAX`].
    pub(crate) fn add_days(self, days: i32) -> Option<Date> {
        let n = self.day_number().checked_add(days)?;
        if !(Date::MIN.day_number()..=Date::MAX.day_number()).contains(&n) {
            return None;
        }
        // Howard Hinnant's `civil_from_days`, the inverse of `day_number`.
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i32::from(month <= 2);
        // In range, checked above: the parts always make a date.
        Date::new(year, month as u32, day as u32).ok()
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn day_number(self) -> i32 {
        let (m, d) = (self.month() as i32, self.day() as i32);
        let y = self.year() - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Parses exactly `YYYY-MM-DD`; compact `YYYYMMDD` is accepted for the
    /// birth date inside an ID number only.
    pub(crate) fn parse_compact(digits: &[u8]) -> Result<Date, DateError> {
        if digits.len() != 8 || !digits.iter().all(u8::is_ascii_digit) {
            return Err(DateError::Format);
        }
        let n = |r: std::ops::Range<usize>| digits[r].iter().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        Date::new(n(0..4) as i32, n(4..6), n(6..8))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`, with exactly four, two and two digits.
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse_iso(s.as_bytes())
    }
}

impl Date {
    /// Parses the bytes of `YYYY-MM-DD`, as `from_str` parses its text.
    pub(crate) fn parse_iso(b: &[u8]) -> Result<Date, DateError> {
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let mut compact = [0u8; 8];
        compact[..4].copy_from_slice(&b[..4]);
        compact[4..6].copy_from_slice(&b[5..7]);
        compact[6..].copy_from_slice(&b[8..]);
        Date::parse_compact(&compact)
    }
}

impl Date {
    /// `YYYY-MM-DD` as ASCII bytes, without `core::fmt` (every answer
    /// writes a date, and formatting one cost 1,400 instructions). The
    /// year is always four digits: dates stay within 1900..=2999.
    pub(crate) fn iso(self) -> [u8; 10] {
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let (y, m, d) = (self.year as u16, u16::from(self.month), u16::from(self.day));
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.iso()).expect("ASCII digits"))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&self.iso()).expect("ASCII digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_as_the_calendar() {
        let dates: Vec<Date> = ["1900-01-01", "1900-01-02", "1900-02-01", "1999-12-31", "2026-11-27", "2999-12-31"]
            .map(|d| d.parse().unwrap())
            .into();
        for (i, a) in dates.iter().enumerate() {
            for (j, b) in dates.iter().enumerate() {
                assert_eq!(a.cmp(b), i.cmp(&j), "{a} against {b}");
                assert_eq!(a.cmp(b), a.to_string().cmp(&b.to_string()));
            }
        }
    }

    #[test]
    fn writes_every_date_as_its_iso_text() {
        for year in 1900..=2999 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let date = Date::new(year, month, day).unwrap();
                    let expected = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(date.to_string(), expected);
                    assert_eq!(expected.parse::<Date>(), Ok(date));
                }
            }
        }
        assert_eq!(Date::MAX.to_string(), "2999-12-31");
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2024-02-29".parse::<Date>().unwrap().to_string(), "2024-02-29");
        assert_eq!("2026-02-29".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2026-02-30".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2026-13-01".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2026-1-01".parse::<Date>(), Err(DateError::Format));
        assert_eq!("2026/01/01".parse::<Date>(), Err(DateError::Format));
        assert_eq!("+026-01-01".parse::<Date>(), Err(DateError::Format));
        assert_eq!("1899-12-31".parse::<Date>(), Err(DateError::YearOutOfRange));
        assert_eq!("1900-02-29".parse::<Date>(), Err(DateError::NoSuchDay));
        assert!("2000-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn day_arithmetic() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2000-03-01").day_number(), 11_017);
        assert_eq!(d("2026-01-01").days_until(d("2026-12-31")), 364);
        assert_eq!(d("2024-01-01").days_until(d("2024-12-31")), 365);
        assert_eq!(d("2026-11-27").days_until(d("2026-11-26")), -1);
        assert_eq!(d("1900-01-01").days_until(d("2999-12-31")), 401_766);
    }

    #[test]
    fn adding_days_inverts_day_numbers() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2024-02-28").add_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        assert_eq!(d("2026-03-01").add_days(-1), Some(d("2026-02-28")));
        assert_eq!(d("1999-12-31").add_days(1), Some(d("2000-01-01")));
        assert_eq!(Date::MIN.add_days(401_766), Some(Date::MAX));
        assert_eq!(Date::MIN.add_days(-1), None);
        assert_eq!(Date::MAX.add_days(1), None);
        assert_eq!(Date::MIN.add_days(i32::MAX), None);
        // Every day of the range, one step at a time, against the day numbers.
        let mut date = Date::MIN;
        for n in 1..=401_766 {
            let next = date.add_days(1).unwrap();
            assert_eq!(Date::MIN.days_until(next), n);
            assert!(next > date);
            date = next;
        }
        assert_eq!(date, Date::MAX);
    }

    #[test]
    fn completed_years() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2008-11-27").years_until(d("2026-11-26")), 17);
        assert_eq!(d("2008-11-27").years_until(d("2026-11-27")), 18);
        assert_eq!(d("2008-02-29").years_until(d("2026-02-28")), 17);
        assert_eq!(d("2008-02-29").years_until(d("2026-03-01")), 18);
    }
}
