//! The position-carrying document tree shared by the JSON and the YAML readers.
//!
//! Every value and every object key keeps the byte range it came from, and every string
//! (values and keys alike) keeps a [`SourceMap`] from its decoded text back into the
//! document, so that anything built on the tree can point at exact source positions.

use crate::escapes::SourceMap;

/// A half-open byte range `start..end` in the document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// An empty span at `at`.
    pub fn at(at: usize) -> Span {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `offset` lies inside the span; the end counts, so that a cursor placed right
    /// after a token is still "in" it.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value together with the span it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// A decoded string and where each of its bytes came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Str {
    pub value: String,
    pub map: SourceMap,
}

impl Str {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A number as written (JSON number or YAML plain scalar resolved as int/float).
///
/// The text is kept because Maestro keeps DOUBLE literals as exact decimals.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub raw: String,
}

impl Number {
    /// The value as an `i64`, when the text is an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        let t = self.raw.trim_start_matches('+');
        if let Some(hex) = t.strip_prefix("0x") {
            return i64::from_str_radix(hex, 16).ok();
        }
        if let Some(oct) = t.strip_prefix("0o") {
            return i64::from_str_radix(oct, 8).ok();
        }
        t.parse().ok()
    }

    /// The value as an `f64` (integers included).
    pub fn as_f64(&self) -> Option<f64> {
        if let Some(i) = self.as_i64() {
            return Some(i as f64);
        }
        match self.raw.to_ascii_lowercase().trim_start_matches('+') {
            ".inf" => Some(f64::INFINITY),
            "-.inf" => Some(f64::NEG_INFINITY),
            ".nan" => Some(f64::NAN),
            t => t.parse().ok(),
        }
    }

    /// Whether the number is integral as written (no fraction, no exponent).
    pub fn is_integer(&self) -> bool {
        self.as_i64().is_some()
    }
}

/// One `key: value` entry of an object, in document order.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: Str,
    /// The span of the whole key token (quotes included).
    pub key_span: Span,
    pub value: Node,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Number(Number),
    String(Str),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// A value of the document tree. `span` covers the whole value (quotes and brackets
/// included; for YAML block scalars the content lines).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

impl Node {
    pub fn new(kind: NodeKind, span: Span) -> Node {
        Node { kind, span }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(&s.value),
            _ => None,
        }
    }

    pub fn as_string_node(&self) -> Option<&Str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number> {
        match &self.kind {
            NodeKind::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            NodeKind::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The first member named `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    pub fn member(&self, key: &str) -> Option<&Member> {
        self.as_object()?.iter().find(|m| m.key.value == key)
    }

    /// A short name of the value's kind, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Number(_) => "a number",
            NodeKind::String(_) => "a string",
            NodeKind::Array(_) => "an array",
            NodeKind::Object(_) => "an object",
        }
    }

    /// The text of a scalar as Java's `toString` would give it, with its source map:
    /// strings decode, numbers and booleans are their text as written (which is exactly
    /// the source span). Arrays, objects and null have none.
    pub fn scalar_text(&self) -> Option<Str> {
        match &self.kind {
            NodeKind::String(s) => Some(s.clone()),
            NodeKind::Number(n) => Some(Str {
                value: n.raw.clone(),
                map: SourceMap::verbatim(self.span.start, n.raw.len()),
            }),
            NodeKind::Bool(b) => {
                let value = b.to_string();
                let map = if self.span.len() == value.len() {
                    SourceMap::verbatim(self.span.start, value.len())
                } else {
                    SourceMap::synthetic(value.len(), self.span)
                };
                Some(Str { value, map })
            }
            _ => None,
        }
    }
}
