//! Time and signal triggers (SPEC §1.12, §8) and per-step signal dependencies and
//! outputs (§1.13, §8.3).

use crate::diagnostics::{Code, Diagnostics};
use crate::model::read::{key_name, Fields};
use crate::model::{read_param, read_param_map, Name, Param, ParamMap, SourceText};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned};

#[derive(Clone, Debug, PartialEq)]
pub struct TimeTrigger {
    pub span: Span,
    /// `CRON`, `PREDEFINED` or `INTERVAL`.
    pub trigger_type: Option<Spanned<String>>,
    pub cron: Option<Spanned<String>>,
    pub expression: Option<Spanned<String>>,
    pub timezone: Option<Spanned<String>>,
    pub fuzzy_max_delay: Option<Node>,
    pub extra: Vec<Member>,
}

/// `SignalMatchParam` of a trigger definition: `{value, operator}`.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalMatchParam {
    pub name: Name,
    pub value: Option<Node>,
    pub operator: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignalTriggerDefinition {
    /// The signal name (the key of `definitions`).
    pub name: Name,
    pub match_params: Vec<SignalMatchParam>,
    pub join_keys: Vec<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignalTrigger {
    pub span: Span,
    pub definitions: Vec<SignalTriggerDefinition>,
    pub params: ParamMap,
    pub condition: Option<SourceText>,
    pub dedup_expr: Option<SourceText>,
    pub extra: Vec<Member>,
}

/// A match param of a step dependency: `{param: ParamDefinition, operator}`.
#[derive(Clone, Debug, PartialEq)]
pub struct DependencyMatchParam {
    pub name: Name,
    pub param: Option<Param>,
    pub operator: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignalDependency {
    pub span: Span,
    pub name: Option<Spanned<String>>,
    pub match_params: Vec<DependencyMatchParam>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignalOutput {
    pub span: Span,
    pub name: Option<Spanned<String>>,
    pub params: ParamMap,
    pub payload: ParamMap,
}

fn array<'a>(node: &'a Node, what: &str, d: &mut Diagnostics) -> &'a [Node] {
    match &node.kind {
        NodeKind::Array(items) => items,
        NodeKind::Null => &[],
        _ => {
            d.error(
                Code::WrongKind,
                node.span,
                format!("\"{what}\" must be an array, found {}", node.kind_name()),
            );
            &[]
        }
    }
}

pub(crate) fn read_time_triggers(node: &Node, d: &mut Diagnostics) -> Vec<TimeTrigger> {
    let mut out = Vec::new();
    for item in array(node, "time_triggers", d) {
        let Some(mut f) = Fields::of(item, "a time trigger", d) else {
            continue;
        };
        out.push(TimeTrigger {
            span: item.span,
            trigger_type: f.string("type", d),
            cron: f.string("cron", d),
            expression: f.string("expression", d),
            timezone: f.string("timezone", d),
            fuzzy_max_delay: f.node("fuzzy_max_delay", d).cloned(),
            extra: f.rest("a time trigger", false, d),
        });
    }
    out
}

pub(crate) fn read_signal_triggers(node: &Node, d: &mut Diagnostics) -> Vec<SignalTrigger> {
    let mut out = Vec::new();
    for item in array(node, "signal_triggers", d) {
        let Some(mut f) = Fields::of(item, "a signal trigger", d) else {
            continue;
        };
        let mut definitions = Vec::new();
        if let Some(defs) = f.node("definitions", d) {
            if let Some(df) = Fields::of(defs, "\"definitions\"", d) {
                for m in df.rest("", false, d) {
                    definitions.push(read_trigger_definition(&m, d));
                }
            }
        }
        let params = f
            .node("params", d)
            .map(|n| read_param_map(n, "signal trigger \"params\"", d))
            .unwrap_or_default();
        out.push(SignalTrigger {
            span: item.span,
            definitions,
            params,
            condition: f.text("condition", d),
            dedup_expr: f.text("dedup_expr", d),
            extra: f.rest("a signal trigger", true, d),
        });
    }
    out
}

fn read_trigger_definition(m: &Member, d: &mut Diagnostics) -> SignalTriggerDefinition {
    let mut def = SignalTriggerDefinition {
        name: key_name(m),
        match_params: Vec::new(),
        join_keys: Vec::new(),
    };
    let Some(mut f) = Fields::of(&m.value, "a signal definition", d) else {
        return def;
    };
    if let Some(mp) = f.node("match_params", d) {
        if let Some(mf) = Fields::of(mp, "\"match_params\"", d) {
            for p in mf.rest("", false, d) {
                let mut smp = SignalMatchParam {
                    name: key_name(&p),
                    value: None,
                    operator: None,
                };
                if let Some(mut pf) = Fields::of(&p.value, "a signal match param", d) {
                    smp.value = pf.node("value", d).cloned();
                    smp.operator = pf.string("operator", d);
                    pf.rest("a signal match param", true, d);
                }
                def.match_params.push(smp);
            }
        }
    }
    if let Some(jk) = f.node("join_keys", d) {
        for k in array(jk, "join_keys", d) {
            if let Some(s) = crate::model::read::string_value(k, "join key", d) {
                def.join_keys.push(s);
            }
        }
    }
    f.rest("a signal definition", true, d);
    def
}

pub(crate) fn read_signal_dependencies(node: &Node, d: &mut Diagnostics) -> Vec<SignalDependency> {
    let mut out = Vec::new();
    for item in array(node, "signal_dependencies", d) {
        let Some(mut f) = Fields::of(item, "a signal dependency", d) else {
            continue;
        };
        let mut dep = SignalDependency {
            span: item.span,
            name: f.string("name", d),
            match_params: Vec::new(),
        };
        if let Some(mp) = f.node("match_params", d) {
            if let Some(mf) = Fields::of(mp, "\"match_params\"", d) {
                for p in mf.rest("", false, d) {
                    let mut dmp = DependencyMatchParam {
                        name: key_name(&p),
                        param: None,
                        operator: None,
                    };
                    if let Some(mut pf) = Fields::of(&p.value, "a dependency match param", d) {
                        if let Some(pm) = pf.take("param", d) {
                            // The definition is named after the match param, not "param".
                            let mut param = read_param(pm, d);
                            param.name = dmp.name.clone();
                            dmp.param = Some(param);
                        }
                        dmp.operator = pf.string("operator", d);
                        pf.rest("a dependency match param", true, d);
                    }
                    dep.match_params.push(dmp);
                }
            }
        }
        f.rest("a signal dependency", true, d);
        out.push(dep);
    }
    out
}

pub(crate) fn read_signal_outputs(node: &Node, d: &mut Diagnostics) -> Vec<SignalOutput> {
    let mut out = Vec::new();
    for item in array(node, "signal_outputs", d) {
        let Some(mut f) = Fields::of(item, "a signal output", d) else {
            continue;
        };
        let name = f.string("name", d);
        let params = f
            .node("params", d)
            .map(|n| read_param_map(n, "signal output \"params\"", d))
            .unwrap_or_default();
        let payload = f
            .node("payload", d)
            .map(|n| read_param_map(n, "signal output \"payload\"", d))
            .unwrap_or_default();
        f.rest("a signal output", true, d);
        out.push(SignalOutput {
            span: item.span,
            name,
            params,
            payload,
        });
    }
    out
}
