//! DATETIME methods (§7.12). They are all JM methods (§7.0): looked up as
//! `name + argc`, arguments cast to the Java parameter types (`int` parameters take
//! only values that unbox to `Integer`), instance methods fail on a null payload and
//! the static `parse(text, formatter)` fails on a set one, and every failure is
//! wrapped in `Failed calling method <key>`.

use super::formatter::parse_datetime;
use super::{datetime_result, null_text};
use crate::builtins::jm::{self, Sig};
use crate::builtins::{bool_result, long_result, no_method, string_result};
use crate::error::SelError;
use crate::interp::Interp;
use crate::joda::{DateTime, Field};
use crate::rt::{Args, Entry, Val};
use crate::types::Ty;
use std::rc::Rc;

type Arith = fn(&DateTime, i32) -> Result<DateTime, SelError>;

/// What a method does.
#[derive(Clone, Copy)]
enum Op {
    ToIso,
    ToPattern,
    WithZone,
    Arith(Arith),
    Compare(fn(&DateTime, i64) -> bool),
    Property(Field),
    Set(Field),
    Get(Field),
    Millis,
    StartOfDay,
    Parse,
}

const DT: &str = "DateTime";
const INT: &str = "Integer";

/// The method `name` with `argc` arguments and its handle type, if the reference has it.
fn lookup(name: &str, argc: usize) -> Option<(Op, Sig)> {
    let sig = |params: &'static [&'static str], ret: &'static str| Sig { params, ret };
    let arith = |f: Arith| Some((Op::Arith(f), sig(&[DT, INT], DT)));
    let set = |f: Field| Some((Op::Set(f), sig(&[DT, INT], DT)));
    let get = |f: Field| Some((Op::Get(f), sig(&[DT], INT)));
    let prop = |f: Field| Some((Op::Property(f), sig(&[DT], "Property")));
    let cmp = |f: fn(&DateTime, i64) -> bool| {
        Some((Op::Compare(f), sig(&[DT, "ReadableInstant"], "Boolean")))
    };
    match (name, argc) {
        ("toString", 0) => Some((Op::ToIso, sig(&[DT], "String"))),
        ("toString", 1) => Some((Op::ToPattern, sig(&[DT, "String"], "String"))),
        ("withZone" | "toDateTime", 1) => Some((Op::WithZone, sig(&[DT, "DateTimeZone"], DT))),
        ("parse", 2) => Some((Op::Parse, sig(&["String", "DateTimeFormatter"], DT))),
        ("getMillis", 0) => Some((Op::Millis, sig(&[DT], "Long"))),
        ("withTimeAtStartOfDay", 0) => Some((Op::StartOfDay, sig(&[DT], DT))),
        ("isAfter", 1) => cmp(DateTime::is_after),
        ("isBefore", 1) => cmp(DateTime::is_before),
        ("isEqual", 1) => cmp(DateTime::is_equal),
        (_, 1) => match name {
            "plusYears" => arith(DateTime::plus_years),
            "plusMonths" => arith(DateTime::plus_months),
            "plusWeeks" => arith(DateTime::plus_weeks),
            "plusDays" => arith(DateTime::plus_days),
            "plusHours" => arith(DateTime::plus_hours),
            "plusMinutes" => arith(DateTime::plus_minutes),
            "plusSeconds" => arith(DateTime::plus_seconds),
            "plusMillis" => arith(DateTime::plus_millis),
            "minusYears" => arith(DateTime::minus_years),
            "minusMonths" => arith(DateTime::minus_months),
            "minusWeeks" => arith(DateTime::minus_weeks),
            "minusDays" => arith(DateTime::minus_days),
            "minusHours" => arith(DateTime::minus_hours),
            "minusMinutes" => arith(DateTime::minus_minutes),
            "minusSeconds" => arith(DateTime::minus_seconds),
            "minusMillis" => arith(DateTime::minus_millis),
            "withYear" => set(Field::Year),
            "withWeekyear" => set(Field::Weekyear),
            "withMonthOfYear" => set(Field::MonthOfYear),
            "withWeekOfWeekyear" => set(Field::WeekOfWeekyear),
            "withDayOfYear" => set(Field::DayOfYear),
            "withDayOfMonth" => set(Field::DayOfMonth),
            "withDayOfWeek" => set(Field::DayOfWeek),
            "withHourOfDay" => set(Field::HourOfDay),
            "withMinuteOfHour" => set(Field::MinuteOfHour),
            "withSecondOfMinute" => set(Field::SecondOfMinute),
            "withMillisOfSecond" => set(Field::MillisOfSecond),
            "withMillisOfDay" => set(Field::MillisOfDay),
            _ => None,
        },
        (_, 0) => match name {
            "getYear" => get(Field::Year),
            "getMonthOfYear" => get(Field::MonthOfYear),
            "getDayOfMonth" => get(Field::DayOfMonth),
            "getDayOfYear" => get(Field::DayOfYear),
            "getDayOfWeek" => get(Field::DayOfWeek),
            "getWeekOfWeekyear" => get(Field::WeekOfWeekyear),
            "getWeekyear" => get(Field::Weekyear),
            "getHourOfDay" => get(Field::HourOfDay),
            "getMinuteOfDay" => get(Field::MinuteOfDay),
            "getMinuteOfHour" => get(Field::MinuteOfHour),
            "getSecondOfDay" => get(Field::SecondOfDay),
            "getSecondOfMinute" => get(Field::SecondOfMinute),
            "getMillisOfDay" => get(Field::MillisOfDay),
            "getMillisOfSecond" => get(Field::MillisOfSecond),
            "monthOfYear" => prop(Field::MonthOfYear),
            "weekyear" => prop(Field::Weekyear),
            "weekOfWeekyear" => prop(Field::WeekOfWeekyear),
            "dayOfYear" => prop(Field::DayOfYear),
            "dayOfMonth" => prop(Field::DayOfMonth),
            "dayOfWeek" => prop(Field::DayOfWeek),
            "hourOfDay" => prop(Field::HourOfDay),
            "minuteOfDay" => prop(Field::MinuteOfDay),
            "minuteOfHour" => prop(Field::MinuteOfHour),
            "secondOfDay" => prop(Field::SecondOfDay),
            "secondOfMinute" => prop(Field::SecondOfMinute),
            "millisOfDay" => prop(Field::MillisOfDay),
            "millisOfSecond" => prop(Field::MillisOfSecond),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    recv: Option<DateTime>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    let Some((op, sig)) = lookup(name, args.len()) else {
        return Err(no_method(
            Ty::DateTime,
            &format!("{name}{}", args.len()),
            &args,
        ));
    };
    invoke(it, recv, op, &sig, &args)
        .map_err(|e| jm::failed_calling(&format!("{name}{}", args.len()), e))
}

fn invoke(
    it: &mut Interp<'_>,
    recv: Option<DateTime>,
    op: Op,
    sig: &Sig,
    args: &[Entry],
) -> Result<Entry, SelError> {
    sig.check_invocation(args, recv.is_some())?;
    // The receiver is the first parameter of instance methods.
    let params = &sig.params[sig.params.len() - args.len()..];
    for (a, p) in args.iter().zip(params) {
        a.with(|v| jm::check_param(v, p))?;
    }
    let arg = |i: usize| args[i].get();
    let dt = match (op, recv) {
        (Op::Parse, _) => {
            let text = jm::str_param(&arg(0));
            let Val::Formatter(Some(f)) = arg(1) else {
                return Err(SelError::npe(
                    "Cannot invoke \"org.joda.time.format.DateTimeFormatter.parseDateTime(String)\" because \"formatter\" is null",
                ));
            };
            let text = text.ok_or_else(null_text)?;
            let dt = parse_datetime(it, &f, &text)?;
            return datetime_result(it, dt);
        }
        (_, Some(dt)) => dt,
        // Unreachable: a null receiver fails the arity check above.
        (_, None) => return Err(sig.wrong_type(args.len())),
    };
    match op {
        Op::ToIso => string_result(it, dt.to_iso_string()),
        Op::ToPattern => match jm::str_param(&arg(0)) {
            Some(p) => {
                let f = it.pattern(&p)?;
                string_result(it, f.print(dt.millis(), dt.zone()))
            }
            None => string_result(it, dt.to_iso_string()),
        },
        Op::WithZone => {
            let zone = match arg(0) {
                Val::Zone(Some(z)) => z,
                _ => it.default_zone(),
            };
            datetime_result(it, dt.with_zone(zone))
        }
        Op::Arith(f) => {
            let n = jm::int_param(&arg(0))?;
            datetime_result(it, f(&dt, n)?)
        }
        Op::Set(field) => {
            let n = jm::int_param(&arg(0))?;
            datetime_result(it, dt.with_field(field, n)?)
        }
        Op::Compare(f) => {
            let other = match arg(0) {
                Val::DateTime(Some(o)) => o.millis(),
                // Joda reads a null instant as now.
                _ => it.now_ms(),
            };
            bool_result(it, f(&dt, other))
        }
        Op::Get(field) => long_result(it, dt.get(field)),
        Op::Millis => long_result(it, dt.millis()),
        Op::StartOfDay => datetime_result(it, dt.with_time_at_start_of_day()?),
        Op::Property(field) => {
            it.mem.charge_object()?;
            Ok(Entry::Tmp(Val::Property(Some(Rc::new(dt.property(field))))))
        }
        Op::Parse => Err(sig.wrong_type(args.len() + 1)),
    }
}
