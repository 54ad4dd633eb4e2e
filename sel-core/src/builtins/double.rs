//! DOUBLE methods (§7.5): on `Float`, `Double` and every DOUBLE value alike.

use super::{double_result, long_result, no_method, string_result};
use crate::error::{ErrorKind, SelError};
use crate::interp::{cast_error, Interp};
use crate::java::{double_to_string, parse_double};
use crate::rt::{arg_vals, Args, Entry, Val};
use crate::types::Ty;

/// `Double.parseDouble` of a STRING payload (null is Java's NullPointerException).
pub(crate) fn parse_double_opt(s: Option<&str>) -> Result<f64, SelError> {
    match s {
        Some(s) => parse_double(s),
        None => Err(SelError::new(ErrorKind::NullPointerException, "null")),
    }
}

pub(crate) fn call(it: &mut Interp<'_>, x: f64, name: &str, args: Args) -> Result<Entry, SelError> {
    let vals = arg_vals(&args);
    match (name, vals.as_slice()) {
        ("toString", []) => string_result(it, double_to_string(x)),
        ("toString", [Val::Double(y)]) => string_result(it, double_to_string(*y)),
        ("toString", [other]) => Err(cast_error(other.ty(), Ty::Double)),
        ("valueOf", [Val::Str(s)]) => {
            let v = parse_double_opt(s.as_deref())?;
            double_result(it, v)
        }
        ("valueOf", [Val::Double(y)]) => double_result(it, *y),
        ("parseDouble", [Val::Str(s)]) => {
            let v = parse_double_opt(s.as_deref())?;
            double_result(it, v)
        }
        ("parseDouble", [other]) => Err(cast_error(other.ty(), Ty::String)),
        // Java's `(long)` cast: truncation, NaN → 0, saturation (Rust's `as` agrees).
        ("intValue" | "longValue", []) => long_result(it, x as i64),
        _ => Err(no_method(Ty::Double, name, &args)),
    }
}
