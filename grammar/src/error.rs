//! Syntax errors: what went wrong, where, and the reference's exact message text.

use crate::ast::Span;
use std::fmt;

/// The kinds of error the front end reports. Each maps to the Java exception class the
/// reference raises for it, which is what users see in Maestro.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    /// The parser met an unexpected token (`ParseException`).
    Parse,
    /// The lexer met a character or an unterminated literal/comment (`TokenMgrError`).
    Lexical,
    /// An integer literal that the reference cannot parse (hex, or over `i64::MAX`).
    NumberFormat,
    /// A string literal with an escape the reference rejects when decoding (octal).
    InvalidEscape,
    /// A malformed `\uXXXX` escape (`java.lang.Error`).
    InvalidUnicodeEscape,
    /// Nesting deeper than the parser's bound (the reference overflows its stack).
    TooDeep,
}

impl SyntaxErrorKind {
    /// The fully qualified Java class name the reference reports for this kind.
    pub fn java_class(self) -> &'static str {
        match self {
            SyntaxErrorKind::Parse => "com.netflix.sel.ast.ParseException",
            SyntaxErrorKind::Lexical => "com.netflix.sel.ast.TokenMgrError",
            SyntaxErrorKind::NumberFormat => "java.lang.NumberFormatException",
            SyntaxErrorKind::InvalidEscape => "java.lang.IllegalArgumentException",
            SyntaxErrorKind::InvalidUnicodeEscape => "java.lang.Error",
            SyntaxErrorKind::TooDeep => "java.lang.StackOverflowError",
        }
    }
}

/// One syntax error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The reference's message text, exactly (without the class name).
    pub message: String,
    /// Where in the original source the error is.
    pub span: Span,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.java_class(), self.message)
    }
}

impl std::error::Error for SyntaxError {}
