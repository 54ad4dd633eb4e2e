//! Completion: keywords, locals, static classes and their members, methods by the
//! receiver's inferred type, zone ids in `forID('…')`, and in workflow documents the
//! params visible at the site, `stepId__param` names of upstream steps, step ids and
//! their params in `params.getFromStep('…', '…')`, and signal names in `getFromSignal`.

use super::context::{self, is_params, CallSite, Context, Env, Receiver};
use super::Unit;
use crate::workflow::{sel_type, SiteInputs, Workflow};
use maestro_model::{NameTables, Owner, Scope, StepNames};
use sel_core::catalog::{self, Call};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    Variable,
    Param,
    Class,
    Method,
    Field,
    Step,
    Signal,
    Zone,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub kind: Kind,
    pub detail: Option<String>,
    /// Documentation, sent on `completionItem/resolve` only (it is the bulk of a list).
    pub doc: Option<&'static str>,
    /// For methods, a snippet that writes the call with its parameters as tab stops.
    pub snippet: Option<String>,
}

fn item(
    label: impl Into<String>,
    kind: Kind,
    detail: Option<String>,
    doc: Option<&'static str>,
) -> Item {
    Item {
        label: label.into(),
        kind,
        detail,
        doc,
        snippet: None,
    }
}

/// At most this many items are sent; the list is then marked incomplete so the client
/// asks again as the user types.
pub const LIMIT: usize = 100;

/// A ranked completion list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub items: Vec<Item>,
    /// Some matching items were left out (more than [`LIMIT`]).
    pub incomplete: bool,
    /// Unit range of the partial word the items replace.
    pub replace: (usize, usize),
}

/// The items at `offset` that match the partial word before it, best first.
pub fn complete_ranked(unit: &Unit, workflow: Option<&Workflow>, offset: usize) -> Completion {
    let (items, partial) = complete_with_partial(unit, workflow, offset);
    let (order, incomplete) =
        super::fuzzy::rank(&partial, items.iter().map(|i| i.label.as_str()), LIMIT);
    let mut slots: Vec<Option<Item>> = items.into_iter().map(Some).collect();
    let items = order.into_iter().filter_map(|i| slots[i].take()).collect();
    Completion {
        items,
        incomplete,
        replace: (offset.saturating_sub(partial.len()), offset),
    }
}

/// A call snippet: `name(${1:a}, ${2:b})`, or `name()` for no parameters.
fn call_snippet(m: &catalog::Method) -> String {
    let args: Vec<String> = m
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| format!("${{{}:{}}}", i + 1, p.name))
        .collect();
    format!("{}({})$0", m.name, args.join(", "))
}

/// Completion items at unit offset `offset`, unfiltered.
pub fn complete(unit: &Unit, workflow: Option<&Workflow>, offset: usize) -> Vec<Item> {
    complete_with_partial(unit, workflow, offset).0
}

/// The items and the partial word typed before `offset`.
fn complete_with_partial(
    unit: &Unit,
    workflow: Option<&Workflow>,
    offset: usize,
) -> (Vec<Item>, String) {
    let inputs = workflow.zip(unit.site).map(|(w, i)| w.inputs(i));
    let own = workflow
        .zip(unit.site)
        .and_then(|(w, i)| own_param(&w.sites[i].owner));
    let site = inputs.as_ref().map(|inputs| SiteNames { inputs, own });
    let env = Env {
        unit,
        offset: offset as u32,
        site: inputs.as_ref().map(|s| s as &dyn super::Inputs),
    };
    match context::at(&env, offset) {
        Context::Nothing => (Vec::new(), String::new()),
        Context::Member { receiver, partial } => (members(&receiver, site.as_ref()), partial),
        Context::StringArg { call, partial } => {
            (string_arg(&call, workflow, site.as_ref()), partial)
        }
        Context::Code { partial } => (code(unit, site.as_ref(), offset), partial),
    }
}

/// What a workflow site can name: its inputs, minus the param whose definition the
/// site is (a param reading itself does not resolve: Maestro reports a cycle).
pub struct SiteNames<'a> {
    pub inputs: &'a SiteInputs<'a>,
    pub own: Option<&'a str>,
}

/// The param a site defines, when the site is (part of) a param's value.
pub fn own_param(owner: &Owner) -> Option<&str> {
    match owner {
        Owner::WorkflowParam { path }
        | Owner::StepParam { path, .. }
        | Owner::LoopParam { path, .. }
        | Owner::SignalTriggerParam { path, .. }
        | Owner::SignalOutputParam { path, .. } => path.first().map(String::as_str),
        _ => None,
    }
}

/// The steps whose params a site of `scope` can read with `getFromStep`: the steps
/// upstream of its step and, for steps inside loops, those upstream of each enclosing
/// loop step (they have finished before the loop started). Not the step itself, nor
/// anything downstream: their params do not exist yet when the site is evaluated.
pub fn readable_steps<'n>(names: &'n NameTables, scope: &Scope) -> Vec<&'n StepNames> {
    let (Scope::Step { step_id } | Scope::StepWithoutOwnParams { step_id }) = scope else {
        return Vec::new();
    };
    let mut ids: Vec<&str> = Vec::new();
    let mut cur = names.step(step_id);
    let mut guard = 0;
    while let Some(s) = cur {
        ids.extend(s.upstream.iter().map(String::as_str));
        cur = s.parent.as_deref().and_then(|p| names.step(p));
        guard += 1;
        if guard > names.steps.len() {
            break;
        }
    }
    // Document order, each once.
    names
        .steps
        .iter()
        .filter(|s| ids.contains(&s.id.as_str()))
        .collect()
}

fn members(r: &Receiver, site: Option<&SiteNames<'_>>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for m in catalog::methods_of(r.ty) {
        let fits = match m.call {
            Call::Any => true,
            Call::Static => r.is_static,
            Call::Instance => !r.is_static || r.ty == "PRESET_PARAMS",
        };
        if !fits {
            continue;
        }
        if let Some(existing) = out.iter_mut().find(|i| i.label == m.name) {
            // One item per name; further overloads are listed in the detail.
            if let Some(d) = &mut existing.detail {
                d.push_str(" | ");
                d.push_str(&m.signature());
            }
            continue;
        }
        let mut it = item(m.name, Kind::Method, Some(m.signature()), Some(m.doc));
        it.snippet = Some(call_snippet(m));
        out.push(it);
    }
    for f in catalog::fields_of(r.ty) {
        out.push(item(
            f.name,
            Kind::Field,
            Some(f.ty.to_string()),
            Some(f.doc),
        ));
    }
    if is_params(r) {
        if let Some(site) = site {
            out.extend(visible_params(site));
        }
    }
    out
}

/// The params an expression at a site sees, as completion items.
fn visible_params(site: &SiteNames<'_>) -> Vec<Item> {
    let mut out = own_scope_params(site);
    let inputs = site.inputs;
    let names = inputs.names;
    if let Some(s) = step_of(&inputs.scope).and_then(|id| names.step(id)) {
        for up in &s.upstream {
            if let Some(u) = names.step(up) {
                for d in &u.params {
                    let ty = d.param_type.map_or("param", sel_type);
                    out.push(item(
                        format!("{up}__{}", d.name),
                        Kind::Param,
                        Some(format!("{ty} param of step {up}")),
                        None,
                    ));
                }
            }
        }
    }
    // Maestro's default params the document does not define, after its own.
    let workflow_visible = matches!(
        inputs.scope,
        Scope::Workflow | Scope::Step { .. } | Scope::StepWithoutOwnParams { .. }
    );
    let step = step_of(&inputs.scope).is_some();
    let defaults = super::defaults::WORKFLOW
        .iter()
        .filter(|_| workflow_visible)
        .map(|d| (d, "default workflow param"))
        .chain(
            super::defaults::STEP
                .iter()
                .filter(|_| step)
                .map(|d| (d, "default step param")),
        );
    for (d, what) in defaults {
        if !out.iter().any(|i| i.label == d.name) && inputs.index.get(d.name).is_none() {
            out.push(item(
                d.name,
                Kind::Param,
                Some(format!("{} {what}", sel_type(d.ty))),
                Some(d.meaning),
            ));
        }
    }
    out
}

fn step_of(scope: &Scope) -> Option<&String> {
    match scope {
        Scope::Step { step_id } | Scope::StepWithoutOwnParams { step_id } => Some(step_id),
        _ => None,
    }
}

/// The params of the site's own scopes (step, loops, workflow), by plain name: what
/// `params.get('…')` can read.
fn own_scope_params(site: &SiteNames<'_>) -> Vec<Item> {
    let inputs = site.inputs;
    let names = inputs.names;
    let mut out = Vec::new();
    let param = |d: &maestro_model::NameDef, what: &str| {
        let ty = d.param_type.map_or("param", sel_type);
        item(
            d.name.clone(),
            Kind::Param,
            Some(format!("{ty} {what}")),
            None,
        )
    };
    if let Some(id) = step_of(&inputs.scope) {
        if matches!(inputs.scope, Scope::Step { .. }) {
            if let Some(s) = names.step(id) {
                out.extend(s.params.iter().map(|d| param(d, "step param")));
                out.extend(s.loop_params.iter().map(|d| param(d, "loop param")));
            }
        }
        out.extend(
            names
                .loop_variables(id)
                .into_iter()
                .map(|d| param(d, "loop param")),
        );
    }
    if matches!(
        inputs.scope,
        Scope::Workflow | Scope::Step { .. } | Scope::StepWithoutOwnParams { .. }
    ) {
        out.extend(
            names
                .workflow_params
                .iter()
                .map(|d| param(d, "workflow param")),
        );
    }
    let mut seen = BTreeSet::new();
    out.retain(|i| Some(i.label.as_str()) != site.own && seen.insert(i.label.clone()));
    out
}

fn code(unit: &Unit, site: Option<&SiteNames<'_>>, offset: usize) -> Vec<Item> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for b in &unit.types.bindings {
        if b.span.start as usize <= offset && seen.insert(b.name.clone()) {
            out.push(item(
                b.name.clone(),
                Kind::Variable,
                Some(format!("{} (local)", b.ty)),
                None,
            ));
        }
    }
    if let Some(site) = site {
        out.extend(
            visible_params(site)
                .into_iter()
                .filter(|i| seen.insert(i.label.clone())),
        );
    }
    for s in catalog::static_names() {
        if s.value {
            out.push(item(
                s.name,
                Kind::Class,
                Some(s.ty.to_string()),
                Some(s.doc),
            ));
        }
    }
    for k in catalog::keywords() {
        if k.meaningful {
            out.push(item(k.word, Kind::Keyword, None, Some(k.doc)));
        }
    }
    out
}

fn string_arg(
    call: &CallSite,
    workflow: Option<&Workflow>,
    site: Option<&SiteNames<'_>>,
) -> Vec<Item> {
    let r = &call.receiver;
    if r.ty == "DATETIME_ZONE" && call.method == "forID" && call.arg == 0 {
        return chrono_tz::TZ_VARIANTS
            .iter()
            .map(|z| item(z.name(), Kind::Zone, None, None))
            .collect();
    }
    let Some(w) = workflow.filter(|_| is_params(r)) else {
        return Vec::new();
    };
    let first = call.literal_args.first().cloned().flatten();
    let readable = site.map_or_else(Vec::new, |s| readable_steps(&w.names, &s.inputs.scope));
    match (call.method.as_str(), call.arg) {
        ("get" | "containsKey", 0) => site.map_or_else(Vec::new, own_scope_params),
        ("getFromStep", 0) => readable
            .into_iter()
            .map(|s| {
                item(
                    s.id.clone(),
                    Kind::Step,
                    Some(s.kind.as_str().to_string()),
                    None,
                )
            })
            .collect(),
        ("getFromStep", 1) => readable
            .into_iter()
            .find(|s| Some(&s.id) == first.as_ref())
            .map(|s| {
                s.params
                    .iter()
                    .map(|d| {
                        let ty = d.param_type.map_or("param", sel_type);
                        item(
                            d.name.clone(),
                            Kind::Param,
                            Some(format!("{ty} param of step {}", s.id)),
                            None,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ("getFromSignal" | "getFromSignalOrDefault", 0) => {
            let mut seen = BTreeSet::new();
            w.names
                .signals
                .iter()
                .filter(|s| seen.insert(s.name.clone()))
                .map(|s| {
                    item(
                        s.name.clone(),
                        Kind::Signal,
                        Some("signal".to_string()),
                        None,
                    )
                })
                .collect()
        }
        ("getFromSignal" | "getFromSignalOrDefault", 1) => {
            let mut seen = BTreeSet::new();
            w.names
                .signals
                .iter()
                .filter(|s| Some(&s.name) == first.as_ref())
                .flat_map(|s| s.params.iter())
                .filter(|p| seen.insert((*p).clone()))
                .map(|p| {
                    item(
                        p.clone(),
                        Kind::Param,
                        Some("signal param".to_string()),
                        None,
                    )
                })
                .collect()
        }
        _ => Vec::new(),
    }
}
