//! The `maestro` binary's library: the engine host (store, timers, actors, step
//! runtimes), the REST API, and the commands `run`, `server` and `validate`.
//!
//! All rules of Maestro live in maestro-core; this crate does the I/O around them, so
//! `maestro run` (one process, no server) and `maestro server` behave the same.

pub mod api;
pub mod cli;
pub mod engine;
pub mod location;
pub mod shell;
