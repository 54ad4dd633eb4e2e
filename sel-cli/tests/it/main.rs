//! The integration tests of the `sel` command, one module per subcommand; most run the
//! real binary as a process (see `common`). They are built as ONE test binary (instead of
//! one per file) because linking a binary per file dominated the test build.

mod bench;
mod check_fmt;
mod common;
mod conformance;
mod docs;
mod eval;
mod repl;
