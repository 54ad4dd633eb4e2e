//! Params (SPEC §2): the defaults a run starts from, the merge rules that layer
//! definitions, run params and restart params, and their evaluation in workflow and step
//! scope with sel-core.

mod defaults;
mod eval;
mod extension;
mod merge;

pub use defaults::{default_step_params, default_workflow_params};
pub use eval::{
    evaluate_in_step_scope, evaluate_step_params, evaluate_workflow_params, Evaluation, Upstream,
};
pub use extension::{InstanceView, StepView};
pub use merge::{cleanup, merge_params, Source};

use maestro_model::instance::{Parameter, ParameterMap};
use maestro_model::ParamMap;

/// The parameters of a model param map, in order.
pub fn from_model(map: &ParamMap) -> ParameterMap {
    map.iter()
        .map(|p| (p.name.text.clone(), Parameter::from_model(p)))
        .collect()
}

/// The maximum number of run params a start or restart request may carry (§2.14).
pub const MAX_RUN_PARAMS: usize = 128;
/// The largest JSON size of one param map (§2.14).
pub const MAX_PARAMS_JSON_CHARS: usize = 750_000;

/// Names a run param may not use (§1.14).
pub const RESERVED_RUN_PARAM_NAMES: &[&str] = &[
    "maestro",
    "Maestro",
    "MAESTRO",
    "scheduler",
    "Scheduler",
    "SCHEDULER",
    "util",
    "Util",
    "UTIL",
    "params",
    "Params",
    "PARAMS",
    "AUTH_BLOB",
    "AUTH_DATA",
    "AUTH_ACTING_ON_BEHALF_OF_BLOB",
    "AUTH_TRIGGERING_ON_BEHALF_OF_BLOB",
    "AUTHORIZED_MANAGERS",
];

/// Checks run params of a start/restart request (§1.14, §2.14).
pub fn check_run_params(params: &ParameterMap) -> Result<(), String> {
    if params.len() > MAX_RUN_PARAMS {
        return Err(format!(
            "run params have {} entries, more than the limit of {MAX_RUN_PARAMS}",
            params.len()
        ));
    }
    for (name, p) in params {
        if RESERVED_RUN_PARAM_NAMES.contains(&name.as_str()) {
            return Err(format!("run param [{name}] uses a reserved name"));
        }
        if p.source().is_some() {
            return Err(format!("run param [{name}] must not set its source"));
        }
        if p.value.is_some() == p.expression.is_some() {
            return Err(format!(
                "run param [{name}] must have exactly one of value and expression"
            ));
        }
    }
    Ok(())
}

/// Checks the JSON size limit of an evaluated map (§2.14).
pub fn check_size(what: &str, params: &ParameterMap) -> Result<(), String> {
    let size = serde_json::to_string(params).map(|s| s.len()).unwrap_or(0);
    if size > MAX_PARAMS_JSON_CHARS {
        return Err(format!(
            "the params of {what} are {size} characters of JSON, more than the limit of {MAX_PARAMS_JSON_CHARS}"
        ));
    }
    Ok(())
}
