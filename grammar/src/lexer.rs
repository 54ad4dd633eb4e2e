//! The lexer: the reference's token inventory, built with `logos` over the decoded text.
//!
//! Tokens carry the reference's kind numbers ([`crate::kind`]). Lexing never stops: a
//! lexical error is recorded and the lexer skips ahead, so the parser can report more
//! than one problem. The reference lexes lazily and stops at its first lexical error, so
//! we also record the token index at which that first error would be raised; the exact
//! error emulation ([`crate::parser`] in diagnostic mode) treats that index as the end of
//! the stream.

use crate::kind::{self, Kind};
use crate::source::Source;
use logos::Logos;

/// A token: kind and decoded byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Kind,
    /// Set on a string literal the lexer rejected (kept so the parser can carry on).
    pub bad: bool,
    /// Set (by the fast lexer only) on a string literal without a backslash, whose
    /// value is then its text between the quotes.
    pub plain: bool,
    pub start: u32,
    pub end: u32,
}

/// Where a lexical error was found, in decoded offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LexError {
    /// Start of the token being scanned.
    pub start: u32,
    /// The last character the reference's lexer read (the one that did not fit, or the
    /// last character of the input when it ran out).
    pub last: u32,
    /// Inside a comment the reference reports no partial image.
    pub in_comment: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FrontError {
    Lex(LexError),
    /// A malformed `\u` escape, with the reference's message.
    Escape(u32, String),
}

#[derive(Debug, Default, PartialEq)]
pub(crate) struct Lexed {
    /// The tokens, then an end-of-file token (`start == end == text.len()`).
    pub toks: Vec<Tok>,
    /// `(is block comment, start, end)` in decoded offsets.
    pub comments: Vec<(bool, u32, u32)>,
    /// Every lexical error, with the index of the token it precedes or replaces.
    pub errors: Vec<(usize, FrontError)>,
    /// The error the reference stops at and the token index whose fetch raises it.
    pub stop: Option<(usize, FrontError)>,
}

#[derive(Logos, Clone, Copy, Debug, PartialEq)]
enum Raw {
    #[token("abstract", |_| kind::ABSTRACT)]
    #[token("boolean", |_| kind::BOOLEAN)]
    #[token("break", |_| kind::BREAK)]
    #[token("byte", |_| kind::BYTE)]
    #[token("case", |_| kind::CASE)]
    #[token("catch", |_| kind::CATCH)]
    #[token("char", |_| kind::CHAR)]
    #[token("class", |_| kind::CLASS)]
    #[token("const", |_| kind::CONST)]
    #[token("continue", |_| kind::CONTINUE)]
    #[token("default", |_| kind::DEFAULT)]
    #[token("do", |_| kind::DO)]
    #[token("double", |_| kind::DOUBLE)]
    #[token("else", |_| kind::ELSE)]
    #[token("extends", |_| kind::EXTENDS)]
    #[token("false", |_| kind::FALSE)]
    #[token("final", |_| kind::FINAL)]
    #[token("finally", |_| kind::FINALLY)]
    #[token("float", |_| kind::FLOAT)]
    #[token("for", |_| kind::FOR)]
    #[token("goto", |_| kind::GOTO)]
    #[token("if", |_| kind::IF)]
    #[token("implements", |_| kind::IMPLEMENTS)]
    #[token("import", |_| kind::IMPORT)]
    #[token("instanceof", |_| kind::INSTANCEOF)]
    #[token("int", |_| kind::INT)]
    #[token("interface", |_| kind::INTERFACE)]
    #[token("long", |_| kind::LONG)]
    #[token("native", |_| kind::NATIVE)]
    #[token("new", |_| kind::NEW)]
    #[token("null", |_| kind::NULL)]
    #[token("package", |_| kind::PACKAGE)]
    #[token("private", |_| kind::PRIVATE)]
    #[token("protected", |_| kind::PROTECTED)]
    #[token("public", |_| kind::PUBLIC)]
    #[token("return", |_| kind::RETURN)]
    #[token("short", |_| kind::SHORT)]
    #[token("static", |_| kind::STATIC)]
    #[token("super", |_| kind::SUPER)]
    #[token("switch", |_| kind::SWITCH)]
    #[token("synchronized", |_| kind::SYNCHRONIZED)]
    #[token("this", |_| kind::THIS)]
    #[token("throw", |_| kind::THROW)]
    #[token("throws", |_| kind::THROWS)]
    #[token("transient", |_| kind::TRANSIENT)]
    #[token("true", |_| kind::TRUE)]
    #[token("try", |_| kind::TRY)]
    #[token("void", |_| kind::VOID)]
    #[token("volatile", |_| kind::VOLATILE)]
    #[token("while", |_| kind::WHILE)]
    #[token("(", |_| kind::LPAREN)]
    #[token(")", |_| kind::RPAREN)]
    #[token("{", |_| kind::LBRACE)]
    #[token("}", |_| kind::RBRACE)]
    #[token("[", |_| kind::LBRACKET)]
    #[token("]", |_| kind::RBRACKET)]
    #[token(";", |_| kind::SEMICOLON)]
    #[token(",", |_| kind::COMMA)]
    #[token(".", |_| kind::DOT)]
    #[token("=", |_| kind::ASSIGN)]
    #[token(">", |_| kind::GT)]
    #[token("<", |_| kind::LT)]
    #[token("!", |_| kind::BANG)]
    #[token("~", |_| kind::TILDE)]
    #[token("?", |_| kind::HOOK)]
    #[token(":", |_| kind::COLON)]
    #[token("==", |_| kind::EQ)]
    #[token("<=", |_| kind::LE)]
    #[token(">=", |_| kind::GE)]
    #[token("!=", |_| kind::NE)]
    #[token("||", |_| kind::SC_OR)]
    #[token("&&", |_| kind::SC_AND)]
    #[token("++", |_| kind::INCR)]
    #[token("--", |_| kind::DECR)]
    #[token("+", |_| kind::PLUS)]
    #[token("-", |_| kind::MINUS)]
    #[token("*", |_| kind::STAR)]
    #[token("/", |_| kind::SLASH)]
    #[token("&", |_| kind::BIT_AND)]
    #[token("|", |_| kind::BIT_OR)]
    #[token("^", |_| kind::XOR)]
    #[token("%", |_| kind::REM)]
    #[token("<<", |_| kind::LSHIFT)]
    #[token(">>", |_| kind::RSIGNEDSHIFT)]
    #[token(">>>", |_| kind::RUNSIGNEDSHIFT)]
    #[token("+=", |_| kind::PLUSASSIGN)]
    #[token("-=", |_| kind::MINUSASSIGN)]
    #[token("*=", |_| kind::STARASSIGN)]
    #[token("/=", |_| kind::SLASHASSIGN)]
    #[token("&=", |_| kind::ANDASSIGN)]
    #[token("|=", |_| kind::ORASSIGN)]
    #[token("^=", |_| kind::XORASSIGN)]
    #[token("%=", |_| kind::REMASSIGN)]
    #[token("<<=", |_| kind::LSHIFTASSIGN)]
    #[token(">>=", |_| kind::RSIGNEDSHIFTASSIGN)]
    #[token(">>>=", |_| kind::RUNSIGNEDSHIFTASSIGN)]
    Fixed(Kind),
    #[regex(r"([1-9][0-9]*|0[xX][0-9a-fA-F]+|0[0-7]*)[lL]?")]
    Int,
    #[regex(r"[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?[fFdD]?")]
    #[regex(r"\.[0-9]+([eE][+-]?[0-9]+)?[fFdD]?")]
    #[regex(r"[0-9]+[eE][+-]?[0-9]+[fFdD]?")]
    #[regex(r"[0-9]+([eE][+-]?[0-9]+)?[fFdD]")]
    Float,
    #[regex(r"[$A-Z_a-z\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{1FFF}\u{3040}-\u{318F}\u{3300}-\u{337F}\u{3400}-\u{3D2D}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}][$A-Z_a-z\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{1FFF}\u{3040}-\u{318F}\u{3300}-\u{337F}\u{3400}-\u{3D2D}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}0-9\u{660}-\u{669}\u{6F0}-\u{6F9}\u{966}-\u{96F}\u{9E6}-\u{9EF}\u{A66}-\u{A6F}\u{AE6}-\u{AEF}\u{B66}-\u{B6F}\u{BE7}-\u{BEF}\u{C66}-\u{C6F}\u{CE6}-\u{CEF}\u{D66}-\u{D6F}\u{E50}-\u{E59}\u{ED0}-\u{ED9}\u{1040}-\u{1049}]*")]
    Ident,
    #[token("\"")]
    #[token("'")]
    Quote,
    #[regex(r"[ \t\n\r\x0C]+")]
    Space,
    #[regex(r"//[^\n\r]*", allow_greedy = true)]
    LineComment,
    #[token("/*")]
    BlockComment,
}

/// Scans a string literal whose opening quote is at `b[0]`. Returns the literal's length
/// and, if it is malformed, the offset of the last character the reference reads.
pub(crate) fn scan_string(b: &[u8]) -> (usize, Option<usize>) {
    let quote = b[0];
    let mut i = 1;
    let mut bad = None;
    while i < b.len() {
        // Skip ordinary characters quickly.
        while i < b.len() && !matches!(b[i], b'"' | b'\'' | b'\\' | b'\n' | b'\r') {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        match b[i] {
            c if c == quote => return (i + 1, bad),
            b'\n' | b'\r' => return (i, bad.or(Some(i))),
            b'\\' => {
                i += 1;
                match b.get(i) {
                    None => break,
                    Some(b'n' | b't' | b'b' | b'r' | b'f' | b'\\' | b'\'' | b'"') => i += 1,
                    Some(b'0'..=b'7') => {
                        let lim = if b[i] <= b'3' { 3 } else { 2 };
                        let mut n = 0;
                        while n < lim && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                            i += 1;
                            n += 1;
                        }
                    }
                    Some(_) => {
                        bad = bad.or(Some(i));
                    }
                }
            }
            _ => i += 1,
        }
    }
    // Ran out of input: the reference reports the end of file after the last character.
    let last = prev_char_start(b, b.len());
    (b.len(), bad.or(Some(last)))
}

/// Offset of the character that ends at `end`.
fn prev_char_start(b: &[u8], end: usize) -> usize {
    let mut i = end.saturating_sub(1);
    while i > 0 && (b[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
}

/// Whether the reference's lexer reads one character past a token of this kind (to see
/// whether the token goes on), which matters only for where a malformed escape right
/// after it is noticed.
fn peeks(kind: Kind, text: &str) -> bool {
    use kind::*;
    match kind {
        IDENTIFIER | ASSIGN | GT | LT | BANG | BIT_AND | BIT_OR | PLUS | MINUS | STAR | SLASH
        | REM | XOR | LSHIFT | RSIGNEDSHIFT | RUNSIGNEDSHIFT | DOT => true,
        INTEGER_LITERAL | FLOATING_POINT_LITERAL => !text.ends_with(['l', 'L', 'f', 'F', 'd', 'D']),
        k => (ABSTRACT..=WHILE).contains(&k),
    }
}

pub(crate) fn lex(src: &Source) -> Lexed {
    lex_with(src, Vec::new())
}

/// [`lex`] into `buf` (emptied first), which saves an allocation when the caller
/// recycles the buffer of an earlier result.
pub(crate) fn lex_with(src: &Source, mut buf: Vec<Tok>) -> Lexed {
    if src.bad_escape.is_none() {
        buf.clear();
        let mut comments = Vec::new();
        if crate::fastlex::lex_into(&src.text, &mut buf, &mut comments) {
            return Lexed {
                toks: buf,
                comments,
                ..Lexed::default()
            };
        }
    }
    lex_logos(src)
}

/// The complete lexer, with the reference's error handling (see [`crate::fastlex`] for
/// the shortcut [`lex`] tries first).
pub(crate) fn lex_logos(src: &Source) -> Lexed {
    let text: &str = &src.text;
    let bytes = text.as_bytes();
    let mut out = Lexed {
        toks: Vec::with_capacity(text.len() / 3 + 2),
        ..Lexed::default()
    };
    let mut lx = Raw::lexer(text);
    while let Some(r) = lx.next() {
        let span = lx.span();
        let (start, end) = (span.start as u32, span.end as u32);
        let tok = |kind, bad, end: u32| {
            Some(Tok {
                kind,
                bad,
                plain: false,
                start,
                end,
            })
        };
        let t = match r {
            Ok(Raw::Fixed(k)) => tok(k, false, end),
            Ok(Raw::Int) => tok(kind::INTEGER_LITERAL, false, end),
            Ok(Raw::Float) => tok(kind::FLOATING_POINT_LITERAL, false, end),
            Ok(Raw::Ident) => tok(kind::IDENTIFIER, false, end),
            Ok(Raw::Space) => None,
            Ok(Raw::LineComment) => {
                out.comments.push((false, start, end));
                None
            }
            Ok(Raw::Quote) => {
                let (len, bad) = scan_string(&bytes[span.start..]);
                lx.bump(len - 1);
                let end = start + len as u32;
                if let Some(last) = bad {
                    let e = LexError {
                        start,
                        last: start + last as u32,
                        in_comment: false,
                    };
                    out.errors.push((out.toks.len(), FrontError::Lex(e)));
                }
                tok(kind::STRING_LITERAL, bad.is_some(), end)
            }
            Ok(Raw::BlockComment) => match text[span.end..].find("*/") {
                Some(i) => {
                    lx.bump(i + 2);
                    out.comments.push((true, start, end + i as u32 + 2));
                    None
                }
                None => {
                    lx.bump(text.len() - span.end);
                    out.comments.push((true, start, text.len() as u32));
                    let e = LexError {
                        start,
                        last: prev_char_start(bytes, bytes.len()) as u32,
                        in_comment: true,
                    };
                    out.errors.push((out.toks.len(), FrontError::Lex(e)));
                    None
                }
            },
            Err(()) => {
                // A character that starts no token: skip it.
                let e = LexError {
                    start,
                    last: start,
                    in_comment: false,
                };
                out.errors.push((out.toks.len(), FrontError::Lex(e)));
                None
            }
        };
        if let Some(t) = t {
            out.toks.push(t);
        }
    }
    let n = text.len() as u32;
    out.toks.push(Tok {
        kind: kind::EOF,
        bad: false,
        plain: false,
        start: n,
        end: n,
    });
    out.stop = out.errors.first().cloned();
    if let Some((p, msg)) = &src.bad_escape {
        let p = *p;
        let lex_first = matches!(&out.stop, Some((_, FrontError::Lex(e))) if e.last < p);
        if !lex_first {
            // The escape is noticed while fetching the first token whose reading reaches it.
            let idx = out
                .toks
                .iter()
                .position(|t| {
                    let extent =
                        t.end + peeks(t.kind, &text[t.start as usize..t.end as usize]) as u32;
                    t.kind == kind::EOF || extent > p
                })
                .unwrap_or(out.toks.len() - 1);
            let e = (idx, FrontError::Escape(p, msg.clone()));
            let at = out.errors.iter().position(|(_, x)| match x {
                FrontError::Lex(l) => l.last >= p,
                FrontError::Escape(..) => true,
            });
            out.errors.insert(at.unwrap_or(out.errors.len()), e.clone());
            out.stop = Some(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Kind> {
        let src = Source::new(s);
        lex(&src).toks.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn longest_match() {
        use kind::*;
        assert_eq!(kinds("--1"), [DECR, INTEGER_LITERAL, EOF]);
        assert_eq!(
            kinds(">>>= >>> >>= a>=b"),
            [
                RUNSIGNEDSHIFTASSIGN,
                RUNSIGNEDSHIFT,
                RSIGNEDSHIFTASSIGN,
                IDENTIFIER,
                GE,
                IDENTIFIER,
                EOF
            ]
        );
        assert_eq!(
            kinds("09 1e 5. .5 1_0 0x"),
            [
                INTEGER_LITERAL,
                INTEGER_LITERAL,
                INTEGER_LITERAL,
                IDENTIFIER,
                FLOATING_POINT_LITERAL,
                FLOATING_POINT_LITERAL,
                INTEGER_LITERAL,
                IDENTIFIER,
                INTEGER_LITERAL,
                IDENTIFIER,
                EOF
            ]
        );
        assert_eq!(
            kinds("var enum é $x int"),
            [IDENTIFIER, IDENTIFIER, IDENTIFIER, IDENTIFIER, INT, EOF]
        );
        assert_eq!(
            kinds("'a' \"b\\n\" /* c */ // d\n/**/x"),
            [STRING_LITERAL, STRING_LITERAL, IDENTIFIER, EOF]
        );
    }

    #[test]
    fn errors_recorded() {
        let src = Source::new("x # \"a\\qb\" /* ");
        let l = lex(&src);
        assert_eq!(l.errors.len(), 3);
        assert_eq!(
            l.stop,
            Some((
                1,
                FrontError::Lex(LexError {
                    start: 2,
                    last: 2,
                    in_comment: false
                })
            ))
        );
    }
}
