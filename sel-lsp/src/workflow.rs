//! Workflow documents: the engine's model, its SEL sites turned into [`Unit`]s with
//! Maestro's sanitizing applied, and the names each site can see.

use crate::analysis::{Inputs, Parsed, Ty, Unit, UnitMap};
use maestro_model::{Format, NameTables, ParamType, Scope, SelSite, WorkflowDocument};
use sel_core::catalog::ANY;
use std::collections::HashMap;
use std::sync::Arc;

/// A loaded workflow document with its sites and name tables.
#[derive(Debug)]
pub struct Workflow {
    pub doc: WorkflowDocument,
    pub sites: Vec<SelSite>,
    pub names: NameTables,
    /// Workflow param name → index in `names.workflow_params` (documents can have
    /// thousands of params, and every site looks names up).
    pub param_index: HashMap<String, usize>,
}

impl Workflow {
    /// The inputs of site `site`.
    pub fn inputs(&self, site: usize) -> SiteInputs<'_> {
        SiteInputs {
            names: &self.names,
            index: &self.param_index,
            scope: self.sites[site].owner.scope(),
        }
    }

    pub fn workflow_param(&self, name: &str) -> Option<&maestro_model::NameDef> {
        self.param_index
            .get(name)
            .and_then(|&i| self.names.workflow_params.get(i))
    }
}

/// Parses of site texts from the previous analysis, so an edit re-parses only the sites
/// it touched.
#[derive(Debug, Default)]
pub struct ParseCache {
    map: HashMap<String, Arc<Parsed>>,
}

impl ParseCache {
    /// The parse of `text`, reused when known. `next` collects what the next analysis
    /// may reuse, so entries of deleted text are dropped.
    pub fn get(&self, text: String, next: &mut ParseCache) -> Arc<Parsed> {
        let parsed = match self.map.get(&text) {
            Some(p) => p.clone(),
            None => Arc::new(Parsed::new(text.clone())),
        };
        next.map.insert(text, parsed.clone());
        parsed
    }
}

/// The SEL type of a Maestro param type.
pub fn sel_type(t: ParamType) -> Ty {
    match t {
        ParamType::StringMap | ParamType::Map => "MAP",
        ParamType::String => "STRING",
        ParamType::Long => "LONG",
        ParamType::Double => "DOUBLE",
        ParamType::Boolean => "BOOLEAN",
        ParamType::StringArray => "STRING_ARRAY",
        ParamType::LongArray => "LONG_ARRAY",
        ParamType::DoubleArray => "DOUBLE_ARRAY",
        ParamType::BooleanArray => "BOOLEAN_ARRAY",
    }
}

/// The names an expression at a site can read (SPEC §10.1): params of the scope, loop
/// variables, and `stepId__param` / `signal__param` references.
pub struct SiteInputs<'a> {
    pub names: &'a NameTables,
    pub index: &'a HashMap<String, usize>,
    pub scope: Scope,
}

impl SiteInputs<'_> {
    fn step_id(&self) -> Option<&str> {
        match &self.scope {
            Scope::Step { step_id } | Scope::StepWithoutOwnParams { step_id } => Some(step_id),
            _ => None,
        }
    }
}

impl Inputs for SiteInputs<'_> {
    fn input(&self, name: &str) -> Option<Ty> {
        let ty = |d: &maestro_model::NameDef| d.param_type.map_or(ANY, sel_type);
        let workflow_visible = matches!(
            self.scope,
            Scope::Workflow | Scope::Step { .. } | Scope::StepWithoutOwnParams { .. }
        );
        if let Some(id) = self.step_id() {
            if matches!(self.scope, Scope::Step { .. }) {
                // A loop step's own loop params are visible in its condition and params.
                if let Some(d) = self.names.step(id).and_then(|s| {
                    s.params
                        .iter()
                        .chain(&s.loop_params)
                        .find(|p| p.name == name)
                }) {
                    return Some(ty(d));
                }
            }
            if let Some(d) = self
                .names
                .loop_variables(id)
                .into_iter()
                .find(|p| p.name == name)
            {
                return Some(ty(d));
            }
        }
        if workflow_visible {
            if let Some(d) = self
                .index
                .get(name)
                .and_then(|&i| self.names.workflow_params.get(i))
            {
                return Some(ty(d));
            }
        }
        // Maestro's default params (engine SPEC §2.11), unless the document defines them.
        if workflow_visible {
            if let Some(d) = crate::analysis::defaults::workflow_default(name) {
                return Some(sel_type(d.ty));
            }
        }
        if self.step_id().is_some() {
            if let Some(d) = crate::analysis::defaults::step_default(name) {
                return Some(sel_type(d.ty));
            }
        }
        if let Some((prefix, param)) = name.split_once("__") {
            if let Some(s) = self.names.step(prefix) {
                let d = s.params.iter().find(|p| p.name == param);
                return Some(d.map_or(ANY, ty));
            }
            if self.names.signals.iter().any(|s| s.name == prefix) {
                return Some(ANY);
            }
        }
        None
    }
}

/// Loads a workflow document and builds one unit per SEL site.
pub fn analyze(
    text: &str,
    format: Format,
    old: &ParseCache,
    next: &mut ParseCache,
) -> (Workflow, Vec<Unit>) {
    let doc = maestro_model::load(text, format);
    let sites = maestro_model::sel_sites(&doc);
    let names = maestro_model::name_tables(&doc);
    let mut param_index = HashMap::new();
    for (i, p) in names.workflow_params.iter().enumerate() {
        param_index.entry(p.name.clone()).or_insert(i);
    }
    let mut units = Vec::new();
    for (i, site) in sites.iter().enumerate() {
        if !site.kind.is_sel() {
            continue;
        }
        let sanitized = sel_core::sanitize(&site.text);
        let lead = site.text.len() - trim_start(&site.text).len();
        let len = trim_end(&site.text[lead..]).len();
        let inputs = SiteInputs {
            names: &names,
            index: &param_index,
            scope: site.owner.scope(),
        };
        let map = UnitMap::Site {
            lead,
            len,
            map: site.map.clone(),
        };
        units.push(Unit::new(old.get(sanitized, next), &inputs, map, Some(i)));
    }
    let w = Workflow {
        doc,
        sites,
        names,
        param_index,
    };
    (w, units)
}

/// Java's `String.trim` drops every char up to U+0020 (what `sanitize` does).
fn trim_start(s: &str) -> &str {
    s.trim_start_matches(|c: char| c <= ' ')
}

fn trim_end(s: &str) -> &str {
    s.trim_end_matches(|c: char| c <= ' ')
}

impl Workflow {
    /// The model of step `id`, searched depth first.
    pub fn step_model(&self, id: &str) -> Option<&maestro_model::Step> {
        fn find<'s>(steps: &'s [maestro_model::Step], id: &str) -> Option<&'s maestro_model::Step> {
            steps.iter().find_map(|s| {
                if s.id() == Some(id) {
                    Some(s)
                } else {
                    find(&s.steps, id)
                }
            })
        }
        find(&self.doc.workflow.as_ref()?.steps, id)
    }

    /// Every step's id and whole span, depth first.
    pub fn workflow_steps(&self) -> Vec<(String, (usize, usize))> {
        fn walk(steps: &[maestro_model::Step], out: &mut Vec<(String, (usize, usize))>) {
            for s in steps {
                if let Some(id) = s.id() {
                    out.push((id.to_string(), (s.span.start, s.span.end)));
                }
                walk(&s.steps, out);
            }
        }
        let mut out = Vec::new();
        if let Some(w) = &self.doc.workflow {
            walk(&w.steps, &mut out);
        }
        out
    }
}
