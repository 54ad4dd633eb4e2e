//! Model validation and malformed documents: diagnostics with exact spans, partial
//! models, no panics.

use crate::common::sample;
use maestro_model::{load_json, load_yaml, sel_sites, Code, Severity, Span};

fn codes(src: &str, yaml: bool) -> Vec<(Code, String)> {
    let doc = if yaml { load_yaml(src) } else { load_json(src) };
    doc.diagnostics
        .iter()
        .map(|d| (d.code, src[d.span.start..d.span.end].to_string()))
        .collect()
}

#[test]
fn model_errors_have_spans() {
    let src = r#"{"id": "wf", "params": {
  "a": {"value": 1},
  "b": {"value": 1, "expression": "1", "type": "LONG"},
  "c__d": {"value": "x", "type": "STRING"}
}, "steps": [
  {"step": {"id": "s1", "type": "NoOp", "transition": {"successors": {"nope": "true"}}}},
  {"step": {"id": "s1", "type": "Bogus"}},
  {"loop": {"id": "s3"}}
]}"#;
    let got = codes(src, false);
    assert_eq!(
        got,
        [
            (Code::Missing, "\"a\"".to_string()),
            (Code::ValueAndExpression, "\"expression\"".to_string()),
            (Code::InvalidIdentifier, "c__d".to_string()),
            (Code::UnknownStep, "nope".to_string()),
            (Code::DuplicateStepId, "s1".to_string()),
            (Code::UnknownValue, "\"Bogus\"".to_string()),
            (Code::UnknownValue, "\"loop\"".to_string()),
        ]
    );
    // The rest of the model is still there.
    let doc = load_json(src);
    let w = doc.workflow.unwrap();
    assert_eq!(w.steps.len(), 2);
    assert_eq!(w.params.len(), 3);
}

#[test]
fn dsl_errors_have_spans() {
    let src = "Workflow:\n  id: wf\n  'x<lng>': 1\n  y<string>: 2\n  jobs:\n    - job:\n        id: a\n        type: NoOp\n        transition:\n          - OTHERWISE b\n          - b\n          - IF x THEN\n    - job:\n        id: b\n        type: NoOp\n";
    let got = codes(src, true);
    assert_eq!(
        got,
        [
            (Code::Dsl, "<lng>".to_string()),
            (Code::Dsl, "<string>".to_string()),
            (Code::Dsl, "OTHERWISE b".to_string()),
            (Code::Dsl, "IF x THEN".to_string()),
        ]
    );
}

#[test]
fn truncated_json_sample_keeps_a_partial_model() {
    let full = sample("sample-dag-test-3.json");
    let cut = &full[..full.find("{\"step\": {\"id\": \"job3\"").unwrap()];
    let doc = load_json(cut);
    let syntax: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Syntax)
        .collect();
    assert_eq!(syntax.len(), 1);
    assert_eq!(syntax[0].span, Span::at(cut.len()));
    let w = doc.workflow.as_ref().unwrap();
    assert_eq!(w.id(), Some("sample-dag-test-3"));
    assert_eq!(w.steps.len(), 2);
    // Sites of the part that was read are still found.
    assert!(sel_sites(&doc)
        .iter()
        .any(|s| s.text == "job3__sleep_seconds + 1;"));
}

#[test]
fn bad_escape_and_tab() {
    let src = "{\"id\": \"w\\q\", \"steps\": []}";
    let doc = load_json(src);
    let esc = doc
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Escape)
        .unwrap();
    assert_eq!(
        (esc.span, esc.severity),
        (Span::new(9, 11), Severity::Error)
    );
    assert_eq!(doc.workflow.unwrap().id(), Some("w\\q"));

    let yaml = "Workflow:\n  id: wf\n\tjobs: []\n";
    let doc = load_yaml(yaml);
    let syn = doc
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Syntax)
        .unwrap();
    assert_eq!(syn.severity, Severity::Error);
    // saphyr reports the plain scalar that runs into the tab.
    assert_eq!(syn.span, Span::new(16, 17));
    assert!(syn.message.contains("tab"), "{syn:?}");
}

#[test]
fn not_a_workflow() {
    let doc = load_json("[1, 2]");
    assert_eq!(doc.diagnostics.len(), 1);
    assert_eq!(doc.diagnostics[0].span, Span::new(0, 6));
    let doc = load_json("");
    assert_eq!(doc.diagnostics[0].code, Code::Syntax);
    assert!(doc.root.is_none());
}
