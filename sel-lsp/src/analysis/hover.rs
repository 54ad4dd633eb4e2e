//! Hover: the inferred type of what is under the cursor and, for methods, fields and
//! static names, the catalogue's documentation. Markdown with a `sel` code block.

use super::defaults::{self, Default};
use super::refs::Symbol;
use super::types::Ty;
use super::{expr_at, ident_at, IdentRole, Unit};
use crate::workflow::{sel_type, Workflow};
use maestro_model::{Param, Scope};
use sel_core::catalog;
use sel_grammar::ast::{ExprKind, Span};

/// Hover text and the unit span it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoverInfo {
    pub markdown: String,
    pub span: Span,
}

fn code(sig: &str, doc: &str) -> String {
    if doc.is_empty() {
        format!("```sel\n{sig}\n```")
    } else {
        format!("```sel\n{sig}\n```\n\n{doc}")
    }
}

pub fn hover(unit: &Unit, workflow: Option<&Workflow>, offset: usize) -> Option<HoverInfo> {
    let p = unit.program();
    let at = offset as u32;
    if let Some((ident, role)) = ident_at(p, at) {
        let name = p.name(ident.sym);
        let markdown = match role {
            IdentRole::Name(_) | IdentRole::AssignTarget(_) | IdentRole::Declarator(_) => {
                name_hover(unit, workflow, name, at)
            }
            IdentRole::Method(e) => {
                let ExprKind::Call { recv, args, .. } = &p.expr(e).kind else {
                    return None;
                };
                let rt = unit.types.of(*recv);
                let m = catalog::method(rt, name, args.len())
                    .or_else(|| catalog::overloads(rt, name).next())?;
                code(&format!("{rt}.{}", m.signature()), m.doc)
            }
            IdentRole::Field(e) => {
                let ExprKind::Field { recv, .. } = &p.expr(e).kind else {
                    return None;
                };
                let rt = unit.types.of(*recv);
                let f = catalog::field(rt, name)?;
                code(&format!("{rt}.{}: {}", f.name, f.ty), f.doc)
            }
            IdentRole::Class(_) => {
                let s = catalog::static_name(name)?;
                code(&format!("class {name}: {}", s.ty), s.doc)
            }
        };
        return Some(HoverInfo {
            markdown,
            span: ident.span,
        });
    }
    let e = expr_at(p, at)?;
    let ty: Ty = unit.types.of(e);
    Some(HoverInfo {
        markdown: code(ty, ""),
        span: p.expr(e).span,
    })
}

fn name_hover(unit: &Unit, workflow: Option<&Workflow>, name: &str, at: u32) -> String {
    if let Some(b) = unit.types.binding_at(name, at) {
        return code(&format!("{} {name}", b.ty), "local variable");
    }
    if let (Some(w), Some(i)) = (workflow, unit.site) {
        let scope = w.sites[i].owner.scope();
        if let Some(md) =
            super::refs::resolve(&w.names, &scope, name).and_then(|sym| param_markdown(w, &sym))
        {
            return md;
        }
        let inputs = w.inputs(i);
        if let Some(ty) = super::Inputs::input(&inputs, name) {
            let step = matches!(
                scope,
                Scope::Step { .. } | Scope::StepWithoutOwnParams { .. }
            );
            if let Some(d) = defaults::workflow_default(name) {
                return default_markdown(d, "default workflow param");
            }
            if let Some(d) = defaults::step_default(name).filter(|_| step) {
                return default_markdown(d, "default step param");
            }
            return code(&format!("{ty} {name}"), "param of another step or a signal");
        }
    }
    if let Some(s) = catalog::static_name(name) {
        return code(&format!("{name}: {}", s.ty), s.doc);
    }
    code(
        &format!(
            "{} {name}",
            unit.types.binding_at(name, at).map_or("ANY", |b| b.ty)
        ),
        "input variable (not declared)",
    )
}

fn default_markdown(d: &Default, what: &str) -> String {
    code(
        &format!("{} {}", sel_type(d.ty), d.name),
        &format!(
            "{what} · {} · source SYSTEM_DEFAULT\n\n{}",
            d.mode, d.meaning
        ),
    )
}

/// The merged definition of a workflow or step param: its type, mode and source, what
/// it is defined as, and the default param it overrides (engine SPEC §2.3, §2.11).
pub fn param_markdown(w: &Workflow, sym: &Symbol) -> Option<String> {
    let (param, what, default) = match sym {
        Symbol::WorkflowParam(n) => (
            w.doc.workflow.as_ref()?.params.get(n)?,
            "workflow param",
            defaults::workflow_default(n),
        ),
        Symbol::StepParam { step, name } => {
            let s = w.step_model(step)?;
            let p = s
                .params
                .get(name)
                .or_else(|| s.loop_params().and_then(|l| l.get(name)))?;
            (p, "step param", defaults::step_default(name))
        }
        _ => return None,
    };
    // Merging keeps the baseline's type, and its mode unless the definition sets one
    // (engine SPEC §2.8).
    let ty = default.map(|d| d.ty).or(param.ty()).map_or("ANY", sel_type);
    let mode = match (&param.mode, default) {
        (Some(m), _) => m.value.as_str().to_string(),
        (None, Some(d)) => format!("{} (the default's mode)", d.mode),
        (None, None) => "MUTABLE (the default mode)".to_string(),
    };
    let mut doc = format!("{what} · {mode} · source DEFINITION");
    if let Some(text) = defined_as(param) {
        doc.push_str("\n\n");
        doc.push_str(&text);
    }
    if let Some(d) = default {
        doc.push_str(&format!(
            "\n\noverrides the default `{}` ({}, {}, SYSTEM_DEFAULT): {}",
            d.name,
            d.ty.as_str(),
            d.mode,
            d.meaning
        ));
    }
    Some(code(&format!("{ty} {}", param.name.text), &doc))
}

/// `expression: `…`` or `value: `…`` (shortened to one line of at most 80 chars).
fn defined_as(p: &Param) -> Option<String> {
    let (label, text) = match (&p.expression, &p.value) {
        (Some(x), _) => ("expression", x.text.clone()),
        (None, Some(v)) => ("value", node_text(v)?),
        (None, None) => return None,
    };
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short = if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(79).collect::<String>())
    } else {
        one_line
    };
    Some(format!("{label}: `{}`", short.replace('`', "'")))
}

fn node_text(n: &maestro_model::Node) -> Option<String> {
    use maestro_model::NodeKind;
    Some(match &n.kind {
        NodeKind::String(s) => format!("{:?}", s.value),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Number(x) => x
            .as_i64()
            .map(|i| i.to_string())
            .or_else(|| x.as_f64().map(|f| f.to_string()))?,
        _ => return None,
    })
}
