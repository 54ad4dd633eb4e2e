//! The date helpers of `Util` (§7.17): SEL argument conversion (`toStr`, `toLong`,
//! casts, the step's re-parse) around the algorithms of [`crate::joda`].

use super::null_text;
use crate::builtins::util::{to_long, to_str};
use crate::builtins::{long_result, string_result};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::java::parse_int;
use crate::joda;
use crate::rt::display::display_lossy;
use crate::rt::{ArrayData, Entry, Val};
use crate::types::Ty;
use std::borrow::Cow;

/// `toStr(x)` of a date argument the reference hands Joda's parser as is
/// (`getInternalVal()`): the parser fails on a null string.
fn date_text<'a>(it: &mut Interp<'_>, v: &'a Val) -> Result<Cow<'a, str>, SelError> {
    to_str(it, v)?.ok_or_else(null_text)
}

/// `toStr(x)` of an argument the reference reads with `toString()` (or concatenates):
/// a null string reads `null`.
fn shown_text<'a>(it: &mut Interp<'_>, v: &'a Val) -> Result<Cow<'a, str>, SelError> {
    Ok(to_str(it, v)?.unwrap_or(Cow::Borrowed("null")))
}

/// A STRING argument the reference casts (`(SelString) x`); `None` for a null string.
fn string_arg(v: &Val) -> Result<Option<String>, SelError> {
    match v {
        Val::Str(s) => Ok(s.as_deref().map(str::to_string)),
        other => Err(cast_error(other.ty(), Ty::String)),
    }
}

/// A word-based period parsed as Joda's `PeriodFormatter.parsePeriod` does: null text
/// fails in its first field parser.
fn period_millis(text: Option<&str>) -> Result<i64, SelError> {
    match text {
        Some(t) => joda::parse_word_period_millis(t),
        None => Err(SelError::npe(
            "Cannot invoke \"String.length()\" because \"text\" is null",
        )),
    }
}

/// The date helper `name` with arguments `vals`, or `None` if there is none.
pub(crate) fn call(
    it: &mut Interp<'_>,
    name: &str,
    vals: &[Val],
) -> Option<Result<Entry, SelError>> {
    Some(match (name, vals) {
        ("dateIntToTs", [d]) => date_int_to_ts(it, d),
        ("tsToDateInt", [ts]) => ts_to_date_int(it, ts),
        ("incrementDateInt", [d, n]) => increment_date_int(it, d, n),
        ("dateIntHourToTs", [d, h, tz, dd, hh]) => date_int_hour_to_ts(it, [d, h, tz], dd, hh),
        ("timeoutForDateTimeDeadline", [dt, dur]) => timeout_for_date_time(it, dt, dur),
        ("timeoutForDateIntDeadline", [d, dur]) => timeout_for_date_int(it, d, dur),
        ("dateIntsBetween", [from, to, step]) => date_ints_between(it, from, to, step),
        _ => return None,
    })
}

fn date_int_to_ts(it: &mut Interp<'_>, d: &Val) -> Result<Entry, SelError> {
    let text = date_text(it, d)?;
    long_result(it, joda::date_int_to_ts(&text)?)
}

fn ts_to_date_int(it: &mut Interp<'_>, ts: &Val) -> Result<Entry, SelError> {
    let ms = to_long(it, ts)?;
    string_result(it, joda::ts_to_date_int(ms)?)
}

fn increment_date_int(it: &mut Interp<'_>, d: &Val, n: &Val) -> Result<Entry, SelError> {
    let text = date_text(it, d)?;
    // The reference parses before it casts the day count.
    joda::date_int_to_ts(&text)?;
    let Val::Long(n) = n else {
        return Err(cast_error(n.ty(), Ty::Long));
    };
    string_result(it, joda::increment_date_int(&text, *n as i32)?)
}

/// The reference's order: the zone first (a null id is the default zone, as in
/// `DateTimeZone.forID`), then the text `d + h` (a null part reads `null`), the parse,
/// and each shift's argument just before that shift.
fn date_int_hour_to_ts(
    it: &mut Interp<'_>,
    texts: [&Val; 3],
    days: &Val,
    hours: &Val,
) -> Result<Entry, SelError> {
    let [d, h, tz] = texts;
    let zone = match to_str(it, tz)? {
        Some(id) => joda::Zone::for_id(&id)?,
        None => it.default_zone(),
    };
    let text = format!("{}{}", shown_text(it, d)?, shown_text(it, h)?);
    let dt = joda::parse_date_hour(&text, zone)?;
    let days = to_long(it, days)?;
    let dt = dt.minus_days(days as i32)?;
    let hours = to_long(it, hours)?;
    long_result(it, dt.minus_hours(hours as i32)?.millis())
}

/// The period is parsed before the date time is used: a null date time fails only
/// then, in the reference's private helper (compiled without local names).
fn timeout_for_date_time(it: &mut Interp<'_>, dt: &Val, dur: &Val) -> Result<Entry, SelError> {
    let dt = match dt {
        Val::DateTime(d) => *d,
        other => return Err(cast_error(other.ty(), Ty::DateTime)),
    };
    let ms = period_millis(string_arg(dur)?.as_deref())?;
    let dt = dt.ok_or_else(|| {
        SelError::npe(
            "Cannot invoke \"org.joda.time.DateTime.plus(long)\" because \"<parameter1>\" is null",
        )
    })?;
    let s = joda::timeout_for_deadline_ms(dt.millis(), ms, it.now_ms())?;
    string_result(it, s)
}

/// The date int is read with `toString()` (a null one reads `null`) and parsed before
/// the period is cast.
fn timeout_for_date_int(it: &mut Interp<'_>, d: &Val, dur: &Val) -> Result<Entry, SelError> {
    let text = shown_text(it, d)?;
    let deadline = joda::date_int_to_ts(&text)?;
    let ms = period_millis(string_arg(dur)?.as_deref())?;
    let s = joda::timeout_for_deadline_ms(deadline, ms, it.now_ms())?;
    string_result(it, s)
}

fn date_ints_between(
    it: &mut Interp<'_>,
    from: &Val,
    to: &Val,
    step: &Val,
) -> Result<Entry, SelError> {
    // The step is re-parsed from its display text as a 32-bit int (Q17) and checked
    // before either bound is read; the bounds are read with `toString()` (null reads
    // `null`), the earlier one (by the step's sign) converted and parsed first.
    let inc = parse_int(&display_lossy(step))?;
    if inc == 0 {
        return Err(SelError::illegal_arg(
            "Invalid incremental interval value: 0",
        ));
    }
    let (first, second) = if inc > 0 { (from, to) } else { (to, from) };
    let first = shown_text(it, first)?;
    let a = joda::date_int_to_ts(&first)?;
    let second = shown_text(it, second)?;
    let b = joda::date_int_to_ts(&second)?;
    // Charge the result's size before building it, so a range of millennia fails on
    // the memory limit at once. Both are UTC midnights: the span is an exact number
    // of days.
    let span = (b - a) / 86_400_000;
    let step = inc.unsigned_abs() as i64;
    let count = if span > 0 {
        (span + step - 1) / step
    } else {
        0
    };
    it.mem.charge_objects(count as usize)?;
    let (from, to) = if inc > 0 {
        (first, second)
    } else {
        (second, first)
    };
    let days = joda::date_ints_between(&from, &to, inc)?;
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::new_array(ArrayData::Long(days))))
}
