//! Wall time of a long NoOp chain and of a 1 → N → 1 fan-out through the real engine
//! host: `Engine::start` creates the run, its actor advances and persists it, and the
//! clock stops when `Engine::wait_terminal` sees the terminal status in the store.
//!
//! 1,000 steps exceed the 300-step limit of a pushed definition (§1.14), which
//! `Engine::push_document` enforces; the bench writes the version with
//! `Store::push_workflow` directly, so the limit is lifted here only.

use std::sync::Arc;
use std::time::Instant;

use maestro::engine::time::Timekeeper;
use maestro::engine::{Engine, EngineConfig, StartOutcome};
use maestro_core::start::StartRequest;
use maestro_model::instance::InstanceStatus;
use maestro_store::{NewVersion, VersionSelector};
use serde_json::json;

use crate::stats::{list, median};
use crate::workflows;
use crate::Options;

#[derive(Clone, Copy)]
pub enum Shape {
    Chain,
    FanOut,
}

pub async fn open(database: &str) -> Result<(Arc<Engine>, tempfile::TempDir), String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let engine = Engine::open(EngineConfig {
        database_url: database.to_string(),
        work_dir: work.path().to_path_buf(),
        timekeeper: Timekeeper::real(),
    })
    .await
    .map_err(|e| e.to_string())?;
    Ok((engine, work))
}

pub async fn run(opts: &Options, shape: Shape) -> Result<(), String> {
    let n = opts.steps;
    let (engine, _work) = open(&opts.database).await?;
    let (name, total) = match shape {
        Shape::Chain => (format!("{n}-step NoOp chain"), n),
        Shape::FanOut => (format!("1 -> {n} -> 1 NoOp fan-out"), n + 2),
    };
    let id = match shape {
        Shape::Chain => format!("bench-chain-{n}-{}", std::process::id()),
        Shape::FanOut => format!("bench-fanout-{n}-{}", std::process::id()),
    };
    let definition = match shape {
        Shape::Chain => workflows::chain(&id, n),
        Shape::FanOut => workflows::fan_out(&id, n),
    };
    engine
        .store
        .push_workflow(&NewVersion {
            workflow_id: &id,
            definition: &definition,
            properties: &workflows::properties(),
            extra_metadata: &json!({}),
            is_active: true,
            author: "bench",
            now: engine.tk.now(),
        })
        .await
        .map_err(|e| e.to_string())?;
    let mut walls = Vec::new();
    // One warm-up run (caches, prepared statements), then the measured ones.
    for round in 0..=opts.runs {
        let t0 = Instant::now();
        let started = engine
            .start(
                &id,
                VersionSelector::Latest,
                StartRequest::manual(Some("bench")),
            )
            .await
            .map_err(|e| e.message.clone())?;
        let StartOutcome::Created(i) = started else {
            return Err("the start was taken for a duplicate".into());
        };
        let key = (id.clone(), i.workflow_instance_id, i.workflow_run_id);
        let done = engine
            .wait_terminal(&key)
            .await
            .map_err(|e| e.message.clone())?;
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        if done.status != InstanceStatus::Succeeded {
            return Err(format!("run {key:?} ended {}", done.status.as_str()));
        }
        let steps = engine
            .get_steps(&key.0, key.1, Some(key.2))
            .await
            .map_err(|e| e.message.clone())?;
        if steps.len() != total {
            return Err(format!(
                "run {key:?} has {} steps, expected {total}",
                steps.len()
            ));
        }
        if round > 0 {
            walls.push(ms);
        }
    }
    let m = median(&walls);
    println!(
        "{name}: wall median {m:.1} ms over {} runs {} ms; {:.0} steps/s",
        walls.len(),
        list(&walls),
        total as f64 / (m / 1000.0)
    );
    Ok(())
}
