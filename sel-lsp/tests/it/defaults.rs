//! Maestro's default params in the editor (issue 16): names like `RUN_DATE` and
//! `step_id` resolve, hover shows a param's merged definition (mode, source, the default
//! it overrides), and inlay hints show default params' values for the `sel.runTs`
//! setting (initialization options or `workspace/didChangeConfiguration`).

use crate::common::{pos, Client};
use serde_json::{json, Value};

const URI: &str = "file:///defaults.json";

fn fixture() -> String {
    std::fs::read_to_string("tests/data/defaults.json").expect("fixture")
}

async fn hints(c: &mut Client) -> Value {
    let full = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    c.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": full}),
    )
    .await
}

/// `(line, character, label)` of each hint.
fn compact(h: &Value) -> Vec<(u64, u64, String)> {
    h.as_array()
        .expect("hints")
        .iter()
        .map(|x| {
            (
                x["position"]["line"].as_u64().unwrap_or(0),
                x["position"]["character"].as_u64().unwrap_or(0),
                x["label"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The hints the fixture gets for RUN_TS = 2024-03-01T05:30:00Z with its time trigger's
/// America/Los_Angeles cron timezone (21:30 on Feb 29 there).
fn expected(text: &str) -> Vec<(u64, u64, String)> {
    let after = |needle: &str, len: u32, label: &str| {
        let (l, c) = pos(text, needle, 0);
        (l as u64, (c + len) as u64, label.to_string())
    };
    vec![
        after("RUN_DATE + ", 8, "= \"20240301\""),
        after("TARGET_RUN_HOUR\"", 15, "= \"21\""),
        after("TARGET_RUN_HOUR\"", 16, "= \"20240301-21\""),
        after("RUN_DATE_MINUS_1)", 16, "= \"20240229\""),
        after("RUN_DATE_MINUS_1)\"", 18, "= 1709164800000"),
    ]
}

#[tokio::test]
async fn default_params_resolve_and_hover() {
    let text = fixture();
    let mut c = Client::start().await;
    c.open(URI, "json", &text).await;
    assert_eq!(c.diagnostics(URI, 1).await, Vec::<Value>::new());
    let (l, ch) = pos(&text, "RUN_DATE + ", 0);
    let h = c.at("textDocument/hover", URI, l, ch + 2).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nSTRING RUN_DATE\n```\n\ndefault workflow param · MUTABLE_ON_START · source SYSTEM_DEFAULT\n\n`RUN_TS` in UTC as `yyyyMMdd`"
    );
    let (l, ch) = pos(&text, "step_id", 0);
    let h = c.at("textDocument/hover", URI, l, ch + 2).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nSTRING step_id\n```\n\ndefault step param · CONSTANT · source SYSTEM_DEFAULT\n\nthe step's id (reserved)"
    );
    // On the key of a param that overrides a default: the merged definition.
    let (l, ch) = pos(&text, "DERIVED_RUN_TS\": {", 0);
    let h = c.at("textDocument/hover", URI, l, ch + 3).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nLONG DERIVED_RUN_TS\n```\n\nworkflow param · MUTABLE_ON_START (the default's mode) · source DEFINITION\n\nvalue: `5`\n\noverrides the default `DERIVED_RUN_TS` (LONG, MUTABLE_ON_START, SYSTEM_DEFAULT): the start of `TARGET_RUN_DATE` + `TARGET_RUN_HOUR` in that timezone (ms)"
    );
    assert_eq!(
        crate::common::range(&h["range"]),
        [l as u64, ch as u64, l as u64, ch as u64 + 14]
    );
    // Without a RUN_TS setting, nothing that depends on one has a value.
    assert_eq!(hints(&mut c).await, json!([]));
}

#[tokio::test]
async fn inlay_hints_for_the_run_ts_setting() {
    let text = fixture();
    let options = json!({"sel": {"runTs": 1_709_271_000_000_i64}});
    let mut c = Client::start_full(json!({}), options).await;
    c.open(URI, "json", &text).await;
    assert_eq!(compact(&hints(&mut c).await), expected(&text));
    // Set later, as an RFC 3339 timestamp, through the configuration.
    let mut c = Client::start().await;
    c.open(URI, "json", &text).await;
    assert_eq!(hints(&mut c).await, json!([]));
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"sel": {"runTs": "2024-03-01T05:30:00Z"}}}),
    )
    .await;
    assert_eq!(compact(&hints(&mut c).await), expected(&text));
}
