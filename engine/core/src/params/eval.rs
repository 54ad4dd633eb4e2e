//! Evaluating params (SPEC §2.9): a depth-first walk in declaration order that evaluates
//! each param's references first, with cycle detection; expressions run on sel-core,
//! literals are interpolated; every result is converted to the declared type.

use std::collections::HashMap;

use maestro_model::instance::{Parameter, ParameterMap, StepInstance};
use maestro_model::interpolation::{interpolate, references};
use maestro_model::ParamType;
use sel_core::Value;
use serde_json::{Map, Value as Json};

use super::extension::{InstanceView, ParamsExtension, StepView};
use crate::value::{convert, json_to_sel, render, sel_to_json};

/// The separator of `stepId__param` references.
const SEPARATOR: &str = "__";

/// The steps of the run that finished before the one being evaluated.
pub trait Upstream {
    /// The latest attempt of `step_id`, when it has finished in a complete status.
    fn step(&self, step_id: &str) -> Option<&StepInstance>;
    /// Whether the workflow has a step of that id (to split `a___b` references).
    fn has_step(&self, step_id: &str) -> bool;
}

/// No upstream steps (workflow scope, validation).
impl Upstream for () {
    fn step(&self, _: &str) -> Option<&StepInstance> {
        None
    }
    fn has_step(&self, _: &str) -> bool {
        false
    }
}

/// What every evaluation needs from its host.
pub struct Evaluation<'a> {
    pub evaluator: &'a sel_core::Evaluator,
    pub now: i64,
    pub instance: &'a InstanceView<'a>,
}

struct Walk<'a, 'm> {
    ev: &'a Evaluation<'a>,
    upstream: &'a dyn Upstream,
    /// The map being evaluated.
    target: &'m mut ParameterMap,
    /// Step scope: the (evaluated) workflow params and the step.
    outer: Option<(&'a ParameterMap, &'a StepView<'a>)>,
    visiting: Vec<String>,
}

/// Evaluates every workflow param in place.
pub fn evaluate_workflow_params(
    params: &mut ParameterMap,
    ev: &Evaluation<'_>,
) -> Result<(), String> {
    let names: Vec<String> = params.keys().cloned().collect();
    let mut w = Walk {
        ev,
        upstream: &(),
        target: params,
        outer: None,
        visiting: Vec::new(),
    };
    for n in names {
        w.ensure(&n)?;
    }
    Ok(())
}

/// Evaluates every step param in place, in step scope.
pub fn evaluate_step_params(
    params: &mut ParameterMap,
    workflow_params: &ParameterMap,
    step: &StepView<'_>,
    ev: &Evaluation<'_>,
    upstream: &dyn Upstream,
) -> Result<(), String> {
    let names: Vec<String> = params.keys().cloned().collect();
    let mut w = Walk {
        ev,
        upstream,
        target: params,
        outer: Some((workflow_params, step)),
        visiting: Vec::new(),
    };
    for n in names {
        w.ensure(&n)?;
    }
    Ok(())
}

/// Evaluates one extra definition (a successor condition, a timeout) in step scope
/// against already evaluated step params, without adding it to them.
pub fn evaluate_in_step_scope(
    name: &str,
    def: &Parameter,
    params: &mut ParameterMap,
    workflow_params: &ParameterMap,
    step: &StepView<'_>,
    ev: &Evaluation<'_>,
    upstream: &dyn Upstream,
) -> Result<Json, String> {
    let mut w = Walk {
        ev,
        upstream,
        target: params,
        outer: Some((workflow_params, step)),
        visiting: Vec::new(),
    };
    w.value_of(name, def)
}

impl Walk<'_, '_> {
    fn scope_text(&self) -> String {
        match self.outer {
            Some((_, st)) => format!("step [{}]", st.step_id),
            None => format!("workflow [{}]", self.ev.instance.workflow_id),
        }
    }

    /// Evaluates `name` of the target map if it is not yet.
    fn ensure(&mut self, name: &str) -> Result<(), String> {
        let Some(p) = self.target.get(name) else {
            return Ok(());
        };
        if p.is_evaluated() {
            return Ok(());
        }
        if self.visiting.iter().any(|v| v == name) {
            return Err(format!(
                "In {}, param [{name}] definition contains a cyclic reference chain",
                self.scope_text()
            ));
        }
        let def = p.clone();
        self.visiting.push(name.to_string());
        let result = self.value_of(name, &def);
        self.visiting.pop();
        let (value, note) = result.and_then(|v| {
            convert(def.ty, v).map_err(|e| format!("Failed to evaluate param [{name}]: {e}"))
        })?;
        if let Some(p) = self.target.get_mut(name) {
            p.evaluated_result = Some(value);
            p.evaluated_time = Some(self.ev.now);
            if let Some((k, text)) = note {
                p.meta.insert(k.to_string(), Json::String(text));
            }
        }
        Ok(())
    }

    /// The (unconverted) value of a definition.
    fn value_of(&mut self, name: &str, def: &Parameter) -> Result<Json, String> {
        if let Some(expr) = &def.expression {
            return self.expression(name, expr);
        }
        let Some(v) = &def.value else {
            return Ok(Json::Null);
        };
        match def.ty {
            ParamType::String => match v {
                Json::String(s) => Ok(Json::String(self.interpolate(name, s)?)),
                other => Ok(other.clone()),
            },
            ParamType::StringArray => match v {
                Json::Array(items) => items
                    .iter()
                    .map(|x| match x {
                        Json::String(s) => self.interpolate(name, s).map(Json::String),
                        other => Ok(other.clone()),
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(Json::Array),
                other => Ok(other.clone()),
            },
            ParamType::StringMap => match v {
                Json::Object(m) => {
                    let mut out = Map::new();
                    for (k, x) in m {
                        let k = self.interpolate(name, k)?;
                        let x = match x {
                            Json::String(s) => Json::String(self.interpolate(name, s)?),
                            other => other.clone(),
                        };
                        out.insert(k, x);
                    }
                    Ok(Json::Object(out))
                }
                other => Ok(other.clone()),
            },
            ParamType::Map => match v {
                Json::Object(m) => {
                    let mut out = Map::new();
                    for (k, x) in m {
                        let nested: Parameter = serde_json::from_value(x.clone()).map_err(|e| {
                            format!("param [{name}] has an invalid nested definition [{k}]: {e}")
                        })?;
                        let raw = self.value_of(&format!("{name}.{k}"), &nested)?;
                        let (val, _) = convert(nested.ty, raw)
                            .map_err(|e| format!("Failed to evaluate param [{name}.{k}]: {e}"))?;
                        out.insert(k.clone(), val);
                    }
                    Ok(Json::Object(out))
                }
                other => Ok(other.clone()),
            },
            _ => Ok(v.clone()),
        }
    }

    fn interpolate(&mut self, name: &str, text: &str) -> Result<String, String> {
        let mut values: HashMap<String, String> = HashMap::new();
        for r in references(text) {
            if !values.contains_key(&r.name) {
                let (_, v) = self.resolve(name, &r.name)?;
                values.insert(r.name.clone(), render(&v));
            }
        }
        interpolate(text, |n| {
            values
                .get(n)
                .cloned()
                .ok_or_else(|| format!("param [{name}] references [{n}] which has no value"))
        })
    }

    fn expression(&mut self, name: &str, expr: &str) -> Result<Json, String> {
        let src = sel_core::sanitize(expr);
        let evaluator = self.ev.evaluator;
        let names = evaluator
            .validate(&src)
            .map_err(|e| format!("Failed to evaluate param [{name}]: {e}"))?;
        let mut vars: HashMap<String, Value> = HashMap::new();
        let mut all_params = false;
        for n in &names {
            if n == "params" {
                all_params = true;
                continue;
            }
            let (ty, v) = self.resolve(name, n)?;
            vars.insert(n.clone(), json_to_sel(ty, &v));
        }
        if all_params {
            if let Some((wf, _)) = self.outer {
                for (k, p) in wf {
                    if let Some(v) = &p.evaluated_result {
                        vars.entry(k.clone())
                            .or_insert_with(|| json_to_sel(p.ty, v));
                    }
                }
            }
        }
        let ext = ParamsExtension {
            instance: self.ev.instance,
            step: self.outer.map(|(_, st)| st),
            upstream: self.upstream,
            workflow_scope: self.outer.is_none(),
        };
        let result = evaluator
            .evaluate(&src, &vars, Some(&ext))
            .map_err(|e| format!("Failed to evaluate param [{name}]: {e}"))?;
        sel_to_json(&result).map_err(|ty| {
            format!("Failed to evaluate param [{name}]: the expression returned a {ty}, which a param cannot hold")
        })
    }

    /// The type and value a reference `r` (made by param `name`) reads.
    fn resolve(&mut self, name: &str, r: &str) -> Result<(ParamType, Json), String> {
        match self.outer {
            None => self.resolve_workflow(name, r),
            Some((wf, st)) => self.resolve_step(name, r, wf, st),
        }
    }

    fn evaluated(&mut self, n: &str) -> Result<(ParamType, Json), String> {
        self.ensure(n)?;
        let p = &self.target[n];
        Ok((p.ty, p.evaluated_result.clone().unwrap_or(Json::Null)))
    }

    fn resolve_workflow(&mut self, name: &str, r: &str) -> Result<(ParamType, Json), String> {
        if self.target.contains_key(r) {
            return self.evaluated(r);
        }
        if r.contains(SEPARATOR) {
            return Err(format!(
                "Failed to evaluate the param with a definition: [{r}]. Please check if there is a typo in the expression."
            ));
        }
        Err(format!(
            "Param [{name}] referenced a non-existing param [{r}] in workflow [{}]",
            self.ev.instance.workflow_id
        ))
    }

    fn resolve_step(
        &mut self,
        name: &str,
        r: &str,
        wf: &ParameterMap,
        st: &StepView<'_>,
    ) -> Result<(ParamType, Json), String> {
        if let Some(idx) = r.find(SEPARATOR) {
            let (step_id, param) = self.split_reference(r, idx)?;
            if step_id == st.step_id {
                if self.target.contains_key(param) {
                    return self.evaluated(param);
                }
                return Err(format!(
                    "Param [{name}] referenced a non-existing param [{r}] in step [{}]",
                    st.step_id
                ));
            }
            if !self.upstream.has_step(step_id) {
                return Err(format!(
                    "Failed to evaluate the param with a definition: [{r}]. Please check if there is a typo in the expression."
                ));
            }
            let step = self.upstream.step(step_id).ok_or_else(|| {
                format!(
                    "Referenced step [{step_id}] of param [{name}] in step [{}] has not finished. Note that a step can only reference its upstream step's param.",
                    st.step_id
                )
            })?;
            let p = step.params.get(param).ok_or_else(|| {
                format!("Cannot find the referenced param name [{param}] in step [{step_id}]")
            })?;
            let v = p.evaluated_result.clone().ok_or_else(|| {
                format!(
                    "Referenced param [{param}] in step [{step_id}] is not evaluated yet. Note that a step can only reference its upstream step's param."
                )
            })?;
            return Ok((p.ty, v));
        }
        if let Some(p) = self.target.get(r) {
            if let Some(v) = &p.evaluated_result {
                return Ok((p.ty, v.clone()));
            }
        }
        if let Some(p) = wf.get(r) {
            return Ok((p.ty, p.evaluated_result.clone().unwrap_or(Json::Null)));
        }
        if self.target.contains_key(r) {
            return self.evaluated(r);
        }
        Err(format!(
            "Cannot find the referenced param [{r}] in step [{}] or upstream steps or the workflow",
            st.step_id
        ))
    }

    /// Splits `stepId__param`; with an overlapping separator (`_s___x`) the step that
    /// exists decides.
    fn split_reference<'r>(&self, r: &'r str, first: usize) -> Result<(&'r str, &'r str), String> {
        let last = r.rfind(SEPARATOR).unwrap_or(first);
        let mut at = first;
        if first != last {
            let id1 = &r[..first];
            let id2 = &r[..first + 1];
            let (f1, f2) = (self.upstream.has_step(id1), self.upstream.has_step(id2));
            match (f1, f2) {
                (false, true) => at = first + 1,
                (true, true) => {
                    return Err(format!(
                        "reference [{r}] cannot be parsed due to ambiguity (both step ids [{id1}] and [{id2}] exist in the workflow"
                    ))
                }
                (false, false) => {
                    return Err(format!(
                        "reference [{r}] cannot be parsed as cannot find either step id [{id1}] or [{id2}] in the workflow"
                    ))
                }
                (true, false) => {}
            }
        }
        Ok((&r[..at], &r[at + SEPARATOR.len()..]))
    }
}
