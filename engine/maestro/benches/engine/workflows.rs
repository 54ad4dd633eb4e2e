//! The benchmark workflows, as Maestro create requests (SPEC §1.1): NoOp chains and the
//! 1 → N → 1 fan-out.

use serde_json::{json, Value as Json};

fn noop(id: &str, successors: &[String]) -> Json {
    let succ: serde_json::Map<String, Json> = successors
        .iter()
        .map(|s| (s.clone(), json!("true")))
        .collect();
    json!({"step": {"id": id, "type": "NoOp", "transition": {"successors": succ}}})
}

/// `s1 → s2 → … → sN`.
pub fn chain(id: &str, n: usize) -> Json {
    let steps: Vec<Json> = (1..=n)
        .map(|i| {
            let next: Vec<String> = if i < n {
                vec![format!("s{}", i + 1)]
            } else {
                vec![]
            };
            noop(&format!("s{i}"), &next)
        })
        .collect();
    json!({"id": id, "steps": steps})
}

/// `start → b1 … bN → end`.
pub fn fan_out(id: &str, n: usize) -> Json {
    let branches: Vec<String> = (1..=n).map(|i| format!("b{i}")).collect();
    let mut steps = vec![noop("start", &branches)];
    steps.extend(branches.iter().map(|b| noop(b, &["end".to_string()])));
    steps.push(noop("end", &[]));
    json!({"id": id, "steps": steps})
}

/// Properties of a first version; PARALLEL so instances do not queue behind each other.
pub fn properties() -> Json {
    json!({"owner": "bench", "run_strategy": "PARALLEL"})
}
