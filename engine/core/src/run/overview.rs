//! `runtime_overview` (SPEC §4.1): counts of steps by status with each step's ordinal and
//! times, and the leaf roll-up.
//!
//! The overview is derived from the steps, so it is not a reason of its own to rewrite
//! the instance row on every step transition (that write grows with the workflow and
//! dominated a step's commit): a changed overview marks the instance for writing at most
//! once a second, and with every write the instance gets anyway (its status changes, the
//! end of the run). A reader may see it up to a second late; a restart recomputes it.

use serde_json::{json, Map, Value as Json};

use super::RunState;

/// How often at most a changed overview alone causes the instance row to be written.
const OVERVIEW_EVERY_MS: i64 = 1000;

impl RunState {
    pub(crate) fn refresh_overview(&mut self, now: i64) {
        let mut by_status: Map<String, Json> = Map::new();
        let mut rollup: Map<String, Json> = Map::new();
        let mut leaves = 0;
        for (ordinal, id) in self.instance.runtime_dag.keys().enumerate() {
            let Some(s) = self.steps.get(id).filter(|s| !s.carried_over) else {
                continue;
            };
            let status = s.status().as_str().to_string();
            let entry = by_status
                .entry(status.clone())
                .or_insert_with(|| json!({"cnt": 0, "steps": []}));
            entry["cnt"] = json!(entry["cnt"].as_i64().unwrap_or(0) + 1);
            if let Some(list) = entry["steps"].as_array_mut() {
                list.push(json!([
                    ordinal + 1,
                    s.runtime_state.start_time,
                    s.runtime_state.end_time
                ]));
            }
            leaves += 1;
            let r = rollup.entry(status).or_insert_with(|| json!({"cnt": 0}));
            r["cnt"] = json!(r["cnt"].as_i64().unwrap_or(0) + 1);
        }
        let overview = json!({
            "total_step_count": self.instance.runtime_dag.len(),
            "step_overview": by_status,
            "rollup_overview": {"total_leaf_count": leaves, "overview": rollup},
        });
        if self.instance.runtime_overview.as_ref() != Some(&overview) {
            self.instance.runtime_overview = Some(overview);
            if now.saturating_sub(self.instance.modify_time) >= OVERVIEW_EVERY_MS {
                self.touch_instance(now);
            }
        }
    }
}
