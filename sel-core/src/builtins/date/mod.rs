//! The Joda-Time classes of SEL (§7.12–§7.17) on top of [`crate::joda`]: `DateTime`
//! (constructors and JM methods), `DateTime.Property`, `DateTimeFormat` /
//! `DateTimeFormatter`, `DateTimeZone`, `Days`, and the date helpers of `Util`.
//!
//! The joda module is pure; what it needs from the evaluation (the default zone, the
//! clock) and a small cache of compiled patterns live in [`DateCtx`], one per
//! evaluation, so nothing is global.

pub(crate) mod ctor;
pub(crate) mod datetime;
pub(crate) mod days;
pub(crate) mod formatter;
pub(crate) mod property;
pub(crate) mod util;
pub(crate) mod zone;

#[cfg(test)]
mod tests;

use crate::error::SelError;
use crate::interp::Interp;
use crate::joda::{DateTime, Formatter, Zone};
use crate::rt::{Entry, Str, Val};

/// How many compiled patterns an evaluation keeps: expressions use one or two.
const PATTERN_CACHE: usize = 8;

/// Per-evaluation date state.
#[derive(Default)]
pub(crate) struct DateCtx {
    /// The evaluator's default zone, resolved on first use.
    zone: Option<Zone>,
    /// Recently compiled patterns (`forPattern`, `toString(pattern)`), so that a loop
    /// formatting dates compiles its pattern once.
    patterns: Vec<(Str, Formatter)>,
    /// The slot the next new pattern replaces once the cache is full.
    next: usize,
}

impl Interp<'_> {
    /// The zone of `new DateTime()` and of zone-less formatters. An id the joda module
    /// does not know (the host configured it) falls back to UTC, Maestro's zone.
    pub fn default_zone(&mut self) -> Zone {
        if let Some(z) = self.dates.zone {
            return z;
        }
        let z = Zone::for_id_accepting_newer(self.ev.default_zone()).unwrap_or(Zone::UTC);
        self.dates.zone = Some(z);
        z
    }

    /// The current instant (the evaluator's clock).
    pub fn now_ms(&self) -> i64 {
        self.ev.clock().now_millis()
    }

    /// `DateTimeFormat.forPattern(pattern)`, compiled once per evaluation.
    pub fn pattern(&mut self, pattern: &Str) -> Result<Formatter, SelError> {
        let cache = &mut self.dates;
        if let Some((_, f)) = cache.patterns.iter().find(|(p, _)| **p == **pattern) {
            return Ok(f.clone());
        }
        let f = Formatter::for_pattern(pattern)?;
        if cache.patterns.len() < PATTERN_CACHE {
            cache.patterns.push((pattern.clone(), f.clone()));
        } else {
            cache.patterns[cache.next] = (pattern.clone(), f.clone());
            cache.next = (cache.next + 1) % PATTERN_CACHE;
        }
        Ok(f)
    }
}

/// A charged DATETIME result.
pub(crate) fn datetime_result(it: &mut Interp<'_>, dt: DateTime) -> Result<Entry, SelError> {
    it.mem.charge_object()?;
    Ok(Entry::Tmp(Val::DateTime(Some(dt))))
}

/// The NullPointerException of calling a Joda method on a null payload.
pub(crate) fn null_receiver(method: &str) -> SelError {
    SelError::npe(format!(
        "Cannot invoke \"{method}\" because \"this.val\" is null"
    ))
}

/// The NullPointerException of Joda's parsers on null text.
pub(crate) fn null_text() -> SelError {
    SelError::npe("Cannot invoke \"java.lang.CharSequence.length()\" because \"text\" is null")
}
