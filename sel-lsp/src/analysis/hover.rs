//! Hover: the inferred type of what is under the cursor and, for methods, fields and
//! static names, the catalogue's documentation. Markdown with a `sel` code block.

use super::types::Ty;
use super::{expr_at, ident_at, IdentRole, Unit};
use crate::workflow::{sel_type, Workflow};
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
        let inputs = w.inputs(i);
        if let Some(ty) = super::Inputs::input(&inputs, name) {
            let what = if w.workflow_param(name).is_some() {
                "workflow param"
            } else if name.contains("__") {
                "param of another step or a signal"
            } else {
                "step param"
            };
            let ty = w
                .workflow_param(name)
                .and_then(|d| d.param_type)
                .map_or(ty, sel_type);
            return code(&format!("{ty} {name}"), what);
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
