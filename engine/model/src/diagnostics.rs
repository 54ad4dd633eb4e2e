//! Problems found while reading a workflow document, each with the span it is about.
//!
//! Nothing in this crate fails hard on a bad document: syntax errors, model errors and
//! validation errors are all collected as diagnostics next to whatever could be read,
//! because the language server has to show them on documents that are being edited.

use crate::spanned::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// What kind of problem a diagnostic reports, for clients that react to some kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    /// The document is not well-formed JSON or YAML.
    Syntax,
    /// A bad escape sequence or a control character in a string.
    Escape,
    /// A value of the wrong kind (a number where a string belongs, ...).
    WrongKind,
    /// A required field is absent.
    Missing,
    /// A key the model does not know (kept, not used).
    UnknownKey,
    /// The same key twice in one object.
    DuplicateKey,
    /// An enum value (param type, mode, step type, ...) that does not exist.
    UnknownValue,
    /// A param definition with both `value` and `expression`, or neither.
    ValueAndExpression,
    /// An id or name that breaks Maestro's identifier rules.
    InvalidIdentifier,
    /// Two steps with one id.
    DuplicateStepId,
    /// A successor or predecessor that is not a sibling step.
    UnknownStep,
    /// A DSL-specific problem (bad param key syntax, bad transition line, ...).
    Dsl,
    /// Any other rule of the model.
    Invalid,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub span: Span,
    pub message: String,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
        }
    }

    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code,
            span,
            message: message.into(),
        }
    }
}

/// A collector passed through the readers.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.items.push(Diagnostic::error(code, span, message));
    }

    pub fn warning(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.items.push(Diagnostic::warning(code, span, message));
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
}
