//! Validation (the names an expression reads, §6): never panics, with and without
//! Maestro's sanitizing, under the production length limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sel_core::{Evaluator, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let ev = Evaluator::new(Limits::default());
    let raw = ev.validate(src);
    let _ = ev.validate(&sel_core::sanitize(src));
    // A program that validates parses, and vice versa (validation reads no inputs).
    assert_eq!(
        raw.is_ok(),
        src.encode_utf16().count() < Limits::default().length
            && sel_grammar::parse(src).errors.is_empty(),
        "validate and parse disagree"
    );
});
