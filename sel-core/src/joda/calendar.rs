//! Proleptic Gregorian (ISO) calendar arithmetic on day numbers, over Joda's whole year
//! range (chrono stops at ±262143, Joda goes to ±292 million years).
//!
//! Day numbers count days since 1970-01-01; "local millis" are milliseconds since
//! 1970-01-01T00:00 on the wall clock of some zone (Joda's `localInstant`).

pub const MS_PER_SECOND: i64 = 1_000;
pub const MS_PER_MINUTE: i64 = 60_000;
pub const MS_PER_HOUR: i64 = 3_600_000;
pub const MS_PER_DAY: i64 = 86_400_000;
pub const MS_PER_WEEK: i64 = 7 * MS_PER_DAY;

/// Joda's ISO chronology year bounds.
pub const MIN_YEAR: i64 = -292_275_054;
pub const MAX_YEAR: i64 = 292_278_993;

pub fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn days_in_year(year: i64) -> u32 {
    if is_leap(year) {
        366
    } else {
        365
    }
}

/// Day number of a civil date (month 1-12, day 1-31; not validated).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date `(year, month, day)` of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// ISO day of week of a day number: 1 = Monday … 7 = Sunday.
pub fn day_of_week(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// Day of year (1-based) of a civil date.
pub fn day_of_year(year: i64, month: u32, day: u32) -> u32 {
    (days_from_civil(year, month, day) - days_from_civil(year, 1, 1)) as u32 + 1
}

/// Day number of the Monday starting week 1 of an ISO week-year (the week holding
/// January 4th).
pub fn weekyear_start(weekyear: i64) -> i64 {
    let jan4 = days_from_civil(weekyear, 1, 4);
    jan4 - (day_of_week(jan4) as i64 - 1)
}

/// Number of ISO weeks (52 or 53) in a week-year.
pub fn weeks_in_weekyear(weekyear: i64) -> u32 {
    ((weekyear_start(weekyear + 1) - weekyear_start(weekyear)) / 7) as u32
}

/// ISO `(weekyear, week)` of a day number.
pub fn iso_week(days: i64) -> (i64, u32) {
    let thursday = days - (day_of_week(days) as i64 - 1) + 3;
    let (year, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    (year, week as u32)
}

/// Splits local millis into a day number and the millisecond of that day.
pub fn split_millis(local: i64) -> (i64, i64) {
    (local.div_euclid(MS_PER_DAY), local.rem_euclid(MS_PER_DAY))
}

/// Local millis of a day number and millisecond of day, `None` on i64 overflow.
pub fn join_millis(days: i64, millis_of_day: i64) -> Option<i64> {
    days.checked_mul(MS_PER_DAY)?.checked_add(millis_of_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for d in [
            -1_000_000i64,
            -719_468,
            -1,
            0,
            1,
            18_262,
            2_932_896,
            50_000_000,
        ] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(days_from_civil(0, 2, 29)), (0, 2, 29));
    }

    #[test]
    fn leap_years() {
        assert!(is_leap(2000) && is_leap(2020) && is_leap(0) && is_leap(-4));
        assert!(!is_leap(1900) && !is_leap(2019) && !is_leap(-1));
        assert_eq!(days_in_month(2020, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_year(2024), 366);
    }

    #[test]
    fn iso_weeks() {
        let d = |y, m, dd| days_from_civil(y, m, dd);
        assert_eq!(iso_week(d(2019, 12, 29)), (2019, 52));
        assert_eq!(iso_week(d(2019, 12, 30)), (2020, 1));
        assert_eq!(iso_week(d(2016, 1, 3)), (2015, 53));
        assert_eq!(iso_week(d(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(d(2020, 12, 31)), (2020, 53));
        assert_eq!(weeks_in_weekyear(2020), 53);
        assert_eq!(weeks_in_weekyear(2021), 52);
        assert_eq!(weeks_in_weekyear(2015), 53);
        assert_eq!(day_of_week(d(2019, 1, 1)), 2);
        assert_eq!(day_of_week(0), 4);
    }
}
