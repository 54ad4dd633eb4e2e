//! `new DateTime(...)` (§7.12). Constructor errors are not wrapped.
//!
//! One argument that is not a LONG goes through Joda's `DateTime(Object)`, whose
//! converters accept ISO text, another instant (keeping its zone, as Joda's
//! `ReadableInstantConverter` does) and null (now); anything else has no converter.

use crate::builtins::jm::unboxed_class;
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::joda::{DateTime, Zone};
use crate::rt::display::display_list;
use crate::rt::Val;
use crate::types::Ty;

/// Joda's `DateTime(Object, zone)`; `zone` `None` = the default zone, and an instant
/// argument keeps its own zone then.
fn from_object(it: &mut Interp<'_>, x: &Val, zone: Option<Zone>) -> Result<DateTime, SelError> {
    let class = unboxed_class(x)?;
    let target = |it: &mut Interp<'_>| zone.unwrap_or_else(|| it.default_zone());
    match x {
        Val::Long(ms) => Ok(DateTime::new(*ms, target(it))),
        Val::Str(Some(text)) => DateTime::parse_iso(text, target(it)),
        Val::DateTime(Some(dt)) => Ok(zone.map_or(*dt, |z| dt.with_zone(z))),
        _ => match class {
            None => {
                let z = target(it);
                Ok(DateTime::new(it.now_ms(), z))
            }
            Some(class) => Err(SelError::illegal_arg(format!(
                "No instant converter found for type: {class}"
            ))),
        },
    }
}

/// A DATETIME_ZONE argument; a null payload means the default zone.
fn zone_arg(v: &Val) -> Result<Option<Zone>, SelError> {
    match v {
        Val::Zone(z) => Ok(*z),
        other => Err(cast_error(other.ty(), Ty::DateTimeZone)),
    }
}

/// An `int` field of the field constructor.
fn int_arg(v: &Val) -> Result<i32, SelError> {
    match v {
        Val::Long(x) => Ok(*x as i32),
        other => Err(cast_error(other.ty(), Ty::Long)),
    }
}

pub(crate) fn construct(it: &mut Interp<'_>, vals: &[Val]) -> Result<Val, SelError> {
    let dt = match vals {
        [] => {
            let z = it.default_zone();
            DateTime::new(it.now_ms(), z)
        }
        [x] => from_object(it, x, None)?,
        [x, zone] => {
            unboxed_class(x)?;
            let z = zone_arg(zone)?.unwrap_or_else(|| it.default_zone());
            from_object(it, x, Some(z))?
        }
        [y, mo, d, h, mi, s, ms, zone] => {
            let f = [y, mo, d, h, mi, s, ms]
                .into_iter()
                .map(int_arg)
                .collect::<Result<Vec<_>, _>>()?;
            let z = zone_arg(zone)?.unwrap_or_else(|| it.default_zone());
            DateTime::from_fields(f[0], f[1], f[2], f[3], f[4], f[5], f[6], z)?
        }
        _ => {
            return Err(SelError::illegal_arg(format!(
                "Invalid input arguments ({}) for DateTime constructor",
                display_list(vals)
            )))
        }
    };
    it.mem.charge_object()?;
    Ok(Val::DateTime(Some(dt)))
}
