//! Step-to-step latency of a NoOp chain: the wall time from the moment one step's work
//! is done (its runtime's `execute` returns Done) to the moment the next step's work
//! starts (its runtime's `start` is called).
//!
//! `runtime_state` timestamps have millisecond resolution and a NoOp chain runs inside
//! one `RunState::advance`, so they all read the same millisecond; hence probes. The
//! engine's runtime table is private, so this part drives maestro-core and the store
//! the way the run actor does (advance, take the changes, save them with their outbox
//! events in one transaction, repeat) with a probing NoOp runtime, in two modes:
//!
//! - `in-memory`: the real NoOp (no side effects). The whole chain runs in one advance
//!   and is saved in one transaction at the end: the figure is pure core work per step.
//! - `persisted`: the same NoOp declaring side effects, as a shell step does, so the
//!   core stops before each start until STARTING is committed: one transaction per step,
//!   the cost every step with outside effects pays.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use maestro_core::run::{Env, RunState};
use maestro_core::runtime::{Outcome, RuntimeResult, StepCall, StepRuntime};
use maestro_core::start::{new_run, Definition, JobTemplate, StartRequest};
use maestro_store::{OutboxEvent, Store};

use crate::stats::{list, median, percentile};
use crate::workflows;
use crate::Options;

/// A NoOp that notes when each step's work starts and ends.
struct Probe {
    side_effects: bool,
    starts: Mutex<HashMap<String, Instant>>,
    ends: Mutex<HashMap<String, Instant>>,
}

impl StepRuntime for Probe {
    fn start(&self, call: &StepCall<'_>) -> RuntimeResult {
        if let Ok(mut m) = self.starts.lock() {
            m.insert(call.step.step_id.clone(), Instant::now());
        }
        RuntimeResult::of(Outcome::Continue)
    }
    fn execute(&self, call: &StepCall<'_>) -> RuntimeResult {
        if let Ok(mut m) = self.ends.lock() {
            m.insert(call.step.step_id.clone(), Instant::now());
        }
        RuntimeResult::of(Outcome::Done)
    }
    fn start_has_side_effects(&self) -> bool {
        self.side_effects
    }
}

struct BenchEnv {
    evaluator: sel_core::Evaluator,
    noop: Probe,
}

impl Env for BenchEnv {
    fn evaluator(&self) -> &sel_core::Evaluator {
        &self.evaluator
    }
    fn runtime(&self, key: &str) -> Option<&dyn StepRuntime> {
        (key == "noop").then_some(&self.noop as &dyn StepRuntime)
    }
    fn job_template(&self, _: &str, _: Option<&str>) -> Option<JobTemplate> {
        None
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// What one run of the chain measured.
struct Sample {
    gaps_ms: Vec<f64>,
    wall_ms: f64,
    transactions: usize,
    save_ms: f64,
}

async fn one_run(
    store: &Store,
    env: &BenchEnv,
    n: usize,
    instance_id: i64,
) -> Result<Sample, String> {
    let id = "bench-latency";
    let text = workflows::chain(id, n).to_string();
    let w = maestro_model::load_json(&text)
        .workflow
        .ok_or("the chain is not a workflow")?;
    let props = workflows::properties();
    let def = Definition {
        workflow: &w,
        version_id: 1,
        internal_id: 1,
        properties: &props,
    };
    let req = StartRequest::manual(Some("bench"));
    let instance =
        new_run(&def, &req, instance_id, now_ms(), &env.evaluator).map_err(|e| e.message)?;
    store
        .save(Some(&instance), &[], &[])
        .await
        .map_err(|e| e.to_string())?;
    env.noop.starts.lock().map_err(|e| e.to_string())?.clear();
    env.noop.ends.lock().map_err(|e| e.to_string())?.clear();
    let mut run = RunState::load(instance, Vec::new()).map_err(|e| e.message)?;
    let (mut transactions, mut save_ms, mut seq) = (0, 0.0, 0i64);
    let t0 = Instant::now();
    // The actor's loop (engine/maestro/src/engine/actor.rs), without the waiting.
    loop {
        let adv = run.advance(now_ms(), env);
        let changes = run.take_changes();
        if !changes.is_empty() {
            let now = now_ms();
            let events: Vec<OutboxEvent> = changes
                .events(&run.instance, now)
                .into_iter()
                .map(|event| {
                    seq += 1;
                    OutboxEvent {
                        event_id: uuid::Uuid::new_v4().to_string(),
                        seq,
                        event,
                    }
                })
                .collect();
            let instance = changes.instance.then_some(&run.instance);
            let ts = Instant::now();
            store
                .save(instance, &changes.steps, &events)
                .await
                .map_err(|e| e.to_string())?;
            save_ms += ts.elapsed().as_secs_f64() * 1000.0;
            transactions += 1;
        }
        if run.is_terminal() {
            break;
        }
        if !adv.flush_first {
            return Err(format!(
                "the run stopped at {:?} without finishing",
                run.status()
            ));
        }
    }
    let wall_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let starts = env.noop.starts.lock().map_err(|e| e.to_string())?;
    let ends = env.noop.ends.lock().map_err(|e| e.to_string())?;
    let mut gaps_ms = Vec::new();
    for i in 1..n {
        let (Some(end), Some(start)) = (
            ends.get(&format!("s{i}")),
            starts.get(&format!("s{}", i + 1)),
        ) else {
            return Err(format!("step s{i} or s{} did not run", i + 1));
        };
        gaps_ms.push(start.duration_since(*end).as_secs_f64() * 1000.0);
    }
    Ok(Sample {
        gaps_ms,
        wall_ms,
        transactions,
        save_ms,
    })
}

pub async fn run(opts: &Options) -> Result<(), String> {
    let store = Store::connect(&opts.database)
        .await
        .map_err(|e| e.to_string())?;
    // Instance ids of this part: above anything the other parts create.
    let mut instance_id = 1_000_000 + i64::from(std::process::id() % 1000) * 1000;
    // The chain's definition never reaches the store's version table here; an instance
    // row needs none.
    for side_effects in [false, true] {
        let env = BenchEnv {
            evaluator: maestro_core::maestro_evaluator(),
            noop: Probe {
                side_effects,
                starts: Mutex::new(HashMap::new()),
                ends: Mutex::new(HashMap::new()),
            },
        };
        let (mut p50, mut p99, mut walls, mut saves, mut txs) = (vec![], vec![], vec![], vec![], 0);
        for round in 0..=opts.runs {
            instance_id += 1;
            let s = one_run(&store, &env, opts.steps, instance_id).await?;
            if round == 0 {
                continue; // warm-up
            }
            p50.push(percentile(&s.gaps_ms, 50.0));
            p99.push(percentile(&s.gaps_ms, 99.0));
            walls.push(s.wall_ms);
            saves.push(s.save_ms);
            txs = s.transactions;
        }
        let mode = if side_effects {
            "persisted"
        } else {
            "in-memory"
        };
        println!(
            "latency {mode} ({} steps, {txs} transactions per run): p50 median {:.3} ms {}, p99 median {:.3} ms {}; \
             chain wall median {:.1} ms {} of which saving {:.1} ms; {:.0} steps/s",
            opts.steps,
            median(&p50),
            list(&p50),
            median(&p99),
            list(&p99),
            median(&walls),
            list(&walls),
            median(&saves),
            opts.steps as f64 / (median(&walls) / 1000.0),
        );
    }
    Ok(())
}
