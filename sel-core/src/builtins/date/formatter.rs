//! DATETIME_FORMATTER methods (§7.14): `forPattern` on any formatter value (the statics
//! included), `withZone`, `parseDateTime`, `parseMillis` and `print`. These are
//! hand-written in the reference: argument casts are SEL casts, Joda's exceptions are
//! not wrapped, and unknown methods are reported without the argument count.

use super::{datetime_result, null_receiver, null_text};
use crate::builtins::{long_result, no_method, string_result};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::joda::{DateTime, Formatter};
use crate::rt::{Args, Entry, Val};
use crate::types::Ty;

/// `f.parseDateTime(text)`: zone-less formatters use the default zone, and the clock
/// gives the pivot of two-digit years.
pub(crate) fn parse_datetime(
    it: &mut Interp<'_>,
    f: &Formatter,
    text: &str,
) -> Result<DateTime, SelError> {
    let zone = it.default_zone();
    f.parse_datetime(text, zone, parse_clock(it, f))
}

/// The clock reading a parse needs: only two-digit years pivot around the current
/// year, so other patterns skip reading the clock.
fn parse_clock(it: &Interp<'_>, f: &Formatter) -> i64 {
    if f.reads_clock() {
        it.now_ms()
    } else {
        0
    }
}

fn receiver(recv: Option<Formatter>, method: &str) -> Result<Formatter, SelError> {
    recv.ok_or_else(|| null_receiver(&format!("org.joda.time.format.DateTimeFormatter.{method}")))
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    recv: Option<Formatter>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    let arg = match args.as_slice() {
        [a] => a.get(),
        _ => return Err(no_method(Ty::DateTimeFormatter, name, &args)),
    };
    match (name, arg) {
        ("forPattern", Val::Str(p)) => {
            let f = match p {
                Some(p) => it.pattern(&p)?,
                // Joda's message for a null pattern.
                None => Formatter::for_pattern("")?,
            };
            it.mem.charge_object()?;
            Ok(Entry::Tmp(Val::Formatter(Some(f))))
        }
        ("forPattern", other) => Err(cast_error(other.ty(), Ty::String)),
        ("withZone", Val::Zone(z)) => {
            let f = receiver(recv, "withZone(org.joda.time.DateTimeZone)")?;
            let f = match z {
                Some(z) => f.with_zone(z),
                None => Formatter { zone: None, ..f },
            };
            it.mem.charge_object()?;
            Ok(Entry::Tmp(Val::Formatter(Some(f))))
        }
        ("withZone", other) => Err(cast_error(other.ty(), Ty::DateTimeZone)),
        ("parseDateTime", v @ (Val::Str(_) | Val::Long(_))) => {
            let f = receiver(recv, "parseDateTime(String)")?;
            let dt = match v {
                Val::Long(x) => parse_datetime(it, &f, &x.to_string())?,
                Val::Str(Some(s)) => parse_datetime(it, &f, &s)?,
                _ => return Err(null_text()),
            };
            datetime_result(it, dt)
        }
        ("parseMillis", Val::Str(s)) => {
            let f = receiver(recv, "parseMillis(String)")?;
            let s = s.ok_or_else(null_text)?;
            let zone = it.default_zone();
            let ms = f.parse_millis(&s, zone, parse_clock(it, &f))?;
            long_result(it, ms)
        }
        ("parseMillis", other) => Err(cast_error(other.ty(), Ty::String)),
        ("print", Val::Long(ms)) => {
            let f = receiver(recv, "print(long)")?;
            let zone = it.default_zone();
            string_result(it, f.print(ms, zone))
        }
        ("print", Val::DateTime(dt)) => {
            let f = receiver(recv, "print(org.joda.time.ReadableInstant)")?;
            // Joda prints a null instant as now, in the default zone.
            let (ms, zone) = match dt {
                Some(dt) => (dt.millis(), dt.zone()),
                None => (it.now_ms(), it.default_zone()),
            };
            string_result(it, f.print(ms, zone))
        }
        _ => Err(no_method(Ty::DateTimeFormatter, name, &args)),
    }
}
