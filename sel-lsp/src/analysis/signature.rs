//! Signature help: the overloads of the method whose argument list holds the cursor,
//! with the active parameter.

use super::context::{self, Env};
use super::Unit;
use crate::workflow::Workflow;
use sel_core::catalog;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub label: String,
    pub params: Vec<String>,
    pub doc: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Help {
    pub signatures: Vec<Signature>,
    pub active_signature: usize,
    pub active_param: usize,
}

pub fn help(unit: &Unit, workflow: Option<&Workflow>, offset: usize) -> Option<Help> {
    let inputs = workflow.zip(unit.site).map(|(w, i)| w.inputs(i));
    let env = Env {
        unit,
        offset: offset as u32,
        site: inputs.as_ref().map(|s| s as &dyn super::Inputs),
    };
    let prefix = unit.text().get(..offset)?;
    let toks = context::sorted_tokens(prefix);
    let call = context::call_site(&env, prefix, &toks, toks.len())?;
    let overloads: Vec<_> = catalog::overloads(call.receiver.ty, &call.method).collect();
    if overloads.is_empty() {
        return None;
    }
    let active_signature = overloads
        .iter()
        .position(|m| m.variadic || m.params.len() > call.arg)
        .unwrap_or(0);
    let signatures = overloads
        .iter()
        .map(|m| Signature {
            label: m.signature(),
            params: m
                .params
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let dots = if m.variadic && i + 1 == m.params.len() {
                        "..."
                    } else {
                        ""
                    };
                    format!("{}: {}{dots}", p.name, p.ty)
                })
                .collect(),
            doc: m.doc.to_string(),
        })
        .collect();
    let m = overloads[active_signature];
    let active_param = if m.variadic {
        call.arg.min(m.params.len().saturating_sub(1))
    } else {
        call.arg
    };
    Some(Help {
        signatures,
        active_signature,
        active_param,
    })
}
