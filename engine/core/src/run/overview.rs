//! `runtime_overview` (SPEC §4.1): counts of steps by status with each step's ordinal and
//! times, and the leaf roll-up.

use serde_json::{json, Map, Value as Json};

use super::RunState;

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
            self.touch_instance(now);
        }
    }
}
