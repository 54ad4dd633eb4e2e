//! The host side of `params.<method>(...)` (SPEC §2.5): what an expression may ask about
//! its instance, its step and the steps that finished before it.

use maestro_model::instance::{Initiator, StepInstance};
use sel_core::{ErrorKind, Extension, SelError, Value};

use super::eval::Upstream;
use crate::value::json_to_sel;

/// What `getFromInstance` reads.
pub struct InstanceView<'a> {
    pub workflow_id: &'a str,
    pub instance_id: i64,
    pub run_id: i64,
    pub initiator: &'a Initiator,
    pub owner: &'a str,
    pub run_policy: &'a str,
    /// The time zone of the first time trigger, or "".
    pub first_time_trigger_timezone: &'a str,
}

/// What `getFromStep(field)` reads.
pub struct StepView<'a> {
    pub step_id: &'a str,
    pub step_instance_id: i64,
    pub step_uuid: &'a str,
    pub attempt_id: i64,
    pub type_info: &'a str,
    pub error_retries: i64,
}

impl<'a> StepView<'a> {
    /// The view of an attempt.
    pub fn of(s: &'a StepInstance, type_info: &'a str) -> StepView<'a> {
        StepView {
            step_id: &s.step_id,
            step_instance_id: s.step_instance_id,
            step_uuid: &s.step_uuid,
            attempt_id: s.step_attempt_id,
            type_info,
            error_retries: s.step_retry.error_retries,
        }
    }
}

pub(crate) struct ParamsExtension<'a> {
    pub instance: &'a InstanceView<'a>,
    pub step: Option<&'a StepView<'a>>,
    pub upstream: &'a dyn Upstream,
    /// Workflow-param context (owner and trigger tz are readable only there).
    pub workflow_scope: bool,
}

fn s(text: impl Into<String>) -> Result<Value, SelError> {
    Ok(Value::String(Some(text.into())))
}

fn fail(message: String) -> SelError {
    SelError::new(ErrorKind::IllegalArgumentException, message)
}

impl ParamsExtension<'_> {
    fn instance_field(&self, field: &str) -> Result<Value, SelError> {
        let i = self.instance;
        match field {
            "INITIATOR_TIMEZONE" => s(i
                .initiator
                .fields
                .get("timezone")
                .and_then(|v| v.as_str())
                .unwrap_or("")),
            "INITIATOR_TYPE" => s(i.initiator.kind.clone()),
            "INITIATOR_RUNNER_NAME" => s(if i.initiator.kind == "MANUAL" {
                i.initiator.user().unwrap_or("")
            } else {
                ""
            }),
            "RUN_POLICY" => s(i.run_policy),
            "owner" if self.workflow_scope => s(i.owner),
            "FIRST_TIME_TRIGGER_TIMEZONE" if self.workflow_scope => {
                s(i.first_time_trigger_timezone)
            }
            "workflow_id" => s(i.workflow_id),
            "workflow_instance_id" => Ok(Value::Long(i.instance_id)),
            "workflow_run_id" => Ok(Value::Long(i.run_id)),
            other => Err(fail(format!("Invalid field [{other}] for getFromInstance"))),
        }
    }

    fn step_field(&self, field: &str) -> Result<Value, SelError> {
        let Some(st) = self.step else {
            return Err(fail(format!(
                "getFromStep([{field}]) is only available in a step context"
            )));
        };
        match field {
            "step_id" => s(st.step_id),
            "step_instance_id" => Ok(Value::Long(st.step_instance_id)),
            "step_instance_uuid" => s(st.step_uuid),
            "step_attempt_id" => Ok(Value::Long(st.attempt_id)),
            "step_type_info" => s(st.type_info),
            "MAESTRO_STEP_ERROR_RETRIES" => Ok(Value::Long(st.error_retries)),
            other => Err(fail(format!("Invalid field [{other}] for getFromStep"))),
        }
    }

    fn other_step_param(&self, step_id: &str, name: &str) -> Result<Value, SelError> {
        let step: &StepInstance = self.upstream.step(step_id).ok_or_else(|| {
            fail(format!(
                "Cannot find the referenced step [{step_id}]. Note that a step can only reference its upstream step's param."
            ))
        })?;
        match name {
            "MAESTRO_STEP_STATUS" => return s(step.status().as_str()),
            "MAESTRO_STEP_END_TIME" => {
                return Ok(step.runtime_state.end_time.map_or(Value::Null, Value::Long))
            }
            _ => {}
        }
        let p = step.params.get(name).ok_or_else(|| {
            fail(format!(
                "Cannot find the referenced param name [{name}] in step [{step_id}]"
            ))
        })?;
        let v = p.evaluated_result.as_ref().ok_or_else(|| {
            fail(format!(
                "Referenced param [{name}] in step [{step_id}] is not evaluated yet. Note that a step can only reference its upstream step's param."
            ))
        })?;
        Ok(json_to_sel(p.ty, v))
    }
}

impl Extension for ParamsExtension<'_> {
    fn call(&self, method: &str, args: &[&str]) -> Result<Value, SelError> {
        match (method, args) {
            ("getFromInstance", [field]) => self.instance_field(field),
            ("getFromStep", [field]) => self.step_field(field),
            ("getFromStep", [step, name]) => self.other_step_param(step, name),
            ("nextUniqueId", []) => {
                let id = uuid::Uuid::new_v4().as_u64_pair().0 & (i64::MAX as u64);
                Ok(Value::Long(id as i64))
            }
            ("getExecutionEnvironment", []) => s("local"),
            _ => {
                let with = if args.is_empty() {
                    String::new()
                } else {
                    format!(" with args: {}", args.join(","))
                };
                Err(SelError::new(
                    ErrorKind::UnsupportedOperationException,
                    format!("MaestroParamExtension DO NOT support calling method: {method}{with}"),
                ))
            }
        }
    }
}
