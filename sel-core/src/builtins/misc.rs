//! The object behind `System`, `Arrays` and `DateTimeConstants` (§7.11).

use super::{long_result, no_field, no_method};
use crate::error::SelError;
use crate::interp::Interp;
use crate::rt::{Args, Entry};
use crate::types::Ty;

pub(crate) fn call(it: &mut Interp<'_>, name: &str, mut args: Args) -> Result<Entry, SelError> {
    match (name, args.len()) {
        ("currentTimeMillis", 0) => {
            let now = it.ev.clock().now_millis();
            long_result(it, now)
        }
        // `Arrays.asList(x)` is the identity (the very object).
        ("asList", 1) => Ok(args.remove(0)),
        _ => Err(no_method(Ty::PresetMiscFuncFields, name, &args)),
    }
}

pub(crate) fn field(it: &mut Interp<'_>, name: &str) -> Result<Entry, SelError> {
    if name == "SUNDAY" {
        return long_result(it, 7);
    }
    Err(no_field(Ty::PresetMiscFuncFields, name))
}
