//! DATETIME_DAYS methods (§7.16): `Days.daysBetween(a, b)` on any Days value (the
//! static included) and `getDays()`. Hand-written in the reference: SEL casts,
//! unwrapped Joda errors, unknown methods reported without the argument count.

use super::null_receiver;
use crate::builtins::{long_result, no_method};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::joda::{days_between, DateTime};
use crate::rt::{Args, Entry, Val};
use crate::types::Ty;

fn instant(v: &Val) -> Result<Option<DateTime>, SelError> {
    match v {
        Val::DateTime(d) => Ok(*d),
        other => Err(cast_error(other.ty(), Ty::DateTime)),
    }
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    recv: Option<i32>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    match (name, args.as_slice()) {
        ("daysBetween", [a, b]) => {
            let (a, b) = (instant(&a.get())?, instant(&b.get())?);
            let (Some(a), Some(b)) = (a, b) else {
                return Err(SelError::illegal_arg(
                    "ReadableInstant objects must not be null",
                ));
            };
            let days = days_between(&a, &b)?;
            it.mem.charge_object()?;
            Ok(Entry::Tmp(Val::Days(Some(days))))
        }
        ("getDays", []) => {
            let days = recv.ok_or_else(|| null_receiver("org.joda.time.Days.getDays()"))?;
            long_result(it, days as i64)
        }
        _ => Err(no_method(Ty::DateTimeDays, name, &args)),
    }
}
