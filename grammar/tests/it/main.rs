//! The integration tests of sel-grammar, one module per subject. They are built as ONE
//! test binary (instead of one per file) because linking a binary per file dominated the
//! test build; `cargo test -p sel-grammar` runs them all.

mod api;
mod corpus;
mod depth;
mod format;
mod props;
mod snapshots;
