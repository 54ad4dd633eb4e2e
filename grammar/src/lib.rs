//! `sel-grammar`: the front end of SEL.
//!
//! * [`parse`] turns source text into a [`ast::Program`] plus every syntax error found
//!   (the parser recovers, so one broken statement does not hide the others);
//! * errors carry a span and the exact text the Java reference would report
//!   (`errors[0]` is the error the reference raises, to the character);
//! * [`token_image`] renders a program's tokens the way the reference quotes them in
//!   some run-time errors; [`tokens`] classifies tokens for syntax highlighting;
//! * [`dump`] prints a tree as a compact S-expression (for tests and debugging);
//! * [`format()`] is the canonical pretty-printer.
//!
//! The lexer is built with `logos`. The parser is hand-written recursive descent rather
//! than generated (e.g. by lalrpop) on purpose: the reference's `ParseException`
//! messages list the tokens that JavaCC's LL(1) machinery expected at the failure,
//! including the side effects of its syntactic look-aheads, and an LR parser has no
//! such notion. Mirroring the reference's productions and decision points lets us
//! reproduce those lists exactly (see [`parser`](crate::parser) for the two modes), and
//! a hand-written parser is also faster and recovers from errors better.
//!
//! Nesting is bounded by [`MAX_DEPTH`]; deeper input yields a
//! [`SyntaxErrorKind::TooDeep`] error instead of overflowing the stack.

pub mod ast;
pub mod dump;
pub mod error;
mod fastlex;
pub mod format;
mod highlight;
mod javacc;
mod kind;
mod lexer;
mod literal;
mod parser;
mod source;

pub use ast::{Program, Span};
pub use dump::dump;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use format::format;
pub use highlight::{tokens, Token, TokenKind};
#[doc(hidden)]
pub use parser::GaveUp;

use lexer::FrontError;
use source::Source;
use std::cell::Cell;

/// The deepest nesting the parser accepts: each expression (parenthesised, argument,
/// index, operand of `?:` or `=`...), each prefix operator and each statement (a block,
/// a loop or `if` body) counts one level. The reference survives 100 nested parentheses
/// and overflows its stack at 4000; deeper programs get [`SyntaxErrorKind::TooDeep`].
/// Consumers that walk the tree recursively can rely on this bound.
pub const MAX_DEPTH: u32 = 1000;

/// The result of parsing: a (possibly partial) program and the errors, in source order.
/// `errors[0]`, if any, is the error the reference implementation reports.
#[derive(Clone, Debug)]
pub struct Parse {
    pub program: Program,
    pub errors: Vec<SyntaxError>,
}

impl Parse {
    /// The program if there were no errors.
    pub fn ok(self) -> Result<Program, Vec<SyntaxError>> {
        if self.errors.is_empty() {
            Ok(self.program)
        } else {
            Err(self.errors)
        }
    }
}

thread_local! {
    /// The token buffer of this thread's last parse, reused by its next one: hosts
    /// parse every expression they evaluate, and a fresh buffer costs an allocation.
    static TOKENS: Cell<Vec<lexer::Tok>> = const { Cell::new(Vec::new()) };
}

/// Recycled token buffers larger than this many tokens are dropped instead.
const MAX_KEPT_TOKENS: usize = 4096;

/// Parses a SEL program.
pub fn parse(src: &str) -> Parse {
    let source = Source::new(src);
    let lexed = lexer::lex_with(&source, TOKENS.take());
    let parse = parse_lexed(&source, &lexed);
    let toks = lexed.toks;
    if toks.capacity() <= MAX_KEPT_TOKENS {
        TOKENS.set(toks);
    }
    parse
}

fn parse_lexed(source: &Source, lexed: &lexer::Lexed) -> Parse {
    let (mut program, mut errors) = parser::parse_fast(source, lexed);
    program.comments = lexed
        .comments
        .iter()
        .map(|&(block, s, e)| ast::Comment {
            kind: if block {
                ast::CommentKind::Block
            } else {
                ast::CommentKind::Line
            },
            span: Span::new(source.original_offset(s), source.original_offset(e)),
        })
        .collect();
    if errors.is_empty() && lexed.errors.is_empty() {
        return Parse { program, errors };
    }
    // Each lexical error's line and column are counted from the start of the text,
    // so their number is capped like the parser's (input full of stray characters
    // took seconds).
    errors.extend(
        lexed
            .errors
            .iter()
            .take(parser::MAX_ERRORS)
            .map(|(_, e)| front_error(source, e)),
    );
    errors.sort_by_key(|e| e.span.start);
    if let Ok(Some(first)) = parser::first_error(source, lexed) {
        errors.retain(|e| !(e.kind == first.kind && e.span == first.span));
        errors.insert(0, first);
    }
    Parse { program, errors }
}

/// A lexer-level error as the reference reports it.
fn front_error(src: &Source, e: &FrontError) -> SyntaxError {
    match e {
        FrontError::Lex(l) => {
            let at = src.original_offset(l.last);
            let len = src.text[l.last as usize..]
                .chars()
                .next()
                .map_or(0, |c| c.len_utf8() as u32);
            SyntaxError {
                kind: SyntaxErrorKind::Lexical,
                message: javacc::lexical_error(src, l),
                span: Span::new(at, src.original_offset(l.last + len)),
            }
        }
        FrontError::Escape(p, m) => {
            let at = src.original_offset(*p);
            SyntaxError {
                kind: SyntaxErrorKind::InvalidUnicodeEscape,
                message: m.clone(),
                span: Span::new(at, at + 2),
            }
        }
    }
}

/// The program's tokens as the reference quotes them in run-time errors
/// (`Invalid expression : break ;  with wrong return type: BREAK`): every token's text
/// (after `\u` decoding) followed by one space; comments are left out.
pub fn token_image(src: &str) -> String {
    let source = Source::new(src);
    let lexed = lexer::lex(&source);
    let mut out = String::with_capacity(src.len() + 8);
    for t in &lexed.toks[..lexed.toks.len() - 1] {
        out.push_str(&source.text[t.start as usize..t.end as usize]);
        out.push(' ');
    }
    out
}

impl SyntaxError {
    /// 1-based line and column (in characters) of the start of the error in `src`.
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        let start = (self.span.start as usize).min(src.len());
        let before = src.get(..start).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

/// The first error as the reference computes it, found by the diagnostic parser alone
/// (for tests that check it agrees with [`parse`]). `Err(GaveUp)` when its look-aheads
/// ran out of their budget; [`parse`] then reports the fast pass's errors.
#[doc(hidden)]
pub fn reference_error(src: &str) -> Result<Option<SyntaxError>, GaveUp> {
    let source = Source::new(src);
    let lexed = lexer::lex(&source);
    parser::first_error(&source, &lexed)
}
