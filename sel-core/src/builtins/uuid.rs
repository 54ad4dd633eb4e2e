//! `UUID` (§7.10): `randomUUID()` (two random longs, not RFC 4122) and `toString()`.

use super::{no_method, string_result};
use crate::error::SelError;
use crate::interp::Interp;
use crate::rt::{Args, Entry, UuidBits, Val};
use crate::types::Ty;

/// Java `UUID.toString()`: lowercase `8-4-4-4-12` hex.
pub(crate) fn uuid_text(u: u128) -> String {
    let h = format!("{u:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    u: Option<UuidBits>,
    name: &str,
    args: Args,
) -> Result<Entry, SelError> {
    match (name, args.len()) {
        ("randomUUID", 0) => {
            let hi = it.rng.next_u64() as u128;
            let lo = it.rng.next_u64() as u128;
            it.mem.charge_object()?;
            Ok(Entry::Tmp(Val::Uuid(Some((hi << 64 | lo).into()))))
        }
        ("toString", 0) => {
            let s = u.map_or_else(|| "null".to_string(), |u| uuid_text(u.into()));
            string_result(it, s)
        }
        _ => Err(no_method(Ty::Uuid, name, &args)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uuid_text_is_canonical() {
        assert_eq!(
            super::uuid_text(0x0123_4567_89ab_cdef_0011_2233_4455_6677),
            "01234567-89ab-cdef-0011-223344556677"
        );
    }
}
