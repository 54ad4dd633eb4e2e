//! The model written back as Maestro's canonical JSON (SPEC §1): what the REST API returns
//! as a definition, what an instance keeps as `runtime_workflow`, and what the store keeps.
//!
//! JSON and the YAML DSL read into the same model; writing the model (not the input text)
//! gives both one stored form. Fields the model keeps raw (timeouts, tags, retry policies)
//! are written as they were read.

use serde_json::{Map, Value as Json};

use crate::model::{Param, ParamMap, Properties, SignalDependency, SignalOutput, Step, Workflow};
use crate::model::{SignalTrigger, StepKind, TimeTrigger};
use crate::spanned::{Member, Node, NodeKind};

/// A spanned node as plain JSON. Numbers keep their integer form when they have one.
pub fn node_to_json(node: &Node) -> Json {
    match &node.kind {
        NodeKind::Null => Json::Null,
        NodeKind::Bool(b) => Json::Bool(*b),
        NodeKind::Number(n) => match n.as_i64() {
            Some(i) => Json::from(i),
            None => n
                .as_f64()
                .and_then(serde_json::Number::from_f64)
                .map(Json::Number)
                .unwrap_or_else(|| Json::String(n.raw.clone())),
        },
        NodeKind::String(s) => Json::String(s.value.clone()),
        NodeKind::Array(items) => Json::Array(items.iter().map(node_to_json).collect()),
        NodeKind::Object(members) => Json::Object(members_to_json(members)),
    }
}

fn members_to_json(members: &[Member]) -> Map<String, Json> {
    members
        .iter()
        .map(|m| (m.key.value.clone(), node_to_json(&m.value)))
        .collect()
}

fn put(map: &mut Map<String, Json>, key: &str, value: Option<Json>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

fn text<T: AsRef<str>>(s: Option<T>) -> Option<Json> {
    s.map(|s| Json::String(s.as_ref().to_string()))
}

/// One param definition `{type, value|expression, mode, ...meta}` (the name is the key).
pub fn param_to_json(p: &Param) -> Json {
    let mut m = Map::new();
    if let Some(v) = &p.value {
        let value = if !p.nested.is_empty() || p.ty() == Some(crate::ParamType::Map) {
            match &v.kind {
                NodeKind::Object(_) => Json::Object(params_to_json(&p.nested)),
                _ => node_to_json(v),
            }
        } else {
            node_to_json(v)
        };
        m.insert("value".into(), value);
    }
    put(
        &mut m,
        "expression",
        p.expression.as_ref().map(|e| Json::String(e.text.clone())),
    );
    put(
        &mut m,
        "type",
        p.ty().map(|t| Json::String(t.as_str().into())),
    );
    put(
        &mut m,
        "mode",
        p.mode
            .as_ref()
            .map(|md| Json::String(md.value.as_str().into())),
    );
    put(&mut m, "validator", p.validator.as_ref().map(node_to_json));
    put(&mut m, "tags", p.tags.as_ref().map(node_to_json));
    for member in &p.meta {
        m.insert(member.key.value.clone(), node_to_json(&member.value));
    }
    Json::Object(m)
}

/// An ordered param map.
pub fn params_to_json(params: &ParamMap) -> Map<String, Json> {
    params
        .iter()
        .map(|p| (p.name.text.clone(), param_to_json(p)))
        .collect()
}

fn dependency_to_json(d: &SignalDependency) -> Json {
    let mut m = Map::new();
    put(&mut m, "name", text(d.name.as_ref().map(|n| &n.value)));
    let mut mp = Map::new();
    for p in &d.match_params {
        let mut e = Map::new();
        put(&mut e, "param", p.param.as_ref().map(param_to_json));
        put(
            &mut e,
            "operator",
            text(p.operator.as_ref().map(|o| &o.value)),
        );
        mp.insert(p.name.text.clone(), Json::Object(e));
    }
    m.insert("match_params".into(), Json::Object(mp));
    Json::Object(m)
}

fn output_to_json(o: &SignalOutput) -> Json {
    let mut m = Map::new();
    put(&mut m, "name", text(o.name.as_ref().map(|n| &n.value)));
    if !o.params.is_empty() {
        m.insert("params".into(), Json::Object(params_to_json(&o.params)));
    }
    if !o.payload.is_empty() {
        m.insert("payload".into(), Json::Object(params_to_json(&o.payload)));
    }
    Json::Object(m)
}

/// One step as its wrapper object `{"step": {...}}` / `{"foreach": {...}}` / ...
pub fn step_to_json(s: &Step) -> Json {
    let mut m = Map::new();
    put(&mut m, "id", text(s.id()));
    put(&mut m, "name", text(s.name.as_ref().map(|n| &n.value)));
    put(
        &mut m,
        "description",
        text(s.description.as_ref().map(|n| &n.value)),
    );
    if let Some(t) = &s.transition {
        let mut tm = Map::new();
        let succ: Map<String, Json> = t
            .successors
            .iter()
            .map(|x| {
                let cond = x.condition.as_ref().map_or("true", |c| c.text.as_str());
                (x.id.text.clone(), Json::String(cond.to_string()))
            })
            .collect();
        if !succ.is_empty() {
            tm.insert("successors".into(), Json::Object(succ));
        }
        if !t.predecessors.is_empty() {
            tm.insert(
                "predecessors".into(),
                Json::Array(
                    t.predecessors
                        .iter()
                        .map(|p| Json::String(p.text.clone()))
                        .collect(),
                ),
            );
        }
        m.insert("transition".into(), Json::Object(tm));
    }
    put(&mut m, "type", text(s.step_type.as_ref().map(|n| &n.value)));
    put(
        &mut m,
        "sub_type",
        text(s.sub_type.as_ref().map(|n| &n.value)),
    );
    put(
        &mut m,
        "sub_type_version",
        text(s.sub_type_version.as_ref().map(|n| &n.value)),
    );
    put(
        &mut m,
        "failure_mode",
        text(
            s.failure_mode
                .as_ref()
                .map(|n| n.value.to_ascii_uppercase()),
        ),
    );
    put(
        &mut m,
        "retry_policy",
        s.retry_policy.as_ref().map(node_to_json),
    );
    put(&mut m, "tags", s.tags.as_ref().map(node_to_json));
    put(&mut m, "timeout", s.timeout.as_ref().map(node_to_json));
    put(
        &mut m,
        "concurrency",
        s.concurrency.as_ref().map(node_to_json),
    );
    put(
        &mut m,
        "strict_ordering",
        s.strict_ordering.as_ref().map(|b| Json::Bool(b.value)),
    );
    put(
        &mut m,
        "condition",
        s.condition.as_ref().map(|c| Json::String(c.text.clone())),
    );
    put(&mut m, "sync", s.sync.as_ref().map(|b| Json::Bool(b.value)));
    put(
        &mut m,
        "explicit_params",
        s.explicit_params.as_ref().map(|b| Json::Bool(b.value)),
    );
    if !s.params.is_empty() {
        m.insert("params".into(), Json::Object(params_to_json(&s.params)));
    }
    if !s.signal_dependencies.is_empty() {
        m.insert(
            "signal_dependencies".into(),
            Json::Array(
                s.signal_dependencies
                    .iter()
                    .map(dependency_to_json)
                    .collect(),
            ),
        );
    }
    if !s.signal_outputs.is_empty() {
        m.insert(
            "signal_outputs".into(),
            Json::Array(s.signal_outputs.iter().map(output_to_json).collect()),
        );
    }
    if s.kind.is_loop() {
        m.insert(
            "steps".into(),
            Json::Array(s.steps.iter().map(step_to_json).collect()),
        );
    }
    for member in &s.extra {
        m.insert(member.key.value.clone(), node_to_json(&member.value));
    }
    let mut wrapper = Map::new();
    let key = match s.kind {
        StepKind::Typed => "step",
        k => k.as_str(),
    };
    wrapper.insert(key.to_string(), Json::Object(m));
    Json::Object(wrapper)
}

fn time_trigger_to_json(t: &TimeTrigger) -> Json {
    let mut m = Map::new();
    put(
        &mut m,
        "type",
        text(
            t.trigger_type
                .as_ref()
                .map(|x| x.value.to_ascii_uppercase()),
        ),
    );
    put(&mut m, "cron", text(t.cron.as_ref().map(|x| &x.value)));
    put(
        &mut m,
        "expression",
        text(t.expression.as_ref().map(|x| &x.value)),
    );
    put(
        &mut m,
        "timezone",
        text(t.timezone.as_ref().map(|x| &x.value)),
    );
    put(
        &mut m,
        "fuzzy_max_delay",
        t.fuzzy_max_delay.as_ref().map(node_to_json),
    );
    for member in &t.extra {
        m.insert(member.key.value.clone(), node_to_json(&member.value));
    }
    Json::Object(m)
}

fn signal_trigger_to_json(t: &SignalTrigger) -> Json {
    let mut m = Map::new();
    let mut defs = Map::new();
    for d in &t.definitions {
        let mut e = Map::new();
        let mut mp = Map::new();
        for p in &d.match_params {
            let mut x = Map::new();
            put(&mut x, "value", p.value.as_ref().map(node_to_json));
            put(
                &mut x,
                "operator",
                text(p.operator.as_ref().map(|o| &o.value)),
            );
            mp.insert(p.name.text.clone(), Json::Object(x));
        }
        e.insert("match_params".into(), Json::Object(mp));
        if !d.join_keys.is_empty() {
            e.insert(
                "join_keys".into(),
                Json::Array(
                    d.join_keys
                        .iter()
                        .map(|k| Json::String(k.value.clone()))
                        .collect(),
                ),
            );
        }
        defs.insert(d.name.text.clone(), Json::Object(e));
    }
    m.insert("definitions".into(), Json::Object(defs));
    if !t.params.is_empty() {
        m.insert("params".into(), Json::Object(params_to_json(&t.params)));
    }
    put(
        &mut m,
        "condition",
        t.condition.as_ref().map(|c| Json::String(c.text.clone())),
    );
    put(
        &mut m,
        "dedup_expr",
        t.dedup_expr.as_ref().map(|c| Json::String(c.text.clone())),
    );
    Json::Object(m)
}

/// The workflow object of SPEC §1.3.
pub fn workflow_to_json(w: &Workflow) -> Json {
    let mut m = Map::new();
    put(&mut m, "id", text(w.id()));
    put(&mut m, "name", text(w.name.as_ref().map(|n| &n.value)));
    put(
        &mut m,
        "description",
        text(w.description.as_ref().map(|n| &n.value)),
    );
    put(&mut m, "tags", w.tags.as_ref().map(node_to_json));
    put(&mut m, "timeout", w.timeout.as_ref().map(node_to_json));
    if !w.time_triggers.is_empty() {
        m.insert(
            "time_triggers".into(),
            Json::Array(w.time_triggers.iter().map(time_trigger_to_json).collect()),
        );
    }
    if !w.signal_triggers.is_empty() {
        m.insert(
            "signal_triggers".into(),
            Json::Array(
                w.signal_triggers
                    .iter()
                    .map(signal_trigger_to_json)
                    .collect(),
            ),
        );
    }
    put(
        &mut m,
        "criticality",
        text(w.criticality.as_ref().map(|c| c.value.to_ascii_uppercase())),
    );
    put(
        &mut m,
        "instance_step_concurrency",
        w.instance_step_concurrency.as_ref().map(node_to_json),
    );
    if !w.params.is_empty() {
        m.insert("params".into(), Json::Object(params_to_json(&w.params)));
    }
    m.insert(
        "steps".into(),
        Json::Array(w.steps.iter().map(step_to_json).collect()),
    );
    for member in &w.extra {
        m.insert(member.key.value.clone(), node_to_json(&member.value));
    }
    Json::Object(m)
}

/// The properties of a create request (§1.2), as written.
pub fn properties_to_json(p: &Properties) -> Json {
    let mut m = Map::new();
    put(&mut m, "owner", text(p.owner.as_ref().map(|o| &o.value)));
    put(
        &mut m,
        "run_strategy",
        p.run_strategy.as_ref().map(node_to_json),
    );
    put(
        &mut m,
        "step_concurrency",
        p.step_concurrency.as_ref().map(node_to_json),
    );
    put(&mut m, "alerting", p.alerting.as_ref().map(node_to_json));
    put(
        &mut m,
        "description",
        text(p.description.as_ref().map(|d| &d.value)),
    );
    for member in &p.extra {
        m.insert(member.key.value.clone(), node_to_json(&member.value));
    }
    Json::Object(m)
}
