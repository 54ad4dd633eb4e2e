//! Small helpers for reading model objects out of the spanned tree: taking known
//! fields, reporting wrong kinds, and keeping the unknown keys.

use crate::diagnostics::{Code, Diagnostics};
use crate::model::{Name, SourceText};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned, Str};

/// The members of one object, with the ones already taken marked.
pub(crate) struct Fields<'a> {
    members: &'a [Member],
    used: Vec<bool>,
}

impl<'a> Fields<'a> {
    /// The fields of `node`, or an error naming `what` when it is not an object.
    pub fn of(node: &'a Node, what: &str, d: &mut Diagnostics) -> Option<Fields<'a>> {
        match node.as_object() {
            Some(members) => Some(Fields {
                members,
                used: vec![false; members.len()],
            }),
            None => {
                d.error(
                    Code::WrongKind,
                    node.span,
                    format!("{what} must be an object, found {}", node.kind_name()),
                );
                None
            }
        }
    }

    /// Takes the member named `key`; a second member of that name is reported.
    pub fn take(&mut self, key: &str, d: &mut Diagnostics) -> Option<&'a Member> {
        let mut found = None;
        for (i, m) in self.members.iter().enumerate() {
            if m.key.value == key {
                if found.is_some() {
                    d.warning(
                        Code::DuplicateKey,
                        m.key_span,
                        format!("duplicate key \"{key}\": the first one is used"),
                    );
                } else {
                    found = Some(m);
                }
                self.used[i] = true;
            }
        }
        found
    }

    /// Takes `key` and returns its value node.
    pub fn node(&mut self, key: &str, d: &mut Diagnostics) -> Option<&'a Node> {
        self.take(key, d).map(|m| &m.value)
    }

    /// Takes `key` as a string (null counts as absent).
    pub fn string(&mut self, key: &str, d: &mut Diagnostics) -> Option<Spanned<String>> {
        let node = self.node(key, d)?;
        string_value(node, key, d)
    }

    /// Takes `key` as a source text (a string whose positions are kept).
    pub fn text(&mut self, key: &str, d: &mut Diagnostics) -> Option<SourceText> {
        let node = self.node(key, d)?;
        text_value(node, key, d)
    }

    /// Takes `key` as a boolean.
    pub fn bool(&mut self, key: &str, d: &mut Diagnostics) -> Option<Spanned<bool>> {
        let node = self.node(key, d)?;
        match node.kind {
            NodeKind::Bool(b) => Some(Spanned::new(b, node.span)),
            NodeKind::Null => None,
            _ => {
                d.error(
                    Code::WrongKind,
                    node.span,
                    format!("\"{key}\" must be a boolean, found {}", node.kind_name()),
                );
                None
            }
        }
    }

    /// The members not taken, in order. With `strict`, each one is reported as unknown.
    pub fn rest(&self, what: &str, strict: bool, d: &mut Diagnostics) -> Vec<Member> {
        let mut out = Vec::new();
        for (i, m) in self.members.iter().enumerate() {
            if !self.used[i] {
                if strict {
                    d.warning(
                        Code::UnknownKey,
                        m.key_span,
                        format!("unknown field \"{}\" in {what}", m.key.value),
                    );
                }
                out.push(m.clone());
            }
        }
        out
    }
}

/// A string node as a spanned string; other kinds are reported, null is absent.
pub(crate) fn string_value(
    node: &Node,
    what: &str,
    d: &mut Diagnostics,
) -> Option<Spanned<String>> {
    match &node.kind {
        NodeKind::String(s) => Some(Spanned::new(s.value.clone(), node.span)),
        NodeKind::Null => None,
        _ => {
            d.error(
                Code::WrongKind,
                node.span,
                format!("\"{what}\" must be a string, found {}", node.kind_name()),
            );
            None
        }
    }
}

/// A string node as source text; other kinds are reported, null is absent.
pub(crate) fn text_value(node: &Node, what: &str, d: &mut Diagnostics) -> Option<SourceText> {
    match &node.kind {
        NodeKind::String(s) => Some(SourceText::from_str(s, node.span)),
        NodeKind::Null => None,
        _ => {
            d.error(
                Code::WrongKind,
                node.span,
                format!("\"{what}\" must be a string, found {}", node.kind_name()),
            );
            None
        }
    }
}

/// The name an object key gives (param names, successor ids, signal names): its decoded
/// text, spanning the key's content.
pub(crate) fn key_name(m: &Member) -> Name {
    Name::from_str(&m.key)
}

/// A string value used as a name (step ids, signal names).
pub(crate) fn value_name(node: &Node, what: &str, d: &mut Diagnostics) -> Option<Name> {
    match &node.kind {
        NodeKind::String(s) => Some(Name::from_str(s)),
        NodeKind::Null => None,
        _ => {
            d.error(
                Code::WrongKind,
                node.span,
                format!("\"{what}\" must be a string, found {}", node.kind_name()),
            );
            None
        }
    }
}

/// A string's content span.
pub(crate) fn content_span(s: &Str) -> Span {
    s.map.doc_span(0, s.value.len())
}
