//! Creating a run (SPEC §2.6, §3.2, §4.1, §4.7): a fresh instance of a definition, or a
//! restart of a finished one, with its params evaluated and its runtime DAG computed.

use indexmap::IndexMap;
use maestro_model::canonical::{node_to_json, workflow_to_json};
use maestro_model::instance::{
    Initiator, InstanceStatus, Parameter, ParameterMap, RunConfig, StepInstance, Timeline,
    TimelineEvent, WorkflowInstance,
};
use maestro_model::{ParamMode, Workflow};
use serde_json::{json, Map, Value as Json};

use crate::duration::{timeout_ms, DEFAULT_TIMEOUT_MS};
use crate::params::{
    check_run_params, check_size, cleanup, default_workflow_params, evaluate_workflow_params,
    from_model, merge_params, Evaluation, InstanceView, Source,
};
use crate::value::render;
use crate::EngineError;

/// A job template as steps use it (§7.8).
#[derive(Clone, Debug)]
pub struct JobTemplate {
    pub job_type: String,
    pub version: String,
    pub step_type: String,
    pub params: ParameterMap,
}

/// A stored workflow version, as a run needs it.
pub struct Definition<'a> {
    pub workflow: &'a Workflow,
    pub version_id: i64,
    pub internal_id: i64,
    /// The properties snapshot (§1.2).
    pub properties: &'a Json,
}

/// A start request (§7.2).
#[derive(Clone, Debug)]
pub struct StartRequest {
    pub initiator: Initiator,
    pub run_params: ParameterMap,
    pub step_run_params: Map<String, Json>,
    pub request_id: Option<String>,
    pub request_time: Option<i64>,
}

impl StartRequest {
    pub fn manual(user: Option<&str>) -> StartRequest {
        StartRequest {
            initiator: Initiator::manual(user),
            run_params: ParameterMap::new(),
            step_run_params: Map::new(),
            request_id: None,
            request_time: None,
        }
    }
}

fn owner_of(properties: &Json) -> String {
    let o = &properties["owner"];
    o.as_str()
        .or_else(|| o.get("name").and_then(Json::as_str))
        .unwrap_or("")
        .to_string()
}

fn invalid(e: String) -> EngineError {
    EngineError::invalid(e)
}

/// Resolves the workflow timeout against evaluated workflow params (§1.9).
fn workflow_timeout(w: &Workflow, params: &ParameterMap) -> Result<i64, EngineError> {
    let Some(node) = &w.timeout else {
        return Ok(DEFAULT_TIMEOUT_MS);
    };
    let raw = node_to_json(node);
    let value = match raw {
        Json::String(t) => {
            let text = maestro_model::interpolation::interpolate(&t, |name| {
                params
                    .get(name)
                    .and_then(|p| p.evaluated_result.as_ref())
                    .map(render)
                    .ok_or_else(|| {
                        format!("param [{name}] referenced in the workflow timeout does not exist")
                    })
            })
            .map_err(invalid)?;
            Json::String(text)
        }
        other => other,
    };
    timeout_ms(&value).map_err(|e| invalid(format!("Invalid workflow timeout: {e}")))
}

/// The evaluated workflow params of a run.
fn evaluate(
    mut params: ParameterMap,
    view: &InstanceView<'_>,
    evaluator: &sel_core::Evaluator,
    now: i64,
) -> Result<ParameterMap, EngineError> {
    cleanup(&mut params).map_err(invalid)?;
    let ev = Evaluation {
        evaluator,
        now,
        instance: view,
    };
    evaluate_workflow_params(&mut params, &ev).map_err(invalid)?;
    check_size("the workflow", &params).map_err(invalid)?;
    Ok(params)
}

/// A fresh run (§2.6): defaults, the definition, the request's run params.
pub fn new_run(
    def: &Definition<'_>,
    req: &StartRequest,
    instance_id: i64,
    now: i64,
    evaluator: &sel_core::Evaluator,
) -> Result<WorkflowInstance, EngineError> {
    let w = def.workflow;
    let workflow_id = w.id().unwrap_or_default().to_string();
    check_run_params(&req.run_params).map_err(invalid)?;
    let runtime_dag = crate::dag::runtime_dag(&w.steps, None).map_err(invalid)?;
    let mut params = default_workflow_params();
    merge_params(&mut params, &from_model(&w.params), Source::Definition).map_err(invalid)?;
    merge_params(&mut params, &req.run_params, Source::Launch).map_err(invalid)?;
    let owner = owner_of(def.properties);
    let view = InstanceView {
        workflow_id: &workflow_id,
        instance_id,
        run_id: 1,
        initiator: &req.initiator,
        owner: &owner,
        run_policy: "START_FRESH_NEW_RUN",
        first_time_trigger_timezone: &first_trigger_zone(w),
    };
    let params = evaluate(params, &view, evaluator, now)?;
    let timeout = workflow_timeout(w, &params)?;
    let uuid = req
        .request_id
        .clone()
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let mut timeline = Timeline::default();
    timeline.add(TimelineEvent::log(
        now,
        format!(
            "Workflow instance is created by a {} initiator",
            req.initiator.kind
        ),
    ));
    Ok(WorkflowInstance {
        workflow_id: workflow_id.clone(),
        workflow_instance_id: instance_id,
        workflow_run_id: 1,
        workflow_uuid: uuid,
        correlation_id: format!("{workflow_id}:{instance_id}:1"),
        workflow_version_id: def.version_id,
        group_info: 0,
        internal_id: def.internal_id,
        execution_id: None,
        run_config: RunConfig {
            policy: "START_FRESH_NEW_RUN".into(),
            ..RunConfig::default()
        },
        run_params: req.run_params.clone(),
        step_run_params: req.step_run_params.clone(),
        run_properties: run_properties(def.properties, now),
        runtime_workflow: workflow_to_json(w),
        runtime_dag,
        timeout_in_millis: timeout,
        params,
        initiator: req.initiator.clone(),
        status: InstanceStatus::Created,
        request_time: req.request_time.unwrap_or(now),
        create_time: now,
        start_time: None,
        end_time: None,
        modify_time: now,
        runtime_overview: None,
        artifacts: Map::new(),
        timeline,
        aggregated_info: None,
    })
}

fn first_trigger_zone(w: &Workflow) -> String {
    w.time_triggers
        .first()
        .and_then(|t| t.timezone.as_ref())
        .map(|z| z.value.clone())
        .unwrap_or_default()
}

fn run_properties(properties: &Json, now: i64) -> Json {
    let mut p = json!({"create_time": now, "owner": owner_of(properties)});
    for key in ["alerting", "step_concurrency", "tags"] {
        if let Some(v) = properties.get(key) {
            p[key] = v.clone();
        }
    }
    p
}

/// How a restart chooses the steps to run again (§4.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestartPolicy {
    FromIncomplete,
    FromBeginning,
}

impl RestartPolicy {
    pub fn parse(s: &str) -> Option<RestartPolicy> {
        match s.trim().to_ascii_uppercase().as_str() {
            "RESTART_FROM_INCOMPLETE" => Some(RestartPolicy::FromIncomplete),
            "RESTART_FROM_BEGINNING" => Some(RestartPolicy::FromBeginning),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RestartPolicy::FromIncomplete => "RESTART_FROM_INCOMPLETE",
            RestartPolicy::FromBeginning => "RESTART_FROM_BEGINNING",
        }
    }
}

/// What a restart request asks for.
#[derive(Clone, Copy, Debug)]
pub struct Restart<'a> {
    pub policy: RestartPolicy,
    /// Restart from this step (a step restart on a terminal instance).
    pub from_step: Option<&'a str>,
    pub params: &'a ParameterMap,
    pub user: Option<&'a str>,
}

/// The previous run's param as a definition of the next one (§2.2).
fn to_definition(p: &Parameter) -> Parameter {
    let mut d = p.clone();
    if p.mode != Some(ParamMode::Immutable) {
        d.value = p.evaluated_result.clone();
        d.expression = None;
    }
    d.evaluated_result = None;
    d.evaluated_time = None;
    d
}

/// A new run of a terminal instance (§4.7). `previous` holds the latest attempt of each
/// step across earlier runs; the ones the new run does not repeat come back marked
/// `carried_over` for the host to keep visible.
pub fn restart_run(
    last: &WorkflowInstance,
    previous: &[StepInstance],
    restart: &Restart<'_>,
    now: i64,
    evaluator: &sel_core::Evaluator,
) -> Result<(WorkflowInstance, Vec<StepInstance>), EngineError> {
    let Restart {
        policy,
        from_step,
        params: restart_params,
        user,
    } = *restart;
    if !last.status.is_terminal() {
        return Err(invalid(format!(
            "Cannot restart workflow instance {} as it is in a non-terminal status [{}]",
            last.identity(),
            last.status.as_str()
        )));
    }
    check_run_params(restart_params).map_err(invalid)?;
    let text = serde_json::to_string(&last.runtime_workflow)
        .map_err(|e| EngineError::internal(e.to_string()))?;
    let w = maestro_model::load_json(&text)
        .workflow
        .ok_or_else(|| EngineError::internal("stored runtime_workflow is not a workflow"))?;
    let latest: IndexMap<&str, &StepInstance> =
        previous.iter().map(|s| (s.step_id.as_str(), s)).collect();
    if let Some(step) = from_step {
        if !last.runtime_dag.contains_key(step) && !latest.contains_key(step) {
            return Err(EngineError::not_found(format!(
                "step [{step}] is not part of workflow instance {}",
                last.identity()
            )));
        }
    }
    let mut start_ids: Option<Vec<String>> = match policy {
        RestartPolicy::FromBeginning if from_step.is_none() => None,
        RestartPolicy::FromBeginning => Some(Vec::new()),
        RestartPolicy::FromIncomplete => Some(
            last.runtime_dag
                .keys()
                .filter(|id| {
                    latest.get(id.as_str()).is_none_or(|s| {
                        let st = s.status();
                        !st.is_complete()
                    })
                })
                .filter(|id| {
                    // Only the first incomplete steps: those with every predecessor complete.
                    last.runtime_dag[id.as_str()].predecessors.iter().all(|p| {
                        latest
                            .get(p.as_str())
                            .is_some_and(|s| s.status().is_complete())
                    })
                })
                .cloned()
                .collect(),
        ),
    };
    if let (Some(step), Some(ids)) = (from_step, start_ids.as_mut()) {
        if !ids.iter().any(|i| i == step) {
            ids.push(step.to_string());
        }
    }
    let runtime_dag = crate::dag::runtime_dag(&w.steps, start_ids.as_deref()).map_err(invalid)?;
    let reserved = crate::params::RESERVED_RUN_PARAM_NAMES;
    let mut params: ParameterMap = last
        .params
        .iter()
        .filter(|(k, _)| !reserved.contains(&k.as_str()))
        .map(|(k, p)| (k.clone(), to_definition(p)))
        .collect();
    merge_params(&mut params, restart_params, Source::Restart).map_err(invalid)?;
    let run_id = last.workflow_run_id + 1;
    let initiator = Initiator::manual(user);
    let owner = owner_of(&last.run_properties);
    let view = InstanceView {
        workflow_id: &last.workflow_id,
        instance_id: last.workflow_instance_id,
        run_id,
        initiator: &initiator,
        owner: &owner,
        run_policy: policy.as_str(),
        first_time_trigger_timezone: &first_trigger_zone(&w),
    };
    let params = evaluate(params, &view, evaluator, now)?;
    let carried: Vec<StepInstance> = previous
        .iter()
        .filter(|s| !runtime_dag.contains_key(&s.step_id))
        .cloned()
        .map(|mut s| {
            s.carried_over = true;
            s
        })
        .collect();
    let mut timeline = Timeline::default();
    timeline.add(TimelineEvent::action(
        now,
        "RESTART",
        user.unwrap_or("unknown"),
        format!(
            "Workflow instance is restarted with policy [{}]",
            policy.as_str()
        ),
    ));
    let instance = WorkflowInstance {
        workflow_run_id: run_id,
        workflow_uuid: uuid::Uuid::new_v4().to_string(),
        correlation_id: last.correlation_id.clone(),
        execution_id: None,
        run_config: RunConfig {
            policy: policy.as_str().into(),
            start_step_ids: start_ids,
            ..RunConfig::default()
        },
        run_params: restart_params.clone(),
        runtime_dag,
        params,
        initiator,
        status: InstanceStatus::Created,
        request_time: now,
        create_time: now,
        start_time: None,
        end_time: None,
        modify_time: now,
        runtime_overview: None,
        artifacts: Map::new(),
        timeline,
        aggregated_info: None,
        ..last.clone()
    };
    Ok((instance, carried))
}
