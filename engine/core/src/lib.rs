//! The engine's core: everything Maestro decides about a run, as pure code.
//!
//! Params (assembly, interpolation, evaluation with sel-core, conversion), the runtime
//! DAG, readiness and joins, the step and instance state machines, retries, timeouts and
//! failure modes. Nothing here does I/O or reads the wall clock: a host (the `maestro`
//! crate) feeds events and the current time in, persists what [`run::RunState`] marks
//! as changed, and calls step runtimes through the [`runtime::StepRuntime`] trait. Tests
//! drive the same code with virtual time.
//!
//! Invariant: a [`run::RunState`] only moves forward through the transitions of SPEC
//! §4.2; every transition it makes is recorded in its change log so that a host that
//! persists the log after each [`run::RunState::advance`] never loses a transition.

pub mod clock;
pub mod dag;
pub mod duration;
pub mod error;
pub mod params;
pub mod retry;
pub mod run;
pub mod runtime;
pub mod start;
pub mod validate;
pub mod value;

pub use error::EngineError;

/// SEL as Maestro runs it: the production limits and the `Util.toJson` Maestro registers.
/// Every place that evaluates a workflow's SEL (the engine, `maestro validate`, the
/// language server's push-time checks) starts from this one.
pub fn maestro_evaluator() -> sel_core::Evaluator {
    sel_core::Evaluator::new(sel_core::Limits::default())
        .with_util_function("toJson", sel_core::maestro::to_json())
}
