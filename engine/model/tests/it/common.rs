//! Helpers shared by the integration tests.
#![allow(dead_code)]

use maestro_model::{load, sel_sites, Format, Owner, SelSite, WorkflowDocument};
use std::path::Path;

/// The text of a sample under tests/data.
pub fn sample(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Loads a sample and asserts it has no diagnostics.
pub fn load_sample(name: &str) -> (String, WorkflowDocument) {
    let src = sample(name);
    let doc = load(&src, Format::from_path(name));
    assert!(doc.diagnostics.is_empty(), "{name}: {:#?}", doc.diagnostics);
    (src, doc)
}

/// The one site owned by `owner`, with `pred` to pick among several.
pub fn site<'a>(sites: &'a [SelSite], owner: &Owner) -> &'a SelSite {
    let found: Vec<&SelSite> = sites.iter().filter(|s| &s.owner == owner).collect();
    assert_eq!(found.len(), 1, "sites of {owner:?}: {found:#?}");
    found[0]
}

pub fn sites_of(doc: &WorkflowDocument) -> Vec<SelSite> {
    sel_sites(doc)
}

/// Every char boundary of the site's text maps into the document and back.
pub fn assert_round_trip(s: &SelSite) {
    for (k, _) in s.text.char_indices().chain([(s.text.len(), ' ')]) {
        let doc = s.map.doc_offset(k);
        assert_eq!(
            s.map.text_offset(doc),
            Some(k),
            "offset {k} of {:?} (doc {doc})",
            s.text
        );
    }
}

pub fn step_owner(step: &str, path: &[&str]) -> Owner {
    Owner::StepParam {
        step_id: step.to_string(),
        path: path.iter().map(|s| s.to_string()).collect(),
    }
}

pub fn wf_owner(path: &[&str]) -> Owner {
    Owner::WorkflowParam {
        path: path.iter().map(|s| s.to_string()).collect(),
    }
}
