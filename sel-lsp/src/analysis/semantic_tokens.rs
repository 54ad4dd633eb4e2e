//! Semantic tokens from `sel_grammar::tokens`, refined with the tree: method names,
//! field names and static classes get their own types. Tokens of workflow sites are
//! mapped into the document; a token the map would split over lines is dropped.

use super::Unit;
use sel_core::catalog;
use sel_grammar::ast::ExprKind;
use sel_grammar::TokenKind;
use std::collections::HashMap;

/// The legend, in the order the server announces it.
pub const LEGEND: [&str; 10] = [
    "keyword",
    "number",
    "string",
    "variable",
    "operator",
    "comment",
    "method",
    "property",
    "class",
    "parameter",
];

/// A token in document offsets with its legend index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocToken {
    pub start: usize,
    pub end: usize,
    pub ty: u32,
}

pub fn tokens(unit: &Unit, out: &mut Vec<DocToken>) {
    let p = unit.program();
    let mut roles: HashMap<u32, u32> = HashMap::new();
    for e in &p.exprs {
        match &e.kind {
            ExprKind::Call { name, .. } => {
                roles.insert(name.span.start, 6);
            }
            ExprKind::Field { name, .. } => {
                roles.insert(name.span.start, 7);
            }
            ExprKind::New { class, .. } => {
                roles.insert(class.span.start, 8);
            }
            ExprKind::Name(id) => {
                let name = p.name(id.sym);
                let local = unit.types.bindings.iter().any(|b| b.name == name);
                let ty = if local {
                    3
                } else if catalog::static_name(name).is_some() {
                    8
                } else {
                    9
                };
                roles.insert(id.span.start, ty);
            }
            _ => {}
        }
    }
    for s in &p.stmts {
        let decl = match &s.kind {
            sel_grammar::ast::StmtKind::Decl(d) => d,
            sel_grammar::ast::StmtKind::For {
                init: Some(sel_grammar::ast::ForInit::Decl(d)),
                ..
            } => d,
            _ => continue,
        };
        if let sel_grammar::ast::TypeName::Class(id) = decl.ty.name {
            roles.insert(id.span.start, 8);
        }
    }
    for t in sel_grammar::tokens(unit.text()) {
        let ty = match t.kind {
            TokenKind::Keyword | TokenKind::Constant => 0,
            TokenKind::IntLiteral | TokenKind::FloatLiteral => 1,
            TokenKind::StringLiteral => 2,
            TokenKind::Identifier => roles.get(&t.span.start).copied().unwrap_or(3),
            TokenKind::Operator => 4,
            TokenKind::Comment => 5,
            TokenKind::Punctuation | TokenKind::Error => continue,
        };
        let (start, end) = unit.doc_span_of(t.span);
        if end > start {
            out.push(DocToken { start, end, ty });
        }
    }
}
