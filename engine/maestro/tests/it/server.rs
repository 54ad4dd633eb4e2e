//! `maestro server` over HTTP: Maestro's quickstart, YAML push, steps, actions, the error
//! envelope, job templates with a shell run, and idempotent starts.

use serde_json::{json, Value as Json};

use crate::common::*;
use crate::http::*;

fn server(d: &tempfile::TempDir) -> Server {
    let db = format!("sqlite://{}", d.path().join("maestro.db").display());
    Server::start(&db, &d.path().join("work"))
}

fn push(s: &Server, text: &str) -> Json {
    ok(post_json(&s.addr, "/api/v3/workflows", text))
}

fn start(s: &Server, id: &str) -> Json {
    ok(post_json(
        &s.addr,
        &format!("/api/v3/workflows/{id}/versions/latest/actions/start"),
        r#"{"initiator": {"type": "manual"}}"#,
    ))
}

/// Polls an instance until its status is `want` (failing early on another terminal one).
pub fn wait_status(addr: &str, id: &str, inst: i64, want: &str) -> Json {
    poll(60, &format!("[{id}][{inst}] to be {want}"), || {
        let r = get(addr, &format!("/api/v3/workflows/{id}/instances/{inst}"));
        assert_eq!(r.status, 200, "{r:?}");
        let st = r.body["status"].as_str().unwrap_or_default().to_string();
        if st == want {
            return Some(r.body);
        }
        let terminal = ["SUCCEEDED", "FAILED", "STOPPED", "TIMED_OUT"];
        assert!(
            !terminal.contains(&st.as_str()),
            "[{id}][{inst}] ended {st}, not {want}"
        );
        None
    })
}

fn step_status(addr: &str, id: &str, inst: i64, step: &str) -> String {
    let r = ok(get(
        addr,
        &format!("/api/v3/workflows/{id}/instances/{inst}/steps/{step}"),
    ));
    r["runtime_state"]["status"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn wait_step(addr: &str, id: &str, inst: i64, step: &str, want: &str) {
    poll(60, &format!("step {step} to be {want}"), || {
        let r = get(
            addr,
            &format!("/api/v3/workflows/{id}/instances/{inst}/steps/{step}"),
        );
        (r.status == 200 && r.body["runtime_state"]["status"] == want).then_some(())
    })
}

#[test]
fn quickstart_push_start_and_read() {
    let d = tempdir();
    let s = server(&d);
    let text = std::fs::read_to_string(sample("sample-dag-test-1.json")).unwrap();
    let pushed = push(&s, &text);
    assert_eq!(
        pushed["workflow_definition"]["metadata"]["workflow_id"],
        "sample-dag-test-1"
    );
    assert_eq!(
        pushed["workflow_definition"]["metadata"]["workflow_version_id"],
        1
    );
    let started = start(&s, "sample-dag-test-1");
    assert_eq!(started["status"], "CREATED");
    assert_eq!(started["workflow_instance_id"], 1);
    assert_eq!(started["workflow_run_id"], 1);
    assert_eq!(started["workflow_version_id"], 1);
    let wi = wait_status(&s.addr, "sample-dag-test-1", 1, "SUCCEEDED");
    assert_eq!(wi["params"]["foo"]["evaluated_result"], "September");
    let run = ok(get(
        &s.addr,
        "/api/v3/workflows/sample-dag-test-1/instances/1/runs/1",
    ));
    assert_eq!(run["workflow_uuid"], started["workflow_uuid"]);
    let steps = ok(get(
        &s.addr,
        "/api/v3/workflows/sample-dag-test-1/instances/1/steps",
    ));
    assert_sorted_by_instance_id(&steps);
    assert_eq!(steps.as_array().unwrap().len(), 6);
    assert!(
        step_statuses(&steps)
            .iter()
            .all(|(_, st)| st == "SUCCEEDED"),
        "{steps}"
    );
    let one = ok(get(
        &s.addr,
        "/api/v3/workflows/sample-dag-test-1/instances/1/steps/job.3",
    ));
    assert_eq!(one["step_id"], "job.3");
    assert_eq!(one["step_attempt_id"], 1);
    assert_eq!(one, *step(&steps, "job.3"));
    let v = ok(get(
        &s.addr,
        "/api/v3/workflows/sample-dag-test-1/versions/1",
    ));
    assert_eq!(v["metadata"]["workflow_version_id"], 1);
}

#[test]
fn yaml_push_runs_the_conditional_sample() {
    let d = tempdir();
    let s = server(&d);
    let text = std::fs::read_to_string(sample("sample-conditional-wf.yaml")).unwrap();
    let r = request(
        &s.addr,
        "POST",
        "/api/v3/workflows/yaml",
        Some(("application/yaml", &text)),
    );
    let pushed = ok(r);
    assert_eq!(
        pushed["workflow_definition"]["metadata"]["workflow_id"],
        "sample-conditional-wf"
    );
    start(&s, "sample-conditional-wf");
    wait_status(&s.addr, "sample-conditional-wf", 1, "SUCCEEDED");
    let steps = ok(get(
        &s.addr,
        "/api/v3/workflows/sample-conditional-wf/instances/1/steps",
    ));
    assert_sorted_by_instance_id(&steps);
    for id in ["job.1", "job.2", "job.3", "job.6", "job.7"] {
        assert_eq!(
            step(&steps, id)["runtime_state"]["status"],
            "SUCCEEDED",
            "{id}"
        );
    }
}

fn sleeper(id: &str, secs: i64) -> String {
    workflow(
        id,
        json!({}),
        json!([
            {"step": {"id": "a", "type": "Sleep", "params": {"sleep_seconds": {"value": secs, "type": "LONG"}},
                      "transition": {"successors": {"b": "true"}}}},
            {"step": {"id": "b", "type": "NoOp"}}
        ]),
    )
}

#[test]
fn instance_stop_and_kill() {
    let d = tempdir();
    let s = server(&d);
    push(&s, &sleeper("sleeper", 600));
    for (n, action, want) in [(1, "stop", "STOPPED"), (2, "kill", "FAILED")] {
        start(&s, "sleeper");
        wait_step(&s.addr, "sleeper", n, "a", "RUNNING");
        let r = ok(put(
            &s.addr,
            &format!("/api/v3/workflows/sleeper/instances/{n}/actions/{action}"),
        ));
        assert_eq!(r["workflow_instance_id"], n);
        wait_status(&s.addr, "sleeper", n, want);
        let a = step_status(&s.addr, "sleeper", n, "a");
        assert_eq!(
            a,
            if action == "stop" {
                "STOPPED"
            } else {
                "FATALLY_FAILED"
            },
            "step a after {action}"
        );
        // The action on a terminal instance of the same kind is a no-op; the other is a 400.
        let again = ok(put(
            &s.addr,
            &format!("/api/v3/workflows/sleeper/instances/{n}/actions/{action}"),
        ));
        assert_eq!(again["completed"], true);
    }
    // Restart the stopped instance from the beginning: a second run of instance 1.
    let r = ok(post_json(
        &s.addr,
        "/api/v3/workflows/sleeper/instances/1/actions/restart",
        r#"{"restart_policy": "RESTART_FROM_BEGINNING"}"#,
    ));
    assert_eq!(
        (r["workflow_run_id"].as_i64(), r["status"].as_str()),
        (Some(2), Some("CREATED"))
    );
    wait_step(&s.addr, "sleeper", 1, "a", "RUNNING");
    let a = ok(get(
        &s.addr,
        "/api/v3/workflows/sleeper/instances/1/steps/a",
    ));
    assert_eq!(a["workflow_run_id"], 2);
    ok(put(
        &s.addr,
        "/api/v3/workflows/sleeper/instances/1/actions/stop",
    ));
    wait_status(&s.addr, "sleeper", 1, "STOPPED");
    let r = put(
        &s.addr,
        "/api/v3/workflows/sleeper/instances/1/actions/kill",
    );
    assert_eq!(r.status, 400, "{r:?}");
    assert_eq!(r.body["status"], "BAD_REQUEST");
}

#[test]
fn step_skip_stop_and_restart() {
    let d = tempdir();
    let s = server(&d);
    push(&s, &sleeper("steps", 600));
    // skip: the sleeping step is SKIPPED and its successor runs.
    start(&s, "steps");
    wait_step(&s.addr, "steps", 1, "a", "RUNNING");
    let r = ok(put(
        &s.addr,
        "/api/v3/workflows/steps/instances/1/steps/a/actions/skip",
    ));
    assert_eq!(r["step_id"], "a");
    wait_status(&s.addr, "steps", 1, "SUCCEEDED");
    assert_eq!(step_status(&s.addr, "steps", 1, "a"), "SKIPPED");
    assert_eq!(step_status(&s.addr, "steps", 1, "b"), "SUCCEEDED");
    // stop: the step is STOPPED and so is the instance.
    start(&s, "steps");
    wait_step(&s.addr, "steps", 2, "a", "RUNNING");
    ok(put(
        &s.addr,
        "/api/v3/workflows/steps/instances/2/steps/a/actions/stop",
    ));
    wait_status(&s.addr, "steps", 2, "STOPPED");
    assert_eq!(step_status(&s.addr, "steps", 2, "a"), "STOPPED");
    // restart from the stopped step on the terminal instance: a new run.
    let r = ok(post_json(
        &s.addr,
        "/api/v3/workflows/steps/instances/2/steps/a/actions/restart",
        "{}",
    ));
    assert_eq!(r["workflow_run_id"], 2, "{r}");
    wait_step(&s.addr, "steps", 2, "a", "RUNNING");
    let run2 = ok(get(&s.addr, "/api/v3/workflows/steps/instances/2/runs/2"));
    assert_eq!(run2["status"], "IN_PROGRESS");
    ok(put(
        &s.addr,
        "/api/v3/workflows/steps/instances/2/steps/a/actions/skip",
    ));
    wait_status(&s.addr, "steps", 2, "SUCCEEDED");
    let steps = ok(get(&s.addr, "/api/v3/workflows/steps/instances/2/steps"));
    for st in steps.as_array().unwrap() {
        assert_eq!(st["workflow_run_id"], 2, "{st}");
    }
}

fn assert_error(r: Response, status: u16, name: &str, message: &str) {
    assert_eq!(r.status, status, "{r:?}");
    assert!(r.content_type.starts_with("application/json"), "{r:?}");
    assert_eq!(r.body["status"], name, "{r:?}");
    let m = r.body["message"].as_str().unwrap_or_default();
    assert!(m.contains(message), "message [{m}] lacks [{message}]");
}

#[test]
fn errors_use_maestro_envelope() {
    let d = tempdir();
    let s = server(&d);
    push(
        &s,
        &std::fs::read_to_string(sample("sample-dag-test-1.json")).unwrap(),
    );
    let start_path = "/api/v3/workflows/sample-dag-test-1/versions/latest/actions/start";
    assert_error(
        post_json(
            &s.addr,
            start_path,
            "{\"initiator\": {\"type\": \"manual\"},",
        ),
        400,
        "BAD_REQUEST",
        "EOF while parsing a value at line 1 column 33",
    );
    assert_error(
        post_json(
            &s.addr,
            start_path,
            "{\"initiator\": {\"type\": \"manual\"}, \"bogus\": 1}",
        ),
        400,
        "BAD_REQUEST",
        "unknown field `bogus`",
    );
    assert_error(
        post_json(
            &s.addr,
            "/api/v3/workflows/sample-dag-test-1/versions/nope/actions/start",
            "{}",
        ),
        400,
        "BAD_REQUEST",
        "invalid version [nope]",
    );
    let bad = post_json(&s.addr, "/api/v3/workflows", "{\"workflow\": ");
    assert_eq!(
        bad.body["errors"][1], "request body:1:14: unexpected end of document: expected a value",
        "{bad:?}"
    );
    assert_error(bad, 400, "BAD_REQUEST", "Invalid workflow definition");
    assert_error(
        get(&s.addr, "/api/v3/workflows/nope/instances/1"),
        404,
        "NOT_FOUND",
        "workflow instance [nope][1] not found",
    );
    assert_error(
        get(&s.addr, "/api/v3/workflows/sample-dag-test-1/instances/9"),
        404,
        "NOT_FOUND",
        "[sample-dag-test-1][9] not found",
    );
    assert_error(
        post_json(
            &s.addr,
            "/api/v3/workflows/nope/versions/latest/actions/start",
            "{}",
        ),
        404,
        "NOT_FOUND",
        "Cannot find workflow [nope]",
    );
    assert_error(
        get(&s.addr, "/api/v3/workflows/sample-dag-test-1/instances/abc"),
        400,
        "BAD_REQUEST",
        "Cannot parse value at index 1 with value `abc` to a `i64`",
    );
    assert_error(
        get(
            &s.addr,
            "/api/v3/workflows/sample-dag-test-1/instances/1/runs/0",
        ),
        400,
        "BAD_REQUEST",
        "invalid run id [0]",
    );
    assert_error(
        get(&s.addr, "/no/such/endpoint"),
        404,
        "NOT_FOUND",
        "no such endpoint",
    );
    assert_error(
        get(&s.addr, "/api/v3/no/such/endpoint"),
        404,
        "NOT_FOUND",
        "no such endpoint",
    );
}

#[test]
fn validate_endpoints_check_without_storing() {
    let d = tempdir();
    let s = server(&d);
    let good = std::fs::read_to_string(sample("sample-dag-test-1.json")).unwrap();
    let r = ok(request(
        &s.addr,
        "PUT",
        "/api/v3/workflows/actions/validate",
        Some(("application/json", &good)),
    ));
    assert_eq!(r["message"], "the workflow definition is valid", "{r}");
    let yaml = std::fs::read_to_string(sample("sample-conditional-wf.yaml")).unwrap();
    ok(request(
        &s.addr,
        "PUT",
        "/api/v3/workflows/actions/validate/yaml",
        Some(("application/yaml", &yaml)),
    ));
    // Nothing was stored by validating.
    assert_error(
        get(
            &s.addr,
            "/api/v3/workflows/sample-dag-test-1/versions/latest",
        ),
        404,
        "NOT_FOUND",
        "Cannot find workflow [sample-dag-test-1]",
    );
    let (_, bad, want) = crate::run::invalid_definitions().remove(2);
    let r = request(
        &s.addr,
        "PUT",
        "/api/v3/workflows/actions/validate",
        Some(("application/json", &bad)),
    );
    let want = want.replace("cycle.json", "request body");
    assert_eq!(
        r.body["errors"][0].as_str().map(|e| e.starts_with(&want)),
        Some(true),
        "{r:?}"
    );
    assert_error(
        r,
        400,
        "BAD_REQUEST",
        "Invalid workflow definition: 1 problem(s) found",
    );
}

#[test]
fn job_template_push_and_a_shell_run() {
    let d = tempdir();
    let s = server(&d);
    let t = std::fs::read_to_string(shell_template()).unwrap();
    let r = ok(post_json(&s.addr, "/api/v3/job-templates", &t));
    assert_eq!(r, json!({"job_type": "shell", "version": "v1"}));
    push(
        &s,
        &std::fs::read_to_string(sample("sample-shell-wf.json")).unwrap(),
    );
    start(&s, "sample-shell-wf");
    wait_status(&s.addr, "sample-shell-wf", 1, "SUCCEEDED");
    let j2 = ok(get(
        &s.addr,
        "/api/v3/workflows/sample-shell-wf/instances/1/steps/job.2",
    ));
    assert_eq!(j2["params"]["foo"]["evaluated_result"], "bar");
    assert!(
        j2["artifacts"]["shell"]["stdout"]
            .as_str()
            .unwrap()
            .starts_with("hello world\n"),
        "{j2}"
    );
    let work = j2["artifacts"]["shell"]["work_dir"].as_str().unwrap();
    assert!(
        work.starts_with(&d.path().join("work").display().to_string()),
        "{work}"
    );
    assert_eq!(
        std::fs::read_to_string(format!("{work}/stdout"))
            .unwrap()
            .lines()
            .next(),
        Some("hello world")
    );
}

#[test]
fn a_repeated_request_id_is_duplicated() {
    let d = tempdir();
    let s = server(&d);
    push(
        &s,
        &std::fs::read_to_string(sample("sample-dag-test-1.json")).unwrap(),
    );
    let body = r#"{"initiator": {"type": "manual"}, "request_id": "2f2b3c4d-0000-4000-8000-000000000001"}"#;
    let path = "/api/v3/workflows/sample-dag-test-1/versions/latest/actions/start";
    let first = ok(post_json(&s.addr, path, body));
    assert_eq!(first["status"], "CREATED");
    let second = ok(post_json(&s.addr, path, body));
    assert_eq!(second["status"], "DUPLICATED");
    assert_eq!(
        second["workflow_instance_id"],
        first["workflow_instance_id"]
    );
    assert_eq!(second["workflow_uuid"], first["workflow_uuid"]);
    let other = ok(post_json(
        &s.addr,
        path,
        r#"{"initiator": {"type": "manual"}}"#,
    ));
    assert_eq!(other["workflow_instance_id"], 2);
    assert_error(
        post_json(&s.addr, path, r#"{"request_id": "not-a-uuid"}"#),
        400,
        "BAD_REQUEST",
        "request_id [not-a-uuid] is not a UUID",
    );
}
