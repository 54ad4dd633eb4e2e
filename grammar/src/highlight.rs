//! Token classification for syntax highlighting (REPL, language server). Never fails:
//! text the lexer rejects comes back as [`TokenKind::Error`] tokens.

use crate::kind;
use crate::lexer::{self, FrontError};
use crate::source::Source;
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Any of the 50 reserved words except `true`, `false` and `null`.
    Keyword,
    IntLiteral,
    FloatLiteral,
    StringLiteral,
    /// `true`, `false`, `null`.
    Constant,
    Identifier,
    Operator,
    /// `( ) { } [ ] ; , .`
    Punctuation,
    Comment,
    /// A character or literal the lexer rejects.
    Error,
}

/// One classified token; `span` is in bytes of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

fn classify(k: kind::Kind) -> TokenKind {
    match k {
        kind::TRUE | kind::FALSE | kind::NULL => TokenKind::Constant,
        kind::ABSTRACT..=kind::WHILE => TokenKind::Keyword,
        kind::INTEGER_LITERAL => TokenKind::IntLiteral,
        kind::FLOATING_POINT_LITERAL => TokenKind::FloatLiteral,
        kind::STRING_LITERAL => TokenKind::StringLiteral,
        kind::IDENTIFIER => TokenKind::Identifier,
        kind::LPAREN..=kind::DOT => TokenKind::Punctuation,
        _ => TokenKind::Operator,
    }
}

/// The tokens and comments of `src` in source order.
pub fn tokens(src: &str) -> Vec<Token> {
    let source = Source::new(src);
    let lexed = lexer::lex(&source);
    let span = |s: u32, e: u32| Span::new(source.original_offset(s), source.original_offset(e));
    let mut out: Vec<Token> = lexed.toks[..lexed.toks.len() - 1]
        .iter()
        .map(|t| Token {
            kind: if t.bad {
                TokenKind::Error
            } else {
                classify(t.kind)
            },
            span: span(t.start, t.end),
        })
        .collect();
    out.extend(lexed.comments.iter().map(|&(_, s, e)| Token {
        kind: TokenKind::Comment,
        span: span(s, e),
    }));
    for (_, e) in &lexed.errors {
        // Characters that start no token (strings and comments are tokens already).
        if let FrontError::Lex(l) = e {
            let at = l.start as usize;
            let c = source.text[at..].chars().next();
            if l.start == l.last && !matches!(c, Some('"' | '\'' | '/')) {
                let len = c.map_or(0, |c| c.len_utf8() as u32);
                out.push(Token {
                    kind: TokenKind::Error,
                    span: span(l.start, l.start + len),
                });
            }
        }
    }
    out.sort_by_key(|t| t.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        let k: Vec<TokenKind> = tokens("int x = 1.5; // c\nif (true) 'a' # + \\u0041")
            .iter()
            .map(|t| t.kind)
            .collect();
        use TokenKind::*;
        assert_eq!(
            k,
            [
                Keyword,
                Identifier,
                Operator,
                FloatLiteral,
                Punctuation,
                Comment,
                Keyword,
                Punctuation,
                Constant,
                Punctuation,
                StringLiteral,
                Error,
                Operator,
                Identifier
            ]
        );
        assert_eq!(tokens("x \\u0041").last().unwrap().span, Span::new(2, 8));
    }
}
