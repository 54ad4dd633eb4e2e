//! MAP methods (§7.8). `put` stores the key and value objects themselves (§4.7).

use super::{bool_result, long_result, no_method};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::rt::{Args, Entry, MapRef, Val};
use crate::types::Ty;

/// The key argument, which the reference casts to `SelString`.
fn key(e: &Entry) -> Result<Option<crate::rt::Str>, SelError> {
    match e.get() {
        Val::Str(s) => Ok(s),
        other => Err(cast_error(other.ty(), Ty::String)),
    }
}

fn uninitialised(method: &str) -> SelError {
    SelError::npe(format!(
        "Cannot invoke \"java.util.Map.{method}\" because \"this.val\" is null"
    ))
}

pub(crate) fn call(
    it: &mut Interp<'_>,
    m: Option<MapRef>,
    name: &str,
    mut args: Args,
) -> Result<Entry, SelError> {
    match (name, args.len()) {
        ("size", 0) => {
            let n = m.map_or(0, |m| m.borrow().len());
            long_result(it, n as i64)
        }
        ("get", 1) => {
            let k = key(&args[0])?;
            let m = m.ok_or_else(|| uninitialised("containsKey(Object)"))?;
            let found = m.borrow().get(k.as_deref()).cloned();
            Ok(found.map_or(Entry::Tmp(Val::Null), Entry::Ref))
        }
        ("containsKey", 1) => {
            let Some(m) = m else {
                return bool_result(it, false);
            };
            let k = key(&args[0])?;
            let found = m.borrow().contains_key(k.as_deref());
            bool_result(it, found)
        }
        ("put", 2) => {
            key(&args[0])?;
            let m = m.ok_or_else(|| uninitialised("put(Object, Object)"))?;
            let v = args.pop().map(|e| it.keep(e));
            let k = args.pop().map(|e| it.keep(e));
            let (Some(k), Some(v)) = (k, v) else {
                return Ok(Entry::Tmp(Val::Null));
            };
            let old = m.borrow_mut().put(k, v);
            Ok(old.map_or(Entry::Tmp(Val::Null), Entry::Ref))
        }
        ("getOrDefault", 2) => {
            let k = key(&args[0])?;
            let m = m.ok_or_else(|| uninitialised("containsKey(Object)"))?;
            let found = m.borrow().get(k.as_deref()).cloned();
            Ok(match found {
                Some(r) => Entry::Ref(r),
                None => args.pop().unwrap_or(Entry::Tmp(Val::Null)),
            })
        }
        _ => Err(no_method(Ty::Map, name, &args)),
    }
}
