//! Protocol tests on `.sel` files: completion, hover, signature help, definition,
//! symbols, semantic tokens and formatting, with exact results.

use crate::common::{labels, range, Client};
use serde_json::{json, Value};

const URI: &str = "file:///a.sel";
const TEXT: &str = "String s = 'abc';\nint n = s.length();\nDateTime d = new DateTime(0);\nif (n > 1) { s += 'x'; }\nreturn s.substring(1, n);\n";

async fn open() -> Client {
    let mut c = Client::start().await;
    c.open(URI, "sel", TEXT).await;
    c
}

#[tokio::test]
async fn completion_by_receiver_type_and_in_code() {
    let mut c = open().await;
    // `s.` (STRING value): instance methods, no static-only `valueOf`.
    let got = labels(&c.at("textDocument/completion", URI, 1, 10).await);
    assert_eq!(got.len(), 18);
    assert_eq!(got[..3], ["length", "isEmpty", "trim"]);
    assert!(!got.contains(&"valueOf".to_string()));
    // `d.` after `new DateTime(0)`: DateTime methods, via the declared type.
    let mut c2 = Client::start().await;
    c2.open(
        "file:///b.sel",
        "sel",
        "DateTime d = new DateTime(0);\nd.plusD\nString.\nnew DateTime(0).dayOfWeek().",
    )
    .await;
    let items = c2
        .at("textDocument/completion", "file:///b.sel", 1, 7)
        .await;
    assert!(labels(&items).contains(&"plusDays".to_string()));
    let plus = items["items"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["label"] == "plusDays"))
        .cloned();
    assert_eq!(
        plus.map(|p| p["detail"].clone()),
        Some(json!("plusDays(amount: int) -> DATETIME"))
    );
    // The static `String`: only what works on it.
    let got = labels(
        &c2.at("textDocument/completion", "file:///b.sel", 2, 7)
            .await,
    );
    assert_eq!(got, ["valueOf", "format", "join", "escape"]);
    let got = labels(
        &c2.at("textDocument/completion", "file:///b.sel", 3, 28)
            .await,
    );
    assert_eq!(
        got,
        ["get", "getAsText", "withMinimumValue", "withMaximumValue"]
    );
    // In code: locals declared before the cursor, statics, keywords.
    let got = labels(&c.at("textDocument/completion", URI, 3, 4).await);
    assert_eq!(got[..3], ["s", "n", "d"]);
    assert!(got.contains(&"Math".to_string()) && got.contains(&"return".to_string()));
    assert!(!got.contains(&"goto".to_string()));
}

#[tokio::test]
async fn hover_signature_definition_symbols() {
    let mut c = open().await;
    let h = c.at("textDocument/hover", URI, 1, 11).await;
    assert_eq!(
        h,
        json!({"contents": {"kind": "markdown", "value": "```sel\nSTRING.length() -> LONG\n```\n\nNumber of UTF-16 code units in the string."},
               "range": {"start": {"line": 1, "character": 10}, "end": {"line": 1, "character": 16}}})
    );
    let h = c.at("textDocument/hover", URI, 4, 7).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nSTRING s\n```\n\nlocal variable"
    );
    let h = c.at("textDocument/hover", URI, 2, 18).await;
    assert_eq!(h["contents"]["value"], "```sel\nclass DateTime: DATETIME\n```\n\nJoda DateTime class: `new DateTime(..)`, `DateTime.parse(text, formatter)`.");
    // Signature help at `substring(1, |n)`.
    let s = c.at("textDocument/signatureHelp", URI, 4, 22).await;
    assert_eq!(
        s,
        json!({"signatures": [
            {"label": "substring(begin: int) -> STRING", "documentation": "The text from UTF-16 index `begin` to the end.", "parameters": [{"label": "begin: int"}]},
            {"label": "substring(begin: int, end: int) -> STRING", "documentation": "The text between UTF-16 indices `begin` (inclusive) and `end` (exclusive).", "parameters": [{"label": "begin: int"}, {"label": "end: int"}]}
        ], "activeSignature": 1, "activeParameter": 1})
    );
    let d = c.at("textDocument/definition", URI, 4, 22).await;
    assert_eq!(range(&d["range"]), [1, 4, 1, 5]);
    let s = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let got: Vec<(String, String, [u64; 4])> = s
        .as_array()
        .expect("symbols")
        .iter()
        .map(|x| {
            (
                x["name"].as_str().unwrap_or("").into(),
                x["detail"].as_str().unwrap_or("").into(),
                range(&x["selectionRange"]),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("s".into(), "STRING".into(), [0, 7, 0, 8]),
            ("n".into(), "LONG".into(), [1, 4, 1, 5]),
            ("d".into(), "DATETIME".into(), [2, 9, 2, 10])
        ]
    );
}

#[tokio::test]
async fn semantic_tokens_and_formatting() {
    let mut c = Client::start().await;
    c.open("file:///t.sel", "sel", "String s = 'é';\ns.trim(); // ok\n")
        .await;
    let t = c
        .request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": "file:///t.sel"}}),
        )
        .await;
    // class String, variable s, operator =, string 'é' (3 UTF-16 units), then on line 1
    // variable s, method trim, comment.
    assert_eq!(
        t["data"],
        json!([
            0, 0, 6, 8, 0, 0, 7, 1, 3, 0, 0, 2, 1, 4, 0, 0, 2, 3, 2, 0, 1, 0, 1, 3, 0, 0, 2, 4, 6,
            0, 0, 8, 5, 5, 0
        ])
    );
    let f = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": URI}, "options": {"tabSize": 4, "insertSpaces": true}}),
        )
        .await;
    assert_eq!(
        f,
        Value::Null,
        "the unopened document has nothing to format"
    );
    c.open(URI, "sel", "if (x) { y = 1; }").await;
    let f = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": URI}, "options": {"tabSize": 4, "insertSpaces": true}}),
        )
        .await;
    assert_eq!(
        f,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 17}}, "newText": "if (x) {\n    y = 1;\n}\n"}])
    );
}

/// Absolute `(line, character, length, type)` of encoded semantic tokens.
fn decode(data: &Value) -> Vec<(u64, u64, u64, u64)> {
    let d: Vec<u64> = data
        .as_array()
        .expect("data")
        .iter()
        .map(|x| x.as_u64().unwrap_or(0))
        .collect();
    let (mut line, mut col) = (0, 0);
    d.chunks(5)
        .map(|t| {
            if t[0] > 0 {
                col = 0;
            }
            line += t[0];
            col += t[1];
            (line, col, t[2], t[3])
        })
        .collect()
}

#[tokio::test]
async fn semantic_tokens_split_across_lines() {
    let mut c = Client::start().await;
    c.open("file:///m.sel", "sel", "x = 1; /* a\n  é b */\ny;\n")
        .await;
    let t = c
        .request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": "file:///m.sel"}}),
        )
        .await;
    // variable x, operator =, number 1, the comment as one token per line (`é` is one
    // UTF-16 unit), then the input `y` (a parameter: it is never assigned).
    assert_eq!(
        decode(&t["data"]),
        [
            (0, 0, 1, 3),
            (0, 2, 1, 4),
            (0, 4, 1, 1),
            (0, 7, 4, 5),
            (1, 0, 8, 5),
            (2, 0, 1, 9)
        ]
    );
}
