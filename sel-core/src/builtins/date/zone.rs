//! DATETIME_ZONE methods and fields (§7.15): `forID` and the field `UTC` on any zone
//! value (the static included), `getOffset(dt)`. Hand-written in the reference: SEL
//! casts, unwrapped Joda errors, unknown methods reported without the argument count.

use super::null_receiver;
use crate::builtins::{long_result, no_field, no_method};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::joda::Zone;
use crate::rt::{Args, Entry, Val};
use crate::types::Ty;

fn zone_result(it: &mut Interp<'_>, z: Zone) -> Result<Entry, SelError> {
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::Zone(Some(z))))
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    recv: Option<Zone>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    let arg = match args.as_slice() {
        [a] => a.get(),
        _ => return Err(no_method(Ty::DateTimeZone, name, &args)),
    };
    match (name, arg) {
        ("forID", Val::Str(Some(id))) => {
            let z = Zone::for_id(&id)?;
            zone_result(it, z)
        }
        // Joda: `forID(null)` is the default zone.
        ("forID", Val::Str(None)) => {
            let z = it.default_zone();
            zone_result(it, z)
        }
        ("forID", other) => Err(cast_error(other.ty(), Ty::String)),
        ("getOffset", Val::DateTime(dt)) => {
            let z = recv.ok_or_else(|| {
                null_receiver("org.joda.time.DateTimeZone.getOffset(org.joda.time.ReadableInstant)")
            })?;
            // Joda reads a null instant as now.
            let ms = dt.map_or_else(|| it.now_ms(), |d| d.millis());
            long_result(it, z.offset_ms_at(ms) as i64)
        }
        ("getOffset", other) => Err(cast_error(other.ty(), Ty::DateTime)),
        _ => Err(no_method(Ty::DateTimeZone, name, &args)),
    }
}

pub(crate) fn field(it: &mut Interp<'_>, name: &str) -> Result<Entry, SelError> {
    match name {
        "UTC" => zone_result(it, Zone::UTC),
        _ => Err(no_field(Ty::DateTimeZone, name)),
    }
}
