//! `Util` (§7.17): host-registered functions (which shadow built-ins) and the built-in
//! helpers: `intsBetween` here, the date helpers in `builtins/date/util.rs`.

use super::long::parse_long_opt;
use super::no_method;
use crate::error::SelError;
use crate::interp::Interp;
use crate::rt::convert::{box_value, unbox};
use crate::rt::display::display_lossy;
use crate::rt::{arg_vals, Args, ArrayData, Entry, Val};
use crate::types::Ty;
use std::borrow::Cow;

/// The reference's `SelLong.create(x)` used by `Util`: LONG as is, STRING parsed, a new
/// (charged) LONG either way.
pub(crate) fn to_long(it: &mut Interp<'_>, v: &Val) -> Result<i64, SelError> {
    let x = match v {
        Val::Long(x) => *x,
        Val::Str(s) => parse_long_opt(s.as_deref())?,
        other => {
            return Err(SelError::illegal_arg(format!(
                "Invalid input argument ({}) for Long constructor",
                display_lossy(other)
            )))
        }
    };
    it.mem.charge_object()?;
    Ok(x)
}

/// The reference's `SelString.create(x)` used by `Util`: LONG as decimal, STRING as is.
/// (A STRING argument's text is borrowed, not copied; it is charged all the same,
/// as the reference builds a new string.)
pub(crate) fn to_str<'a>(
    it: &mut Interp<'_>,
    v: &'a Val,
) -> Result<Option<Cow<'a, str>>, SelError> {
    let s = match v {
        Val::Long(x) => Some(Cow::Owned(x.to_string())),
        Val::Str(s) => s.as_deref().map(Cow::Borrowed),
        other => {
            return Err(SelError::illegal_arg(format!(
                "Invalid input argument ({}) for String constructor",
                display_lossy(other)
            )))
        }
    };
    match &s {
        Some(s) => it.mem.charge_string(s)?,
        None => it.mem.charge_object()?,
    }
    Ok(s)
}

pub(crate) fn call(it: &mut Interp<'_>, name: &str, args: Args) -> Result<Entry, SelError> {
    if let Some(f) = it.ev.util_function(name) {
        let host_args = args
            .iter()
            .map(|a| unbox(&a.get()))
            .collect::<Result<Vec<_>, _>>()?;
        let r = f.call(&host_args)?;
        return Ok(Entry::Tmp(box_value(&r, &mut it.mem)?));
    }
    let vals = arg_vals(&args);
    match (name, vals.as_slice()) {
        ("intsBetween", [from, to, step]) => ints_between(it, from, to, step),
        _ => match super::date::util::call(it, name, &vals) {
            Some(r) => r,
            None => Err(no_method(Ty::PresetUtilFunction, name, &args)),
        },
    }
}

/// `Util.intsBetween(from, to, step)` with 32-bit arithmetic. The reference loops
/// forever on a zero step with `from > to` or on overflow (§11.2 B5); here the output is
/// bounded by the memory budget it will be charged against.
fn ints_between(it: &mut Interp<'_>, from: &Val, to: &Val, step: &Val) -> Result<Entry, SelError> {
    let a = to_long(it, from)? as i32;
    let b = to_long(it, to)? as i32;
    let inc = to_long(it, step)? as i32;
    let budget = it.mem.limit.saturating_sub(it.mem.used) / crate::memory::OBJECT_BYTES;
    let mut out: Vec<i64> = Vec::new();
    let mut i = a;
    while (inc > 0 && i < b) || (inc <= 0 && i > b) {
        if out.len() as u64 + 1 >= budget {
            // Charging the would-be result fails exactly like the reference's would.
            it.mem.charge_objects(out.len() + 2)?;
        }
        if out.len() % 65536 == 65535 {
            it.check_time()?;
        }
        out.push(i as i64);
        i = i.wrapping_add(inc);
    }
    it.mem.charge_objects(out.len())?;
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::new_array(ArrayData::Long(out))))
}
