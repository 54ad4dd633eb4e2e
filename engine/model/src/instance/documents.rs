//! The instance documents of the REST API (§7.3, §7.5) and their parts.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use super::{InstanceStatus, ParameterMap, StepStatus};

fn is_false(b: &bool) -> bool {
    !*b
}

/// The times an attempt entered each phase (§4.2), epoch milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RuntimeState {
    pub status: Option<StepStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initialize_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_signal_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluate_param_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_permit_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execute_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modify_time: Option<i64>,
}

/// `step_retry` (§4.3): counters, limits and the backoff in force.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepRetry {
    pub error_retries: i64,
    pub error_retry_limit: i64,
    pub platform_retries: i64,
    pub platform_retry_limit: i64,
    pub timeout_retries: i64,
    pub timeout_retry_limit: i64,
    pub manual_retries: i64,
    pub retryable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backoff: Option<Json>,
}

/// One timeline entry (§9): `LOG`, `STATUS`, `DETAILS`, `ACTION` or `MILESTONE`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub timestamp: i64,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(flatten)]
    pub fields: Map<String, Json>,
}

impl TimelineEvent {
    pub fn log(timestamp: i64, message: impl Into<String>) -> TimelineEvent {
        let mut fields = Map::new();
        fields.insert("level".into(), "INFO".into());
        fields.insert("message".into(), Json::String(message.into()));
        TimelineEvent {
            timestamp,
            kind: "LOG".into(),
            fields,
        }
    }

    /// An error report: `{type: DETAILS, status, message, errors?}`.
    pub fn details(timestamp: i64, d: &ErrorDetails) -> TimelineEvent {
        let mut fields = Map::new();
        fields.insert("status".into(), Json::String(d.status.clone()));
        fields.insert("message".into(), Json::String(d.message.clone()));
        if !d.errors.is_empty() {
            fields.insert(
                "errors".into(),
                Json::Array(d.errors.iter().cloned().map(Json::String).collect()),
            );
        }
        TimelineEvent {
            timestamp,
            kind: "DETAILS".into(),
            fields,
        }
    }

    /// A user action: `{type: ACTION, action, author, reason, message}`.
    pub fn action(
        timestamp: i64,
        action: &str,
        author: &str,
        message: impl Into<String>,
    ) -> TimelineEvent {
        let mut fields = Map::new();
        fields.insert("action".into(), action.into());
        fields.insert("author".into(), serde_json::json!({"name": author}));
        fields.insert("message".into(), Json::String(message.into()));
        TimelineEvent {
            timestamp,
            kind: "ACTION".into(),
            fields,
        }
    }

    pub fn message(&self) -> Option<&str> {
        self.fields.get("message").and_then(Json::as_str)
    }
}

/// What went wrong, as Maestro's `Details` (`status` is an error kind such as
/// `INTERNAL_ERROR`).
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorDetails {
    pub status: String,
    pub message: String,
    pub errors: Vec<String>,
}

/// A timeline: events in order, consecutive duplicates dropped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub timeline_events: Vec<TimelineEvent>,
}

impl Timeline {
    pub fn add(&mut self, e: TimelineEvent) {
        let dup = self
            .timeline_events
            .last()
            .is_some_and(|l| l.kind == e.kind && l.fields == e.fields);
        if !dup {
            self.timeline_events.push(e);
        }
    }
}

/// Who started a run (§5, §8): `{type: MANUAL, user}`, `{type: TIME, ...}`, ...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Initiator {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(flatten)]
    pub fields: Map<String, Json>,
}

impl Initiator {
    pub fn manual(user: Option<&str>) -> Initiator {
        let mut fields = Map::new();
        if let Some(u) = user {
            fields.insert("user".into(), serde_json::json!({"name": u}));
        }
        Initiator {
            kind: "MANUAL".into(),
            fields,
        }
    }

    /// The user name of a manual initiator.
    pub fn user(&self) -> Option<&str> {
        let u = self.fields.get("user")?;
        u.as_str().or_else(|| u.get("name").and_then(Json::as_str))
    }
}

/// `run_config`: the run policy and, for restarts, what to restart from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunConfig {
    pub policy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_step_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_config: Option<Json>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}

/// One node of `runtime_dag`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RuntimeDagNode {
    pub predecessors: Vec<String>,
    pub successors: Vec<String>,
}

/// One run of a workflow instance (§7.3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkflowInstance {
    pub workflow_id: String,
    pub workflow_instance_id: i64,
    pub workflow_run_id: i64,
    pub workflow_uuid: String,
    pub correlation_id: String,
    pub workflow_version_id: i64,
    pub group_info: i64,
    pub internal_id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_id: Option<String>,
    pub run_config: RunConfig,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub run_params: ParameterMap,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub step_run_params: Map<String, Json>,
    pub run_properties: Json,
    pub runtime_workflow: Json,
    pub runtime_dag: IndexMap<String, RuntimeDagNode>,
    pub timeout_in_millis: i64,
    pub params: ParameterMap,
    pub initiator: Initiator,
    pub status: InstanceStatus,
    pub request_time: i64,
    pub create_time: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    pub modify_time: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime_overview: Option<Json>,
    #[serde(default)]
    pub artifacts: Map<String, Json>,
    #[serde(default)]
    pub timeline: Timeline,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated_info: Option<Json>,
}

impl WorkflowInstance {
    /// `[wfId][instanceId][runId]`, the identity used in logs and flow references.
    pub fn identity(&self) -> String {
        format!(
            "[{}][{}][{}]",
            self.workflow_id, self.workflow_instance_id, self.workflow_run_id
        )
    }
}

/// One attempt of a step (§7.5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepInstance {
    pub workflow_id: String,
    pub workflow_instance_id: i64,
    pub workflow_run_id: i64,
    pub step_id: String,
    pub step_attempt_id: i64,
    pub workflow_uuid: String,
    pub step_uuid: String,
    pub correlation_id: String,
    pub step_instance_id: i64,
    pub workflow_version_id: i64,
    pub group_info: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The step's definition, as its wrapper object.
    pub definition: Json,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Json>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub step_run_params: Map<String, Json>,
    pub params: ParameterMap,
    pub transition: StepTransitionState,
    pub step_retry: StepRetry,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_in_millis: Option<i64>,
    pub runtime_state: RuntimeState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal_dependencies: Option<Json>,
    #[serde(default)]
    pub artifacts: Map<String, Json>,
    #[serde(default)]
    pub timeline: Timeline,
    /// Not part of Maestro's document: set when this attempt came from an earlier run and
    /// is shown read-only in a restarted run.
    #[serde(default, skip_serializing_if = "is_false")]
    pub carried_over: bool,
}

impl StepInstance {
    pub fn status(&self) -> StepStatus {
        self.runtime_state.status.unwrap_or(StepStatus::NotCreated)
    }
}

/// `transition` of a step instance: predecessors, and each successor's condition as a
/// BOOLEAN parameter with its evaluated result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepTransitionState {
    pub predecessors: Vec<String>,
    pub successors: ParameterMap,
}
