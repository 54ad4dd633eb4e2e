//! The README's example workflow does what the README says of it (so the two cannot
//! drift): it loads cleanly, hover and references answer as shown, and the inlay hint
//! of `days` is `= 18262`.

use crate::common::{pos, range, Client};
use serde_json::json;

fn example() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let marker = "The examples use this workflow";
    let at = readme.find(marker).expect("example in README");
    let start = readme[at..].find("```json\n").expect("json block") + at + 8;
    let len = readme[start..].find("```").expect("end of block");
    readme[start..start + len].to_string()
}

#[tokio::test]
async fn readme_example_behaves_as_described() {
    let text = example();
    let uri = "file:///readme.json";
    let mut c = Client::start().await;
    c.open(uri, "json", &text).await;
    assert_eq!(c.diagnostics(uri, 1).await, Vec::<serde_json::Value>::new());
    let (l, ch) = pos(&text, "days + 1", 0);
    let h = c.at("textDocument/hover", uri, l, ch).await;
    assert_eq!(
        h["contents"]["value"],
        "```sel\nLONG days\n```\n\nworkflow param · MUTABLE (the default mode) · source DEFINITION\n\nexpression: `Util.dateIntToTs(start) / 86400000`"
    );
    let refs = c
        .request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": {"line": l, "character": ch},
                   "context": {"includeDeclaration": true}}),
        )
        .await;
    let at = |needle: &str, shift: u32| {
        let (l, c) = pos(&text, needle, 0);
        [
            l as u64,
            (c + shift) as u64,
            l as u64,
            (c + shift + 4) as u64,
        ]
    };
    let got: Vec<[u64; 4]> = refs
        .as_array()
        .expect("refs")
        .iter()
        .map(|r| range(&r["range"]))
        .collect();
    assert_eq!(
        got,
        [at("days\": {", 0), at("${days}", 2), at("days + 1", 0)]
    );
    let full = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    let h = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": full}),
        )
        .await;
    assert_eq!(h[0]["label"], "= 18262");
}
