//! The date parts of SEL's `Util` as pure functions over text and numbers: date ints
//! (`YYYYMMdd` in UTC, year of era), hour timestamps, date-int ranges and deadline
//! timeouts. Converting SEL arguments (`toStr`, `toLong`, step parsing) is the
//! caller's job.

use super::calendar::{civil_from_days, days_from_civil, days_in_month, MS_PER_DAY, MS_PER_HOUR};
use super::datetime::{days_between, DateTime};
use super::period::parse_word_period_millis;
use super::zone::Zone;
use super::Formatter;
use crate::error::{ErrorKind, SelError};

// Fast paths. Date ints are almost always plain eight-digit dates of recent years,
// and the general Joda formatter (compile the pattern, fill a parse bucket, set
// each field, print each field) costs thousands of instructions per call. The
// functions below handle only the plain shape — exactly eight (or ten) ASCII
// digits forming a valid date (and hour) in years 1 to 9999 — and return `None`
// for anything else, so callers fall back to the general path, which then
// produces the very same values and errors as before. Within that shape Joda's
// `YYYY` (year of era) and `yyyy` (year) agree, and all values are UTC midnights
// (no zone offset, no overflow), so a civil-date computation is exact.

/// The value of the ASCII digits `b` (at most four), `None` if any byte is not an
/// ASCII digit.
fn ascii_digits(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u32;
    }
    Some(v)
}

/// `(year, month, day)` of a plain date: years 1..=9999, a real month and day.
fn plain_date(b: &[u8]) -> Option<(i64, u32, u32)> {
    let (year, month, day) = (
        ascii_digits(&b[0..4])?,
        ascii_digits(&b[4..6])?,
        ascii_digits(&b[6..8])?,
    );
    let year = year as i64;
    if year < 1 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some((year, month, day))
}

/// Day number (days since 1970-01-01) of a plain `yyyyMMdd` date int, or `None` if
/// `text` is not exactly that (the general parser then decides).
pub(crate) fn fast_date_int_days(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 8 {
        return None;
    }
    let (year, month, day) = plain_date(b)?;
    Some(days_from_civil(year, month, day))
}

/// Local millis (UTC-based wall clock) of a plain `yyyyMMddHH` text, or `None`.
pub(crate) fn fast_date_hour_local(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let (year, month, day) = plain_date(b)?;
    let hour = ascii_digits(&b[8..10])?;
    if hour > 23 {
        return None;
    }
    Some(days_from_civil(year, month, day) * MS_PER_DAY + hour as i64 * MS_PER_HOUR)
}

/// The `yyyyMMdd` number of a day number whose year is 1..=9999, else `None`.
pub(crate) fn fast_days_to_date_int(days: i64) -> Option<i64> {
    let (year, month, day) = civil_from_days(days);
    if !(1..=9999).contains(&year) {
        return None;
    }
    Some(year * 10_000 + month as i64 * 100 + day as i64)
}

/// The text of a date int: on the fast path its eight digits in place (no allocation:
/// `Util.incrementDateInt` in a loop is a common Maestro idiom), otherwise what Joda
/// printed.
#[derive(Clone)]
pub enum DateIntText {
    Digits([u8; 8]),
    Printed(String),
}

impl DateIntText {
    /// The eight digits of a `yyyyMMdd` number from [`fast_days_to_date_int`].
    fn digits(mut n: i64) -> DateIntText {
        let mut buf = [0u8; 8];
        for b in buf.iter_mut().rev() {
            *b = b'0' + (n % 10) as u8;
            n /= 10;
        }
        DateIntText::Digits(buf)
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Only ASCII digits are ever written, so this never falls back.
            DateIntText::Digits(d) => std::str::from_utf8(d).unwrap_or_default(),
            DateIntText::Printed(s) => s,
        }
    }
}

impl AsRef<str> for DateIntText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Shown as the text it stands for, whichever way it was made.
impl std::fmt::Debug for DateIntText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for DateIntText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `DI`: pattern `YYYYMMdd` in UTC.
fn date_int_format() -> Result<Formatter, SelError> {
    Ok(Formatter::for_pattern("YYYYMMdd")?.with_zone(Zone::UTC))
}

/// The general parse of a date int, through Joda's formatter.
fn parse_date_int_general(text: &str) -> Result<DateTime, SelError> {
    // The pivot year (`now`) only matters for two-digit years, which DI has none of.
    date_int_format()?.parse_datetime(text, Zone::UTC, 0)
}

fn parse_date_int(text: &str) -> Result<DateTime, SelError> {
    match fast_date_int_days(text) {
        Some(days) => Ok(DateTime::new(days * MS_PER_DAY, Zone::UTC)),
        None => parse_date_int_general(text),
    }
}

/// `Util.dateIntToTs(d)`: epoch ms of that UTC midnight.
pub fn date_int_to_ts(text: &str) -> Result<i64, SelError> {
    Ok(parse_date_int(text)?.millis())
}

/// The general `tsToDateInt`, through Joda's formatter.
fn ts_to_date_int_general(ms: i64) -> Result<DateIntText, SelError> {
    Ok(DateIntText::Printed(
        date_int_format()?.print(ms, Zone::UTC),
    ))
}

/// `Util.tsToDateInt(ts)`: the UTC date of an instant as `YYYYMMdd`.
pub fn ts_to_date_int(ms: i64) -> Result<DateIntText, SelError> {
    match fast_days_to_date_int(ms.div_euclid(MS_PER_DAY)) {
        Some(n) => Ok(DateIntText::digits(n)),
        None => ts_to_date_int_general(ms),
    }
}

/// `Util.incrementDateInt(d, n)`: the date int `n` days later.
pub fn increment_date_int(text: &str, days: i32) -> Result<DateIntText, SelError> {
    if let Some(start) = fast_date_int_days(text) {
        // A UTC day is exactly `MS_PER_DAY`; with years 1..=9999 and a 32-bit day
        // count the millis cannot overflow, so `plus_days` would succeed.
        let day = start + days as i64;
        return Ok(match fast_days_to_date_int(day) {
            Some(n) => DateIntText::digits(n),
            None => ts_to_date_int_general(day * MS_PER_DAY)?,
        });
    }
    let dt = parse_date_int_general(text)?.plus_days(days)?;
    ts_to_date_int(dt.millis())
}

/// The general parse of `yyyyMMddHH` text in `zone`, through Joda's formatter.
fn parse_date_hour_general(text: &str, zone: Zone) -> Result<DateTime, SelError> {
    Formatter::for_pattern("YYYYMMddHH")?
        .with_zone(zone)
        .parse_datetime(text, zone, 0)
}

/// `text` parsed as `YYYYMMddHH` in `zone` (the first step of `Util.dateIntHourToTs`).
pub fn parse_date_hour(text: &str, zone: Zone) -> Result<DateTime, SelError> {
    match fast_date_hour_local(text) {
        // The same wall-clock resolution (and gap error) as the formatter's parse.
        Some(local) => Ok(DateTime::new(
            super::parse::local_to_parsed_instant(zone, local, text)?,
            zone,
        )),
        None => parse_date_hour_general(text, zone),
    }
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
    let mut text = String::with_capacity(date_text.len() + hour_text.len());
    text.push_str(date_text);
    text.push_str(hour_text);
    let dt = parse_date_hour(&text, zone)?;
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
    if let (Some(start), Some(end)) = (fast_date_int_days(a), fast_date_int_days(b)) {
        // Plain dates are at most 3.7 million days apart: no `int` overflow, and
        // every day in between has a year in 1..=9999.
        let n = end - start;
        let step = (inc as i64).abs();
        let mut out = Vec::with_capacity(((n.max(0) + step - 1) / step) as usize);
        if step <= 28 {
            // Small steps walk the calendar instead of converting every day number:
            // a step of at most 28 days crosses at most one month end.
            let (mut y, mut m, mut d) = civil_from_days(start);
            let mut day = start;
            while day < end {
                out.push(y * 10_000 + m as i64 * 100 + d as i64);
                d += step as u32;
                let dim = days_in_month(y, m);
                if d > dim {
                    d -= dim;
                    m += 1;
                    if m > 12 {
                        m = 1;
                        y += 1;
                    }
                }
                day += step;
            }
        } else {
            let mut day = start;
            while day < end {
                match fast_days_to_date_int(day) {
                    Some(n) => out.push(n),
                    // Unreachable: every day in between has a year in 1..=9999.
                    None => return date_ints_between_general(a, b, inc),
                }
                day += step;
            }
        }
        if inc < 0 {
            out.reverse();
        }
        return Ok(out);
    }
    date_ints_between_general(a, b, inc)
}

/// The general `dateIntsBetween` from the earlier bound `a` to the later `b`, through
/// Joda's formatter.
fn date_ints_between_general(a: &str, b: &str, inc: i32) -> Result<Vec<i64>, SelError> {
    let start = parse_date_int_general(a)?;
    let end = parse_date_int_general(b)?;
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
    timeout_for_deadline_ms(deadline_ms, ms, now_ms)
}

/// [`timeout_for_deadline`] with the period already parsed to `period_ms`.
pub fn timeout_for_deadline_ms(
    deadline_ms: i64,
    period_ms: i64,
    now_ms: i64,
) -> Result<String, SelError> {
    let remaining = deadline_ms
        .checked_add(period_ms)
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

    // ----- the fast paths agree with the general (formatter) paths -----

    /// Odd date-int texts: wrong lengths, signs, spaces, non-ASCII digits, bad fields.
    const ODD_TEXTS: &[&str] = &[
        "",
        "2",
        "2024",
        "202403",
        "2024030",
        "2024031",
        "20240301 ",
        " 20240301",
        "2024 301",
        "202403011",
        "2024030100",
        "-20240301",
        "+20240301",
        "+2024030",
        "-2024030",
        "2024-3-1",
        "2024+301",
        "202403+1",
        "2024-301",
        "20240230",
        "20230229",
        "20240229",
        "21000229",
        "20000229",
        "19000229",
        "20241301",
        "20240001",
        "20240100",
        "20240132",
        "00000101",
        "00010101",
        "99991231",
        "99999999",
        "00000000",
        "２０２４０３０１",
        "٢٠٢٤٠٣٠١",
        "2024030１",
        "2024é301",
        "abcdefgh",
        "2024030a",
        "1e240301",
        "0x240301",
        "2147483647",
        "21474836470",
        "9999123123",
        "2024030107",
        "2024030124",
        "202403010",
        "20240301077",
    ];

    /// Date-int texts: every day of 1900-2100, every month/day 0..=99 of some years,
    /// and the odd texts.
    fn date_texts() -> Vec<String> {
        let mut v: Vec<String> = ODD_TEXTS.iter().map(|s| s.to_string()).collect();
        let first = days_from_civil(1900, 1, 1);
        let last = days_from_civil(2100, 12, 31);
        for d in first..=last {
            let (y, m, dd) = civil_from_days(d);
            v.push(format!("{y:04}{m:02}{dd:02}"));
        }
        for y in [0, 1, 4, 100, 400, 1582, 1900, 1970, 2000, 2023, 2024, 9999] {
            for m in 0..=99 {
                for d in 0..=99 {
                    v.push(format!("{y:04}{m:02}{d:02}"));
                }
            }
        }
        v
    }

    #[test]
    fn fast_parse_agrees() {
        let mut fast = 0;
        for t in date_texts() {
            let got = msg(parse_date_int(&t).map(|d| (d.millis(), d.zone())));
            let want = msg(parse_date_int_general(&t).map(|d| (d.millis(), d.zone())));
            assert_eq!(got, want, "{t:?}");
            fast += usize::from(fast_date_int_days(&t).is_some());
        }
        // The fast path really is taken for plain dates.
        assert!(fast > 73_000, "{fast}");
        assert_eq!(fast_date_int_days("20240301"), Some(19_783));
    }

    #[test]
    fn fast_print_agrees() {
        let mut ms: Vec<i64> = vec![i64::MIN, i64::MIN + 1, i64::MAX, -1, 0, 1, MS_PER_DAY - 1];
        for (y, m, d) in [
            (-1, 12, 31),
            (0, 1, 1),
            (0, 12, 31),
            (1, 1, 1),
            (1969, 12, 31),
            (2024, 2, 29),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-10_000, 1, 1),
        ] {
            let day = days_from_civil(y, m, d);
            for delta in [-MS_PER_DAY, -1, 0, 1, MS_PER_DAY - 1, MS_PER_DAY] {
                ms.push(day * MS_PER_DAY + delta);
            }
        }
        let first = days_from_civil(1890, 1, 1);
        for d in (first..first + 80_000).step_by(7) {
            ms.push(d * MS_PER_DAY + (d % 86_400) * 1_000);
        }
        for m in ms {
            assert_eq!(
                msg(ts_to_date_int(m)),
                msg(ts_to_date_int_general(m)),
                "{m}"
            );
        }
    }

    #[test]
    fn fast_increment_agrees() {
        let general = |t: &str, n: i32| -> Result<DateIntText, SelError> {
            let dt = parse_date_int_general(t)?.plus_days(n)?;
            ts_to_date_int_general(dt.millis())
        };
        let ns = [
            i32::MIN,
            i32::MIN + 1,
            -3_000_000,
            -738_000,
            -366,
            -365,
            -31,
            -1,
            0,
            1,
            29,
            365,
            3_000_000,
            i32::MAX,
        ];
        for t in ODD_TEXTS.iter().map(|s| s.to_string()).chain([
            "00010101".into(),
            "99991231".into(),
            "20240301".into(),
        ]) {
            for n in ns {
                assert_eq!(
                    msg(increment_date_int(&t, n)),
                    msg(general(&t, n)),
                    "{t} {n}"
                );
            }
        }
        for (i, t) in date_texts().iter().enumerate().step_by(3) {
            let n = (i as i32 % 801) - 400;
            assert_eq!(msg(increment_date_int(t, n)), msg(general(t, n)), "{t} {n}");
        }
    }

    #[test]
    fn fast_between_agrees() {
        let general = |a: &str, b: &str, inc: i32| {
            if inc > 0 {
                date_ints_between_general(a, b, inc)
            } else {
                date_ints_between_general(b, a, inc)
            }
        };
        let texts = [
            "20240201",
            "20240301",
            "20231231",
            "20240229",
            "20250101",
            "19991225",
            "19000101",
            "19010301",
            "21001231",
            "20990101",
            "00010101",
            "00010110",
            "99991225",
            "99991231",
            "2024031",
            "20240230",
            " 20240301",
            "00000101",
        ];
        for a in texts {
            for b in texts {
                for inc in [
                    1,
                    2,
                    7,
                    27,
                    28,
                    29,
                    30,
                    31,
                    400,
                    -1,
                    -3,
                    -28,
                    -29,
                    -400,
                    i32::MAX,
                    i32::MIN,
                ] {
                    // Skip the general path's multi-millennium lists.
                    let span = match (fast_date_int_days(a), fast_date_int_days(b)) {
                        (Some(x), Some(y)) => (y - x).abs(),
                        _ => 0,
                    };
                    if span / (inc as i64).abs() > 20_000 {
                        continue;
                    }
                    assert_eq!(
                        msg(date_ints_between(a, b, inc)),
                        msg(general(a, b, inc)),
                        "{a} {b} {inc}"
                    );
                }
            }
        }
    }

    #[test]
    fn fast_date_hour_agrees() {
        let zones = [
            "UTC",
            "America/Los_Angeles",
            "America/New_York",
            "Europe/London",
            "Australia/Lord_Howe",
            "Asia/Kolkata",
            "America/Sao_Paulo",
            "Pacific/Apia",
            "+05:30",
        ];
        let mut texts: Vec<String> = Vec::new();
        for t in ODD_TEXTS {
            texts.push(t.to_string());
            texts.push(format!("{t}07"));
            texts.push(format!("{t}7"));
        }
        for h in 0..=99 {
            texts.push(format!("20240301{h:02}"));
            texts.push(format!("20240310{h:02}"));
        }
        // Every hour around the DST changes of 2019-2024 (and a sample of other days).
        let first = days_from_civil(2019, 1, 1);
        let last = days_from_civil(2024, 12, 31);
        for d in first..=last {
            let (y, m, dd) = civil_from_days(d);
            let hours: &[u32] = if matches!(m, 3 | 4 | 9 | 10 | 11) || d % 17 == 0 {
                &[0, 1, 2, 3, 4, 12, 23, 24]
            } else {
                &[5]
            };
            for h in hours {
                texts.push(format!("{y:04}{m:02}{dd:02}{h:02}"));
            }
        }
        for z in zones {
            let zone = Zone::for_id(z).unwrap();
            for t in &texts {
                let got = msg(parse_date_hour(t, zone).map(|d| (d.millis(), d.zone())));
                let want = msg(parse_date_hour_general(t, zone).map(|d| (d.millis(), d.zone())));
                assert_eq!(got, want, "{t} {z}");
            }
        }
    }
}
