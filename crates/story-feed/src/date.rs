//! Publication dates.
//!
//! A story shows the calendar date its editor wrote (`date_published` in RFC
//! 3339), not that instant converted to the visitor's time zone: a story
//! published at 00:30 on 17 May in Norway is a 17 May story everywhere.

use std::fmt;

/// A calendar date, always valid (month 1–12, day within the month).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1–9999.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// Reads the date part of an RFC 3339 timestamp (`2026-03-14T09:30:00+01:00`)
    /// or a plain `2026-03-14`. Anything else, or an impossible date such as
    /// `2026-02-30`, gives `None`.
    pub fn parse_rfc3339(s: &str) -> Option<Date> {
        let s = s.trim();
        let bytes = s.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        if bytes.len() > 10 && !matches!(bytes[10], b'T' | b't' | b' ') {
            return None;
        }
        // At most four digits, so no overflow.
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(range)?;
            part.bytes()
                .try_fold(0u16, |number, b| b.is_ascii_digit().then(|| number * 10 + u16::from(b - b'0')))
        };
        let year = digits(0..4)?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        let date = Date { year, month, day };
        (year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= date.days_in_month()).then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            _ if self.is_leap_year() => 29,
            _ => 28,
        }
    }

    fn is_leap_year(self) -> bool {
        let y = self.year;
        (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
    }
}

impl fmt::Display for Date {
    /// ISO 8601 (`2026-03-14`), the form of HTML's `<time datetime>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    fn d(year: u16, month: u8, day: u8) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn reads_the_calendar_date_as_written() {
        assert_eq!(Date::parse_rfc3339("2026-05-17T00:30:00+02:00"), d(2026, 5, 17));
        assert_eq!(Date::parse_rfc3339("2026-03-14"), d(2026, 3, 14));
        assert_eq!(Date::parse_rfc3339(" 2024-02-29t10:00:00Z "), d(2024, 2, 29));
    }

    #[test]
    fn impossible_or_malformed_dates_are_refused() {
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "0000-01-01",
            "26-03-14",
            "2026/03/14",
            "2026-03-14X",
            "2026-3-14",
            "14.03.2026",
            "+202-03-14",
            "2026-03-1a",
        ] {
            assert_eq!(Date::parse_rfc3339(bad), None, "{bad}");
        }
        assert_eq!(Date::parse_rfc3339("2000-02-29"), d(2000, 2, 29));
    }

    #[test]
    fn displays_as_iso_8601() {
        assert_eq!(Date::parse_rfc3339("2026-03-04").unwrap().to_string(), "2026-03-04");
    }
}
