//! The YAML DSL (SPEC §1.16, Maestro's maestro-dsl): a `Workflow:` root whose reserved
//! keys are workflow fields and whose other keys are params, `jobs` lists of
//! `job`/`foreach`/`while`/`subworkflow` wrappers, transition lines and `dag:` forms.
//!
//! The translation produces the same model as the JSON reader, with spans into the YAML.

mod params;
mod transition;

use crate::diagnostics::{Code, Diagnostics};
use crate::model::read::{key_name, string_value, value_name};
use crate::model::{
    Name, Param, ParamMap, ParamSyntax, ParamType, Properties, SourceText, Step, StepKind,
    Successor, SuccessorSyntax, Transition, Workflow,
};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned};

use params::{range_param, read_dsl_params};
use transition::parse_transition;

const WORKFLOW_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "owner",
    "run_strategy",
    "workflow_concurrency",
    "tags",
    "timeout",
    "criticality",
    "jobs",
    "dag",
];
const JOB_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "failure_mode",
    "tags",
    "timeout",
    "transition",
];

/// Step types built into Maestro (`StepType`), upper-cased. Any other job `type` names a
/// job template (`sub_type`).
const KNOWN_TYPES: &[&str] = &[
    "NOOP",
    "SLEEP",
    "TITUS",
    "NOTEBOOK",
    "JOIN",
    "FOREACH",
    "WHILE",
    "SUBWORKFLOW",
    "TEMPLATE",
    "KUBERNETES",
    "HTTP",
];

/// Translates the DSL workflow object into properties and a workflow.
pub(crate) fn translate(node: &Node, d: &mut Diagnostics) -> (Properties, Workflow) {
    let mut props = Properties {
        span: node.span,
        owner: None,
        run_strategy: None,
        step_concurrency: None,
        alerting: None,
        description: None,
        extra: Vec::new(),
    };
    let mut wf = Workflow::empty(node.span);
    let Some(members) = node.as_object() else {
        d.error(
            Code::WrongKind,
            node.span,
            "the DSL workflow must be a mapping",
        );
        return (props, wf);
    };
    let field = |k: &str| members.iter().find(|m| m.key.value == k);
    wf.id = field("id").and_then(|m| value_name(&m.value, "id", d));
    if wf.id.is_none() {
        d.error(
            Code::Missing,
            Span::at(node.span.start),
            "the workflow has no \"id\"",
        );
    }
    wf.name = field("name").and_then(|m| string_value(&m.value, "name", d));
    wf.description = field("description").and_then(|m| string_value(&m.value, "description", d));
    wf.tags = field("tags").map(|m| m.value.clone());
    wf.timeout = field("timeout").map(|m| m.value.clone());
    wf.criticality = field("criticality").and_then(|m| string_value(&m.value, "criticality", d));
    props.owner = field("owner").and_then(|m| string_value(&m.value, "owner", d));
    props.run_strategy = field("run_strategy").map(|m| m.value.clone());
    props.description = wf.description.clone();
    props.extra = members
        .iter()
        .filter(|m| m.key.value == "workflow_concurrency")
        .cloned()
        .collect();
    wf.params = read_dsl_params(
        members
            .iter()
            .filter(|m| !WORKFLOW_FIELDS.contains(&m.key.value.as_str())),
        d,
    );
    wf.params.span = Some(node.span);
    if let Some(jobs) = field("jobs") {
        wf.steps = read_jobs(&jobs.value, field("dag"), d);
    }
    (props, wf)
}

/// Reads a `jobs` list, applying `dag` to jobs without their own transition.
fn read_jobs(node: &Node, dag: Option<&Member>, d: &mut Diagnostics) -> Vec<Step> {
    let Some(items) = node.as_array() else {
        if !matches!(node.kind, NodeKind::Null) {
            d.error(Code::Dsl, node.span, "\"jobs\" must be a list");
        }
        return Vec::new();
    };
    let mut steps: Vec<Step> = items.iter().filter_map(|j| read_job(j, d)).collect();
    if let Some(dag) = dag {
        apply_dag(&mut steps, dag, d);
    }
    steps
}

fn read_job(item: &Node, d: &mut Diagnostics) -> Option<Step> {
    let members = item.as_object().unwrap_or(&[]);
    let Some(wrapper) = members.first() else {
        d.error(
            Code::Dsl,
            item.span,
            "a job must be a mapping like {job: {...}}",
        );
        return None;
    };
    for extra in &members[1..] {
        d.error(
            Code::Dsl,
            extra.key_span,
            "a job wrapper must have exactly one key",
        );
    }
    let kind = match wrapper.key.value.as_str() {
        "job" => StepKind::Typed,
        "foreach" => StepKind::Foreach,
        "while" => StepKind::While,
        "subworkflow" => StepKind::Subworkflow,
        other => {
            d.error(
                Code::UnknownValue,
                wrapper.key_span,
                format!(
                    "unknown job kind \"{other}\" (expected job, foreach, while or subworkflow)"
                ),
            );
            return None;
        }
    };
    let mut step = Step::empty(kind, wrapper.key_span, item.span);
    let Some(fields) = wrapper.value.as_object() else {
        d.error(Code::Dsl, wrapper.value.span, "a job must be a mapping");
        return Some(step);
    };
    let field = |k: &str| fields.iter().find(|m| m.key.value == k);
    let mut reserved: Vec<&str> = JOB_FIELDS.to_vec();
    reserved.extend_from_slice(match kind {
        StepKind::Typed => &["type", "type_version"],
        StepKind::Foreach => &[
            "concurrency",
            "job_concurrency",
            "loop_params",
            "params",
            "ranges",
            "jobs",
            "dag",
        ],
        StepKind::While => &["loop_params", "params", "condition", "jobs", "dag"],
        _ => &[
            "workflow_id",
            "subworkflow_id",
            "version",
            "subworkflow_version",
            "sync",
            "explicit_params",
        ],
    });
    step.id = field("id").and_then(|m| value_name(&m.value, "id", d));
    if step.id.is_none() {
        d.error(Code::Missing, wrapper.key_span, "the job has no \"id\"");
    }
    step.name = field("name").and_then(|m| string_value(&m.value, "name", d));
    step.description = field("description").and_then(|m| string_value(&m.value, "description", d));
    step.failure_mode =
        field("failure_mode").and_then(|m| string_value(&m.value, "failure_mode", d));
    step.tags = field("tags").map(|m| m.value.clone());
    step.timeout = field("timeout").map(|m| m.value.clone());
    step.transition = field("transition").and_then(|m| parse_transition(&m.value, d));
    if step
        .transition
        .as_ref()
        .is_some_and(|t| t.successors.is_empty())
    {
        step.transition = None;
    }
    step.params = read_dsl_params(
        fields
            .iter()
            .filter(|m| !reserved.contains(&m.key.value.as_str())),
        d,
    );
    let either = |a: &str, b: &str| field(a).or_else(|| field(b));
    match kind {
        StepKind::Typed => read_type(&mut step, field("type"), field("type_version"), wrapper, d),
        StepKind::Foreach => {
            step.concurrency = either("concurrency", "job_concurrency").map(|m| m.value.clone());
            let mut lp = loop_params(either("loop_params", "params"), wrapper, d);
            if let Some(ranges) = field("ranges") {
                match ranges.value.as_object() {
                    Some(rs) => {
                        for r in rs {
                            if let Some(p) = range_param(r, d) {
                                lp.nested.params.retain(|x| x.name.text != p.name.text);
                                lp.nested.params.push(p);
                            }
                        }
                    }
                    None => d.error(Code::Dsl, ranges.value.span, "\"ranges\" must be a mapping"),
                }
            }
            put(&mut step.params, lp);
            step.steps = body(field("jobs"), field("dag"), d);
        }
        StepKind::While => {
            step.condition = field("condition").and_then(|m| match m.value.scalar_text() {
                Some(s) => Some(SourceText::from_str(&s, m.value.span)),
                None => {
                    d.error(Code::Dsl, m.value.span, "\"condition\" must be a string");
                    None
                }
            });
            if let Some(m) = either("loop_params", "params") {
                let lp = loop_params(Some(m), wrapper, d);
                put(&mut step.params, lp);
            }
            step.steps = body(field("jobs"), field("dag"), d);
        }
        _ => {
            let sync = |k: &str, d: &mut Diagnostics| {
                field(k).and_then(|m| match m.value.as_bool() {
                    Some(b) => Some(Spanned::new(b, m.value.span)),
                    None => {
                        d.error(
                            Code::Dsl,
                            m.value.span,
                            format!("\"{k}\" must be a boolean"),
                        );
                        None
                    }
                })
            };
            step.sync = sync("sync", d);
            step.explicit_params = sync("explicit_params", d);
            let id_param = match either("workflow_id", "subworkflow_id") {
                Some(m) => Some(implied_string("subworkflow_id", m.key_span, &m.value)),
                None => field("id").map(|m| implied_string("subworkflow_id", m.key_span, &m.value)),
            };
            if let Some(p) = id_param {
                put(&mut step.params, p);
            }
            if let Some(m) = either("version", "subworkflow_version") {
                put(
                    &mut step.params,
                    implied_string("subworkflow_version", m.key_span, &m.value),
                );
            }
        }
    }
    Some(step)
}

fn read_type(
    step: &mut Step,
    ty: Option<&Member>,
    version: Option<&Member>,
    wrapper: &Member,
    d: &mut Diagnostics,
) {
    let Some(ty) = ty.and_then(|m| string_value(&m.value, "type", d)) else {
        d.error(Code::Missing, wrapper.key_span, "the job has no \"type\"");
        return;
    };
    if KNOWN_TYPES.contains(&ty.value.to_ascii_uppercase().as_str()) {
        step.step_type = Some(ty);
    } else {
        // A job template name; its step type comes from the template store.
        step.sub_type = Some(ty);
    }
    step.sub_type_version = version.and_then(|m| string_value(&m.value, "type_version", d));
}

fn body(jobs: Option<&Member>, dag: Option<&Member>, d: &mut Diagnostics) -> Vec<Step> {
    jobs.map(|j| read_jobs(&j.value, dag, d))
        .unwrap_or_default()
}

/// The `loop_params` MAP param built from a DSL `loop_params`/`params` mapping.
fn loop_params(m: Option<&Member>, wrapper: &Member, d: &mut Diagnostics) -> Param {
    let (name, key_span, span, nested) = match m {
        Some(m) => {
            let nested = match m.value.as_object() {
                Some(members) => {
                    let mut map = read_dsl_params(members, d);
                    map.span = Some(m.value.span);
                    map
                }
                None => {
                    d.error(Code::Dsl, m.value.span, "loop params must be a mapping");
                    ParamMap::default()
                }
            };
            (
                key_name(m),
                m.key_span,
                m.key_span.cover(m.value.span),
                nested,
            )
        }
        None => (
            Name::new("loop_params", wrapper.key_span),
            wrapper.key_span,
            wrapper.key_span,
            ParamMap::default(),
        ),
    };
    Param {
        name: Name::new("loop_params", name.span),
        key_span,
        span,
        param_type: Some(Spanned::new(ParamType::Map, key_span)),
        value: m.map(|m| m.value.clone()),
        expression: None,
        mode: None,
        validator: None,
        tags: None,
        meta: Vec::new(),
        nested,
        syntax: ParamSyntax::DslImplied,
    }
}

/// A STRING param the DSL derives from a job field.
fn implied_string(name: &str, key_span: Span, value: &Node) -> Param {
    Param {
        name: Name::new(name, key_span),
        key_span,
        span: key_span.cover(value.span),
        param_type: Some(Spanned::new(ParamType::String, key_span)),
        value: Some(value.clone()),
        expression: None,
        mode: None,
        validator: None,
        tags: None,
        meta: Vec::new(),
        nested: ParamMap::default(),
        syntax: ParamSyntax::DslImplied,
    }
}

/// Like a Java map put: replaces a param of the same name in place, else appends.
fn put(map: &mut ParamMap, p: Param) {
    match map.params.iter_mut().find(|x| x.name.text == p.name.text) {
        Some(existing) => *existing = p,
        None => map.params.push(p),
    }
}

/// Applies a `dag:` value to the jobs that have no transition of their own.
fn apply_dag(steps: &mut [Step], dag: &Member, d: &mut Diagnostics) {
    match &dag.value.kind {
        NodeKind::String(order) if order.value.eq_ignore_ascii_case("sequential") => {
            let ids: Vec<Option<Name>> = steps.iter().map(|s| s.id.clone()).collect();
            for (i, step) in steps.iter_mut().enumerate() {
                let Some(Some(next)) = ids.get(i + 1) else {
                    continue;
                };
                if step.transition.is_none() {
                    step.transition = Some(Transition {
                        span: dag.value.span,
                        successors: vec![Successor {
                            id: Name::new(next.text.clone(), dag.value.span),
                            condition: Some(SourceText::synthetic("true", dag.value.span)),
                            syntax: SuccessorSyntax::DslPlain,
                        }],
                        predecessors: Vec::new(),
                    });
                }
            }
        }
        NodeKind::String(order) if order.value.eq_ignore_ascii_case("parallel") => {}
        NodeKind::Object(entries) => {
            for e in entries {
                let Some(step) = steps
                    .iter_mut()
                    .find(|s| s.id() == Some(e.key.value.as_str()))
                else {
                    d.error(
                        Code::UnknownStep,
                        e.key_span,
                        format!("dag refers to an unknown job id \"{}\"", e.key.value),
                    );
                    continue;
                };
                if step.transition.is_none() {
                    step.transition =
                        parse_transition(&e.value, d).filter(|t| !t.successors.is_empty());
                }
            }
        }
        _ => d.error(
            Code::Dsl,
            dag.value.span,
            "\"dag\" must be 'sequential', 'parallel' or a mapping of job id to transitions",
        ),
    }
}
