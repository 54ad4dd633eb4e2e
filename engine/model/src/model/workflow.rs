//! The workflow (SPEC §1.3), its properties (§1.2), and job templates (the definitions
//! `sub_type` steps refer to).

use crate::diagnostics::{Code, Diagnostics};
use crate::model::read::{value_name, Fields};
use crate::model::trigger::{read_signal_triggers, read_time_triggers};
use crate::model::{read_param_map, read_steps, Name, ParamMap, SignalTrigger, Step, TimeTrigger};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned};

#[derive(Clone, Debug, PartialEq)]
pub struct Properties {
    pub span: Span,
    /// The owner's name (`"alice"` or `{"name": "alice", ...}`).
    pub owner: Option<Spanned<String>>,
    /// Raw run strategy (string rule, number, or `{rule, workflow_concurrency}`).
    pub run_strategy: Option<Node>,
    pub step_concurrency: Option<Node>,
    /// Raw alerting config (its strings may use `${param}` interpolation).
    pub alerting: Option<Node>,
    pub description: Option<Spanned<String>>,
    pub extra: Vec<Member>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Workflow {
    pub span: Span,
    pub id: Option<Name>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub tags: Option<Node>,
    /// Raw ParsableLong.
    pub timeout: Option<Node>,
    pub time_triggers: Vec<TimeTrigger>,
    pub signal_triggers: Vec<SignalTrigger>,
    pub criticality: Option<Spanned<String>>,
    pub instance_step_concurrency: Option<Node>,
    pub params: ParamMap,
    pub steps: Vec<Step>,
    pub extra: Vec<Member>,
}

impl Workflow {
    pub(crate) fn empty(span: Span) -> Workflow {
        Workflow {
            span,
            id: None,
            name: None,
            description: None,
            tags: None,
            timeout: None,
            time_triggers: Vec::new(),
            signal_triggers: Vec::new(),
            criticality: None,
            instance_step_concurrency: None,
            params: ParamMap::default(),
            steps: Vec::new(),
            extra: Vec::new(),
        }
    }

    pub fn id(&self) -> Option<&str> {
        self.id.as_ref().map(|n| n.text.as_str())
    }

    /// Every step, depth first in document order (loop bodies after their loop step).
    pub fn all_steps(&self) -> Vec<&Step> {
        fn walk<'a>(steps: &'a [Step], out: &mut Vec<&'a Step>) {
            for s in steps {
                out.push(s);
                walk(&s.steps, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.steps, &mut out);
        out
    }

    /// The step with id `id`, at any depth.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.all_steps().into_iter().find(|s| s.id() == Some(id))
    }
}

/// A job template (`{owner, ..., definition: {job_type, step_type, version, params}}`).
#[derive(Clone, Debug, PartialEq)]
pub struct JobTemplate {
    pub span: Span,
    pub job_type: Option<Spanned<String>>,
    pub step_type: Option<Spanned<String>>,
    pub version: Option<Spanned<String>>,
    pub params: ParamMap,
}

pub(crate) fn read_properties(node: &Node, d: &mut Diagnostics) -> Properties {
    let mut p = Properties {
        span: node.span,
        owner: None,
        run_strategy: None,
        step_concurrency: None,
        alerting: None,
        description: None,
        extra: Vec::new(),
    };
    let Some(mut f) = Fields::of(node, "\"properties\"", d) else {
        return p;
    };
    if let Some(owner) = f.node("owner", d) {
        p.owner = match &owner.kind {
            NodeKind::String(s) => Some(Spanned::new(s.value.clone(), owner.span)),
            NodeKind::Object(_) => owner
                .get("name")
                .and_then(|n| n.as_str().map(|s| Spanned::new(s.to_string(), n.span))),
            _ => {
                d.error(
                    Code::WrongKind,
                    owner.span,
                    "\"owner\" must be a string or {\"name\": ...}",
                );
                None
            }
        };
    }
    p.run_strategy = f.node("run_strategy", d).cloned();
    p.step_concurrency = f.node("step_concurrency", d).cloned();
    p.alerting = f.node("alerting", d).cloned();
    p.description = f.string("description", d);
    p.extra = f.rest("\"properties\"", false, d);
    p
}

pub(crate) fn read_workflow(node: &Node, d: &mut Diagnostics) -> Workflow {
    let mut w = Workflow::empty(node.span);
    let Some(mut f) = Fields::of(node, "\"workflow\"", d) else {
        return w;
    };
    match f.take("id", d) {
        Some(m) => w.id = value_name(&m.value, "id", d),
        None => d.error(
            Code::Missing,
            Span::at(node.span.start),
            "the workflow has no \"id\"",
        ),
    }
    w.name = f.string("name", d);
    w.description = f.string("description", d);
    w.tags = f.node("tags", d).cloned();
    w.timeout = f.node("timeout", d).cloned();
    if let Some(n) = f.node("time_triggers", d) {
        w.time_triggers = read_time_triggers(n, d);
    }
    if let Some(n) = f.node("signal_triggers", d) {
        w.signal_triggers = read_signal_triggers(n, d);
    }
    w.criticality = f.string("criticality", d);
    w.instance_step_concurrency = f.node("instance_step_concurrency", d).cloned();
    if let Some(n) = f.node("params", d) {
        w.params = read_param_map(n, "workflow \"params\"", d);
    }
    if let Some(n) = f.node("steps", d) {
        w.steps = read_steps(n, d);
    }
    w.extra = f.rest("the workflow", true, d);
    w
}

pub(crate) fn read_job_template(node: &Node, d: &mut Diagnostics) -> JobTemplate {
    let mut t = JobTemplate {
        span: node.span,
        job_type: None,
        step_type: None,
        version: None,
        params: ParamMap::default(),
    };
    let Some(def) = node.get("definition") else {
        return t;
    };
    let Some(mut f) = Fields::of(def, "\"definition\"", d) else {
        return t;
    };
    t.job_type = f.string("job_type", d);
    t.step_type = f.string("step_type", d);
    t.version = f.string("version", d);
    if let Some(n) = f.node("params", d) {
        t.params = read_param_map(n, "job template \"params\"", d);
    }
    t
}
