//! A hand-written lexer for the common case, tried before the `logos` one.
//!
//! Every evaluation lexes its expression afresh, and the generated automaton spends
//! most of its time in the identifier state (its Unicode classes) and in per-token
//! bookkeeping. Real expressions are nearly always ASCII outside string literals and
//! comments, and free of lexical errors, so this lexer handles exactly that subset, one
//! byte-class table lookup per character, and gives up (returns `None`) on anything
//! else: a non-ASCII character or an ASCII character that starts no token outside a
//! literal or comment, a malformed string literal, an unclosed comment. The caller then
//! lexes with [`crate::lexer`], which has the reference's error handling. On the input
//! it accepts it produces exactly what the `logos` lexer produces (the same longest
//! match rules, spelled out below); the tests check the two against each other.

use crate::kind::{self, Kind};
#[cfg(test)]
use crate::lexer::Lexed;
use crate::lexer::{scan_string, Tok};

/// Byte classes.
const OTHER: u8 = 0; // give up
const SPACE: u8 = 1;
const IDENT: u8 = 2; // $ _ A-Z a-z
const DIGIT: u8 = 3;
const QUOTE: u8 = 4;
const PUNCT: u8 = 5; // an operator that may be longer than one byte (see `operator`)
const SINGLE: u8 = 6; // a one-byte token whatever follows (see `SINGLE_KIND`)

const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => SPACE,
            b'$' | b'_' | b'A'..=b'Z' | b'a'..=b'z' => IDENT,
            b'0'..=b'9' => DIGIT,
            b'"' | b'\'' => QUOTE,
            b'(' | b')' | b'{' | b'}' | b'[' | b']' | b';' | b',' | b'~' | b'?' | b':' => SINGLE,
            b'.' | b'=' | b'>' | b'<' | b'!' | b'+' | b'-' | b'*' | b'/' | b'&' | b'|' | b'^'
            | b'%' => PUNCT,
            _ => OTHER,
        };
        c += 1;
    }
    t
};

/// The kinds of the `SINGLE` bytes.
const SINGLE_KIND: [Kind; 128] = {
    let mut t = [0; 128];
    t[b'(' as usize] = kind::LPAREN;
    t[b')' as usize] = kind::RPAREN;
    t[b'{' as usize] = kind::LBRACE;
    t[b'}' as usize] = kind::RBRACE;
    t[b'[' as usize] = kind::LBRACKET;
    t[b']' as usize] = kind::RBRACKET;
    t[b';' as usize] = kind::SEMICOLON;
    t[b',' as usize] = kind::COMMA;
    t[b'~' as usize] = kind::TILDE;
    t[b'?' as usize] = kind::HOOK;
    t[b':' as usize] = kind::COLON;
    t
};

/// Bytes that continue an ASCII identifier (`$ _ A-Z a-z 0-9`): a table of its own
/// keeps the hottest loop to one load and one test per byte.
const IDENT_PART: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = matches!(CLASS[c], IDENT | DIGIT);
        c += 1;
    }
    t
};

/// Bytes that end the quick scan of a string literal: either quote, a backslash, a
/// line terminator.
const STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'\\' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

/// The keywords by first letter (`logos` prefers a keyword to an identifier of the
/// same length).
const KEYWORDS: [&[(&[u8], Kind)]; 26] = {
    use kind::*;
    [
        &[(b"abstract", ABSTRACT)],
        &[(b"boolean", BOOLEAN), (b"break", BREAK), (b"byte", BYTE)],
        &[
            (b"case", CASE),
            (b"catch", CATCH),
            (b"char", CHAR),
            (b"class", CLASS),
            (b"const", CONST),
            (b"continue", CONTINUE),
        ],
        &[(b"default", DEFAULT), (b"do", DO), (b"double", DOUBLE)],
        &[(b"else", ELSE), (b"extends", EXTENDS)],
        &[
            (b"false", FALSE),
            (b"final", FINAL),
            (b"finally", FINALLY),
            (b"float", FLOAT),
            (b"for", FOR),
        ],
        &[(b"goto", GOTO)],
        &[],
        &[
            (b"if", IF),
            (b"implements", IMPLEMENTS),
            (b"import", IMPORT),
            (b"instanceof", INSTANCEOF),
            (b"int", INT),
            (b"interface", INTERFACE),
        ],
        &[],
        &[],
        &[(b"long", LONG)],
        &[],
        &[(b"native", NATIVE), (b"new", NEW), (b"null", NULL)],
        &[],
        &[
            (b"package", PACKAGE),
            (b"private", PRIVATE),
            (b"protected", PROTECTED),
            (b"public", PUBLIC),
        ],
        &[],
        &[(b"return", RETURN)],
        &[
            (b"short", SHORT),
            (b"static", STATIC),
            (b"super", SUPER),
            (b"switch", SWITCH),
            (b"synchronized", SYNCHRONIZED),
        ],
        &[
            (b"this", THIS),
            (b"throw", THROW),
            (b"throws", THROWS),
            (b"transient", TRANSIENT),
            (b"true", TRUE),
            (b"try", TRY),
        ],
        &[],
        &[(b"void", VOID), (b"volatile", VOLATILE)],
        &[(b"while", WHILE)],
        &[],
        &[],
        &[],
    ]
};

fn keyword(word: &[u8]) -> Kind {
    if let Some(i) = word[0].checked_sub(b'a').filter(|&i| i < 26) {
        for &(k, kind) in KEYWORDS[i as usize] {
            if k == word {
                return kind;
            }
        }
    }
    kind::IDENTIFIER
}

fn is_digit(b: &[u8], i: usize) -> bool {
    i < b.len() && b[i].is_ascii_digit()
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while is_digit(b, i) {
        i += 1;
    }
    i
}

/// End of `[eE][+-]?[0-9]+` at `i`, if there is one.
fn exponent_end(b: &[u8], i: usize) -> Option<usize> {
    if i < b.len() && (b[i] | 0x20) == b'e' {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if is_digit(b, j) {
            return Some(digits_end(b, j));
        }
    }
    None
}

/// End of an optional `[fFdD]` at `i`.
fn float_suffix_end(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'f' | b'F' | b'd' | b'D') => i + 1,
        _ => i,
    }
}

/// A number starting with a digit at `start`: the longest of the integer and
/// floating-point patterns (see the `Int` and `Float` rules of the `logos` lexer).
fn number(b: &[u8], start: usize) -> (Kind, usize) {
    let d = digits_end(b, start);
    // `[0-9]+ "." [0-9]* exponent? suffix?`: longer than any integer here.
    if d < b.len() && b[d] == b'.' {
        let mut e = digits_end(b, d + 1);
        if let Some(x) = exponent_end(b, e) {
            e = x;
        }
        return (kind::FLOATING_POINT_LITERAL, float_suffix_end(b, e));
    }
    // `[0-9]+ exponent suffix?` and `[0-9]+ exponent? [fFdD]`.
    if let Some(x) = exponent_end(b, d) {
        return (kind::FLOATING_POINT_LITERAL, float_suffix_end(b, x));
    }
    let s = float_suffix_end(b, d);
    if s > d {
        return (kind::FLOATING_POINT_LITERAL, s);
    }
    // An integer: decimal, hexadecimal or octal, then an optional `l`/`L`. It is never
    // longer than the digit run except for a hexadecimal literal; a leading 0 stops a
    // decimal reading at the first 8 or 9.
    let mut e = if b[start] != b'0' {
        d
    } else if matches!(b.get(start + 1), Some(b'x' | b'X'))
        && b.get(start + 2).is_some_and(u8::is_ascii_hexdigit)
    {
        let mut i = start + 2;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            i += 1;
        }
        i
    } else {
        let mut i = start + 1;
        while i < b.len() && (b'0'..=b'7').contains(&b[i]) {
            i += 1;
        }
        i
    };
    if matches!(b.get(e), Some(b'l' | b'L')) {
        e += 1;
    }
    (kind::INTEGER_LITERAL, e)
}

/// The `PUNCT` operator at `i` (longest match). `None` for `//` and `/*`.
fn operator(b: &[u8], i: usize) -> Option<(Kind, usize)> {
    use kind::*;
    let at = |j: usize| b.get(i + j).copied().unwrap_or(0);
    let (k, len) = match b[i] {
        b'.' => (DOT, 1),
        b'=' => match at(1) {
            b'=' => (EQ, 2),
            _ => (ASSIGN, 1),
        },
        b'!' => match at(1) {
            b'=' => (NE, 2),
            _ => (BANG, 1),
        },
        b'>' => match (at(1), at(2), at(3)) {
            (b'>', b'>', b'=') => (RUNSIGNEDSHIFTASSIGN, 4),
            (b'>', b'>', _) => (RUNSIGNEDSHIFT, 3),
            (b'>', b'=', _) => (RSIGNEDSHIFTASSIGN, 3),
            (b'>', _, _) => (RSIGNEDSHIFT, 2),
            (b'=', _, _) => (GE, 2),
            _ => (GT, 1),
        },
        b'<' => match (at(1), at(2)) {
            (b'<', b'=') => (LSHIFTASSIGN, 3),
            (b'<', _) => (LSHIFT, 2),
            (b'=', _) => (LE, 2),
            _ => (LT, 1),
        },
        b'|' => match at(1) {
            b'|' => (SC_OR, 2),
            b'=' => (ORASSIGN, 2),
            _ => (BIT_OR, 1),
        },
        b'&' => match at(1) {
            b'&' => (SC_AND, 2),
            b'=' => (ANDASSIGN, 2),
            _ => (BIT_AND, 1),
        },
        b'+' => match at(1) {
            b'+' => (INCR, 2),
            b'=' => (PLUSASSIGN, 2),
            _ => (PLUS, 1),
        },
        b'-' => match at(1) {
            b'-' => (DECR, 2),
            b'=' => (MINUSASSIGN, 2),
            _ => (MINUS, 1),
        },
        b'*' => match at(1) {
            b'=' => (STARASSIGN, 2),
            _ => (STAR, 1),
        },
        b'/' => match at(1) {
            b'/' | b'*' => return None,
            b'=' => (SLASHASSIGN, 2),
            _ => (SLASH, 1),
        },
        b'^' => match at(1) {
            b'=' => (XORASSIGN, 2),
            _ => (XOR, 1),
        },
        b'%' => match at(1) {
            b'=' => (REMASSIGN, 2),
            _ => (REM, 1),
        },
        _ => return None,
    };
    Some((k, i + len))
}

/// The end of the string literal at `i` (with escapes), or `None` if it is malformed.
#[cold]
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    match scan_string(&b[i..]) {
        (len, None) => Some(i + len),
        (_, Some(_)) => None,
    }
}

/// The comment (`//` or `/*`) at `i`: records it and returns its end; `None` if it is
/// not closed (or there is no comment at `i`).
#[cold]
fn comment(text: &str, i: usize, comments: &mut Vec<(bool, u32, u32)>) -> Option<usize> {
    let b = text.as_bytes();
    match b.get(i..i + 2)? {
        b"//" => {
            // `//[^\n\r]*`
            let mut e = i + 2;
            while e < b.len() && b[e] != b'\n' && b[e] != b'\r' {
                e += 1;
            }
            comments.push((false, i as u32, e as u32));
            Some(e)
        }
        b"/*" => {
            // `/*` up to the first `*/` after it.
            let close = text[i + 2..].find("*/")?;
            let e = i + 2 + close + 2;
            comments.push((true, i as u32, e as u32));
            Some(e)
        }
        _ => None,
    }
}

/// Lexes `text` if it is in the subset described above; `None` otherwise.
#[cfg(test)]
pub(crate) fn lex(text: &str) -> Option<Lexed> {
    let mut toks = Vec::new();
    let mut comments = Vec::new();
    lex_into(text, &mut toks, &mut comments).then_some(Lexed {
        toks,
        comments,
        ..Lexed::default()
    })
}

/// Appends the tokens of `text` (then the end-of-file token) and its comments to the
/// empty `toks` and `comments`, if `text` is in the subset described above; returns
/// false otherwise (leaving them in any state). The vectors are separate locals for the
/// optimiser's sake (it keeps their lengths in registers).
pub(crate) fn lex_into(
    text: &str,
    toks: &mut Vec<Tok>,
    comments: &mut Vec<(bool, u32, u32)>,
) -> bool {
    let b = text.as_bytes();
    // Tokens are mostly two bytes long or more, counting the spaces between them.
    toks.reserve(b.len() / 2 + 2);
    let mut i = 0;
    // One class look-up per character decides both whether it is white space and
    // which token it starts.
    while let Some(&c) = b.get(i) {
        let start = i;
        let mut plain = false;
        let (kind, end) = match CLASS[c as usize] {
            SPACE => {
                i += 1;
                continue;
            }
            SINGLE => (SINGLE_KIND[c as usize & 127], i + 1),
            IDENT => {
                i += 1;
                while i < b.len() && IDENT_PART[b[i] as usize] {
                    i += 1;
                }
                if i < b.len() && b[i] >= 0x80 {
                    // The identifier may go on with a non-ASCII letter or digit.
                    return false;
                }
                (keyword(&b[start..i]), i)
            }
            DIGIT => number(b, i),
            QUOTE => {
                // Most literals have no escape: find the closing quote quickly and
                // leave anything else to the full scanner.
                let mut e = i + 1;
                while e < b.len() && !STRING_STOP[b[e] as usize] {
                    e += 1;
                }
                if e < b.len() && b[e] == c {
                    plain = true;
                    (kind::STRING_LITERAL, e + 1)
                } else {
                    match string_end(b, i) {
                        Some(e) => (kind::STRING_LITERAL, e),
                        None => return false,
                    }
                }
            }
            PUNCT => {
                if c == b'.' && is_digit(b, i + 1) {
                    // `"." [0-9]+ exponent? suffix?`
                    let mut e = digits_end(b, i + 1);
                    if let Some(x) = exponent_end(b, e) {
                        e = x;
                    }
                    (kind::FLOATING_POINT_LITERAL, float_suffix_end(b, e))
                } else if let Some(t) = operator(b, i) {
                    t
                } else {
                    match comment(text, i, comments) {
                        Some(e) => {
                            i = e;
                            continue;
                        }
                        None => return false,
                    }
                }
            }
            _ => return false,
        };
        toks.push(Tok {
            kind,
            bad: false,
            plain,
            start: start as u32,
            end: end as u32,
        });
        i = end;
    }
    let n = b.len() as u32;
    toks.push(Tok {
        kind: kind::EOF,
        bad: false,
        plain: false,
        start: n,
        end: n,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex_logos;
    use crate::source::Source;
    use proptest::prelude::*;

    /// Fails if the fast lexer accepts `s` but disagrees with the `logos` one.
    fn agree(s: &str) -> bool {
        let src = Source::new(s);
        if src.bad_escape.is_some() {
            // `lexer::lex` never takes the shortcut then.
            return false;
        }
        match lex(&src.text) {
            Some(mut fast) => {
                for t in &mut fast.toks {
                    if t.plain {
                        let text = &src.text[t.start as usize..t.end as usize];
                        assert_eq!(t.kind, kind::STRING_LITERAL);
                        assert!(!text.contains('\\'), "{text:?} is not plain");
                        assert_eq!(
                            crate::literal::string_value(text).as_deref(),
                            Ok(&text[1..text.len() - 1])
                        );
                        // The `logos` lexer leaves the flag unset.
                        t.plain = false;
                    }
                }
                assert_eq!(fast, lex_logos(&src), "lexing {s:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn numbers_and_operators() {
        for s in [
            "09 1e 5. .5 1_0 0x 0xL 0x1fL 08L 0779f 0777 1.e5 1.e+ 1.ef 1..2 1.5.3",
            "1e+f 1e-3d 12E5 3f 3D 1L 1l 017 0 00.5 .5e3F 2.f 0e5 1.5e+3f 9223372036854775808",
            ">>>= >>> >>= >> >= > <<= << <= < == = != ! || |= | && &= & ++ += + -- -= -",
            "*= * /= / ^= ^ %= % ( ) { } [ ] ; , . ~ ? :",
            "a.b x1 $y _z int integer if iff new newer instanceof synchronized goto",
            "'a' \"b\\n\" /* c */ // d\n/**/x /*/ */ y // e\r\nz",
            "'é' \"日本\" // ü\n/* ß */ x",
            "",
            "   \t\x0c\r\n",
        ] {
            assert!(agree(s), "fast lexer gave up on {s:?}");
        }
    }

    #[test]
    fn gives_up_outside_the_subset() {
        for s in [
            "é", "xé", "x é", "#", "@", "`", "\\", "'a", "'\\q'", "/* x", "\x0b",
        ] {
            assert!(lex(s).is_none(), "{s:?}");
        }
        assert!(!agree("1é"));
    }

    #[test]
    fn corpus_agrees() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/data/sel-public.jsonl"
        ))
        .expect("corpus");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let j: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            if let Some(e) = j["expr"].as_str() {
                for (i, _) in e.char_indices() {
                    agree(&e[..i]);
                    agree(&e[i..]);
                }
                agree(e);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn agrees_with_logos(
            s in "([0-9a-fxXlLdDeEimntu.+\\-/*=<>!&|^%'\"\\\\ \\n\\r\\t$_(){}\\[\\];,?:~é#]|int|new|/\\*|\\*/|//){0,30}"
        ) {
            agree(&s);
        }

        #[test]
        fn agrees_with_logos_in_the_subset(
            s in "([0-9a-fxXlLdDeEimntu.+\\-/*=<>!&|^% \\n\\r\\t$_(){}\\[\\];,?:~]|int|new|'a'|\"b\"|/\\*|\\*/|//){0,30}"
        ) {
            agree(&s);
        }
    }
}
