//! Errors of the core, each with the kind the REST API maps to an HTTP status.

use std::fmt;

/// What kind of failure, in Maestro's terms (§7: bad request → 400, not found → 404, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad input: invalid definition, param, request (400).
    Invalid,
    NotFound,
    Conflict,
    PreconditionFailed,
    Unprocessable,
    /// A bug or an unexpected state (500).
    Internal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError {
    pub kind: ErrorKind,
    pub message: String,
    /// Further problems (a validation reports every one it finds).
    pub errors: Vec<String>,
}

impl EngineError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> EngineError {
        EngineError {
            kind,
            message: message.into(),
            errors: Vec::new(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::Invalid, message)
    }

    pub fn not_found(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::NotFound, message)
    }

    pub fn internal(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::Internal, message)
    }

    pub fn conflict(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::Conflict, message)
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        for e in &self.errors {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for EngineError {}
