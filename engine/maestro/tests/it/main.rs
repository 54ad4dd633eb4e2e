//! End-to-end tests of the `maestro` binary: `maestro run` and `maestro validate` as
//! processes, `maestro server` over HTTP, and crash recovery of a server killed with
//! SIGKILL on SQLite and PostgreSQL. Everything runs the real binary; nothing is mocked.

mod common;
mod crash;
mod http;
mod pg;
mod run;
mod server;
mod validate;
