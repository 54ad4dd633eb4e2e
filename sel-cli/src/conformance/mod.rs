//! The conformance runner: replays the reference implementation's observed results.
//!
//! A corpus is a JSON-lines file of cases (`tests/data/sel-public.jsonl`, format in
//! `tests/data/README.md`). Each case is validated and then evaluated exactly the way
//! Maestro calls the Java reference, and the outcome is compared with what the
//! reference produced, as strictly as the case's `compare` mode allows.
//!
//! Cases we knowingly diverge on are listed, one id per line with the reason, in a
//! known-divergences file; the runner reports them apart, and a listed case that now
//! passes is reported as stale so the list can only shrink.

mod case;
mod compare;
mod report;
mod run;

pub use case::{load_cases, Case, CompareMode};
pub use compare::{compare, Verdict};
pub use report::{load_known_divergences, Report};
pub use run::{observation_clock_millis, run_case, Actual, Runner};
