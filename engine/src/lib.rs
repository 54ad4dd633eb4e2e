//! A Maestro-compatible workflow engine, as a library.
//!
//! Its first piece is the workflow model: Maestro workflow definitions read from JSON
//! and from the YAML DSL with source positions, and the places in them that hold SEL,
//! which the language server and the scheduler share.

pub mod diagnostics;
pub mod escapes;
pub mod json;
pub mod spanned;
pub mod yaml;
pub mod yaml_scalar;

pub use diagnostics::{Code, Diagnostic, Severity};
pub use escapes::SourceMap;
pub use json::parse_json;
pub use spanned::{Member, Node, NodeKind, Number, Span, Spanned, Str};
pub use yaml::parse_yaml;
