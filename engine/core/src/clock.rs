//! Time for the engine. The core never reads the wall clock: hosts pass `now` in. This
//! module holds the one clock type that both the host and SEL evaluations use, so that in
//! tests `System.currentTimeMillis()` and a Sleep step see the same virtual time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

pub use sel_core::{Clock, SystemClock};

/// A clock that moves only when told to.
#[derive(Debug, Default)]
pub struct VirtualClock {
    now: AtomicI64,
}

impl VirtualClock {
    pub fn new(start_millis: i64) -> Arc<VirtualClock> {
        Arc::new(VirtualClock {
            now: AtomicI64::new(start_millis),
        })
    }

    /// Moves the clock to `t` (never backwards).
    pub fn advance_to(&self, t: i64) {
        self.now.fetch_max(t, Ordering::SeqCst);
    }
}

impl Clock for VirtualClock {
    fn now_millis(&self) -> i64 {
        self.now.load(Ordering::SeqCst)
    }
}
