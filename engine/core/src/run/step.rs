//! The state machine of one step attempt (SPEC §4.2–4.4): from creation through param
//! evaluation, start and polling to a terminal status, retries with backoff, step
//! timeouts, failure modes and the evaluation of successor conditions.

use maestro_model::canonical::node_to_json;
use maestro_model::instance::{
    ErrorDetails, Parameter, ParameterMap, RuntimeState, StepInstance, StepRetry,
    StepTransitionState, TimelineEvent,
};
use maestro_model::interpolation::interpolate;
use maestro_model::{ParamType, Step, StepKind};
use serde_json::{json, Value as Json};

use super::{Env, Finished, RunState, StatusChange, Terminating};
use crate::duration::{timeout_ms, DEFAULT_TIMEOUT_MS};
use crate::params::{
    cleanup, default_step_params, evaluate_in_step_scope, evaluate_step_params, from_model,
    merge_params, Evaluation, Source, StepView,
};
use crate::retry::{FailureKind, RetryPolicy};
use crate::runtime::{runtime_key, Outcome, RuntimeResult, StepCall};
use crate::value::render;
use maestro_model::instance::StepStatus;

pub(crate) enum Tick {
    /// The attempt changed status; another pass may move more.
    Moved,
    /// Nothing to do until the given time (or an event).
    Idle(Option<i64>),
    /// Persist before going on (a runtime with outside effects is about to start).
    Barrier,
}

/// How a failure mode treats a fatal failure (§3.6).
#[derive(Clone, Copy, PartialEq, Eq)]
enum FailureMode {
    FailAfterRunning,
    FailImmediately,
    IgnoreFailure,
}

fn failure_mode(step: &Step) -> FailureMode {
    match step
        .failure_mode
        .as_ref()
        .map(|f| f.value.to_ascii_uppercase())
        .as_deref()
    {
        Some("FAIL_IMMEDIATELY") => FailureMode::FailImmediately,
        Some("IGNORE_FAILURE") => FailureMode::IgnoreFailure,
        _ => FailureMode::FailAfterRunning,
    }
}

fn set_time(rs: &mut RuntimeState, status: StepStatus, now: i64) {
    use StepStatus::*;
    let slot = match status {
        Created => &mut rs.create_time,
        Initialized => &mut rs.initialize_time,
        Paused => &mut rs.pause_time,
        WaitingForSignals => &mut rs.wait_signal_time,
        EvaluatingParams => &mut rs.evaluate_param_time,
        WaitingForPermits => &mut rs.wait_permit_time,
        Starting => &mut rs.start_time,
        Running => &mut rs.execute_time,
        Finishing => &mut rs.finish_time,
        _ => &mut rs.end_time,
    };
    *slot = Some(now);
    rs.modify_time = Some(now);
}

impl RunState {
    pub(crate) fn step_def(&self, id: &str) -> Option<&Step> {
        self.workflow.steps.iter().find(|s| s.id() == Some(id))
    }

    fn finished(&self) -> Finished<'_> {
        Finished {
            steps: &self.steps,
            workflow: &self.workflow,
        }
    }

    /// Interpolates an attribute string with workflow params (§2.9 last paragraph).
    pub(crate) fn interpolate_workflow(&self, text: &str) -> Result<String, String> {
        interpolate(text, |name| {
            self.instance
                .params
                .get(name)
                .and_then(|p| p.evaluated_result.as_ref())
                .map(render)
                .ok_or_else(|| format!("param [{name}] referenced in [{text}] does not exist"))
        })
    }

    pub(crate) fn set_step_status(&mut self, id: &str, status: StepStatus, now: i64) {
        let Some(s) = self.steps.get_mut(id) else {
            return;
        };
        let old = s.status();
        if old == status {
            return;
        }
        s.runtime_state.status = Some(status);
        set_time(&mut s.runtime_state, status, now);
        if status.is_restartable() {
            s.step_retry.retryable = false;
        }
        self.records.push(StatusChange {
            step_id: Some(id.to_string()),
            attempt_id: s.step_attempt_id,
            old_status: old.as_str().to_string(),
            new_status: status.as_str().to_string(),
            time: now,
        });
        self.dirty_steps.insert(id.to_string());
        if status.is_terminal() {
            self.poll_at.remove(id);
            self.recovering.remove(id);
        }
    }

    fn fail_internally(&mut self, id: &str, message: String, now: i64) {
        if let Some(s) = self.steps.get_mut(id) {
            s.timeline.add(TimelineEvent::details(
                now,
                &ErrorDetails {
                    status: "INTERNAL_ERROR".into(),
                    message,
                    errors: Vec::new(),
                },
            ));
        }
        self.set_step_status(id, StepStatus::InternallyFailed, now);
    }

    /// Moves step `id` as far as it goes now.
    pub(crate) fn tick_step(&mut self, id: &str, now: i64, env: &dyn Env) -> Tick {
        let Some(current) = self.steps.get(id) else {
            return self.maybe_create(id, now);
        };
        if current.carried_over {
            return self.maybe_create(id, now);
        }
        let status = current.status();
        use StepStatus::*;
        match status {
            Created => {
                self.on_created(id, now);
                Tick::Moved
            }
            Initialized => {
                self.set_step_status(id, WaitingForSignals, now);
                Tick::Moved
            }
            WaitingForSignals => {
                let waits = self
                    .step_def(id)
                    .is_some_and(|s| !s.signal_dependencies.is_empty());
                if waits && !self.signals_bypassed(id) {
                    return Tick::Idle(None);
                }
                self.set_step_status(id, EvaluatingParams, now);
                Tick::Moved
            }
            EvaluatingParams => {
                match self.evaluate_params(id, now, env) {
                    Ok(()) => self.set_step_status(id, WaitingForPermits, now),
                    Err(e) => self.fail_internally(id, e, now),
                }
                Tick::Moved
            }
            WaitingForPermits => {
                self.set_step_status(id, Starting, now);
                Tick::Moved
            }
            Starting => self.on_starting(id, now, env),
            Running => self.on_running(id, now, env),
            Finishing => {
                self.set_step_status(id, Succeeded, now);
                Tick::Moved
            }
            UserFailed | PlatformFailed | TimeoutFailed => {
                let due = self.retry_due(id);
                if self.terminating.is_some() {
                    return Tick::Idle(None);
                }
                if now >= due {
                    self.new_attempt(id, now, Some(status));
                    Tick::Moved
                } else {
                    Tick::Idle(Some(due))
                }
            }
            s if s.is_complete() => {
                if !self.successors_evaluated(id) {
                    if let Err(e) = self.evaluate_successors(id, now, env) {
                        self.fail_internally(id, e, now);
                    }
                    return Tick::Moved;
                }
                Tick::Idle(None)
            }
            _ => Tick::Idle(None),
        }
    }

    fn signals_bypassed(&self, id: &str) -> bool {
        self.steps[id]
            .signal_dependencies
            .as_ref()
            .and_then(|d| d.get("info"))
            .and_then(|i| i.get("bypassed"))
            .and_then(Json::as_bool)
            .unwrap_or(false)
    }

    /// Creates the first attempt of a step whose predecessors are all complete.
    fn maybe_create(&mut self, id: &str, now: i64) -> Tick {
        if self.terminating.is_some() {
            return Tick::Idle(None);
        }
        let Some(node) = self.instance.runtime_dag.get(id) else {
            return Tick::Idle(None);
        };
        if !node.predecessors.iter().all(|p| self.is_complete(p)) {
            return Tick::Idle(None);
        }
        self.new_attempt(id, now, None);
        Tick::Moved
    }

    /// Whether any predecessor's condition for `id` evaluated to true (OR-join, §3.3).
    fn satisfied(&self, id: &str) -> bool {
        let preds = &self.instance.runtime_dag[id].predecessors;
        preds.is_empty()
            || preds.iter().any(|p| {
                self.steps
                    .get(p)
                    .and_then(|s| s.transition.successors.get(id))
                    .and_then(|c| c.evaluated_result.as_ref())
                    .and_then(Json::as_bool)
                    .unwrap_or(false)
            })
    }

    /// A new attempt: the first one, or a retry after `retry_of`.
    pub(crate) fn new_attempt(&mut self, id: &str, now: i64, retry_of: Option<StepStatus>) {
        let Some(def) = self.step_def(id).cloned() else {
            return;
        };
        let previous = self.steps.get(id).filter(|s| !s.carried_over).cloned();
        let (attempt, step_instance_id, mut retry) = match &previous {
            Some(p) => (
                p.step_attempt_id + 1,
                p.step_instance_id,
                p.step_retry.clone(),
            ),
            None => {
                let sid = self.next_step_instance_id;
                self.next_step_instance_id += 1;
                (1, sid, self.initial_retry(&def))
            }
        };
        match retry_of {
            Some(StepStatus::UserFailed) => retry.error_retries += 1,
            Some(StepStatus::PlatformFailed) => retry.platform_retries += 1,
            Some(StepStatus::TimeoutFailed) => retry.timeout_retries += 1,
            Some(_) => retry.manual_retries += 1,
            None => {}
        }
        retry.retryable = true;
        let node = &self.instance.runtime_dag[id];
        let successors: ParameterMap = def
            .transition
            .iter()
            .flat_map(|t| t.successors.iter())
            .map(|s| {
                let cond = s.condition.as_ref().map_or("true", |c| c.text.as_str());
                let cond = cond.trim().trim_end_matches(';');
                (
                    s.id.text.clone(),
                    Parameter::expression(
                        ParamType::Boolean,
                        format!("return maestro_step_satisfied && ({cond});"),
                    ),
                )
            })
            .collect();
        let i = &self.instance;
        let step = StepInstance {
            workflow_id: i.workflow_id.clone(),
            workflow_instance_id: i.workflow_instance_id,
            workflow_run_id: i.workflow_run_id,
            step_id: id.to_string(),
            step_attempt_id: attempt,
            workflow_uuid: i.workflow_uuid.clone(),
            step_uuid: uuid::Uuid::new_v4().to_string(),
            correlation_id: i.correlation_id.clone(),
            step_instance_id,
            workflow_version_id: i.workflow_version_id,
            group_info: i.group_info,
            owner: self.view().owner.to_string().into(),
            definition: maestro_model::canonical::step_to_json(&def),
            tags: def.tags.as_ref().map(node_to_json),
            step_run_params: Default::default(),
            params: ParameterMap::new(),
            transition: StepTransitionState {
                predecessors: node.predecessors.clone(),
                successors,
            },
            step_retry: retry,
            timeout_in_millis: None,
            runtime_state: RuntimeState::default(),
            signal_dependencies: None,
            artifacts: Default::default(),
            timeline: Default::default(),
            carried_over: false,
        };
        if let Some(p) = previous {
            let persisted = self.persisted.get(id).copied();
            if persisted != Some((p.step_attempt_id, p.status())) {
                self.retired.push(p);
            }
        }
        // A new attempt starts from the placeholder Maestro keeps between attempts.
        let old = StepStatus::NotCreated;
        self.steps.insert(id.to_string(), step);
        let s = self.steps.get_mut(id).expect("just inserted");
        s.runtime_state.status = Some(StepStatus::Created);
        set_time(&mut s.runtime_state, StepStatus::Created, now);
        self.records.push(StatusChange {
            step_id: Some(id.to_string()),
            attempt_id: attempt,
            old_status: old.as_str().to_string(),
            new_status: StepStatus::Created.as_str().to_string(),
            time: now,
        });
        self.dirty_steps.insert(id.to_string());
    }

    /// The retry policy of a new step, falling back to the default one when the
    /// definition's cannot be resolved (**[quirk]** §1.8).
    fn initial_retry(&self, def: &Step) -> StepRetry {
        let raw = def.retry_policy.as_ref().map(node_to_json);
        let interp = |t: &str| self.interpolate_workflow(t);
        let policy = match def.kind {
            StepKind::Typed => RetryPolicy::resolve(raw.as_ref(), &interp).unwrap_or_default(),
            _ => RetryPolicy::default(),
        };
        StepRetry {
            error_retries: 0,
            error_retry_limit: policy.error_retry_limit,
            platform_retries: 0,
            platform_retry_limit: policy.platform_retry_limit,
            timeout_retries: 0,
            timeout_retry_limit: policy.timeout_retry_limit,
            manual_retries: 0,
            retryable: true,
            backoff: Some(Json::Object(policy.backoff)),
        }
    }

    fn policy_of(retry: &StepRetry) -> RetryPolicy {
        let backoff = match &retry.backoff {
            Some(Json::Object(m)) => m.clone(),
            _ => RetryPolicy::default().backoff,
        };
        RetryPolicy {
            error_retry_limit: retry.error_retry_limit,
            platform_retry_limit: retry.platform_retry_limit,
            timeout_retry_limit: retry.timeout_retry_limit,
            backoff,
        }
    }

    /// When a retryable failed attempt gets its next attempt (§4.3).
    fn retry_due(&self, id: &str) -> i64 {
        let s = &self.steps[id];
        let r = &s.step_retry;
        let (kind, done) = match s.status() {
            StepStatus::UserFailed => (FailureKind::Error, r.error_retries),
            StepStatus::PlatformFailed => (FailureKind::Platform, r.platform_retries),
            _ => (FailureKind::Timeout, r.timeout_retries),
        };
        let end = s.runtime_state.end_time.unwrap_or(0);
        end.saturating_add(RunState::policy_of(r).delay_ms(kind, done))
    }

    fn on_created(&mut self, id: &str, now: i64) {
        if !self.satisfied(id) {
            if let Some(s) = self.steps.get_mut(id) {
                s.timeline.add(TimelineEvent::log(
                    now,
                    "Step is unsatisfied: no predecessors can reach it",
                ));
                s.params.insert(
                    "maestro_step_satisfied".into(),
                    evaluated(ParamType::Boolean, json!(false), now),
                );
            }
            self.set_step_status(id, StepStatus::Unsatisfied, now);
            return;
        }
        let timeout = self
            .step_def(id)
            .and_then(|d| d.timeout.as_ref())
            .map(node_to_json);
        let resolved = match timeout {
            None => Ok(DEFAULT_TIMEOUT_MS),
            Some(Json::String(t)) => self
                .interpolate_workflow(&t)
                .and_then(|t| timeout_ms(&Json::String(t))),
            Some(other) => timeout_ms(&other),
        };
        match resolved {
            Ok(ms) => {
                if let Some(s) = self.steps.get_mut(id) {
                    s.timeout_in_millis = Some(ms);
                }
                self.set_step_status(id, StepStatus::Initialized, now);
            }
            Err(e) => self.fail_internally(id, format!("Invalid step timeout: {e}"), now),
        }
    }

    /// Assembles and evaluates the step's params (§2.7, §2.9).
    fn evaluate_params(&mut self, id: &str, now: i64, env: &dyn Env) -> Result<(), String> {
        let def = self.step_def(id).cloned().ok_or("unknown step")?;
        match def.kind {
            StepKind::Typed => {}
            k => {
                return Err(format!(
                    "{} steps are not supported by this engine yet",
                    k.as_str()
                ))
            }
        }
        let mut params = default_step_params();
        if let Some(sub) = def.sub_type.as_ref() {
            let version = def
                .sub_type_version
                .as_ref()
                .map(|v| v.value.clone())
                .or_else(|| {
                    self.instance
                        .params
                        .get("job_template_version")
                        .and_then(|p| p.evaluated_result.as_ref())
                        .and_then(Json::as_str)
                        .map(String::from)
                });
            let template = env
                .job_template(&sub.value, version.as_deref())
                .ok_or_else(|| {
                    format!(
                        "job template [{}] version [{}] does not exist",
                        sub.value,
                        version.as_deref().unwrap_or("latest")
                    )
                })?;
            let mut tp = template.params.clone();
            for (name, p) in tp.iter_mut() {
                if let Some(wp) = self.instance.params.get(name) {
                    if let Some(v) = &wp.evaluated_result {
                        p.value = Some(v.clone());
                        p.expression = None;
                    }
                }
            }
            merge_params(&mut params, &tp, Source::TemplateSchema)?;
        }
        merge_params(&mut params, &from_model(&def.params), Source::Definition)?;
        if let Some(Json::Object(run)) = self.instance.step_run_params.get(id) {
            let run: ParameterMap = run
                .iter()
                .filter_map(|(k, v)| {
                    serde_json::from_value::<Parameter>(v.clone())
                        .ok()
                        .map(|p| (k.clone(), p))
                })
                .collect();
            merge_params(&mut params, &run, Source::Launch)?;
        }
        cleanup(&mut params)?;
        params.insert(
            "maestro_step_satisfied".into(),
            evaluated(ParamType::Boolean, json!(true), now),
        );
        let s = &self.steps[id];
        let type_info = type_info(&def);
        let view = StepView::of(s, &type_info);
        let iv = self.view();
        let ev = Evaluation {
            evaluator: env.evaluator(),
            now,
            instance: &iv,
        };
        let finished = self.finished();
        evaluate_step_params(&mut params, &self.instance.params, &view, &ev, &finished)?;
        crate::params::check_size(&format!("step [{id}]"), &params)?;
        if let Some(s) = self.steps.get_mut(id) {
            s.params = params;
        }
        Ok(())
    }

    fn runtime_of<'e>(
        &self,
        id: &str,
        env: &'e dyn Env,
    ) -> Result<&'e dyn crate::runtime::StepRuntime, String> {
        let def = self.step_def(id).ok_or("unknown step")?;
        let ty = def
            .step_type
            .as_ref()
            .map(|t| t.value.as_str())
            .unwrap_or("");
        let key = runtime_key(ty, def.sub_type.as_ref().map(|s| s.value.as_str()));
        env.runtime(&key).ok_or_else(|| {
            format!("no runtime for step type [{ty}] (key [{key}]) is available in this engine")
        })
    }

    /// The step's runtime; without one the step fails internally.
    fn runtime_or_fail<'e>(
        &mut self,
        id: &str,
        now: i64,
        env: &'e dyn Env,
    ) -> Option<&'e dyn crate::runtime::StepRuntime> {
        match self.runtime_of(id, env) {
            Ok(r) => Some(r),
            Err(e) => {
                self.fail_internally(id, e, now);
                None
            }
        }
    }

    fn on_starting(&mut self, id: &str, now: i64, env: &dyn Env) -> Tick {
        let Some(runtime) = self.runtime_or_fail(id, now, env) else {
            return Tick::Moved;
        };
        let persisted = self.persisted.get(id).copied();
        let attempt = self.steps[id].step_attempt_id;
        if runtime.start_has_side_effects() && persisted != Some((attempt, StepStatus::Starting)) {
            return Tick::Barrier;
        }
        let recovering = self.recovering.remove(id);
        let call = StepCall {
            instance: &self.instance,
            step: &self.steps[id],
            now,
        };
        let result = if recovering {
            runtime.recover(&call)
        } else {
            runtime.start(&call)
        };
        self.apply_result(id, result, true, now, env);
        Tick::Moved
    }

    fn on_running(&mut self, id: &str, now: i64, env: &dyn Env) -> Tick {
        let s = &self.steps[id];
        let started = s.runtime_state.start_time.unwrap_or(now);
        let deadline = started.saturating_add(s.timeout_in_millis.unwrap_or(DEFAULT_TIMEOUT_MS));
        if now >= deadline {
            let retry = &s.step_retry;
            let target = if retry.timeout_retries >= retry.timeout_retry_limit {
                StepStatus::TimedOut
            } else {
                StepStatus::TimeoutFailed
            };
            self.terminate_step(id, target, now, env);
            return Tick::Moved;
        }
        let recovering = self.recovering.contains(id);
        if !recovering {
            if let Some(at) = self.poll_at.get(id).copied() {
                if now < at {
                    return Tick::Idle(Some(at.min(deadline)));
                }
            }
        }
        let Some(runtime) = self.runtime_or_fail(id, now, env) else {
            return Tick::Moved;
        };
        self.recovering.remove(id);
        let call = StepCall {
            instance: &self.instance,
            step: &self.steps[id],
            now,
        };
        let result = if recovering {
            runtime.recover(&call)
        } else {
            runtime.execute(&call)
        };
        let outcome = result.outcome;
        let next = result.next_poll_ms;
        self.apply_result(id, result, false, now, env);
        if outcome == Outcome::Continue {
            let at = next.map(|ms| now.saturating_add(ms.max(0)));
            match at {
                Some(t) => {
                    self.poll_at.insert(id.to_string(), t);
                }
                None => {
                    self.poll_at.insert(id.to_string(), i64::MAX);
                }
            }
            return Tick::Idle(Some(at.unwrap_or(deadline).min(deadline)));
        }
        Tick::Moved
    }

    /// Stores what a runtime call returned and moves the attempt accordingly.
    fn apply_result(
        &mut self,
        id: &str,
        result: RuntimeResult,
        from_start: bool,
        now: i64,
        env: &dyn Env,
    ) {
        if let Some(s) = self.steps.get_mut(id) {
            for (k, v) in result.artifacts {
                s.artifacts.insert(k, v);
            }
            for e in result.timeline {
                s.timeline.add(e);
            }
            if !s.artifacts.is_empty() || !result.output_params.is_empty() {
                self.dirty_steps.insert(id.to_string());
            }
        }
        match result.outcome {
            Outcome::Continue => {
                if from_start {
                    self.set_step_status(id, StepStatus::Running, now);
                }
                self.dirty_steps.insert(id.to_string());
            }
            Outcome::Done => {
                if from_start {
                    self.set_step_status(id, StepStatus::Running, now);
                    return;
                }
                self.set_step_status(id, StepStatus::Finishing, now);
                if let Err(e) = self.merge_outputs(id, &result.output_params, now) {
                    self.fail_internally(id, e, now);
                }
            }
            Outcome::UserError => self.fail(id, FailureKind::Error, now, env),
            Outcome::PlatformError => self.fail(id, FailureKind::Platform, now, env),
            Outcome::FatalError => {
                self.set_step_status(id, StepStatus::FatallyFailed, now);
                self.apply_failure_mode(id, now, env);
            }
            Outcome::Stopped => self.set_step_status(id, StepStatus::Stopped, now),
            Outcome::TimedOut => self.set_step_status(id, StepStatus::TimedOut, now),
        }
    }

    /// Output params (§2.13): only existing MUTABLE params may be changed.
    fn merge_outputs(&mut self, id: &str, outputs: &ParameterMap, now: i64) -> Result<(), String> {
        let Some(s) = self.steps.get_mut(id) else {
            return Ok(());
        };
        for (name, out) in outputs {
            let p = s
                .params
                .get_mut(name)
                .ok_or_else(|| format!("output param [{name}] is not defined in step [{id}]"))?;
            let mode = p.mode.unwrap_or(maestro_model::ParamMode::Mutable);
            if mode != maestro_model::ParamMode::Mutable {
                return Err(format!(
                    "output param [{name}] cannot change a param of mode [{}]",
                    mode.as_str()
                ));
            }
            let v = out
                .evaluated_result
                .clone()
                .or_else(|| out.value.clone())
                .ok_or_else(|| format!("output param [{name}] has no value"))?;
            let (v, _) = crate::value::convert(p.ty, v)
                .map_err(|e| format!("output param [{name}]: {e}"))?;
            p.evaluated_result = Some(v.clone());
            p.evaluated_time = Some(now);
            p.value = Some(v);
            p.expression = None;
            p.meta.insert("source".into(), "OUTPUT_PARAMETER".into());
        }
        Ok(())
    }

    /// A user or platform error: retried while the limit allows (§4.3).
    fn fail(&mut self, id: &str, kind: FailureKind, now: i64, env: &dyn Env) {
        let s = &self.steps[id];
        let r = &s.step_retry;
        let (done, limit, status) = match kind {
            FailureKind::Error => (r.error_retries, r.error_retry_limit, StepStatus::UserFailed),
            _ => (
                r.platform_retries,
                r.platform_retry_limit,
                StepStatus::PlatformFailed,
            ),
        };
        let non_retryable = s
            .artifacts
            .get("maestro_retry")
            .and_then(|a| a.get("retryable"))
            .and_then(Json::as_bool)
            == Some(false);
        if done >= limit || non_retryable {
            self.set_step_status(id, StepStatus::FatallyFailed, now);
            self.apply_failure_mode(id, now, env);
        } else {
            self.set_step_status(id, status, now);
        }
    }

    /// §3.6, for an attempt that just became FATALLY_FAILED.
    pub(crate) fn apply_failure_mode(&mut self, id: &str, now: i64, env: &dyn Env) {
        let mode = self
            .step_def(id)
            .map_or(FailureMode::FailAfterRunning, failure_mode);
        match mode {
            FailureMode::IgnoreFailure => {
                self.set_step_status(id, StepStatus::CompletedWithError, now);
            }
            FailureMode::FailImmediately => {
                if self.terminating.is_none() {
                    self.terminating = Some(Terminating::FailFast);
                    self.instance
                        .artifacts
                        .insert("maestro_terminating".into(), "FAIL_FAST".into());
                    self.touch_instance(now);
                }
                let others: Vec<String> = self
                    .steps
                    .iter()
                    .filter(|(k, s)| {
                        k.as_str() != id
                            && !s.carried_over
                            && (!s.status().is_terminal() || s.status().is_retryable())
                    })
                    .map(|(k, _)| k.clone())
                    .collect();
                for other in others {
                    if let Some(s) = self.steps.get_mut(&other) {
                        s.timeline.add(TimelineEvent::log(
                            now,
                            format!("step {id} with FAIL_IMMEDIATELY mode is failed"),
                        ));
                    }
                    self.terminate_step(&other, StepStatus::Stopped, now, env);
                }
            }
            FailureMode::FailAfterRunning => {}
        }
    }

    /// Ends a non-terminal (or retry-pending) attempt with `target`, asking its runtime
    /// to stop the work first.
    pub(crate) fn terminate_step(&mut self, id: &str, target: StepStatus, now: i64, env: &dyn Env) {
        let Some(s) = self.steps.get(id) else {
            return;
        };
        let st = s.status();
        if st.is_terminal() && !st.is_retryable() {
            return;
        }
        if matches!(
            st,
            StepStatus::Starting | StepStatus::Running | StepStatus::Finishing
        ) {
            if let Ok(runtime) = self.runtime_of(id, env) {
                let call = StepCall {
                    instance: &self.instance,
                    step: &self.steps[id],
                    now,
                };
                let result = runtime.terminate(&call);
                if let Some(s) = self.steps.get_mut(id) {
                    for (k, v) in result.artifacts {
                        s.artifacts.insert(k, v);
                    }
                    for e in result.timeline {
                        s.timeline.add(e);
                    }
                }
            }
        }
        self.set_step_status(id, target, now);
    }

    pub(super) fn successors_evaluated(&self, id: &str) -> bool {
        self.steps[id]
            .transition
            .successors
            .values()
            .all(Parameter::is_evaluated)
    }

    /// Evaluates the successor conditions of a complete step (§3.4).
    fn evaluate_successors(&mut self, id: &str, now: i64, env: &dyn Env) -> Result<(), String> {
        let satisfied = self.steps[id].status() != StepStatus::Unsatisfied;
        let names: Vec<String> = self.steps[id]
            .transition
            .successors
            .keys()
            .cloned()
            .collect();
        if !satisfied {
            if let Some(s) = self.steps.get_mut(id) {
                for c in s.transition.successors.values_mut() {
                    c.evaluated_result = Some(json!(false));
                    c.evaluated_time = Some(now);
                }
            }
            self.dirty_steps.insert(id.to_string());
            return Ok(());
        }
        let s = &self.steps[id];
        let mut params = s.params.clone();
        if !params.contains_key("maestro_step_satisfied") {
            params.insert(
                "maestro_step_satisfied".into(),
                evaluated(ParamType::Boolean, json!(true), now),
            );
        }
        let type_info = self.step_def(id).map(type_info).unwrap_or_default();
        let view = StepView::of(s, &type_info);
        let iv = self.view();
        let ev = Evaluation {
            evaluator: env.evaluator(),
            now,
            instance: &iv,
        };
        let finished = self.finished();
        let mut results = Vec::new();
        for name in &names {
            let def = s.transition.successors[name].clone();
            let v = evaluate_in_step_scope(
                name,
                &def,
                &mut params,
                &self.instance.params,
                &view,
                &ev,
                &finished,
            )
            .map_err(|e| format!("Failed to evaluate the condition of successor [{name}]: {e}"))?;
            let b = match v {
                Json::Bool(b) => b,
                other => {
                    return Err(format!(
                        "the condition of successor [{name}] returned [{other}], not a boolean"
                    ))
                }
            };
            results.push((name.clone(), b));
        }
        if let Some(s) = self.steps.get_mut(id) {
            for (name, b) in results {
                if let Some(c) = s.transition.successors.get_mut(&name) {
                    c.evaluated_result = Some(json!(b));
                    c.evaluated_time = Some(now);
                }
            }
        }
        self.dirty_steps.insert(id.to_string());
        Ok(())
    }
}

/// `getFromStep('step_type_info')`: the job template name, else the type in capitals.
fn type_info(def: &Step) -> String {
    def.sub_type
        .as_ref()
        .map(|t| t.value.clone())
        .or_else(|| def.step_type.as_ref().map(|t| t.value.to_ascii_uppercase()))
        .unwrap_or_default()
}

fn evaluated(ty: ParamType, v: Json, now: i64) -> Parameter {
    let mut p = Parameter::literal(ty, v.clone());
    p.evaluated_result = Some(v);
    p.evaluated_time = Some(now);
    p
}
