//! `maestro run`: samples to their outcome, `--json`, exit codes, virtual time, and
//! invalid workflows rejected before anything runs.

use serde_json::json;

use crate::common::*;

fn run_json(dir: &std::path::Path, args: &[&str]) -> (Out, serde_json::Value) {
    let o = maestro_in(dir, args);
    let v = one_json(&o.stdout);
    (o, v)
}

#[test]
fn dag_test_1_succeeds_with_json_output() {
    let d = tempdir();
    let f = sample("sample-dag-test-1.json");
    let (o, v) = run_json(d.path(), &["run", f.to_str().unwrap(), "--json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let wi = &v["workflow_instance"];
    assert_eq!(wi["status"], "SUCCEEDED");
    assert_eq!(wi["workflow_id"], "sample-dag-test-1");
    assert_eq!(wi["workflow_instance_id"], 1);
    assert_eq!(wi["workflow_run_id"], 1);
    assert_eq!(wi["params"]["foo"]["evaluated_result"], "September");
    let steps = &v["step_instances"];
    assert_sorted_by_instance_id(steps);
    let mut got = step_statuses(steps);
    assert_eq!(got.first().map(|s| s.0.as_str()), Some("job.1"));
    assert_eq!(got.last().map(|s| s.0.as_str()), Some("job.4"));
    got.sort();
    let want: Vec<(String, String)> = ["job.1", "job.2", "job.3", "job.4", "job.5", "job.6"]
        .iter()
        .map(|s| (s.to_string(), "SUCCEEDED".to_string()))
        .collect();
    assert_eq!(got, want);
    for s in steps.as_array().unwrap() {
        assert_eq!(s["step_attempt_id"], 1, "{s}");
        assert_eq!(s["workflow_instance_id"], 1);
    }
    assert!(
        o.stderr
            .contains("running sample-dag-test-1 (instance 1, run 1)"),
        "{}",
        o.stderr
    );
}

#[test]
fn plain_output_lists_steps_and_the_final_status() {
    let d = tempdir();
    let f = sample("sample-conditional-wf.yaml");
    let o = maestro_in(d.path(), &["run", f.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    // job.3's `IF param2 < 0 THEN job.4` is false: job.4 and job.5 are UNSATISFIED and the
    // OTHERWISE branch runs job.6.
    let rows: Vec<Vec<&str>> = o
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let want: Vec<Vec<&str>> = [
        ["job.1", "SUCCEEDED"],
        ["job.2", "SUCCEEDED"],
        ["job.3", "SUCCEEDED"],
        ["job.4", "UNSATISFIED"],
        ["job.5", "UNSATISFIED"],
        ["job.6", "SUCCEEDED"],
        ["job.7", "SUCCEEDED"],
        ["sample-conditional-wf", "SUCCEEDED"],
    ]
    .iter()
    .map(|r| r.to_vec())
    .collect();
    assert_eq!(rows, want, "{}", o.stdout);
}

#[test]
fn shell_sample_reads_output_params_and_keeps_stdout() {
    let d = tempdir();
    let f = sample("sample-shell-wf.json");
    let t = shell_template();
    let (o, v) = run_json(
        d.path(),
        &[
            "run",
            f.to_str().unwrap(),
            "--job-template",
            t.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(v["workflow_instance"]["status"], "SUCCEEDED");
    let s = step(&v["step_instances"], "job.2");
    assert_eq!(s["runtime_state"]["status"], "SUCCEEDED");
    assert_eq!(s["params"]["foo"]["evaluated_result"], "bar");
    let shell = &s["artifacts"]["shell"];
    assert_eq!(shell["exit_code"], 0);
    let stdout = shell["stdout"].as_str().expect("stdout kept");
    assert!(
        stdout.starts_with("hello world\n__MAESTRO_OUTPUT_START__{"),
        "{stdout}"
    );
    assert!(shell["pid"].as_u64().is_some(), "{shell}");
    assert_eq!(
        s["artifacts"]["maestro_dynamic_output"]["type"], "DYNAMIC_OUTPUT",
        "artifacts from the output block: {}",
        s["artifacts"]
    );
}

fn shell_step(id: &str, script: &str) -> serde_json::Value {
    json!({"step": {"id": id, "type": "notebook", "sub_type": "shell",
        "retry_policy": {"error_retry_limit": 0},
        "params": {"script": {"value": script, "type": "STRING"}}}})
}

#[test]
fn a_failing_step_fails_the_run_with_exit_1() {
    let d = tempdir();
    let wf = workflow(
        "failing-wf",
        json!({}),
        json!([
            {"step": {"id": "a", "type": "NoOp", "transition": {"successors": {"b": "true"}}}},
            shell_step("b", "echo about to fail >&2; exit 3"),
        ]),
    );
    let f = write(d.path(), "failing.json", &wf);
    let t = shell_template();
    let (o, v) = run_json(
        d.path(),
        &[
            "run",
            f.to_str().unwrap(),
            "--job-template",
            t.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(v["workflow_instance"]["status"], "FAILED");
    let b = step(&v["step_instances"], "b");
    assert_eq!(b["runtime_state"]["status"], "FATALLY_FAILED");
    assert_eq!(b["artifacts"]["shell"]["exit_code"], 3);
    assert_eq!(b["artifacts"]["shell"]["stderr"], "about to fail\n");
    assert_eq!(
        step(&v["step_instances"], "a")["runtime_state"]["status"],
        "SUCCEEDED"
    );
}

fn sleep_step(id: &str, secs: i64) -> serde_json::Value {
    json!({"step": {"id": id, "type": "Sleep",
        "params": {"sleep_seconds": {"value": secs, "type": "LONG"}}}})
}

#[test]
fn virtual_time_finishes_a_long_sleep_at_once() {
    let d = tempdir();
    let wf = workflow("sleepy", json!({}), json!([sleep_step("nap", 86_400)]));
    let f = write(d.path(), "sleepy.json", &wf);
    let t0 = std::time::Instant::now();
    let (o, v) = run_json(
        d.path(),
        &["run", f.to_str().unwrap(), "--virtual-time", "--json"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        t0.elapsed().as_secs() < 30,
        "a day of virtual sleep took {:?}",
        t0.elapsed()
    );
    let nap = step(&v["step_instances"], "nap");
    assert_eq!(nap["runtime_state"]["status"], "SUCCEEDED");
    let rs = &nap["runtime_state"];
    let slept = rs["end_time"].as_i64().unwrap() - rs["start_time"].as_i64().unwrap();
    assert!(
        slept >= 86_400_000,
        "the step's own clock says it slept {slept} ms: {rs}"
    );
}

#[test]
fn a_workflow_timeout_exits_5_on_virtual_time() {
    let d = tempdir();
    let doc = json!({
        "properties": {"owner": "tester"},
        "workflow": {"id": "too-slow", "timeout": "10 minutes", "steps": [sleep_step("nap", 7_200)]}
    });
    let f = write(d.path(), "slow.json", &doc.to_string());
    let (o, v) = run_json(
        d.path(),
        &["run", f.to_str().unwrap(), "--virtual-time", "--json"],
    );
    assert_eq!(o.code, 5, "{}", o.stderr);
    assert_eq!(v["workflow_instance"]["status"], "TIMED_OUT");
}

#[test]
fn a_kept_database_holds_the_run() {
    let d = tempdir();
    let db = format!("sqlite://{}", d.path().join("runs.db").display());
    let f = sample("sample-dag-test-1.json");
    for n in 1..=2 {
        let (o, v) = run_json(
            d.path(),
            &["run", f.to_str().unwrap(), "--database", &db, "--json"],
        );
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(
            v["workflow_instance"]["workflow_instance_id"], n,
            "the second run is instance 2"
        );
    }
}

/// (file name, text, what the message must say) of definitions rejected before a run.
pub fn invalid_definitions() -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "schema.json",
            "{\n  \"properties\": {\"owner\": \"tester\"},\n  \"workflow\": {\n    \"id\": \"bad-schema\",\n    \"steps\": [\n      {\"step\": {\"id\": \"job.1\", \"type\": 7}}\n    ]\n  }\n}\n".into(),
            "schema.json:6:40: \"type\" must be a string, found a number",
        ),
        (
            "successor.json",
            "{\n  \"properties\": {\"owner\": \"tester\"},\n  \"workflow\": {\n    \"id\": \"bad-successor\",\n    \"steps\": [\n      {\"step\": {\"id\": \"job.1\", \"type\": \"NoOp\", \"transition\": {\"successors\": {\"job.9\": \"true\"}}}}\n    ]\n  }\n}\n".into(),
            "successor.json:6:79: successor \"job.9\" is not a step at this level",
        ),
        (
            "cycle.json",
            "{\n  \"properties\": {\"owner\": \"tester\"},\n  \"workflow\": {\n    \"id\": \"bad-cycle\",\n    \"steps\": [\n      {\"step\": {\"id\": \"a\", \"type\": \"NoOp\", \"transition\": {\"successors\": {\"b\": \"true\"}}}},\n      {\"step\": {\"id\": \"b\", \"type\": \"NoOp\", \"transition\": {\"successors\": {\"a\": \"true\"}}}}\n    ]\n  }\n}\n".into(),
            "cycle.json:6:24: Invalid workflow definition: DAG contains cycle among steps [a, b]",
        ),
        (
            "param-cycle.json",
            "{\n  \"properties\": {\"owner\": \"tester\"},\n  \"workflow\": {\n    \"id\": \"bad-param-cycle\",\n    \"params\": {\n      \"x\": {\"expression\": \"y + 1\", \"type\": \"LONG\"},\n      \"y\": {\"expression\": \"x + 1\", \"type\": \"LONG\"}\n    },\n    \"steps\": [{\"step\": {\"id\": \"a\", \"type\": \"NoOp\"}}]\n  }\n}\n".into(),
            "param-cycle.json:6:7: In workflow [bad-param-cycle], param [x] definition contains a cyclic reference chain",
        ),
        (
            "param-fails.json",
            "{\n  \"properties\": {\"owner\": \"tester\"},\n  \"workflow\": {\n    \"id\": \"bad-param-fails\",\n    \"params\": {\n      \"ok\": {\"value\": 1, \"type\": \"LONG\"},\n      \"x\": {\"expression\": \"1 / 0\", \"type\": \"LONG\"}\n    },\n    \"steps\": [{\"step\": {\"id\": \"a\", \"type\": \"NoOp\"}}]\n  }\n}\n".into(),
            "param-fails.json:7:7: Failed to evaluate param [x]: java.lang.ArithmeticException: / by zero",
        ),
    ]
}

#[test]
fn invalid_workflows_are_rejected_before_running() {
    let d = tempdir();
    for (name, text, want) in invalid_definitions() {
        let f = write(d.path(), name, &text);
        let o = maestro_in(d.path(), &["run", f.to_str().unwrap(), "--json"]);
        assert_eq!(o.code, 3, "{name}: {}", o.stderr);
        assert!(
            o.stdout.is_empty(),
            "{name}: nothing on stdout: {}",
            o.stdout
        );
        assert!(
            !o.stderr.contains("running"),
            "{name} must not start: {}",
            o.stderr
        );
        let lines: Vec<&str> = o.stderr.lines().map(str::trim).collect();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{}/{want}", d.path().display()))),
            "{name}: expected [{want}] in:\n{}",
            o.stderr
        );
    }
}

#[test]
fn exit_codes_are_the_ones_help_lists() {
    let d = tempdir();
    let help = maestro_in(d.path(), &["--help"]);
    assert_eq!(help.code, 0);
    let codes: Vec<(i32, String)> = help
        .stdout
        .split("Exit codes:")
        .nth(1)
        .expect("an Exit codes section")
        .lines()
        .filter_map(|l| {
            let (n, what) = l.trim().split_once(char::is_whitespace)?;
            Some((n.parse().ok()?, what.trim().to_string()))
        })
        .collect();
    let nums: Vec<i32> = codes.iter().map(|c| c.0).collect();
    assert_eq!(nums, [0, 1, 2, 3, 4, 5, 6], "{}", help.stdout);
    assert!(
        codes[1].1.contains("FAILED")
            && codes[4].1.contains("STOPPED")
            && codes[5].1.contains("TIMED_OUT")
    );
    // 2: usage (clap), 3: invalid input (a missing file), 6: engine (a database it cannot use).
    assert_eq!(maestro_in(d.path(), &["run"]).code, 2);
    assert_eq!(
        maestro_in(d.path(), &["run", "--no-such-flag", "x.json"]).code,
        2
    );
    let missing = maestro_in(d.path(), &["run", "missing.json"]);
    assert_eq!(missing.code, 3);
    assert!(
        missing.stderr.contains("missing.json: cannot read"),
        "{}",
        missing.stderr
    );
    let f = sample("sample-dag-test-1.json");
    let engine = maestro_in(
        d.path(),
        &["run", f.to_str().unwrap(), "--database", "mysql://nowhere"],
    );
    assert_eq!(engine.code, 6, "{}", engine.stderr);
    assert!(
        engine
            .stderr
            .contains("unsupported database URL [mysql://nowhere]"),
        "{}",
        engine.stderr
    );
}
