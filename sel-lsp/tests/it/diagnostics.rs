//! Diagnostics over the protocol: syntax, types, lints and unknown names, in `.sel` files
//! and in workflow documents (JSON and YAML, through string escapes).

use crate::common::{summary, Client};
use serde_json::json;

#[tokio::test]
async fn sel_file_type_errors_and_lints() {
    let mut c = Client::start().await;
    let text = "int x = 'a';\nMap m = new Map();\nm['k'];\nlong a = 1; long b = a; b += 1;\nz;\n";
    c.open("file:///t.sel", "sel", text).await;
    let d = c.diagnostics("file:///t.sel", 1).await;
    assert_eq!(
        summary(&d),
        [
            ([0, 8, 0, 11], 1, "sel::type".into(), "Type mismatch, lhs type: LONG, rhs object type: STRING".into()),
            ([2, 0, 2, 6], 1, "sel::map-index".into(), "Indexing a Map with [] fails (ClassCastException); only params supports it. Use .get(key).".into()),
            ([3, 24, 3, 25], 2, "sel::alias-mutation".into(), "`b` was declared from `a` and shares its value, so this assignment changes `a` too (SPEC §4.7); declare `b` without initialiser and assign it instead".into()),
            ([4, 0, 4, 1], 4, "sel::unknown-name".into(), "`z` is not declared: it reads the input variable `z`".into()),
        ]
    );
}

#[tokio::test]
async fn syntax_error_after_incremental_edit() {
    let mut c = Client::start().await;
    c.open("file:///e.sel", "sel", "x = 1;\ny = 2;\n").await;
    assert_eq!(
        c.diagnostics("file:///e.sel", 1).await,
        Vec::<serde_json::Value>::new()
    );
    // Replace `2` with `2 +` — the statement no longer parses.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": "file:///e.sel", "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 5}, "end": {"line": 1, "character": 5}}, "text": " +"}]
        }),
    )
    .await;
    let d = c.diagnostics("file:///e.sel", 2).await;
    let s = summary(&d);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, [1, 7, 1, 8]);
    assert_eq!(s[0].2, "sel::syntax");
    assert!(s[0].3.starts_with("com.netflix.sel.ast.ParseException: Encountered \" \";\" \"; \"\" at line 2, column 8."), "{}", s[0].3);
}

#[tokio::test]
async fn lints_for_short_circuit_and_mixed_types() {
    let mut c = Client::start().await;
    let text = "String x = 'a';\nif (x != null && x.length() > 0) { }\nlong q = 0;\nboolean b = false && (q = 1) == 1;\n1 == '1';\n'a' + true;\n";
    c.open("file:///l.sel", "sel", text).await;
    let d = summary(&c.diagnostics("file:///l.sel", 1).await);
    let codes: Vec<(&[u64; 4], &str)> = d.iter().map(|x| (&x.0, x.2.as_str())).collect();
    assert_eq!(
        codes,
        [
            (&[1, 17, 1, 31], "sel::non-short-circuit"),
            (&[3, 21, 3, 33], "sel::non-short-circuit"),
            (&[4, 0, 4, 8], "sel::mixed-type-operator"),
            (&[5, 0, 5, 10], "sel::mixed-type-operator"),
        ]
    );
    assert_eq!(d[0].3, "SEL evaluates both sides of && (no short-circuit), so this always runs: the null check on the left does not protect it; use if or ?: instead");
    assert_eq!(d[1].3, "SEL evaluates both sides of && (no short-circuit), so this always runs: its side effects happen whatever the left side is; use if or ?: instead");
    assert_eq!(d[2].3, "== compares the number's text with the string; written the other way round (STRING == LONG) it fails with a type mismatch");
    assert_eq!(d[3].3, "+ appends the BOOLEAN as text here; written the other way round (BOOLEAN + STRING) it fails");
}
