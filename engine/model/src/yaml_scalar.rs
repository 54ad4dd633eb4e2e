//! Source maps for YAML scalars: plain, single-quoted, double-quoted, literal `|` and
//! folded `>` block scalars.
//!
//! saphyr decodes scalars but only reports where each one starts and ends. Here the
//! scalar's source is decoded once more, this time recording how each piece maps
//! (escapes, `''`, folded line breaks, dropped indentation, chomping). The result is
//! checked against saphyr's decoding; if a corner case decodes differently, the map
//! falls back to attributing the whole text to the whole scalar, which is coarse but
//! never wrong.

use crate::escapes::{MapBuilder, SourceMap};
use crate::spanned::Span;

/// How a scalar was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// The map of a scalar whose token covers `span` (bytes; quotes included, block scalars
/// from the first content character) and that saphyr decoded to `decoded`. Also returns
/// the content span.
pub fn scalar_map(src: &str, span: Span, style: ScalarStyle, decoded: &str) -> SourceMap {
    let attempt = match style {
        ScalarStyle::Plain => decode_flow(src, span.start, span.end, Flow::Plain),
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
            if span.len() < 2 {
                None
            } else {
                let flow = if style == ScalarStyle::SingleQuoted {
                    Flow::Single
                } else {
                    Flow::Double
                };
                decode_flow(src, span.start + 1, span.end - 1, flow)
            }
        }
        ScalarStyle::Literal | ScalarStyle::Folded => {
            let folded = style == ScalarStyle::Folded;
            [Chomp::Clip, Chomp::Strip, Chomp::Keep]
                .into_iter()
                .filter_map(|c| decode_block(src, span, folded, c))
                .find(|(text, _)| text == decoded)
        }
    };
    match attempt {
        Some((text, map)) if text == decoded => map,
        _ => {
            let content = match style {
                ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted if span.len() >= 2 => {
                    Span::new(span.start + 1, span.end - 1)
                }
                _ => span,
            };
            SourceMap::synthetic(decoded.len(), content)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Plain,
    Single,
    Double,
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn break_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\n') => 1,
        Some(b'\r') if b.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\r') => 1,
        _ => 0,
    }
}

/// After a line break at `i`: skips blank lines and the next line's leading white space.
/// Returns where the first break ends, where each blank line ends (its break included),
/// and where the skipped text ends.
fn skip_fold(b: &[u8], i: usize, end: usize) -> (usize, Vec<usize>, usize) {
    let first = i + break_len(b, i);
    let mut blanks = Vec::new();
    let mut i = first;
    loop {
        let mut j = i;
        while j < end && is_ws(b[j]) {
            j += 1;
        }
        let bl = if j < end { break_len(b, j) } else { 0 };
        if bl > 0 {
            i = j + bl;
            blanks.push(i);
        } else {
            return (first, blanks, j);
        }
    }
}

/// Maps a fold from `from`: the text up to `first` (white space and the first break)
/// gives nothing, each blank line one newline, the next line's indentation nothing. With
/// no blank line, the whole fold is one space (or nothing after an escaped break).
fn push_fold(
    out: &mut String,
    m: &mut MapBuilder,
    from: usize,
    fold: (usize, Vec<usize>, usize),
    space: bool,
) {
    let (first, blanks, end) = fold;
    if blanks.is_empty() && space {
        out.push(' ');
        m.atomic(end - from, 1);
        return;
    }
    m.atomic(first - from, 0);
    let mut at = first;
    for b in blanks {
        out.push('\n');
        m.atomic(b - at, 1);
        at = b;
    }
    m.atomic(end - at, 0);
}

/// Decodes flow scalar content `start..end` (quotes excluded).
fn decode_flow(src: &str, start: usize, end: usize, flow: Flow) -> Option<(String, SourceMap)> {
    let b = src.as_bytes();
    let mut out = String::new();
    let mut m = MapBuilder::new(start);
    let mut i = start;
    while i < end {
        let c = b[i];
        if is_ws(c) || break_len(b, i) > 0 {
            let mut j = i;
            while j < end && is_ws(b[j]) {
                j += 1;
            }
            if j < end && break_len(b, j) > 0 {
                // Trailing white space, the break, blank lines and the next line's
                // indentation fold into one space or into one newline per blank line.
                let fold = skip_fold(b, j, end);
                let k = fold.2;
                push_fold(&mut out, &mut m, i, fold, true);
                i = k;
                continue;
            }
            if j > i {
                out.push_str(&src[i..j]);
                m.exact(j - i);
                i = j;
                continue;
            }
        }
        if flow == Flow::Single && c == b'\'' {
            if b.get(i + 1) != Some(&b'\'') {
                return None;
            }
            out.push('\'');
            m.atomic(2, 1);
            i += 2;
            continue;
        }
        if flow == Flow::Double && c == b'\\' {
            let bl = break_len(b, i + 1);
            if bl > 0 {
                // An escaped line break: nothing, then one newline per blank line.
                let fold = skip_fold(b, i + 1, end);
                let k = fold.2;
                push_fold(&mut out, &mut m, i, fold, false);
                i = k;
                continue;
            }
            let (ch, len) = double_escape(src, i)?;
            out.push(ch);
            m.atomic(len, ch.len_utf8());
            i += len;
            continue;
        }
        let ch = src[i..].chars().next()?;
        out.push(ch);
        m.exact(ch.len_utf8());
        i += ch.len_utf8();
    }
    Some((out, m.finish()))
}

/// The character a double-quoted escape at `i` stands for, and the escape's length.
fn double_escape(src: &str, i: usize) -> Option<(char, usize)> {
    let b = src.as_bytes();
    let simple = match *b.get(i + 1)? {
        b'0' => '\0',
        b'a' => '\u{7}',
        b'b' => '\u{8}',
        b't' | b'\t' => '\t',
        b'n' => '\n',
        b'v' => '\u{b}',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'e' => '\u{1b}',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        b'x' => return hex_escape(src, i, 2),
        b'u' => return hex_escape(src, i, 4),
        b'U' => return hex_escape(src, i, 8),
        _ => return None,
    };
    Some((simple, 2))
}

fn hex_escape(src: &str, i: usize, digits: usize) -> Option<(char, usize)> {
    let hex = src.get(i + 2..i + 2 + digits)?;
    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let cp = u32::from_str_radix(hex, 16).ok()?;
    Some((char::from_u32(cp)?, 2 + digits))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Chomp {
    Clip,
    Strip,
    Keep,
}

/// One decoded unit of a block scalar: `src_len` bytes that give `text`.
struct Unit {
    src: usize,
    src_len: usize,
    text: &'static str,
    exact: bool,
    /// A line break (subject to chomping when trailing).
    is_break: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Empty,
    Text,
    Spaced,
}

/// Decodes a block scalar whose first content character is at `span.start` (so the
/// content indentation is that character's column) and whose lines end at `span.end`.
fn decode_block(src: &str, span: Span, folded: bool, chomp: Chomp) -> Option<(String, SourceMap)> {
    let b = src.as_bytes();
    let line_start = |at: usize| {
        b[..at]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1)
    };
    let first = line_start(span.start.min(b.len()));
    let indent = span.start - first;
    // Blank lines may precede the first content line; they belong to the scalar too.
    let mut start = first;
    while start > 0 {
        let prev = line_start(start - 1);
        if !b[prev..start]
            .iter()
            .all(|&c| c == b' ' || c == b'\n' || c == b'\r')
        {
            break;
        }
        start = prev;
    }
    // Lines: (start, content start, content end, break length, kind)
    let mut lines = Vec::new();
    let mut i = start;
    while i < span.end {
        let mut e = i;
        while e < span.end && break_len(b, e) == 0 {
            e += 1;
        }
        let bl = if e < span.end { break_len(b, e) } else { 0 };
        let spaces = b[i..e].iter().take_while(|&&c| c == b' ').count();
        let cs = i + spaces.min(indent);
        let kind = if b[i..e].iter().all(|&c| c == b' ') && spaces <= indent {
            LineKind::Empty
        } else if cs < e && is_ws(b[cs]) {
            LineKind::Spaced
        } else {
            LineKind::Text
        };
        lines.push((i, cs, e, bl, kind));
        i = e + bl;
    }
    let mut units: Vec<Unit> = Vec::new();
    for (n, &(ls, cs, ce, bl, kind)) in lines.iter().enumerate() {
        let drop = if kind == LineKind::Empty {
            ce - ls
        } else {
            cs - ls
        };
        units.push(Unit {
            src: ls,
            src_len: drop,
            text: "",
            exact: false,
            is_break: false,
        });
        if kind != LineKind::Empty && ce > cs {
            units.push(Unit {
                src: cs,
                src_len: ce - cs,
                text: "",
                exact: true,
                is_break: false,
            });
        }
        if bl == 0 {
            continue;
        }
        let mut text = "\n";
        if folded && kind == LineKind::Text {
            // Fold this break if the next non-empty line is a text line too.
            let next = lines[n + 1..].iter().position(|l| l.4 != LineKind::Empty);
            if let Some(k) = next {
                if lines[n + 1 + k].4 == LineKind::Text {
                    text = if k == 0 { " " } else { "" };
                }
            }
        }
        units.push(Unit {
            src: ce,
            src_len: bl,
            text,
            exact: text == "\n" && bl == 1,
            is_break: true,
        });
    }
    // Chomping applies to the breaks after the last content.
    let last_content = units.iter().rposition(|u| u.exact && !u.is_break);
    let tail_from = last_content.map_or(0, |p| p + 1);
    let mut kept_first = false;
    for u in units[tail_from..].iter_mut().filter(|u| u.is_break) {
        let keep = match chomp {
            Chomp::Keep => true,
            Chomp::Strip => false,
            Chomp::Clip => last_content.is_some() && !kept_first,
        };
        kept_first = true;
        if keep {
            u.text = "\n";
            u.exact = u.src_len == 1;
        } else {
            u.text = "";
            u.exact = false;
        }
    }
    let mut out = String::new();
    let mut m = MapBuilder::new(start);
    for u in &units {
        if m.src() != u.src {
            return None;
        }
        if u.exact {
            let len = u.src_len;
            out.push_str(&src[u.src..u.src + len]);
            m.exact(len);
        } else {
            out.push_str(u.text);
            m.atomic(u.src_len, u.text.len());
        }
    }
    Some((out, m.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_of(src: &str, token: &str, style: ScalarStyle, decoded: &str) -> SourceMap {
        let start = src.find(token).unwrap();
        scalar_map(src, Span::new(start, start + token.len()), style, decoded)
    }

    #[test]
    fn double_quoted_escape_and_fold() {
        let src = "a: \"x\\ty\n   z\"\n";
        let m = map_of(src, "\"x\\ty\n   z\"", ScalarStyle::DoubleQuoted, "x\ty z");
        assert_eq!(m.content(), Span::new(4, 13));
        assert_eq!(m.doc_offset(1), 5);
        assert_eq!(m.doc_offset(2), 7);
        assert_eq!(m.doc_offset(4), 12);
        assert_eq!(m.text_offset(10), Some(3));
    }

    #[test]
    fn literal_block() {
        let src = "a: |\n  one\n   two\nb: 1\n";
        let token = "one\n   two\n";
        let m = map_of(src, token, ScalarStyle::Literal, "one\n two\n");
        // "two" is decoded offset 5, document offset 14
        assert_eq!(m.doc_offset(5), 14);
        assert_eq!(m.text_offset(14), Some(5));
        assert_eq!(m.doc_offset(4), 13);
        assert_eq!(m.text_offset(11), Some(4));
    }
}
