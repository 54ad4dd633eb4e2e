//! The handlers: parse the request, call the engine, shape Maestro's response.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json as Body;
use maestro_core::run::{InstanceAction, StepAction};
use maestro_core::start::{RestartPolicy, StartRequest};
use maestro_model::instance::{Initiator, InstanceStatus, ParameterMap, StepStatus, TimelineEvent};
use maestro_model::Format;
use maestro_store::VersionSelector;
use serde::Deserialize;
use serde_json::{json, Map, Value as Json};

use super::error::ApiPath as Path;
use super::ApiError;
use crate::engine::{Engine, StartOutcome};

type Eng = State<Arc<Engine>>;
type Res = Result<axum::response::Response, ApiError>;

fn user(h: &HeaderMap) -> String {
    h.get("user")
        .and_then(|v| v.to_str().ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or("anonymous")
        .to_string()
}

fn ok(v: Json) -> Res {
    Ok(Body(v).into_response())
}

fn text(body: &Bytes) -> Result<&str, ApiError> {
    std::str::from_utf8(body)
        .map_err(|e| ApiError::bad_request(format!("the request body is not UTF-8: {e}")))
}

fn selector(v: &str) -> Result<VersionSelector, ApiError> {
    VersionSelector::parse(v).ok_or_else(|| {
        ApiError::bad_request(format!(
            "invalid version [{v}]: use active, latest, default or a positive number"
        ))
    })
}

fn run_id(v: &str) -> Result<Option<i64>, ApiError> {
    if v.eq_ignore_ascii_case("latest") {
        return Ok(None);
    }
    v.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(Some)
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "invalid run id [{v}]: use latest or a positive number"
            ))
        })
}

/// Parses a JSON body into `T`, with the position of the first problem.
fn body<T: for<'de> Deserialize<'de>>(b: &Bytes, what: &str) -> Result<T, ApiError> {
    let b: &[u8] = if b.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        b
    };
    serde_json::from_slice(b).map_err(|e| ApiError::bad_request(format!("invalid {what}: {e}")))
}

async fn push(engine: Arc<Engine>, h: HeaderMap, b: Bytes, format: Format) -> Res {
    let t = text(&b)?;
    let out = engine
        .push_document("request body", t, format, &user(&h))
        .await?;
    ok(json!({"workflow_definition": out.version.to_json()}))
}

pub async fn push_json(State(e): Eng, h: HeaderMap, b: Bytes) -> Res {
    push(e, h, b, Format::Json).await
}

pub async fn push_yaml(State(e): Eng, h: HeaderMap, b: Bytes) -> Res {
    push(e, h, b, Format::Yaml).await
}

fn validate(e: &Engine, h: &HeaderMap, b: &Bytes, format: Format) -> Res {
    let t = text(b)?;
    e.validate_document("request body", t, format)?;
    let mut ev = TimelineEvent::action(
        e.tk.now(),
        "VALIDATE",
        &user(h),
        "the workflow definition is valid",
    );
    ev.fields.remove("action");
    ok(serde_json::to_value(ev).unwrap_or(Json::Null))
}

pub async fn validate_json(State(e): Eng, h: HeaderMap, b: Bytes) -> Res {
    validate(&e, &h, &b, Format::Json)
}

pub async fn validate_yaml(State(e): Eng, h: HeaderMap, b: Bytes) -> Res {
    validate(&e, &h, &b, Format::Yaml)
}

pub async fn get_version(State(e): Eng, Path((id, version)): Path<(String, String)>) -> Res {
    let v = e
        .store
        .version(&id, selector(&version)?)
        .await
        .map_err(crate::engine::store_error)?
        .ok_or_else(|| {
            ApiError(maestro_core::EngineError::not_found(format!(
                "Cannot find workflow [{id}] with version [{version}]"
            )))
        })?;
    ok(v.to_json())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StartBody {
    initiator: Option<Json>,
    request_time: Option<i64>,
    request_id: Option<String>,
    runtime_tags: Option<Json>,
    #[serde(default)]
    run_params: ParameterMap,
    #[serde(default)]
    step_run_params: Map<String, Json>,
    artifacts: Option<Json>,
    persist_failed_run: Option<bool>,
}

pub async fn start(
    State(e): Eng,
    h: HeaderMap,
    Path((id, version)): Path<(String, String)>,
    b: Bytes,
) -> Res {
    let sb: StartBody = body(&b, "start request")?;
    let _ = (&sb.runtime_tags, &sb.artifacts, sb.persist_failed_run);
    let kind = sb
        .initiator
        .as_ref()
        .and_then(|i| i.get("type"))
        .and_then(Json::as_str)
        .unwrap_or("manual");
    if !kind.eq_ignore_ascii_case("manual") {
        return Err(ApiError::bad_request(format!(
            "initiator type [{kind}] cannot start a workflow through this endpoint; use MANUAL"
        )));
    }
    if let Some(r) = &sb.request_id {
        if uuid::Uuid::parse_str(r).is_err() {
            return Err(ApiError::bad_request(format!(
                "request_id [{r}] is not a UUID"
            )));
        }
    }
    let u = user(&h);
    let req = StartRequest {
        initiator: Initiator::manual(Some(&u)),
        run_params: sb.run_params,
        step_run_params: sb.step_run_params,
        request_id: sb.request_id,
        request_time: sb.request_time,
    };
    let now = e.tk.now();
    let v = match e.start(&id, selector(&version)?, req).await? {
        StartOutcome::Created(i) => json!({
            "workflow_id": i.workflow_id,
            "workflow_version_id": i.workflow_version_id,
            "workflow_instance_id": i.workflow_instance_id,
            "workflow_run_id": i.workflow_run_id,
            "workflow_uuid": i.workflow_uuid,
            "status": "CREATED",
            "timeline_event": TimelineEvent::log(now, "Workflow instance is created"),
        }),
        StartOutcome::Duplicated((wf, inst, run), version) => {
            let i = e.get_instance(&wf, inst, Some(run)).await?;
            json!({
                "workflow_id": wf,
                "workflow_version_id": version,
                "workflow_instance_id": inst,
                "workflow_run_id": run,
                "workflow_uuid": i.workflow_uuid,
                "status": "DUPLICATED",
                "timeline_event": TimelineEvent::log(now, "The request id was used already: no new run"),
            })
        }
    };
    Ok((StatusCode::OK, Body(v)).into_response())
}

fn instance_json(i: &maestro_model::instance::WorkflowInstance) -> Res {
    ok(serde_json::to_value(i)
        .map_err(|e| ApiError(maestro_core::EngineError::internal(e.to_string())))?)
}

pub async fn get_instance(State(e): Eng, Path((id, inst)): Path<(String, i64)>) -> Res {
    instance_json(&e.get_instance(&id, inst, None).await?)
}

pub async fn get_run(State(e): Eng, Path((id, inst, run)): Path<(String, i64, String)>) -> Res {
    instance_json(&e.get_instance(&id, inst, run_id(&run)?).await?)
}

fn steps_json(steps: Vec<maestro_model::instance::StepInstance>) -> Res {
    ok(serde_json::to_value(steps).unwrap_or(Json::Null))
}

pub async fn get_steps(State(e): Eng, Path((id, inst)): Path<(String, i64)>) -> Res {
    steps_json(e.get_steps(&id, inst, None).await?)
}

pub async fn get_run_steps(
    State(e): Eng,
    Path((id, inst, run)): Path<(String, i64, String)>,
) -> Res {
    let run = run_id(&run)?;
    steps_json(e.get_steps(&id, inst, run).await?)
}

pub async fn get_step(State(e): Eng, Path((id, inst, step)): Path<(String, i64, String)>) -> Res {
    let steps = e.get_steps(&id, inst, None).await?;
    let s = steps
        .into_iter()
        .find(|s| s.step_id == step)
        .ok_or_else(|| {
            ApiError(maestro_core::EngineError::not_found(format!(
                "step [{step}] of workflow instance [{id}][{inst}] not found"
            )))
        })?;
    ok(serde_json::to_value(s).unwrap_or(Json::Null))
}

/// One attempt of a step in a run (§7.5); `latest` for either number means the latest.
pub async fn get_step_attempt(
    State(e): Eng,
    Path((id, inst, run, step, attempt)): Path<(String, i64, String, String, String)>,
) -> Res {
    let run = match run_id(&run)? {
        Some(r) => r,
        None => e.get_instance(&id, inst, None).await?.workflow_run_id,
    };
    let attempt = run_id(&attempt)?;
    let all = e
        .store
        .attempts(&id, inst, run)
        .await
        .map_err(crate::engine::store_error)?;
    let found = all
        .into_iter()
        .rfind(|s| s.step_id == step && attempt.is_none_or(|a| a == s.step_attempt_id))
        .ok_or_else(|| {
            ApiError(maestro_core::EngineError::not_found(format!(
                "attempt [{}] of step [{step}] in run [{id}][{inst}][{run}] not found",
                attempt.map_or("latest".to_string(), |a| a.to_string())
            )))
        })?;
    ok(serde_json::to_value(found).unwrap_or(Json::Null))
}

async fn instance_action(
    e: Arc<Engine>,
    h: HeaderMap,
    id: String,
    inst: i64,
    action: InstanceAction,
) -> Res {
    let u = user(&h);
    let (i, completed) = e.instance_action(&id, inst, action, &u).await?;
    ok(json!({
        "workflow_id": i.workflow_id,
        "workflow_instance_id": i.workflow_instance_id,
        "workflow_run_id": i.workflow_run_id,
        "workflow_instance_status": i.status,
        "completed": completed,
        "timeline_event": TimelineEvent::action(e.tk.now(), action.as_str(), &u,
            format!("User [{u}] took action [{}] on the workflow instance", action.as_str())),
    }))
}

pub async fn stop_instance(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst)): Path<(String, i64)>,
) -> Res {
    instance_action(e, h, id, inst, InstanceAction::Stop).await
}

pub async fn kill_instance(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst)): Path<(String, i64)>,
) -> Res {
    instance_action(e, h, id, inst, InstanceAction::Kill).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RestartBody {
    request_time: Option<i64>,
    request_id: Option<String>,
    restart_policy: Option<String>,
    #[serde(default)]
    run_params: ParameterMap,
    #[serde(default)]
    step_run_params: Map<String, Json>,
    upstream_restart_mode: Option<String>,
    artifacts: Option<Json>,
}

fn policy(p: Option<&str>) -> Result<RestartPolicy, ApiError> {
    match p {
        None => Ok(RestartPolicy::FromIncomplete),
        Some(s) => RestartPolicy::parse(s).ok_or_else(|| {
            ApiError::bad_request(format!(
                "invalid restart_policy [{s}]: use RESTART_FROM_INCOMPLETE or RESTART_FROM_BEGINNING"
            ))
        }),
    }
}

pub async fn restart_instance(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst)): Path<(String, i64)>,
    b: Bytes,
) -> Res {
    let rb: RestartBody = body(&b, "restart request")?;
    let _ = (
        rb.request_time,
        &rb.request_id,
        &rb.step_run_params,
        &rb.upstream_restart_mode,
        &rb.artifacts,
    );
    let p = policy(rb.restart_policy.as_deref())?;
    let u = user(&h);
    let i = e.restart(&id, inst, p, None, &rb.run_params, &u).await?;
    ok(json!({
        "workflow_id": i.workflow_id,
        "workflow_version_id": i.workflow_version_id,
        "workflow_instance_id": i.workflow_instance_id,
        "workflow_run_id": i.workflow_run_id,
        "workflow_uuid": i.workflow_uuid,
        "status": "CREATED",
        "timeline_event": TimelineEvent::action(e.tk.now(), "RESTART", &u,
            format!("Workflow instance is restarted with policy [{}]", p.as_str())),
    }))
}

async fn step_action(
    e: Arc<Engine>,
    h: HeaderMap,
    id: String,
    inst: i64,
    step: String,
    action: StepAction,
) -> Res {
    let u = user(&h);
    let i = e.step_action(&id, inst, &step, action, &u).await?;
    let steps = e.get_steps(&id, inst, Some(i.workflow_run_id)).await?;
    let s = steps.iter().find(|s| s.step_id == step);
    ok(json!({
        "workflow_id": i.workflow_id,
        "workflow_instance_id": i.workflow_instance_id,
        "workflow_run_id": i.workflow_run_id,
        "step_id": step,
        "step_attempt_id": s.map(|s| s.step_attempt_id),
        "step_runtime_state": s.map(|s| &s.runtime_state),
        "timeline_event": TimelineEvent::action(e.tk.now(), action.as_str(), &u,
            format!("User [{u}] took action [{}] on the step", action.as_str())),
    }))
}

pub async fn stop_step(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst, step)): Path<(String, i64, String)>,
) -> Res {
    step_action(e, h, id, inst, step, StepAction::Stop).await
}

pub async fn kill_step(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst, step)): Path<(String, i64, String)>,
) -> Res {
    step_action(e, h, id, inst, step, StepAction::Kill).await
}

pub async fn skip_step(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst, step)): Path<(String, i64, String)>,
) -> Res {
    step_action(e, h, id, inst, step, StepAction::Skip).await
}

pub async fn restart_step(
    State(e): Eng,
    h: HeaderMap,
    Path((id, inst, step)): Path<(String, i64, String)>,
    b: Bytes,
) -> Res {
    let rb: RestartBody = body(&b, "restart request")?;
    policy(rb.restart_policy.as_deref())?;
    step_action(e, h, id, inst, step, StepAction::Restart).await
}

pub async fn step_action_map() -> Res {
    let mut m = Map::new();
    for s in StepStatus::ALL {
        m.insert(s.as_str().into(), json!(StepAction::allowed(*s)));
    }
    ok(Json::Object(m))
}

pub async fn instance_action_map() -> Res {
    let mut m = Map::new();
    for s in InstanceStatus::ALL {
        let actions: &[&str] = match s {
            InstanceStatus::Created | InstanceStatus::InProgress | InstanceStatus::Paused => {
                &["STOP", "KILL"]
            }
            InstanceStatus::Failed => &["RESTART", "UNBLOCK"],
            _ => &["RESTART"],
        };
        m.insert(s.as_str().into(), json!(actions));
    }
    ok(Json::Object(m))
}

async fn push_template(e: Arc<Engine>, b: Bytes, format: Format) -> Res {
    let t = text(&b)?;
    let (job_type, version) = e.push_job_template("request body", t, format).await?;
    ok(json!({"job_type": job_type, "version": version}))
}

pub async fn push_template_json(State(e): Eng, b: Bytes) -> Res {
    push_template(e, b, Format::Json).await
}

pub async fn push_template_yaml(State(e): Eng, b: Bytes) -> Res {
    push_template(e, b, Format::Yaml).await
}

pub async fn not_found() -> Res {
    Err(ApiError(maestro_core::EngineError::not_found(
        "no such endpoint",
    )))
}
