//! Writes the seed corpora under `fuzz/corpus/<target>/` from the repository's test data:
//! every expression of `tests/data/sel-public.jsonl` for the SEL targets (the `evaluate`
//! seeds are the bare program text, whose input values the fuzzer adds after a NUL
//! byte), and every workflow sample under `engine/model/tests/data` for `workflow`; `lsp`
//! gets both, behind its three header bytes (language: 0 SEL, 1 JSON, 2 YAML; two
//! edit positions).
//!
//! Run from anywhere: `cargo run --manifest-path fuzz/Cargo.toml --example seed`.
//! Seed files are named after the content's hash, so re-running adds nothing twice.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const SEL_TARGETS: &[&str] = &["lexer", "parser", "validate", "evaluate", "format"];

fn write_seed(dir: &Path, content: &[u8]) -> std::io::Result<bool> {
    let mut h = DefaultHasher::new();
    content.hash(&mut h);
    let path = dir.join(format!("seed-{:016x}", h.finish()));
    if path.exists() {
        return Ok(false);
    }
    fs::write(path, content)?;
    Ok(true)
}

fn samples(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            samples(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("json" | "yaml" | "yml")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = fuzz.parent().ok_or("fuzz/ has no parent")?;
    let corpus = fuzz.join("corpus");

    let jsonl = fs::read_to_string(repo.join("tests/data/sel-public.jsonl"))?;
    let mut exprs = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line)?;
        if let Some(e) = case["expr"].as_str() {
            exprs.push(e.to_string());
        }
    }
    for target in SEL_TARGETS {
        let dir = corpus.join(target);
        fs::create_dir_all(&dir)?;
        let mut added = 0;
        for e in &exprs {
            added += write_seed(&dir, e.as_bytes())? as usize;
        }
        println!("{target}: {added} new seeds ({} expressions)", exprs.len());
    }
    let lsp = corpus.join("lsp");
    fs::create_dir_all(&lsp)?;
    let mut lsp_added = 0;
    for e in &exprs {
        lsp_added += write_seed(&lsp, &[&[0u8, 0x12, 0x34][..], e.as_bytes()].concat())? as usize;
    }

    let mut files = Vec::new();
    samples(&repo.join("engine/model/tests/data"), &mut files)?;
    files.sort();
    let dir = corpus.join("workflow");
    fs::create_dir_all(&dir)?;
    let mut added = 0;
    for f in &files {
        let content = fs::read(f)?;
        added += write_seed(&dir, &content)? as usize;
        let lang = if f.extension().is_some_and(|e| e == "json") {
            1u8
        } else {
            2
        };
        lsp_added += write_seed(&lsp, &[&[lang, 0x21, 0x43][..], &content].concat())? as usize;
    }
    println!("workflow: {added} new seeds ({} samples)", files.len());
    println!("lsp: {lsp_added} new seeds");
    Ok(())
}
