//! End-to-end through VS Code's protocol library: `editors/vscode/test/e2e.js` runs
//! under Node with `vscode-languageserver-protocol` (what `vscode-languageclient` uses on
//! the wire) and drives the real `sel-lsp` binary the way the extension starts it.
//!
//! Needs `node` and `npm ci` in `sel-lsp/editors/vscode`, so it is `#[ignore]`d; run it
//! with `cargo test -p sel-lsp --test it -- --ignored vscode` (then a missing Node or
//! `node_modules` is a failure, not a skip).

use std::process::Command;

#[test]
#[ignore = "needs node and `npm ci` in sel-lsp/editors/vscode; run with --ignored"]
fn vscode_protocol_client_gets_diagnostics_completion_hover_rename() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode");
    assert!(
        std::path::Path::new(dir)
            .join("node_modules/vscode-languageserver-protocol")
            .is_dir(),
        "run `npm ci` in {dir} first"
    );
    let text = std::fs::read_to_string("tests/data/wf.json").expect("fixture");
    let at = text.find("days + 1").expect("expression");
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    let out = Command::new("node")
        .arg("test/e2e.js")
        .current_dir(dir)
        .env("SEL_LSP_BIN", env!("CARGO_BIN_EXE_sel-lsp"))
        .env(
            "SEL_E2E_FILE",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wf.json"),
        )
        .env("SEL_E2E_LINE", line.to_string())
        .env("SEL_E2E_COL", col.to_string())
        .output()
        .expect("run node (is it installed?)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("json");
    assert_eq!(v["server"]["name"], "sel-lsp");
    // The `*` of the broken expression at line 9, column 72 (1-based).
    assert!(
        v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .contains(&serde_json::json!([8, 71, "sel::syntax"])),
        "{v}"
    );
    let labels: Vec<&str> = v["completion"]
        .as_array()
        .expect("completion")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert_eq!(
        labels[..8],
        ["start", "city", "days", "tag", "broken", "uid", "twice", "half"]
    );
    assert_eq!(v["incomplete"], false);
    assert_eq!(
        v["utilDoc"],
        sel_core::catalog::static_name("Util").expect("Util").doc
    );
    assert_eq!(
        v["hover"],
        "```sel\nLONG days\n```\n\nworkflow param · MUTABLE (the default mode) · source DEFINITION\n\nexpression: `Util.dateIntToTs(start) / 86400000`"
    );
    // `days`: its key, its use in `tag`, and this use.
    assert_eq!(v["renameEdits"], 3);
}
