//! A minimal in-memory host: it starts a run and advances it, jumping virtual time to
//! each wake-up, until the run ends.

use std::collections::HashMap;

use maestro_core::run::{Env, RunState};
use maestro_core::runtime::{NoOp, Outcome, RuntimeResult, Sleep, StepCall, StepRuntime};
use maestro_core::start::{new_run, Definition, JobTemplate, StartRequest};
use maestro_model::instance::{InstanceStatus, ParameterMap, StepStatus};
use serde_json::json;

/// A step type that always fails with the given outcome (`Titus` steps in tests).
pub struct Failing(pub Outcome);

impl StepRuntime for Failing {
    fn start(&self, _: &StepCall<'_>) -> RuntimeResult {
        RuntimeResult::of(Outcome::Continue)
    }
    fn execute(&self, _: &StepCall<'_>) -> RuntimeResult {
        RuntimeResult::of(self.0)
    }
}

pub struct TestEnv {
    pub evaluator: sel_core::Evaluator,
    pub runtimes: HashMap<String, Box<dyn StepRuntime>>,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let mut runtimes: HashMap<String, Box<dyn StepRuntime>> = HashMap::new();
        runtimes.insert("noop".into(), Box::new(NoOp));
        runtimes.insert("sleep".into(), Box::new(Sleep));
        runtimes.insert("titus".into(), Box::new(Failing(Outcome::UserError)));
        TestEnv {
            evaluator: sel_core::Evaluator::new(sel_core::Limits::default())
                .with_clock(std::sync::Arc::new(sel_core::FixedClock(T0))),
            runtimes,
        }
    }
}

impl Env for TestEnv {
    fn evaluator(&self) -> &sel_core::Evaluator {
        &self.evaluator
    }
    fn runtime(&self, key: &str) -> Option<&dyn StepRuntime> {
        self.runtimes.get(key).map(|r| r.as_ref())
    }
    fn job_template(&self, _: &str, _: Option<&str>) -> Option<JobTemplate> {
        None
    }
}

/// 2024-03-01T12:34:56Z.
pub const T0: i64 = 1_709_296_496_000;

pub fn sample(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../model/tests/data")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Starts `text` (a JSON create request) at `T0` and runs it to its end.
pub fn run_json(text: &str, env: &TestEnv, run_params: ParameterMap) -> RunState {
    let doc = maestro_model::load_json(text);
    let w = doc.workflow.expect("a workflow");
    let props = json!({"owner": "tester"});
    let def = Definition {
        workflow: &w,
        version_id: 1,
        internal_id: 10001,
        properties: &props,
    };
    let mut req = StartRequest::manual(Some("tester"));
    req.run_params = run_params;
    let instance = new_run(&def, &req, 1, T0, &env.evaluator).expect("the run starts");
    let mut run = RunState::load(instance, Vec::new()).expect("loads");
    drive(&mut run, env, T0);
    run
}

/// Advances `run` from `now` until it is terminal (at most 10,000 wake-ups).
pub fn drive(run: &mut RunState, env: &TestEnv, mut now: i64) -> i64 {
    for _ in 0..10_000 {
        let adv = run.advance(now, env);
        run.take_changes();
        if run.is_terminal() {
            return now;
        }
        if adv.flush_first {
            continue;
        }
        now = adv
            .wake_at
            .expect("a run that is not over must have a wake-up time");
    }
    panic!("the run did not finish");
}

pub fn statuses(run: &RunState) -> Vec<(String, StepStatus)> {
    let mut v: Vec<(String, StepStatus)> = run
        .steps
        .values()
        .map(|s| (s.step_id.clone(), s.status()))
        .collect();
    v.sort();
    v
}

pub fn status_of(run: &RunState, id: &str) -> StepStatus {
    run.steps
        .get(id)
        .map_or(StepStatus::NotCreated, |s| s.status())
}

pub fn assert_status(run: &RunState, s: InstanceStatus) {
    assert_eq!(run.status(), s, "steps: {:?}", statuses(run));
}

pub fn param(run: &RunState, step: &str, name: &str) -> serde_json::Value {
    run.steps[step].params[name]
        .evaluated_result
        .clone()
        .unwrap_or(serde_json::Value::Null)
}
