//! Inlay hints: each workflow param's value for a default run, where it can be computed
//! without side effects. Params are evaluated in dependency order with
//! `sel_core::Evaluator`, small limits and a short timeout, with the values of already
//! evaluated params as variables. Expressions that call `params.*` extension methods or
//! non-deterministic built-ins are skipped, and so is everything depending on them.
//!
//! Maestro's time-derived default params (`RUN_DATE`, `TARGET_RUN_DATE`, ...) depend on
//! the run's `RUN_TS`; given one (the `sel.runTs` setting), they get values too, shown
//! after each SEL name that reads them and used for the params that depend on them.

use super::defaults;
use crate::document::Analysis;
use crate::workflow::Workflow;
use maestro_model::{NodeKind, Owner, ParamType, SiteKind};
use sel_core::{catalog, Evaluator, Limits, Value};
use sel_grammar::ast::ExprKind;
use std::collections::HashMap;
use std::time::Duration;

/// A hint: `label` shown at document offset `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub at: usize,
    pub label: String,
}

fn limits() -> Limits {
    Limits {
        loops: 10_000,
        array: 10_000,
        visits: 1_000_000,
        memory: 10_000_000,
        timeout: Duration::from_millis(200),
        ..Limits::default()
    }
}

/// The hints of a workflow document, in document order; `run_ts` (epoch ms) gives the
/// default params their values.
pub fn hints(a: &Analysis, run_ts: Option<i64>) -> Vec<Hint> {
    let Some(w) = &a.workflow else {
        return Vec::new();
    };
    let defaults: HashMap<String, Value> = run_ts
        .and_then(|ts| defaults::time_values(ts, &cron_timezone(w)))
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, _)| w.workflow_param(n).is_none())
        .map(|(n, v)| (n.to_string(), v))
        .collect();
    let mut ev = Eval {
        w,
        evaluator: Evaluator::new(limits()),
        values: HashMap::new(),
        active: Vec::new(),
        defaults: &defaults,
    };
    let mut out = Vec::new();
    for site in &w.sites {
        let Owner::WorkflowParam { path } = &site.owner else {
            continue;
        };
        if path.len() != 1
            || !matches!(
                site.kind,
                SiteKind::ParamExpression | SiteKind::DslExpression
            )
        {
            continue;
        }
        if let Some(v) = ev.value(&path[0]) {
            out.push(Hint {
                at: site.span.end,
                label: format!("= {}", v.to_json()),
            });
        }
    }
    // After each SEL name that reads a default param.
    for u in &a.units {
        let p = u.program();
        for e in &p.exprs {
            let ExprKind::Name(id) = &e.kind else {
                continue;
            };
            let name = p.name(id.sym);
            if u.types.bindings.iter().any(|b| b.name == name) {
                continue;
            }
            if let Some(v) = defaults.get(name) {
                out.push(Hint {
                    at: u.doc_span_of(id.span).1,
                    label: format!("= {}", v.to_json()),
                });
            }
        }
    }
    out.sort_by_key(|h| h.at);
    out
}

/// `WORKFLOW_CRON_TIMEZONE` of a run that is not time-triggered: `DSL_DEFAULT_TZ`, the
/// first time trigger's timezone, else UTC.
fn cron_timezone(w: &Workflow) -> String {
    w.doc
        .workflow
        .as_ref()
        .and_then(|wf| wf.time_triggers.first())
        .and_then(|t| t.timezone.as_ref())
        .map_or_else(|| "UTC".to_string(), |t| t.value.clone())
}

struct Eval<'a> {
    w: &'a Workflow,
    evaluator: Evaluator,
    /// `None` = could not be computed.
    values: HashMap<String, Option<Value>>,
    /// The params being evaluated (cycle guard).
    active: Vec<String>,
    /// Default params with a value (for a given `RUN_TS`).
    defaults: &'a HashMap<String, Value>,
}

impl Eval<'_> {
    fn value(&mut self, name: &str) -> Option<Value> {
        if let Some(v) = self.values.get(name) {
            return v.clone();
        }
        if self.active.iter().any(|a| a == name) {
            return None;
        }
        self.active.push(name.to_string());
        let v = self.compute(name);
        self.active.pop();
        self.values.insert(name.to_string(), v.clone());
        v
    }

    fn compute(&mut self, name: &str) -> Option<Value> {
        let p = self.w.doc.workflow.as_ref()?.params.get(name)?;
        let Some(expr) = &p.expression else {
            return literal(p.value.as_ref()?, p.ty()?, self.has_references(name));
        };
        let src = sel_core::sanitize(&expr.text);
        let parse = sel_grammar::parse(&src);
        if !parse.errors.is_empty() || !deterministic(&parse.program) {
            return None;
        }
        let names = self.evaluator.validate(&src).ok()?;
        let mut vars: HashMap<String, Value> = HashMap::new();
        for n in names {
            if n == "params" {
                continue;
            }
            let v = match self.defaults.get(&n) {
                Some(v) if self.w.workflow_param(&n).is_none() => v.clone(),
                _ => {
                    self.w.workflow_param(&n)?;
                    self.value(&n)?
                }
            };
            vars.insert(n.clone(), v);
        }
        self.evaluator.evaluate(&src, &vars, None).ok()
    }

    /// Whether the literal of param `name` is interpolated with references.
    fn has_references(&self, name: &str) -> bool {
        self.w.sites.iter().any(|s| {
            matches!(&s.owner, Owner::WorkflowParam { path } if path.first().map(String::as_str) == Some(name))
                && !s.references.is_empty()
        })
    }
}

/// Whether a program avoids host calls and built-ins whose result changes between runs.
fn deterministic(p: &sel_grammar::Program) -> bool {
    p.exprs.iter().all(|e| match &e.kind {
        ExprKind::Call { recv, name, .. } => {
            let n = p.name(name.sym);
            let on_params =
                matches!(&p.expr(*recv).kind, ExprKind::Name(id) if p.name(id.sym) == "params");
            // Anything but `get`/`containsKey` on `params` goes to the host extension.
            let host = on_params && catalog::overloads("PRESET_PARAMS", n).all(|m| m.host);
            !host
                && !matches!(
                    n,
                    "random" | "randomUUID" | "currentTimeMillis" | "nextUniqueId" | "toJson"
                )
        }
        ExprKind::New { class, args } => !(p.name(class.sym) == "DateTime" && args.is_empty()),
        _ => true,
    })
}

/// The value of a literal param, for types whose literal is its value.
fn literal(node: &maestro_model::Node, ty: ParamType, interpolated: bool) -> Option<Value> {
    let scalar = |n: &maestro_model::Node| -> Option<Value> {
        Some(match &n.kind {
            NodeKind::String(s) => Value::String(Some(s.value.clone())),
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(x) if x.is_integer() => Value::Long(x.as_i64()?),
            NodeKind::Number(x) => Value::Double(x.as_f64()?),
            _ => return None,
        })
    };
    let items = || {
        node.as_array()
            .map(|a| a.iter().map(scalar).collect::<Option<Vec<_>>>())
    };
    match (ty, scalar(node)) {
        (ParamType::String, Some(Value::String(s))) if !interpolated => Some(Value::String(s)),
        (ParamType::Long, Some(v @ Value::Long(_))) => Some(v),
        (ParamType::Double, Some(Value::Double(d))) => Some(Value::Double(d)),
        (ParamType::Double, Some(Value::Long(n))) => Some(Value::Double(n as f64)),
        (ParamType::Boolean, Some(v @ Value::Bool(_))) => Some(v),
        (ParamType::LongArray, _) => items()??
            .into_iter()
            .map(|v| {
                if let Value::Long(n) = v {
                    Some(n)
                } else {
                    None
                }
            })
            .collect::<Option<Vec<_>>>()
            .map(Value::LongArray),
        (ParamType::StringArray, _) if !interpolated => items()??
            .into_iter()
            .map(|v| {
                if let Value::String(s) = v {
                    Some(s)
                } else {
                    None
                }
            })
            .collect::<Option<Vec<_>>>()
            .map(Value::StringArray),
        _ => None,
    }
}
