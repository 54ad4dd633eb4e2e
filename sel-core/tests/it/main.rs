//! sel-core's integration tests, in one binary (linking one binary instead of eight is
//! most of the build time of `cargo test` on a small machine). The exhaustion attacks
//! stay a binary of their own: they install a counting global allocator.

mod common;

mod cache;
mod fast_loops;
mod host;
mod limits;
mod props_eval;
mod spans;
mod vectors;
