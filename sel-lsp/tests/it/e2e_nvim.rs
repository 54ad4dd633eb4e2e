//! End-to-end: the real `sel-lsp` binary over stdio, driven by headless Neovim on a
//! sample workflow file (tests/nvim/e2e.lua does the editor side). Skipped with a
//! message when `nvim` is not installed, except in CI (`CI=true`), where `.ci/run`
//! installs it and its absence is a failure.

use std::process::Command;

fn nvim_available() -> bool {
    Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn neovim_gets_diagnostics_completion_and_hover() {
    if !nvim_available() {
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !in_ci,
            "nvim is required in CI (.ci/run installs Debian's neovim)"
        );
        eprintln!(
            "SKIPPED e2e_nvim: `nvim` not found on PATH; install Debian's `neovim` to run it"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("sel-lsp-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let text = std::fs::read_to_string("tests/data/wf.json").expect("fixture");
    let file = dir.join("workflow.json");
    std::fs::write(&file, &text).expect("write fixture");
    let out = dir.join("result.json");
    // Completion and hover at the start of `days` in `"days + 1"` (step first's param).
    let at = text.find("days + 1").expect("expression");
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-u", "tests/nvim/e2e.lua"])
        .env("SEL_LSP_BIN", env!("CARGO_BIN_EXE_sel-lsp"))
        .env("SEL_E2E_FILE", &file)
        .env("SEL_E2E_OUT", &out)
        .env("SEL_E2E_LINE", line.to_string())
        .env("SEL_E2E_COL", col.to_string())
        .status()
        .expect("run nvim");
    assert!(status.success(), "nvim exited with {status}");
    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("nvim wrote its result"))
            .expect("json");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(result.get("error"), None, "{result}");
    assert_eq!(result["client"], true);
    // The broken expression `"\"\\u00e9\".length() + * 2"`: the `*` at line 9, column 72
    // (1-based), i.e. lnum 8 / col 71 in Neovim's 0-based terms.
    let star = text.find("* 2").expect("broken expression");
    let star_line = text[..star].matches('\n').count();
    let star_col = star - text[..star].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!((star_line, star_col), (8, 71));
    let diags = result["diagnostics"].as_array().expect("diagnostics");
    assert!(
        diags
            .iter()
            .any(|d| d["lnum"] == 8 && d["col"] == 71 && d["code"] == "sel::syntax"),
        "{diags:?}"
    );
    let labels: Vec<&str> = result["completion"]
        .as_array()
        .expect("completion")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for p in ["start", "city", "days", "half"] {
        assert!(labels.contains(&p), "{p} missing from {labels:?}");
    }
    // The expression is param `count`'s own: it is not offered there.
    assert!(!labels.contains(&"count"), "{labels:?}");
    assert_eq!(result["hover"], "```sel\nLONG days\n```\n\nworkflow param");
}
