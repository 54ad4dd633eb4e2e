//! Methods of the Joda-Time types: `DateTime`, `DateTime.Property`, `DateTimeFormat`,
//! `DateTimeZone` and `Days` (SPEC §7.12–§7.16).

use super::{m, p, Call, Method, Param, INT};

const DT: &[&str] = &["DATETIME"];
const PROP: &[&str] = &["DATETIME_PROPERTY"];
const FMT: &[&str] = &["DATETIME_FORMATTER"];
const ZONE: &[&str] = &["DATETIME_ZONE"];
const DAYS: &[&str] = &["DATETIME_DAYS"];
const N: &[Param] = &[p("amount", INT)];
const V: &[Param] = &[p("value", INT)];

use Call::{Any, Instance, Static};

/// A `plusX`/`minusX` pair; `$unit` says whether the arithmetic is local or exact (§12.6).
macro_rules! arith {
    ($plus:literal, $minus:literal, $unit:literal) => {
        [
            m(
                DT,
                $plus,
                N,
                "DATETIME",
                Instance,
                concat!("Adds `amount` ", $unit, "."),
            ),
            m(
                DT,
                $minus,
                N,
                "DATETIME",
                Instance,
                concat!("Subtracts `amount` ", $unit, "."),
            ),
        ]
    };
}

const fn prop(name: &'static str, doc: &'static str) -> Method {
    m(DT, name, &[], "DATETIME_PROPERTY", Instance, doc)
}

const fn set(name: &'static str, doc: &'static str) -> Method {
    m(DT, name, V, "DATETIME", Instance, doc)
}

const fn get(name: &'static str, doc: &'static str) -> Method {
    m(DT, name, &[], "LONG", Instance, doc)
}

const YEARS: [Method; 2] = arith!("plusYears", "minusYears", "years (local time)");
const MONTHS: [Method; 2] = arith!(
    "plusMonths",
    "minusMonths",
    "months (local time, day clamped)"
);
const WEEKS: [Method; 2] = arith!("plusWeeks", "minusWeeks", "weeks (local time)");
const DAYS_: [Method; 2] = arith!("plusDays", "minusDays", "days (local time)");
const HOURS: [Method; 2] = arith!("plusHours", "minusHours", "hours (exact duration)");
const MINUTES: [Method; 2] = arith!("plusMinutes", "minusMinutes", "minutes (exact duration)");
const SECONDS: [Method; 2] = arith!("plusSeconds", "minusSeconds", "seconds (exact duration)");
const MILLIS: [Method; 2] = arith!("plusMillis", "minusMillis", "milliseconds (exact duration)");

pub(super) const METHODS: &[Method] = &[
    // DateTime text and zone (§7.12)
    m(
        DT,
        "toString",
        &[],
        "STRING",
        Instance,
        "ISO-8601 text with millis and offset, e.g. 2019-01-01T00:00:00.000Z.",
    ),
    m(
        DT,
        "toString",
        &[p("pattern", "STRING")],
        "STRING",
        Instance,
        "Formats with a Joda pattern in this DateTime's zone (null gives ISO).",
    ),
    m(
        DT,
        "withZone",
        &[p("zone", "DATETIME_ZONE")],
        "DATETIME",
        Instance,
        "The same instant shown in `zone` (null means the default zone).",
    ),
    m(
        DT,
        "toDateTime",
        &[p("zone", "DATETIME_ZONE")],
        "DATETIME",
        Instance,
        "The same instant shown in `zone` (null means the default zone).",
    ),
    YEARS[0],
    YEARS[1],
    MONTHS[0],
    MONTHS[1],
    WEEKS[0],
    WEEKS[1],
    DAYS_[0],
    DAYS_[1],
    HOURS[0],
    HOURS[1],
    MINUTES[0],
    MINUTES[1],
    SECONDS[0],
    SECONDS[1],
    MILLIS[0],
    MILLIS[1],
    m(
        DT,
        "isAfter",
        &[p("other", "DATETIME")],
        "BOOLEAN",
        Instance,
        "Whether this instant is after `other` (null means now).",
    ),
    m(
        DT,
        "isBefore",
        &[p("other", "DATETIME")],
        "BOOLEAN",
        Instance,
        "Whether this instant is before `other` (null means now).",
    ),
    m(
        DT,
        "isEqual",
        &[p("other", "DATETIME")],
        "BOOLEAN",
        Instance,
        "Whether this is the same instant as `other` (null means now).",
    ),
    prop("monthOfYear", "The month-of-year property (1-12)."),
    prop("weekyear", "The ISO week-based-year property."),
    prop(
        "weekOfWeekyear",
        "The ISO week-of-weekyear property (1-53).",
    ),
    prop("dayOfYear", "The day-of-year property (1-366)."),
    prop("dayOfMonth", "The day-of-month property (1-31)."),
    prop(
        "dayOfWeek",
        "The day-of-week property (1 = Monday ... 7 = Sunday).",
    ),
    prop("hourOfDay", "The hour-of-day property (0-23)."),
    prop("minuteOfDay", "The minute-of-day property (0-1439)."),
    prop("minuteOfHour", "The minute-of-hour property (0-59)."),
    prop("secondOfDay", "The second-of-day property (0-86399)."),
    prop("secondOfMinute", "The second-of-minute property (0-59)."),
    prop("millisOfDay", "The millisecond-of-day property."),
    prop(
        "millisOfSecond",
        "The millisecond-of-second property (0-999).",
    ),
    set("withYear", "A copy with the year set to `value`."),
    set(
        "withWeekyear",
        "A copy with the ISO week-based year set to `value`.",
    ),
    set(
        "withMonthOfYear",
        "A copy with the month set to `value` (1-12).",
    ),
    set(
        "withWeekOfWeekyear",
        "A copy with the ISO week set to `value`.",
    ),
    set(
        "withDayOfYear",
        "A copy with the day of year set to `value`.",
    ),
    set(
        "withDayOfMonth",
        "A copy with the day of month set to `value`.",
    ),
    set(
        "withDayOfWeek",
        "A copy with the day of week set to `value` (1 = Monday).",
    ),
    set(
        "withHourOfDay",
        "A copy with the hour set to `value` (0-23).",
    ),
    set(
        "withMinuteOfHour",
        "A copy with the minute set to `value` (0-59).",
    ),
    set(
        "withSecondOfMinute",
        "A copy with the second set to `value` (0-59).",
    ),
    set(
        "withMillisOfSecond",
        "A copy with the millisecond set to `value` (0-999).",
    ),
    set(
        "withMillisOfDay",
        "A copy with the millisecond of day set to `value`.",
    ),
    m(
        DT,
        "withTimeAtStartOfDay",
        &[],
        "DATETIME",
        Instance,
        "The first instant of the same day in this zone (usually midnight).",
    ),
    get("getMillis", "The instant in epoch milliseconds."),
    get("getYear", "The local year."),
    get("getMonthOfYear", "The local month (1-12)."),
    get("getDayOfMonth", "The local day of month (1-31)."),
    get("getDayOfYear", "The local day of year (1-366)."),
    get(
        "getDayOfWeek",
        "The local day of week (1 = Monday ... 7 = Sunday).",
    ),
    get(
        "getWeekOfWeekyear",
        "The ISO week of the week-based year (1-53).",
    ),
    get("getWeekyear", "The ISO week-based year."),
    get("getHourOfDay", "The local hour (0-23)."),
    get("getMinuteOfDay", "Minutes since local midnight."),
    get("getMinuteOfHour", "The local minute (0-59)."),
    get("getSecondOfDay", "Seconds since local midnight."),
    get("getSecondOfMinute", "The local second (0-59)."),
    get("getMillisOfDay", "Milliseconds since local midnight."),
    get(
        "getMillisOfSecond",
        "The millisecond within the second (0-999).",
    ),
    m(
        DT,
        "parse",
        &[p("text", "STRING"), p("formatter", "DATETIME_FORMATTER")],
        "DATETIME",
        Static,
        "Parses `text` with `formatter` (only on the static `DateTime`).",
    ),
    // DateTime.Property (§7.13)
    m(
        PROP,
        "get",
        &[],
        "LONG",
        Instance,
        "The field's numeric value.",
    ),
    m(
        PROP,
        "getAsText",
        &[],
        "STRING",
        Instance,
        "English day or month name, or the decimal value for other fields.",
    ),
    m(
        PROP,
        "withMinimumValue",
        &[],
        "DATETIME",
        Instance,
        "A copy with this field at its minimum for the context.",
    ),
    m(
        PROP,
        "withMaximumValue",
        &[],
        "DATETIME",
        Instance,
        "A copy with this field at its maximum for the context (e.g. last day of month).",
    ),
    // DateTimeFormat / DateTimeFormatter (§7.14)
    m(
        FMT,
        "forPattern",
        &[p("pattern", "STRING")],
        "DATETIME_FORMATTER",
        Any,
        "A formatter for a Joda pattern such as 'yyyyMMdd' (English, default zone).",
    ),
    m(
        FMT,
        "withZone",
        &[p("zone", "DATETIME_ZONE")],
        "DATETIME_FORMATTER",
        Instance,
        "A copy of the formatter that prints and parses in `zone`.",
    ),
    m(
        FMT,
        "parseDateTime",
        &[p("text", "STRING|LONG")],
        "DATETIME",
        Instance,
        "Parses `text` (a LONG is parsed as its decimal text) into a DateTime.",
    ),
    m(
        FMT,
        "parseMillis",
        &[p("text", "STRING")],
        "LONG",
        Instance,
        "Parses `text` and returns epoch milliseconds.",
    ),
    m(
        FMT,
        "print",
        &[p("instant", "LONG|DATETIME")],
        "STRING",
        Instance,
        "Formats epoch milliseconds or a DateTime.",
    ),
    // DateTimeZone (§7.15)
    m(
        ZONE,
        "forID",
        &[p("id", "STRING")],
        "DATETIME_ZONE",
        Any,
        "The zone with a tz database id ('America/Los_Angeles') or offset ('+05:30').",
    ),
    m(
        ZONE,
        "getOffset",
        &[p("instant", "DATETIME")],
        "LONG",
        Instance,
        "The zone's UTC offset in milliseconds at `instant`.",
    ),
    // Days (§7.16)
    m(
        DAYS,
        "daysBetween",
        &[p("start", "DATETIME"), p("end", "DATETIME")],
        "DATETIME_DAYS",
        Any,
        "Whole days from `start` to `end` (local dates).",
    ),
    m(
        DAYS,
        "getDays",
        &[],
        "LONG",
        Instance,
        "The number of days.",
    ),
];
