//! `sel-core`: SEL values, the validation pass, the bounded interpreter, the built-in
//! library and the host API.
//!
//! No I/O, no global state: everything an evaluation needs is in the `Evaluator` it
//! runs on and the arguments it is given, and evaluators are `Send + Sync`.

pub mod error;
pub mod java;
pub mod joda;

pub use error::{ErrorKind, SelError};
