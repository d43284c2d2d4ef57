//! What day it is: the one input that makes a build change by itself.
//!
//! Stories expire by calendar date, so `build` and `check` need "today".
//! Tests and reproducible builds pass it with `--today YYYY-MM-DD`;
//! otherwise it is the local date of the machine (for a Norwegian editor,
//! the Norwegian date).

use chrono::Datelike;
use story_feed::Date;

/// Parses a `--today` value: a plain `YYYY-MM-DD` calendar date.
pub fn parse_date_argument(value: &str) -> Result<Date, String> {
    let value = value.trim();
    match Date::parse_rfc3339(value) {
        Some(date) if value.len() == 10 => Ok(date),
        _ => Err(format!("{value:?} is not a date of the form YYYY-MM-DD, e.g. 2026-11-28")),
    }
}

/// `given`, or else the machine's local date.
pub fn today(given: Option<Date>) -> Date {
    given.unwrap_or_else(local_date)
}

fn local_date() -> Date {
    let now = chrono::Local::now().date_naive();
    // chrono's years can be negative or beyond 9999; a real clock's are not.
    Date { year: now.year().clamp(1, 9999) as u16, month: now.month() as u8, day: now.day() as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_arguments_are_plain_calendar_dates() {
        assert_eq!(parse_date_argument("2026-11-28"), Ok(Date { year: 2026, month: 11, day: 28 }));
        for bad in ["2026-11-28T10:00:00Z", "28.11.2026", "2026-02-30", ""] {
            assert!(parse_date_argument(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn without_a_given_date_today_is_a_plausible_local_date() {
        assert_eq!(today(Some(Date { year: 2030, month: 1, day: 2 })).year, 2030);
        assert!(today(None).year >= 2024);
    }
}
