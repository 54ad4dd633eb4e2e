//! Workflow documents: `maestro_model::load` (as JSON and as YAML) and `sel_sites` never
//! panic, site spans lie inside the document, and every SEL site parses and validates
//! without panicking (raw and after Maestro's sanitizing).
#![no_main]

use maestro_model::{load, sel_sites, Format};
use libfuzzer_sys::fuzz_target;
use sel_core::{Evaluator, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let ev = Evaluator::new(Limits::default());
    for format in [Format::Json, Format::Yaml] {
        let doc = load(src, format);
        for d in &doc.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.end <= src.len(),
                "{d:?}"
            );
        }
        for site in sel_sites(&doc) {
            assert!(
                site.span.start <= site.span.end && site.span.end <= src.len(),
                "site span {:?} outside the document ({} bytes)",
                site.span,
                src.len()
            );
            let whole = site.doc_span(0, site.text.len());
            assert!(
                whole.end <= src.len(),
                "mapped span {whole:?} outside the document"
            );
            let _ = site.text_offset(site.span.start);
            if site.kind.is_sel() {
                let _ = sel_grammar::parse(&site.text);
                let _ = ev.validate(&sel_core::sanitize(&site.text));
            }
        }
    }
});
