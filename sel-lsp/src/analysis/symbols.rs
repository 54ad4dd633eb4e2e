//! Document symbols: the variables of a `.sel` file; the params and steps (with their
//! params) of a workflow document.

use super::Unit;
use crate::workflow::{sel_type, Workflow};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Variable,
    Param,
    Step,
}

/// A symbol; spans are document offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub span: (usize, usize),
    pub selection: (usize, usize),
    pub children: Vec<Symbol>,
}

pub fn sel_symbols(unit: &Unit) -> Vec<Symbol> {
    let mut seen = std::collections::BTreeSet::new();
    unit.types
        .bindings
        .iter()
        .filter(|b| seen.insert(b.name.clone()))
        .map(|b| Symbol {
            name: b.name.clone(),
            detail: Some(b.ty.to_string()),
            kind: SymbolKind::Variable,
            span: unit.doc_span_of(b.def_span),
            selection: unit.doc_span_of(b.span),
            children: Vec::new(),
        })
        .collect()
}

fn param(d: &maestro_model::NameDef) -> Symbol {
    Symbol {
        name: d.name.clone(),
        detail: d.param_type.map(|t| sel_type(t).to_string()),
        kind: SymbolKind::Param,
        span: (d.def_span.start, d.def_span.end.max(d.span.end)),
        selection: (d.span.start, d.span.end),
        children: Vec::new(),
    }
}

pub fn workflow_symbols(w: &Workflow) -> Vec<Symbol> {
    let mut out: Vec<Symbol> = w.names.workflow_params.iter().map(param).collect();
    let steps: Vec<_> = w.workflow_steps();
    for s in &w.names.steps {
        let span = steps
            .iter()
            .find(|(id, _)| *id == s.id)
            .map_or((s.span.start, s.span.end), |(_, sp)| *sp);
        out.push(Symbol {
            name: s.id.clone(),
            detail: Some(s.kind.as_str().to_string()),
            kind: SymbolKind::Step,
            span: (span.0.min(s.span.start), span.1.max(s.span.end)),
            selection: (s.span.start, s.span.end),
            children: s.params.iter().map(param).collect(),
        });
    }
    out
}
