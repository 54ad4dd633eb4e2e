//! Step runtimes (SPEC §4.2 "step runtime contract"): the trait through which the state
//! machine starts, polls and terminates a step's work, and the two built-in leaf
//! runtimes, NoOp and Sleep, which need no I/O.
//!
//! Calls are keyed by the attempt (its `step_uuid`) and must be idempotent: after a crash
//! the engine may call `start` or `execute` again for the same attempt.

use maestro_model::instance::{ParameterMap, StepInstance, TimelineEvent, WorkflowInstance};
use serde_json::{Map, Value as Json};

/// What a runtime call says about the step's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Done,
    UserError,
    PlatformError,
    FatalError,
    Stopped,
    TimedOut,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RuntimeResult {
    pub outcome: Outcome,
    /// Artifacts to store on the attempt (same key replaces).
    pub artifacts: Map<String, Json>,
    pub timeline: Vec<TimelineEvent>,
    /// When to poll again (ms from now); `None` = the runtime wakes the engine itself.
    pub next_poll_ms: Option<i64>,
    /// Output params the work produced (§2.13), merged at FINISHING.
    pub output_params: ParameterMap,
}

impl RuntimeResult {
    pub fn of(outcome: Outcome) -> RuntimeResult {
        RuntimeResult {
            outcome,
            artifacts: Map::new(),
            timeline: Vec::new(),
            next_poll_ms: None,
            output_params: ParameterMap::new(),
        }
    }

    pub fn poll_in(mut self, ms: i64) -> RuntimeResult {
        self.next_poll_ms = Some(ms);
        self
    }

    pub fn log(mut self, now: i64, message: impl Into<String>) -> RuntimeResult {
        self.timeline.push(TimelineEvent::log(now, message));
        self
    }
}

/// One call's view of the step.
pub struct StepCall<'a> {
    pub instance: &'a WorkflowInstance,
    pub step: &'a StepInstance,
    pub now: i64,
}

impl StepCall<'_> {
    /// The evaluated value of one of the step's params.
    pub fn param(&self, name: &str) -> Option<&Json> {
        self.step.params.get(name)?.evaluated_result.as_ref()
    }
}

pub trait StepRuntime: Send + Sync {
    fn start(&self, call: &StepCall<'_>) -> RuntimeResult;
    fn execute(&self, call: &StepCall<'_>) -> RuntimeResult;
    /// Stops the work; must be idempotent.
    fn terminate(&self, _call: &StepCall<'_>) -> RuntimeResult {
        RuntimeResult::of(Outcome::Stopped)
    }
    /// Whether `start` acts on the outside world, so the engine must persist STARTING
    /// before calling it (a crash then cannot make it start twice unseen).
    fn start_has_side_effects(&self) -> bool {
        false
    }
    /// Called instead of `execute` for an attempt the engine found STARTING or RUNNING
    /// after a restart. The default keeps polling.
    fn recover(&self, call: &StepCall<'_>) -> RuntimeResult {
        self.execute(call)
    }
}

/// `NoOp`: done on its first execution.
pub struct NoOp;

impl StepRuntime for NoOp {
    fn start(&self, _: &StepCall<'_>) -> RuntimeResult {
        RuntimeResult::of(Outcome::Continue)
    }
    fn execute(&self, _: &StepCall<'_>) -> RuntimeResult {
        RuntimeResult::of(Outcome::Done)
    }
}

/// `Sleep`: done `sleep_seconds` (default 3) after the step started.
pub struct Sleep;

impl Sleep {
    fn remaining(call: &StepCall<'_>) -> i64 {
        let secs = call
            .param("sleep_seconds")
            .and_then(Json::as_i64)
            .unwrap_or(3);
        let started = call.step.runtime_state.start_time.unwrap_or(call.now);
        started + secs.saturating_mul(1000) - call.now
    }
}

impl StepRuntime for Sleep {
    fn start(&self, _: &StepCall<'_>) -> RuntimeResult {
        RuntimeResult::of(Outcome::Continue)
    }
    fn execute(&self, call: &StepCall<'_>) -> RuntimeResult {
        match Sleep::remaining(call) {
            r if r <= 0 => RuntimeResult::of(Outcome::Done),
            r => RuntimeResult::of(Outcome::Continue).poll_in(r),
        }
    }
}

/// The key a step's runtime is registered under: its job-template `sub_type` when it has
/// one, else its type, lower-cased (`noop`, `sleep`, `shell`, ...).
pub fn runtime_key(step_type: &str, sub_type: Option<&str>) -> String {
    sub_type.unwrap_or(step_type).to_ascii_lowercase()
}
