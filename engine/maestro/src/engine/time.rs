//! Time for the host: the wall clock in production, virtual time in tests.
//!
//! Virtual time moves only when the engine has nothing to do: no run actor is busy and no
//! outside work (a shell process) is running. It then jumps to the earliest timer. So a
//! 60 s retry backoff or a 10-day timeout takes no real time, and ordering is kept.
//! Everything that wakes an actor holds a *token* (a count of pending work) from the
//! moment it decides to wake it until the actor has handled the wake-up, so the clock
//! never jumps between a sender's decision and the receiver's work.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use maestro_core::clock::{Clock, SystemClock, VirtualClock};
use tokio::sync::oneshot;

struct VirtualState {
    /// Pending work: busy actors plus wake-ups in flight plus outside work.
    tokens: usize,
    timers: BTreeMap<(i64, u64), oneshot::Sender<Token>>,
}

pub struct Timekeeper {
    clock: Arc<dyn Clock>,
    virtual_clock: Option<Arc<VirtualClock>>,
    state: Mutex<VirtualState>,
    seq: AtomicU64,
}

impl Timekeeper {
    pub fn real() -> Arc<Timekeeper> {
        Arc::new(Timekeeper {
            clock: Arc::new(SystemClock),
            virtual_clock: None,
            state: Mutex::new(VirtualState {
                tokens: 0,
                timers: BTreeMap::new(),
            }),
            seq: AtomicU64::new(0),
        })
    }

    /// Virtual time starting at `start` ms; spawns the task that moves it.
    pub fn virtual_time(start: i64) -> Arc<Timekeeper> {
        let vc = VirtualClock::new(start);
        let tk = Arc::new(Timekeeper {
            clock: vc.clone(),
            virtual_clock: Some(vc),
            state: Mutex::new(VirtualState {
                tokens: 0,
                timers: BTreeMap::new(),
            }),
            seq: AtomicU64::new(0),
        });
        let weak = Arc::downgrade(&tk);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                let Some(tk) = weak.upgrade() else { return };
                tk.fire_when_idle();
            }
        });
        tk
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    pub fn now(&self) -> i64 {
        self.clock.now_millis()
    }

    pub fn is_virtual(&self) -> bool {
        self.virtual_clock.is_some()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VirtualState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A token: virtual time stands still while it lives.
    pub fn token(self: &Arc<Timekeeper>) -> Token {
        if self.is_virtual() {
            self.lock().tokens += 1;
            Token(Some(self.clone()))
        } else {
            Token(None)
        }
    }

    fn release(&self) {
        let mut s = self.lock();
        s.tokens = s.tokens.saturating_sub(1);
    }

    fn fire_when_idle(self: &Arc<Timekeeper>) {
        let Some(vc) = &self.virtual_clock else {
            return;
        };
        let mut s = self.lock();
        if s.tokens > 0 {
            return;
        }
        s.timers.retain(|_, tx| !tx.is_closed());
        let Some((&(t, _), _)) = s.timers.iter().next() else {
            return;
        };
        vc.advance_to(t);
        let due: Vec<(i64, u64)> = s.timers.range(..=(t, u64::MAX)).map(|(k, _)| *k).collect();
        let mut fire = Vec::new();
        for k in due {
            if let Some(tx) = s.timers.remove(&k) {
                fire.push(tx);
            }
        }
        drop(s);
        for tx in fire {
            // A waiter that went away drops the token with the message.
            let _ = tx.send(self.token());
        }
    }

    /// Resolves at `at` (ms) with a token the waiter holds while it handles the wake-up.
    pub async fn sleep_until(self: &Arc<Timekeeper>, at: i64) -> Token {
        if self.virtual_clock.is_some() {
            let (tx, rx) = oneshot::channel();
            let seq = self.seq.fetch_add(1, Ordering::Relaxed);
            self.lock().timers.insert((at, seq), tx);
            match rx.await {
                Ok(t) => t,
                Err(_) => std::future::pending().await,
            }
        } else {
            let wait = at.saturating_sub(self.now()).max(0) as u64;
            tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
            Token(None)
        }
    }
}

/// Pending work in virtual time (nothing in real time); released when dropped.
pub struct Token(Option<Arc<Timekeeper>>);

impl Drop for Token {
    fn drop(&mut self) {
        if let Some(tk) = self.0.take() {
            tk.release();
        }
    }
}
