//! Joda's ISO date-time fields on local millis: reading, range-checked setting (with
//! Joda's context-dependent maxima and messages) and rounding down.
//!
//! Setting works on the wall clock only; zone resolution is the caller's job.

use super::calendar::*;
use crate::error::{ErrorKind, SelError};

/// A Joda `DateTimeFieldType` of the ISO chronology (plus the two sub-second fields
/// the ISO parser's minute and hour fractions use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Era,
    CenturyOfEra,
    YearOfEra,
    Year,
    Weekyear,
    MonthOfYear,
    WeekOfWeekyear,
    DayOfYear,
    DayOfMonth,
    DayOfWeek,
    HalfdayOfDay,
    HourOfHalfday,
    ClockhourOfHalfday,
    HourOfDay,
    ClockhourOfDay,
    MinuteOfDay,
    MinuteOfHour,
    SecondOfDay,
    SecondOfMinute,
    MillisOfDay,
    MillisOfSecond,
    /// Milliseconds within the minute (parsed from a fraction of a minute).
    MillisOfMinute,
    /// Milliseconds within the hour (parsed from a fraction of an hour).
    MillisOfHour,
}

/// The local wall-clock fields of a local instant, computed once.
#[derive(Clone, Copy, Debug)]
pub struct Local {
    pub days: i64,
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub millis_of_day: i64,
}

impl Local {
    pub fn new(local: i64) -> Local {
        let (days, millis_of_day) = split_millis(local);
        let (year, month, day) = civil_from_days(days);
        Local {
            days,
            year,
            month,
            day,
            millis_of_day,
        }
    }

    pub fn hour(&self) -> i64 {
        self.millis_of_day / MS_PER_HOUR
    }

    /// The value of `field` (Joda `get`).
    pub fn get(&self, field: Field) -> i64 {
        let mod_ = self.millis_of_day;
        match field {
            Field::Era => i64::from(self.year > 0),
            Field::CenturyOfEra => self.year.abs() / 100,
            Field::YearOfEra => {
                if self.year <= 0 {
                    1 - self.year
                } else {
                    self.year
                }
            }
            Field::Year => self.year,
            Field::Weekyear => iso_week(self.days).0,
            Field::MonthOfYear => self.month as i64,
            Field::WeekOfWeekyear => iso_week(self.days).1 as i64,
            Field::DayOfYear => day_of_year(self.year, self.month, self.day) as i64,
            Field::DayOfMonth => self.day as i64,
            Field::DayOfWeek => day_of_week(self.days) as i64,
            Field::HalfdayOfDay => self.hour() / 12,
            Field::HourOfHalfday => self.hour() % 12,
            Field::ClockhourOfHalfday => match self.hour() % 12 {
                0 => 12,
                h => h,
            },
            Field::HourOfDay => self.hour(),
            Field::ClockhourOfDay => match self.hour() {
                0 => 24,
                h => h,
            },
            Field::MinuteOfDay => mod_ / MS_PER_MINUTE,
            Field::MinuteOfHour => mod_ / MS_PER_MINUTE % 60,
            Field::SecondOfDay => mod_ / MS_PER_SECOND,
            Field::SecondOfMinute => mod_ / MS_PER_SECOND % 60,
            Field::MillisOfDay => mod_,
            Field::MillisOfSecond => mod_ % MS_PER_SECOND,
            Field::MillisOfMinute => mod_ % MS_PER_MINUTE,
            Field::MillisOfHour => mod_ % MS_PER_HOUR,
        }
    }
}

pub fn field_error(field: Field, value: i64, lo: i64, hi: i64) -> SelError {
    SelError::new(
        ErrorKind::IllegalFieldValueException,
        format!(
            "Value {value} for {} must be in the range [{lo},{hi}]",
            field.name()
        ),
    )
}

fn overflow() -> SelError {
    SelError::new(
        ErrorKind::ArithmeticException,
        "The calculation caused an overflow",
    )
}

fn check(field: Field, value: i64, lo: i64, hi: i64) -> Result<(), SelError> {
    if value < lo || value > hi {
        Err(field_error(field, value, lo, hi))
    } else {
        Ok(())
    }
}

/// Local millis of a date and millisecond of day, with Joda's year bounds checked.
pub fn local_of(year: i64, month: u32, day: u32, mod_: i64) -> Result<i64, SelError> {
    check(Field::Year, year, MIN_YEAR, MAX_YEAR)?;
    join_millis(days_from_civil(year, month, day), mod_).ok_or_else(overflow)
}

/// Joda's `setYear`: same month and day (Feb 29 becomes Feb 28), same time.
pub fn set_year(local: i64, year: i64) -> Result<i64, SelError> {
    let l = Local::new(local);
    check(Field::Year, year, MIN_YEAR, MAX_YEAR)?;
    let day = l.day.min(days_in_month(year, l.month));
    local_of(year, l.month, day, l.millis_of_day)
}

/// Adds months on the wall clock, clamping the day to the target month's length.
pub fn add_months(local: i64, months: i64) -> Result<i64, SelError> {
    let l = Local::new(local);
    let total = (l.year * 12 + l.month as i64 - 1)
        .checked_add(months)
        .ok_or_else(overflow)?;
    let year = total.div_euclid(12);
    let month = (total.rem_euclid(12) + 1) as u32;
    check(Field::Year, year, MIN_YEAR, MAX_YEAR)?;
    let day = l.day.min(days_in_month(year, month));
    local_of(year, month, day, l.millis_of_day)
}

fn shift(local: i64, delta: i64, unit: i64) -> Result<i64, SelError> {
    delta
        .checked_mul(unit)
        .and_then(|d| local.checked_add(d))
        .ok_or_else(overflow)
}

impl Field {
    /// Joda's field name, as used in messages and `Property[...]`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Era => "era",
            Field::CenturyOfEra => "centuryOfEra",
            Field::YearOfEra => "yearOfEra",
            Field::Year => "year",
            Field::Weekyear => "weekyear",
            Field::MonthOfYear => "monthOfYear",
            Field::WeekOfWeekyear => "weekOfWeekyear",
            Field::DayOfYear => "dayOfYear",
            Field::DayOfMonth => "dayOfMonth",
            Field::DayOfWeek => "dayOfWeek",
            Field::HalfdayOfDay => "halfdayOfDay",
            Field::HourOfHalfday => "hourOfHalfday",
            Field::ClockhourOfHalfday => "clockhourOfHalfday",
            Field::HourOfDay => "hourOfDay",
            Field::ClockhourOfDay => "clockhourOfDay",
            Field::MinuteOfDay => "minuteOfDay",
            Field::MinuteOfHour => "minuteOfHour",
            Field::SecondOfDay => "secondOfDay",
            Field::SecondOfMinute => "secondOfMinute",
            Field::MillisOfDay => "millisOfDay",
            Field::MillisOfSecond | Field::MillisOfMinute | Field::MillisOfHour => "millisOfSecond",
        }
    }

    /// `(range, duration)` ranks used to order parsed fields: Joda sets the field with
    /// the longest range first, then the longest duration. 100 = unsupported/none
    /// (infinite); 10 centuries, 9 years, 8 months, 7 weeks, 6 days, 5 halfdays,
    /// 4 hours, 3 minutes, 2 seconds, 1 millis.
    pub fn sort_key(self) -> (u8, u8) {
        match self {
            Field::Era => (100, 100),
            Field::CenturyOfEra => (100, 10),
            Field::YearOfEra | Field::Year | Field::Weekyear => (100, 9),
            Field::MonthOfYear => (9, 8),
            Field::WeekOfWeekyear => (9, 7),
            Field::DayOfYear => (9, 6),
            Field::DayOfMonth => (8, 6),
            Field::DayOfWeek => (7, 6),
            Field::HalfdayOfDay => (6, 5),
            Field::HourOfHalfday | Field::ClockhourOfHalfday => (5, 4),
            Field::HourOfDay | Field::ClockhourOfDay => (6, 4),
            Field::MinuteOfDay => (6, 3),
            Field::MinuteOfHour => (4, 3),
            Field::SecondOfDay => (6, 2),
            Field::SecondOfMinute => (3, 2),
            Field::MillisOfDay => (6, 1),
            Field::MillisOfSecond => (2, 1),
            Field::MillisOfMinute => (3, 1),
            Field::MillisOfHour => (4, 1),
        }
    }

    /// Minimum value in the context of `l` (Joda `getMinimumValue(instant)`).
    pub fn min_value(self, _l: &Local) -> i64 {
        match self {
            Field::Year | Field::Weekyear => MIN_YEAR,
            Field::YearOfEra
            | Field::MonthOfYear
            | Field::WeekOfWeekyear
            | Field::DayOfYear
            | Field::DayOfMonth
            | Field::DayOfWeek
            | Field::ClockhourOfHalfday
            | Field::ClockhourOfDay => 1,
            _ => 0,
        }
    }

    /// Maximum value in the context of `l` (Joda `getMaximumValue(instant)`).
    pub fn max_value(self, l: &Local) -> i64 {
        match self {
            Field::Era | Field::HalfdayOfDay => 1,
            Field::CenturyOfEra => MAX_YEAR / 100,
            Field::YearOfEra | Field::Year | Field::Weekyear => MAX_YEAR,
            Field::MonthOfYear => 12,
            Field::WeekOfWeekyear => weeks_in_weekyear(iso_week(l.days).0) as i64,
            Field::DayOfYear => days_in_year(l.year) as i64,
            Field::DayOfMonth => days_in_month(l.year, l.month) as i64,
            Field::DayOfWeek => 7,
            Field::HourOfHalfday => 11,
            Field::ClockhourOfHalfday => 12,
            Field::HourOfDay => 23,
            Field::ClockhourOfDay => 24,
            Field::MinuteOfDay => 1439,
            Field::MinuteOfHour | Field::SecondOfMinute => 59,
            Field::SecondOfDay => 86_399,
            Field::MillisOfDay => MS_PER_DAY - 1,
            Field::MillisOfSecond => 999,
            Field::MillisOfMinute => MS_PER_MINUTE - 1,
            Field::MillisOfHour => MS_PER_HOUR - 1,
        }
    }

    /// Upper bound reported when setting `value` (Joda `getMaximumValueForSet`: some
    /// fields report the overall maximum for in-range-everywhere values).
    fn max_for_set(self, l: &Local, value: i64) -> i64 {
        match self {
            Field::DayOfMonth if (1..=28).contains(&value) => 28,
            Field::DayOfYear if (1..=365).contains(&value) => 365,
            Field::WeekOfWeekyear if value <= 52 => 52,
            _ => self.max_value(l),
        }
    }

    /// Joda `set`: range check, then set the field on the wall clock.
    pub fn set(self, local: i64, value: i64) -> Result<i64, SelError> {
        let l = Local::new(local);
        let lo = self.min_value(&l);
        let hi = self.max_for_set(&l, value);
        check(self, value, lo, hi)?;
        let cur = l.get(self);
        match self {
            Field::Era => {
                // Joda negates the year (so year 0 stays year 0).
                if cur == value {
                    Ok(local)
                } else {
                    set_year(local, -l.year)
                }
            }
            Field::CenturyOfEra => {
                let yoe = l.year.abs();
                let new = value * 100 + yoe % 100;
                set_year(local, if l.year < 0 { -new } else { new })
            }
            Field::YearOfEra => set_year(local, if l.year <= 0 { 1 - value } else { value }),
            Field::Year => set_year(local, value),
            Field::Weekyear => set_weekyear(local, &l, value),
            Field::MonthOfYear => {
                let day = l.day.min(days_in_month(l.year, value as u32));
                local_of(l.year, value as u32, day, l.millis_of_day)
            }
            Field::WeekOfWeekyear => shift(local, value - cur, MS_PER_WEEK),
            Field::DayOfYear | Field::DayOfMonth | Field::DayOfWeek => {
                shift(local, value - cur, MS_PER_DAY)
            }
            Field::HalfdayOfDay => shift(local, value - cur, 12 * MS_PER_HOUR),
            Field::HourOfHalfday | Field::HourOfDay => shift(local, value - cur, MS_PER_HOUR),
            // 12 and 24 mean hour 0 of the half-day / day.
            Field::ClockhourOfHalfday => shift(local, value % 12 - cur % 12, MS_PER_HOUR),
            Field::ClockhourOfDay => shift(local, value % 24 - cur % 24, MS_PER_HOUR),
            Field::MinuteOfDay | Field::MinuteOfHour => shift(local, value - cur, MS_PER_MINUTE),
            Field::SecondOfDay | Field::SecondOfMinute => shift(local, value - cur, MS_PER_SECOND),
            Field::MillisOfDay
            | Field::MillisOfSecond
            | Field::MillisOfMinute
            | Field::MillisOfHour => shift(local, value - cur, 1),
        }
    }

    /// Joda `roundFloor`: the start of the field's current unit.
    pub fn round_floor(self, local: i64) -> Result<i64, SelError> {
        let l = Local::new(local);
        let day_start = |days: i64| join_millis(days, 0).ok_or_else(overflow);
        let unit = |u: i64| Ok(local - local.rem_euclid(u));
        match self {
            Field::Era => {
                if l.year > 0 {
                    local_of(1, 1, 1, 0)
                } else {
                    local_of(MIN_YEAR, 1, 1, 0)
                }
            }
            Field::CenturyOfEra => {
                let c = l.year.abs() / 100 * 100;
                local_of(if l.year < 0 { -c } else { c }, 1, 1, 0)
            }
            Field::YearOfEra | Field::Year => local_of(l.year, 1, 1, 0),
            Field::Weekyear => day_start(weekyear_start(iso_week(l.days).0)),
            Field::MonthOfYear => local_of(l.year, l.month, 1, 0),
            Field::WeekOfWeekyear => day_start(l.days - (day_of_week(l.days) as i64 - 1)),
            Field::DayOfYear | Field::DayOfMonth | Field::DayOfWeek => day_start(l.days),
            Field::HalfdayOfDay => unit(12 * MS_PER_HOUR),
            Field::HourOfHalfday
            | Field::ClockhourOfHalfday
            | Field::HourOfDay
            | Field::ClockhourOfDay => unit(MS_PER_HOUR),
            Field::MinuteOfDay | Field::MinuteOfHour => unit(MS_PER_MINUTE),
            Field::SecondOfDay | Field::SecondOfMinute => unit(MS_PER_SECOND),
            Field::MillisOfDay
            | Field::MillisOfSecond
            | Field::MillisOfMinute
            | Field::MillisOfHour => Ok(local),
        }
    }
}

/// Joda's weekyear setter: same week number (clamped to the target year's weeks),
/// same day of week, same time.
fn set_weekyear(local: i64, l: &Local, weekyear: i64) -> Result<i64, SelError> {
    let (cur_wy, week) = iso_week(l.days);
    if cur_wy == weekyear {
        return Ok(local);
    }
    let week = week.min(weeks_in_weekyear(weekyear)) as i64;
    let dow = day_of_week(l.days) as i64;
    let days = weekyear_start(weekyear) + (week - 1) * 7 + (dow - 1);
    join_millis(days, l.millis_of_day).ok_or_else(overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i64, m: u32, d: u32) -> i64 {
        local_of(y, m, d, 0).unwrap()
    }

    #[test]
    fn setters_and_messages() {
        let dec31 = at(2020, 12, 31);
        assert_eq!(
            Field::DayOfMonth.set(dec31, 32).unwrap_err().message,
            "Value 32 for dayOfMonth must be in the range [1,31]"
        );
        let feb = Field::MonthOfYear.set(dec31, 2).unwrap();
        assert_eq!(feb, at(2020, 2, 29));
        assert_eq!(
            Field::DayOfMonth.set(feb, 30).unwrap_err().message,
            "Value 30 for dayOfMonth must be in the range [1,29]"
        );
        let jun = at(2021, 6, 1);
        assert_eq!(
            Field::WeekOfWeekyear.set(jun, 53).unwrap_err().message,
            "Value 53 for weekOfWeekyear must be in the range [1,52]"
        );
        assert_eq!(
            Field::WeekOfWeekyear.set(at(2016, 1, 3), 1).unwrap(),
            at(2015, 1, 4)
        );
        assert_eq!(
            Field::Weekyear.set(at(2015, 12, 31), 2016).unwrap(),
            at(2016, 12, 29)
        );
        assert_eq!(
            Field::DayOfWeek.set(at(2019, 1, 1), 7).unwrap(),
            at(2019, 1, 6)
        );
        assert_eq!(
            Field::Year.set(at(2020, 2, 29), 2021).unwrap(),
            at(2021, 2, 28)
        );
        assert_eq!(
            Field::HourOfDay.set(dec31, 24).unwrap_err().message,
            "Value 24 for hourOfDay must be in the range [0,23]"
        );
    }
}
