//! Diagnostics of a document: the engine loader's problems (workflow documents), and for
//! every unit its syntax errors, validation errors, certain type errors, lints and
//! unknown names, all in document offsets.

use super::lints::lints;
use super::{Diag, Severity, Unit, UnitMap};
use crate::document::{Analysis, Language};
use sel_grammar::ast::ExprKind;

/// Every diagnostic of the analysed document, ordered by position.
pub fn document(a: &Analysis) -> Vec<Diag> {
    let mut out = Vec::new();
    if let Some(w) = &a.workflow {
        for d in &w.doc.diagnostics {
            out.push(Diag {
                start: d.span.start,
                end: d.span.end,
                severity: match d.severity {
                    maestro_model::Severity::Error => Severity::Error,
                    maestro_model::Severity::Warning => Severity::Warning,
                },
                code: "maestro::document",
                message: d.message.clone(),
            });
        }
    }
    for u in &a.units {
        let unknown = match (&a.workflow, u.site) {
            (Some(w), Some(i)) => {
                let inputs = w.inputs(i);
                Unknown::Warn(Box::new(move |n: &str| {
                    super::Inputs::input(&inputs, n).is_some()
                }))
            }
            _ if a.language == Language::Sel => Unknown::Hint,
            _ => Unknown::Off,
        };
        unit(u, &unknown, &mut out);
    }
    // Only when nothing else is wrong: the dry run stops at the first failing param,
    // which the checks above already report where they can.
    if let Some(w) = &a.workflow {
        if !out.iter().any(|d| d.severity == Severity::Error) {
            push_time(w, &mut out);
        }
    }
    out.sort_by_key(|d| (d.start, d.end));
    out
}

/// The engine's own push-time checks (DAG cycles, a dry run of the workflow params,
/// retry policies and timeouts), once the document reads without errors: what
/// `maestro validate` and a push would reject, at the span it is about.
fn push_time(w: &crate::workflow::Workflow, out: &mut Vec<Diag>) {
    if w.doc.has_errors() {
        return;
    }
    let Some(model) = &w.doc.workflow else {
        return;
    };
    let owner = w
        .doc
        .properties
        .as_ref()
        .and_then(|p| p.owner.as_ref())
        .map(|o| o.value.as_str());
    let evaluator = maestro_core::maestro_evaluator();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    for p in maestro_core::validate::check_definition(model, owner, &evaluator, now) {
        out.push(Diag {
            start: p.span.start,
            end: p.span.end,
            severity: Severity::Error,
            code: "maestro::push",
            message: p.message,
        });
    }
}

/// How to report names that are neither locals nor statics.
pub enum Unknown<'a> {
    /// In a workflow: a warning unless the predicate knows the name.
    Warn(Box<dyn Fn(&str) -> bool + 'a>),
    /// In a `.sel` file there are no params: a hint that the name reads an input.
    Hint,
    Off,
}

/// The diagnostics of one unit.
pub fn unit(u: &Unit, unknown: &Unknown<'_>, out: &mut Vec<Diag>) {
    let parse = &u.parsed.parse;
    let mut push = |span: sel_grammar::Span, severity, code, message: String| {
        let (start, end) = u.doc_span_of(span);
        out.push(Diag {
            start,
            end,
            severity,
            code,
            message,
        });
    };
    for e in &parse.errors {
        push(e.span, Severity::Error, "sel::syntax", e.to_string());
    }
    let sanitized = matches!(u.map, UnitMap::Site { .. });
    if sanitized {
        // Explains the syntax error the swallowed `;` causes, so it runs on broken code.
        if let Some(l) = super::lints::sanitize_comment(u.program(), u.text()) {
            push(l.span, l.severity, l.code, l.message);
        }
    }
    if !parse.errors.is_empty() {
        return;
    }
    // The reference's validation pass: its only errors beyond syntax are limits (length).
    let names = match u.parsed.validated() {
        Ok(names) => names,
        Err(e) => {
            let span = sel_grammar::Span::new(0, u.text().len() as u32);
            push(span, Severity::Error, "sel::validation", e.to_string());
            return;
        }
    };
    for issue in &u.types.issues {
        push(
            issue.span,
            Severity::Error,
            "sel::type",
            issue.message.clone(),
        );
    }
    for l in lints(u.program(), &u.types) {
        push(l.span, l.severity, l.code, l.message);
    }
    let p = u.program();
    for name in names {
        if name == "params" || u.types.bindings.iter().any(|b| &b.name == name) {
            continue;
        }
        let (severity, message) = match unknown {
            Unknown::Warn(known) if !known(name) => (
                Severity::Warning,
                format!("`{name}` is not a local variable nor a param visible here"),
            ),
            Unknown::Hint => (
                Severity::Hint,
                format!("`{name}` is not declared: it reads the input variable `{name}`"),
            ),
            _ => continue,
        };
        let first = p.exprs.iter().find_map(|e| match &e.kind {
            ExprKind::Name(id) if p.name(id.sym) == name.as_str() => Some(id.span),
            _ => None,
        });
        if let Some(span) = first {
            push(span, severity, "sel::unknown-name", message);
        }
    }
}
