//! The runtime DAG (SPEC §3.2): which steps a run contains, each with its predecessors
//! and successors, checked for cycles.

use indexmap::{IndexMap, IndexSet};
use maestro_model::instance::RuntimeDagNode;
use maestro_model::Step;

/// The edges of a list of sibling steps, in step order: `(id, successors, explicit
/// predecessors)`.
pub fn edges(steps: &[Step]) -> Vec<(String, Vec<String>, Vec<String>)> {
    steps
        .iter()
        .filter_map(|s| {
            let id = s.id()?.to_string();
            let t = s.transition.as_ref();
            let succ = t
                .map(|t| t.successors.iter().map(|x| x.id.text.clone()).collect())
                .unwrap_or_default();
            let pred = t
                .map(|t| t.predecessors.iter().map(|x| x.text.clone()).collect())
                .unwrap_or_default();
            Some((id, succ, pred))
        })
        .collect()
}

/// Builds the runtime DAG of `steps`, optionally restricted to what is reachable from
/// `start_ids` (whose predecessors are then cleared).
pub fn runtime_dag(
    steps: &[Step],
    start_ids: Option<&[String]>,
) -> Result<IndexMap<String, RuntimeDagNode>, String> {
    let all = edges(steps);
    let mut parents: IndexMap<String, IndexSet<String>> = all
        .iter()
        .map(|(id, _, _)| (id.clone(), IndexSet::new()))
        .collect();
    for (id, succ, _) in &all {
        for s in succ {
            match parents.get_mut(s) {
                Some(p) => {
                    p.insert(id.clone());
                }
                None => return Err(format!("step [{id}] has an unknown successor step [{s}]")),
            }
        }
    }
    let mut dag: IndexMap<String, RuntimeDagNode> = IndexMap::new();
    for (id, succ, pred) in &all {
        let computed: Vec<String> = parents[id].iter().cloned().collect();
        let predecessors = if pred.is_empty() {
            computed
        } else {
            pred.clone()
        };
        dag.insert(
            id.clone(),
            RuntimeDagNode {
                predecessors,
                successors: succ.clone(),
            },
        );
    }
    if let Some(starts) = start_ids {
        let mut keep: IndexSet<String> = IndexSet::new();
        let mut queue: Vec<String> = starts.to_vec();
        while let Some(id) = queue.pop() {
            if let Some(node) = dag.get(&id) {
                if keep.insert(id.clone()) {
                    queue.extend(node.successors.iter().cloned());
                }
            }
        }
        dag.retain(|id, _| keep.contains(id));
        for (id, node) in dag.iter_mut() {
            if starts.contains(id) {
                node.predecessors.clear();
            } else {
                node.predecessors.retain(|p| keep.contains(p));
            }
        }
    }
    check_acyclic(&dag)?;
    Ok(dag)
}

/// Kahn's algorithm over the DAG.
pub fn check_acyclic(dag: &IndexMap<String, RuntimeDagNode>) -> Result<(), String> {
    let mut indegree: IndexMap<&str, usize> = dag
        .iter()
        .map(|(id, n)| (id.as_str(), n.predecessors.len()))
        .collect();
    let mut ready: Vec<&str> = indegree
        .iter()
        .filter(|(_, d)| **d == 0)
        .map(|(id, _)| *id)
        .collect();
    let mut seen = 0;
    while let Some(id) = ready.pop() {
        seen += 1;
        for s in &dag[id].successors {
            if let Some(d) = indegree.get_mut(s.as_str()) {
                *d -= 1;
                if *d == 0 {
                    ready.push(s);
                }
            }
        }
    }
    if seen == dag.len() {
        Ok(())
    } else {
        let stuck: Vec<&str> = indegree
            .iter()
            .filter(|(_, d)| **d > 0)
            .map(|(id, _)| *id)
            .collect();
        Err(format!(
            "Invalid workflow definition: DAG contains cycle among steps [{}]",
            stuck.join(", ")
        ))
    }
}
