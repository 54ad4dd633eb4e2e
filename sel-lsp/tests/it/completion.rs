//! Completion offers only names that resolve where the cursor is (issue 17, item 11):
//! no param inside its own expression, plain param names in `params.get('…')`, and only
//! upstream steps in `params.getFromStep('…')`.

use crate::common::{labels, pos, Client};

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
