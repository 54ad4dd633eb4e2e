//! The built-in library (§7): method calls, field accesses and constructors, dispatched
//! on the receiver's type. Each type's methods live in their own module.
//!
//! Receivers and arguments arrive as operand-stack entries so that methods that keep or
//! return objects (`Map.put`, `Map.getOrDefault`, `Arrays.asList`) preserve identity.

pub(crate) mod array;
pub(crate) mod ctor;
pub(crate) mod date;
pub(crate) mod double;
pub(crate) mod jm;
pub(crate) mod long;
pub(crate) mod map;
pub(crate) mod math;
pub(crate) mod misc;
pub(crate) mod params;
pub(crate) mod string;
pub(crate) mod util;
pub(crate) mod uuid;

use crate::error::SelError;
use crate::interp::Interp;
use crate::rt::display::display_list;
use crate::rt::{arg_vals, Args, Entry, Val};
use crate::types::Ty;

/// `<TYPE> DO NOT support calling method: <name> with args: [..]`.
pub(crate) fn no_method(ty: Ty, name: &str, args: &[Entry]) -> SelError {
    let vals = arg_vals(args);
    SelError::unsupported(format!(
        "{} DO NOT support calling method: {name} with args: {}",
        ty.name(),
        display_list(&vals)
    ))
}

/// `<TYPE> DO NOT support accessing field: <name>`.
pub(crate) fn no_field(ty: Ty, name: &str) -> SelError {
    SelError::unsupported(format!(
        "{} DO NOT support accessing field: {name}",
        ty.name()
    ))
}

/// A charged LONG result.
pub(crate) fn long_result(it: &mut Interp<'_>, x: i64) -> Result<Entry, SelError> {
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::Long(x)))
}

/// A charged DOUBLE result.
pub(crate) fn double_result(it: &mut Interp<'_>, x: f64) -> Result<Entry, SelError> {
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::Double(x)))
}

/// A charged BOOLEAN result.
pub(crate) fn bool_result(it: &mut Interp<'_>, b: bool) -> Result<Entry, SelError> {
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::Bool(b)))
}

/// A charged STRING result.
pub(crate) fn string_result(it: &mut Interp<'_>, s: impl AsRef<str>) -> Result<Entry, SelError> {
    Ok(Entry::Tmp(it.mem.new_string(s)?))
}

impl Interp<'_> {
    /// `recv.name(args)`.
    pub fn call(&mut self, recv: Entry, name: &str, args: Args) -> Result<Entry, SelError> {
        // Roughly how much input the call may scan, for the deadline (see `after_call`).
        let size = |v: &Val| match v {
            Val::Str(Some(s)) => s.len(),
            Val::Array(a) => a.borrow().len() * 8,
            Val::Map(Some(m)) => m.borrow().len() * 64,
            _ => 0,
        };
        let bytes = recv.with(size) + args.iter().map(|a| a.with(size)).sum::<usize>();
        let result = self.call_inner(recv, name, args);
        self.after_call(bytes)?;
        result
    }

    fn call_inner(&mut self, recv: Entry, name: &str, args: Args) -> Result<Entry, SelError> {
        match recv.get() {
            Val::Str(s) => string::call(self, s, name, args),
            Val::Long(x) => long::call(self, x, name, args),
            Val::Double(x) => double::call(self, x, name, args),
            Val::Map(m) => map::call(self, m, name, args),
            Val::Math => math::call(self, name, args),
            Val::Uuid(u) => uuid::call(self, u, name, args),
            Val::Misc => misc::call(self, name, args),
            Val::Util => util::call(self, name, args),
            Val::Params => params::call(self, name, args),
            Val::DateTime(d) => date::datetime::call(self, d, name, args),
            Val::Zone(z) => date::zone::call(self, z, name, args),
            Val::Formatter(f) => date::formatter::call(self, f, name, args),
            Val::Property(p) => date::property::call(self, p.as_deref(), name, args),
            Val::Days(d) => date::days::call(self, d, name, args),
            other => Err(SelError::unsupported(format!(
                "{} DO NOT support calling {name}",
                other.ty().name()
            ))),
        }
    }

    /// `recv.name`.
    pub fn field(&mut self, recv: Entry, name: &str) -> Result<Entry, SelError> {
        match recv.get() {
            Val::Array(a) => array::field(self, &a, name),
            Val::Misc => misc::field(self, name),
            Val::Params => self.params_field(Some(name)),
            Val::Zone(_) => date::zone::field(self, name),
            other => Err(no_field(other.ty(), name)),
        }
    }

    /// `new T(args)` (§7.2).
    pub fn construct(&mut self, ty: Ty, args: Args) -> Result<Val, SelError> {
        ctor::construct(self, ty, args)
    }
}
