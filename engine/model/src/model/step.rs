//! Steps (SPEC §1.4): the polymorphic wrapper `{"step"|"foreach"|"while"|"subworkflow"|
//! "template": {...}}`, nested loop bodies, and transitions (§1.7).

use crate::diagnostics::{Code, Diagnostics};
use crate::model::read::{key_name, text_value, value_name, Fields};
use crate::model::{
    read_param_map, read_signal_dependencies, read_signal_outputs, Name, ParamMap,
    SignalDependency, SignalOutput, SourceText,
};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// `step` in JSON, `job` in the DSL.
    Typed,
    Foreach,
    While,
    Subworkflow,
    Template,
}

impl StepKind {
    /// The JSON wrapper key.
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Typed => "step",
            StepKind::Foreach => "foreach",
            StepKind::While => "while",
            StepKind::Subworkflow => "subworkflow",
            StepKind::Template => "template",
        }
    }

    pub fn parse(key: &str) -> Option<StepKind> {
        Some(match key {
            "step" => StepKind::Typed,
            "foreach" => StepKind::Foreach,
            "while" => StepKind::While,
            "subworkflow" => StepKind::Subworkflow,
            "template" => StepKind::Template,
            _ => return None,
        })
    }

    /// Whether the step has a body of nested steps.
    pub fn is_loop(self) -> bool {
        matches!(self, StepKind::Foreach | StepKind::While)
    }
}

/// How a successor was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuccessorSyntax {
    /// `"successors": {"id": "condition"}`.
    Json,
    /// A DSL transition line `id` (condition `true`, synthesized).
    DslPlain,
    /// `IF <cond> THEN id`: the condition is a slice of the line.
    DslIf,
    /// `OTHERWISE id`: the condition is built from the preceding IF conditions.
    DslOtherwise,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Successor {
    /// The successor step id (for JSON the key; for the DSL the id in the line).
    pub id: Name,
    /// The SEL condition; `None` when it is not a string.
    pub condition: Option<SourceText>,
    pub syntax: SuccessorSyntax,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Transition {
    pub span: Span,
    /// In document order.
    pub successors: Vec<Successor>,
    pub predecessors: Vec<Name>,
}

/// One step of any kind. Kind-specific fields are `None`/empty for other kinds.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    /// The wrapper key (`step`, `foreach`, ... in JSON; `job`, ... in the DSL).
    pub kind_span: Span,
    /// The whole wrapper element.
    pub span: Span,
    pub id: Option<Name>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub transition: Option<Transition>,
    pub failure_mode: Option<Spanned<String>>,
    pub tags: Option<Node>,
    /// Raw ParsableLong (number or interpolated string).
    pub timeout: Option<Node>,
    pub signal_dependencies: Vec<SignalDependency>,
    pub signal_outputs: Vec<SignalOutput>,
    pub params: ParamMap,
    /// Typed steps: `type`.
    pub step_type: Option<Spanned<String>>,
    /// Typed steps: the job template name.
    pub sub_type: Option<Spanned<String>>,
    pub sub_type_version: Option<Spanned<String>>,
    /// Typed steps: the raw retry policy.
    pub retry_policy: Option<Node>,
    /// Foreach: `concurrency`.
    pub concurrency: Option<Node>,
    pub strict_ordering: Option<Spanned<bool>>,
    /// While: the loop condition.
    pub condition: Option<SourceText>,
    /// Subworkflow: `sync`, `explicit_params`.
    pub sync: Option<Spanned<bool>>,
    pub explicit_params: Option<Spanned<bool>>,
    /// Foreach/while: the loop body.
    pub steps: Vec<Step>,
    /// Keys the model does not know.
    pub extra: Vec<Member>,
}

impl Step {
    /// An empty step of `kind`, to be filled by a reader.
    pub(crate) fn empty(kind: StepKind, kind_span: Span, span: Span) -> Step {
        Step {
            kind,
            kind_span,
            span,
            id: None,
            name: None,
            description: None,
            transition: None,
            failure_mode: None,
            tags: None,
            timeout: None,
            signal_dependencies: Vec::new(),
            signal_outputs: Vec::new(),
            params: ParamMap::default(),
            step_type: None,
            sub_type: None,
            sub_type_version: None,
            retry_policy: None,
            concurrency: None,
            strict_ordering: None,
            condition: None,
            sync: None,
            explicit_params: None,
            steps: Vec::new(),
            extra: Vec::new(),
        }
    }

    pub fn id(&self) -> Option<&str> {
        self.id.as_ref().map(|n| n.text.as_str())
    }

    /// The loop params of a foreach/while step (`params.loop_params`, a MAP).
    pub fn loop_params(&self) -> Option<&ParamMap> {
        self.params.get("loop_params").map(|p| &p.nested)
    }
}

/// Reads a `steps` array.
pub(crate) fn read_steps(node: &Node, d: &mut Diagnostics) -> Vec<Step> {
    let Some(items) = node.as_array() else {
        if !matches!(node.kind, NodeKind::Null) {
            d.error(
                Code::WrongKind,
                node.span,
                format!("\"steps\" must be an array, found {}", node.kind_name()),
            );
        }
        return Vec::new();
    };
    items.iter().filter_map(|item| read_step(item, d)).collect()
}

fn read_step(item: &Node, d: &mut Diagnostics) -> Option<Step> {
    let Some(members) = item.as_object() else {
        d.error(
            Code::WrongKind,
            item.span,
            "a step must be an object like {\"step\": {...}}",
        );
        return None;
    };
    let Some(wrapper) = members.first() else {
        d.error(
            Code::Missing,
            item.span,
            "empty step: expected {\"step\": {...}}",
        );
        return None;
    };
    for extra in &members[1..] {
        d.error(
            Code::Invalid,
            extra.key_span,
            "a step wrapper must have exactly one key (step, foreach, while, subworkflow or template)",
        );
    }
    let Some(kind) = StepKind::parse(&wrapper.key.value) else {
        d.error(
            Code::UnknownValue,
            wrapper.key_span,
            format!(
                "unknown step kind \"{}\" (expected step, foreach, while, subworkflow or template)",
                wrapper.key.value
            ),
        );
        return None;
    };
    let mut step = Step::empty(kind, wrapper.key_span, item.span);
    let Some(mut f) = Fields::of(&wrapper.value, "a step", d) else {
        return Some(step);
    };
    match f.node("id", d) {
        Some(id) => step.id = value_name(id, "id", d),
        None => d.error(Code::Missing, wrapper.key_span, "the step has no \"id\""),
    }
    step.name = f.string("name", d);
    step.description = f.string("description", d);
    step.transition = f.node("transition", d).map(|t| read_transition(t, d));
    step.failure_mode = f.string("failure_mode", d);
    step.tags = f.node("tags", d).cloned();
    step.timeout = f.node("timeout", d).cloned();
    if let Some(n) = f.node("signal_dependencies", d) {
        step.signal_dependencies = read_signal_dependencies(n, d);
    }
    if let Some(n) = f.node("signal_outputs", d) {
        step.signal_outputs = read_signal_outputs(n, d);
    }
    if let Some(n) = f.node("params", d) {
        step.params = read_param_map(n, "step \"params\"", d);
    }
    match kind {
        StepKind::Typed => {
            step.step_type = f.string("type", d);
            if step.step_type.is_none() {
                d.error(Code::Missing, wrapper.key_span, "the step has no \"type\"");
            }
            step.sub_type = f.string("sub_type", d);
            step.sub_type_version = f.string("sub_type_version", d);
            step.retry_policy = f.node("retry_policy", d).cloned();
        }
        StepKind::Foreach => {
            step.concurrency = f.node("concurrency", d).cloned();
            step.strict_ordering = f.bool("strict_ordering", d);
            if let Some(n) = f.node("steps", d) {
                step.steps = read_steps(n, d);
            }
        }
        StepKind::While => {
            step.condition = f.text("condition", d);
            if let Some(n) = f.node("steps", d) {
                step.steps = read_steps(n, d);
            }
        }
        StepKind::Subworkflow => {
            step.sync = f.bool("sync", d);
            step.explicit_params = f.bool("explicit_params", d);
        }
        StepKind::Template => {
            step.sub_type = f.string("sub_type", d);
        }
    }
    step.extra = f.rest("a step", true, d);
    Some(step)
}

fn read_transition(node: &Node, d: &mut Diagnostics) -> Transition {
    let mut t = Transition {
        span: node.span,
        ..Transition::default()
    };
    let Some(mut f) = Fields::of(node, "\"transition\"", d) else {
        return t;
    };
    if let Some(succ) = f.node("successors", d) {
        match succ.as_object() {
            Some(members) => {
                for m in members {
                    if t.successors.iter().any(|s| s.id.text == m.key.value) {
                        d.error(
                            Code::DuplicateKey,
                            m.key_span,
                            format!("successor \"{}\" is listed twice", m.key.value),
                        );
                        continue;
                    }
                    t.successors.push(Successor {
                        id: key_name(m),
                        condition: text_value(&m.value, "successor condition", d),
                        syntax: SuccessorSyntax::Json,
                    });
                }
            }
            None if matches!(succ.kind, NodeKind::Null) => {}
            None => d.error(
                Code::WrongKind,
                succ.span,
                "\"successors\" must map step ids to conditions",
            ),
        }
    }
    if let Some(pred) = f.node("predecessors", d) {
        match pred.as_array() {
            Some(items) => {
                for item in items {
                    if let Some(n) = value_name(item, "predecessor", d) {
                        t.predecessors.push(n);
                    }
                }
            }
            None if matches!(pred.kind, NodeKind::Null) => {}
            None => d.error(
                Code::WrongKind,
                pred.span,
                "\"predecessors\" must be an array of step ids",
            ),
        }
    }
    f.rest("\"transition\"", true, d);
    t
}
