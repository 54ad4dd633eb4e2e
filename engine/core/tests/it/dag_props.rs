//! Property test: over random DAGs with random conditions and failing steps, the
//! engine's final statuses equal a small reference model of SPEC §3.3–3.7.

use maestro_model::instance::{InstanceStatus, ParameterMap, StepStatus};
use proptest::prelude::*;
use serde_json::json;

use crate::common::*;

#[derive(Clone, Debug)]
struct Case {
    n: usize,
    /// (from, to, condition) with from < to.
    edges: Vec<(usize, usize, bool)>,
    fails: Vec<bool>,
    ignore: Vec<bool>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..9).prop_flat_map(|n| {
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
        let m = pairs.len();
        (
            proptest::collection::vec(proptest::option::weighted(0.4, any::<bool>()), m),
            proptest::collection::vec(proptest::bool::weighted(0.25), n),
            proptest::collection::vec(any::<bool>(), n),
        )
            .prop_map(move |(picked, fails, ignore)| Case {
                n,
                edges: pairs
                    .iter()
                    .zip(picked)
                    .filter_map(|(&(i, j), c)| c.map(|c| (i, j, c)))
                    .collect(),
                fails,
                ignore,
            })
    })
}

fn model(c: &Case) -> (Vec<StepStatus>, InstanceStatus) {
    use StepStatus::*;
    let mut st: Vec<StepStatus> = Vec::new();
    for i in 0..c.n {
        let preds: Vec<&(usize, usize, bool)> = c.edges.iter().filter(|e| e.1 == i).collect();
        let blocked = preds.iter().any(|e| !st[e.0].is_complete());
        let s = if blocked {
            NotCreated
        } else if !(preds.is_empty() || preds.iter().any(|e| st[e.0] != Unsatisfied && e.2)) {
            Unsatisfied
        } else if c.fails[i] {
            if c.ignore[i] {
                CompletedWithError
            } else {
                FatallyFailed
            }
        } else {
            Succeeded
        };
        st.push(s);
    }
    let failed = st.contains(&FatallyFailed);
    (
        st,
        if failed {
            InstanceStatus::Failed
        } else {
            InstanceStatus::Succeeded
        },
    )
}

fn workflow(c: &Case) -> String {
    let steps: Vec<serde_json::Value> = (0..c.n)
        .map(|i| {
            let succ: serde_json::Map<String, serde_json::Value> = c
                .edges
                .iter()
                .filter(|e| e.0 == i)
                .map(|e| {
                    (
                        format!("s{}", e.1),
                        json!(if e.2 { "1 < 2" } else { "1 > 2" }),
                    )
                })
                .collect();
            json!({"step": {
                "id": format!("s{i}"),
                "type": if c.fails[i] { "Titus" } else { "NoOp" },
                "failure_mode": if c.ignore[i] { "IGNORE_FAILURE" } else { "FAIL_AFTER_RUNNING" },
                "retry_policy": {"error_retry_limit": 0},
                "transition": {"successors": succ},
            }})
        })
        .collect();
    json!({"properties": {"owner": "p"}, "workflow": {"id": "prop", "steps": steps}}).to_string()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn final_statuses_match_the_reference_model(c in case()) {
        let run = run_json(&workflow(&c), &TestEnv::new(), ParameterMap::new());
        let (want, want_instance) = model(&c);
        for (i, w) in want.iter().enumerate() {
            prop_assert_eq!(status_of(&run, &format!("s{i}")), *w, "step s{} of {:?}", i, c);
        }
        prop_assert_eq!(run.status(), want_instance);
    }
}
