//! Go to definition: a local to its declaration (or first assignment), a param name to
//! its definition in the workflow, `stepId__param` to that step's param.

use super::{ident_at, IdentRole, Unit};
use crate::workflow::Workflow;

/// Where something is defined: a unit span or a document span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Unit(u32, u32),
    Document(usize, usize),
}

pub fn definition(unit: &Unit, workflow: Option<&Workflow>, offset: usize) -> Option<Target> {
    let p = unit.program();
    let (ident, role) = ident_at(p, offset as u32)?;
    if !matches!(
        role,
        IdentRole::Name(_) | IdentRole::AssignTarget(_) | IdentRole::Declarator(_)
    ) {
        return None;
    }
    let name = p.name(ident.sym);
    if let Some(b) = unit.types.binding_at(name, ident.span.start) {
        return Some(Target::Unit(b.span.start, b.span.end));
    }
    let w = workflow?;
    let site = &w.sites[unit.site?];
    let step = match site.owner.scope() {
        maestro_model::Scope::Step { step_id }
        | maestro_model::Scope::StepWithoutOwnParams { step_id } => Some(step_id),
        _ => None,
    };
    let in_step = |id: &str, param: &str| {
        w.names
            .step(id)
            .and_then(|s| {
                s.params
                    .iter()
                    .chain(&s.loop_params)
                    .find(|d| d.name == param)
            })
            .map(|d| Target::Document(d.span.start, d.span.end))
    };
    if let Some(t) = step.as_deref().and_then(|id| in_step(id, name)) {
        return Some(t);
    }
    if let Some(id) = &step {
        if let Some(d) = w
            .names
            .loop_variables(id)
            .into_iter()
            .find(|d| d.name == name)
        {
            return Some(Target::Document(d.span.start, d.span.end));
        }
    }
    if let Some(d) = w.workflow_param(name) {
        return Some(Target::Document(d.span.start, d.span.end));
    }
    let (id, param) = name.split_once("__")?;
    in_step(id, param)
}
