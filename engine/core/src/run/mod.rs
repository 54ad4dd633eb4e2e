//! One workflow instance run in memory (SPEC §3, §4): readiness, the step state machines,
//! completion, and the change log a host persists.
//!
//! A host loads a [`RunState`] from the store, calls [`RunState::advance`] with the current
//! time whenever something may have changed (start, a timer, a runtime's wake-up, an
//! action), persists [`RunState::take_changes`] in one transaction, and waits until the
//! returned wake time or the next event.

mod actions;
mod events;
mod overview;
mod step;

pub use actions::{InstanceAction, StepAction};

use std::collections::{BTreeSet, HashMap};

use indexmap::IndexMap;
use maestro_model::instance::{
    InstanceStatus, StepInstance, StepStatus, TimelineEvent, WorkflowInstance,
};
use maestro_model::Workflow;

use crate::params::{InstanceView, Upstream};
use crate::runtime::StepRuntime;
use crate::start::JobTemplate;
use crate::EngineError;

/// What the core needs from its host while advancing.
pub trait Env {
    fn evaluator(&self) -> &sel_core::Evaluator;
    /// The runtime registered under `key` (see [`crate::runtime::runtime_key`]).
    fn runtime(&self, key: &str) -> Option<&dyn StepRuntime>;
    /// A job template by type and version (`None`: the latest).
    fn job_template(&self, job_type: &str, version: Option<&str>) -> Option<JobTemplate>;
}

/// One status change, for the outbox (§9 `status_change_records`).
#[derive(Clone, Debug, PartialEq)]
pub struct StatusChange {
    /// `None` for the instance itself.
    pub step_id: Option<String>,
    pub attempt_id: i64,
    pub old_status: String,
    pub new_status: String,
    pub time: i64,
}

/// What changed since the last [`RunState::take_changes`].
#[derive(Clone, Debug, Default)]
pub struct Changes {
    pub instance: bool,
    /// Attempts to write, by (step id, attempt id).
    pub steps: Vec<StepInstance>,
    pub records: Vec<StatusChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.instance && self.steps.is_empty() && self.records.is_empty()
    }
}

/// What [`RunState::advance`] leaves for the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advance {
    /// The earliest time something is due (a poll, a retry, a timeout).
    pub wake_at: Option<i64>,
    /// Persist the changes, then call `advance` again at once: a runtime with outside
    /// effects is about to start.
    pub flush_first: bool,
}

/// A pending terminating action on the whole run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Terminating {
    /// STOP (steps end STOPPED) or KILL (FATALLY_FAILED without failure modes).
    Action(InstanceAction),
    /// A FAIL_IMMEDIATELY step failed: the others are stopped.
    FailFast,
}

pub struct RunState {
    pub instance: WorkflowInstance,
    pub workflow: Workflow,
    /// Latest attempt of each step of this run (and read-only ones carried over).
    pub steps: IndexMap<String, StepInstance>,
    /// The status of each attempt as the store has it, by step id.
    persisted: HashMap<String, (i64, StepStatus)>,
    dirty_steps: BTreeSet<String>,
    dirty_instance: bool,
    records: Vec<StatusChange>,
    terminating: Option<Terminating>,
    /// Attempts found STARTING/RUNNING after a restart: poll them with `recover`.
    recovering: BTreeSet<String>,
    /// Per attempt: when its runtime asked to be polled next.
    poll_at: HashMap<String, i64>,
    next_step_instance_id: i64,
    /// Earlier attempts replaced by a retry before their last status was persisted.
    retired: Vec<StepInstance>,
}

impl RunState {
    /// Builds the state of a run from its instance document and its attempts (as stored).
    pub fn load(
        instance: WorkflowInstance,
        attempts: Vec<StepInstance>,
    ) -> Result<RunState, EngineError> {
        let text = serde_json::to_string(&instance.runtime_workflow)
            .map_err(|e| EngineError::internal(e.to_string()))?;
        let doc = maestro_model::load_json(&text);
        let workflow = doc
            .workflow
            .ok_or_else(|| EngineError::internal("stored runtime_workflow is not a workflow"))?;
        let mut steps: IndexMap<String, StepInstance> = IndexMap::new();
        let mut persisted = HashMap::new();
        let mut recovering = BTreeSet::new();
        let mut next_id = 1;
        for a in attempts {
            next_id = next_id.max(a.step_instance_id + 1);
            let newer = steps
                .get(&a.step_id)
                .is_none_or(|b| b.step_attempt_id < a.step_attempt_id || b.carried_over);
            if newer {
                persisted.insert(a.step_id.clone(), (a.step_attempt_id, a.status()));
                if !a.carried_over
                    && matches!(a.status(), StepStatus::Starting | StepStatus::Running)
                {
                    recovering.insert(a.step_id.clone());
                }
                steps.insert(a.step_id.clone(), a);
            }
        }
        let mut run = RunState {
            instance,
            workflow,
            steps,
            persisted,
            dirty_steps: BTreeSet::new(),
            dirty_instance: false,
            records: Vec::new(),
            terminating: None,
            recovering,
            poll_at: HashMap::new(),
            next_step_instance_id: next_id,
            retired: Vec::new(),
        };
        run.terminating = run.pending_termination();
        Ok(run)
    }

    /// A terminating action recorded on the instance survives a restart.
    fn pending_termination(&self) -> Option<Terminating> {
        let action = self
            .instance
            .artifacts
            .get("maestro_terminating")?
            .as_str()?;
        match action {
            "STOP" => Some(Terminating::Action(InstanceAction::Stop)),
            "KILL" => Some(Terminating::Action(InstanceAction::Kill)),
            "FAIL_FAST" => Some(Terminating::FailFast),
            _ => None,
        }
    }

    /// Something outside changed (a runtime woke the run): poll every running step on
    /// the next [`RunState::advance`] instead of waiting for its next poll time.
    pub fn poll_all(&mut self) {
        self.poll_at.clear();
    }

    pub fn status(&self) -> InstanceStatus {
        self.instance.status
    }

    pub fn is_terminal(&self) -> bool {
        self.instance.status.is_terminal()
    }

    /// The changes made since the last call; afterwards they count as persisted.
    pub fn take_changes(&mut self) -> Changes {
        let mut steps: Vec<StepInstance> = std::mem::take(&mut self.retired);
        steps.extend(
            std::mem::take(&mut self.dirty_steps)
                .into_iter()
                .filter_map(|id| self.steps.get(&id).cloned()),
        );
        for s in &steps {
            self.persisted
                .insert(s.step_id.clone(), (s.step_attempt_id, s.status()));
        }
        Changes {
            instance: std::mem::take(&mut self.dirty_instance),
            steps,
            records: std::mem::take(&mut self.records),
        }
    }

    pub(crate) fn touch_instance(&mut self, now: i64) {
        self.instance.modify_time = now;
        self.dirty_instance = true;
    }

    pub(crate) fn set_instance_status(&mut self, status: InstanceStatus, now: i64) {
        let old = self.instance.status;
        if old == status {
            return;
        }
        self.instance.status = status;
        if status == InstanceStatus::InProgress && self.instance.start_time.is_none() {
            self.instance.start_time = Some(now);
        }
        if status.is_terminal() {
            self.instance.end_time = Some(now);
            self.instance.artifacts.remove("maestro_terminating");
        }
        self.records.push(StatusChange {
            step_id: None,
            attempt_id: 0,
            old_status: old.as_str().to_string(),
            new_status: status.as_str().to_string(),
            time: now,
        });
        self.instance.timeline.add(TimelineEvent::log(
            now,
            format!("Workflow instance status becomes [{}]", status.as_str()),
        ));
        self.touch_instance(now);
    }

    pub(crate) fn view(&self) -> InstanceView<'_> {
        InstanceView {
            workflow_id: &self.instance.workflow_id,
            instance_id: self.instance.workflow_instance_id,
            run_id: self.instance.workflow_run_id,
            initiator: &self.instance.initiator,
            owner: self
                .instance
                .run_properties
                .get("owner")
                .and_then(|o| {
                    o.as_str()
                        .or_else(|| o.get("name").and_then(|n| n.as_str()))
                })
                .unwrap_or(""),
            run_policy: &self.instance.run_config.policy,
            first_time_trigger_timezone: "",
        }
    }

    /// Advances the run as far as it can go at `now`.
    pub fn advance(&mut self, now: i64, env: &dyn Env) -> Advance {
        if self.is_terminal() {
            return Advance {
                wake_at: None,
                flush_first: false,
            };
        }
        if self.instance.status == InstanceStatus::Created {
            self.instance.execution_id = Some(self.instance.workflow_uuid.clone());
            self.set_instance_status(InstanceStatus::InProgress, now);
        }
        let started = self.instance.start_time.unwrap_or(now);
        let deadline = started.saturating_add(self.instance.timeout_in_millis);
        if now >= deadline {
            self.time_out(now, env);
            return Advance {
                wake_at: None,
                flush_first: false,
            };
        }
        let mut wake: Option<i64> = Some(deadline);
        let mut flush_first = false;
        let ids: Vec<String> = self.instance.runtime_dag.keys().cloned().collect();
        // A pass ticks every step and moves each by one status, so a long chain takes
        // about ten passes per step. Steps whose tick is known to do nothing are skipped
        // (same order, same effects): settled ones (terminal, successors evaluated) for
        // the rest of this call, uncreated ones while the predecessor that blocked them
        // is still incomplete.
        let position: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| (id.as_str(), k))
            .collect();
        let mut settled = vec![false; ids.len()];
        let mut blocked_by: Vec<Option<usize>> = vec![None; ids.len()];
        loop {
            let mut moved = false;
            for (k, id) in ids.iter().enumerate() {
                if settled[k] {
                    continue;
                }
                if let Some(b) = blocked_by[k] {
                    if !self.is_complete(&ids[b]) {
                        continue;
                    }
                    blocked_by[k] = None;
                }
                match self.tick_step(id, now, env) {
                    step::Tick::Moved => moved = true,
                    step::Tick::Idle(at) => {
                        wake = earliest(wake, at);
                        if at.is_none() {
                            self.note_idle(id, k, &position, &mut settled, &mut blocked_by);
                        }
                    }
                    step::Tick::Barrier => flush_first = true,
                }
            }
            if !moved {
                break;
            }
        }
        if !flush_first && self.check_done(now) {
            return Advance {
                wake_at: None,
                flush_first: false,
            };
        }
        self.refresh_overview(now);
        Advance {
            wake_at: wake,
            flush_first,
        }
    }

    /// After a tick that did nothing: whether step `id` (at `k`) can be skipped for the
    /// rest of this advance (settled) or until a given predecessor completes.
    fn note_idle(
        &self,
        id: &str,
        k: usize,
        position: &HashMap<&str, usize>,
        settled: &mut [bool],
        blocked_by: &mut [Option<usize>],
    ) {
        match self.steps.get(id).filter(|s| !s.carried_over) {
            Some(s) => {
                let st = s.status();
                // Nothing in an advance reopens such an attempt: terminate_step leaves
                // it alone, and only its own tick creates a new attempt.
                if st.is_terminal()
                    && !st.is_retryable()
                    && (!st.is_complete() || self.successors_evaluated(id))
                {
                    settled[k] = true;
                }
            }
            None => {
                let preds = self.instance.runtime_dag.get(id).map(|n| &n.predecessors);
                let first = preds.and_then(|p| p.iter().find(|p| !self.is_complete(p)));
                blocked_by[k] = first.and_then(|p| position.get(p.as_str()).copied());
            }
        }
    }

    /// The workflow timeout expired (§4.4).
    fn time_out(&mut self, now: i64, env: &dyn Env) {
        let ids: Vec<String> = self.steps.keys().cloned().collect();
        for id in ids {
            let s = &self.steps[&id];
            if s.carried_over {
                continue;
            }
            let st = s.status();
            if !st.is_terminal() || st.is_retryable() {
                self.terminate_step(&id, StepStatus::TimedOut, now, env);
            }
        }
        self.instance
            .timeline
            .add(TimelineEvent::log(now, "Workflow instance timed out"));
        self.refresh_overview(now);
        self.set_instance_status(InstanceStatus::TimedOut, now);
    }

    /// Whether every step that can run has run; if so the run gets its final status
    /// (§3.7).
    fn check_done(&mut self, now: i64) -> bool {
        let mut created = 0;
        for (id, node) in &self.instance.runtime_dag {
            match self.steps.get(id).filter(|s| !s.carried_over) {
                Some(s) => {
                    created += 1;
                    let st = s.status();
                    if !st.is_terminal() || st.is_retryable() {
                        return false;
                    }
                }
                None => {
                    let blocked = self.terminating.is_some()
                        || node.predecessors.iter().any(|p| !self.is_complete(p));
                    if !blocked {
                        return false;
                    }
                }
            }
        }
        let statuses: Vec<StepStatus> = self
            .instance
            .runtime_dag
            .keys()
            .filter_map(|id| self.steps.get(id).filter(|s| !s.carried_over))
            .map(StepInstance::status)
            .collect();
        use StepStatus::*;
        let any = |set: &[StepStatus]| statuses.iter().any(|s| set.contains(s));
        let mut status = if created == 0
            || any(&[
                FatallyFailed,
                InternallyFailed,
                UserFailed,
                PlatformFailed,
                TimeoutFailed,
            ]) {
            InstanceStatus::Failed
        } else if any(&[TimedOut]) {
            InstanceStatus::TimedOut
        } else if any(&[Stopped]) {
            InstanceStatus::Stopped
        } else {
            InstanceStatus::Succeeded
        };
        match self.terminating {
            Some(Terminating::Action(InstanceAction::Stop))
                if status == InstanceStatus::Succeeded =>
            {
                status = InstanceStatus::Stopped;
            }
            Some(Terminating::Action(InstanceAction::Kill)) => status = InstanceStatus::Failed,
            _ => {}
        }
        self.refresh_overview(now);
        self.set_instance_status(status, now);
        true
    }

    /// Whether `id`'s latest attempt is in a complete status.
    pub(crate) fn is_complete(&self, id: &str) -> bool {
        self.steps.get(id).is_some_and(|s| s.status().is_complete())
    }
}

fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Steps that finished in a complete status, as `stepId__param` and `getFromStep` see
/// them (§2.9).
pub(crate) struct Finished<'a> {
    pub steps: &'a IndexMap<String, StepInstance>,
    /// Looked up only when a reference needs it: collecting every step id up front cost
    /// O(steps) allocations per evaluation, O(steps²) per run.
    pub workflow: &'a Workflow,
}

impl Upstream for Finished<'_> {
    fn step(&self, step_id: &str) -> Option<&StepInstance> {
        self.steps
            .get(step_id)
            .filter(|s| s.status().is_complete() || s.carried_over)
    }
    fn has_step(&self, step_id: &str) -> bool {
        self.workflow
            .all_steps()
            .iter()
            .any(|s| s.id() == Some(step_id))
    }
}
