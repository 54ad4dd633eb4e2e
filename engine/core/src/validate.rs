//! Push-time checks beyond the model's (SPEC §1.14, §3.1): the DAG of every step list
//! must be acyclic, and a dry run must evaluate every workflow param.

use maestro_model::instance::Initiator;
use maestro_model::{Span, Step, Workflow};
use serde_json::json;

use crate::start::{new_run, Definition, StartRequest};
use maestro_model::canonical::node_to_json;
use serde_json::Value as Json;

/// Interpolation at push time: every reference reads a dummy value (§1.8).
fn dummy(text: &str) -> Result<String, String> {
    maestro_model::interpolation::interpolate(text, |_| Ok::<_, String>("1".to_string()))
}

/// A step's retry policy and timeout, checked with dummy values for their references.
fn check_attributes(s: &Step, problems: &mut Vec<(String, Option<Span>)>) {
    let id = s.id().unwrap_or("?");
    if let Some(node) = &s.retry_policy {
        if let Err(e) = crate::retry::RetryPolicy::resolve(Some(&node_to_json(node)), &dummy) {
            problems.push((
                format!("step [{id}] has an invalid retry_policy: {e}"),
                Some(node.span),
            ));
        }
    }
    if let Some(node) = &s.timeout {
        let raw = node_to_json(node);
        let value = match raw {
            Json::String(t) => dummy(&t).map(Json::String),
            other => Ok(other),
        };
        if let Err(e) = value.and_then(|v| crate::duration::timeout_ms(&v)) {
            problems.push((
                format!("step [{id}] has an invalid timeout: {e}"),
                Some(node.span),
            ));
        }
    }
}

/// A push-time problem and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub span: Span,
}

/// Every problem the engine finds in a definition the model accepted, each with the span
/// of what it is about.
pub fn check_definition(
    w: &Workflow,
    owner: Option<&str>,
    evaluator: &sel_core::Evaluator,
    now: i64,
) -> Vec<Problem> {
    check_messages(w, owner, evaluator, now)
        .into_iter()
        .map(|(message, span)| {
            let span = span.unwrap_or_else(|| locate(w, &message));
            Problem { message, span }
        })
        .collect()
}

/// Where a problem without a span of its own is: the param or step its message names
/// first (`param [x]`, `steps [a, b]`), else the workflow. The messages are Maestro's,
/// which carry names, not places.
fn locate(w: &Workflow, problem: &str) -> Span {
    let named = |marker: &str| {
        let rest = &problem[problem.find(marker)? + marker.len()..];
        let end = rest.find([']', ','])?;
        Some(rest[..end].trim().to_string())
    };
    if let Some(p) = named("param [").and_then(|n| w.params.get(&n).map(|p| p.key_span)) {
        return p;
    }
    if let Some(id) = named("steps [").or_else(|| named("step [")) {
        if let Some(s) = w
            .all_steps()
            .into_iter()
            .find(|s| s.id() == Some(id.as_str()))
        {
            return s.id.as_ref().map_or(s.span, |n| n.span);
        }
    }
    w.id.as_ref().map_or(w.span, |n| n.span)
}

fn check_messages(
    w: &Workflow,
    owner: Option<&str>,
    evaluator: &sel_core::Evaluator,
    now: i64,
) -> Vec<(String, Option<Span>)> {
    let mut problems = Vec::new();
    check_steps(&w.steps, "the workflow", &mut problems);
    if problems.is_empty() {
        let properties = json!({"owner": owner.unwrap_or("validation")});
        let def = Definition {
            workflow: w,
            version_id: 0,
            internal_id: 0,
            properties: &properties,
        };
        let mut req = StartRequest::manual(owner);
        req.initiator = Initiator {
            kind: "VALIDATION".into(),
            fields: Default::default(),
        };
        if let Err(e) = new_run(&def, &req, 0, now, evaluator) {
            problems.push((e.message, None));
        }
    }
    problems
}

fn check_steps(steps: &[Step], what: &str, problems: &mut Vec<(String, Option<Span>)>) {
    if let Err(e) = crate::dag::runtime_dag(steps, None) {
        problems.push((format!("{e} (in {what})"), None));
    }
    for s in steps {
        check_attributes(s, problems);
        if s.kind.is_loop() {
            let id = s.id().unwrap_or("?");
            check_steps(&s.steps, &format!("the body of step [{id}]"), problems);
        }
    }
}
