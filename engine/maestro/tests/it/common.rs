//! Shared helpers: the binary, the samples, workflow files written on the fly, polling.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

/// A sample of Maestro's own (engine/model/tests/data).
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../model/tests/data")
        .join(name)
}

pub fn shell_template() -> PathBuf {
    sample("jobtemplates/sample-job-template-1.json")
}

pub fn maestro() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_maestro"));
    c.stdin(Stdio::null());
    c
}

/// What a finished `maestro` process did.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `maestro ARGS...` in `dir` to its end.
pub fn maestro_in(dir: &Path, args: &[&str]) -> Out {
    let o = maestro()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the maestro binary runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write a test file");
    p
}

/// A JSON create request with owner `tester` and the given steps (and workflow params).
pub fn workflow(id: &str, params: Json, steps: Json) -> String {
    let doc = serde_json::json!({
        "properties": {"owner": "tester", "run_strategy": "parallel"},
        "workflow": {"id": id, "params": params, "steps": steps}
    });
    serde_json::to_string_pretty(&doc).expect("serializable")
}

/// Calls `f` until it returns Some, at most `secs` seconds (generous: the machine is slow).
pub fn poll<T>(secs: u64, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let end = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            Instant::now() < end,
            "timed out after {secs} s waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Parses stdout that must hold exactly one JSON value.
pub fn one_json(stdout: &str) -> Json {
    let values: Vec<Json> = serde_json::Deserializer::from_str(stdout)
        .into_iter::<Json>()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {stdout}"));
    assert_eq!(
        values.len(),
        1,
        "expected exactly one JSON value on stdout: {stdout}"
    );
    values.into_iter().next().expect("one value")
}

/// `(step_id, status)` of each step instance, in the listed order.
pub fn step_statuses(steps: &Json) -> Vec<(String, String)> {
    steps
        .as_array()
        .expect("a list of step instances")
        .iter()
        .map(|s| {
            (
                s["step_id"].as_str().expect("step_id").to_string(),
                s["runtime_state"]["status"]
                    .as_str()
                    .expect("status")
                    .to_string(),
            )
        })
        .collect()
}

/// The step instance with this id in a list.
pub fn step<'a>(steps: &'a Json, id: &str) -> &'a Json {
    steps
        .as_array()
        .and_then(|a| a.iter().find(|s| s["step_id"] == id))
        .unwrap_or_else(|| panic!("no step [{id}] in {steps}"))
}

/// Asserts a list of step instances is sorted by step_instance_id (strictly).
pub fn assert_sorted_by_instance_id(steps: &Json) {
    let ids: Vec<i64> = steps
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["step_instance_id"].as_i64().expect("step_instance_id"))
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "not sorted by step_instance_id: {ids:?}"
    );
}

/// Whether process `pid` still runs: `kill -0` succeeds and it is not a zombie waiting
/// for a parent that died (the container's init may be slow to reap it).
pub fn alive(pid: u32) -> bool {
    let exists = Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    let zombie = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(false);
    exists && !zombie
}
