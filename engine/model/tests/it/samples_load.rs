//! Every Maestro sample loads without errors or warnings.

use maestro_model::{load, Format, Shape};
use std::path::Path;

fn samples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for sub in ["", "jobtemplates"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                out.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_sample_loads_clean() {
    let all = samples();
    assert_eq!(all.len(), 34);
    for (path, src) in &all {
        let doc = load(src, Format::from_path(path));
        assert!(doc.diagnostics.is_empty(), "{path}: {:#?}", doc.diagnostics);
        assert_ne!(doc.shape, Shape::Unknown, "{path}");
    }
}
