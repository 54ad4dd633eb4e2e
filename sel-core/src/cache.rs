//! A bounded cache of prepared programs, keyed by source text, for hosts that evaluate
//! the same expressions over and over (a workflow engine re-evaluates every param on
//! every run). Parsing is a pure function of the text and the length limit, and an
//! evaluator's limits never change, so a cached parse (or parse error) is exactly what
//! parsing afresh would give; every evaluation still gets fresh state.
//!
//! Bounded: at most `capacity` entries, each a program whose text is under the length
//! limit. When full, the least recently used entry goes. Hits take a shared lock and
//! bump an atomic stamp, so concurrent evaluations of cached programs do not serialise.

use crate::error::SelError;
use crate::evaluator::Prepared;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// What [`crate::Evaluator::cache_stats`] reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Evaluations (and validations) that found their program in the cache.
    pub hits: u64,
    /// Those that parsed afresh (and stored the outcome).
    pub misses: u64,
    /// Programs held now (at most the capacity).
    pub entries: usize,
    pub capacity: usize,
}

/// A parse outcome as stored: the program, or the error parsing gave.
pub(crate) type Parsed = Result<Arc<Prepared>, SelError>;

struct Slot {
    parsed: Parsed,
    /// The clock value of the last use (for least-recently-used eviction).
    used: AtomicU64,
}

pub(crate) struct ProgramCache {
    capacity: usize,
    map: RwLock<HashMap<Box<str>, Slot>>,
    clock: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl ProgramCache {
    pub(crate) fn new(capacity: usize) -> ProgramCache {
        ProgramCache {
            capacity,
            map: RwLock::new(HashMap::with_capacity(capacity.min(1024))),
            clock: AtomicU64::new(0),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed)
    }

    /// The cached outcome for `src`, or `parse(src)` stored for next time.
    pub(crate) fn get_or_parse(&self, src: &str, parse: impl FnOnce() -> Parsed) -> Parsed {
        // A poisoned lock only means another thread panicked while holding it; the map
        // itself is always consistent (entries are inserted whole), so go on using it.
        if let Some(slot) = self.map.read().unwrap_or_else(|e| e.into_inner()).get(src) {
            slot.used.store(self.tick(), Ordering::Relaxed);
            self.hits.fetch_add(1, Ordering::Relaxed);
            return slot.parsed.clone();
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let parsed = parse();
        if self.capacity == 0 {
            return parsed;
        }
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        if !map.contains_key(src) && map.len() >= self.capacity {
            let oldest = map
                .iter()
                .min_by_key(|(_, s)| s.used.load(Ordering::Relaxed))
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                map.remove(&k);
            }
        }
        let slot = Slot {
            parsed: parsed.clone(),
            used: AtomicU64::new(self.tick()),
        };
        map.insert(src.into(), slot);
        parsed
    }

    pub(crate) fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            entries: self.map.read().unwrap_or_else(|e| e.into_inner()).len(),
            capacity: self.capacity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(src: &str) -> Parsed {
        crate::Evaluator::new(crate::Limits::default())
            .prepare(src)
            .map(Arc::new)
    }

    #[test]
    fn least_recently_used_goes_first() {
        let c = ProgramCache::new(2);
        let parses = std::cell::Cell::new(0);
        let get = |src: &str| {
            c.get_or_parse(src, || {
                parses.set(parses.get() + 1);
                prepared(src)
            })
            .unwrap();
        };
        get("1;");
        get("2;");
        get("1;"); // 1 is now the most recent
        get("3;"); // evicts 2
        get("1;");
        get("3;");
        assert_eq!(parses.get(), 3);
        get("2;");
        assert_eq!(parses.get(), 4);
        let s = c.stats();
        assert_eq!((s.hits, s.misses, s.entries, s.capacity), (3, 4, 2, 2));
    }

    #[test]
    fn errors_are_cached_too_and_capacity_zero_stores_nothing() {
        let c = ProgramCache::new(4);
        let e1 = c.get_or_parse("1 +;", || prepared("1 +;")).unwrap_err();
        let e2 = c
            .get_or_parse("1 +;", || panic!("parsed twice"))
            .unwrap_err();
        assert_eq!(e1, e2);
        let z = ProgramCache::new(0);
        z.get_or_parse("1;", || prepared("1;")).unwrap();
        assert_eq!(z.stats().entries, 0);
        assert_eq!(z.stats().misses, 1);
    }
}
