//! `sel-grammar`: the front end of SEL.
//!
//! * [`parse`] turns source text into a [`ast::Program`] plus every syntax error found
//!   (the parser recovers, so one broken statement does not hide the others);
//! * errors carry a span and the exact text the Java reference would report;
//! * [`token_image`] renders a program's tokens the way the reference quotes them in
//!   some run-time errors.
//!
//! The lexer is built with `logos`; the parser is hand-written recursive descent that
//! mirrors the reference grammar's decision points (see `docs/architecture.md` for why).

pub mod ast;
pub mod error;

pub use ast::{Program, Span};
pub use error::{SyntaxError, SyntaxErrorKind};

/// The result of parsing: a (possibly partial) program and the errors, in source order.
/// `errors[0]`, if any, is the error the reference implementation reports.
#[derive(Clone, Debug)]
pub struct Parse {
    pub program: Program,
    pub errors: Vec<SyntaxError>,
}
