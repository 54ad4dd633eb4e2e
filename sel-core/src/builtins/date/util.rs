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

/// `toStr(x)` of a date argument; Joda's parser fails on a null string.
fn date_text<'a>(it: &mut Interp<'_>, v: &'a Val) -> Result<Cow<'a, str>, SelError> {
    to_str(it, v)?.ok_or_else(null_text)
}

/// A STRING argument the reference casts (`(SelString) x`).
fn string_arg(v: &Val) -> Result<String, SelError> {
    match v {
        Val::Str(Some(s)) => Ok(s.to_string()),
        Val::Str(None) => Err(null_text()),
        other => Err(cast_error(other.ty(), Ty::String)),
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
    let Val::Long(n) = n else {
        return Err(cast_error(n.ty(), Ty::Long));
    };
    string_result(it, joda::increment_date_int(&text, *n as i32)?)
}

fn date_int_hour_to_ts(
    it: &mut Interp<'_>,
    texts: [&Val; 3],
    days: &Val,
    hours: &Val,
) -> Result<Entry, SelError> {
    let [d, h, tz] = texts;
    let (d, h, tz) = (date_text(it, d)?, date_text(it, h)?, date_text(it, tz)?);
    let (days, hours) = (to_long(it, days)?, to_long(it, hours)?);
    long_result(it, joda::date_int_hour_to_ts(&d, &h, &tz, days, hours)?)
}

fn timeout_for_date_time(it: &mut Interp<'_>, dt: &Val, dur: &Val) -> Result<Entry, SelError> {
    let dt = match dt {
        Val::DateTime(d) => *d,
        other => return Err(cast_error(other.ty(), Ty::DateTime)),
    };
    let dur = string_arg(dur)?;
    let dt = dt.ok_or_else(|| {
        SelError::npe("Cannot invoke \"org.joda.time.DateTime.getMillis()\" because \"dt\" is null")
    })?;
    let s = joda::timeout_for_deadline(dt.millis(), &dur, it.now_ms())?;
    string_result(it, s)
}

fn timeout_for_date_int(it: &mut Interp<'_>, d: &Val, dur: &Val) -> Result<Entry, SelError> {
    let text = date_text(it, d)?;
    let dur = string_arg(dur)?;
    let s = joda::timeout_for_date_int_deadline(&text, &dur, it.now_ms())?;
    string_result(it, s)
}

fn date_ints_between(
    it: &mut Interp<'_>,
    from: &Val,
    to: &Val,
    step: &Val,
) -> Result<Entry, SelError> {
    // The step is re-parsed from its display text as a 32-bit int (Q17).
    let inc = parse_int(&display_lossy(step))?;
    let (from, to) = (date_text(it, from)?, date_text(it, to)?);
    // Charge the result's size before building it, so a range of millennia fails on
    // the memory limit at once; bad steps and dates are left to the call to report.
    if inc != 0 {
        if let (Ok(a), Ok(b)) = (joda::date_int_to_ts(&from), joda::date_int_to_ts(&to)) {
            // Both are UTC midnights: the span is an exact number of days.
            let span = (if inc > 0 { b - a } else { a - b }) / 86_400_000;
            let step = inc.unsigned_abs() as i64;
            let count = if span > 0 {
                (span + step - 1) / step
            } else {
                0
            };
            it.mem.charge_objects(count as usize)?;
        }
    }
    let days = joda::date_ints_between(&from, &to, inc)?;
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::new_array(ArrayData::Long(days))))
}
