//! What the engine offers its front ends (`maestro run`, the REST API): push a
//! definition or a job template, start and restart runs, act on runs and steps, read
//! instances. Rules live in maestro-core; this is the glue to the store and the actors.

use std::sync::Arc;

use maestro_core::error::ErrorKind;
use maestro_core::run::{InstanceAction, StepAction};
use maestro_core::start::{
    new_run, restart_run, Definition, JobTemplate, Restart, RestartPolicy, StartRequest,
};
use maestro_core::EngineError;
use maestro_model::canonical::{node_to_json, properties_to_json, workflow_to_json};
use maestro_model::instance::{ParameterMap, StepInstance, WorkflowInstance};
use maestro_model::{Format, Shape, WorkflowDocument};
use maestro_store::{NewVersion, StoreError, StoredVersion, VersionSelector};
use serde_json::{json, Map, Value as Json};
use tokio::sync::oneshot;

use super::{Engine, Envelope, Msg, RunKey};
use crate::location::describe_diagnostics;

pub fn store_error(e: StoreError) -> EngineError {
    if e.not_found {
        EngineError::not_found(e.message)
    } else {
        EngineError::internal(e.to_string())
    }
}

/// What a push stored.
pub struct PushOutcome {
    pub version: StoredVersion,
}

/// What a start did (§7.2): created a run, or found the request id's run.
pub enum StartOutcome {
    Created(Box<WorkflowInstance>),
    Duplicated(RunKey, i64),
}

const FORBIDDEN_EXTRA: &[&str] = &[
    "workflow_id",
    "workflow_version_id",
    "git_info",
    "version_author",
    "create_time",
];

/// Reads a job template document into the form steps use.
pub(crate) fn template_from_json(job_type: &str, version: &str, def: &Json) -> Option<JobTemplate> {
    let params: ParameterMap = match def.get("params") {
        Some(Json::Object(m)) => m
            .iter()
            .filter_map(|(k, v)| {
                serde_json::from_value(v.clone())
                    .ok()
                    .map(|p| (k.clone(), p))
            })
            .collect(),
        _ => ParameterMap::new(),
    };
    Some(JobTemplate {
        job_type: job_type.to_string(),
        version: version.to_string(),
        step_type: def.get("step_type")?.as_str()?.to_string(),
        params,
    })
}

fn invalid_document(path: &str, text: &str, doc: &WorkflowDocument) -> Option<EngineError> {
    let errors = describe_diagnostics(path, text, &doc.diagnostics);
    if errors.is_empty() {
        return None;
    }
    let mut e = EngineError::invalid(format!(
        "Invalid workflow definition: {} problem(s) found",
        errors.len()
    ));
    e.errors = errors;
    Some(e)
}

impl Engine {
    /// Validates a definition document without storing it.
    pub fn validate_document(
        &self,
        path: &str,
        text: &str,
        format: Format,
    ) -> Result<WorkflowDocument, EngineError> {
        validate_text(path, text, format, &self.evaluator, self.tk.now())
    }

    /// Pushes a workflow definition (the create request, a bare workflow, or the DSL).
    pub async fn push_document(
        &self,
        path: &str,
        text: &str,
        format: Format,
        user: &str,
    ) -> Result<PushOutcome, EngineError> {
        let doc = self.validate_document(path, text, format)?;
        let w = doc
            .workflow
            .as_ref()
            .ok_or_else(|| EngineError::invalid("no workflow"))?;
        let id = w
            .id()
            .ok_or_else(|| EngineError::invalid(format!("{path}: the workflow has no id")))?;
        let mut properties = doc
            .properties
            .as_ref()
            .map(properties_to_json)
            .unwrap_or_else(|| json!({}));
        let mut extra = Map::new();
        let mut is_active = true;
        if doc.shape == Shape::CreateRequest {
            // The document is parsed already: read its extra keys from the same tree.
            let root = doc.root.as_ref().map(node_to_json);
            if let Some(Json::Object(r)) = root {
                for (k, v) in r {
                    match k.as_str() {
                        "properties" | "workflow" => {}
                        "is_active" => is_active = v.as_bool().unwrap_or(true),
                        "git_info" => {
                            extra.insert(k, v);
                        }
                        k2 if FORBIDDEN_EXTRA.contains(&k2) => {
                            return Err(EngineError::invalid(format!(
                                "{path}: the create request must not set [{k2}]"
                            )))
                        }
                        _ => {
                            extra.insert(k, v);
                        }
                    }
                }
            }
        }
        let existing = self
            .store
            .version(id, VersionSelector::Latest)
            .await
            .map_err(store_error)?;
        if existing.is_none() && properties.get("owner").is_none_or(Json::is_null) {
            return Err(EngineError::invalid(format!(
                "{path}: the first version of workflow [{id}] needs properties with an owner"
            )));
        }
        if let Json::Object(p) = &mut properties {
            p.entry("run_strategy".to_string())
                .or_insert(json!("SEQUENTIAL"));
        }
        let version = self
            .store
            .push_workflow(&NewVersion {
                workflow_id: id,
                definition: &workflow_to_json(w),
                properties: &properties,
                extra_metadata: &Json::Object(extra),
                is_active,
                author: user,
                now: self.tk.now(),
            })
            .await
            .map_err(store_error)?;
        Ok(PushOutcome { version })
    }

    /// Stores a job template (`{..., definition: {job_type, step_type, version, params}}`).
    pub async fn push_job_template(
        &self,
        path: &str,
        text: &str,
        format: Format,
    ) -> Result<(String, String), EngineError> {
        let doc = maestro_model::load(text, format);
        if let Some(e) = invalid_document(path, text, &doc) {
            return Err(e);
        }
        if doc.shape != Shape::JobTemplate {
            return Err(EngineError::invalid(format!(
                "{path}: not a job template (expected an object with \"definition\")"
            )));
        }
        let root = doc
            .root
            .as_ref()
            .map(node_to_json)
            .ok_or_else(|| EngineError::invalid(format!("{path}: unreadable job template")))?;
        let def = root.get("definition").cloned().unwrap_or(Json::Null);
        let job_type = def
            .get("job_type")
            .and_then(Json::as_str)
            .ok_or_else(|| EngineError::invalid(format!("{path}: definition.job_type is missing")))?
            .to_string();
        let version = def
            .get("version")
            .and_then(Json::as_str)
            .unwrap_or("default")
            .to_string();
        if template_from_json(&job_type, &version, &def).is_none() {
            return Err(EngineError::invalid(format!(
                "{path}: definition.step_type is missing"
            )));
        }
        self.store
            .put_job_template(&job_type, &version, &def, self.tk.now())
            .await
            .map_err(store_error)?;
        self.reload_templates().await.map_err(store_error)?;
        Ok((job_type, version))
    }

    /// Starts a run of a workflow version (§7.2).
    pub async fn start(
        self: &Arc<Engine>,
        workflow_id: &str,
        selector: VersionSelector,
        req: StartRequest,
    ) -> Result<StartOutcome, EngineError> {
        let v = self
            .store
            .version(workflow_id, selector)
            .await
            .map_err(store_error)?
            .ok_or_else(|| {
                EngineError::not_found(format!(
                    "Cannot find workflow [{workflow_id}] with the version [{selector:?}]"
                ))
            })?;
        if let Some(rid) = &req.request_id {
            if let Some((i, r)) = self
                .store
                .run_by_uuid(workflow_id, rid)
                .await
                .map_err(store_error)?
            {
                return Ok(StartOutcome::Duplicated(
                    (workflow_id.to_string(), i, r),
                    v.version_id,
                ));
            }
        }
        let text = v.workflow.to_string();
        let w = maestro_model::load_json(&text)
            .workflow
            .ok_or_else(|| EngineError::internal("stored definition is not a workflow"))?;
        let instance_id = self
            .store
            .next_instance_id(workflow_id)
            .await
            .map_err(store_error)?;
        let def = Definition {
            workflow: &w,
            version_id: v.version_id,
            internal_id: v.internal_id,
            properties: &v.properties_snapshot,
        };
        let instance = new_run(&def, &req, instance_id, self.tk.now(), &self.evaluator)?;
        self.store
            .save(Some(&instance), &[], &[])
            .await
            .map_err(store_error)?;
        self.ensure_actor(&(workflow_id.to_string(), instance_id, 1));
        Ok(StartOutcome::Created(Box::new(instance)))
    }

    /// Restarts a terminal instance (§4.7), optionally from one step.
    pub async fn restart(
        self: &Arc<Engine>,
        workflow_id: &str,
        instance_id: i64,
        policy: RestartPolicy,
        from_step: Option<&str>,
        params: &ParameterMap,
        user: &str,
    ) -> Result<WorkflowInstance, EngineError> {
        let last = self.get_instance(workflow_id, instance_id, None).await?;
        let previous = self
            .store
            .latest_attempts(workflow_id, instance_id, last.workflow_run_id)
            .await
            .map_err(store_error)?;
        let restart = Restart {
            policy,
            from_step,
            params,
            user: Some(user),
        };
        let (instance, _carried) =
            restart_run(&last, &previous, &restart, self.tk.now(), &self.evaluator)?;
        self.store
            .save(Some(&instance), &[], &[])
            .await
            .map_err(store_error)?;
        self.ensure_actor(&(
            workflow_id.to_string(),
            instance_id,
            instance.workflow_run_id,
        ));
        Ok(instance)
    }

    /// A run, or the latest run of an instance.
    pub async fn get_instance(
        &self,
        workflow_id: &str,
        instance_id: i64,
        run_id: Option<i64>,
    ) -> Result<WorkflowInstance, EngineError> {
        let run = match run_id {
            Some(r) => r,
            None => self
                .store
                .latest_run_id(workflow_id, instance_id)
                .await
                .map_err(store_error)?
                .ok_or_else(|| no_instance(workflow_id, instance_id))?,
        };
        self.store
            .instance(workflow_id, instance_id, run)
            .await
            .map_err(store_error)?
            .ok_or_else(|| no_instance(workflow_id, instance_id))
    }

    /// The latest attempt of each step (of one run, or across runs), by step instance id.
    pub async fn get_steps(
        &self,
        workflow_id: &str,
        instance_id: i64,
        run_id: Option<i64>,
    ) -> Result<Vec<StepInstance>, EngineError> {
        let last = self.get_instance(workflow_id, instance_id, run_id).await?;
        let mut steps = match run_id {
            Some(r) => {
                let all = self
                    .store
                    .attempts(workflow_id, instance_id, r)
                    .await
                    .map_err(store_error)?;
                let mut latest: indexmap::IndexMap<String, StepInstance> =
                    indexmap::IndexMap::new();
                for s in all {
                    latest.insert(s.step_id.clone(), s);
                }
                latest.into_values().collect()
            }
            None => self
                .store
                .latest_attempts(workflow_id, instance_id, last.workflow_run_id)
                .await
                .map_err(store_error)?,
        };
        steps.sort_by_key(|s| s.step_instance_id);
        Ok(steps)
    }

    /// Stops or kills the latest run of an instance; returns the run and whether it is
    /// terminal already.
    pub async fn instance_action(
        self: &Arc<Engine>,
        workflow_id: &str,
        instance_id: i64,
        action: InstanceAction,
        user: &str,
    ) -> Result<(WorkflowInstance, bool), EngineError> {
        let last = self.get_instance(workflow_id, instance_id, None).await?;
        let key = (workflow_id.to_string(), instance_id, last.workflow_run_id);
        if last.status.is_terminal() {
            let target = match action {
                InstanceAction::Stop => maestro_model::instance::InstanceStatus::Stopped,
                InstanceAction::Kill => maestro_model::instance::InstanceStatus::Failed,
            };
            if last.status == target {
                return Ok((last, true));
            }
            return Err(EngineError::invalid(format!(
                "Cannot {} the workflow instance {} as it is already in a terminal status [{}]",
                action.as_str().to_ascii_lowercase(),
                last.identity(),
                last.status.as_str()
            )));
        }
        let (reply, rx) = oneshot::channel();
        self.send(
            &key,
            Msg::Instance {
                action,
                user: user.to_string(),
                reply,
            },
        );
        let completed = rx
            .await
            .map_err(|_| EngineError::internal("the run's actor stopped"))??;
        let now = self
            .get_instance(workflow_id, instance_id, Some(key.2))
            .await?;
        Ok((now, completed))
    }

    /// A step action (§4.6). On a terminal instance, RESTART starts a new run from the
    /// step.
    pub async fn step_action(
        self: &Arc<Engine>,
        workflow_id: &str,
        instance_id: i64,
        step_id: &str,
        action: StepAction,
        user: &str,
    ) -> Result<WorkflowInstance, EngineError> {
        let last = self.get_instance(workflow_id, instance_id, None).await?;
        if last.status.is_terminal() {
            if action == StepAction::Restart {
                return self
                    .restart(
                        workflow_id,
                        instance_id,
                        RestartPolicy::FromIncomplete,
                        Some(step_id),
                        &ParameterMap::new(),
                        user,
                    )
                    .await;
            }
            return Err(EngineError::invalid(format!(
                "Cannot {} step [{step_id}]: workflow instance {} is already in a terminal status [{}]",
                action.as_str().to_ascii_lowercase(),
                last.identity(),
                last.status.as_str()
            )));
        }
        let key = (workflow_id.to_string(), instance_id, last.workflow_run_id);
        let (reply, rx) = oneshot::channel();
        self.send(
            &key,
            Msg::Step {
                step_id: step_id.to_string(),
                action,
                user: user.to_string(),
                reply,
            },
        );
        rx.await
            .map_err(|_| EngineError::internal("the run's actor stopped"))??;
        self.get_instance(workflow_id, instance_id, Some(key.2))
            .await
    }

    fn send(self: &Arc<Engine>, key: &RunKey, msg: Msg) {
        let tx = self.ensure_actor(key);
        let token = self.tk.token();
        if let Err(e) = tx.send(Envelope { msg, token }) {
            // The actor just ended: a new one loads the run and takes the message.
            let tx = self.ensure_actor(key);
            let _ = tx.send(e.0);
        }
    }
}

/// Validates a definition document (`maestro validate`, the validate endpoints, every
/// push): every problem with its location.
pub fn validate_text(
    path: &str,
    text: &str,
    format: Format,
    evaluator: &sel_core::Evaluator,
    now: i64,
) -> Result<WorkflowDocument, EngineError> {
    let doc = maestro_model::load(text, format);
    if let Some(e) = invalid_document(path, text, &doc) {
        return Err(e);
    }
    let Some(w) = &doc.workflow else {
        return Err(EngineError::invalid(format!(
            "{path}: not a workflow definition (found a {:?} document)",
            doc.shape
        )));
    };
    let owner = doc
        .properties
        .as_ref()
        .and_then(|p| p.owner.as_ref())
        .map(|o| o.value.as_str());
    let problems = maestro_core::validate::check_definition(w, owner, evaluator, now);
    if !problems.is_empty() {
        let mut e = EngineError::invalid(format!(
            "Invalid workflow definition: {} problem(s) found",
            problems.len()
        ));
        e.errors = problems
            .into_iter()
            .map(|p| {
                let (l, c) = crate::location::line_col(text, p.span.start);
                format!("{path}:{l}:{c}: {}", p.message)
            })
            .collect();
        return Err(e);
    }
    Ok(doc)
}

fn no_instance(workflow_id: &str, instance_id: i64) -> EngineError {
    EngineError::new(
        ErrorKind::NotFound,
        format!("workflow instance [{workflow_id}][{instance_id}] not found"),
    )
}
