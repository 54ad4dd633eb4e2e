//! Loading a workflow document: JSON create request, bare workflow, YAML DSL, or job
//! template, in JSON or YAML syntax, into the model plus diagnostics.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::{
    read_job_template, read_properties, read_workflow, JobTemplate, Properties, Workflow,
};
use crate::spanned::{Node, Span};
use crate::{dsl, json, validate, yaml};

/// The syntax of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

impl Format {
    /// Guesses the format from a file name: `.yaml`/`.yml` are YAML, the rest JSON.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Format::Yaml
        } else {
            Format::Json
        }
    }
}

/// What the document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `{"properties": ..., "workflow": ..., ...}` (the create request).
    CreateRequest,
    /// A workflow object on its own.
    Workflow,
    /// The YAML DSL (`Workflow:` root).
    Dsl,
    /// A job template (`{..., "definition": {...}}`).
    JobTemplate,
    /// Nothing recognisable (see the diagnostics).
    Unknown,
}

/// A loaded document: the spanned tree, the model read from it, and every problem found.
#[derive(Clone, Debug)]
pub struct WorkflowDocument {
    pub format: Format,
    pub shape: Shape,
    /// The spanned tree (partial when the syntax is broken; `None` when empty).
    pub root: Option<Node>,
    pub properties: Option<Properties>,
    pub workflow: Option<Workflow>,
    pub job_template: Option<JobTemplate>,
    /// Syntax, model and validation problems, ordered by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl WorkflowDocument {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::Severity::Error)
    }
}

/// Loads `src` as `format`. Never fails: problems are in `diagnostics`.
pub fn load(src: &str, format: Format) -> WorkflowDocument {
    let (root, syntax) = match format {
        Format::Json => json::parse_json(src),
        Format::Yaml => yaml::parse_yaml(src),
    };
    let mut d = Diagnostics { items: syntax };
    let mut doc = WorkflowDocument {
        format,
        shape: Shape::Unknown,
        root: None,
        properties: None,
        workflow: None,
        job_template: None,
        diagnostics: Vec::new(),
    };
    if let Some(root) = &root {
        read_root(root, format, &mut doc, &mut d);
    }
    if let Some(w) = &doc.workflow {
        validate::validate_workflow(w, &mut d);
    }
    doc.root = root;
    let mut items = d.items;
    items.sort_by_key(|x| x.span.start);
    doc.diagnostics = items;
    doc
}

/// Loads a JSON document.
pub fn load_json(src: &str) -> WorkflowDocument {
    load(src, Format::Json)
}

/// Loads a YAML document (DSL or JSON-shaped).
pub fn load_yaml(src: &str) -> WorkflowDocument {
    load(src, Format::Yaml)
}

fn read_root(root: &Node, format: Format, doc: &mut WorkflowDocument, d: &mut Diagnostics) {
    if root.as_object().is_none() {
        d.error(
            Code::WrongKind,
            root.span,
            format!(
                "a workflow document must be an object, found {}",
                root.kind_name()
            ),
        );
        return;
    }
    if format == Format::Yaml {
        if let Some(dsl_root) = dsl_workflow(root) {
            doc.shape = Shape::Dsl;
            let (props, wf) = dsl::translate(dsl_root, d);
            doc.properties = Some(props);
            doc.workflow = Some(wf);
            return;
        }
    }
    if let Some(wf) = root.get("workflow") {
        doc.shape = Shape::CreateRequest;
        doc.properties = root.get("properties").map(|p| read_properties(p, d));
        doc.workflow = Some(read_workflow(wf, d));
    } else if root.get("definition").is_some() {
        doc.shape = Shape::JobTemplate;
        doc.job_template = Some(read_job_template(root, d));
    } else if root.get("steps").is_some() || root.get("id").is_some() {
        doc.shape = Shape::Workflow;
        doc.workflow = Some(read_workflow(root, d));
    } else {
        d.error(
            Code::Missing,
            Span::at(root.span.start),
            "not a workflow document: expected \"workflow\", a workflow with \"id\" and \"steps\", or a DSL \"Workflow:\" root",
        );
    }
}

/// The DSL workflow node, when the YAML document is in DSL form: root key `Workflow`,
/// or `workflow` holding jobs rather than JSON-shaped steps.
fn dsl_workflow(root: &Node) -> Option<&Node> {
    if let Some(w) = root.get("Workflow") {
        return Some(w);
    }
    let w = root.get("workflow")?;
    let json_shaped = root.get("properties").is_some() || w.get("steps").is_some();
    (!json_shaped).then_some(w)
}
