//! Internal values, boxes and element places.
//!
//! The reference represents every value as a mutable heap object whose identity can be
//! observed (declarations alias, `=` mutates in place, `Map.put` stores the object, array
//! elements are objects). We keep that model where it is observable and avoid it where
//! it is not:
//!
//! * [`Val`] is a payload: scalars inline, strings as immutable `Rc<str>`, arrays and
//!   maps as shared storage (`Rc<RefCell<..>>`), so copying a `Val` is cheap and
//!   copying an array/map `Val` shares its storage exactly like the reference's
//!   "direct assignment" does.
//! * [`Ref`] is an object with identity: either a box (`Rc<RefCell<Val>>`) or an element
//!   place inside typed array storage (`(storage, index)`), which behaves exactly like the
//!   reference's per-element objects without allocating one per element.
//! * [`Entry`] is an operand-stack slot: a fresh temporary (no identity yet), a place, or
//!   an unmaterialised literal (its box is created only if something keeps it).

use crate::joda::{DateTime, Formatter, Property, Zone};
use crate::rt::javamap::JMap;
use crate::types::Ty;
use sel_grammar::ast::ExprId;
use std::cell::RefCell;
use std::rc::Rc;

pub(crate) type Str = Rc<str>;
pub(crate) type Arr = Rc<RefCell<ArrayData>>;
pub(crate) type MapRef = Rc<RefCell<JMap>>;

/// Typed array storage. Each slot is one reference "element object" (see [`Ref::Elem`]).
#[derive(Clone, Debug)]
pub(crate) enum ArrayData {
    Str(Vec<Option<Str>>),
    Long(Vec<i64>),
    Double(Vec<f64>),
    Bool(Vec<bool>),
}

impl ArrayData {
    pub fn ty(&self) -> Ty {
        match self {
            ArrayData::Str(_) => Ty::StringArray,
            ArrayData::Long(_) => Ty::LongArray,
            ArrayData::Double(_) => Ty::DoubleArray,
            ArrayData::Bool(_) => Ty::BooleanArray,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            ArrayData::Str(v) => v.len(),
            ArrayData::Long(v) => v.len(),
            ArrayData::Double(v) => v.len(),
            ArrayData::Bool(v) => v.len(),
        }
    }

    /// `len` default elements of array type `ty` (`null`, `0`, `0.0`, `false`).
    pub fn defaults(ty: Ty, len: usize) -> Option<ArrayData> {
        Some(match ty {
            Ty::StringArray => ArrayData::Str(vec![None; len]),
            Ty::LongArray => ArrayData::Long(vec![0; len]),
            Ty::DoubleArray => ArrayData::Double(vec![0.0; len]),
            Ty::BooleanArray => ArrayData::Bool(vec![false; len]),
            _ => return None,
        })
    }

    /// The element at `i` as a value (caller checked the bounds).
    pub fn get(&self, i: usize) -> Val {
        match self {
            ArrayData::Str(v) => Val::Str(v[i].clone()),
            ArrayData::Long(v) => Val::Long(v[i]),
            ArrayData::Double(v) => Val::Double(v[i]),
            ArrayData::Bool(v) => Val::Bool(v[i]),
        }
    }

    /// Stores `val` at `i`; the caller checked bounds and that the type matches.
    pub fn set(&mut self, i: usize, val: Val) {
        match (self, val) {
            (ArrayData::Str(v), Val::Str(s)) => v[i] = s,
            (ArrayData::Long(v), Val::Long(x)) => v[i] = x,
            (ArrayData::Double(v), Val::Double(x)) => v[i] = x,
            (ArrayData::Bool(v), Val::Bool(x)) => v[i] = x,
            _ => {}
        }
    }
}

/// A UUID's 128 bits as two words: a `u128` field would make every value 16-byte
/// aligned, and larger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UuidBits([u64; 2]);

impl From<u128> for UuidBits {
    fn from(x: u128) -> UuidBits {
        UuidBits([(x >> 64) as u64, x as u64])
    }
}

impl From<UuidBits> for u128 {
    fn from(u: UuidBits) -> u128 {
        (u.0[0] as u128) << 64 | u.0[1] as u128
    }
}

/// A SEL value payload.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    Null,
    Void,
    Long(i64),
    Double(f64),
    Bool(bool),
    /// `None` = a declared-but-unset `String` (Java null).
    Str(Option<Str>),
    Array(Arr),
    /// `None` = uninitialised map.
    Map(Option<MapRef>),
    /// The value of `throw` (message may be null).
    Error(Option<Str>),
    Uuid(Option<UuidBits>),
    Params,
    Util,
    Misc,
    Math,
    // The Joda objects are immutable, so copying a payload is as good as sharing it.
    // `None` = a null payload (the statics, declarations without initializer).
    DateTime(Option<DateTime>),
    Zone(Option<Zone>),
    Formatter(Option<Formatter>),
    /// Boxed: a property is rare and would otherwise widen every value.
    Property(Option<Rc<Property>>),
    /// `Days`: a number of days.
    Days(Option<i32>),
}

impl Val {
    pub fn ty(&self) -> Ty {
        match self {
            Val::Null => Ty::Null,
            Val::Void => Ty::Void,
            Val::Long(_) => Ty::Long,
            Val::Double(_) => Ty::Double,
            Val::Bool(_) => Ty::Boolean,
            Val::Str(_) => Ty::String,
            Val::Array(a) => a.borrow().ty(),
            Val::Map(_) => Ty::Map,
            Val::Error(_) => Ty::Error,
            Val::Uuid(_) => Ty::Uuid,
            Val::Params => Ty::PresetParams,
            Val::Util => Ty::PresetUtilFunction,
            Val::Misc => Ty::PresetMiscFuncFields,
            Val::Math => Ty::Math,
            Val::DateTime(_) => Ty::DateTime,
            Val::Zone(_) => Ty::DateTimeZone,
            Val::Formatter(_) => Ty::DateTimeFormatter,
            Val::Property(_) => Ty::DateTimeProperty,
            Val::Days(_) => Ty::DateTimeDays,
        }
    }

    pub fn str(s: &str) -> Val {
        Val::Str(Some(Rc::from(s)))
    }

    pub fn string(s: String) -> Val {
        Val::Str(Some(Rc::from(s)))
    }

    /// The default value of a type (declaration without initializer, `createIfMissing`).
    pub fn default_of(ty: Ty) -> Option<Val> {
        Some(match ty {
            Ty::String => Val::Str(None),
            Ty::Long => Val::Long(0),
            Ty::Double => Val::Double(0.0),
            Ty::Boolean => Val::Bool(false),
            Ty::StringArray | Ty::LongArray | Ty::DoubleArray | Ty::BooleanArray => {
                Val::Array(Rc::new(RefCell::new(ArrayData::defaults(ty, 0)?)))
            }
            Ty::Map => Val::Map(None),
            Ty::Uuid => Val::Uuid(None),
            Ty::DateTime => Val::DateTime(None),
            Ty::DateTimeZone => Val::Zone(None),
            Ty::DateTimeFormatter => Val::Formatter(None),
            Ty::DateTimeProperty => Val::Property(None),
            Ty::DateTimeDays => Val::Days(None),
            _ => return None,
        })
    }

    pub fn new_array(data: ArrayData) -> Val {
        Val::Array(Rc::new(RefCell::new(data)))
    }

    pub fn new_map(map: JMap) -> Val {
        Val::Map(Some(Rc::new(RefCell::new(map))))
    }
}

/// An object with identity: a box, or an element of typed array storage.
#[derive(Clone, Debug)]
pub(crate) enum Ref {
    Box(Rc<RefCell<Val>>),
    Elem(Arr, u32),
}

impl Ref {
    pub fn new(v: Val) -> Ref {
        Ref::Box(Rc::new(RefCell::new(v)))
    }

    /// The current payload.
    #[inline]
    pub fn get(&self) -> Val {
        match self {
            Ref::Box(b) => b.borrow().clone(),
            Ref::Elem(a, i) => a.borrow().get(*i as usize),
        }
    }

    pub fn ty(&self) -> Ty {
        match self {
            Ref::Box(b) => b.borrow().ty(),
            Ref::Elem(a, _) => match &*a.borrow() {
                ArrayData::Str(_) => Ty::String,
                ArrayData::Long(_) => Ty::Long,
                ArrayData::Double(_) => Ty::Double,
                ArrayData::Bool(_) => Ty::Boolean,
            },
        }
    }

    /// Replaces the payload (the caller enforced the assignment rules).
    pub fn set(&self, v: Val) {
        match self {
            Ref::Box(b) => *b.borrow_mut() = v,
            Ref::Elem(a, i) => a.borrow_mut().set(*i as usize, v),
        }
    }

    /// Whether both denote the same object.
    #[cfg(test)]
    pub fn same(&self, other: &Ref) -> bool {
        match (self, other) {
            (Ref::Box(a), Ref::Box(b)) => Rc::ptr_eq(a, b),
            (Ref::Elem(a, i), Ref::Elem(b, j)) => Rc::ptr_eq(a, b) && i == j,
            _ => false,
        }
    }
}

/// The arguments of a call as the operand stack holds them. (A list inline in the
/// frame was tried: moving it through the dispatch layers cost more than the one
/// allocation it saves.)
pub(crate) type Args = Vec<Entry>;

/// The argument values of a call, inline up to four: built and read in one frame.
pub(crate) type Vals = smallvec::SmallVec<[Val; 4]>;

/// The current values of `args`, for methods that only read them.
pub(crate) fn arg_vals(args: &[Entry]) -> Vals {
    args.iter().map(Entry::get).collect()
}

/// An operand-stack slot.
#[derive(Clone, Debug)]
pub(crate) enum Entry {
    /// A freshly created value: nobody else can observe it yet.
    Tmp(Val),
    /// An existing object.
    Ref(Ref),
    /// A scalar literal whose per-evaluation box has not been created yet.
    Lit(ExprId, Val),
}

impl Entry {
    pub fn get(&self) -> Val {
        match self {
            Entry::Tmp(v) | Entry::Lit(_, v) => v.clone(),
            Entry::Ref(r) => r.get(),
        }
    }

    pub fn ty(&self) -> Ty {
        match self {
            Entry::Tmp(v) | Entry::Lit(_, v) => v.ty(),
            Entry::Ref(r) => r.ty(),
        }
    }

    pub fn into_val(self) -> Val {
        match self {
            Entry::Tmp(v) | Entry::Lit(_, v) => v,
            Entry::Ref(r) => r.get(),
        }
    }

    /// Runs `f` on the current payload without copying it (element places hand over a
    /// copy of the element, which is a scalar or a shared string).
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&Val) -> R) -> R {
        match self {
            Entry::Tmp(v) | Entry::Lit(_, v) => f(v),
            Entry::Ref(Ref::Box(b)) => f(&b.borrow()),
            Entry::Ref(Ref::Elem(a, i)) => f(&a.borrow().get(*i as usize)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value move copies a `Val` (and stack entries, boxes and argument lists
    /// hold them): keep it at three words. Dates, zones and formatters are stored
    /// inline within that (the property boxed).
    #[test]
    fn values_stay_small() {
        assert_eq!(std::mem::size_of::<Val>(), 24);
        assert_eq!(std::mem::align_of::<Val>(), 8);
        assert_eq!(std::mem::size_of::<Entry>(), 32);
    }

    #[test]
    fn uuid_bits_round_trip() {
        for x in [
            0u128,
            1,
            u64::MAX as u128,
            1 << 64,
            u128::MAX,
            0x0123_4567_89ab_cdef_fedc_ba98_7654_3210,
        ] {
            assert_eq!(u128::from(UuidBits::from(x)), x);
        }
    }
}
