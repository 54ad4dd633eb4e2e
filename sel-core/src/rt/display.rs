//! The two textual forms of a value (§5.7):
//!
//! * [`display`]: the Java `toString()` of the SEL object, used in error messages, inside
//!   array and map text, and as the result's display;
//! * [`concat_text`]: Java `String.valueOf` of the object's *payload*, which is what
//!   `'x' + v`, `s += v` and `null + v` append. It differs for NULL (`null`), arrays
//!   (Java identity strings) and fails for the opaque objects.
//!
//! Java identity hash codes are replaced by a deterministic `@0`. Maps that contain
//! themselves make the reference overflow its stack (§11.2 B8); here they raise an error.

use crate::error::{ErrorKind, SelError};
use crate::java::double_to_string;
use crate::rt::val::{ArrayData, MapRef, Val};
use crate::types::Ty;
use std::borrow::Cow;
use std::fmt::Write;
use std::rc::Rc;

/// The error for a map that (transitively) contains itself.
pub(crate) fn cyclic_map() -> SelError {
    SelError::new(
        ErrorKind::StackOverflowError,
        "Self-referencing map cannot be displayed or converted",
    )
}

/// The deepest map nesting that display and the conversions walk. Maps nest without
/// bound (`c.put('a', new Map()); c = c.get('a');` in a loop) and every walk recurses
/// once per level: 20,000 levels overflowed the native stack and aborted the process.
/// The reference overflows its Java stack a few thousand levels down.
pub(crate) const MAX_MAP_DEPTH: usize = 1000;

/// Entries a walk may visit again through maps it already walked once (a map held in
/// several places is displayed and converted in full at each). Without a bound, 26
/// maps each holding the previous one twice expand to 2^26 entries: gigabytes from a
/// 30-statement program that the memory accounting charges a few kilobytes.
pub(crate) const MAX_REPEATED_ENTRIES: u64 = 1 << 16;

/// The state of one display or conversion walk over nested maps.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// The maps from the root to the current one (cycle and depth checks).
    path: Vec<*const ()>,
    /// Every map entered so far: the first few in a plain array (most values hold a
    /// handful of maps, and a hash set costs more to build than they take to scan),
    /// all of them in `entered_many` once there are more.
    entered_few: [usize; FEW_MAPS],
    entered_count: usize,
    entered_many: std::collections::HashSet<usize>,
    /// Entries of maps entered more than once.
    repeated: u64,
}

/// How many entered maps a walk tracks without a hash set.
const FEW_MAPS: usize = 8;

impl Walk {
    /// Leaves the map last entered.
    pub fn leave(&mut self) {
        self.path.pop();
    }

    /// Records map `id` as entered; false if it was entered before.
    fn enter_first_time(&mut self, id: usize) -> bool {
        if self.entered_count < FEW_MAPS {
            let few = &mut self.entered_few[..self.entered_count];
            if few.contains(&id) {
                return false;
            }
            self.entered_few[self.entered_count] = id;
            self.entered_count += 1;
            return true;
        }
        if self.entered_many.is_empty() {
            self.entered_many.extend(self.entered_few);
        }
        self.entered_many.insert(id)
    }
}

/// Enters map `m` on a walk: fails on a cycle, when the path is already
/// [`MAX_MAP_DEPTH`] maps long, or when shared maps have repeated more than
/// [`MAX_REPEATED_ENTRIES`] entries.
pub(crate) fn enter_map(seen: &mut Walk, m: &MapRef) -> Result<(), SelError> {
    let id = Rc::as_ptr(m) as *const ();
    if seen.path.contains(&id) {
        return Err(cyclic_map());
    }
    if seen.path.len() >= MAX_MAP_DEPTH {
        return Err(SelError::new(
            ErrorKind::StackOverflowError,
            format!(
                "Map nested too deeply to be displayed or converted: more than {MAX_MAP_DEPTH} levels"
            ),
        ));
    }
    if !seen.enter_first_time(id as usize) {
        seen.repeated += m.borrow().len() as u64;
        if seen.repeated > MAX_REPEATED_ENTRIES {
            return Err(SelError::new(
                ErrorKind::IllegalStateException,
                format!(
                    "Map too large to be displayed or converted: the maps it holds in several places repeat more than {MAX_REPEATED_ENTRIES} entries"
                ),
            ));
        }
    }
    seen.path.push(id);
    Ok(())
}

/// Runs one level of a recursive map walk on a stack with room for it (evaluations may
/// run on small thread stacks; each level takes a few hundred bytes in a debug build).
pub(crate) fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

/// `getInternalVal` on objects that have none.
pub(crate) fn no_internal_val(ty: Ty) -> SelError {
    SelError::unsupported(format!(
        "class {} does not support getInternalVal operation.",
        ty.java_class()
    ))
}

/// Java `toString()` of the value's object.
pub(crate) fn display(v: &Val) -> Result<String, SelError> {
    let mut out = String::new();
    write_display(&mut out, v, &mut Walk::default())?;
    Ok(out)
}

/// Display for error messages: never fails (a cyclic map shows as `{...}`).
pub(crate) fn display_lossy(v: &Val) -> String {
    display(v).unwrap_or_else(|_| "{...}".to_string())
}

/// `Arrays.toString` of argument objects, as in `with args: [a, b]`.
pub(crate) fn display_list(vals: &[Val]) -> String {
    let parts: Vec<String> = vals.iter().map(display_lossy).collect();
    format!("[{}]", parts.join(", "))
}

pub(crate) fn write_display(out: &mut String, v: &Val, seen: &mut Walk) -> Result<(), SelError> {
    match v {
        Val::Null => out.push_str("NULL"),
        Val::Void => out.push_str("VOID"),
        Val::Long(x) => {
            let _ = write!(out, "{x}");
        }
        Val::Double(x) => out.push_str(&double_to_string(*x)),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Str(s) => out.push_str(s.as_deref().unwrap_or("null")),
        Val::Array(a) => write_array(out, &a.borrow()),
        Val::Map(None) => out.push_str("null"),
        Val::Map(Some(m)) => write_map(out, m, seen)?,
        Val::Error(m) => {
            out.push_str("ERROR: ");
            out.push_str(m.as_deref().unwrap_or("null"));
        }
        Val::Uuid(_) => out.push_str("com.netflix.sel.type.SelJavaUUID@0"),
        Val::Params => out.push_str("PRESET_PARAMS"),
        Val::Util => out.push_str("Preset SEL Utility Function Class"),
        Val::Misc => out.push_str("SEL Miscellaneous Function Class"),
        Val::Math => out.push_str("Java Math Class"),
        Val::DateTime(Some(dt)) => dt.push_iso(out),
        Val::Zone(Some(z)) => out.push_str(&z.id()),
        Val::Property(Some(p)) => out.push_str(&p.display()),
        Val::Days(Some(d)) => out.push_str(&crate::joda::days_display(*d)),
        Val::DateTime(None) | Val::Zone(None) | Val::Property(None) | Val::Days(None) => {
            out.push_str("null")
        }
        Val::Formatter(_) => out.push_str("com.netflix.sel.type.SelJodaDateTimeFormatter@0"),
    }
    Ok(())
}

fn write_array(out: &mut String, a: &ArrayData) {
    out.push('[');
    match a {
        ArrayData::Str(v) => join(out, v.iter().map(|s| s.as_deref().unwrap_or("null"))),
        ArrayData::Long(v) => join(out, v.iter()),
        ArrayData::Double(v) => join(out, v.iter().map(|d| double_to_string(*d))),
        ArrayData::Bool(v) => join(out, v.iter()),
    }
    out.push(']');
}

fn join<T: std::fmt::Display>(out: &mut String, items: impl Iterator<Item = T>) {
    for (i, x) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{x}");
    }
}

fn write_map(out: &mut String, m: &MapRef, seen: &mut Walk) -> Result<(), SelError> {
    with_stack(|| write_map_inner(out, m, seen))
}

fn write_map_inner(out: &mut String, m: &MapRef, seen: &mut Walk) -> Result<(), SelError> {
    enter_map(seen, m)?;
    out.push('{');
    for (i, e) in m.borrow().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match e.key.get() {
            Val::Str(s) => out.push_str(s.as_deref().unwrap_or("null")),
            other => write_display(out, &other, seen)?,
        }
        out.push('=');
        write_display(out, &e.val.get(), seen)?;
    }
    out.push('}');
    seen.leave();
    Ok(())
}

/// The Java class-name prefix of the element objects of an array (`[Lcom...SelLong;`).
pub(crate) fn array_identity(a: &ArrayData) -> String {
    let elem = match a {
        ArrayData::Str(_) => "SelString",
        ArrayData::Long(_) => "SelLong",
        ArrayData::Double(_) => "SelDouble",
        ArrayData::Bool(_) => "SelBoolean",
    };
    format!("[Lcom.netflix.sel.type.{elem};@0")
}

/// Java `String.valueOf(payload)`: what string concatenation appends.
pub(crate) fn concat_text(v: &Val) -> Result<Cow<'_, str>, SelError> {
    Ok(match v {
        Val::Null | Val::Void => Cow::Borrowed("null"),
        Val::Str(s) | Val::Error(s) => Cow::Borrowed(s.as_deref().unwrap_or("null")),
        Val::Array(a) => Cow::Owned(array_identity(&a.borrow())),
        Val::Long(_) | Val::Double(_) | Val::Bool(_) | Val::Map(_) => Cow::Owned(display(v)?),
        Val::DateTime(_) | Val::Zone(_) | Val::Property(_) | Val::Days(_) => {
            Cow::Owned(display(v)?)
        }
        Val::Formatter(Some(_)) => Cow::Borrowed("org.joda.time.format.DateTimeFormatter@0"),
        Val::Formatter(None) => Cow::Borrowed("null"),
        Val::Uuid(_) | Val::Params | Val::Util | Val::Misc | Val::Math => {
            return Err(no_internal_val(v.ty()))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entered-map record answers the same before and after it outgrows its
    /// array.
    #[test]
    fn walk_remembers_entered_maps() {
        let mut w = Walk::default();
        for round in 0..2 {
            for id in (1..=40usize).rev() {
                assert_eq!(w.enter_first_time(id * 16), round == 0, "{round} {id}");
            }
        }
        let mut w = Walk::default();
        for id in 1..=FEW_MAPS {
            assert!(w.enter_first_time(id));
        }
        assert!(!w.enter_first_time(1));
        assert!(w.enter_first_time(FEW_MAPS + 1));
        assert!(!w.enter_first_time(FEW_MAPS));
        assert!(!w.enter_first_time(FEW_MAPS + 1));
    }
}
