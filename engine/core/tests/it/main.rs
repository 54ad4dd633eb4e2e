//! The core's integration tests, in one binary: workflows driven to their end in memory
//! with virtual time (no store, no I/O), and property tests against a reference model.

mod common;
mod dag_props;
mod params;
mod samples;
