//! Type inference: the checker shared with `sel check`, which lives in
//! [`sel_core::typecheck`] so that both report the same type errors.

pub use sel_core::typecheck::*;
