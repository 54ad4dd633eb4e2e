//! Parser: never panics, every error span lies inside the input, and the fast parser's
//! first error is exactly the one the reference-mode parser reports (the crate's
//! contract: `errors[0]` is the reference's error, to the character), unless that
//! parser's bounded look-aheads gave up.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = sel_grammar::parse(src);
    for e in &parsed.errors {
        assert!(
            e.span.start <= e.span.end && e.span.end as usize <= src.len(),
            "error span {:?} outside the input ({} bytes)",
            e.span,
            src.len()
        );
    }
    let _ = sel_grammar::dump(&parsed.program);
    match sel_grammar::reference_error(src) {
        Ok(reference) => assert_eq!(
            parsed.errors.first(),
            reference.as_ref(),
            "fast and reference parsers disagree"
        ),
        // The diagnostic pass's look-aheads ran out of budget: the fast pass's errors
        // stand, and there must be some.
        Err(_) => assert!(!parsed.errors.is_empty(), "gave up on a valid program"),
    }
});
