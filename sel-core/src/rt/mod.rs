//! The interpreter's internal value model: shared mutable boxes with the reference's
//! identity semantics (§4.7), Java `HashMap` emulation, display and string conversion,
//! and the conversions between internal values and host values.
//!
//! These types use `Rc` and are not `Send`; they never leave an evaluation. The
//! host-facing [`crate::Value`] is produced from them at the end.

pub(crate) mod convert;
pub(crate) mod display;
pub(crate) mod javamap;
pub(crate) mod val;

pub(crate) use javamap::JMap;
pub(crate) use val::{arg_vals, Args, Arr, ArrayData, Entry, MapRef, Ref, Str, UuidBits, Val};
