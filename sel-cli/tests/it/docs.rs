//! The repository as a newcomer meets it. Its documents stand on their own: every
//! relative link resolves to a file of the repository, and none cites a file outside it
//! (the machine's shared folder, an absolute path, the spec's section numbers). And the
//! build stays as the README says: prebuilt binaries installed `--locked`, one
//! integration-test binary per crate.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

/// Every `.md` file of the repository (build output and hidden folders skipped), and
/// the known-divergences list, whose reasons are prose too.
fn documents() -> Vec<PathBuf> {
    let mut out = vec![root().join("tests/data/known-divergences.txt")];
    let mut dirs = vec![root()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable folder") {
            let path = entry.expect("folder entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    dirs.push(path);
                }
            } else if name.ends_with(".md") {
                out.push(path);
            }
        }
    }
    out
}

/// The targets of the Markdown links `[text](target)` in `text`.
fn links(text: &str) -> Vec<&str> {
    text.match_indices("](")
        .filter_map(|(i, _)| {
            let rest = &text[i + 2..];
            rest.find(')').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn documents_cite_nothing_outside_the_repository() {
    let docs = documents();
    assert!(docs.len() >= 6, "found only {docs:?}");
    let mut problems = Vec::new();
    for doc in &docs {
        let text = std::fs::read_to_string(doc).expect("readable document");
        let name = doc
            .strip_prefix(root())
            .unwrap_or(doc)
            .display()
            .to_string();
        for bad in ["/work/", "../shared/", "spec §"] {
            if text.contains(bad) {
                problems.push(format!("{name} cites {bad:?}"));
            }
        }
        for link in links(&text) {
            if link.contains("://") || link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            let file = link.split('#').next().unwrap_or(link);
            let base = doc.parent().expect("a document's folder");
            if !base.join(file).exists() {
                problems.push(format!("{name} links to {link}, which does not exist"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_link_finder_finds_links() {
    assert_eq!(
        links("see [a](x/y.md) and [b](https://e.org/p) [c](#top)"),
        ["x/y.md", "https://e.org/p", "#top"]
    );
}

/// `cargo install --path` without `--locked` resolves dependencies afresh, not to the
/// versions of `Cargo.lock` the tests ran with.
#[test]
fn cargo_install_is_always_shown_locked() {
    let mut shown = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).expect("readable document");
        for line in text
            .lines()
            .filter(|l| l.contains("cargo install") && l.contains("--path"))
        {
            shown += 1;
            assert!(line.contains("--locked"), "{}: {line}", doc.display());
        }
    }
    assert!(shown >= 2, "the READMEs show the prebuilt path");
}

/// Each integration-test file is its own binary to link; these crates keep theirs in
/// one (`tests/it/main.rs`), which is what keeps the test build's link time down.
#[test]
fn integration_tests_build_one_binary_per_crate() {
    // sel-core's exhaustion attacks install a counting global allocator: their own binary.
    for (krate, allowed) in [
        ("grammar", &[][..]),
        ("sel-cli", &[]),
        ("sel-core", &["exhaustion.rs"]),
        ("sel-lsp", &[]),
        ("engine/model", &[]),
        ("engine/core", &[]),
        ("engine/maestro", &[]),
    ] {
        let tests = root().join(krate).join("tests");
        assert!(
            tests.join("it/main.rs").is_file(),
            "{krate}: no tests/it/main.rs"
        );
        let top: Vec<String> = std::fs::read_dir(&tests)
            .expect("a tests folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rs") && !allowed.contains(&n.as_str()))
            .collect();
        assert!(
            top.is_empty(),
            "{krate}/tests has more test binaries: {top:?}"
        );
    }
}
