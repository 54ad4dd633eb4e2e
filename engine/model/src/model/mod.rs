//! Maestro's workflow definition model (SPEC §1), with source positions.
//!
//! The same types come out of the JSON reader and of the YAML DSL translation. Every
//! name-carrying thing keeps where its name is written, every SEL-carrying string keeps
//! its [`SourceText`], and fields whose rules are not needed yet (timeouts, retry
//! policies, tags) are kept as raw [`Node`]s. Maps keep document order.

mod param;
pub(crate) mod read;
mod step;
mod trigger;
mod workflow;

pub use param::{Param, ParamMap, ParamMode, ParamSyntax, ParamType};
pub use step::{Step, StepKind, Successor, SuccessorSyntax, Transition};
pub use trigger::{
    DependencyMatchParam, SignalDependency, SignalMatchParam, SignalOutput, SignalTrigger,
    SignalTriggerDefinition, TimeTrigger,
};
pub use workflow::{JobTemplate, Properties, Workflow};

pub(crate) use param::{read_param, read_param_map};
pub(crate) use step::read_steps;
pub(crate) use trigger::{read_signal_dependencies, read_signal_outputs};
pub(crate) use workflow::{read_job_template, read_properties, read_workflow};

use crate::escapes::SourceMap;
use crate::spanned::{Span, Str};

/// A name as written in the document: a step id, a param name, a successor key.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub text: String,
    /// Where the name's characters are (inside quotes; for a DSL param key like
    /// `'!x<long>'` just the `x`).
    pub span: Span,
}

impl Name {
    pub fn new(text: impl Into<String>, span: Span) -> Name {
        Name {
            text: text.into(),
            span,
        }
    }

    pub(crate) fn from_str(s: &Str) -> Name {
        Name::new(s.value.clone(), read::content_span(s))
    }
}

/// Text that is SEL (or interpolated), with its exact mapping into the document.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceText {
    pub text: String,
    pub map: SourceMap,
    /// The span of the node the text came from (quotes included); for synthesized text,
    /// what it is attributed to.
    pub span: Span,
}

impl SourceText {
    pub(crate) fn from_str(s: &Str, span: Span) -> SourceText {
        SourceText {
            text: s.value.clone(),
            map: s.map.clone(),
            span,
        }
    }

    /// Text with no source of its own, attributed to `span` as a whole.
    pub fn synthetic(text: impl Into<String>, span: Span) -> SourceText {
        let text = text.into();
        let map = SourceMap::synthetic(text.len(), span);
        SourceText { text, map, span }
    }
}
