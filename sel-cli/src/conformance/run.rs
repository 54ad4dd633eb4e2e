//! Running one case the way Maestro calls the reference: validate, then evaluate.

use super::case::Case;
use sel_core::{Evaluator, FixedClock, Limits, SelError, Value};
use serde_json::{json, Map, Value as Json};
use std::collections::HashMap;
use std::sync::Arc;

/// The instant the public corpus was observed at (2026-11-21T19:52:15.913Z). The
/// runner pins "now" there, so cases that depend on the current year (two-digit year
/// parsing) or on "now" give the results they gave then.
pub fn observation_clock_millis() -> i64 {
    1_795_290_735_913
}

/// What one case produced, in exactly the shape of the corpus's `expect` object.
#[derive(Clone, Debug, PartialEq)]
pub struct Actual(pub Json);

/// Runs cases on an evaluator configured like Maestro's production one.
pub struct Runner {
    evaluator: Evaluator,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new(Limits::default())
    }
}

impl Runner {
    /// An evaluator with the given limits, the default zone UTC, the clock pinned to
    /// [`observation_clock_millis`] and Maestro's `Util.toJson` registered.
    pub fn new(limits: Limits) -> Runner {
        let evaluator = Evaluator::new(limits)
            .with_clock(Arc::new(FixedClock(observation_clock_millis())))
            .with_default_zone("UTC")
            .with_util_function("toJson", sel_core::maestro::to_json());
        Runner { evaluator }
    }

    /// The same evaluator with a program cache of `capacity` texts
    /// ([`Evaluator::with_cache`]); results must not change.
    pub fn with_cache(mut self, capacity: usize) -> Runner {
        self.evaluator = self.evaluator.with_cache(capacity);
        self
    }

    /// The cache's figures, if [`Runner::with_cache`] set one up.
    pub fn cache_stats(&self) -> Option<sel_core::CacheStats> {
        self.evaluator.cache_stats()
    }

    pub fn run(&self, case: &Case) -> Actual {
        run_case(&self.evaluator, case)
    }
}

/// Validates then evaluates `case` on `evaluator`.
pub fn run_case(evaluator: &Evaluator, case: &Case) -> Actual {
    let vars = match case_vars(case) {
        Ok(v) => v,
        Err(msg) => {
            return Actual(json!({"ok": false, "error": format!("harness: {msg}")}));
        }
    };
    let expr = if case.sanitize {
        sel_core::sanitize(&case.expr)
    } else {
        case.expr.clone()
    };
    // Setup expressions run first on the same evaluator; their results are ignored.
    // (The reference leaked state from them through its static objects; we do not.)
    for setup in &case.setup {
        let _ = evaluator.evaluate(setup, &vars, None);
    }
    let mut out = Map::new();
    match evaluator.evaluate(&expr, &vars, None) {
        Ok(v) => {
            out.insert("ok".into(), Json::Bool(true));
            out.insert("type".into(), Json::String(v.type_name().into()));
            out.insert("value".into(), v.to_json());
            out.insert("display".into(), Json::String(v.display()));
        }
        Err(e) => {
            out.insert("ok".into(), Json::Bool(false));
            out.insert("error".into(), Json::String(e.to_string()));
            if let Some(cause) = &e.cause {
                out.insert("cause".into(), Json::String(cause.to_string()));
            }
        }
    }
    match evaluator.validate(&expr) {
        Ok(refs) => {
            out.insert(
                "refs".into(),
                Json::Array(refs.into_iter().map(Json::String).collect()),
            );
        }
        Err(e) => {
            out.insert("refs_error".into(), Json::String(error_text(&e)));
        }
    }
    Actual(Json::Object(out))
}

fn error_text(e: &SelError) -> String {
    e.to_string()
}

/// Converts the case's `vars` like Maestro converts evaluated params, honouring the
/// `var_types` overrides.
fn case_vars(case: &Case) -> Result<HashMap<String, Value>, String> {
    let mut vars = HashMap::new();
    let Some(map) = &case.vars else {
        return Ok(vars);
    };
    for (name, json) in map {
        let value = match case.var_types.as_ref().and_then(|t| t.get(name)) {
            Some(ty) => {
                Value::from_json_typed(json, ty).map_err(|e| format!("var {name} as {ty}: {e}"))?
            }
            None => Value::from_json(json),
        };
        vars.insert(name.clone(), value);
    }
    Ok(vars)
}
