//! The integration tests of maestro-model, one module per subject, over the sample
//! workflows in tests/data. They are built as ONE test binary (instead of one per file)
//! because linking a binary per file dominated the test build.

mod common;
mod diagnostics;
mod dsl_samples;
mod json_samples;
mod proptests;
mod samples_load;
