//! The actor of one run: it holds the run's state in memory, advances it when woken (a
//! timer, a runtime, an action), and persists every change before anything else sees it.
//!
//! The database stays the source of truth: the actor loads the run from the store when
//! it starts (also after a crash) and, if a write fails, drops its memory and reloads.

use std::sync::Arc;

use maestro_core::run::{Advance, RunState};
use maestro_model::instance::StepInstance;
use maestro_store::OutboxEvent;
use tokio::sync::mpsc;

use super::time::Token;
use super::{Engine, Envelope, HostEnv, Msg, RunKey, Update};

/// Loads a run: its attempts, plus the latest attempts of earlier runs for steps this
/// run does not repeat (read-only, §4.7).
async fn load(engine: &Engine, key: &RunKey) -> Result<Option<RunState>, String> {
    let store = &engine.store;
    let Some(instance) = store
        .instance(&key.0, key.1, key.2)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let mut attempts = store
        .attempts(&key.0, key.1, key.2)
        .await
        .map_err(|e| e.to_string())?;
    if key.2 > 1 {
        let earlier: Vec<StepInstance> = store
            .latest_attempts(&key.0, key.1, key.2 - 1)
            .await
            .map_err(|e| e.to_string())?;
        for mut s in earlier {
            if !instance.runtime_dag.contains_key(&s.step_id) {
                s.carried_over = true;
                attempts.push(s);
            }
        }
    }
    RunState::load(instance, attempts)
        .map(Some)
        .map_err(|e| e.to_string())
}

static SEQ: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// Persists what changed; returns false when the write failed.
async fn persist(engine: &Engine, run: &mut RunState, key: &RunKey) -> bool {
    let changes = run.take_changes();
    if changes.is_empty() {
        return true;
    }
    let now = engine.tk.now();
    let events: Vec<OutboxEvent> = changes
        .events(&run.instance, now)
        .into_iter()
        .map(|event| {
            // Orders events of one commit time; the store orders by time first.
            OutboxEvent {
                event_id: uuid::Uuid::new_v4().to_string(),
                seq: SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                event,
            }
        })
        .collect();
    let instance = changes.instance.then_some(&run.instance);
    if let Err(e) = engine.store.save(instance, &changes.steps, &events).await {
        eprintln!("maestro: cannot save run {key:?}: {e}; reloading it from the database");
        return false;
    }
    for r in &changes.records {
        engine.publish(Update {
            run: key.clone(),
            step: r.step_id.clone().map(|s| (s, r.attempt_id)),
            status: r.new_status.clone(),
            terminal: maestro_model::instance::InstanceStatus::parse(&r.new_status)
                .filter(|s| r.step_id.is_none() && s.is_terminal()),
        });
    }
    true
}

/// The actor's loop. It holds one virtual-time token while it works.
pub(crate) async fn run(
    engine: Arc<Engine>,
    key: RunKey,
    mut rx: mpsc::UnboundedReceiver<Envelope>,
    token: Token,
) {
    let mut held = Some(token);
    let mut state = match load(&engine, &key).await {
        Ok(Some(s)) => Some(s),
        Ok(None) => None,
        Err(e) => {
            eprintln!("maestro: cannot load run {key:?}: {e}");
            None
        }
    };
    while let Some(run) = state.as_mut() {
        let adv: Advance = run.advance(engine.tk.now(), &HostEnv(&engine));
        if !persist(&engine, run, &key).await {
            state = reload(&engine, &key).await;
            continue;
        }
        if run.is_terminal() {
            break;
        }
        if adv.flush_first {
            continue;
        }
        held = None;
        let envelope = match adv.wake_at {
            Some(at) => tokio::select! {
                m = rx.recv() => m,
                t = engine.tk.sleep_until(at) => Some(Envelope { msg: Msg::Wake, token: t }),
            },
            None => rx.recv().await,
        };
        let Some(Envelope { msg, token }) = envelope else {
            break;
        };
        held = Some(token);
        let now = engine.tk.now();
        let env = HostEnv(&engine);
        match msg {
            Msg::Wake => run.poll_all(),
            Msg::Instance {
                action,
                user,
                reply,
            } => {
                let r = run.act_on_instance(action, &user, now, &env);
                let ok = persist(&engine, run, &key).await;
                let _ = reply.send(if ok { r } else { Err(store_failed()) });
            }
            Msg::Step {
                step_id,
                action,
                user,
                reply,
            } => {
                let r = run.act_on_step(&step_id, action, &user, now, &env);
                let ok = persist(&engine, run, &key).await;
                let _ = reply.send(if ok { r } else { Err(store_failed()) });
            }
        }
    }
    rx.close();
    while let Ok(Envelope { msg, token: _t }) = rx.try_recv() {
        match msg {
            Msg::Wake => {}
            Msg::Instance { reply, .. } => {
                let _ = reply.send(Err(finished(&key)));
            }
            Msg::Step { reply, .. } => {
                let _ = reply.send(Err(finished(&key)));
            }
        }
    }
    drop(rx);
    engine.actor_done(&key);
    drop(held);
}

async fn reload(engine: &Engine, key: &RunKey) -> Option<RunState> {
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    load(engine, key).await.ok().flatten()
}

fn store_failed() -> maestro_core::EngineError {
    maestro_core::EngineError::internal("the database write failed; the action was not applied")
}

fn finished(key: &RunKey) -> maestro_core::EngineError {
    maestro_core::EngineError::invalid(format!(
        "workflow instance [{}][{}][{}] is already in a terminal status",
        key.0, key.1, key.2
    ))
}
