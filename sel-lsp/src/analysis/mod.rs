//! Analysis of SEL text, independent of the protocol: a [`Unit`] is one SEL program (a
//! `.sel` file, or one expression site of a workflow document) with its parse, its
//! inferred types and the map between its text and the document.
//!
//! Every feature works on units in text offsets and reports in document offsets; the
//! server converts those to LSP positions at the edge.

pub mod actions;
pub mod completion;
pub mod context;
pub mod defaults;
pub mod definition;
pub mod diagnostics;
pub mod fuzzy;
pub mod hover;
pub mod inlay;
pub mod lints;
pub mod refs;
pub mod rename;
pub mod semantic_tokens;
pub mod signature;
pub mod symbols;
pub mod types;

use maestro_model::SourceMap;
use sel_grammar::ast::{ExprId, ExprKind, Ident, Program, Span, StmtKind};
use sel_grammar::Parse;
use std::collections::BTreeSet;
use std::sync::Arc;

pub use types::{Inputs, Ty, Types};

/// How unit text offsets map to document offsets.
#[derive(Clone, Debug)]
pub enum UnitMap {
    /// The unit is the whole document (`.sel` files).
    Identity,
    /// A workflow site: the unit text is `sanitize(site.text)`, i.e. the site text from
    /// `lead` for `len` bytes, maybe followed by an appended `;` that has no source
    /// position (it maps to the end of the trimmed text).
    Site {
        lead: usize,
        len: usize,
        map: SourceMap,
    },
}

/// A parsed program shared between analyses of unchanged text.
#[derive(Debug)]
pub struct Parsed {
    pub text: String,
    pub parse: Parse,
    /// `Evaluator::validate` of the text, computed once (it parses again).
    validated: std::sync::OnceLock<Result<BTreeSet<String>, sel_core::SelError>>,
}

impl Parsed {
    pub fn new(text: String) -> Parsed {
        Parsed {
            parse: sel_grammar::parse(&text),
            text,
            validated: std::sync::OnceLock::new(),
        }
    }

    /// The input names the reference's validation pass reports, or its error.
    pub fn validated(&self) -> &Result<BTreeSet<String>, sel_core::SelError> {
        self.validated.get_or_init(|| {
            sel_core::Evaluator::new(sel_core::Limits::default()).validate(&self.text)
        })
    }
}

/// One SEL program and what is known about it.
#[derive(Clone, Debug)]
pub struct Unit {
    pub parsed: Arc<Parsed>,
    pub types: Arc<Types>,
    pub map: UnitMap,
    /// For workflow sites, the index into the document's site list.
    pub site: Option<usize>,
}

impl Unit {
    pub fn new(
        parsed: Arc<Parsed>,
        inputs: &dyn Inputs,
        map: UnitMap,
        site: Option<usize>,
    ) -> Unit {
        let types = Arc::new(types::infer(&parsed.parse.program, inputs));
        Unit {
            parsed,
            types,
            map,
            site,
        }
    }

    pub fn text(&self) -> &str {
        &self.parsed.text
    }

    pub fn program(&self) -> &Program {
        &self.parsed.parse.program
    }

    /// Document offset of unit offset `o`.
    pub fn doc_offset(&self, o: usize) -> usize {
        match &self.map {
            UnitMap::Identity => o,
            UnitMap::Site { lead, len, map } => map.doc_offset(lead + o.min(*len)),
        }
    }

    /// Document span of the unit range `start..end`.
    pub fn doc_span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            UnitMap::Identity => (start, end),
            UnitMap::Site { lead, len, map } => {
                let (s, e) = (lead + start.min(*len), lead + end.min(*len));
                let span = map.doc_span(s, e);
                (span.start, span.end)
            }
        }
    }

    pub fn doc_span_of(&self, span: Span) -> (usize, usize) {
        self.doc_span(span.start as usize, span.end as usize)
    }

    /// Unit offset of document offset `d`, if `d` is inside (or at the end of) the unit.
    pub fn text_offset(&self, d: usize) -> Option<usize> {
        match &self.map {
            UnitMap::Identity => (d <= self.text().len()).then_some(d),
            UnitMap::Site { lead, len, map } => {
                let s = map.text_offset(d)?;
                (s >= *lead && s <= lead + len).then(|| s - lead)
            }
        }
    }
}

/// The innermost expression whose span contains `offset` (ends inclusive).
pub fn expr_at(p: &Program, offset: u32) -> Option<ExprId> {
    let mut best: Option<(ExprId, Span)> = None;
    for (i, e) in p.exprs.iter().enumerate() {
        if matches!(e.kind, ExprKind::Error) {
            continue;
        }
        if e.span.start <= offset && offset <= e.span.end {
            let narrower = best.is_none_or(|(_, b)| e.span.end - e.span.start <= b.end - b.start);
            if narrower {
                best = Some((ExprId(i as u32), e.span));
            }
        }
    }
    best.map(|(id, _)| id)
}

/// What an identifier under the cursor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentRole {
    /// A variable use (`ExprKind::Name`).
    Name(ExprId),
    /// The target of an assignment.
    AssignTarget(ExprId),
    /// A method name of a call.
    Method(ExprId),
    /// A field name.
    Field(ExprId),
    /// A declared variable.
    Declarator(Ident),
    /// A class name in `new C(..)`.
    Class(Ident),
}

/// The identifier at `offset` and its role.
pub fn ident_at(p: &Program, offset: u32) -> Option<(Ident, IdentRole)> {
    let inside = |s: Span| s.start <= offset && offset <= s.end;
    for (i, e) in p.exprs.iter().enumerate() {
        let id = ExprId(i as u32);
        let hit = match &e.kind {
            ExprKind::Name(n) => Some((*n, IdentRole::Name(id))),
            ExprKind::Assign { target, .. } => Some((*target, IdentRole::AssignTarget(id))),
            ExprKind::Call { name, .. } => Some((*name, IdentRole::Method(id))),
            ExprKind::Field { name, .. } => Some((*name, IdentRole::Field(id))),
            ExprKind::New { class, .. } => Some((*class, IdentRole::Class(*class))),
            _ => None,
        };
        if let Some((ident, role)) = hit {
            if inside(ident.span) {
                return Some((ident, role));
            }
        }
    }
    for s in &p.stmts {
        let decl = match &s.kind {
            StmtKind::Decl(d) => Some(d),
            StmtKind::For {
                init: Some(sel_grammar::ast::ForInit::Decl(d)),
                ..
            } => Some(d),
            _ => None,
        };
        for dc in decl.iter().flat_map(|d| &d.declarators) {
            if inside(dc.name.span) {
                return Some((dc.name, IdentRole::Declarator(dc.name)));
            }
        }
    }
    None
}

/// A diagnostic in document offsets, before conversion to the protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    /// A stable code for lints and diagnostic families (`sel::alias-mutation`).
    pub code: &'static str,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}
