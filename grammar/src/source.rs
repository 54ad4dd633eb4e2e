//! The Unicode-escape pre-pass and JavaCC-style positions.
//!
//! The reference reads its input through a stream that decodes Java `\uXXXX` escapes
//! before the lexer sees anything (§2.1), so `\u0078` is the identifier `x` and
//! `"\u0022"` closes a string. We decode once up front into a new string (or borrow
//! the source unchanged when it holds no `\u`, the common case) and keep checkpoints
//! to map decoded offsets back to the original text.
//!
//! Line and column numbers in the reference's messages follow that stream's counting
//! rules: 1-based, a TAB advances to the next multiple of 8, CR, LF and CR LF end a line
//! only when the next character is read, an escape takes the column of its backslash
//! while the count moves past all of its characters, and a character outside the
//! Basic Multilingual Plane counts as two (Java strings are UTF-16).

use std::borrow::Cow;

/// The decoded program text and the way back to the original.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    pub original: &'a str,
    pub text: Cow<'a, str>,
    /// `(decoded offset, original offset)` at the start and end of each escape.
    checkpoints: Vec<(u32, u32)>,
    /// A malformed escape: decoded offset of its backslash and the reference's message.
    pub bad_escape: Option<(u32, String)>,
}

impl<'a> Source<'a> {
    pub fn new(original: &'a str) -> Source<'a> {
        if !has_backslash(original.as_bytes()) || !original.contains("\\u") {
            return Source {
                original,
                text: Cow::Borrowed(original),
                checkpoints: Vec::new(),
                bad_escape: None,
            };
        }
        decode(original)
    }

    /// Whether every decoded offset is the same as the original one.
    pub fn same_offsets(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Maps a decoded byte offset to the original text.
    pub fn original_offset(&self, decoded: u32) -> u32 {
        if self.checkpoints.is_empty() {
            return decoded;
        }
        let i = self.checkpoints.partition_point(|&(d, _)| d <= decoded);
        if i == 0 {
            return decoded;
        }
        let (d, o) = self.checkpoints[i - 1];
        o + (decoded - d)
    }

    /// Line and column (JavaCC counting) of the decoded character at `decoded`.
    pub fn line_col(&self, decoded: u32) -> (u32, u32) {
        let mut w = Walker::new(self.original);
        let mut last = (1, 0);
        while let Some((d, pos)) = w.next_char() {
            if d > decoded {
                break;
            }
            last = pos;
            if d == decoded {
                break;
            }
        }
        last
    }

    /// Line and column of the reference's end-of-file token: the counters after the
    /// last character (for an empty program, line 1 column 0).
    pub fn eof_line_col(&self) -> (u32, u32) {
        let mut w = Walker::new(self.original);
        while w.next_char().is_some() {}
        (w.line, w.column)
    }
}

/// Whether `b` holds a backslash (rare in programs, so the common answer costs a scan
/// of the whole text): fixed-size chunks without an early exit let the compiler test
/// 16 bytes at a time.
fn has_backslash(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(16);
    for c in &mut chunks {
        if c.iter().fold(false, |a, &x| a | (x == b'\\')) {
            return true;
        }
    }
    chunks.remainder().contains(&b'\\')
}

fn hex(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Length of a well-formed escape (`\` `u`+ 4 hex digits) at `i`, or the error column
/// offset: `Err(number of u)` when the digits are missing or malformed.
fn escape_at(b: &[u8], i: usize) -> Result<(usize, u32), usize> {
    let mut j = i + 1;
    while j < b.len() && b[j] == b'u' {
        j += 1;
    }
    let us = j - i - 1;
    if j + 4 > b.len() {
        return Err(us);
    }
    let mut v = 0;
    for &c in &b[j..j + 4] {
        v = v * 16 + hex(c).ok_or(us)?;
    }
    Ok((j + 4 - i, v))
}

fn decode(original: &str) -> Source<'_> {
    let b = original.as_bytes();
    let mut text = String::with_capacity(original.len());
    let mut checkpoints = Vec::new();
    let mut bad_escape = None;
    let mut i = 0;
    let mut run = 0usize; // length of the current run of raw backslashes
    let mut copied = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' && run & 1 == 0 && b.get(i + 1) == Some(&b'u') {
            text.push_str(&original[copied..i]);
            match escape_at(b, i) {
                Ok((len, v)) => {
                    let mut len = len;
                    // A high surrogate escape followed by a low one is one character.
                    let ch = if (0xD800..0xDC00).contains(&v) {
                        match (b.get(i + len), b.get(i + len + 1)) {
                            (Some(b'\\'), Some(b'u')) => match escape_at(b, i + len) {
                                Ok((len2, lo)) if (0xDC00..0xE000).contains(&lo) => {
                                    len += len2;
                                    char::from_u32(0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00))
                                }
                                _ => None,
                            },
                            _ => None,
                        }
                    } else {
                        char::from_u32(v)
                    };
                    checkpoints.push((text.len() as u32, i as u32));
                    text.push(ch.unwrap_or('\u{FFFD}'));
                    i += len;
                    checkpoints.push((text.len() as u32, i as u32));
                    copied = i;
                    run = 0;
                    continue;
                }
                Err(_) => {
                    if bad_escape.is_none() {
                        // The reference reads a run of backslashes in one go, so the
                        // error strikes when the lexer reaches the run's first one.
                        let dec = (text.len() - run) as u32;
                        let (line, col) = error_position(original, i);
                        bad_escape = Some((
                            dec,
                            format!("Invalid escape character at line {line} column {col}."),
                        ));
                    }
                    // Keep the malformed escape as written; the lexer then reports it.
                    checkpoints.push((text.len() as u32, i as u32));
                    copied = i;
                    i += 1;
                    run = 1;
                    continue;
                }
            }
        }
        run = if c == b'\\' { run + 1 } else { 0 };
        i += 1;
    }
    text.push_str(&original[copied..]);
    Source {
        original,
        text: Cow::Owned(text),
        checkpoints,
        bad_escape,
    }
}

/// The position the reference reports for a malformed escape starting at byte `at`:
/// the counters after reading the backslash and every `u`.
fn error_position(original: &str, at: usize) -> (u32, u32) {
    let mut w = Walker::new(&original[..at]);
    while w.next_char().is_some() {}
    w.update('\\');
    w.update('u');
    let us = original.as_bytes()[at + 1..]
        .iter()
        .take_while(|&&c| c == b'u')
        .count();
    (w.line, w.column + us.saturating_sub(1) as u32)
}

/// Walks the original text the way the reference's character stream does, yielding each
/// decoded character's decoded byte offset and (line, column).
struct Walker<'a> {
    src: &'a [u8],
    s: &'a str,
    i: usize,
    decoded: u32,
    run: usize,
    line: u32,
    column: u32,
    prev_cr: bool,
    prev_lf: bool,
}

impl<'a> Walker<'a> {
    fn new(s: &'a str) -> Walker<'a> {
        Walker {
            src: s.as_bytes(),
            s,
            i: 0,
            decoded: 0,
            run: 0,
            line: 1,
            column: 0,
            prev_cr: false,
            prev_lf: false,
        }
    }

    fn update(&mut self, c: char) {
        self.column += 1;
        if self.prev_lf {
            self.prev_lf = false;
            self.column = 1;
            self.line += 1;
        } else if self.prev_cr {
            self.prev_cr = false;
            if c == '\n' {
                self.prev_lf = true;
            } else {
                self.column = 1;
                self.line += 1;
            }
        }
        match c {
            '\r' => self.prev_cr = true,
            '\n' => self.prev_lf = true,
            '\t' => {
                self.column -= 1;
                self.column += 8 - (self.column % 8);
            }
            _ => {}
        }
    }

    fn next_char(&mut self) -> Option<(u32, (u32, u32))> {
        if self.i >= self.src.len() {
            return None;
        }
        let d = self.decoded;
        let c = self.src[self.i];
        if c == b'\\' && self.run & 1 == 0 && self.src.get(self.i + 1) == Some(&b'u') {
            if let Ok((len, v)) = escape_at(self.src, self.i) {
                self.update('\\');
                let pos = (self.line, self.column);
                self.column += (len - 1) as u32;
                let mut len = len;
                let mut ch = char::from_u32(v);
                if (0xD800..0xDC00).contains(&v) && self.src.get(self.i + len) == Some(&b'\\') {
                    if let Ok((len2, lo)) = escape_at(self.src, self.i + len) {
                        if (0xDC00..0xE000).contains(&lo) {
                            // The low half is a second Java char with its own columns.
                            self.column += len2 as u32;
                            len += len2;
                            ch = char::from_u32(0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
                        }
                    }
                }
                self.i += len;
                self.decoded += ch.unwrap_or('\u{FFFD}').len_utf8() as u32;
                self.run = 0;
                return Some((d, pos));
            }
        }
        let ch = self.s[self.i..].chars().next()?;
        self.update(ch);
        let pos = (self.line, self.column);
        if ch.len_utf16() == 2 {
            self.update('x');
        }
        self.run = if ch == '\\' { self.run + 1 } else { 0 };
        self.i += ch.len_utf8();
        self.decoded += ch.len_utf8() as u32;
        Some((d, pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_without_escapes() {
        let s = Source::new("x = 1;");
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert_eq!(s.original_offset(4), 4);
    }

    #[test]
    fn decodes_escapes() {
        let s = Source::new(r"\u0078 = '\\u0041' + \uu0041;");
        assert_eq!(&*s.text, r"x = '\\u0041' + A;");
        assert_eq!(s.original_offset(0), 0);
        assert_eq!(s.original_offset(1), 6);
        assert_eq!(s.original_offset(16), 21);
        assert_eq!(s.original_offset(17), 28);
        assert_eq!(s.line_col(2), (1, 8));
    }

    #[test]
    fn surrogate_pairs() {
        let s = Source::new(r"'\uD83D\uDE00'");
        assert_eq!(&*s.text, "'\u{1F600}'");
        let s = Source::new(r"'\uD800'");
        assert_eq!(&*s.text, "'\u{FFFD}'");
    }

    #[test]
    fn malformed_escape() {
        let s = Source::new(r"'\uZZZZ';");
        assert_eq!(
            s.bad_escape,
            Some((
                1,
                "Invalid escape character at line 1 column 3.".to_string()
            ))
        );
        // Odd run of backslashes: noticed at the run's first backslash.
        let s = Source::new(r"x = \\\uZZZZ");
        assert_eq!(
            s.bad_escape,
            Some((
                4,
                "Invalid escape character at line 1 column 8.".to_string()
            ))
        );
        let s = Source::new("x;\n  \\uu12");
        assert_eq!(
            s.bad_escape.unwrap().1,
            "Invalid escape character at line 2 column 5."
        );
    }

    #[test]
    fn columns() {
        let s = Source::new("a\tb\r\nc");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(2), (1, 9));
        assert_eq!(s.line_col(4), (1, 11));
        assert_eq!(s.line_col(5), (2, 1));
        assert_eq!(Source::new("x;\n").eof_line_col(), (1, 3));
        assert_eq!(Source::new("").eof_line_col(), (1, 0));
    }
}
