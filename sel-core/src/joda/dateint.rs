//! The date parts of SEL's `Util` as pure functions over text and numbers: date ints
//! (`YYYYMMdd` in UTC, year of era), hour timestamps, date-int ranges and deadline
//! timeouts. Converting SEL arguments (`toStr`, `toLong`, step parsing) is the
//! caller's job.

use super::datetime::{days_between, DateTime};
use super::period::parse_word_period_millis;
use super::zone::Zone;
use super::Formatter;
use crate::error::{ErrorKind, SelError};

/// `DI`: pattern `YYYYMMdd` in UTC.
fn date_int_format() -> Result<Formatter, SelError> {
    Ok(Formatter::for_pattern("YYYYMMdd")?.with_zone(Zone::UTC))
}

fn parse_date_int(text: &str) -> Result<DateTime, SelError> {
    // The pivot year (`now`) only matters for two-digit years, which DI has none of.
    date_int_format()?.parse_datetime(text, Zone::UTC, 0)
}

/// `Util.dateIntToTs(d)`: epoch ms of that UTC midnight.
pub fn date_int_to_ts(text: &str) -> Result<i64, SelError> {
    Ok(parse_date_int(text)?.millis())
}

/// `Util.tsToDateInt(ts)`: the UTC date of an instant as `YYYYMMdd`.
pub fn ts_to_date_int(ms: i64) -> Result<String, SelError> {
    Ok(date_int_format()?.print(ms, Zone::UTC))
}

/// `Util.incrementDateInt(d, n)`: the date int `n` days later.
pub fn increment_date_int(text: &str, days: i32) -> Result<String, SelError> {
    let dt = parse_date_int(text)?.plus_days(days)?;
    ts_to_date_int(dt.millis())
}

/// `Util.dateIntHourToTs(d, h, tz, dd, hh)`: parse `d + h` as `YYYYMMddHH` in zone
/// `tz`, subtract `dd` days (wall clock) then `hh` hours (exact). `dd` and `hh` are
/// narrowed to 32 bits like Java's `int` cast.
pub fn date_int_hour_to_ts(
    date_text: &str,
    hour_text: &str,
    zone_id: &str,
    days: i64,
    hours: i64,
) -> Result<i64, SelError> {
    let zone = Zone::for_id(zone_id)?;
    let f = Formatter::for_pattern("YYYYMMddHH")?.with_zone(zone);
    let text = format!("{date_text}{hour_text}");
    let dt = f.parse_datetime(&text, zone, 0)?;
    Ok(dt
        .minus_days(days as i32)?
        .minus_hours(hours as i32)?
        .millis())
}

/// `Util.dateIntsBetween(from, to, inc)`: every `|inc|`-th date int from the earlier
/// bound (inclusive) to the later one (exclusive), as `yyyyMMdd` numbers; for a
/// negative `inc` the bounds swap and the list is reversed.
pub fn date_ints_between(from_text: &str, to_text: &str, inc: i32) -> Result<Vec<i64>, SelError> {
    if inc == 0 {
        return Err(SelError::new(
            ErrorKind::IllegalArgumentException,
            "Invalid incremental interval value: 0",
        ));
    }
    let (a, b) = if inc > 0 {
        (from_text, to_text)
    } else {
        (to_text, from_text)
    };
    let start = parse_date_int(a)?;
    let end = parse_date_int(b)?;
    let n = days_between(&start, &end)? as i64;
    let f = Formatter::for_pattern("yyyyMMdd")?;
    let step = (inc as i64).abs();
    let mut out = Vec::with_capacity(((n.max(0) + step - 1) / step) as usize);
    let mut i = 0i64;
    while i < n {
        let day = start.plus_days(i as i32)?;
        let s = f.print(day.millis(), day.zone());
        out.push(
            s.parse::<i64>()
                .map_err(|_| super::text::number_format(&s))?,
        );
        i += step;
    }
    if inc < 0 {
        out.reverse();
    }
    Ok(out)
}

/// `Util.timeoutForDateTimeDeadline(dt, dur)`: `"<max(deadline + dur − now, 0)>
/// milliseconds"`.
pub fn timeout_for_deadline(
    deadline_ms: i64,
    period_text: &str,
    now_ms: i64,
) -> Result<String, SelError> {
    let ms = parse_word_period_millis(period_text)?;
    let remaining = deadline_ms
        .checked_add(ms)
        .ok_or_else(super::datetime::overflow)?
        .saturating_sub(now_ms)
        .max(0);
    Ok(format!("{remaining} milliseconds"))
}

/// `Util.timeoutForDateIntDeadline(d, dur)`: the deadline is the date int's UTC
/// midnight.
pub fn timeout_for_date_int_deadline(
    date_text: &str,
    period_text: &str,
    now_ms: i64,
) -> Result<String, SelError> {
    let deadline = date_int_to_ts(date_text)?;
    timeout_for_deadline(deadline, period_text, now_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg<T: std::fmt::Debug>(r: Result<T, SelError>) -> String {
        match r {
            Ok(v) => format!("{v:?}"),
            Err(e) => format!("{}: {}", e.kind.java_class(), e.message),
        }
    }

    #[test]
    fn date_ints() {
        assert_eq!(msg(date_int_to_ts("20190101")), "1546300800000");
        assert_eq!(msg(date_int_to_ts("2019011")), "1546300800000");
        for bad in [
            "201901011",
            " 20190101",
            "2019-01-01",
            "-20190101",
            "201901",
        ] {
            assert!(date_int_to_ts(bad).is_err(), "{bad}");
        }
        assert_eq!(
            msg(date_int_to_ts("201901")),
            "java.lang.IllegalArgumentException: Invalid format: \"201901\" is too short"
        );
        assert_eq!(
            msg(date_int_to_ts("20200230")),
            "org.joda.time.IllegalFieldValueException: Cannot parse \"20200230\": Value 30 for dayOfMonth must be in the range [1,29]"
        );
        assert_eq!(msg(ts_to_date_int(0)), "\"19700101\"");
        assert_eq!(msg(ts_to_date_int(-1)), "\"19691231\"");
        assert_eq!(msg(increment_date_int("20190101", -1)), "\"20181231\"");
        assert_eq!(msg(increment_date_int("20200228", 1)), "\"20200229\"");
    }

    #[test]
    fn ranges() {
        assert_eq!(
            msg(date_ints_between("20190226", "20190303", 1)),
            "[20190226, 20190227, 20190228, 20190301, 20190302]"
        );
        assert_eq!(
            msg(date_ints_between("20181228", "20191002", 90)),
            "[20181228, 20190328, 20190626, 20190924]"
        );
        assert_eq!(
            msg(date_ints_between("20190303", "20190226", -1)),
            "[20190302, 20190301, 20190228, 20190227, 20190226]"
        );
        assert_eq!(msg(date_ints_between("20191226", "20190303", 1)), "[]");
        assert_eq!(msg(date_ints_between("20181228", "20191002", -90)), "[]");
        assert_eq!(
            msg(date_ints_between("20190101", "20190105", 0)),
            "java.lang.IllegalArgumentException: Invalid incremental interval value: 0"
        );
    }

    #[test]
    fn hours_and_timeouts() {
        assert_eq!(
            msg(date_int_hour_to_ts("20210707", "01", "UTC", 0, 0)),
            "1625619600000"
        );
        assert_eq!(
            msg(date_int_hour_to_ts("20210314", "02", "America/New_York", 0, 0)),
            "org.joda.time.IllegalInstantException: Cannot parse \"2021031402\": Illegal instant due to time zone offset transition (America/New_York)"
        );
        // 2019-11-03 01:00 in the overlap → the earlier instant (PDT).
        assert_eq!(
            msg(date_int_hour_to_ts(
                "20191103",
                "01",
                "America/Los_Angeles",
                0,
                0
            )),
            "1572768000000"
        );
        assert_eq!(
            msg(date_int_hour_to_ts("20210707", "01", "UTC", -1, -2)),
            "1625713200000"
        );
        let now = 1_600_000_000_000;
        assert_eq!(
            msg(timeout_for_deadline(
                now,
                "1 day, 2 hours and 30 minutes",
                now + 1000
            )),
            "\"95399000 milliseconds\""
        );
        assert_eq!(
            msg(timeout_for_date_int_deadline("20200101", "1 day", now)),
            "\"0 milliseconds\""
        );
    }
}
