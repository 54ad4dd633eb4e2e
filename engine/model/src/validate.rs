//! Static validation of a workflow (SPEC §1.14, §3.1): identifiers, unique step ids,
//! successors among siblings, loop requirements. Problems become diagnostics with spans;
//! the model stays usable.

use std::collections::HashMap;

use crate::diagnostics::{Code, Diagnostics};
use crate::model::{Name, ParamMap, ParamType, Step, StepKind, Workflow};
use crate::spanned::{NodeKind, Span};

const MAX_STEPS: usize = 300;
const STEP_TYPES: &[&str] = &["NOOP", "SLEEP", "TITUS", "NOTEBOOK", "KUBERNETES", "HTTP"];
const FAILURE_MODES: &[&str] = &["FAIL_IMMEDIATELY", "FAIL_AFTER_RUNNING", "IGNORE_FAILURE"];

/// Whether `id` is a valid workflow id.
pub fn is_valid_workflow_id(id: &str) -> bool {
    let mut b = id.bytes();
    let lower = id.to_ascii_lowercase();
    matches!(b.next(), Some(c) if c == b'_' || c.is_ascii_alphanumeric())
        && b.all(|c| c == b'.' || c == b'-' || c == b'_' || c.is_ascii_alphanumeric())
        && id.len() <= 128
        && !lower.starts_with("maestro_")
        && !lower.ends_with("_maestro")
}

/// Whether `id` is a valid reference id (step id, param name).
pub fn is_valid_reference_id(id: &str) -> bool {
    let mut b = id.bytes();
    matches!(b.next(), Some(c) if c == b'_' || c.is_ascii_alphabetic())
        && b.all(|c| c == b'.' || c == b'-' || c == b'_' || c.is_ascii_alphanumeric())
        && id.len() <= 128
        && !id.contains("__")
        && !id.to_ascii_lowercase().starts_with("maestro_")
}

/// Whether `name` is a valid name (tags, signal names).
pub fn is_valid_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !name.trim().is_empty()
        && name.chars().count() <= 256
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || " .,:@&='(){}$+[]-/\\".contains(c))
        && !lower.starts_with("maestro_")
        && !lower.ends_with("_maestro")
}

pub(crate) fn validate_workflow(w: &Workflow, d: &mut Diagnostics) {
    if let Some(id) = &w.id {
        if !is_valid_workflow_id(&id.text) {
            d.error(
                Code::InvalidIdentifier,
                id.span,
                format!("invalid workflow id \"{}\": it must match [_a-zA-Z0-9][.-_a-zA-Z0-9]*, be at most 128 characters, and not start with maestro_ nor end with _maestro", id.text),
            );
        }
    }
    check_param_names(&w.params, d);
    let total = w.all_steps().len();
    if total > MAX_STEPS {
        d.error(
            Code::Invalid,
            Span::at(w.span.start),
            format!("the workflow has {total} steps; at most {MAX_STEPS} are allowed"),
        );
    }
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for s in w.all_steps() {
        if let Some(id) = &s.id {
            if let Some(first) = seen.get(id.text.as_str()) {
                d.error(
                    Code::DuplicateStepId,
                    id.span,
                    format!(
                        "duplicate step id \"{}\" (first defined at byte {})",
                        id.text, first.start
                    ),
                );
            } else {
                seen.insert(&id.text, id.span);
            }
        }
    }
    if w.steps.is_empty() {
        d.error(
            Code::Missing,
            Span::at(w.span.start),
            "the workflow has no steps",
        );
    }
    check_siblings(&w.steps, d);
    for st in &w.signal_triggers {
        for def in &st.definitions {
            check_name(&def.name, "signal name", d);
        }
    }
    if let Some(n) = &w.instance_step_concurrency {
        if n.as_i64().is_some_and(|v| !(1..1000).contains(&v)) {
            d.error(
                Code::Invalid,
                n.span,
                "instance_step_concurrency must be between 1 and 999",
            );
        }
    }
    walk(&w.steps, &mut Vec::new(), d);
}

fn check_name(n: &Name, what: &str, d: &mut Diagnostics) {
    if !is_valid_name(&n.text) {
        d.error(
            Code::InvalidIdentifier,
            n.span,
            format!("invalid {what} \"{}\"", n.text),
        );
    }
}

fn check_param_names(params: &ParamMap, d: &mut Diagnostics) {
    for p in params.iter() {
        if !is_valid_reference_id(&p.name.text) {
            d.error(
                Code::InvalidIdentifier,
                p.name.span,
                format!("invalid param name \"{}\": it must match [_a-zA-Z][.-_a-zA-Z0-9]*, not contain __ and not start with maestro_", p.name.text),
            );
        }
    }
}

/// Successors must be siblings; explicit predecessors must match the successor edges.
fn check_siblings(steps: &[Step], d: &mut Diagnostics) {
    let ids: Vec<&str> = steps.iter().filter_map(Step::id).collect();
    for s in steps {
        let Some(t) = &s.transition else { continue };
        for succ in &t.successors {
            if !ids.contains(&succ.id.text.as_str()) {
                d.error(
                    Code::UnknownStep,
                    succ.id.span,
                    format!("successor \"{}\" is not a step at this level", succ.id.text),
                );
            } else if Some(succ.id.text.as_str()) == s.id() {
                d.error(
                    Code::Invalid,
                    succ.id.span,
                    "a step cannot be its own successor",
                );
            }
        }
        if t.predecessors.is_empty() {
            continue;
        }
        let expected: Vec<&str> = steps
            .iter()
            .filter(|p| {
                p.transition.as_ref().is_some_and(|pt| {
                    pt.successors
                        .iter()
                        .any(|x| Some(x.id.text.as_str()) == s.id())
                })
            })
            .filter_map(Step::id)
            .collect();
        for (i, p) in t.predecessors.iter().enumerate() {
            if t.predecessors[..i].iter().any(|q| q.text == p.text) {
                d.error(
                    Code::DuplicateKey,
                    p.span,
                    format!("predecessor \"{}\" is listed twice", p.text),
                );
            } else if !expected.contains(&p.text.as_str()) {
                d.error(
                    Code::UnknownStep,
                    p.span,
                    format!("\"{}\" does not list this step as a successor", p.text),
                );
            }
        }
        for e in expected {
            if !t.predecessors.iter().any(|p| p.text == e) {
                d.error(
                    Code::Invalid,
                    t.span,
                    format!("predecessors miss \"{e}\", which lists this step as a successor"),
                );
            }
        }
    }
}

/// Per-step rules; `loop_names` are the loop params of enclosing loops.
fn walk(steps: &[Step], loop_names: &mut Vec<String>, d: &mut Diagnostics) {
    for s in steps {
        step_rules(s, d);
        if !s.kind.is_loop() {
            continue;
        }
        let pushed = match s.loop_params() {
            Some(lp) => {
                for p in lp.iter() {
                    if loop_names.contains(&p.name.text) {
                        d.error(
                            Code::Invalid,
                            p.name.span,
                            format!(
                                "loop param \"{}\" is already a loop param of an enclosing loop",
                                p.name.text
                            ),
                        );
                    }
                }
                let names: Vec<String> = lp.names().map(str::to_string).collect();
                let n = names.len();
                loop_names.extend(names);
                n
            }
            None => 0,
        };
        check_siblings(&s.steps, d);
        walk(&s.steps, loop_names, d);
        loop_names.truncate(loop_names.len() - pushed);
    }
}

fn step_rules(s: &Step, d: &mut Diagnostics) {
    if let Some(id) = &s.id {
        if !is_valid_reference_id(&id.text) {
            d.error(
                Code::InvalidIdentifier,
                id.span,
                format!("invalid step id \"{}\": it must match [_a-zA-Z][.-_a-zA-Z0-9]*, not contain __ and not start with maestro_", id.text),
            );
        }
    }
    check_param_names(&s.params, d);
    if let Some(fm) = &s.failure_mode {
        if !FAILURE_MODES.contains(&fm.value.to_ascii_uppercase().as_str()) {
            d.error(
                Code::UnknownValue,
                fm.span,
                format!("unknown failure mode \"{}\"", fm.value),
            );
        }
    }
    match s.kind {
        StepKind::Typed => {
            if let Some(t) = &s.step_type {
                if !STEP_TYPES.contains(&t.value.to_ascii_uppercase().as_str()) {
                    d.error(
                        Code::UnknownValue,
                        t.span,
                        format!("unknown step type \"{}\" (expected NoOp, Sleep, Titus, Notebook, Kubernetes or Http)", t.value),
                    );
                }
            }
        }
        StepKind::Foreach | StepKind::While => {
            let lp = s.params.get("loop_params");
            match lp {
                None => d.error(
                    Code::Missing,
                    s.kind_span,
                    format!("a {} step needs params.loop_params", s.kind.as_str()),
                ),
                Some(p) if p.ty().is_some_and(|t| t != ParamType::Map) => d.error(
                    Code::Invalid,
                    p.name.span,
                    "loop_params must be a MAP param",
                ),
                _ => {}
            }
            if s.kind == StepKind::While && s.condition.is_none() {
                d.error(
                    Code::Missing,
                    s.kind_span,
                    "a while step needs a \"condition\"",
                );
            }
            if s.steps.is_empty() {
                d.error(
                    Code::Missing,
                    s.kind_span,
                    format!("the {} step has no steps", s.kind.as_str()),
                );
            }
        }
        StepKind::Subworkflow => {
            let id = s.params.get("subworkflow_id");
            let ok = id.is_some_and(|p| {
                p.expression.is_some()
                    || p.value
                        .as_ref()
                        .is_some_and(|v| matches!(v.kind, NodeKind::String(_)))
            });
            if !ok {
                d.error(
                    Code::Missing,
                    s.kind_span,
                    "a subworkflow step needs a subworkflow_id param",
                );
            }
        }
        StepKind::Template => {}
    }
    for dep in &s.signal_dependencies {
        if let Some(n) = &dep.name {
            check_name(&Name::new(n.value.clone(), n.span), "signal name", d);
        }
    }
    for out in &s.signal_outputs {
        if let Some(n) = &out.name {
            check_name(&Name::new(n.value.clone(), n.span), "signal name", d);
        }
    }
}
