//! A JSON reader that keeps positions: byte spans for every value and key, and for every
//! string a [`SourceMap`] through its escapes.
//!
//! Hand-written because serde_json reports neither where a string's content starts nor
//! how each escape maps. It never fails: a malformed document yields diagnostics plus the
//! tree read up to the first structural error (open containers are closed there), which
//! is what a language server needs on a document that is being typed.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::escapes::MapBuilder;
use crate::spanned::{Member, Node, NodeKind, Number, Span, Str};

/// Nesting deeper than this is reported instead of recursing further (no stack overflow
/// on hostile input).
const MAX_DEPTH: usize = 256;

/// Parses `src` as one JSON value. Returns the (possibly partial) tree, or `None` when
/// not even the start of a value could be read, and the diagnostics.
pub fn parse_json(src: &str) -> (Option<Node>, Vec<Diagnostic>) {
    let mut p = Parser {
        src,
        b: src.as_bytes(),
        pos: 0,
        diags: Diagnostics::default(),
        aborted: false,
    };
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.ws();
    if p.pos >= p.b.len() {
        p.diags.error(
            Code::Syntax,
            Span::at(p.pos),
            "empty document: expected a JSON value",
        );
        return (None, p.diags.items);
    }
    let root = p.value(0);
    if !p.aborted {
        p.ws();
        if p.pos < p.b.len() {
            p.diags.error(
                Code::Syntax,
                Span::new(p.pos, p.b.len()),
                "unexpected text after the JSON value",
            );
        }
    }
    (root, p.diags.items)
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    diags: Diagnostics,
    /// Set on a structural error: every open container stops and returns what it has.
    aborted: bool,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn abort(&mut self, span: Span, message: impl Into<String>) {
        self.diags.error(Code::Syntax, span, message);
        self.aborted = true;
    }

    /// The span of the (UTF-8) character at the current position, for messages.
    fn char_span(&self) -> Span {
        let len = self.src[self.pos..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Span::new(self.pos, self.pos + len)
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        match self.peek() {
            None => {
                self.abort(
                    Span::at(start),
                    "unexpected end of document: expected a value",
                );
                None
            }
            Some(b'{') | Some(b'[') if depth >= MAX_DEPTH => {
                self.abort(Span::at(start), "nesting too deep");
                None
            }
            Some(b'{') => Some(self.object(depth)),
            Some(b'[') => Some(self.array(depth)),
            Some(b'"') => {
                let s = self.string();
                Some(Node::new(NodeKind::String(s), Span::new(start, self.pos)))
            }
            Some(b'-' | b'0'..=b'9') => Some(self.number()),
            Some(b't') if self.b[start..].starts_with(b"true") => {
                self.pos += 4;
                Some(Node::new(NodeKind::Bool(true), Span::new(start, self.pos)))
            }
            Some(b'f') if self.b[start..].starts_with(b"false") => {
                self.pos += 5;
                Some(Node::new(NodeKind::Bool(false), Span::new(start, self.pos)))
            }
            Some(b'n') if self.b[start..].starts_with(b"null") => {
                self.pos += 4;
                Some(Node::new(NodeKind::Null, Span::new(start, self.pos)))
            }
            Some(_) => {
                let span = self.char_span();
                self.abort(
                    span,
                    "expected a value (object, array, string, number, true, false or null)",
                );
                None
            }
        }
    }

    fn object(&mut self, depth: usize) -> Node {
        let start = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Node::new(NodeKind::Object(members), Span::new(start, self.pos));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                let span = self.char_span();
                let msg = if self.peek().is_none() {
                    "unexpected end of document: expected a key or '}'"
                } else {
                    "expected a string key"
                };
                self.abort(span, msg);
                break;
            }
            let key_start = self.pos;
            let key = self.string();
            let key_span = Span::new(key_start, self.pos);
            if self.aborted {
                break;
            }
            self.ws();
            if self.peek() != Some(b':') {
                let span = self.char_span();
                self.abort(span, format!("expected ':' after key \"{}\"", key.value));
                break;
            }
            self.pos += 1;
            self.ws();
            let Some(value) = self.value(depth + 1) else {
                break;
            };
            members.push(Member {
                key,
                key_span,
                value,
            });
            if self.aborted {
                break;
            }
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.ws();
                    if self.peek() == Some(b'}') {
                        self.diags.error(
                            Code::Syntax,
                            Span::new(self.pos - 1, self.pos),
                            "trailing comma before '}'",
                        );
                        self.pos += 1;
                        break;
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(b'"') => {
                    // A forgotten comma between members: say so and read on.
                    self.diags.error(
                        Code::Syntax,
                        Span::at(self.pos),
                        "expected ',' between members",
                    );
                }
                None => {
                    self.abort(
                        Span::at(self.pos),
                        "unexpected end of document: expected ',' or '}'",
                    );
                    break;
                }
                Some(_) => {
                    let span = self.char_span();
                    self.abort(span, "expected ',' or '}'");
                    break;
                }
            }
        }
        Node::new(NodeKind::Object(members), Span::new(start, self.pos))
    }

    fn array(&mut self, depth: usize) -> Node {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Node::new(NodeKind::Array(items), Span::new(start, self.pos));
        }
        loop {
            self.ws();
            let Some(v) = self.value(depth + 1) else {
                break;
            };
            items.push(v);
            if self.aborted {
                break;
            }
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.diags.error(
                            Code::Syntax,
                            Span::new(self.pos - 1, self.pos),
                            "trailing comma before ']'",
                        );
                        self.pos += 1;
                        break;
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                None => {
                    self.abort(
                        Span::at(self.pos),
                        "unexpected end of document: expected ',' or ']'",
                    );
                    break;
                }
                Some(_) => {
                    let span = self.char_span();
                    self.abort(span, "expected ',' or ']'");
                    break;
                }
            }
        }
        Node::new(NodeKind::Array(items), Span::new(start, self.pos))
    }

    fn number(&mut self) -> Node {
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
            self.pos += 1;
        }
        let raw = &self.src[start..self.pos];
        let span = Span::new(start, self.pos);
        if !is_json_number(raw) {
            self.diags
                .error(Code::Syntax, span, format!("malformed number '{raw}'"));
        }
        Node::new(
            NodeKind::Number(Number {
                raw: raw.to_string(),
            }),
            span,
        )
    }

    /// Reads a string starting at the opening quote; leaves `pos` after the closing one.
    fn string(&mut self) -> Str {
        let open = self.pos;
        self.pos += 1;
        let mut value = String::new();
        let mut map = MapBuilder::new(self.pos);
        loop {
            // A run of plain characters is copied verbatim.
            let run_start = self.pos;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            if self.pos > run_start {
                value.push_str(&self.src[run_start..self.pos]);
                map.exact(self.pos - run_start);
            }
            match self.peek() {
                None => {
                    self.abort(Span::new(open, self.pos), "unterminated string");
                    break;
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => self.escape(&mut value, &mut map),
                Some(c) => {
                    // Control characters are not allowed raw; keep them and go on.
                    self.diags.error(
                        Code::Escape,
                        Span::new(self.pos, self.pos + 1),
                        format!("control character U+{c:04X} must be escaped in a string"),
                    );
                    value.push(c as char);
                    map.exact(1);
                    self.pos += 1;
                }
            }
        }
        Str {
            value,
            map: map.finish(),
        }
    }

    fn escape(&mut self, value: &mut String, map: &mut MapBuilder) {
        let at = self.pos;
        let simple = match self.b.get(at + 1) {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            value.push(c);
            map.atomic(2, 1);
            self.pos += 2;
            return;
        }
        if self.b.get(at + 1) == Some(&b'u') {
            if let Some(hi) = self.hex4(at + 2) {
                if (0xD800..0xDC00).contains(&hi) && self.b.get(at + 6) == Some(&b'\\') {
                    if let (Some(b'u'), Some(lo)) = (self.b.get(at + 7), self.hex4(at + 8)) {
                        if (0xDC00..0xE000).contains(&lo) {
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            let c = char::from_u32(cp).unwrap_or('\u{fffd}');
                            value.push(c);
                            map.atomic(12, c.len_utf8());
                            self.pos += 12;
                            return;
                        }
                    }
                }
                let c = match char::from_u32(hi) {
                    Some(c) => c,
                    None => {
                        // A lone surrogate is legal JSON but no Rust string can hold it.
                        self.diags.warning(
                            Code::Escape,
                            Span::new(at, at + 6),
                            format!("lone surrogate \\u{hi:04X} replaced by U+FFFD"),
                        );
                        '\u{fffd}'
                    }
                };
                value.push(c);
                map.atomic(6, c.len_utf8());
                self.pos += 6;
                return;
            }
        }
        // Unknown escape: report it and keep the backslash as text.
        let next_len = self.src[at + 1..].chars().next().map_or(0, char::len_utf8);
        self.diags.error(
            Code::Escape,
            Span::new(at, at + 1 + next_len),
            "invalid escape sequence (expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)",
        );
        value.push('\\');
        map.exact(1);
        self.pos += 1;
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.b.get(at..at + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(text, 16).ok()
    }
}

/// The JSON number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > st
    };
    if b.first() == Some(&b'-') {
        i += 1;
    }
    if b.get(i) == Some(&b'0') {
        i += 1;
    } else if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_spans_and_escapes() {
        let src = r#"{"k\u00e9": "a\"b\ud83d\ude00c"}"#;
        let (root, diags) = parse_json(src);
        assert!(diags.is_empty());
        let root = root.unwrap();
        let m = &root.as_object().unwrap()[0];
        assert_eq!(m.key.value, "ké");
        assert_eq!(m.key_span, Span::new(1, 10));
        assert_eq!(m.key.map.content(), Span::new(2, 9));
        let s = m.value.as_string_node().unwrap();
        assert_eq!(s.value, "a\"b😀c");
        assert_eq!(m.value.span, Span::new(12, 31));
        // 'b' is decoded byte 2, document byte 16; the emoji (4 bytes) is 12 document bytes
        assert_eq!(s.map.doc_offset(2), 16);
        assert_eq!(s.map.doc_offset(3), 17);
        assert_eq!(s.map.doc_offset(7), 29);
        assert_eq!(s.map.doc_span(3, 7), Span::new(17, 29));
        assert_eq!(s.map.text_offset(25), Some(3));
    }

    #[test]
    fn truncated_keeps_prefix() {
        let (root, diags) = parse_json(r#"{"a": [1, 2], "b": {"c": tru"#);
        let root = root.unwrap();
        assert_eq!(root.get("a").unwrap().as_array().unwrap().len(), 2);
        assert_eq!(root.get("b").unwrap().as_object().unwrap().len(), 0);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].span, Span::new(25, 26));
    }

    #[test]
    fn numbers() {
        assert!(is_json_number("-0.5e+10"));
        assert!(!is_json_number("01"));
        assert!(!is_json_number("1."));
        assert!(!is_json_number("-"));
    }
}
