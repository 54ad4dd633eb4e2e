//! A YAML reader producing the same spanned tree as the JSON reader.
//!
//! Events come from saphyr-parser (a maintained YAML 1.2 parser that reports a span for
//! every event); this module assembles them into [`Node`]s, resolves plain scalars with
//! the YAML 1.2 core schema, expands aliases, and builds each string's source map with
//! [`crate::yaml_scalar`]. A syntax error yields a diagnostic and the tree read so far.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle as SaphyrStyle};

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::spanned::{Member, Node, NodeKind, Number, Span, Str};
use crate::yaml_scalar::{scalar_map, ScalarStyle};

/// Containers nested deeper than this stop the read (no unbounded recursion downstream).
const MAX_DEPTH: usize = 256;

/// Parses the first document of `src`. Returns the (possibly partial) root, or `None`
/// for an empty document, and the diagnostics.
pub fn parse_yaml(src: &str) -> (Option<Node>, Vec<Diagnostic>) {
    let mut r = Reader {
        src,
        offsets: CharOffsets::new(src),
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        diags: Diagnostics::default(),
        broken: false,
    };
    r.run();
    // Close whatever a syntax error left open, so the partial tree is kept.
    while let Some(frame) = r.stack.pop() {
        let end = r.src.len();
        r.close(frame, end);
    }
    (r.root, r.diags.items)
}

/// saphyr reports positions in characters; the tree uses bytes.
struct CharOffsets {
    /// Byte offset of each character index (empty when the text is ASCII).
    table: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(src: &str) -> CharOffsets {
        let table = if src.is_ascii() {
            Vec::new()
        } else {
            src.char_indices().map(|(i, _)| i).collect()
        };
        CharOffsets {
            table,
            len: src.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table.get(char_index).copied().unwrap_or(self.len)
        }
    }
}

enum Frame {
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        members: Vec<Member>,
        key: Option<(Str, Span)>,
    },
}

struct Reader<'a> {
    src: &'a str,
    offsets: CharOffsets,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    diags: Diagnostics,
    /// A syntax error stopped the read: open containers are incomplete, not wrong.
    broken: bool,
}

impl Reader<'_> {
    fn run(&mut self) {
        let mut parser = Parser::new_from_str(self.src);
        let mut documents = 0;
        while let Some(event) = parser.next_event() {
            let (event, span) = match event {
                Ok(e) => e,
                Err(e) => {
                    let at = self.offsets.byte(e.marker().index());
                    let end = self.src[at..]
                        .chars()
                        .next()
                        .map_or(at, |c| at + c.len_utf8());
                    self.diags
                        .error(Code::Syntax, Span::new(at, end), e.info().to_string());
                    self.broken = true;
                    return;
                }
            };
            let span = Span::new(
                self.offsets.byte(span.start.index()),
                self.offsets.byte(span.end.index()),
            );
            match event {
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        self.diags.warning(
                            Code::Syntax,
                            span,
                            "only the first YAML document is read",
                        );
                        return;
                    }
                }
                Event::Scalar(value, style, anchor, tag) => {
                    let tag = tag.map(|t| t.suffix.clone());
                    let node = self.scalar(&value, style, span, anchor, tag.as_deref());
                    if anchor != 0 {
                        self.anchors.insert(anchor, node.clone());
                    }
                    self.add(node);
                }
                Event::Alias(id) => {
                    let node = match self.anchors.get(&id) {
                        Some(n) => Node::new(n.kind.clone(), span),
                        None => {
                            self.diags
                                .error(Code::Syntax, span, "alias to an unknown anchor");
                            Node::new(NodeKind::Null, span)
                        }
                    };
                    self.add(node);
                }
                Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _)
                    if self.stack.len() >= MAX_DEPTH =>
                {
                    let _ = anchor;
                    self.diags.error(Code::Syntax, span, "nesting too deep");
                    return;
                }
                Event::SequenceStart(anchor, _) => self.stack.push(Frame::Seq {
                    start: span.start,
                    anchor,
                    items: Vec::new(),
                }),
                Event::MappingStart(anchor, _) => self.stack.push(Frame::Map {
                    start: span.start,
                    anchor,
                    members: Vec::new(),
                    key: None,
                }),
                Event::SequenceEnd | Event::MappingEnd => {
                    if let Some(frame) = self.stack.pop() {
                        self.close(frame, span.end);
                    }
                }
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
            }
        }
    }

    fn close(&mut self, frame: Frame, end: usize) {
        let (node, anchor) = match frame {
            Frame::Seq {
                start,
                anchor,
                items,
            } => {
                let end = items.last().map_or(end, |n| n.span.end).max(end);
                (
                    Node::new(NodeKind::Array(items), Span::new(start, end)),
                    anchor,
                )
            }
            Frame::Map {
                start,
                anchor,
                members,
                key,
            } => {
                if let (Some((k, ks)), false) = (key, self.broken) {
                    self.diags.error(
                        Code::Syntax,
                        ks,
                        format!("key \"{}\" has no value", k.value),
                    );
                }
                let end = members.last().map_or(end, |m| m.value.span.end).max(end);
                (
                    Node::new(NodeKind::Object(members), Span::new(start, end)),
                    anchor,
                )
            }
        };
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        self.add(node);
    }

    /// Adds a finished node to the innermost open container (or makes it the root).
    fn add(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { members, key, .. }) => match key.take() {
                Some((k, key_span)) => members.push(Member {
                    key: k,
                    key_span,
                    value: node,
                }),
                None => {
                    let k = match node.scalar_text() {
                        Some(s) => s,
                        None => {
                            let text = if matches!(node.kind, NodeKind::Null) {
                                ""
                            } else {
                                "?"
                            };
                            if !matches!(node.kind, NodeKind::Null) {
                                self.diags.error(
                                    Code::WrongKind,
                                    node.span,
                                    "only scalar keys are supported",
                                );
                            }
                            Str {
                                value: text.to_string(),
                                map: crate::escapes::SourceMap::synthetic(text.len(), node.span),
                            }
                        }
                    };
                    *key = Some((k, node.span));
                }
            },
        }
    }

    fn scalar(
        &mut self,
        value: &str,
        style: SaphyrStyle,
        span: Span,
        anchor: usize,
        tag: Option<&str>,
    ) -> Node {
        // The event span includes an anchor (`&a`) or tag (`!!str`) written before the
        // value; the node covers the value alone.
        let mut start = span.start;
        if anchor != 0 || tag.is_some() {
            let b = self.src.as_bytes();
            while start < span.end && (b[start] == b'&' || b[start] == b'!') {
                while start < span.end && !b[start].is_ascii_whitespace() {
                    start += 1;
                }
                while start < span.end && b[start].is_ascii_whitespace() {
                    start += 1;
                }
            }
        }
        let span = Span::new(start, span.end.max(start));
        let style = match style {
            SaphyrStyle::Plain => ScalarStyle::Plain,
            SaphyrStyle::SingleQuoted => ScalarStyle::SingleQuoted,
            SaphyrStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
            SaphyrStyle::Literal => ScalarStyle::Literal,
            SaphyrStyle::Folded => ScalarStyle::Folded,
        };
        if style == ScalarStyle::Plain && tag != Some("str") {
            if let Some(kind) = resolve_plain(value) {
                return Node::new(kind, span);
            }
        }
        let map = scalar_map(self.src, span, style, value);
        let node_span = if style == ScalarStyle::Plain && span.is_empty() {
            Span::at(span.start)
        } else {
            span
        };
        Node::new(
            NodeKind::String(Str {
                value: value.to_string(),
                map,
            }),
            node_span,
        )
    }
}

/// YAML 1.2 core schema resolution of a plain scalar; `None` means it is a string.
fn resolve_plain(v: &str) -> Option<NodeKind> {
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return Some(NodeKind::Null),
        "true" | "True" | "TRUE" => return Some(NodeKind::Bool(true)),
        "false" | "False" | "FALSE" => return Some(NodeKind::Bool(false)),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => {
            return Some(NodeKind::Number(Number { raw: v.to_string() }));
        }
        _ => {}
    }
    let number = |raw: &str| {
        Some(NodeKind::Number(Number {
            raw: raw.to_string(),
        }))
    };
    let b = v.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if let Some(h) = v.strip_prefix("0x") {
        return (!h.is_empty() && h.bytes().all(|c| c.is_ascii_hexdigit()))
            .then(|| number(v))
            .flatten();
    }
    if let Some(o) = v.strip_prefix("0o") {
        return (!o.is_empty() && o.bytes().all(|c| (b'0'..=b'7').contains(&c)))
            .then(|| number(v))
            .flatten();
    }
    let body = match b.first() {
        Some(b'-' | b'+') => &b[1..],
        _ => b,
    };
    if digits(body) {
        return number(v);
    }
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    let (mantissa, exponent) = match body.iter().position(|&c| c == b'e' || c == b'E') {
        Some(p) => (&body[..p], Some(&body[p + 1..])),
        None => (body, None),
    };
    let mantissa_ok = match mantissa.iter().position(|&c| c == b'.') {
        Some(0) => digits(&mantissa[1..]),
        Some(p) => digits(&mantissa[..p]) && mantissa[p + 1..].iter().all(u8::is_ascii_digit),
        None => digits(mantissa),
    };
    let exponent_ok = match exponent {
        None => true,
        Some(e) => digits(match e.first() {
            Some(b'-' | b'+') => &e[1..],
            _ => e,
        }),
    };
    (mantissa_ok && exponent_ok).then(|| number(v)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_resolution() {
        assert_eq!(
            resolve_plain("12"),
            Some(NodeKind::Number(Number { raw: "12".into() }))
        );
        assert_eq!(
            resolve_plain("-1.5e3"),
            Some(NodeKind::Number(Number {
                raw: "-1.5e3".into()
            }))
        );
        assert_eq!(resolve_plain("2h"), None);
        assert_eq!(resolve_plain("job.1"), None);
        assert_eq!(resolve_plain("."), None);
        assert_eq!(resolve_plain("True"), Some(NodeKind::Bool(true)));
    }

    #[test]
    fn tree_with_spans() {
        let src = "a: 1\nb:\n  - 'x''y'\n  - {k: v}\nc: &t q\nd: *t\n";
        let (root, diags) = parse_yaml(src);
        assert!(diags.is_empty(), "{diags:?}");
        let root = root.unwrap();
        let members = root.as_object().unwrap();
        assert_eq!(members.len(), 4);
        assert_eq!(members[0].key_span, Span::new(0, 1));
        assert_eq!(members[0].value.as_i64(), Some(1));
        let b = members[1].value.as_array().unwrap();
        let s = b[0].as_string_node().unwrap();
        assert_eq!(s.value, "x'y");
        assert_eq!(b[0].span, Span::new(12, 18));
        assert_eq!(s.map.doc_offset(2), 16);
        assert_eq!(b[1].get("k").unwrap().as_str(), Some("v"));
        assert_eq!(members[2].value.span, Span::new(36, 37));
        assert_eq!(members[3].value.as_str(), Some("q"));
    }

    #[test]
    fn error_keeps_prefix() {
        let (root, diags) = parse_yaml("a: 1\nb: [1, 2\nc: 3\n");
        assert!(!diags.is_empty());
        let root = root.unwrap();
        assert_eq!(root.get("a").unwrap().as_i64(), Some(1));
    }
}
