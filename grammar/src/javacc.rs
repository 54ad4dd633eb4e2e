//! The exact texts of the reference's front-end errors: JavaCC's `ParseException` and
//! `TokenMgrError` messages (§2.10, §3.5).

use crate::kind::{self, Kind, KindSet, IMAGE};
use crate::lexer::LexError;
use crate::source::Source;
use std::fmt::Write;

/// JavaCC's escaping of token images and lexer input in messages. It works on UTF-16
/// code units (Java chars) and drops NUL characters.
pub(crate) fn add_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut units = [0u16; 2];
    for c in s.chars() {
        match c {
            '\0' => {}
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            _ => {
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{:04x}", u);
                }
            }
        }
    }
    out
}

/// The `ParseException` message for an unexpected token. `expected` lists the expected
/// token sequences in the reference's order (each a single kind in practice).
pub(crate) fn parse_exception(
    found: Kind,
    found_text: &str,
    (line, col): (u32, u32),
    expected: &[Kind],
) -> String {
    let mut m = String::from("Encountered \"");
    if !expected.is_empty() {
        if found == kind::EOF {
            m.push_str(IMAGE[0]);
        } else {
            let _ = write!(
                m,
                " {} \"{} \"",
                IMAGE[found as usize],
                add_escapes(found_text)
            );
        }
    }
    let _ = writeln!(m, "\" at line {line}, column {col}.");
    m.push_str(if expected.len() == 1 {
        "Was expecting:\n    "
    } else {
        "Was expecting one of:\n    "
    });
    for &k in expected {
        m.push_str(IMAGE[k as usize]);
        m.push(' ');
        if k != kind::EOF {
            m.push_str("...");
        }
        m.push_str("\n    ");
    }
    m
}

/// The kinds of a set, in kind order.
pub(crate) fn kinds_of(set: KindSet) -> impl Iterator<Item = Kind> {
    (0..120u8).filter(move |&k| kind::has(set, k))
}

/// The `TokenMgrError` message for a lexical error.
pub(crate) fn lexical_error(src: &Source, e: &LexError) -> String {
    let text: &str = &src.text;
    let last = e.last as usize;
    let last_char = text[last..].chars().next().unwrap_or(' ');
    // A character outside the BMP is two Java chars: when the lexer rejects its first
    // half, the second half is still input.
    let split_pair = last_char.len_utf16() == 2 && e.start == e.last && !e.in_comment;
    let at_end = last + last_char.len_utf8() >= text.len() && !split_pair;
    let (mut line, mut col) = src.line_col(e.last);
    if at_end {
        // The reference tries to read past the last character, sees the end of input and
        // reports the position after it.
        if last_char == '\n' || last_char == '\r' {
            line += 1;
            col = 0;
        } else {
            col += last_char.len_utf16() as u32;
        }
        let after = if e.in_comment || last == e.start as usize {
            ""
        } else {
            &text[e.start as usize..]
        };
        format!(
            "Lexical error at line {line}, column {col}.  Encountered: <EOF> after : \"{}\"",
            add_escapes(after)
        )
    } else {
        let mut units = [0u16; 2];
        let unit = last_char.encode_utf16(&mut units)[0];
        let shown = match char::from_u32(unit as u32) {
            Some(c) => add_escapes(c.encode_utf8(&mut [0; 4])),
            None => format!("\\u{:04x}", unit),
        };
        let after = if e.in_comment {
            ""
        } else {
            &text[e.start as usize..last]
        };
        format!(
            "Lexical error at line {line}, column {col}.  Encountered: \"{shown}\" ({unit}), after : \"{}\"",
            add_escapes(after)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    fn first_lex_error(s: &str) -> String {
        let src = Source::new(s);
        let l = lex(&src);
        match l.stop.unwrap().1 {
            crate::lexer::FrontError::Lex(e) => lexical_error(&src, &e),
            crate::lexer::FrontError::Escape(_, m) => m,
        }
    }

    #[test]
    fn lexical_messages() {
        assert_eq!(
            first_lex_error("\"\\q\";"),
            r#"Lexical error at line 1, column 3.  Encountered: "q" (113), after : "\"\\""#
        );
        assert_eq!(
            first_lex_error("\"line\nbreak\";"),
            r#"Lexical error at line 1, column 6.  Encountered: "\n" (10), after : "\"line""#
        );
        assert_eq!(
            first_lex_error("\"\\u0022\";"),
            r#"Lexical error at line 1, column 10.  Encountered: <EOF> after : "\";""#
        );
        assert_eq!(
            first_lex_error("/* unterminated 1;"),
            r#"Lexical error at line 1, column 19.  Encountered: <EOF> after : """#
        );
        assert_eq!(
            first_lex_error("\u{a0}return 1;"),
            r#"Lexical error at line 1, column 1.  Encountered: "\u00a0" (160), after : """#
        );
        assert_eq!(
            first_lex_error("'abc';'"),
            r#"Lexical error at line 1, column 8.  Encountered: <EOF> after : """#
        );
        assert_eq!(
            first_lex_error("x = 1; 😀"),
            r#"Lexical error at line 1, column 8.  Encountered: "\ud83d" (55357), after : """#
        );
        assert_eq!(
            first_lex_error("/* 😀"),
            r#"Lexical error at line 1, column 6.  Encountered: <EOF> after : """#
        );
        assert_eq!(
            first_lex_error("\"ab😀"),
            r#"Lexical error at line 1, column 6.  Encountered: <EOF> after : "\"ab\ud83d\ude00""#
        );
    }
}
