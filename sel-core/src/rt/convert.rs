//! Conversions between host values and internal values:
//!
//! * [`box_value`] (host → SEL, §5.3): input variables, `params` lookups, extension and
//!   `Util` function results; a deep copy, charged to the memory counter;
//! * [`unbox`] (SEL → Java-style host value, §5.4): arguments of host `Util` functions;
//! * [`to_host`]: the result of an evaluation, as faithful to the SEL value as possible.

use crate::error::SelError;
use crate::joda::Zone;
use crate::memory::Memory;
use crate::rt::display::{display_lossy, enter_map, no_internal_val, with_stack, Walk};
use crate::rt::{ArrayData, JMap, MapRef, Ref, Val};
use crate::value::Value;
use std::rc::Rc;

fn opt_str(s: &Option<String>) -> Option<Rc<str>> {
    s.as_deref().map(Rc::from)
}

fn charge_str(mem: &mut Memory, s: &Option<String>) -> Result<(), SelError> {
    match s {
        Some(s) => mem.charge_string(s),
        None => mem.charge_object(),
    }
}

/// The Java class of a Joda zone object (what `DateTimeZone.forID` hands out).
pub(crate) fn zone_class(z: &Zone) -> &'static str {
    if *z == Zone::UTC {
        "org.joda.time.UTCDateTimeZone"
    } else if z.is_offset_zone() {
        "org.joda.time.tz.FixedDateTimeZone"
    } else {
        "org.joda.time.tz.CachedDateTimeZone"
    }
}

/// The Java class of the unboxed payload of a date value (`None` for a null payload
/// or a value that is not a date).
pub(crate) fn joda_class(v: &Val) -> Option<&'static str> {
    Some(match v {
        Val::DateTime(Some(_)) => "org.joda.time.DateTime",
        Val::Zone(Some(z)) => zone_class(z),
        Val::Formatter(Some(_)) => "org.joda.time.format.DateTimeFormatter",
        Val::Property(Some(_)) => "org.joda.time.DateTime$Property",
        Val::Days(Some(_)) => "org.joda.time.Days",
        _ => return None,
    })
}

/// Host class names of values the reference cannot box.
fn host_class(v: &Value) -> &'static str {
    match v {
        Value::DateTimeZone(Some(z)) => zone_class(z),
        Value::DateTimeFormatter(Some(_)) => "org.joda.time.format.DateTimeFormatter",
        Value::DateTimeDays(Some(_)) => "org.joda.time.Days",
        Value::Error(_) => "com.netflix.sel.type.SelError",
        Value::Uuid(_) => "java.util.UUID",
        Value::Void => "com.netflix.sel.type.SelType$2",
        Value::Params => "com.netflix.sel.type.SelParams",
        Value::Util => "com.netflix.sel.type.SelUtilFunc",
        Value::Misc => "com.netflix.sel.type.SelMiscFunc",
        Value::Math => "com.netflix.sel.type.SelJavaMath",
        _ => "java.lang.Object",
    }
}

/// Host → SEL conversion of a top-level value (§5.3).
pub(crate) fn box_value(v: &Value, mem: &mut Memory) -> Result<Val, SelError> {
    Ok(match v {
        Value::Null
        | Value::Map(None)
        | Value::DateTime(None)
        | Value::DateTimeZone(None)
        | Value::DateTimeFormatter(None)
        | Value::DateTimeProperty(None)
        | Value::DateTimeDays(None) => Val::Null,
        Value::DateTime(Some(dt)) => {
            mem.charge_object()?;
            Val::DateTime(Some(*dt))
        }
        Value::DateTimeProperty(Some(p)) => {
            mem.charge_object()?;
            Val::Property(Some(Rc::new(*p)))
        }
        Value::Long(x) => {
            mem.charge_object()?;
            Val::Long(*x)
        }
        Value::Double(x) => {
            mem.charge_object()?;
            Val::Double(*x)
        }
        Value::Bool(b) => {
            mem.charge_object()?;
            Val::Bool(*b)
        }
        Value::String(s) => {
            charge_str(mem, s)?;
            Val::Str(opt_str(s))
        }
        Value::StringArray(_)
        | Value::LongArray(_)
        | Value::DoubleArray(_)
        | Value::BoolArray(_) => box_array(v, mem)?,
        Value::Map(Some(entries)) => box_map(entries, mem)?,
        other => {
            return Err(SelError::unsupported(format!(
                "Return type class {} is not supported.",
                host_class(other)
            )))
        }
    })
}

fn box_array(v: &Value, mem: &mut Memory) -> Result<Val, SelError> {
    // The array object, then one object per element.
    mem.charge_object()?;
    let data = match v {
        Value::StringArray(items) => {
            for s in items {
                charge_str(mem, s)?;
            }
            ArrayData::Str(items.iter().map(opt_str).collect())
        }
        Value::LongArray(items) => {
            mem.charge_objects(items.len())?;
            ArrayData::Long(items.clone())
        }
        Value::DoubleArray(items) => {
            mem.charge_objects(items.len())?;
            ArrayData::Double(items.clone())
        }
        Value::BoolArray(items) => {
            mem.charge_objects(items.len())?;
            ArrayData::Bool(items.clone())
        }
        _ => ArrayData::Long(Vec::new()),
    };
    Ok(Val::new_array(data))
}

fn box_map(entries: &[(String, Value)], mem: &mut Memory) -> Result<Val, SelError> {
    with_stack(|| box_map_inner(entries, mem))
}

fn box_map_inner(entries: &[(String, Value)], mem: &mut Memory) -> Result<Val, SelError> {
    mem.charge_object()?;
    let mut map = JMap::new();
    for (k, v) in entries {
        let val = match v {
            Value::String(_)
            | Value::Long(_)
            | Value::Double(_)
            | Value::Bool(_)
            | Value::StringArray(_)
            | Value::LongArray(_)
            | Value::DoubleArray(_)
            | Value::BoolArray(_) => box_value(v, mem)?,
            Value::Map(Some(inner)) => box_map(inner, mem)?,
            other => {
                let class = match other {
                    Value::Null | Value::Map(None) => "null",
                    Value::Error(_) => "com.netflix.sel.type.SelError",
                    Value::Uuid(_) => "java.util.UUID",
                    Value::DateTime(None)
                    | Value::DateTimeZone(None)
                    | Value::DateTimeFormatter(None)
                    | Value::DateTimeProperty(None)
                    | Value::DateTimeDays(None) => "null",
                    Value::DateTime(Some(_)) => "org.joda.time.DateTime",
                    Value::DateTimeProperty(Some(_)) => "org.joda.time.DateTime$Property",
                    Value::DateTimeZone(_)
                    | Value::DateTimeFormatter(_)
                    | Value::DateTimeDays(_) => host_class(other),
                    _ => "java.lang.Object",
                };
                return Err(SelError::illegal_arg(format!(
                    "Invalid map entry type ({class}) for Map constructor"
                )));
            }
        };
        mem.charge_string(k)?;
        map.put(Ref::new(Val::str(k)), Ref::new(val));
    }
    let map = Val::new_map(map);
    mem.track_map(&map);
    Ok(map)
}

fn array_to_host(a: &ArrayData) -> Value {
    match a {
        ArrayData::Str(v) => {
            Value::StringArray(v.iter().map(|s| s.as_deref().map(String::from)).collect())
        }
        ArrayData::Long(v) => Value::LongArray(v.clone()),
        ArrayData::Double(v) => Value::DoubleArray(v.clone()),
        ArrayData::Bool(v) => Value::BoolArray(v.clone()),
    }
}

fn key_string(k: &Ref) -> String {
    match k.get() {
        Val::Str(s) => s.as_deref().unwrap_or("null").to_string(),
        other => display_lossy(&other),
    }
}

/// The result of an evaluation as a host value. Fails only on cyclic maps.
pub(crate) fn to_host(v: &Val) -> Result<Value, SelError> {
    to_host_in(v, &mut Walk::default())
}

fn to_host_in(v: &Val, seen: &mut Walk) -> Result<Value, SelError> {
    Ok(match v {
        Val::Null => Value::Null,
        Val::Void => Value::Void,
        Val::Long(x) => Value::Long(*x),
        Val::Double(x) => Value::Double(*x),
        Val::Bool(b) => Value::Bool(*b),
        Val::Str(s) => Value::String(s.as_deref().map(String::from)),
        Val::Array(a) => array_to_host(&a.borrow()),
        Val::Map(None) => Value::Map(None),
        Val::Map(Some(m)) => Value::Map(Some(map_entries(m, seen, &mut |v, seen| {
            to_host_in(v, seen)
        })?)),
        // The reference's error value has no accessor: its message is what its
        // `toString` shows after `ERROR: `, so a thrown null String reads `null`.
        Val::Error(m) => Value::Error(Some(m.as_deref().unwrap_or("null").to_string())),
        Val::Uuid(u) => Value::Uuid(u.map(u128::from)),
        Val::Params => Value::Params,
        Val::Util => Value::Util,
        Val::Misc => Value::Misc,
        Val::Math => Value::Math,
        other => date_to_host(other),
    })
}

/// A date value as the Joda object the host sees.
fn date_to_host(v: &Val) -> Value {
    match v {
        Val::DateTime(d) => Value::DateTime(*d),
        Val::Zone(z) => Value::DateTimeZone(*z),
        Val::Formatter(f) => Value::DateTimeFormatter(f.clone()),
        Val::Property(p) => Value::DateTimeProperty(p.as_deref().copied()),
        Val::Days(d) => Value::DateTimeDays(*d),
        _ => Value::Null,
    }
}

type EntryFn<'a> = dyn FnMut(&Val, &mut Walk) -> Result<Value, SelError> + 'a;

fn map_entries(
    m: &MapRef,
    seen: &mut Walk,
    f: &mut EntryFn<'_>,
) -> Result<Vec<(String, Value)>, SelError> {
    with_stack(|| map_entries_inner(m, seen, f))
}

fn map_entries_inner(
    m: &MapRef,
    seen: &mut Walk,
    f: &mut EntryFn<'_>,
) -> Result<Vec<(String, Value)>, SelError> {
    enter_map(seen, m)?;
    let map = m.borrow();
    let mut out = Vec::with_capacity(map.len());
    for e in map.iter() {
        out.push((key_string(&e.key), f(&e.val.get(), seen)?));
    }
    seen.leave();
    Ok(out)
}

/// SEL → host unboxing for arguments of host functions (§5.4): a LONG reaches Java as
/// `Integer` when it is at most `Integer.MAX_VALUE`, which truncates values below
/// `Integer.MIN_VALUE` to their low 32 bits.
pub(crate) fn unbox(v: &Val) -> Result<Value, SelError> {
    Ok(match v {
        Val::Long(x) => Value::Long(narrow_long(*x)),
        other => unbox_in(other, &mut Walk::default())?,
    })
}

/// The value a LONG has after the reference's `Integer`/`Long` unboxing.
pub(crate) fn narrow_long(x: i64) -> i64 {
    if x > i32::MAX as i64 {
        x
    } else {
        x as i32 as i64
    }
}

fn unbox_in(v: &Val, seen: &mut Walk) -> Result<Value, SelError> {
    with_stack(|| unbox_level(v, seen))
}

fn unbox_level(v: &Val, seen: &mut Walk) -> Result<Value, SelError> {
    Ok(match v {
        Val::Null | Val::Void => Value::Null,
        Val::Long(x) => Value::Long(*x),
        Val::Double(x) => Value::Double(*x),
        Val::Bool(b) => Value::Bool(*b),
        Val::Str(s) => Value::String(s.as_deref().map(String::from)),
        Val::Array(a) => array_to_host(&a.borrow()),
        Val::Map(None) => Value::Map(None),
        Val::Map(Some(m)) => {
            enter_map(seen, m)?;
            let mut out = Vec::with_capacity(m.borrow().len());
            for e in m.borrow().iter() {
                let val = e.val.get();
                // Only data values can leave a map (the reference's `SelMap.unbox`).
                let converted = match &val {
                    Val::Long(_)
                    | Val::Double(_)
                    | Val::Bool(_)
                    | Val::Str(_)
                    | Val::Array(_)
                    | Val::Map(_) => unbox_in(&val, seen)?,
                    _ => {
                        return Err(SelError::unsupported(format!(
                            "Invalid type, not support having map entry value {}={}",
                            key_string(&e.key),
                            display_lossy(&val)
                        )))
                    }
                };
                out.push((key_string(&e.key), converted));
            }
            seen.leave();
            Value::Map(Some(out))
        }
        Val::Error(m) => Value::String(m.as_deref().map(String::from)),
        Val::Uuid(_) | Val::Params | Val::Util | Val::Misc | Val::Math => {
            return Err(no_internal_val(v.ty()))
        }
        Val::DateTime(_) | Val::Zone(_) | Val::Formatter(_) | Val::Property(_) | Val::Days(_) => {
            date_to_host(v)
        }
    })
}
