//! Constructors `new C(args)` (§7.2).

use super::double::parse_double_opt;
use super::long::parse_long_opt;
use crate::error::SelError;
use crate::interp::Interp;
use crate::rt::display::{display_list, display_lossy};
use crate::rt::{arg_vals, Args, JMap, Val};
use crate::types::Ty;

fn invalid_args(vals: &[Val], class: &str) -> SelError {
    SelError::illegal_arg(format!(
        "Invalid input arguments ({}) for {class} constructor",
        display_list(vals)
    ))
}

fn invalid_arg(v: &Val, class: &str) -> SelError {
    SelError::illegal_arg(format!(
        "Invalid input argument ({}) for {class} constructor",
        display_lossy(v)
    ))
}

pub(crate) fn construct(it: &mut Interp<'_>, ty: Ty, args: Args) -> Result<Val, SelError> {
    let vals = arg_vals(&args);
    match ty {
        Ty::String => {
            let s: Option<String> = match vals.as_slice() {
                [] => Some(String::new()),
                [Val::Long(x)] => Some(x.to_string()),
                [Val::Str(s)] => s.as_deref().map(String::from),
                [other] => return Err(invalid_arg(other, "String")),
                _ => return Err(invalid_args(&vals, "String")),
            };
            match s {
                Some(s) => it.mem.new_string(s),
                None => {
                    it.mem.charge_object()?;
                    Ok(Val::Str(None))
                }
            }
        }
        Ty::Long => {
            let x = match vals.as_slice() {
                [Val::Long(x)] => *x,
                [Val::Str(s)] => parse_long_opt(s.as_deref())?,
                [other] => return Err(invalid_arg(other, "Long")),
                _ => return Err(invalid_args(&vals, "Long")),
            };
            it.mem.charge_object()?;
            Ok(Val::Long(x))
        }
        Ty::Double => {
            let x = match vals.as_slice() {
                [Val::Double(x)] => *x,
                [Val::Str(s)] => parse_double_opt(s.as_deref())?,
                _ => return Err(invalid_args(&vals, "Double")),
            };
            it.mem.charge_object()?;
            Ok(Val::Double(x))
        }
        Ty::Boolean => {
            let b = match vals.as_slice() {
                [Val::Bool(b)] => *b,
                [Val::Str(s)] => s.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("true")),
                _ => return Err(invalid_args(&vals, "Boolean")),
            };
            it.mem.charge_object()?;
            Ok(Val::Bool(b))
        }
        Ty::Map => {
            if !vals.is_empty() {
                return Err(invalid_args(&vals, "Map"));
            }
            it.mem.charge_object()?;
            let map = Val::new_map(JMap::new());
            it.mem.track_map(&map);
            Ok(map)
        }
        Ty::DateTime => super::date::ctor::construct(it, &vals),
        other => Err(SelError::unsupported(format!(
            "{} DO NOT support calling constructor",
            other.name()
        ))),
    }
}
