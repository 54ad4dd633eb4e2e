//! The host of the engine core: it owns the store, the step runtimes, the job templates
//! and the clock, and runs one actor task per unfinished run (SPEC §6, DESIGN "actors,
//! woken by events"). `maestro run` and `maestro server` both use it, so they behave
//! identically.

mod actor;
mod ops;
pub mod time;

pub use ops::{store_error, validate_text, PushOutcome, StartOutcome};

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use maestro_core::runtime::{NoOp, Sleep, StepRuntime};
use maestro_core::start::JobTemplate;
use maestro_model::instance::InstanceStatus;
use maestro_store::Store;
use tokio::sync::{broadcast, mpsc};

use crate::shell::Shell;
use time::Timekeeper;

/// Identity of one run: (workflow id, instance id, run id).
pub type RunKey = (String, i64, i64);

/// A status change, for watchers (`maestro run` progress, tests, the UI later).
#[derive(Clone, Debug)]
pub struct Update {
    pub run: RunKey,
    pub step: Option<(String, i64)>,
    pub status: String,
    /// Set when the run reached a terminal status.
    pub terminal: Option<InstanceStatus>,
}

/// How to open an engine.
pub struct EngineConfig {
    pub database_url: String,
    /// Where shell steps get their working directories.
    pub work_dir: std::path::PathBuf,
    pub timekeeper: Arc<Timekeeper>,
}

/// A message to a run's actor, with the token that keeps virtual time still until the
/// actor has handled it.
pub(crate) struct Envelope {
    pub msg: Msg,
    pub token: time::Token,
}

pub(crate) enum Msg {
    Wake,
    Instance {
        action: maestro_core::run::InstanceAction,
        user: String,
        reply: tokio::sync::oneshot::Sender<Result<bool, maestro_core::EngineError>>,
    },
    Step {
        step_id: String,
        action: maestro_core::run::StepAction,
        user: String,
        reply: tokio::sync::oneshot::Sender<Result<(), maestro_core::EngineError>>,
    },
}

pub struct Engine {
    pub store: Store,
    pub tk: Arc<Timekeeper>,
    evaluator: sel_core::Evaluator,
    runtimes: HashMap<String, Arc<dyn StepRuntime>>,
    templates: RwLock<Vec<JobTemplate>>,
    actors: Mutex<HashMap<RunKey, mpsc::UnboundedSender<Envelope>>>,
    updates: broadcast::Sender<Update>,
}

/// The core's view of the host.
struct HostEnv<'a>(&'a Engine);

impl maestro_core::run::Env for HostEnv<'_> {
    fn evaluator(&self) -> &sel_core::Evaluator {
        &self.0.evaluator
    }
    fn runtime(&self, key: &str) -> Option<&dyn StepRuntime> {
        self.0.runtimes.get(key).map(|r| r.as_ref())
    }
    fn job_template(&self, job_type: &str, version: Option<&str>) -> Option<JobTemplate> {
        let all = self.0.templates.read().ok()?;
        all.iter()
            .rev()
            .find(|t| t.job_type == job_type && version.is_none_or(|v| v == t.version))
            .cloned()
    }
}

impl Engine {
    /// Opens the store, loads job templates, and resumes every unfinished run.
    pub async fn open(config: EngineConfig) -> Result<Arc<Engine>, maestro_store::StoreError> {
        let store = Store::connect(&config.database_url).await?;
        let evaluator = maestro_core::maestro_evaluator()
            .with_clock(config.timekeeper.clock())
            // Every run evaluates the same default params and definitions again.
            .with_cache(4096);
        let (updates, _) = broadcast::channel(4096);
        let engine = Arc::new_cyclic(|weak: &std::sync::Weak<Engine>| {
            let waker_engine = weak.clone();
            let shell = Shell::new(
                config.work_dir.clone(),
                config.timekeeper.clone(),
                Arc::new(move |key: RunKey| {
                    if let Some(e) = waker_engine.upgrade() {
                        e.wake(&key);
                    }
                }),
            );
            let mut runtimes: HashMap<String, Arc<dyn StepRuntime>> = HashMap::new();
            runtimes.insert("noop".into(), Arc::new(NoOp));
            runtimes.insert("sleep".into(), Arc::new(Sleep));
            runtimes.insert("shell".into(), Arc::new(shell));
            Engine {
                store,
                tk: config.timekeeper.clone(),
                evaluator,
                runtimes,
                templates: RwLock::new(Vec::new()),
                actors: Mutex::new(HashMap::new()),
                updates,
            }
        });
        engine.reload_templates().await?;
        for key in engine.store.unfinished_runs().await? {
            engine.ensure_actor(&key);
        }
        Ok(engine)
    }

    pub fn evaluator(&self) -> &sel_core::Evaluator {
        &self.evaluator
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Update> {
        self.updates.subscribe()
    }

    pub(crate) fn publish(&self, u: Update) {
        let _ = self.updates.send(u);
    }

    async fn reload_templates(&self) -> Result<(), maestro_store::StoreError> {
        let rows = self.store.job_templates().await?;
        let parsed: Vec<JobTemplate> = rows
            .into_iter()
            .filter_map(|(job_type, version, def)| {
                ops::template_from_json(&job_type, &version, &def)
            })
            .collect();
        if let Ok(mut t) = self.templates.write() {
            *t = parsed;
        }
        Ok(())
    }

    /// Starts the actor of a run if it has none (it then loads the run from the store).
    pub(crate) fn ensure_actor(
        self: &Arc<Engine>,
        key: &RunKey,
    ) -> mpsc::UnboundedSender<Envelope> {
        let mut actors = self.actors.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = actors.get(key) {
            if !tx.is_closed() {
                return tx.clone();
            }
        }
        let (tx, rx) = mpsc::unbounded_channel();
        actors.insert(key.clone(), tx.clone());
        tokio::spawn(actor::run(self.clone(), key.clone(), rx, self.tk.token()));
        tx
    }

    pub(crate) fn actor_done(&self, key: &RunKey) {
        let mut actors = self.actors.lock().unwrap_or_else(|e| e.into_inner());
        if actors.get(key).is_some_and(|tx| tx.is_closed()) {
            actors.remove(key);
        }
    }

    /// Wakes the actor of a run, if it runs (a runtime's work changed).
    pub fn wake(&self, key: &RunKey) {
        let actors = self.actors.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = actors.get(key) {
            let _ = tx.send(Envelope {
                msg: Msg::Wake,
                token: self.tk.token(),
            });
        }
    }

    /// Waits until a run is terminal and returns its instance.
    pub async fn wait_terminal(
        self: &Arc<Engine>,
        key: &RunKey,
    ) -> Result<maestro_model::instance::WorkflowInstance, maestro_core::EngineError> {
        let mut rx = self.subscribe();
        loop {
            let i = self
                .store
                .instance(&key.0, key.1, key.2)
                .await
                .map_err(ops::store_error)?
                .ok_or_else(|| maestro_core::EngineError::not_found("no such run"))?;
            if i.status.is_terminal() {
                return Ok(i);
            }
            loop {
                match rx.recv().await {
                    Ok(u) if &u.run == key && u.terminal.is_some() => break,
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(_)) => break,
                    Err(broadcast::error::RecvError::Closed) => {
                        return Err(maestro_core::EngineError::internal("engine stopped"))
                    }
                }
            }
        }
    }
}
