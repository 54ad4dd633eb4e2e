//! `DateTime`: an instant with a zone, with Joda's constructors, getters, ISO
//! `toString`, arithmetic, setters (and their DST rules) and comparisons.

use super::calendar::*;
use super::fields::{field_error, local_of, Field, Local};
use super::offset::push_offset;
use super::text::push_padded;
use super::zone::Zone;
use crate::error::{ErrorKind, SelError};

/// A Joda `DateTime` (ISO chronology): epoch milliseconds plus a zone. Displays
/// as its ISO `toString()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    millis: i64,
    zone: Zone,
}

impl std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_iso_string())
    }
}

pub(crate) fn overflow() -> SelError {
    SelError::new(
        ErrorKind::ArithmeticException,
        "The calculation caused an overflow",
    )
}

/// Joda's `IllegalInstantException` text for a local time in a gap.
pub(crate) fn gap_message(local: i64, zone: &Zone) -> String {
    let mut s = String::from(
        "Illegal instant due to time zone offset transition (daylight savings time 'gap'): ",
    );
    push_local(&mut s, local);
    s.push_str(" (");
    s.push_str(&zone.id());
    s.push(')');
    s
}

/// `yyyy-MM-dd'T'HH:mm:ss.SSS` of local millis.
fn push_local(s: &mut String, local: i64) {
    let l = Local::new(local);
    push_padded(s, l.year, 4);
    s.push('-');
    push_padded(s, l.month as i64, 2);
    s.push('-');
    push_padded(s, l.day as i64, 2);
    s.push('T');
    let m = l.millis_of_day;
    push_padded(s, m / MS_PER_HOUR, 2);
    s.push(':');
    push_padded(s, m / MS_PER_MINUTE % 60, 2);
    s.push(':');
    push_padded(s, m / MS_PER_SECOND % 60, 2);
    s.push('.');
    push_padded(s, m % 1000, 3);
}

impl DateTime {
    /// `new DateTime(ms, zone)`.
    pub fn new(millis: i64, zone: Zone) -> DateTime {
        DateTime { millis, zone }
    }

    /// `new DateTime(y, mo, d, h, mi, s, ms, zone)`: Joda's range checks (time fields
    /// first, then year, month, day with its context), gap → `IllegalInstantException`,
    /// overlap → the earlier instant.
    #[allow(clippy::too_many_arguments)]
    pub fn from_fields(
        year: i32,
        month: i32,
        day: i32,
        hour: i32,
        minute: i32,
        second: i32,
        millis: i32,
        zone: Zone,
    ) -> Result<DateTime, SelError> {
        let check = |f: Field, v: i32, lo: i64, hi: i64| {
            if (v as i64) < lo || v as i64 > hi {
                Err(field_error(f, v as i64, lo, hi))
            } else {
                Ok(())
            }
        };
        check(Field::HourOfDay, hour, 0, 23)?;
        check(Field::MinuteOfHour, minute, 0, 59)?;
        check(Field::SecondOfMinute, second, 0, 59)?;
        check(Field::MillisOfSecond, millis, 0, 999)?;
        check(Field::Year, year, MIN_YEAR - 1, MAX_YEAR + 1)?;
        check(Field::MonthOfYear, month, 1, 12)?;
        let dim = days_in_month(year as i64, month as u32);
        if day < 1 || day as u32 > dim {
            let mut e = field_error(Field::DayOfMonth, day as i64, 1, dim as i64);
            e.message
                .push_str(&format!(": year: {year} month: {month}"));
            return Err(e);
        }
        let mod_ = hour as i64 * MS_PER_HOUR
            + minute as i64 * MS_PER_MINUTE
            + second as i64 * MS_PER_SECOND
            + millis as i64;
        let local = join_millis(days_from_civil(year as i64, month as u32, day as u32), mod_)
            .ok_or_else(overflow)?;
        DateTime::from_local_strict(local, zone)
    }

    /// The instant with wall-clock time `local` in `zone`; a gap is an error.
    pub(crate) fn from_local_strict(local: i64, zone: Zone) -> Result<DateTime, SelError> {
        match zone.local_to_utc_strict(local) {
            Some(millis) => Ok(DateTime { millis, zone }),
            None => Err(SelError::new(
                ErrorKind::IllegalInstantException,
                gap_message(local, &zone),
            )),
        }
    }

    /// Epoch milliseconds (`getMillis()`).
    pub fn millis(&self) -> i64 {
        self.millis
    }

    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The zone's offset at this instant, in milliseconds.
    pub fn offset_ms(&self) -> i32 {
        self.zone.offset_ms_at(self.millis)
    }

    /// Milliseconds since 1970-01-01T00:00 on this value's wall clock.
    pub fn local_millis(&self) -> i64 {
        self.millis.saturating_add(self.offset_ms() as i64)
    }

    pub(crate) fn local(&self) -> Local {
        Local::new(self.local_millis())
    }

    /// The wall-clock value of a field (`getYear()`, `getDayOfWeek()`, ...).
    pub fn get(&self, field: Field) -> i64 {
        self.local().get(field)
    }

    pub fn year(&self) -> i64 {
        self.get(Field::Year)
    }
    pub fn month_of_year(&self) -> i64 {
        self.get(Field::MonthOfYear)
    }
    pub fn day_of_month(&self) -> i64 {
        self.get(Field::DayOfMonth)
    }
    pub fn day_of_year(&self) -> i64 {
        self.get(Field::DayOfYear)
    }
    pub fn day_of_week(&self) -> i64 {
        self.get(Field::DayOfWeek)
    }
    pub fn week_of_weekyear(&self) -> i64 {
        self.get(Field::WeekOfWeekyear)
    }
    pub fn weekyear(&self) -> i64 {
        self.get(Field::Weekyear)
    }
    pub fn hour_of_day(&self) -> i64 {
        self.get(Field::HourOfDay)
    }
    pub fn minute_of_day(&self) -> i64 {
        self.get(Field::MinuteOfDay)
    }
    pub fn minute_of_hour(&self) -> i64 {
        self.get(Field::MinuteOfHour)
    }
    pub fn second_of_day(&self) -> i64 {
        self.get(Field::SecondOfDay)
    }
    pub fn second_of_minute(&self) -> i64 {
        self.get(Field::SecondOfMinute)
    }
    pub fn millis_of_day(&self) -> i64 {
        self.get(Field::MillisOfDay)
    }
    pub fn millis_of_second(&self) -> i64 {
        self.get(Field::MillisOfSecond)
    }

    /// `toString()`: `2019-03-10T03:30:00.000-07:00`, `Z` for a zero offset, offset
    /// seconds and millis when present.
    pub fn to_iso_string(&self) -> String {
        let mut s = String::with_capacity(29);
        self.push_iso(&mut s);
        s
    }

    pub fn push_iso(&self, s: &mut String) {
        let offset = self.offset_ms();
        push_local(s, self.millis.saturating_add(offset as i64));
        if offset == 0 {
            s.push('Z');
        } else {
            push_offset(s, offset, true, 4);
        }
    }

    /// `toString(pattern)`: formats with a Joda pattern in this value's zone.
    pub fn to_string_with_pattern(&self, pattern: &str) -> Result<String, SelError> {
        Ok(super::Formatter::for_pattern(pattern)?.print(self.millis, self.zone))
    }

    /// `withZone(zone)` / `toDateTime(zone)`: same instant, other zone.
    pub fn with_zone(&self, zone: Zone) -> DateTime {
        DateTime {
            millis: self.millis,
            zone,
        }
    }

    fn with_millis(&self, millis: i64) -> DateTime {
        DateTime {
            millis,
            zone: self.zone,
        }
    }

    pub fn is_after(&self, other_millis: i64) -> bool {
        self.millis > other_millis
    }
    pub fn is_before(&self, other_millis: i64) -> bool {
        self.millis < other_millis
    }
    pub fn is_equal(&self, other_millis: i64) -> bool {
        self.millis == other_millis
    }

    // ----- arithmetic -----

    /// Exact arithmetic on the instant (hours and smaller units).
    fn plus_exact(&self, n: i64, unit: i64) -> Result<DateTime, SelError> {
        let millis = n
            .checked_mul(unit)
            .and_then(|d| self.millis.checked_add(d))
            .ok_or_else(overflow)?;
        Ok(self.with_millis(millis))
    }

    /// Wall-clock arithmetic (days and larger): resolve the new local time with
    /// `getOffsetFromLocal` (overlap → earlier, gap → forward by the gap).
    fn plus_local(
        &self,
        n: i64,
        add: impl Fn(i64, i64) -> Result<i64, SelError>,
    ) -> Result<DateTime, SelError> {
        if n == 0 {
            return Ok(*self);
        }
        let local = add(self.local_millis(), n)?;
        let offset = self.zone.offset_from_local(local) as i64;
        Ok(self.with_millis(local.checked_sub(offset).ok_or_else(overflow)?))
    }

    pub fn plus_years(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_local(n as i64, |local, n| {
            let year = Local::new(local).year + n;
            if year < i32::MIN as i64 || year > i32::MAX as i64 {
                return Err(overflow());
            }
            super::fields::set_year(local, year)
        })
    }
    pub fn plus_months(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_local(n as i64, super::fields::add_months)
    }
    pub fn plus_weeks(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_local(n as i64, |local, n| {
            local.checked_add(n * MS_PER_WEEK).ok_or_else(overflow)
        })
    }
    pub fn plus_days(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_local(n as i64, |local, n| {
            local.checked_add(n * MS_PER_DAY).ok_or_else(overflow)
        })
    }
    pub fn plus_hours(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_exact(n as i64, MS_PER_HOUR)
    }
    pub fn plus_minutes(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_exact(n as i64, MS_PER_MINUTE)
    }
    pub fn plus_seconds(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_exact(n as i64, MS_PER_SECOND)
    }
    pub fn plus_millis(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_exact(n as i64, 1)
    }

    // Joda negates with `FieldUtils.safeNegate`, which rejects Integer.MIN_VALUE.
    fn neg(n: i32) -> Result<i32, SelError> {
        n.checked_neg().ok_or_else(|| {
            SelError::new(
                ErrorKind::ArithmeticException,
                "Integer.MIN_VALUE cannot be negated",
            )
        })
    }
    pub fn minus_years(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_years(Self::neg(n)?)
    }
    pub fn minus_months(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_months(Self::neg(n)?)
    }
    pub fn minus_weeks(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_weeks(Self::neg(n)?)
    }
    pub fn minus_days(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_days(Self::neg(n)?)
    }
    pub fn minus_hours(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_hours(Self::neg(n)?)
    }
    pub fn minus_minutes(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_minutes(Self::neg(n)?)
    }
    pub fn minus_seconds(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_seconds(Self::neg(n)?)
    }
    pub fn minus_millis(&self, n: i32) -> Result<DateTime, SelError> {
        self.plus_millis(Self::neg(n)?)
    }

    // ----- setters -----

    /// Joda's zoned `set`: set the field on the wall clock, keep the current offset if
    /// still valid, else resolve leniently; if a gap moved the field away from `value`
    /// → `IllegalFieldValueException: Value v for f is not supported: Illegal instant…`
    /// (cause `IllegalInstantException`).
    pub fn with_field(&self, field: Field, value: i32) -> Result<DateTime, SelError> {
        let local = field.set(self.local_millis(), value as i64)?;
        let millis = self.zone.local_to_utc_lenient(local, Some(self.millis));
        let result = self.with_millis(millis);
        if result.get(field) != value as i64 {
            let msg = gap_message(local, &self.zone);
            let cause = SelError::new(ErrorKind::IllegalInstantException, msg.clone());
            return Err(SelError::new(
                ErrorKind::IllegalFieldValueException,
                format!("Value {value} for {} is not supported: {msg}", field.name()),
            )
            .with_cause(cause));
        }
        Ok(result)
    }

    pub fn with_year(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::Year, v)
    }
    pub fn with_weekyear(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::Weekyear, v)
    }
    pub fn with_month_of_year(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::MonthOfYear, v)
    }
    pub fn with_week_of_weekyear(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::WeekOfWeekyear, v)
    }
    pub fn with_day_of_year(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::DayOfYear, v)
    }
    pub fn with_day_of_month(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::DayOfMonth, v)
    }
    pub fn with_day_of_week(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::DayOfWeek, v)
    }
    pub fn with_hour_of_day(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::HourOfDay, v)
    }
    pub fn with_minute_of_hour(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::MinuteOfHour, v)
    }
    pub fn with_second_of_minute(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::SecondOfMinute, v)
    }
    pub fn with_millis_of_second(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::MillisOfSecond, v)
    }
    pub fn with_millis_of_day(&self, v: i32) -> Result<DateTime, SelError> {
        self.with_field(Field::MillisOfDay, v)
    }

    /// `withTimeAtStartOfDay()`: the first valid instant of the local date (midnight,
    /// or the end of a gap at midnight), the earlier one in an overlap.
    pub fn with_time_at_start_of_day(&self) -> Result<DateTime, SelError> {
        let l = self.local();
        let six = local_of(l.year, l.month, l.day, 6 * MS_PER_HOUR)?;
        let six_utc = self.zone.local_to_utc_lenient(six, None);
        let midnight = six - 6 * MS_PER_HOUR;
        let millis = self.zone.local_to_utc_lenient(midnight, Some(six_utc));
        Ok(self.with_millis(self.zone.earlier_at_overlap(millis)))
    }

    /// A property (`dayOfMonth()`, ...) of this value.
    pub fn property(&self, field: Field) -> Property {
        Property { dt: *self, field }
    }
}

/// `DateTime.Property`: one field of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Property {
    dt: DateTime,
    field: Field,
}

impl Property {
    pub fn field(&self) -> Field {
        self.field
    }

    /// `get()`.
    pub fn get(&self) -> i64 {
        self.dt.get(self.field)
    }

    /// `getAsText()`: English names for day of week and month, else the number.
    pub fn get_as_text(&self) -> String {
        let v = self.get();
        match self.field {
            Field::DayOfWeek => super::text::DAYS[(v - 1) as usize].to_string(),
            Field::MonthOfYear => super::text::MONTHS[(v - 1) as usize].to_string(),
            Field::HalfdayOfDay => super::text::HALFDAYS[v as usize].to_string(),
            Field::Era => super::text::ERAS[v as usize].to_string(),
            _ => v.to_string(),
        }
    }

    /// `withMinimumValue()`; if that falls into a gap, the first instant after it.
    pub fn with_minimum_value(&self) -> Result<DateTime, SelError> {
        let min = self.field.min_value(&self.dt.local());
        match self.dt.with_field(self.field, min as i32) {
            Err(e) if is_illegal_instant(&e) => {
                let t = self.dt.millis.saturating_sub(MS_PER_DAY);
                let z = self.dt.zone;
                z.next_transition(t, 3 * MS_PER_DAY)
                    .map(|m| DateTime::new(m, z))
                    .ok_or(e)
            }
            r => r,
        }
    }

    /// `withMaximumValue()`; if that falls into a gap, one millisecond before it.
    pub fn with_maximum_value(&self) -> Result<DateTime, SelError> {
        let max = self.field.max_value(&self.dt.local());
        match self.dt.with_field(self.field, max as i32) {
            Err(e) if is_illegal_instant(&e) => {
                let t = self.dt.millis.saturating_add(MS_PER_DAY);
                let z = self.dt.zone;
                z.previous_transition(t, 3 * MS_PER_DAY)
                    .map(|m| DateTime::new(m, z))
                    .ok_or(e)
            }
            r => r,
        }
    }

    /// `Property[dayOfWeek]`.
    pub fn display(&self) -> String {
        format!("Property[{}]", self.field.name())
    }
}

fn is_illegal_instant(e: &SelError) -> bool {
    e.kind == ErrorKind::IllegalInstantException
        || e.cause
            .as_ref()
            .is_some_and(|c| c.kind == ErrorKind::IllegalInstantException)
}

/// `Days.daysBetween(a, b)`: whole days between the wall-clock times of `a` and `b`,
/// both read in `a`'s zone, truncated toward zero.
pub fn days_between(a: &DateTime, b: &DateTime) -> Result<i32, SelError> {
    let z = a.zone;
    let la = a.millis as i128 + z.offset_ms_at(a.millis) as i128;
    let lb = b.millis as i128 + z.offset_ms_at(b.millis) as i128;
    let days = (lb - la) / MS_PER_DAY as i128;
    i32::try_from(days).map_err(|_| {
        SelError::new(
            ErrorKind::ArithmeticException,
            format!("Value cannot fit in an int: {days}"),
        )
    })
}

/// Display of a `Days` value: `P31D`, `P-2D`.
pub fn days_display(days: i32) -> String {
    format!("P{days}D")
}
