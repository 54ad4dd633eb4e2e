//! Every occurrence of every renameable name in a document, resolved to the symbol it
//! means: SEL locals, workflow params, step params, step ids and signal names, wherever
//! the document writes them (definition keys, transitions, SEL names, the parts of
//! `stepId__param`, the string arguments of `params.get`/`getFromStep`/
//! `getFromForeach`/`getFromSubworkflow`/`getFromSignal`, and `$name`/`${name}`
//! interpolations). References, rename and go to definition all read this one index,
//! so they agree on what a name means.

use super::Unit;
use crate::document::Analysis;
use crate::workflow::Workflow;
use maestro_model::{NameTables, Scope, Step};
use sel_grammar::ast::{ExprKind, ForInit, Literal, Program, StmtKind};

/// What a name means.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Symbol {
    /// A variable of one SEL program (a `.sel` file when `site` is `None`).
    Local {
        site: Option<usize>,
        name: String,
    },
    WorkflowParam(String),
    /// A param (or loop param) of a step.
    StepParam {
        step: String,
        name: String,
    },
    Step(String),
    Signal(String),
}

impl Symbol {
    /// The name as written.
    pub fn name(&self) -> &str {
        match self {
            Symbol::Local { name, .. }
            | Symbol::WorkflowParam(name)
            | Symbol::StepParam { name, .. }
            | Symbol::Step(name)
            | Symbol::Signal(name) => name,
        }
    }
}

/// How an occurrence is written, which decides what a new name may look like there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The definition (a JSON/YAML key or id value).
    Definition,
    /// A whole SEL identifier.
    Identifier,
    /// The part of a SEL identifier `stepId__param` (or `signal__param`).
    IdentifierPart,
    /// A SEL string literal's content, or a name in the document (transition key,
    /// signal name, interpolation).
    Text,
}

/// One occurrence, in document offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub symbol: Symbol,
    pub start: usize,
    pub end: usize,
    pub form: Form,
    /// The SEL unit it is in (index into `Analysis::units`).
    pub unit: Option<usize>,
}

/// Every occurrence in the document, in no particular order.
pub fn index(a: &Analysis) -> Vec<Occurrence> {
    let mut out = Vec::new();
    if let Some(w) = &a.workflow {
        document_names(w, &a.text, &mut out);
    }
    for (ui, u) in a.units.iter().enumerate() {
        let scope = a
            .workflow
            .as_ref()
            .zip(u.site)
            .map(|(w, i)| w.sites[i].owner.scope());
        unit_names(u, ui, a.workflow.as_ref(), scope.as_ref(), &mut out);
    }
    out
}

/// The occurrence at document offset `d` (a cursor at either end of a name counts).
pub fn at(index: &[Occurrence], d: usize) -> Option<&Occurrence> {
    index
        .iter()
        .find(|o| o.start <= d && d < o.end)
        .or_else(|| index.iter().find(|o| o.start <= d && d <= o.end))
}

/// The occurrences of `symbol`, in document order.
pub fn of<'i>(index: &'i [Occurrence], symbol: &Symbol) -> Vec<&'i Occurrence> {
    let mut v: Vec<&Occurrence> = index.iter().filter(|o| &o.symbol == symbol).collect();
    v.sort_by_key(|o| (o.start, o.end));
    v.dedup_by_key(|o| (o.start, o.end));
    v
}

/// What `name` means at a site of `scope`, the way the site's inputs resolve it (its
/// step's params, then enclosing loops' variables, then workflow params).
pub fn resolve(names: &NameTables, scope: &Scope, name: &str) -> Option<Symbol> {
    let step = match scope {
        Scope::Step { step_id } | Scope::StepWithoutOwnParams { step_id } => Some(step_id),
        _ => None,
    };
    if let Some(id) = step {
        if matches!(scope, Scope::Step { .. }) {
            let own = names.step(id).is_some_and(|s| {
                s.params
                    .iter()
                    .chain(&s.loop_params)
                    .any(|p| p.name == name)
            });
            if own {
                return Some(Symbol::StepParam {
                    step: id.clone(),
                    name: name.to_string(),
                });
            }
        }
        // Enclosing loops, outermost first (as `NameTables::loop_variables` lists them).
        let mut chain = Vec::new();
        let mut cur = names.step(id).and_then(|s| s.parent.clone());
        while let Some(p) = cur {
            let Some(s) = names.step(&p) else { break };
            chain.push(s);
            cur = s.parent.clone();
            if chain.len() > names.steps.len() {
                break;
            }
        }
        if let Some(s) = chain
            .iter()
            .rev()
            .find(|s| s.loop_params.iter().any(|p| p.name == name))
        {
            return Some(Symbol::StepParam {
                step: s.id.clone(),
                name: name.to_string(),
            });
        }
    }
    let workflow_visible = matches!(
        scope,
        Scope::Workflow | Scope::Step { .. } | Scope::StepWithoutOwnParams { .. }
    );
    if workflow_visible && names.workflow_param(name).is_some() {
        return Some(Symbol::WorkflowParam(name.to_string()));
    }
    None
}

/// The occurrences a `prefix__param` name at `start..end` stands for: the step (or
/// signal) part and, for steps, the param part.
fn prefixed(names: &NameTables, name: &str) -> Option<Vec<(Symbol, usize, usize)>> {
    let (prefix, param) = name.split_once("__")?;
    if prefix.is_empty() || param.is_empty() {
        return None;
    }
    let p = prefix.len();
    if names.step(prefix).is_some() {
        return Some(vec![
            (Symbol::Step(prefix.to_string()), 0, p),
            (
                Symbol::StepParam {
                    step: prefix.to_string(),
                    name: param.to_string(),
                },
                p + 2,
                name.len(),
            ),
        ]);
    }
    if names.signals.iter().any(|s| s.name == prefix) {
        return Some(vec![(Symbol::Signal(prefix.to_string()), 0, p)]);
    }
    None
}

fn document_names(w: &Workflow, text: &str, out: &mut Vec<Occurrence>) {
    let n = &w.names;
    let mut push = |symbol: Symbol, span: maestro_model::Span, form: Form| {
        let (start, end) = inside_quotes(text, span.start, span.end);
        out.push(Occurrence {
            symbol,
            start,
            end,
            form,
            unit: None,
        })
    };
    for p in &n.workflow_params {
        push(
            Symbol::WorkflowParam(p.name.clone()),
            p.span,
            Form::Definition,
        );
    }
    for s in &n.steps {
        push(Symbol::Step(s.id.clone()), s.span, Form::Definition);
        for p in s.params.iter().chain(&s.loop_params) {
            let symbol = Symbol::StepParam {
                step: s.id.clone(),
                name: p.name.clone(),
            };
            push(symbol, p.span, Form::Definition);
        }
    }
    for s in &n.signals {
        push(Symbol::Signal(s.name.clone()), s.span, Form::Definition);
    }
    fn transitions(steps: &[Step], push: &mut dyn FnMut(Symbol, maestro_model::Span, Form)) {
        for s in steps {
            if let Some(t) = &s.transition {
                for x in &t.successors {
                    push(Symbol::Step(x.id.text.clone()), x.id.span, Form::Text);
                }
                for x in &t.predecessors {
                    push(Symbol::Step(x.text.clone()), x.span, Form::Text);
                }
            }
            transitions(&s.steps, push);
        }
    }
    if let Some(wf) = &w.doc.workflow {
        transitions(&wf.steps, &mut push);
    }
    // `$name` / `${name}` in interpolated literals.
    for site in w.sites.iter().filter(|s| !s.kind.is_sel()) {
        let scope = site.owner.scope();
        for r in &site.references {
            if let Some(parts) = prefixed(n, &r.name) {
                for (symbol, s, e) in parts {
                    let span = site.doc_span(r.text_range.0 + s, r.text_range.0 + e);
                    push(symbol, span, Form::Text);
                }
            } else if let Some(symbol) = resolve(n, &scope, &r.name) {
                push(symbol, r.span, Form::Text);
            }
        }
    }
}

/// Some model spans are a string node's (quotes included, as for signal names in
/// dependencies and outputs): the name is what is between the quotes.
fn inside_quotes(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or("");
    let quoted = s.len() >= 2
        && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\'')));
    if quoted {
        (start + 1, end - 1)
    } else {
        (start, end)
    }
}

/// SEL names and string arguments of one unit.
fn unit_names(
    u: &Unit,
    ui: usize,
    w: Option<&Workflow>,
    scope: Option<&Scope>,
    out: &mut Vec<Occurrence>,
) {
    let p = u.program();
    let mut push = |symbol: Symbol, start: u32, end: u32, form: Form| {
        let (s, e) = u.doc_span(start as usize, end as usize);
        out.push(Occurrence {
            symbol,
            start: s,
            end: e,
            form,
            unit: Some(ui),
        });
    };
    for (ident, _) in identifiers(p) {
        let name = p.name(ident.sym);
        let (s, e) = (ident.span.start, ident.span.end);
        if u.types.bindings.iter().any(|b| b.name == name) {
            let symbol = Symbol::Local {
                site: u.site,
                name: name.to_string(),
            };
            push(symbol, s, e, Form::Identifier);
            continue;
        }
        let (Some(w), Some(scope)) = (w, scope) else {
            continue;
        };
        if let Some(symbol) = resolve(&w.names, scope, name) {
            push(symbol, s, e, Form::Identifier);
        } else if let Some(parts) = prefixed(&w.names, name) {
            for (symbol, a, b) in parts {
                push(symbol, s + a as u32, s + b as u32, Form::IdentifierPart);
            }
        }
    }
    let (Some(w), Some(scope)) = (w, scope) else {
        return;
    };
    for e in &p.exprs {
        let ExprKind::Call { recv, name, args } = &e.kind else {
            continue;
        };
        let is_params = u.types.of(*recv) == "PRESET_PARAMS"
            || matches!(&p.expr(*recv).kind, ExprKind::Name(n) if p.name(n.sym) == "params");
        if !is_params {
            continue;
        }
        // Each argument's literal text and the span of its content (inside the quotes).
        let lit: Vec<Option<(&str, u32, u32)>> = args
            .iter()
            .map(|&a| match &p.expr(a).kind {
                ExprKind::Literal(Literal::Str(r)) => {
                    let sp = p.expr(a).span;
                    (sp.end >= sp.start + 2).then(|| (p.string(*r), sp.start + 1, sp.end - 1))
                }
                _ => None,
            })
            .collect();
        let arg = |i: usize| lit.get(i).copied().flatten();
        let step = |t: &str| Symbol::Step(t.to_string());
        let step_param = |s: &str, t: &str| Symbol::StepParam {
            step: s.to_string(),
            name: t.to_string(),
        };
        let mut found: Vec<(Symbol, u32, u32)> = Vec::new();
        match (p.name(name.sym), args.len()) {
            ("get" | "containsKey", 1) => {
                if let Some((t, s, e)) = arg(0) {
                    if let Some(symbol) = resolve(&w.names, scope, t) {
                        found.push((symbol, s, e));
                    }
                }
            }
            ("getFromStep", 2) => {
                if let Some((t, s, e)) = arg(0) {
                    found.push((step(t), s, e));
                    if let Some((q, s, e)) = arg(1) {
                        found.push((step_param(t, q), s, e));
                    }
                }
            }
            ("getFromForeach", 3) => {
                if let Some((t, s, e)) = arg(0) {
                    found.push((step(t), s, e));
                }
                if let Some((t, s, e)) = arg(1) {
                    found.push((step(t), s, e));
                    if let Some((q, s, e)) = arg(2) {
                        found.push((step_param(t, q), s, e));
                    }
                }
            }
            ("getFromSubworkflow", 3) => {
                if let Some((t, s, e)) = arg(0) {
                    found.push((step(t), s, e));
                }
            }
            ("getFromSignal", 2) | ("getFromSignalOrDefault", 3) => {
                if let Some((t, s, e)) = arg(0) {
                    found.push((Symbol::Signal(t.to_string()), s, e));
                }
            }
            _ => {}
        }
        for (symbol, s, e) in found {
            push(symbol, s, e, Form::Text);
        }
    }
}

/// Every identifier of a program that names a variable: uses, assignment targets and
/// declarators.
pub fn identifiers(p: &Program) -> Vec<(sel_grammar::ast::Ident, bool)> {
    let mut out = Vec::new();
    for e in &p.exprs {
        match &e.kind {
            ExprKind::Name(n) => out.push((*n, false)),
            ExprKind::Assign { target, .. } => out.push((*target, false)),
            _ => {}
        }
    }
    for s in &p.stmts {
        let decl = match &s.kind {
            StmtKind::Decl(d) => Some(d),
            StmtKind::For {
                init: Some(ForInit::Decl(d)),
                ..
            } => Some(d),
            _ => None,
        };
        for dc in decl.iter().flat_map(|d| &d.declarators) {
            out.push((dc.name, true));
        }
    }
    out
}
