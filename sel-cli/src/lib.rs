//! The library behind the `sel` command: each subcommand's logic lives in a module here
//! so that tests can drive it in-process, and `main.rs` only parses arguments.

pub mod alloc;
pub mod bench;
pub mod check;
pub mod conformance;
pub mod diagnostic;
pub mod eval;
pub mod excerpt;
pub mod exit;
pub mod fmt;
pub mod repl;
