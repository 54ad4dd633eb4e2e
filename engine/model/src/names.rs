//! Name tables per scope, for completion, hover and go-to-definition: workflow params,
//! step ids with their params and upstream steps (for `stepId__param`), loop variables,
//! and signal names.

use crate::document::WorkflowDocument;
use crate::model::{Param, ParamMap, ParamType, Step, StepKind};
use crate::spanned::Span;

/// A defined name and where it is defined.
#[derive(Clone, Debug, PartialEq)]
pub struct NameDef {
    pub name: String,
    /// The name itself.
    pub span: Span,
    /// The whole definition.
    pub def_span: Span,
    pub param_type: Option<ParamType>,
}

impl NameDef {
    fn of(p: &Param) -> NameDef {
        NameDef {
            name: p.name.text.clone(),
            span: p.name.span,
            def_span: p.span,
            param_type: p.ty(),
        }
    }
}

fn defs(map: &ParamMap) -> Vec<NameDef> {
    map.iter().map(NameDef::of).collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepNames {
    pub id: String,
    pub span: Span,
    pub kind: StepKind,
    /// The enclosing foreach/while step, if any.
    pub parent: Option<String>,
    /// The step's params (`loop_params` included as a name).
    pub params: Vec<NameDef>,
    /// For foreach/while steps, the loop variables.
    pub loop_params: Vec<NameDef>,
    /// Sibling steps listing this one as a successor, in document order.
    pub predecessors: Vec<String>,
    /// Every sibling step that reaches this one through transitions, in document order.
    pub upstream: Vec<String>,
    pub successors: Vec<String>,
}

/// Where a signal name is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignalSource {
    Trigger { trigger: usize },
    Dependency { step_id: String, index: usize },
    Output { step_id: String, index: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignalName {
    pub name: String,
    pub span: Span,
    pub source: SignalSource,
    /// Match params (triggers, dependencies) or params (outputs).
    pub params: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameTables {
    pub workflow_params: Vec<NameDef>,
    /// Every step, depth first in document order.
    pub steps: Vec<StepNames>,
    pub signals: Vec<SignalName>,
    /// Params of signal triggers (visible through `params.getFromSignal('p')`).
    pub trigger_params: Vec<NameDef>,
}

impl NameTables {
    pub fn step(&self, id: &str) -> Option<&StepNames> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn workflow_param(&self, name: &str) -> Option<&NameDef> {
        self.workflow_params.iter().find(|p| p.name == name)
    }

    /// Loop variables visible in step `id`: those of every enclosing loop, innermost last.
    pub fn loop_variables(&self, id: &str) -> Vec<&NameDef> {
        let mut chain = Vec::new();
        let mut cur = self.step(id).and_then(|s| s.parent.clone());
        while let Some(p) = cur {
            let Some(s) = self.step(&p) else { break };
            chain.push(s);
            cur = s.parent.clone();
            if chain.len() > self.steps.len() {
                break;
            }
        }
        chain
            .iter()
            .rev()
            .flat_map(|s| s.loop_params.iter())
            .collect()
    }
}

/// The name tables of a document.
pub fn name_tables(doc: &WorkflowDocument) -> NameTables {
    let mut t = NameTables::default();
    let Some(w) = &doc.workflow else {
        return t;
    };
    t.workflow_params = defs(&w.params);
    for (i, st) in w.signal_triggers.iter().enumerate() {
        for def in &st.definitions {
            t.signals.push(SignalName {
                name: def.name.text.clone(),
                span: def.name.span,
                source: SignalSource::Trigger { trigger: i },
                params: def
                    .match_params
                    .iter()
                    .map(|m| m.name.text.clone())
                    .collect(),
            });
        }
        t.trigger_params.extend(defs(&st.params));
    }
    siblings(&w.steps, None, &mut t);
    t
}

fn siblings(steps: &[Step], parent: Option<&str>, t: &mut NameTables) {
    let ids: Vec<&str> = steps.iter().map(|s| s.id().unwrap_or_default()).collect();
    let succ: Vec<Vec<String>> = steps
        .iter()
        .map(|s| {
            s.transition
                .iter()
                .flat_map(|tr| tr.successors.iter().map(|x| x.id.text.clone()))
                .collect()
        })
        .collect();
    for (i, s) in steps.iter().enumerate() {
        let Some(id) = s.id() else { continue };
        let predecessors: Vec<String> = (0..steps.len())
            .filter(|&j| succ[j].iter().any(|x| x == id))
            .map(|j| ids[j].to_string())
            .collect();
        // Walk predecessor edges backwards; the visited set bounds it on cycles.
        let mut seen = vec![false; steps.len()];
        let mut stack = vec![i];
        while let Some(k) = stack.pop() {
            for j in 0..steps.len() {
                if !seen[j] && succ[j].iter().any(|x| x == ids[k]) {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
        let upstream = (0..steps.len())
            .filter(|&j| seen[j] && j != i)
            .map(|j| ids[j].to_string())
            .collect();
        let mut signal =
            |source: SignalSource, name: &Option<crate::Spanned<String>>, params: Vec<String>| {
                if let Some(n) = name {
                    t.signals.push(SignalName {
                        name: n.value.clone(),
                        span: n.span,
                        source,
                        params,
                    });
                }
            };
        for (k, dep) in s.signal_dependencies.iter().enumerate() {
            let params = dep
                .match_params
                .iter()
                .map(|m| m.name.text.clone())
                .collect();
            signal(
                SignalSource::Dependency {
                    step_id: id.to_string(),
                    index: k,
                },
                &dep.name,
                params,
            );
        }
        for (k, out) in s.signal_outputs.iter().enumerate() {
            let params = out.params.names().map(str::to_string).collect();
            signal(
                SignalSource::Output {
                    step_id: id.to_string(),
                    index: k,
                },
                &out.name,
                params,
            );
        }
        t.steps.push(StepNames {
            id: id.to_string(),
            span: s.id.as_ref().map_or(s.kind_span, |n| n.span),
            kind: s.kind,
            parent: parent.map(str::to_string),
            params: defs(&s.params),
            loop_params: s.loop_params().map(defs).unwrap_or_default(),
            predecessors,
            upstream,
            successors: succ[i].clone(),
        });
        siblings(&s.steps, Some(id), t);
    }
}
