//! References, rename and go to definition across a workflow document (issue 16):
//! exact edits, checked by applying them, on JSON with escapes and non-ASCII text and on
//! the YAML DSL with its quoting styles.

use crate::common::{apply, pos, range, Client};
use serde_json::{json, Value};

const URI: &str = "file:///rename.json";

async fn open_json() -> (Client, String) {
    let mut c = Client::start().await;
    let text = std::fs::read_to_string("tests/data/rename.json").expect("fixture");
    c.open(URI, "json", &text).await;
    (c, text)
}

async fn rename_at(
    c: &mut Client,
    uri: &str,
    text: &str,
    needle: &str,
    shift: u32,
    new: &str,
) -> Value {
    let (l, ch) = pos(text, needle, 0);
    let p = json!({"textDocument": {"uri": uri}, "position": {"line": l, "character": ch + shift}, "newName": new});
    c.request("textDocument/rename", p).await
}

/// A request that must fail, and its error message.
async fn refused(c: &mut Client, uri: &str, text: &str, needle: &str, new: &str) -> String {
    let (l, ch) = pos(text, needle, 0);
    let p = json!({"textDocument": {"uri": uri}, "position": {"line": l, "character": ch}, "newName": new});
    c.request_err("textDocument/rename", p).await
}

#[tokio::test]
async fn rename_workflow_param_everywhere() {
    let (mut c, text) = open_json().await;
    let edit = rename_at(&mut c, URI, &text, "days * 2", 0, "span").await;
    let expected = text
        .replace("\"d\\u0061ys\"", "\"span\"")
        .replace("${days} and $days", "${span} and $span")
        .replace(
            "days * 2 + params.get('days')",
            "span * 2 + params.get('span')",
        )
        .replace("\"days + 1\"", "\"span + 1\"");
    assert_eq!(apply(&text, &edit, URI), expected);
    assert_eq!(edit["changes"][URI].as_array().map(Vec::len), Some(6));
}

#[tokio::test]
async fn rename_step_id_and_step_param() {
    let (mut c, text) = open_json().await;
    // From the string argument of getFromStep: the id, and `first__count`'s prefix.
    let edit = rename_at(&mut c, URI, &text, "first', 'count'", 1, "start").await;
    let expected = text
        .replace("\"id\": \"first\"", "\"id\": \"start\"")
        .replace("getFromStep('first'", "getFromStep('start'")
        .replace("+ first__count", "+ start__count");
    assert_eq!(apply(&text, &edit, URI), expected);
    // From the suffix of `first__count`: the param, its uses in its step, the string
    // argument and the suffix.
    let edit = rename_at(&mut c, URI, &text, "first__count", 8, "total").await;
    let expected = text
        .replace("\"count\": {", "\"total\": {")
        .replace("\"count > 0\"", "\"total > 0\"")
        .replace("'first', 'count'", "'first', 'total'")
        .replace("first__count", "first__total");
    assert_eq!(apply(&text, &edit, URI), expected);
    // A successor key renames the step it names.
    let edit = rename_at(&mut c, URI, &text, "\"second\": \"count", 1, "last-one").await;
    let expected = text.replace("\"second\"", "\"last-one\"");
    assert_eq!(apply(&text, &edit, URI), expected);
}

#[tokio::test]
async fn rename_refuses_clashes_and_reserved_names() {
    let (mut c, text) = open_json().await;
    let at = "days * 2";
    assert_eq!(
        refused(&mut c, URI, &text, at, "twice").await,
        "A workflow param `twice` already exists."
    );
    assert_eq!(
        refused(&mut c, URI, &text, at, "while").await,
        "`while` is a SEL keyword."
    );
    assert_eq!(
        refused(&mut c, URI, &text, at, "goto").await,
        "`goto` is a word SEL reserves."
    );
    assert_eq!(
        refused(&mut c, URI, &text, at, "Math").await,
        "`Math` is the name of a SEL class or built-in (`Math.…` would mean it)."
    );
    assert_eq!(
        refused(&mut c, URI, &text, at, "two words").await,
        "`two words` is not a valid name here: use a SEL identifier (letters, digits and `_`, not starting with a digit)."
    );
    assert_eq!(
        refused(&mut c, URI, &text, at, "a__b").await,
        "`a__b` contains `__`, which SEL reads as a `stepId__param` reference."
    );
    // Step `first`'s param `count` → `days`: the workflow param `days` is visible where
    // `count` is read, and one of them would hide the other.
    assert_eq!(
        refused(&mut c, URI, &text, "count > 0", "days").await,
        "`days` already names the workflow param `days` where `count` is read."
    );
    // `days` → `count` where the expression `days + 1` is step first's: it would read
    // the step's own param instead.
    assert_eq!(
        refused(&mut c, URI, &text, "days + 1", "count").await,
        "`count` already names the param `count` of step `first` where `days` is read."
    );
    assert_eq!(
        refused(&mut c, URI, &text, "days * 2", "params").await,
        "`params` is the name of a SEL class or built-in (`params.…` would mean it)."
    );
    // A step id read as `first__count` must stay an identifier.
    assert_eq!(
        refused(&mut c, URI, &text, "first__count", "fi-rst").await,
        "`fi-rst` is not a valid name here: use a SEL identifier (letters, digits and `_`, not starting with a digit)."
    );
    assert_eq!(
        refused(&mut c, URI, &text, "first__count", "second").await,
        "A step `second` already exists."
    );
}

#[tokio::test]
async fn references_and_definition_from_string_arguments() {
    let (mut c, text) = open_json().await;
    let (l, ch) = pos(&text, "first', 'count'", 0);
    let p = |decl: bool| json!({"textDocument": {"uri": URI}, "position": {"line": l, "character": ch + 2}, "context": {"includeDeclaration": decl}});
    let refs = c.request("textDocument/references", p(false)).await;
    let at = |needle: &str, shift: u32, len: u64| {
        let (l, c) = pos(&text, needle, 0);
        let c = (c + shift) as u64;
        [l as u64, c, l as u64, c + len]
    };
    let got: Vec<[u64; 4]> = refs
        .as_array()
        .expect("refs")
        .iter()
        .map(|r| range(&r["range"]))
        .collect();
    assert_eq!(got, [at("first', 'count'", 0, 5), at("first__count", 0, 5)]);
    let refs = c.request("textDocument/references", p(true)).await;
    assert_eq!(range(&refs[0]["range"]), at("first\", \"type", 0, 5));
    assert_eq!(refs.as_array().map(Vec::len), Some(3));
    // Go to definition from the step id in `params.getFromStep('…')`.
    let d = c.at("textDocument/definition", URI, l, ch + 2).await;
    assert_eq!(d["uri"], URI);
    assert_eq!(range(&d["range"]), at("first\", \"type", 0, 5));
    // And from the param name in its second argument.
    let (l2, ch2) = pos(&text, "count') +", 0);
    let d = c.at("textDocument/definition", URI, l2, ch2 + 1).await;
    assert_eq!(range(&d["range"]), at("count\": {", 0, 5));
    // An interpolation `${days}` goes to the param whose key is written with an escape.
    let (l3, ch3) = pos(&text, "${days}", 0);
    let d = c.at("textDocument/definition", URI, l3, ch3 + 3).await;
    assert_eq!(range(&d["range"]), at("d\\u0061ys", 0, 9));
}

#[tokio::test]
async fn prepare_rename_gives_the_name_under_the_cursor() {
    let (mut c, text) = open_json().await;
    let (l, ch) = pos(&text, "first__count", 0);
    let r = c.at("textDocument/prepareRename", URI, l, ch + 7).await;
    assert_eq!(
        r,
        json!({"range": {"start": {"line": l, "character": ch + 7}, "end": {"line": l, "character": ch + 12}}, "placeholder": "count"})
    );
    let (l, ch) = pos(&text, "\"type\": \"NoOp\"", 0);
    let p = json!({"textDocument": {"uri": URI}, "position": {"line": l, "character": ch + 2}});
    assert_eq!(
        c.request_err("textDocument/prepareRename", p).await,
        "There is no renameable name here."
    );
}

const YAML: &str = "workflow:
  id: yaml-ren
  days: 3
  '!twice<long>': \"days * 2\"
  '!half': 'days / 2 + params.get(''days'')'
  note: \"Zürich ${days}\"
  jobs:
    - job:
        id: first
        type: NoOp
        transition:
          - IF days > 0 THEN second
    - job:
        id: second
        type: NoOp
";

#[tokio::test]
async fn rename_in_yaml_keeps_each_quoting_style() {
    let mut c = Client::start().await;
    let uri = "file:///ren.yaml";
    c.open(uri, "yaml", YAML).await;
    let edit = rename_at(&mut c, uri, YAML, "days * 2", 0, "span").await;
    let expected = YAML
        .replace("  days: 3", "  span: 3")
        .replace("\"days * 2\"", "\"span * 2\"")
        .replace(
            "'days / 2 + params.get(''days'')'",
            "'span / 2 + params.get(''span'')'",
        )
        .replace("${days}", "${span}")
        .replace("IF days > 0", "IF span > 0");
    assert_eq!(apply(YAML, &edit, uri), expected);
    let edit = rename_at(&mut c, uri, YAML, "second\n", 0, "check").await;
    let expected = YAML
        .replace("THEN second", "THEN check")
        .replace("id: second", "id: check");
    assert_eq!(apply(YAML, &edit, uri), expected);
    // Words YAML reads as booleans are refused in YAML documents.
    assert_eq!(
        refused(&mut c, uri, YAML, "days * 2", "yes").await,
        "`yes` would be read by YAML as a boolean or null where it is unquoted."
    );
}

#[tokio::test]
async fn rename_a_local_in_a_sel_file() {
    let mut c = Client::start().await;
    let text = "long n = 1;\nn += 2;\nString s = 'n';\nreturn n * n;\n";
    c.open("file:///l.sel", "sel", text).await;
    let edit = rename_at(&mut c, "file:///l.sel", text, "n * n", 0, "total").await;
    assert_eq!(
        apply(text, &edit, "file:///l.sel"),
        "long total = 1;\ntotal += 2;\nString s = 'n';\nreturn total * total;\n"
    );
    assert_eq!(
        refused(&mut c, "file:///l.sel", text, "n * n", "s").await,
        "`s` is already used in the expression at line 1, column 6; renaming would change what it reads."
    );
}

#[tokio::test]
async fn rename_signals_foreach_steps_and_loop_params() {
    let mut c = Client::start().await;
    let uri = "file:///signals.json";
    let text = std::fs::read_to_string("tests/data/signals.json").expect("fixture");
    c.open(uri, "json", &text).await;
    // A signal: its trigger definition, the step's dependency, `getFromSignal('…')` and
    // the prefix of `signal_a__foo`.
    let edit = rename_at(&mut c, uri, &text, "signal_a', 'foo'", 1, "sig_b").await;
    assert_eq!(apply(&text, &edit, uri), text.replace("signal_a", "sig_b"));
    // `signal_a__foo` must stay a SEL identifier, so a path is refused here...
    assert_eq!(
        refused(&mut c, uri, &text, "signal_a__foo", "db/sig").await,
        "`db/sig` is not a valid name here: use a SEL identifier (letters, digits and `_`, not starting with a digit)."
    );
    // ... but accepted for a signal SEL does not read as a name.
    let plain = text.replace("signal_a__foo", "1");
    let mut c2 = Client::start().await;
    c2.open(uri, "json", &plain).await;
    let edit = rename_at(&mut c2, uri, &plain, "signal_a', 'foo'", 1, "db/sig").await;
    assert_eq!(
        apply(&plain, &edit, uri),
        plain.replace("signal_a", "db/sig")
    );
    // A step inside a foreach, from getFromForeach's second argument.
    let edit = rename_at(&mut c, uri, &text, "inner', 'q'", 1, "body").await;
    assert_eq!(
        apply(&text, &edit, uri),
        text.replace("\"inner\"", "\"body\"")
            .replace("'inner'", "'body'")
    );
    // Its param, from the third argument.
    let edit = rename_at(&mut c, uri, &text, "q')", 0, "twice").await;
    assert_eq!(
        apply(&text, &edit, uri),
        text.replace("\"q\": {", "\"twice\": {")
            .replace("'q')", "'twice')")
    );
    // The foreach's loop variable, from its use in the inner step.
    let edit = rename_at(&mut c, uri, &text, "i * 2", 0, "k").await;
    assert_eq!(
        apply(&text, &edit, uri),
        text.replace("{\"i\": {", "{\"k\": {")
            .replace("i * 2", "k * 2")
    );
}
