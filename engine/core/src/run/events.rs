//! The status-change events of SPEC §9 that a batch of changes causes: one
//! `STEP_INSTANCE_STATUS_CHANGE_EVENT` per attempt with all its records, and one
//! `WORKFLOW_INSTANCE_STATUS_CHANGE_EVENT` per instance status change.

use maestro_model::instance::{StepInstance, WorkflowInstance};
use serde_json::{json, Value as Json};

use super::Changes;

impl Changes {
    /// The events, in the order the changes happened.
    pub fn events(&self, instance: &WorkflowInstance, now: i64) -> Vec<Json> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.records.len() {
            let r = &self.records[i];
            let Some(step_id) = &r.step_id else {
                out.push(json!({
                    "type": "WORKFLOW_INSTANCE_STATUS_CHANGE_EVENT",
                    "workflow_id": instance.workflow_id,
                    "workflow_name": instance.runtime_workflow.get("name").cloned()
                        .unwrap_or_else(|| json!(instance.workflow_id)),
                    "workflow_instance_id": instance.workflow_instance_id,
                    "workflow_run_id": instance.workflow_run_id,
                    "workflow_uuid": instance.workflow_uuid,
                    "correlation_id": instance.correlation_id,
                    "depth": 0,
                    "old_status": r.old_status,
                    "new_status": r.new_status,
                    "event_time": r.time,
                    "sync_time": now,
                }));
                i += 1;
                continue;
            };
            let mut j = i;
            let mut records = Vec::new();
            while j < self.records.len()
                && self.records[j].step_id.as_deref() == Some(step_id)
                && self.records[j].attempt_id == r.attempt_id
            {
                let x = &self.records[j];
                records.push(json!({
                    "old_status": x.old_status,
                    "new_status": x.new_status,
                    "event_time": x.time,
                }));
                j += 1;
            }
            let step: Option<&StepInstance> = self
                .steps
                .iter()
                .find(|s| &s.step_id == step_id && s.step_attempt_id == r.attempt_id);
            out.push(json!({
                "type": "STEP_INSTANCE_STATUS_CHANGE_EVENT",
                "workflow_id": instance.workflow_id,
                "workflow_instance_id": instance.workflow_instance_id,
                "workflow_run_id": instance.workflow_run_id,
                "step_id": step_id,
                "step_attempt_id": r.attempt_id,
                "workflow_uuid": instance.workflow_uuid,
                "step_uuid": step.map(|s| s.step_uuid.clone()),
                "correlation_id": instance.correlation_id,
                "step_instance_id": step.map(|s| s.step_instance_id),
                "status_change_records": records,
                "sync_time": now,
            }));
            i = j;
        }
        out
    }
}
