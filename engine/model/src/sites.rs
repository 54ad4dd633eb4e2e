//! Every place in a workflow document that holds SEL or an interpolated literal, with
//! who owns it, which names it can see, its decoded text, and the exact map from text
//! offsets to document offsets. The language server runs SEL diagnostics, completion and
//! hover on these; the scheduler evaluates the same texts.

use crate::document::WorkflowDocument;
use crate::escapes::SourceMap;
use crate::interpolation;
use crate::model::{Param, ParamMap, ParamSyntax, ParamType, SourceText, Step};
use crate::spanned::{Node, NodeKind, Span, Str};

/// What a site is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteKind {
    /// The `expression` of a JSON-shaped param definition.
    ParamExpression,
    /// The value of a DSL `'!name'` param.
    DslExpression,
    /// A foreach `ranges` entry turned into `Util.intsBetween(from, to, increment);`.
    RangeExpression,
    /// A STRING literal (interpolated).
    InterpolatedString,
    /// One element of a STRING_ARRAY literal.
    InterpolatedArrayElement { index: usize },
    /// A key of a STRING_MAP literal.
    InterpolatedMapKey,
    /// A value of a STRING_MAP literal; `key` is its key.
    InterpolatedMapValue { key: String },
    /// A step's successor condition.
    SuccessorCondition,
    /// A while step's `condition`.
    WhileCondition,
    /// The `state_expr` param of an Http step: a STRING literal whose text is SEL.
    HttpStateExpression,
    /// A signal trigger's `condition`.
    TriggerCondition,
    /// A signal trigger's `dedup_expr`.
    TriggerDedupExpr,
    /// A string attribute interpolated with workflow params (timeouts, retry policy
    /// fields, alerting strings).
    InterpolatedAttribute,
}

impl SiteKind {
    /// Whether the text is SEL (else it is an interpolated literal).
    pub fn is_sel(&self) -> bool {
        matches!(
            self,
            SiteKind::ParamExpression
                | SiteKind::DslExpression
                | SiteKind::RangeExpression
                | SiteKind::SuccessorCondition
                | SiteKind::WhileCondition
                | SiteKind::HttpStateExpression
                | SiteKind::TriggerCondition
                | SiteKind::TriggerDedupExpr
        )
    }
}

/// Who a site belongs to. Param paths start with the param name; further elements are
/// MAP entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    WorkflowParam {
        path: Vec<String>,
    },
    StepParam {
        step_id: String,
        path: Vec<String>,
    },
    /// An entry of a foreach/while `loop_params` (path starts with the loop variable).
    LoopParam {
        step_id: String,
        path: Vec<String>,
    },
    Successor {
        step_id: String,
        successor: String,
    },
    WhileCondition {
        step_id: String,
    },
    /// The trigger's index in `signal_triggers`.
    SignalTrigger {
        trigger: usize,
    },
    SignalTriggerParam {
        trigger: usize,
        path: Vec<String>,
    },
    SignalDependencyParam {
        step_id: String,
        dependency: usize,
        param: String,
    },
    SignalOutputParam {
        step_id: String,
        output: usize,
        payload: bool,
        path: Vec<String>,
    },
    WorkflowAttribute {
        field: String,
    },
    StepAttribute {
        step_id: String,
        field: String,
    },
    PropertiesAttribute {
        field: String,
    },
    JobTemplateParam {
        path: Vec<String>,
    },
}

/// Which names an expression at a site can see (SPEC §2.9, §8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Workflow params (and `signal__param` references).
    Workflow,
    /// Step scope: the step's params, workflow params, upstream `step__param`.
    Step { step_id: String },
    /// A step's signal dependencies: like step scope without the step's own params.
    StepWithoutOwnParams { step_id: String },
    /// Signal trigger params, condition and dedup: no workflow params.
    SignalTrigger,
    /// Job template params.
    JobTemplate,
}

impl Owner {
    pub fn scope(&self) -> Scope {
        match self {
            Owner::WorkflowParam { .. }
            | Owner::WorkflowAttribute { .. }
            | Owner::PropertiesAttribute { .. } => Scope::Workflow,
            Owner::StepAttribute { .. } => Scope::Workflow,
            Owner::StepParam { step_id, .. }
            | Owner::LoopParam { step_id, .. }
            | Owner::Successor { step_id, .. }
            | Owner::WhileCondition { step_id }
            | Owner::SignalOutputParam { step_id, .. } => Scope::Step {
                step_id: step_id.clone(),
            },
            Owner::SignalDependencyParam { step_id, .. } => Scope::StepWithoutOwnParams {
                step_id: step_id.clone(),
            },
            Owner::SignalTrigger { .. } | Owner::SignalTriggerParam { .. } => Scope::SignalTrigger,
            Owner::JobTemplateParam { .. } => Scope::JobTemplate,
        }
    }
}

/// A `$name`/`${name}` reference of an interpolated site, located in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteReference {
    pub name: String,
    /// Decoded byte range of the name in the site's text.
    pub text_range: (usize, usize),
    /// Document span of the name.
    pub span: Span,
}

/// One SEL expression or interpolated literal.
#[derive(Clone, Debug, PartialEq)]
pub struct SelSite {
    pub kind: SiteKind,
    pub owner: Owner,
    /// The decoded text (what SEL parses, or what is interpolated).
    pub text: String,
    /// Text offset → document offset, and back.
    pub map: SourceMap,
    /// The node holding the text (quotes included).
    pub span: Span,
    /// The declared type of the owning param, when there is one.
    pub param_type: Option<ParamType>,
    /// For interpolated sites, the param references.
    pub references: Vec<SiteReference>,
}

impl SelSite {
    /// Document span of the text range `start..end`.
    pub fn doc_span(&self, start: usize, end: usize) -> Span {
        self.map.doc_span(start, end)
    }

    /// Text offset for a document offset, if it falls in this site's text.
    pub fn text_offset(&self, doc_offset: usize) -> Option<usize> {
        self.map.text_offset(doc_offset)
    }
}

/// Every site of a document, in document order of their owners.
pub fn sel_sites(doc: &WorkflowDocument) -> Vec<SelSite> {
    let mut c = Collector { out: Vec::new() };
    if let Some(props) = &doc.properties {
        if let Some(alerting) = &props.alerting {
            c.attribute_strings(alerting, "alerting", &|field| Owner::PropertiesAttribute {
                field,
            });
        }
    }
    if let Some(w) = &doc.workflow {
        if let Some(t) = &w.timeout {
            c.attribute_strings(t, "timeout", &|field| Owner::WorkflowAttribute { field });
        }
        for (i, st) in w.signal_triggers.iter().enumerate() {
            c.params(&st.params, &mut Vec::new(), &|path| {
                Owner::SignalTriggerParam { trigger: i, path }
            });
            if let Some(t) = &st.condition {
                c.text(
                    SiteKind::TriggerCondition,
                    Owner::SignalTrigger { trigger: i },
                    t,
                    Some(ParamType::Boolean),
                );
            }
            if let Some(t) = &st.dedup_expr {
                c.text(
                    SiteKind::TriggerDedupExpr,
                    Owner::SignalTrigger { trigger: i },
                    t,
                    Some(ParamType::String),
                );
            }
        }
        c.params(&w.params, &mut Vec::new(), &|path| Owner::WorkflowParam {
            path,
        });
        for s in &w.steps {
            c.step(s);
        }
    }
    if let Some(t) = &doc.job_template {
        c.params(&t.params, &mut Vec::new(), &|path| {
            Owner::JobTemplateParam { path }
        });
    }
    c.out
}

struct Collector {
    out: Vec<SelSite>,
}

impl Collector {
    fn step(&mut self, s: &Step) {
        let id = s.id().unwrap_or_default().to_string();
        if let Some(t) = &s.timeout {
            self.attribute_strings(t, "timeout", &|field| Owner::StepAttribute {
                step_id: id.clone(),
                field,
            });
        }
        if let Some(r) = &s.retry_policy {
            self.attribute_strings(r, "retry_policy", &|field| Owner::StepAttribute {
                step_id: id.clone(),
                field,
            });
        }
        for (i, dep) in s.signal_dependencies.iter().enumerate() {
            for mp in &dep.match_params {
                if let Some(p) = &mp.param {
                    self.param(p, &mut Vec::new(), &|_| Owner::SignalDependencyParam {
                        step_id: id.clone(),
                        dependency: i,
                        param: mp.name.text.clone(),
                    });
                }
            }
        }
        for (i, o) in s.signal_outputs.iter().enumerate() {
            for (payload, map) in [(false, &o.params), (true, &o.payload)] {
                self.params(map, &mut Vec::new(), &|path| Owner::SignalOutputParam {
                    step_id: id.clone(),
                    output: i,
                    payload,
                    path,
                });
            }
        }
        for p in s.params.iter() {
            if s.kind.is_loop() && p.name.text == "loop_params" {
                self.params(&p.nested, &mut Vec::new(), &|path| Owner::LoopParam {
                    step_id: id.clone(),
                    path,
                });
                if let Some(e) = &p.expression {
                    let owner = Owner::StepParam {
                        step_id: id.clone(),
                        path: vec![p.name.text.clone()],
                    };
                    self.text(SiteKind::ParamExpression, owner, e, p.ty());
                }
            } else if is_http_state_expr(s, p) {
                if let Some(v) = p
                    .value
                    .as_ref()
                    .and_then(|v| v.as_string_node().map(|x| (x, v.span)))
                {
                    let owner = Owner::StepParam {
                        step_id: id.clone(),
                        path: vec![p.name.text.clone()],
                    };
                    self.interpolated(SiteKind::HttpStateExpression, owner, v.0, v.1, p.ty());
                }
            } else {
                self.param(p, &mut Vec::new(), &|path| Owner::StepParam {
                    step_id: id.clone(),
                    path,
                });
            }
        }
        if let Some(c) = &s.condition {
            self.text(
                SiteKind::WhileCondition,
                Owner::WhileCondition {
                    step_id: id.clone(),
                },
                c,
                Some(ParamType::Boolean),
            );
        }
        if let Some(t) = &s.transition {
            for succ in &t.successors {
                if let Some(c) = &succ.condition {
                    let owner = Owner::Successor {
                        step_id: id.clone(),
                        successor: succ.id.text.clone(),
                    };
                    self.text(
                        SiteKind::SuccessorCondition,
                        owner,
                        c,
                        Some(ParamType::Boolean),
                    );
                }
            }
        }
        for child in &s.steps {
            self.step(child);
        }
    }

    fn params(
        &mut self,
        map: &ParamMap,
        path: &mut Vec<String>,
        owner: &dyn Fn(Vec<String>) -> Owner,
    ) {
        for p in map.iter() {
            self.param(p, path, owner);
        }
    }

    fn param(&mut self, p: &Param, path: &mut Vec<String>, owner: &dyn Fn(Vec<String>) -> Owner) {
        path.push(p.name.text.clone());
        let ty = p.ty();
        if let Some(e) = &p.expression {
            let kind = match p.syntax {
                ParamSyntax::DslExpression => SiteKind::DslExpression,
                ParamSyntax::DslRange => SiteKind::RangeExpression,
                _ => SiteKind::ParamExpression,
            };
            self.text(kind, owner(path.clone()), e, ty);
        }
        if let (Some(v), Some(t)) = (&p.value, ty) {
            match (t, &v.kind) {
                (ParamType::String, NodeKind::String(s)) => {
                    self.interpolated(
                        SiteKind::InterpolatedString,
                        owner(path.clone()),
                        s,
                        v.span,
                        ty,
                    );
                }
                (ParamType::StringArray, NodeKind::Array(items)) => {
                    for (index, item) in items.iter().enumerate() {
                        if let NodeKind::String(s) = &item.kind {
                            let kind = SiteKind::InterpolatedArrayElement { index };
                            self.interpolated(kind, owner(path.clone()), s, item.span, ty);
                        }
                    }
                }
                (ParamType::StringMap, NodeKind::Object(members)) => {
                    for m in members {
                        self.interpolated(
                            SiteKind::InterpolatedMapKey,
                            owner(path.clone()),
                            &m.key,
                            m.key_span,
                            ty,
                        );
                        if let NodeKind::String(s) = &m.value.kind {
                            let kind = SiteKind::InterpolatedMapValue {
                                key: m.key.value.clone(),
                            };
                            self.interpolated(kind, owner(path.clone()), s, m.value.span, ty);
                        }
                    }
                }
                (ParamType::Map, _) => self.params(&p.nested, path, owner),
                _ => {}
            }
        }
        path.pop();
    }

    fn text(
        &mut self,
        kind: SiteKind,
        owner: Owner,
        t: &SourceText,
        param_type: Option<ParamType>,
    ) {
        let references = if kind.is_sel() {
            Vec::new()
        } else {
            refs(&t.text, &t.map)
        };
        self.out.push(SelSite {
            kind,
            owner,
            text: t.text.clone(),
            map: t.map.clone(),
            span: t.span,
            param_type,
            references,
        });
    }

    fn interpolated(
        &mut self,
        kind: SiteKind,
        owner: Owner,
        s: &Str,
        span: Span,
        ty: Option<ParamType>,
    ) {
        self.text(kind, owner, &SourceText::from_str(s, span), ty);
    }

    /// Every string leaf under `node` (ParsableLong attributes), named by its key path.
    fn attribute_strings(&mut self, node: &Node, field: &str, owner: &dyn Fn(String) -> Owner) {
        match &node.kind {
            // Enum fields (a backoff's `type`) are not interpolated.
            NodeKind::String(_) if field.ends_with(".type") => {}
            NodeKind::String(s) => {
                self.interpolated(
                    SiteKind::InterpolatedAttribute,
                    owner(field.to_string()),
                    s,
                    node.span,
                    None,
                );
            }
            NodeKind::Object(members) => {
                for m in members {
                    self.attribute_strings(&m.value, &format!("{field}.{}", m.key.value), owner);
                }
            }
            NodeKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.attribute_strings(item, &format!("{field}[{i}]"), owner);
                }
            }
            _ => {}
        }
    }
}

/// The http runtime evaluates a literal `state_expr` step param as SEL (SPEC §2.9).
fn is_http_state_expr(s: &Step, p: &Param) -> bool {
    p.name.text == "state_expr"
        && p.expression.is_none()
        && p.ty() == Some(ParamType::String)
        && s.step_type
            .as_ref()
            .is_some_and(|t| t.value.eq_ignore_ascii_case("http"))
}

fn refs(text: &str, map: &SourceMap) -> Vec<SiteReference> {
    interpolation::references(text)
        .into_iter()
        .map(|r| SiteReference {
            span: map.doc_span(r.name_range.0, r.name_range.1),
            name: r.name,
            text_range: r.name_range,
        })
        .collect()
}
