//! The flat per-evaluation namespace (§4.6): statics seeded on first use, inputs
//! converted lazily on first lookup, declarations rebinding.

use super::{Fault, Interp};
use crate::error::SelError;
use crate::rt::convert::box_value;
use crate::rt::{Ref, Val};
use crate::types::Ty;
use sel_grammar::ast::Symbol;

/// The state of one name.
#[derive(Clone, Debug)]
pub(crate) enum Slot {
    /// Not looked at yet (statics and inputs are bound on first use).
    Unresolved,
    /// Neither bound nor an input: evaluates to NULL.
    Absent,
    Bound(Ref),
}

/// The value a static name starts each evaluation with (§7.1). Every evaluation gets
/// its own boxes, so `Integer = 7` cannot leak into the next one (§11.2 B1).
fn static_value(name: &str) -> Option<Val> {
    Some(match name {
        "Integer" | "Long" => Val::Long(0),
        "Float" | "Double" => Val::Double(0.0),
        "Boolean" => Val::Bool(false),
        "String" => Val::Str(None),
        "Map" | "HashMap" | "LinkedHashMap" => Val::Map(None),
        "UUID" => Val::Uuid(None),
        "DateTimeConstants" | "System" | "Arrays" => Val::Misc,
        "Math" => Val::Math,
        "Util" => Val::Util,
        "params" => Val::Params,
        "DateTime" => Val::DateTime(None),
        "DateTimeZone" => Val::Zone(None),
        "DateTimeFormatter" | "DateTimeFormat" => Val::Formatter(None),
        "Property" => Val::Property(None),
        "Days" => Val::Days(None),
        _ => return None,
    })
}

impl Interp<'_> {
    /// The object bound to `sym`, if any (NULL otherwise).
    #[inline]
    pub fn lookup(&mut self, sym: Symbol) -> Result<Option<Ref>, Fault> {
        match &self.slots[sym.0 as usize] {
            Slot::Bound(r) => Ok(Some(r.clone())),
            Slot::Absent => Ok(None),
            Slot::Unresolved => self.resolve(sym),
        }
    }

    /// The current value of the object bound to `sym` (NULL if none), without
    /// handing out the box.
    #[inline]
    pub fn value_of(&mut self, sym: Symbol) -> Result<Val, Fault> {
        match &self.slots[sym.0 as usize] {
            // Scalars are copied without going through the general clone.
            Slot::Bound(Ref::Box(b)) => Ok(match &*b.borrow() {
                Val::Long(x) => Val::Long(*x),
                Val::Double(x) => Val::Double(*x),
                Val::Bool(x) => Val::Bool(*x),
                other => other.clone(),
            }),
            Slot::Bound(r) => Ok(r.get()),
            Slot::Absent => Ok(Val::Null),
            Slot::Unresolved => Ok(self.resolve(sym)?.map_or(Val::Null, |r| r.get())),
        }
    }

    #[cold]
    fn resolve(&mut self, sym: Symbol) -> Result<Option<Ref>, Fault> {
        let name = self.prog.name(sym);
        let val = if let Some(v) = static_value(name) {
            Some(v)
        } else if let Some(host) = self.vars.get(name) {
            Some(box_value(host, &mut self.mem)?)
        } else if self.vars.contains(name) {
            // A host may know a name without a value for it: the input is NULL.
            Some(Val::Null)
        } else {
            None
        };
        Ok(match val {
            Some(v) => {
                let r = Ref::new(v);
                self.slots[sym.0 as usize] = Slot::Bound(r.clone());
                Some(r)
            }
            None => {
                self.slots[sym.0 as usize] = Slot::Absent;
                None
            }
        })
    }

    /// Binds `sym` to `r` (declarations).
    pub fn bind(&mut self, sym: Symbol, r: Ref) {
        self.slots[sym.0 as usize] = Slot::Bound(r);
    }

    /// The reference's `createIfMissing` for plain `=`: binds the input or a fresh
    /// default of `ty` unless the name is bound.
    pub fn create_if_missing(&mut self, sym: Symbol, ty: Ty) -> Result<(), Fault> {
        if self.lookup(sym)?.is_none() {
            let v = self.default_value(ty)?;
            self.bind(sym, Ref::new(v));
        }
        Ok(())
    }

    /// A charged default value of `ty` (§5.2).
    pub fn default_value(&mut self, ty: Ty) -> Result<Val, SelError> {
        let v = Val::default_of(ty).ok_or_else(|| {
            SelError::unsupported(format!(
                "Not support creating an empty object for type {}",
                ty.name()
            ))
        })?;
        self.mem.charge_object()?;
        Ok(v)
    }
}
