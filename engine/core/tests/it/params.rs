//! Params end to end through the core: run params, failures with their messages,
//! retries and failure modes.

use maestro_core::start::{new_run, Definition, StartRequest};
use maestro_model::instance::{InstanceStatus, Parameter, ParameterMap, StepStatus};
use maestro_model::ParamType;
use serde_json::json;

use crate::common::*;

fn wf(steps: serde_json::Value, params: serde_json::Value) -> String {
    json!({"properties": {"owner": "tester"},
           "workflow": {"id": "wf", "params": params, "steps": steps}})
    .to_string()
}

#[test]
fn run_params_override_and_convert() {
    let text = wf(
        json!([{"step": {"id": "a", "type": "NoOp", "params": {
            "msg": {"value": "x=$x, arr=${arr}, $$x", "type": "STRING"}}}}]),
        json!({"x": {"value": 1, "type": "LONG"}, "arr": {"value": ["a", "b"], "type": "STRING_ARRAY"}}),
    );
    let mut rp = ParameterMap::new();
    rp.insert(
        "x".into(),
        Parameter::literal(ParamType::String, json!("42")),
    );
    let run = run_json(&text, &TestEnv::new(), rp);
    assert_status(&run, InstanceStatus::Succeeded);
    assert_eq!(run.instance.params["x"].evaluated_result, Some(json!(42)));
    assert_eq!(run.instance.params["x"].source(), Some("LAUNCH"));
    assert_eq!(
        param(&run, "a", "msg"),
        json!("x=42, arr=[\"a\",\"b\"], $x")
    );
}

#[test]
fn a_failing_expression_fails_its_step_with_the_sel_error() {
    let text = wf(
        json!([{"step": {"id": "a", "type": "NoOp", "params": {
            "bad": {"expression": "1 / 0", "type": "LONG"}}}}]),
        json!({}),
    );
    let run = run_json(&text, &TestEnv::new(), ParameterMap::new());
    assert_status(&run, InstanceStatus::Failed);
    assert_eq!(status_of(&run, "a"), StepStatus::InternallyFailed);
    let details = run.steps["a"]
        .timeline
        .timeline_events
        .iter()
        .find(|e| e.kind == "DETAILS")
        .unwrap();
    assert_eq!(
        details.message(),
        Some("Failed to evaluate param [bad]: java.lang.ArithmeticException: / by zero")
    );
}

#[test]
fn cycles_and_missing_references_are_rejected_at_start() {
    let env = TestEnv::new();
    for (params, message) in [
        (
            json!({"a": {"expression": "b + 1", "type": "LONG"}, "b": {"expression": "a + 1", "type": "LONG"}}),
            "In workflow [wf], param [a] definition contains a cyclic reference chain",
        ),
        (
            json!({"a": {"expression": "nope + 1", "type": "LONG"}}),
            "Param [a] referenced a non-existing param [nope] in workflow [wf]",
        ),
    ] {
        let text = wf(json!([{"step": {"id": "s", "type": "NoOp"}}]), params);
        let w = maestro_model::load_json(&text).workflow.unwrap();
        let props = json!({"owner": "t"});
        let def = Definition {
            workflow: &w,
            version_id: 1,
            internal_id: 1,
            properties: &props,
        };
        let err = new_run(&def, &StartRequest::manual(None), 1, T0, &env.evaluator).unwrap_err();
        assert_eq!(err.message, message);
    }
}

#[test]
fn user_errors_retry_with_backoff_then_fail() {
    let text = wf(
        json!([{"step": {"id": "f", "type": "Titus",
            "retry_policy": {"error_retry_limit": 2, "backoff": {"type": "FIXED_BACKOFF", "error_retry_backoff_in_secs": 7}}}}]),
        json!({}),
    );
    let run = run_json(&text, &TestEnv::new(), ParameterMap::new());
    assert_status(&run, InstanceStatus::Failed);
    let s = &run.steps["f"];
    assert_eq!(s.step_attempt_id, 3);
    assert_eq!(s.status(), StepStatus::FatallyFailed);
    assert_eq!(s.step_retry.error_retries, 2);
    // Two backoffs of 7 s of virtual time.
    assert_eq!(run.instance.end_time, Some(T0 + 14_000));
}

#[test]
fn failure_modes() {
    let env = TestEnv::new();
    // IGNORE_FAILURE: the failed step completes with error, its successor runs.
    let text = wf(
        json!([
            {"step": {"id": "f", "type": "Titus", "failure_mode": "ignore_failure",
                      "retry_policy": {"error_retry_limit": 0}, "transition": {"successors": {"n": "true"}}}},
            {"step": {"id": "n", "type": "NoOp"}}
        ]),
        json!({}),
    );
    let run = run_json(&text, &env, ParameterMap::new());
    assert_status(&run, InstanceStatus::Succeeded);
    assert_eq!(status_of(&run, "f"), StepStatus::CompletedWithError);
    assert_eq!(status_of(&run, "n"), StepStatus::Succeeded);
    // FAIL_IMMEDIATELY stops a sleeping sibling at once.
    let text = wf(
        json!([
            {"step": {"id": "f", "type": "Titus", "failure_mode": "fail_immediately", "retry_policy": {"error_retry_limit": 0}}},
            {"step": {"id": "z", "type": "Sleep", "params": {"sleep_seconds": {"value": 600, "type": "LONG"}}}}
        ]),
        json!({}),
    );
    let run = run_json(&text, &env, ParameterMap::new());
    assert_status(&run, InstanceStatus::Failed);
    assert_eq!(status_of(&run, "z"), StepStatus::Stopped);
    assert_eq!(run.instance.end_time, Some(T0));
    // FAIL_AFTER_RUNNING: the sibling finishes first.
    let text = text.replace("fail_immediately", "fail_after_running");
    let run = run_json(&text, &env, ParameterMap::new());
    assert_status(&run, InstanceStatus::Failed);
    assert_eq!(status_of(&run, "z"), StepStatus::Succeeded);
    assert_eq!(run.instance.end_time, Some(T0 + 600_000));
}

#[test]
fn step_timeouts_retry_then_time_out() {
    let text = wf(
        json!([{"step": {"id": "s", "type": "Sleep", "timeout": "10s",
            "retry_policy": {"timeout_retry_limit": 1, "backoff": {"timeout_retry_backoff_in_secs": 5}},
            "params": {"sleep_seconds": {"value": 60, "type": "LONG"}}}}]),
        json!({}),
    );
    let run = run_json(&text, &TestEnv::new(), ParameterMap::new());
    assert_status(&run, InstanceStatus::TimedOut);
    let s = &run.steps["s"];
    assert_eq!((s.step_attempt_id, s.status()), (2, StepStatus::TimedOut));
    // 10 s, a 5 s backoff (exponential, first retry), 10 s.
    assert_eq!(run.instance.end_time, Some(T0 + 25_000));
}

#[test]
fn push_time_checks_retry_policies_and_timeouts_with_dummy_values() {
    let env = TestEnv::new();
    let text = wf(
        json!([
            {"step": {"id": "a", "type": "NoOp", "retry_policy": {"error_retry_limit": "many"}}},
            {"step": {"id": "b", "type": "NoOp", "timeout": true}},
            {"step": {"id": "c", "type": "NoOp", "timeout": "${x}s",
                      "retry_policy": {"backoff": {"error_retry_backoff_in_secs": "${x}"}}}}
        ]),
        json!({"x": {"value": 5, "type": "LONG"}}),
    );
    let w = maestro_model::load_json(&text).workflow.unwrap();
    let problems: Vec<String> =
        maestro_core::validate::check_definition(&w, Some("t"), &env.evaluator, T0)
            .into_iter()
            .map(|p| p.message)
            .collect();
    assert_eq!(
        problems,
        vec![
            "step [a] has an invalid retry_policy: retry policy field [error_retry_limit] value [many] is not an integer",
            "step [b] has an invalid timeout: timeout [true] must be a number or a string",
        ]
    );
}

#[test]
fn a_step_type_without_a_runtime_fails_internally_with_a_message() {
    let text = wf(
        json!([{"step": {"id": "k", "type": "Kubernetes"}}]),
        json!({}),
    );
    let run = run_json(&text, &TestEnv::new(), ParameterMap::new());
    assert_status(&run, InstanceStatus::Failed);
    assert_eq!(status_of(&run, "k"), StepStatus::InternallyFailed);
    let details = run.steps["k"]
        .timeline
        .timeline_events
        .iter()
        .find(|e| e.kind == "DETAILS")
        .unwrap();
    assert_eq!(
        details.message(),
        Some(
            "no runtime for step type [Kubernetes] (key [kubernetes]) is available in this engine"
        )
    );
}
