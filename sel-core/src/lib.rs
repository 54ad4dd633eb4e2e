//! `sel-core`: SEL values, the validation pass, the bounded interpreter, the built-in
//! library and the host API.
//!
//! No I/O, no global state: everything an evaluation needs is in the `Evaluator` it
//! runs on and the arguments it is given, and evaluators are `Send + Sync`.

mod builtins;
mod cache;
pub mod catalog;
pub mod error;
mod evaluator;
mod host;
mod interp;
pub mod java;
pub mod joda;
mod limits;
pub mod maestro;
mod memory;
mod ops;
mod rt;
mod sanitize;
pub mod typecheck;
mod types;
mod validate;
mod value;

pub use cache::CacheStats;
pub use error::{ErrorKind, SelError};
pub use evaluator::{Evaluator, Prepared};
pub use host::{Clock, Extension, FixedClock, SystemClock, UtilFunction, Vars};
pub use limits::Limits;
pub use sanitize::{sanitize, sanitized_start};
pub use types::STATIC_NAMES;
pub use value::Value;

/// Compiles and runs the README's Rust example as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
