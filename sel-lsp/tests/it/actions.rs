//! Code actions (issue 16): each lint's quick fix, "declare missing param" and the
//! literal ↔ expression conversions, checked by applying the edits and by the
//! diagnostic being gone from the result.

use crate::common::{apply, pos, Client};
use serde_json::{json, Value};

const URI: &str = "file:///actions.json";

/// The code actions for the range of `needle` (its first occurrence, `len` long).
async fn actions(c: &mut Client, uri: &str, text: &str, needle: &str, len: u32) -> Vec<Value> {
    let (l, ch) = pos(text, needle, 0);
    let p = json!({"textDocument": {"uri": uri},
        "range": {"start": {"line": l, "character": ch}, "end": {"line": l, "character": ch + len}},
        "context": {"diagnostics": []}});
    c.request("textDocument/codeAction", p)
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The text after the action titled `title`.
fn applied(text: &str, actions: &[Value], title: &str, uri: &str) -> String {
    let a = actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action {title:?} in {actions:?}"));
    apply(text, &a["edit"], uri)
}

/// The diagnostic codes of `text` opened fresh.
async fn codes(text: &str) -> Vec<String> {
    let mut c = Client::start().await;
    c.open("file:///after.json", "json", text).await;
    c.diagnostics("file:///after.json", 1)
        .await
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

async fn open() -> (Client, String) {
    let mut c = Client::start().await;
    let text = std::fs::read_to_string("tests/data/actions.json").expect("fixture");
    c.open(URI, "json", &text).await;
    let d = c.diagnostics(URI, 1).await;
    let mut got: Vec<&str> = d.iter().filter_map(|d| d["code"].as_str()).collect();
    got.sort();
    assert_eq!(
        got,
        [
            "sel::alias-mutation",
            "sel::map-index",
            "sel::non-short-circuit",
            "sel::sanitize-comment",
            "sel::syntax",
            "sel::unknown-name"
        ]
    );
    (c, text)
}

#[tokio::test]
async fn lint_quick_fixes() {
    let (mut c, text) = open().await;
    let acts = actions(&mut c, URI, &text, "m['k']", 6).await;
    assert_eq!(acts[0]["kind"], "quickfix");
    assert_eq!(acts[0]["diagnostics"][0]["code"], "sel::map-index");
    let fixed = applied(&text, &acts, "Use .get(key)", URI);
    assert_eq!(fixed, text.replace("m['k']", "m.get('k')"));
    assert!(!codes(&fixed).await.contains(&"sel::map-index".to_string()));

    let acts = actions(&mut c, URI, &text, "s.length() > 0", 14).await;
    let fixed = applied(
        &text,
        &acts,
        "Rewrite as `a ? b : false` (evaluates b only when a holds)",
        URI,
    );
    assert_eq!(
        fixed,
        text.replace(
            "s != null && s.length() > 0",
            "(s != null ? s.length() > 0 : false)"
        )
    );
    assert!(!codes(&fixed)
        .await
        .contains(&"sel::non-short-circuit".to_string()));

    let acts = actions(&mut c, URI, &text, "// three", 8).await;
    let fixed = applied(
        &text,
        &acts,
        "End the code with `;` before the comment",
        URI,
    );
    assert_eq!(fixed, text.replace("1 + 2 // three", "1 + 2; // three"));
    let after = codes(&fixed).await;
    assert!(
        !after.contains(&"sel::sanitize-comment".to_string()),
        "{after:?}"
    );

    let acts = actions(&mut c, URI, &text, "b += 1", 1).await;
    let fixed = applied(
        &text,
        &acts,
        "Declare `b` without initialiser, then assign it",
        URI,
    );
    assert_eq!(fixed, text.replace("long b = a;", "long b; b = a;"));
    assert!(!codes(&fixed)
        .await
        .contains(&"sel::alias-mutation".to_string()));
}

#[tokio::test]
async fn declare_missing_param() {
    let (mut c, text) = open().await;
    let acts = actions(&mut c, URI, &text, "missing + 1", 7).await;
    let fixed = applied(&text, &acts, "Declare missing param `missing` (LONG)", URI);
    assert_eq!(
        fixed,
        text.replace(
            "\"expression\": \"'h\\u00e9llo'\"}\n",
            "\"expression\": \"'h\\u00e9llo'\"},\n    \"missing\": {\"type\": \"LONG\", \"value\": 0}\n"
        )
    );
    assert!(!codes(&fixed)
        .await
        .contains(&"sel::unknown-name".to_string()));
    // In the YAML DSL: a `name<type>: value` line after the last param.
    let yaml = "workflow:\n  id: y\n  a: 1\n  '!b': \"flag && true\"\n  jobs: []\n";
    let mut c = Client::start().await;
    c.open("file:///d.yaml", "yaml", yaml).await;
    let acts = actions(&mut c, "file:///d.yaml", yaml, "flag", 4).await;
    let fixed = applied(
        yaml,
        &acts,
        "Declare missing param `flag` (BOOLEAN)",
        "file:///d.yaml",
    );
    assert_eq!(
        fixed,
        "workflow:\n  id: y\n  a: 1\n  '!b': \"flag && true\"\n  flag<boolean>: false\n  jobs: []\n"
    );
}

#[tokio::test]
async fn convert_between_literal_and_expression() {
    let (mut c, text) = open().await;
    let acts = actions(&mut c, URI, &text, "\"lit\"", 0).await;
    assert_eq!(acts.len(), 1, "{acts:?}");
    assert_eq!(acts[0]["kind"], "refactor.rewrite");
    let fixed = applied(&text, &acts, "Convert `lit` to an expression", URI);
    assert_eq!(
        fixed,
        text.replace("\"value\": 42", "\"expression\": \"42\"")
    );
    let acts = actions(&mut c, URI, &text, "\"ex\"", 0).await;
    let fixed = applied(&text, &acts, "Convert `ex` to a literal value", URI);
    assert_eq!(
        fixed,
        text.replace("\"expression\": \"'h\\u00e9llo'\"", "\"value\": \"héllo\"")
    );
    // An expression that is not a literal is not offered.
    let acts = actions(&mut c, URI, &text, "\"un\"", 0).await;
    assert_eq!(acts, Vec::<Value>::new());
}

#[tokio::test]
async fn no_fix_whose_glue_breaks_a_plain_yaml_scalar() {
    // `(a ? b : false)` holds `: `, which ends a plain YAML scalar; a quoted one is fine.
    let yaml = "workflow:\n  id: y\n  s: x\n  '!plain': s != null && s.length() > 0\n  '!quoted': \"s != null && s.length() > 0\"\n  jobs: []\n";
    let mut c = Client::start().await;
    let uri = "file:///glue.yaml";
    c.open(uri, "yaml", yaml).await;
    let lints = c
        .diagnostics(uri, 1)
        .await
        .iter()
        .filter(|d| d["code"] == "sel::non-short-circuit")
        .count();
    assert_eq!(lints, 2);
    let plain = actions(&mut c, uri, yaml, "s.length() > 0\n", 14).await;
    assert_eq!(plain, Vec::<Value>::new());
    let quoted = actions(&mut c, uri, yaml, "s.length() > 0\"", 14).await;
    let fixed = applied(
        yaml,
        &quoted,
        "Rewrite as `a ? b : false` (evaluates b only when a holds)",
        uri,
    );
    assert_eq!(
        fixed,
        yaml.replace(
            "\"s != null && s.length() > 0\"",
            "\"(s != null ? s.length() > 0 : false)\""
        )
    );
}
