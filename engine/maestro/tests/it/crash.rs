//! Crash tests: a real `maestro server` killed with SIGKILL mid-run and restarted on the
//! same database (SQLite, PostgreSQL). Every instance must then finish SUCCEEDED, every
//! Sleep/NoOp step with exactly one attempt, and a shell step that ran at the kill with
//! exactly one more attempt after a PLATFORM_FAILED, its first process gone.

use std::path::Path;

use serde_json::{json, Value as Json};

use crate::common::*;
use crate::http::*;
use crate::server::wait_status;

const SLEEPY: &str = "crash-sleepy";
const SHELLY: &str = "crash-shelly";
const INSTANCES: i64 = 3;

fn sleep_step(id: &str, secs: i64, next: Option<&str>) -> Json {
    let mut s = json!({"step": {"id": id, "type": "Sleep",
        "params": {"sleep_seconds": {"value": secs, "type": "LONG"}}}});
    if let Some(n) = next {
        s["step"]["transition"] = json!({"successors": {n: "true"}});
    }
    s
}

fn definitions(marker: &Path) -> (String, String) {
    let sleepy = workflow(
        SLEEPY,
        json!({}),
        json!([
            {"step": {"id": "n1", "type": "NoOp", "transition": {"successors": {"s1": "true"}}}},
            sleep_step("s1", 3, Some("n2")),
            {"step": {"id": "n2", "type": "NoOp", "transition": {"successors": {"s2": "true"}}}},
            sleep_step("s2", 1, Some("n3")),
            {"step": {"id": "n3", "type": "NoOp"}}
        ]),
    );
    let m = marker.display();
    // The first attempt sleeps until it is killed; a second one ends at once.
    let script = format!(
        "echo start >> {m}; if [ $(wc -l < {m}) -eq 1 ]; then sleep 120; fi; echo end >> {m}"
    );
    let shelly = workflow(
        SHELLY,
        json!({}),
        json!([
            {"step": {"id": "sh", "type": "notebook", "sub_type": "shell",
                "retry_policy": {"error_retry_limit": 0, "platform_retry_limit": 2,
                    "backoff": {"type": "FIXED_BACKOFF", "platform_retry_backoff_in_secs": 1}},
                "params": {"script": {"value": script, "type": "STRING"}},
                "transition": {"successors": {"after": "true"}}}},
            {"step": {"id": "after", "type": "NoOp"}}
        ]),
    );
    (sleepy, shelly)
}

fn steps_of(addr: &str, id: &str, inst: i64) -> Json {
    ok(get(
        addr,
        &format!("/api/v3/workflows/{id}/instances/{inst}/steps"),
    ))
}

fn crash_and_recover(database: &str, dir: &Path) {
    let work = dir.join("work");
    let marker = dir.join("shell-runs.txt");
    let (sleepy, shelly) = definitions(&marker);
    let s = Server::start(database, &work);
    let template = std::fs::read_to_string(shell_template()).unwrap();
    ok(post_json(&s.addr, "/api/v3/job-templates", &template));
    ok(post_json(&s.addr, "/api/v3/workflows", &sleepy));
    ok(post_json(&s.addr, "/api/v3/workflows", &shelly));
    let start = |id: &str| {
        let path = format!("/api/v3/workflows/{id}/versions/latest/actions/start");
        ok(post_json(
            &s.addr,
            &path,
            r#"{"initiator": {"type": "manual"}}"#,
        ))
    };
    for _ in 0..INSTANCES {
        start(SLEEPY);
    }
    start(SHELLY);
    // Kill while every sleep instance sleeps in s1 and the shell script runs.
    let first_pid = poll(60, "the shell step to run", || {
        let st = get(
            &s.addr,
            &format!("/api/v3/workflows/{SHELLY}/instances/1/steps/sh"),
        )
        .body;
        let running = st["runtime_state"]["status"] == "RUNNING";
        let pid = st["artifacts"]["shell"]["pid"].as_u64();
        let started = std::fs::read_to_string(&marker).is_ok_and(|m| m.contains("start"));
        (running && started).then_some(pid).flatten()
    }) as u32;
    for i in 1..=INSTANCES {
        poll(60, "s1 to sleep", || {
            let st = get(
                &s.addr,
                &format!("/api/v3/workflows/{SLEEPY}/instances/{i}/steps/s1"),
            )
            .body;
            (st["runtime_state"]["status"] == "RUNNING").then_some(())
        });
    }
    assert!(
        alive(first_pid),
        "the first shell process runs before the kill"
    );
    s.kill9();

    let s = Server::start(database, &work);
    for i in 1..=INSTANCES {
        wait_status(&s.addr, SLEEPY, i, "SUCCEEDED");
        let steps = steps_of(&s.addr, SLEEPY, i);
        assert_sorted_by_instance_id(&steps);
        let got: Vec<(String, i64, String)> = steps
            .as_array()
            .unwrap()
            .iter()
            .map(|st| {
                (
                    st["step_id"].as_str().unwrap().to_string(),
                    st["step_attempt_id"].as_i64().unwrap(),
                    st["runtime_state"]["status"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, i64, String)> = ["n1", "s1", "n2", "s2", "n3"]
            .iter()
            .map(|id| (id.to_string(), 1, "SUCCEEDED".to_string()))
            .collect();
        assert_eq!(got, want, "instance {i}: one attempt of each step");
        // The Sleep resumed its remaining time: it did not start over after the restart.
        let s1 = step(&steps, "s1");
        let rs = &s1["runtime_state"];
        let slept = rs["end_time"].as_i64().unwrap() - rs["start_time"].as_i64().unwrap();
        assert!(slept >= 3000, "s1 slept {slept} ms");
    }
    wait_status(&s.addr, SHELLY, 1, "SUCCEEDED");
    let steps = steps_of(&s.addr, SHELLY, 1);
    let sh = step(&steps, "sh");
    assert_eq!(
        sh["step_attempt_id"], 2,
        "one extra attempt after the crash: {sh}"
    );
    assert_eq!(sh["runtime_state"]["status"], "SUCCEEDED");
    assert_eq!(step(&steps, "after")["step_attempt_id"], 1);
    assert_eq!(
        sh["step_retry"]["platform_retries"], 1,
        "{}",
        sh["step_retry"]
    );
    assert_eq!(sh["step_retry"]["error_retries"], 0, "{}", sh["step_retry"]);
    let lost = ok(get(
        &s.addr,
        &format!("/api/v3/workflows/{SHELLY}/instances/1/runs/1/steps/sh/attempts/1"),
    ));
    assert_eq!(lost["step_attempt_id"], 1);
    assert_eq!(
        lost["runtime_state"]["status"], "PLATFORM_FAILED",
        "the lost attempt: {}",
        lost["runtime_state"]
    );
    assert_eq!(
        lost["artifacts"]["shell"]["pid"], first_pid,
        "attempt 1 recorded the first process"
    );
    let second_pid = sh["artifacts"]["shell"]["pid"].as_u64().unwrap() as u32;
    assert_ne!(second_pid, first_pid);
    assert!(
        !alive(first_pid),
        "the first shell process {first_pid} was killed"
    );
    // The first attempt never finished; the second ran once, to its end.
    assert_eq!(
        std::fs::read_to_string(&marker).unwrap(),
        "start\nstart\nend\n",
        "server log:\n{}",
        s.log()
    );
}

#[test]
fn sigkill_mid_run_on_sqlite() {
    let d = tempdir();
    let db = format!("sqlite://{}", d.path().join("crash.db").display());
    crash_and_recover(&db, d.path());
}

#[test]
fn sigkill_mid_run_on_postgres() {
    let Some(db) = crate::pg::fresh("sigkill_mid_run_on_postgres") else {
        return;
    };
    let d = tempdir();
    crash_and_recover(&db.url, d.path());
}
