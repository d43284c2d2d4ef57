//! Showing imported timestamps in Norwegian time.
//!
//! RSS says when a story was published as an instant (`Wed, 14 Oct 2026
//! 00:30:00 +0200`) and the feed parser hands it over in UTC. The widget
//! shows the *calendar date as written*, so a story published half past
//! midnight on 17 May would show as 16 May if it stayed in UTC. Imports
//! therefore write timestamps in Norwegian time: CET (+01:00) in winter and
//! CEST (+02:00) from 01:00 UTC on the last Sunday of March to 01:00 UTC on
//! the last Sunday of October, the EU rule Norway follows. No time zone
//! database is needed for that one rule.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc, Weekday};

/// `instant` as an RFC 3339 timestamp in Norwegian time, e.g.
/// `2026-10-14T09:00:00+02:00`.
pub fn to_norwegian_rfc3339(instant: DateTime<Utc>) -> String {
    let summer = is_summer_time(instant);
    let offset =
        FixedOffset::east_opt(if summer { 2 * 3600 } else { 3600 }).expect("offsets of ±1–2 h are valid");
    instant.with_timezone(&offset).to_rfc3339()
}

/// A clock time read on a Norwegian wall (a source gave no time zone) as an
/// RFC 3339 timestamp with the offset Norway had then: the date and time
/// stay as written, e.g. `2018-01-06T08:00` gives `2018-01-06T08:00:00+01:00`.
pub fn norwegian_wall_clock_to_rfc3339(local: NaiveDateTime) -> String {
    // Read as winter time first; if that instant falls in summer time, the
    // wall clock was an hour ahead.
    let as_winter = Utc.from_utc_datetime(&(local - TimeDelta::hours(1)));
    let hours = if is_summer_time(as_winter) { 2 } else { 1 };
    let offset = FixedOffset::east_opt(hours * 3600).expect("offsets of ±1–2 h are valid");
    match offset.from_local_datetime(&local).single() {
        Some(time) => time.to_rfc3339(),
        None => to_norwegian_rfc3339(as_winter),
    }
}

/// Whether Norway is on summer time (CEST) at `instant`.
fn is_summer_time(instant: DateTime<Utc>) -> bool {
    let year = instant.year();
    match (last_sunday_at_one_utc(year, 3), last_sunday_at_one_utc(year, 10)) {
        (Some(start), Some(end)) => instant >= start && instant < end,
        _ => false,
    }
}

/// 01:00 UTC on the last Sunday of `month` in `year`.
fn last_sunday_at_one_utc(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let last_day = NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?;
    let back = last_day.weekday().num_days_from_sunday();
    let sunday = last_day - chrono::Days::new(u64::from(back));
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Utc.from_local_datetime(&sunday.and_hms_opt(1, 0, 0)?).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn winter_is_plus_one_and_summer_plus_two() {
        assert_eq!(to_norwegian_rfc3339(utc("2026-01-15T11:00:00Z")), "2026-01-15T12:00:00+01:00");
        assert_eq!(to_norwegian_rfc3339(utc("2026-07-01T05:00:00Z")), "2026-07-01T07:00:00+02:00");
    }

    #[test]
    fn a_story_after_midnight_keeps_its_norwegian_date() {
        // 00:30 on 17 May in Norway is 22:30 on 16 May in UTC.
        assert_eq!(to_norwegian_rfc3339(utc("2026-05-16T22:30:00Z")), "2026-05-17T00:30:00+02:00");
    }

    #[test]
    fn wall_clock_times_keep_their_date_and_time_with_the_norwegian_offset() {
        let wall = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(norwegian_wall_clock_to_rfc3339(wall("2018-01-06T08:00")), "2018-01-06T08:00:00+01:00");
        assert_eq!(norwegian_wall_clock_to_rfc3339(wall("2017-07-21T07:00")), "2017-07-21T07:00:00+02:00");
        assert_eq!(norwegian_wall_clock_to_rfc3339(wall("2026-05-17T00:30")), "2026-05-17T00:30:00+02:00");
    }

    #[test]
    fn the_switches_happen_at_one_utc_on_the_last_sundays() {
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(to_norwegian_rfc3339(utc("2026-03-29T00:59:59Z")), "2026-03-29T01:59:59+01:00");
        assert_eq!(to_norwegian_rfc3339(utc("2026-03-29T01:00:00Z")), "2026-03-29T03:00:00+02:00");
        assert_eq!(to_norwegian_rfc3339(utc("2026-10-25T00:59:59Z")), "2026-10-25T02:59:59+02:00");
        assert_eq!(to_norwegian_rfc3339(utc("2026-10-25T01:00:00Z")), "2026-10-25T02:00:00+01:00");
    }
}
