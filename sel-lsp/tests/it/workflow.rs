//! Protocol tests on workflow documents: every feature inside SEL sites of JSON (through
//! string escapes and non-ASCII text) and of the YAML DSL.

use crate::common::{labels, pos, range, summary, Client};
use serde_json::{json, Value};

const URI: &str = "file:///wf.json";

async fn open_json() -> (Client, String) {
    let mut c = Client::start().await;
    let text = std::fs::read_to_string("tests/data/wf.json").expect("fixture");
    c.open(URI, "json", &text).await;
    (c, text)
}

#[tokio::test]
async fn diagnostics_map_through_escapes_and_sanitize() {
    let (mut c, text) = open_json().await;
    let d = summary(&c.diagnostics(URI, 1).await);
    let star = pos(&text, "* 2", 0);
    let comment = pos(&text, "// doubled", 0);
    let end = pos(&text, "\"},\n      \"half\"", 0);
    assert_eq!(d.len(), 3, "{d:?}");
    // The `*` after `"\u00e9".length() + ` (escaped twice: JSON, then SEL).
    assert_eq!(
        d[0].0,
        [
            star.0 as u64,
            star.1 as u64,
            star.0 as u64,
            star.1 as u64 + 1
        ]
    );
    assert_eq!((d[0].1, d[0].2.as_str()), (1, "sel::syntax"));
    assert!(d[0].3.starts_with(
        "com.netflix.sel.ast.ParseException: Encountered \" \"*\" \"* \"\" at line 1, column 21."
    ));
    // The trailing comment swallows the `;` Maestro appends; the EOF error lands at the
    // end of the expression (the `;` has no source position).
    assert_eq!(
        (d[1].0, d[1].1, d[1].2.as_str()),
        (
            [
                comment.0 as u64,
                comment.1 as u64,
                end.0 as u64,
                end.1 as u64
            ],
            2,
            "sel::sanitize-comment"
        )
    );
    assert_eq!(
        d[2].0,
        [end.0 as u64, end.1 as u64, end.0 as u64, end.1 as u64]
    );
    assert!(d[2]
        .3
        .starts_with("com.netflix.sel.ast.ParseException: Encountered \"<EOF>\""));
}

#[tokio::test]
async fn completion_offers_params_steps_and_zones() {
    let (mut c, text) = open_json().await;
    // In step `first`'s param `count`: the workflow's params (not `count` itself).
    let (l, ch) = pos(&text, "days + 1", 0);
    let got = labels(&c.at("textDocument/completion", URI, l, ch).await);
    assert_eq!(
        got[..9],
        [
            "start",
            "city",
            "days",
            "tag",
            "broken",
            "uid",
            "twice",
            "half",
            "DSL_DEFAULT_TZ"
        ]
    );
    assert!(got.contains(&"Util".to_string()) && got.contains(&"while".to_string()));
    // Then Maestro's default params: the workflow's, then (in a step) the step's.
    let at = |n: &str| got.iter().position(|x| x == n);
    assert_eq!(at("RUN_DATE"), Some(8 + 18));
    assert_eq!(at("step_id"), Some(8 + 23 + 3));
    // Step `second` sees the upstream step's params as `first__count`.
    let (l, ch) = pos(&text, "params.getFromStep", 0);
    let got = labels(&c.at("textDocument/completion", URI, l, ch).await);
    assert!(got.contains(&"first__count".to_string()), "{got:?}");
    // Inside getFromStep('…'): upstream step ids; in the second argument: that step's
    // params.
    let (l, ch) = pos(&text, "'first', 'count'", 0);
    let steps = c.at("textDocument/completion", URI, l, ch + 1).await;
    assert_eq!(labels(&steps), ["first"]);
    let params = c.at("textDocument/completion", URI, l, ch + 10).await;
    assert_eq!(labels(&params), ["count"]);
    assert_eq!(params["items"][0]["detail"], "LONG param of step first");
    // After `params.`: the extension's methods and the workflow params as fields.
    let got = labels(&c.at("textDocument/completion", URI, l, ch - 12).await);
    assert_eq!(got[..3], ["get", "containsKey", "nextUniqueId"]);
    // `prev` is the param being defined: not offered in its own expression.
    assert!(got.contains(&"getFromStep".to_string()) && !got.contains(&"prev".to_string()));
    assert!(got.contains(&"days".to_string()) && !got.contains(&"count".to_string()));
}

#[tokio::test]
async fn zone_ids_inside_for_id() {
    let mut c = Client::start().await;
    let text = "{\"workflow\": {\"id\": \"z\", \"params\": {\"tz\": {\"type\": \"STRING\", \"expression\": \"DateTimeZone.forID('Eu').toString() + DateTimeZone.forID('europe/zu')\"}}, \"steps\": []}}";
    c.open("file:///z.json", "json", text).await;
    let (l, ch) = pos(text, "Eu'", 0);
    let list = c
        .at("textDocument/completion", "file:///z.json", l, ch + 2)
        .await;
    // Ranked by the typed `Eu` and cut at 100 (there are more matches): incomplete.
    let got = labels(&list);
    assert_eq!(got.len(), 100);
    assert_eq!(list["isIncomplete"], true);
    assert_eq!(
        got[..3],
        ["Europe/Amsterdam", "Europe/Andorra", "Europe/Astrakhan"]
    );
    // Case-insensitive; the edit replaces what was typed inside the quotes.
    let (l, ch) = pos(text, "europe/zu'", 0);
    let list = c
        .at("textDocument/completion", "file:///z.json", l, ch + 9)
        .await;
    assert_eq!(list["isIncomplete"], false);
    assert_eq!(labels(&list), ["Europe/Zurich"]);
    assert_eq!(
        list["items"][0]["textEdit"],
        json!({"range": {"start": {"line": l, "character": ch}, "end": {"line": l, "character": ch + 9}},
               "newText": "Europe/Zurich"})
    );
}

#[tokio::test]
async fn hover_definition_and_signature() {
    let (mut c, text) = open_json().await;
    let (l, ch) = pos(&text, "dateIntToTs", 0);
    let h = c.at("textDocument/hover", URI, l, ch + 3).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nPRESET_UTIL_FUNCTION.dateIntToTs(dateInt: STRING|LONG) -> LONG\n```\n\nEpoch milliseconds of UTC midnight of a yyyyMMdd date int."
    );
    assert_eq!(
        range(&h["range"]),
        [l as u64, ch as u64, l as u64, ch as u64 + 11]
    );
    // A param name: its type, and go to its definition.
    let (l, ch) = pos(&text, "days + 1", 0);
    let h = c.at("textDocument/hover", URI, l, ch).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nLONG days\n```\n\nworkflow param · MUTABLE (the default mode) · source DEFINITION\n\nexpression: `Util.dateIntToTs(start) / 86400000`"
    );
    let d = c.at("textDocument/definition", URI, l, ch + 1).await;
    let def = pos(&text, "days\": {", 0);
    assert_eq!(d["uri"], URI);
    assert_eq!(
        range(&d["range"]),
        [def.0 as u64, def.1 as u64, def.0 as u64, def.1 as u64 + 4]
    );
    // `first__count` goes to step first's param `count`.
    let (l, ch) = pos(&text, "first__count", 0);
    let d = c.at("textDocument/definition", URI, l, ch + 3).await;
    let def = pos(&text, "count\": {", 0);
    assert_eq!(
        range(&d["range"]),
        [def.0 as u64, def.1 as u64, def.0 as u64, def.1 as u64 + 5]
    );
    // Signature help in the second argument of getFromStep.
    let (l, ch) = pos(&text, "'count')", 0);
    let s = c.at("textDocument/signatureHelp", URI, l, ch).await;
    assert_eq!(s["activeSignature"], 1);
    assert_eq!(s["activeParameter"], 1);
    assert_eq!(
        s["signatures"][1]["label"],
        "getFromStep(stepId: STRING, param: STRING) -> ANY"
    );
    assert_eq!(
        s["signatures"][1]["parameters"][1]["label"],
        "param: STRING"
    );
}

#[tokio::test]
async fn symbols_and_inlay_hints() {
    let (mut c, text) = open_json().await;
    let s = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let names: Vec<&str> = s
        .as_array()
        .expect("symbols")
        .iter()
        .map(|x| x["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        ["start", "city", "days", "tag", "broken", "uid", "twice", "half", "first", "second"]
    );
    assert_eq!(s[8]["children"][0]["name"], "count");
    assert_eq!(s[8]["detail"], "step");
    let full = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    let h = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": full}),
        )
        .await;
    // `uid` calls the params extension and `broken` and `twice` do not parse, so only
    // `days`, `tag` (which reads `days`) and `half` get a value.
    let days = pos(&text, "/ 86400000\"", 0);
    let tag = pos(&text, "+ days\"", 0);
    let half = pos(&text, "start / 2\"", 0);
    assert_eq!(
        h,
        json!([
            {"position": {"line": days.0, "character": days.1 + 11}, "label": "= 18262", "paddingLeft": true},
            {"position": {"line": tag.0, "character": tag.1 + 7}, "label": "= \"ééZürich\\t18262\"", "paddingLeft": true},
            {"position": {"line": half.0, "character": half.1 + 10}, "label": "= 10100050", "paddingLeft": true}
        ])
    );
}

#[tokio::test]
async fn yaml_dsl_document() {
    let mut c = Client::start().await;
    let text =
        std::fs::read_to_string("../engine/model/tests/data/sample-dsl-wf-1.yaml").expect("sample");
    let uri = "file:///dsl.yaml";
    c.open(uri, "yaml", &text).await;
    let d = summary(&c.diagnostics(uri, 1).await);
    let foo = pos(&text, "foo == 'bar'", 0);
    assert_eq!(
        d,
        [(
            [foo.0 as u64, foo.1 as u64, foo.0 as u64, foo.1 as u64 + 3],
            2,
            "sel::unknown-name".to_string(),
            "`foo` is not a local variable nor a param visible here".to_string()
        )]
    );
    let full = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    let h = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": full}),
        )
        .await;
    let month = pos(&text, "getAsText();\"", 0);
    let nine = pos(&text, "\"1+9\"", 0);
    assert_eq!(
        h,
        json!([
            {"position": {"line": month.0, "character": month.1 + 13}, "label": "= \"September\"", "paddingLeft": true},
            {"position": {"line": nine.0, "character": nine.1 + 5}, "label": "= 10", "paddingLeft": true}
        ])
    );
    // The while condition sees the loop's own params.
    let (l, ch) = pos(&text, "attempt_cnt < 10", 0);
    let got = labels(&c.at("textDocument/completion", uri, l, ch).await);
    assert!(got.contains(&"attempt_cnt".to_string()), "{got:?}");
    let h = c.at("textDocument/hover", uri, l, ch + 2).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nLONG attempt_cnt\n```\n\nstep param · MUTABLE (the default mode) · source DEFINITION\n\nvalue: `1`"
    );
}

#[tokio::test]
async fn malformed_documents_still_get_diagnostics() {
    let mut c = Client::start().await;
    c.open("file:///bad.json", "json", "{\"workflow\": {\"id\": ")
        .await;
    let d = c.diagnostics("file:///bad.json", 1).await;
    assert!(!d.is_empty());
    assert_eq!(d[0]["code"], "maestro::document");
    c.open("file:///bad.yaml", "yaml", "workflow:\n  - : [\n")
        .await;
    let d = c.diagnostics("file:///bad.yaml", 1).await;
    assert!(!d.is_empty());
    // Requests on them answer instead of failing.
    let r = c
        .at("textDocument/completion", "file:///bad.json", 0, 5)
        .await;
    assert_eq!(r, Value::Null);
}

#[tokio::test]
async fn push_time_problems_appear_at_their_span() {
    let mut c = Client::start().await;
    let text = r#"{
  "properties": {"owner": "tester"},
  "workflow": {
    "id": "cyclic",
    "params": {"x": {"expression": "1 / 0", "type": "LONG"}},
    "steps": [
      {"step": {"id": "a", "type": "NoOp", "transition": {"successors": {"b": "true"}}}},
      {"step": {"id": "b", "type": "NoOp", "transition": {"successors": {"a": "true"}}}}
    ]
  }
}
"#;
    c.open("file:///cyclic.json", "json", text).await;
    let d = summary(&c.diagnostics("file:///cyclic.json", 1).await);
    let a = pos(text, "\"a\", \"type\"", 0);
    assert_eq!(d.len(), 1, "{d:?}");
    // The step's id, inside its quotes.
    assert_eq!(
        d[0].0,
        [a.0 as u64, a.1 as u64 + 1, a.0 as u64, a.1 as u64 + 2]
    );
    assert_eq!((d[0].1, d[0].2.as_str()), (1, "maestro::push"));
    assert_eq!(
        d[0].3,
        "Invalid workflow definition: DAG contains cycle among steps [a, b] (in the workflow)"
    );
    // Without the cycle, the dry run of the workflow params speaks, at the param.
    let fixed = text.replace("{\"a\": \"true\"}", "{}");
    c.open("file:///fixed.json", "json", &fixed).await;
    let d = summary(&c.diagnostics("file:///fixed.json", 1).await);
    let x = pos(&fixed, "\"x\": {", 0);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, [x.0 as u64, x.1 as u64, x.0 as u64, x.1 as u64 + 3]);
    assert_eq!(
        d[0].3,
        "Failed to evaluate param [x]: java.lang.ArithmeticException: / by zero"
    );
}
