//! Push-time checks beyond the model's (SPEC §1.14, §3.1): the DAG of every step list
//! must be acyclic, and a dry run must evaluate every workflow param.

use maestro_model::instance::Initiator;
use maestro_model::{Step, Workflow};
use serde_json::json;

use crate::start::{new_run, Definition, StartRequest};
use maestro_model::canonical::node_to_json;
use serde_json::Value as Json;

/// Interpolation at push time: every reference reads a dummy value (§1.8).
fn dummy(text: &str) -> Result<String, String> {
    maestro_model::interpolation::interpolate(text, |_| Ok::<_, String>("1".to_string()))
}

/// A step's retry policy and timeout, checked with dummy values for their references.
fn check_attributes(s: &Step, problems: &mut Vec<String>) {
    let id = s.id().unwrap_or("?");
    if let Some(raw) = s.retry_policy.as_ref().map(node_to_json) {
        if let Err(e) = crate::retry::RetryPolicy::resolve(Some(&raw), &dummy) {
            problems.push(format!("step [{id}] has an invalid retry_policy: {e}"));
        }
    }
    if let Some(raw) = s.timeout.as_ref().map(node_to_json) {
        let value = match raw {
            Json::String(t) => dummy(&t).map(Json::String),
            other => Ok(other),
        };
        if let Err(e) = value.and_then(|v| crate::duration::timeout_ms(&v)) {
            problems.push(format!("step [{id}] has an invalid timeout: {e}"));
        }
    }
}

/// Every problem the engine finds in a definition the model accepted.
pub fn check_definition(
    w: &Workflow,
    owner: Option<&str>,
    evaluator: &sel_core::Evaluator,
    now: i64,
) -> Vec<String> {
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
            problems.push(e.message);
        }
    }
    problems
}

fn check_steps(steps: &[Step], what: &str, problems: &mut Vec<String>) {
    if let Err(e) = crate::dag::runtime_dag(steps, None) {
        problems.push(format!("{e} (in {what})"));
    }
    for s in steps {
        check_attributes(s, problems);
        if s.kind.is_loop() {
            let id = s.id().unwrap_or("?");
            check_steps(&s.steps, &format!("the body of step [{id}]"), problems);
        }
    }
}
