//! LONG methods (§7.4): on `Integer`, `Long` and every LONG value alike.

use super::{long_result, no_method, string_result};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::java::parse_long;
use crate::rt::{arg_vals, Args, Entry, Val};
use crate::types::Ty;

/// `Long.parseLong` of a STRING payload (a null string is Java's NumberFormatException).
pub(crate) fn parse_long_opt(s: Option<&str>) -> Result<i64, SelError> {
    match s {
        Some(s) => parse_long(s),
        None => Err(SelError::new(
            crate::error::ErrorKind::NumberFormatException,
            "Cannot parse null string: null",
        )),
    }
}

pub(crate) fn call(it: &mut Interp<'_>, x: i64, name: &str, args: Args) -> Result<Entry, SelError> {
    let vals = arg_vals(&args);
    match (name, vals.as_slice()) {
        ("toString", []) => string_result(it, x.to_string()),
        ("toString", [Val::Long(y)]) => string_result(it, y.to_string()),
        ("toString", [other]) => Err(cast_error(other.ty(), Ty::Long)),
        ("valueOf", [Val::Str(s)]) => {
            let v = parse_long_opt(s.as_deref())?;
            long_result(it, v)
        }
        ("valueOf", [Val::Long(y)]) => long_result(it, *y),
        ("parseLong", [Val::Str(s)]) => {
            let v = parse_long_opt(s.as_deref())?;
            long_result(it, v)
        }
        ("parseLong", [other]) => Err(cast_error(other.ty(), Ty::String)),
        ("intValue", []) => long_result(it, x),
        _ => Err(no_method(Ty::Long, name, &args)),
    }
}
