//! Completion offers only names that resolve where the cursor is (issue 17, item 11):
//! no param inside its own expression, plain param names in `params.get('…')`, and only
//! upstream steps in `params.getFromStep('…')`.

use crate::common::{labels, pos, Client};
use serde_json::json;

const URI: &str = "file:///chain.json";

/// s1 → s2 → s3 at the top level, and a foreach `loop` downstream of s1 whose inner
/// steps run i1 → i2.
const CHAIN: &str = r#"{"workflow": {"id": "chain",
  "params": {
    "a": {"type": "LONG", "value": 1},
    "b": {"type": "LONG", "expression": "a + 1"},
    "c": {"type": "STRING", "expression": "params.get('')"}
  },
  "steps": [
    {"step": {"id": "s1", "type": "NoOp",
      "params": {"x": {"type": "LONG", "value": 1}},
      "transition": {"successors": {"s2": "true", "loop": "true"}}}},
    {"step": {"id": "s2", "type": "NoOp",
      "params": {
        "y": {"type": "LONG", "expression": "params.getFromStep('', '')"},
        "z": {"type": "LONG", "expression": "params.getFromStep('s1', '')"},
        "w": {"type": "LONG", "expression": "params.get('')"}
      },
      "transition": {"successors": {"s3": "true"}}}},
    {"step": {"id": "s3", "type": "NoOp",
      "params": {"v": {"type": "LONG", "value": 3}}}},
    {"foreach": {"id": "loop",
      "params": {"loop_params": {"value": {"i": {"type": "LONG_ARRAY", "value": [1, 2]}}, "type": "MAP"}},
      "steps": [
        {"step": {"id": "i1", "type": "NoOp", "transition": {"successors": {"i2": "true"}}}},
        {"step": {"id": "i2", "type": "NoOp",
          "params": {"q": {"type": "LONG", "expression": "params.getFromStep('')"}}}}
      ]}}
  ]}}"#;

async fn complete_at(c: &mut Client, needle: &str, nth: usize, shift: u32) -> Vec<String> {
    let (l, ch) = pos(CHAIN, needle, nth);
    labels(&c.at("textDocument/completion", URI, l, ch + shift).await)
}

async fn open() -> Client {
    let mut c = Client::start().await;
    c.open(URI, "json", CHAIN).await;
    c
}

#[tokio::test]
async fn a_param_is_not_offered_in_its_own_expression() {
    let mut c = open().await;
    // In `b`'s expression `a + 1`, before `a`: the other workflow params, not `b`.
    let got = complete_at(&mut c, "a + 1", 0, 0).await;
    assert_eq!(got[..2], ["a", "c"], "{got:?}");
    assert!(!got.contains(&"b".to_string()), "{got:?}");
    // After `params.` in `c`: methods, then the other workflow params (`a`, `b`).
    let got = complete_at(&mut c, "get('')\"}\n  },", 0, 0).await;
    let params: Vec<&String> = got.iter().filter(|l| l.len() == 1).collect();
    assert_eq!(params, ["a", "b"], "{got:?}");
}

#[tokio::test]
async fn params_get_offers_param_names() {
    let mut c = open().await;
    // Workflow param `c`: `params.get('|')` → the other workflow params.
    let got = complete_at(&mut c, "get('')\"}\n  },", 0, 5).await;
    assert_eq!(got, ["a", "b"]);
    // Step s2's `w`: the step's other params, then the workflow params.
    let got = complete_at(&mut c, "params.get('')\"}\n      },", 0, 12).await;
    assert_eq!(got, ["y", "z", "a", "b", "c"]);
}

#[tokio::test]
async fn get_from_step_offers_only_upstream_steps() {
    let mut c = open().await;
    // In s2: only s1 (not s2 itself, not s3 downstream, not the parallel `loop`).
    let got = complete_at(&mut c, "getFromStep('', '')", 0, 13).await;
    assert_eq!(got, ["s1"]);
    // The second argument lists the params of the step named in the first.
    let got = complete_at(&mut c, "getFromStep('s1', '')", 0, 19).await;
    assert_eq!(got, ["x"]);
    // A step that is not readable gives nothing for its params either.
    let mut c2 = Client::start().await;
    let text = CHAIN.replace("getFromStep('s1', '')", "getFromStep('s3', '')");
    c2.open(URI, "json", &text).await;
    let (l, ch) = pos(&text, "getFromStep('s3', '')", 0);
    let got = labels(&c2.at("textDocument/completion", URI, l, ch + 19).await);
    assert_eq!(got, Vec::<String>::new());
    // Inside the foreach: the inner upstream step i1, then s1 (upstream of the loop).
    let got = complete_at(&mut c, "getFromStep('')", 0, 13).await;
    assert_eq!(got, ["s1", "i1"]);
}

/// A workflow with `names` as LONG params and one more, `probe`, whose expression is
/// `expr`.
fn workflow_with(names: &[&str], expr: &str) -> String {
    let mut params: Vec<String> = names
        .iter()
        .map(|n| format!("\"{n}\": {{\"type\": \"LONG\", \"value\": 1}}"))
        .collect();
    params.push(format!(
        "\"probe\": {{\"type\": \"STRING\", \"expression\": \"{expr}\"}}"
    ));
    format!(
        "{{\"workflow\": {{\"id\": \"w\", \"params\": {{\n{}\n}}, \"steps\": []}}}}",
        params.join(",\n")
    )
}

#[tokio::test]
async fn filtered_and_ranked_by_the_typed_prefix() {
    let mut c = Client::start().await;
    // The partial `ru` follows JSON and SEL escapes and non-ASCII text on its line.
    let text = workflow_with(
        &["other", "rerun", "run_id", "RUN_DATE", "runDate", "xru"],
        "\\\"\\u00e9ü\\\" + ru",
    );
    c.open("file:///r.json", "json", &text).await;
    let (l, ch) = pos(&text, "ru\"}", 0);
    let list = c
        .at("textDocument/completion", "file:///r.json", l, ch + 2)
        .await;
    // Case-sensitive prefix, any-case prefix (the document's `RUN_DATE`, then Maestro's
    // default params), a word start (`TARGET_RUN_DATE`, ...), a substring (`rerun`, `xru`,
    // `true`), then a scattered match (`return`).
    assert_eq!(
        labels(&list),
        [
            "run_id",
            "runDate",
            "RUN_DATE",
            "RUN_TS",
            "RUN_DATE_MINUS_1",
            "RUN_DATE_MINUS_7",
            "TARGET_RUN_DATE",
            "TARGET_RUN_HOUR",
            "DERIVED_RUN_TS",
            "DERIVED_RUN_DATE_US_PACIFIC",
            "DERIVED_RUN_DATE_US_PACIFIC_MINUS_ONE",
            "DERIVED_RUN_DATE_UTC",
            "DERIVED_RUN_DATE_UTC_MINUS_ONE",
            "DERIVED_RUN_DATE_UTC_PLUS_ONE",
            "DERIVED_RUN_DATE_UTC_MINUS_ONE_HOUR",
            "DERIVED_RUN_DATE_UTC_PLUS_ONE_HOUR",
            "DERIVED_RUN_HOUR_US_PACIFIC",
            "DERIVED_RUN_HOUR_UTC",
            "DERIVED_RUN_HOUR_UTC_MINUS_ONE_HOUR",
            "DERIVED_RUN_HOUR_UTC_PLUS_ONE_HOUR",
            "LOCAL_RUN_DATE",
            "rerun",
            "xru",
            "true",
            "return"
        ]
    );
    assert_eq!(list["isIncomplete"], false);
    let items = list["items"].as_array().expect("items");
    assert_eq!(items[0]["sortText"], "0000");
    assert_eq!(items[1]["sortText"], "0001");
    assert_eq!(
        items[0]["textEdit"],
        json!({"range": {"start": {"line": l, "character": ch}, "end": {"line": l, "character": ch + 2}},
               "newText": "run_id"})
    );
}

#[tokio::test]
async fn incomplete_when_cut_at_100() {
    let mut c = Client::start().await;
    let names: Vec<String> = (0..150).map(|i| format!("p{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let text = workflow_with(&refs, "p");
    c.open("file:///n.json", "json", &text).await;
    let (l, ch) = pos(&text, "\"p\"}", 0);
    let list = c
        .at("textDocument/completion", "file:///n.json", l, ch + 2)
        .await;
    assert_eq!(labels(&list), names[..100]);
    assert_eq!(list["isIncomplete"], true);
    // Typing on narrows it: complete again.
    let text = workflow_with(&refs, "p14");
    c.open("file:///n2.json", "json", &text).await;
    let (l, ch) = pos(&text, "\"p14\"}", 0);
    let list = c
        .at("textDocument/completion", "file:///n2.json", l, ch + 4)
        .await;
    // Prefix matches first, then the scattered ones (`p1·4`).
    assert_eq!(
        labels(&list),
        [
            "p14", "p140", "p141", "p142", "p143", "p144", "p145", "p146", "p147", "p148", "p149",
            "p104", "p114", "p124", "p134"
        ]
    );
    assert_eq!(list["isIncomplete"], false);
}

#[tokio::test]
async fn method_snippets_when_the_client_takes_them() {
    let text = "String s = 'x';\ns.subs";
    let snippets =
        json!({"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}});
    let mut c = Client::start_with(snippets).await;
    c.open("file:///s.sel", "sel", text).await;
    let list = c.at("textDocument/completion", "file:///s.sel", 1, 6).await;
    assert_eq!(labels(&list), ["substring"]);
    let item = &list["items"][0];
    assert_eq!(item["insertTextFormat"], 2);
    assert_eq!(
        item["textEdit"],
        json!({"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 6}},
               "newText": "substring(${1:begin})$0"})
    );
    // A client without snippet support gets the plain name.
    let mut c = Client::start().await;
    c.open("file:///s.sel", "sel", text).await;
    let list = c.at("textDocument/completion", "file:///s.sel", 1, 6).await;
    let item = &list["items"][0];
    assert_eq!(item.get("insertTextFormat"), None);
    assert_eq!(item["textEdit"]["newText"], "substring");
}

#[tokio::test]
async fn documentation_comes_on_resolve() {
    let mut c = Client::start().await;
    c.open("file:///d.sel", "sel", "String s = 'x';\ns.toUpp")
        .await;
    let list = c.at("textDocument/completion", "file:///d.sel", 1, 7).await;
    let item = list["items"][0].clone();
    assert_eq!(item["label"], "toUpperCase");
    assert_eq!(item.get("documentation"), None);
    let resolved = c.request("completionItem/resolve", item.clone()).await;
    assert_eq!(
        resolved["documentation"],
        json!({"kind": "markdown", "value": "Upper-cases with full Unicode mapping (English locale)."})
    );
    // After a newer completion, an old item resolves to itself.
    c.at("textDocument/completion", "file:///d.sel", 1, 7).await;
    let stale = c.request("completionItem/resolve", item.clone()).await;
    assert_eq!(stale, item);
}
