//! A Maestro-compatible workflow engine, as a library.
//!
//! Its first piece is the workflow model: Maestro workflow definitions read from JSON
//! and from the YAML DSL with source positions, and the places in them that hold SEL,
//! which the language server and the scheduler share.
//!
//! Entry points: [`load`] (or [`load_json`]/[`load_yaml`]) gives a [`WorkflowDocument`]
//! with the model and its diagnostics; [`sel_sites`] lists every SEL expression and
//! interpolated string with an exact position map; [`name_tables`] gives the names the
//! language server completes and resolves.

pub mod canonical;
pub mod diagnostics;
pub mod document;
mod dsl;
pub mod escapes;
pub mod instance;
pub mod interpolation;
pub mod json;
pub mod model;
pub mod names;
pub mod sites;
pub mod spanned;
pub mod validate;
pub mod yaml;
pub mod yaml_scalar;

pub use diagnostics::{Code, Diagnostic, Severity};
pub use document::{load, load_json, load_yaml, Format, Shape, WorkflowDocument};
pub use escapes::SourceMap;
pub use json::parse_json;
pub use model::{Param, ParamMap, ParamMode, ParamType, SourceText, Step, StepKind, Workflow};
pub use names::{name_tables, NameDef, NameTables, SignalName, SignalSource, StepNames};
pub use sites::{sel_sites, Owner, Scope, SelSite, SiteKind, SiteReference};
pub use spanned::{Member, Node, NodeKind, Number, Span, Spanned, Str};
pub use yaml::parse_yaml;
