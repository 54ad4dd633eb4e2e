//! User actions on a running instance and its steps (SPEC §4.5–4.6): stop and kill of the
//! whole run, and stop / kill / skip / restart of one step, with the availability rules.

use maestro_model::instance::{InstanceStatus, StepStatus, TimelineEvent};

use super::{Env, RunState, Terminating};
use crate::EngineError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstanceAction {
    Stop,
    Kill,
}

impl InstanceAction {
    pub fn as_str(self) -> &'static str {
        match self {
            InstanceAction::Stop => "STOP",
            InstanceAction::Kill => "KILL",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    Stop,
    Kill,
    Skip,
    Restart,
}

impl StepAction {
    pub fn as_str(self) -> &'static str {
        match self {
            StepAction::Stop => "STOP",
            StepAction::Kill => "KILL",
            StepAction::Skip => "SKIP",
            StepAction::Restart => "RESTART",
        }
    }

    /// The actions Maestro allows for a step status (§4.5).
    pub fn allowed(status: StepStatus) -> &'static [&'static str] {
        use StepStatus::*;
        match status {
            Created => &["PAUSE", "STOP", "KILL"],
            Initialized => &["PAUSE", "STOP", "KILL", "SKIP"],
            Paused => &["RESUME", "STOP", "KILL", "SKIP"],
            WaitingForSignals => &["STOP", "KILL", "SKIP", "BYPASS_STEP_DEPENDENCIES"],
            EvaluatingParams | WaitingForPermits | Starting | Running | Finishing | UserFailed
            | PlatformFailed | TimeoutFailed => &["STOP", "KILL", "SKIP"],
            Disabled | Unsatisfied => &["RESTART"],
            Skipped | Succeeded | CompletedWithError | FatallyFailed | InternallyFailed
            | Stopped | TimedOut => &["RESTART", "SKIP"],
            NotCreated => &[],
        }
    }
}

impl RunState {
    /// Stops or kills the whole run (§4.6). Returns whether the run is already terminal
    /// afterwards (`completed`).
    pub fn act_on_instance(
        &mut self,
        action: InstanceAction,
        user: &str,
        now: i64,
        env: &dyn Env,
    ) -> Result<bool, EngineError> {
        let target = match action {
            InstanceAction::Stop => InstanceStatus::Stopped,
            InstanceAction::Kill => InstanceStatus::Failed,
        };
        if self.instance.status == target {
            return Ok(true);
        }
        if self.is_terminal() {
            return Err(EngineError::invalid(format!(
                "Cannot {} the workflow instance {} as it is already in a terminal status [{}]",
                action.as_str().to_ascii_lowercase(),
                self.instance.identity(),
                self.instance.status.as_str()
            )));
        }
        self.instance.timeline.add(TimelineEvent::action(
            now,
            action.as_str(),
            user,
            format!(
                "User [{user}] took action [{}] on the workflow instance",
                action.as_str()
            ),
        ));
        self.terminating = Some(Terminating::Action(action));
        self.instance
            .artifacts
            .insert("maestro_terminating".into(), action.as_str().into());
        self.touch_instance(now);
        if self.instance.status == InstanceStatus::Created {
            self.set_instance_status(target, now);
            return Ok(true);
        }
        let step_target = match action {
            InstanceAction::Stop => StepStatus::Stopped,
            InstanceAction::Kill => StepStatus::FatallyFailed,
        };
        let ids: Vec<String> = self
            .steps
            .iter()
            .filter(|(_, s)| !s.carried_over)
            .map(|(k, _)| k.clone())
            .collect();
        for id in ids {
            self.terminate_step(&id, step_target, now, env);
        }
        self.advance(now, env);
        Ok(self.is_terminal())
    }

    /// A step action on a running instance (§4.6).
    pub fn act_on_step(
        &mut self,
        step_id: &str,
        action: StepAction,
        user: &str,
        now: i64,
        env: &dyn Env,
    ) -> Result<(), EngineError> {
        if !self.instance.runtime_dag.contains_key(step_id) {
            return Err(EngineError::not_found(format!(
                "step [{step_id}] is not in workflow instance {}",
                self.instance.identity()
            )));
        }
        if self.is_terminal() {
            return Err(EngineError::invalid(format!(
                "Cannot {} step [{step_id}]: workflow instance {} is already in a terminal status [{}]",
                action.as_str().to_ascii_lowercase(),
                self.instance.identity(),
                self.instance.status.as_str()
            )));
        }
        let Some(s) = self.steps.get(step_id).filter(|s| !s.carried_over) else {
            return Err(EngineError::invalid(format!(
                "Cannot {} step [{step_id}] of {}: it is not created yet",
                action.as_str().to_ascii_lowercase(),
                self.instance.identity()
            )));
        };
        let status = s.status();
        if !StepAction::allowed(status).contains(&action.as_str()) {
            return Err(EngineError::invalid(format!(
                "Cannot take action [{}] on step [{step_id}] in status [{}]",
                action.as_str(),
                status.as_str()
            )));
        }
        if let Some(s) = self.steps.get_mut(step_id) {
            s.timeline.add(TimelineEvent::action(
                now,
                action.as_str(),
                user,
                format!(
                    "User [{user}] took action [{}] on the step",
                    action.as_str()
                ),
            ));
        }
        match action {
            StepAction::Stop => self.terminate_step(step_id, StepStatus::Stopped, now, env),
            StepAction::Kill => {
                self.terminate_step(step_id, StepStatus::FatallyFailed, now, env);
                self.apply_failure_mode(step_id, now, env);
            }
            StepAction::Skip => {
                if status.is_terminal() && !status.is_retryable() {
                    return Err(EngineError::invalid(format!(
                        "Cannot skip step [{step_id}] in terminal status [{}] of a running instance: restart the instance from it instead",
                        status.as_str()
                    )));
                }
                self.terminate_step(step_id, StepStatus::Skipped, now, env);
            }
            StepAction::Restart => {
                if !status.is_restartable() {
                    return Err(EngineError::invalid(format!(
                        "Cannot restart step [{step_id}] in status [{}]: only a failed, stopped or timed-out step can be restarted while the instance runs",
                        status.as_str()
                    )));
                }
                self.new_attempt(step_id, now, Some(status));
            }
        }
        self.advance(now, env);
        Ok(())
    }
}
