//! The local process executor behind job-template `shell` steps (`type: notebook,
//! sub_type: shell`): the `script` param runs under `sh -c` in a fresh working directory
//! with the step's params in the environment.
//!
//! Exit 0 is DONE, anything else USER_ERROR. stdout and stderr go to files in the working
//! directory and their tails are kept as the `shell` artifact. Output params and artifacts
//! come from the last `$MAESTRO_OUTPUT_START ... $MAESTRO_OUTPUT_END` pair on stdout
//! (SPEC §2.13).
//!
//! No orphans: each script runs in its own process group, dies with the engine (Linux
//! parent-death signal), and its process id is recorded in the attempt's artifacts; an
//! engine that restarts and finds an attempt whose process it no longer watches kills that
//! process group and fails the attempt as PLATFORM_ERROR, so the platform retry policy
//! decides what happens next.

use std::collections::HashMap;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use maestro_core::runtime::{Outcome, RuntimeResult, StepCall, StepRuntime};
use maestro_model::instance::{ErrorDetails, Parameter, ParameterMap, TimelineEvent};
use serde_json::{json, Map, Value as Json};

use crate::engine::time::Timekeeper;
use crate::engine::RunKey;

const OUTPUT_START: &str = "__MAESTRO_OUTPUT_START__";
const OUTPUT_END: &str = "__MAESTRO_OUTPUT_END__";
/// How much of stdout and stderr an attempt keeps (the tail).
const KEEP_BYTES: usize = 64 * 1024;

#[derive(Clone, Debug)]
struct Exit {
    code: Option<i32>,
    signal: Option<i32>,
}

struct Process {
    pid: u32,
    dir: PathBuf,
    exit: Arc<Mutex<Option<Exit>>>,
}

pub struct Shell {
    root: PathBuf,
    tk: Arc<Timekeeper>,
    wake: Arc<dyn Fn(RunKey) + Send + Sync>,
    procs: Mutex<HashMap<String, Process>>,
}

impl Shell {
    pub fn new(
        root: PathBuf,
        tk: Arc<Timekeeper>,
        wake: Arc<dyn Fn(RunKey) + Send + Sync>,
    ) -> Shell {
        Shell {
            root,
            tk,
            wake,
            procs: Mutex::new(HashMap::new()),
        }
    }

    fn procs(&self) -> std::sync::MutexGuard<'_, HashMap<String, Process>> {
        self.procs.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn env_name_ok(name: &str) -> bool {
    let mut b = name.bytes();
    matches!(b.next(), Some(c) if c == b'_' || c.is_ascii_alphabetic())
        && b.all(|c| c == b'_' || c.is_ascii_alphanumeric())
}

fn tail(bytes: &[u8]) -> String {
    let start = bytes.len().saturating_sub(KEEP_BYTES);
    String::from_utf8_lossy(&bytes[start..]).into_owned()
}

/// The JSON between the last start marker and the end marker after it.
fn output_block(stdout: &str) -> Option<&str> {
    let start = stdout.rfind(OUTPUT_START)? + OUTPUT_START.len();
    let end = stdout[start..].find(OUTPUT_END)? + start;
    Some(stdout[start..end].trim())
}

fn kill_group(pid: u32) {
    // SAFETY: kill(2) with a negative pid signals the process group; no memory is shared.
    unsafe {
        libc::kill(-(pid as i32), libc::SIGKILL);
    }
}

fn failure(outcome: Outcome, now: i64, message: String) -> RuntimeResult {
    let mut r = RuntimeResult::of(outcome);
    r.timeline.push(TimelineEvent::details(
        now,
        &ErrorDetails {
            status: "USER_ERROR".into(),
            message,
            errors: Vec::new(),
        },
    ));
    r
}

impl StepRuntime for Shell {
    fn start_has_side_effects(&self) -> bool {
        true
    }

    fn start(&self, call: &StepCall<'_>) -> RuntimeResult {
        let uuid = call.step.step_uuid.clone();
        if self.procs().contains_key(&uuid) {
            return RuntimeResult::of(Outcome::Continue);
        }
        let Some(script) = call.param("script").and_then(Json::as_str) else {
            return failure(
                Outcome::FatalError,
                call.now,
                "the shell step has no STRING param [script]".into(),
            );
        };
        let s = call.step;
        let dir = self.root.join(format!(
            "{}/{}/{}/{}/{}-{}",
            s.workflow_id,
            s.workflow_instance_id,
            s.workflow_run_id,
            s.step_id,
            s.step_attempt_id,
            &uuid[..8]
        ));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return failure(
                Outcome::PlatformError,
                call.now,
                format!("cannot create the working directory {}: {e}", dir.display()),
            );
        }
        let open = |name: &str| std::fs::File::create(dir.join(name));
        let (Ok(out), Ok(err)) = (open("stdout"), open("stderr")) else {
            return failure(
                Outcome::PlatformError,
                call.now,
                "cannot create the output files".into(),
            );
        };
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(script)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .env("MAESTRO_OUTPUT_START", OUTPUT_START)
            .env("MAESTRO_OUTPUT_END", OUTPUT_END)
            .process_group(0);
        for (name, p) in &s.params {
            if let (true, Some(v)) = (env_name_ok(name), &p.evaluated_result) {
                cmd.env(name, maestro_core::value::render(v));
            }
        }
        // SAFETY: prctl is async-signal-safe; it only asks the kernel to kill the child
        // when its parent thread dies.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                return failure(
                    Outcome::PlatformError,
                    call.now,
                    format!("cannot start sh: {e}"),
                )
            }
        };
        let pid = child.id();
        let exit = Arc::new(Mutex::new(None));
        let key: RunKey = (
            s.workflow_id.clone(),
            s.workflow_instance_id,
            s.workflow_run_id,
        );
        // The running process is outside work: virtual time waits for it.
        let token = self.tk.token();
        let wake = self.wake.clone();
        let slot = exit.clone();
        std::thread::spawn(move || {
            let status = child.wait();
            let e = match status {
                Ok(st) => {
                    use std::os::unix::process::ExitStatusExt;
                    Exit {
                        code: st.code(),
                        signal: st.signal(),
                    }
                }
                Err(_) => Exit {
                    code: None,
                    signal: None,
                },
            };
            if let Ok(mut s) = slot.lock() {
                *s = Some(e);
            }
            wake(key);
            drop(token);
        });
        self.procs().insert(
            uuid,
            Process {
                pid,
                dir: dir.clone(),
                exit,
            },
        );
        let mut r = RuntimeResult::of(Outcome::Continue);
        r.artifacts.insert(
            "shell".into(),
            json!({"pid": pid, "work_dir": dir.display().to_string(), "command": "sh -c"}),
        );
        r
    }

    fn execute(&self, call: &StepCall<'_>) -> RuntimeResult {
        let uuid = &call.step.step_uuid;
        let procs = self.procs();
        let Some(p) = procs.get(uuid) else {
            drop(procs);
            return self.lost(call);
        };
        let done = p.exit.lock().ok().and_then(|e| e.clone());
        let Some(exit) = done else {
            // The waiting thread wakes the run when the process ends.
            return RuntimeResult::of(Outcome::Continue);
        };
        let dir = p.dir.clone();
        let pid = p.pid;
        drop(procs);
        self.procs().remove(uuid);
        let stdout = std::fs::read(dir.join("stdout")).unwrap_or_default();
        let stderr = std::fs::read(dir.join("stderr")).unwrap_or_default();
        let stdout = tail(&stdout);
        let mut artifacts = Map::new();
        artifacts.insert(
            "shell".into(),
            json!({
                "pid": pid,
                "work_dir": dir.display().to_string(),
                "command": "sh -c",
                "exit_code": exit.code,
                "signal": exit.signal,
                "stdout": stdout,
                "stderr": tail(&stderr),
            }),
        );
        if exit.code != Some(0) {
            let why = match (exit.code, exit.signal) {
                (Some(c), _) => format!("the script exited with code {c}"),
                (None, Some(s)) => format!("the script was killed by signal {s}"),
                _ => "the script's exit status is unknown".into(),
            };
            let mut r = failure(Outcome::UserError, call.now, why);
            r.artifacts = artifacts;
            return r;
        }
        let mut r = RuntimeResult::of(Outcome::Done);
        if let Some(block) = output_block(&stdout) {
            match serde_json::from_str::<Json>(block) {
                Ok(out) => {
                    if let Some(Json::Object(params)) = out.get("params") {
                        let parsed: ParameterMap = params
                            .iter()
                            .filter_map(|(k, v)| {
                                serde_json::from_value::<Parameter>(v.clone())
                                    .ok()
                                    .map(|p| (k.clone(), p))
                            })
                            .collect();
                        r.output_params = parsed;
                    }
                    if let Some(Json::Object(a)) = out.get("artifacts") {
                        for (k, v) in a {
                            artifacts.insert(k.clone(), v.clone());
                        }
                    }
                }
                Err(e) => {
                    let mut f = failure(
                        Outcome::UserError,
                        call.now,
                        format!("the output between the markers is not JSON: {e}"),
                    );
                    f.artifacts = artifacts;
                    return f;
                }
            }
        }
        r.artifacts = artifacts;
        r
    }

    fn terminate(&self, call: &StepCall<'_>) -> RuntimeResult {
        let pid = self
            .procs()
            .remove(&call.step.step_uuid)
            .map(|p| p.pid)
            .or_else(|| recorded_pid(call));
        if let Some(pid) = pid {
            kill_group(pid);
        }
        RuntimeResult::of(Outcome::Stopped).log(call.now, "The shell process was killed")
    }

    fn recover(&self, call: &StepCall<'_>) -> RuntimeResult {
        if self.procs().contains_key(&call.step.step_uuid) {
            return self.execute(call);
        }
        self.lost(call)
    }
}

fn recorded_pid(call: &StepCall<'_>) -> Option<u32> {
    call.step
        .artifacts
        .get("shell")?
        .get("pid")?
        .as_u64()
        .map(|p| p as u32)
}

impl Shell {
    /// An attempt whose process this engine does not watch (it restarted): the process
    /// group is killed and the attempt fails as a platform error.
    fn lost(&self, call: &StepCall<'_>) -> RuntimeResult {
        if let Some(pid) = recorded_pid(call) {
            kill_group(pid);
        }
        let mut r = RuntimeResult::of(Outcome::PlatformError);
        r.timeline.push(TimelineEvent::details(
            call.now,
            &ErrorDetails {
                status: "PLATFORM_ERROR".into(),
                message: "the engine restarted and cannot re-attach to the shell process of this attempt; it was killed".into(),
                errors: Vec::new(),
            },
        ));
        r
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn output_block_is_the_last_pair() {
        let out = "a __MAESTRO_OUTPUT_START__{\"x\":1}__MAESTRO_OUTPUT_END__ b __MAESTRO_OUTPUT_START__ {\"y\":2} __MAESTRO_OUTPUT_END__\n";
        assert_eq!(super::output_block(out), Some("{\"y\":2}"));
        assert_eq!(super::output_block("no markers"), None);
        assert_eq!(
            super::output_block("__MAESTRO_OUTPUT_START__ unterminated"),
            None
        );
    }
}
