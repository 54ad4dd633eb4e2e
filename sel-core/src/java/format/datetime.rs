//! `%t…` conversions of a Long (epoch milliseconds) the way `java.util.Formatter` prints
//! them through a `GregorianCalendar` in the JVM's default zone, which is UTC for SEL's
//! reference (English names, Julian calendar before the 1582-10-15 cutover, era years).

// English month and day names: one table for the whole crate (Monday first).
use crate::joda::text::{DAYS, MONTHS};

/// First instant of the Gregorian calendar in `GregorianCalendar` (1582-10-15T00:00Z).
const CUTOVER_MS: i64 = -12_219_292_800_000;

struct Fields {
    /// Era year (1 BC is 1), as `Calendar.YEAR`.
    year: i64,
    month: usize, // 0-based
    day: i64,
    day_of_year: i64,
    weekday: usize, // 0 = Monday, as in `DAYS`
    hour: i64,
    minute: i64,
    second: i64,
    millis: i64,
}

/// Year, month (1-based) and day of the proleptic Gregorian (or Julian) calendar for a
/// count of days since 1970-01-01.
fn civil(days: i64, julian: bool) -> (i64, i64, i64) {
    if julian {
        // Julian day number based conversion.
        let jdn = days + 2_440_588;
        let c = jdn + 32_082;
        let d = (4 * c + 3).div_euclid(1461);
        let e = c - (1461 * d).div_euclid(4);
        let m = (5 * e + 2).div_euclid(153);
        let day = e - (153 * m + 2).div_euclid(5) + 1;
        let month = m + 3 - 12 * (m / 10);
        let year = d - 4800 + m / 10;
        return (year, month, day);
    }
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap(year: i64, julian: bool) -> bool {
    if julian {
        year.rem_euclid(4) == 0
    } else {
        year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
    }
}

fn fields(ms: i64) -> Fields {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let julian = ms < CUTOVER_MS;
    let (y, m, d) = civil(days, julian);
    const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let mut doy = CUM[(m - 1) as usize] + d;
    if m > 2 && is_leap(y, julian) {
        doy += 1;
    }
    if y == 1582 && !julian {
        // The Gregorian part of 1582 lost ten days (Oct 5-14).
        doy -= 10;
    }
    Fields {
        year: if y <= 0 { 1 - y } else { y },
        month: (m - 1) as usize,
        day: d,
        day_of_year: doy,
        weekday: (days + 3).rem_euclid(7) as usize,
        hour: in_day / 3_600_000,
        minute: in_day / 60_000 % 60,
        second: in_day / 1000 % 60,
        millis: in_day % 1000,
    }
}

/// The text of `%t<conv>` (before upper-casing and justification).
pub(super) fn render(conv: char, ms: i64) -> String {
    let t = fields(ms);
    let h12 = if t.hour % 12 == 0 { 12 } else { t.hour % 12 };
    match conv {
        'H' => format!("{:02}", t.hour),
        'I' => format!("{h12:02}"),
        'k' => t.hour.to_string(),
        'l' => h12.to_string(),
        'M' => format!("{:02}", t.minute),
        'S' => format!("{:02}", t.second),
        'L' => format!("{:03}", t.millis),
        'N' => format!("{:09}", t.millis * 1_000_000),
        'p' => if t.hour < 12 { "am" } else { "pm" }.to_string(),
        'z' => "+0000".to_string(),
        'Z' => "UTC".to_string(),
        's' => (ms / 1000).to_string(),
        'Q' => ms.to_string(),
        'B' => MONTHS[t.month].to_string(),
        'b' | 'h' => MONTHS[t.month][..3].to_string(),
        'A' => DAYS[t.weekday].to_string(),
        'a' => DAYS[t.weekday][..3].to_string(),
        'C' => format!("{:02}", t.year / 100),
        'Y' => format!("{:04}", t.year),
        'y' => format!("{:02}", t.year % 100),
        'j' => format!("{:03}", t.day_of_year),
        'm' => format!("{:02}", t.month + 1),
        'd' => format!("{:02}", t.day),
        'e' => t.day.to_string(),
        'R' => format!("{}:{}", render('H', ms), render('M', ms)),
        'T' => format!(
            "{}:{}:{}",
            render('H', ms),
            render('M', ms),
            render('S', ms)
        ),
        'r' => format!(
            "{}:{}:{} {}",
            render('I', ms),
            render('M', ms),
            render('S', ms),
            render('p', ms).to_uppercase()
        ),
        'D' => format!(
            "{}/{}/{}",
            render('m', ms),
            render('d', ms),
            render('y', ms)
        ),
        'F' => format!(
            "{}-{}-{}",
            render('Y', ms),
            render('m', ms),
            render('d', ms)
        ),
        _ => format!(
            "{} {} {} {} UTC {}",
            render('a', ms),
            render('b', ms),
            render('d', ms),
            render('T', ms),
            render('Y', ms)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{render, CUTOVER_MS};

    #[test]
    fn epoch_and_friends() {
        assert_eq!(render('c', 0), "Thu Jan 01 00:00:00 UTC 1970");
        assert_eq!(render('F', 1_709_251_200_000), "2024-03-01");
        assert_eq!(render('j', 1_709_251_200_000), "061");
        assert_eq!(render('r', 1_709_276_400_123), "07:00:00 AM");
        assert_eq!(render('L', 1_709_276_400_123), "123");
        assert_eq!(render('s', -1), "0");
        assert_eq!(render('F', -1), "1969-12-31");
        assert_eq!(render('F', CUTOVER_MS), "1582-10-15");
        assert_eq!(render('F', CUTOVER_MS - 1), "1582-10-04");
        assert_eq!(render('j', CUTOVER_MS), "278");
        assert_eq!(render('A', CUTOVER_MS), "Friday");
    }
}
