//! DATETIME_PROPERTY methods (§7.13): `get()`, `getAsText()`, `withMinimumValue()`,
//! `withMaximumValue()`. Hand-written in the reference: Joda's errors are not wrapped,
//! unknown methods are reported without the argument count.

use super::{datetime_result, null_receiver};
use crate::builtins::{long_result, no_method, string_result};
use crate::error::SelError;
use crate::interp::Interp;
use crate::joda::Property;
use crate::rt::{Args, Entry};
use crate::types::Ty;

pub(crate) fn call(
    it: &mut Interp<'_>,
    recv: Option<&Property>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    let method = match (name, args.len()) {
        ("get" | "getAsText" | "withMinimumValue" | "withMaximumValue", 0) => name,
        _ => return Err(no_method(Ty::DateTimeProperty, name, &args)),
    };
    let p =
        recv.ok_or_else(|| null_receiver(&format!("org.joda.time.DateTime$Property.{method}()")))?;
    match method {
        "get" => long_result(it, p.get()),
        "getAsText" => string_result(it, p.get_as_text()),
        "withMinimumValue" => datetime_result(it, p.with_minimum_value()?),
        _ => datetime_result(it, p.with_maximum_value()?),
    }
}
