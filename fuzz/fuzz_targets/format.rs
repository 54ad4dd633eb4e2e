//! Formatter round trip: for every program that parses, the formatted text parses to
//! the same tree with the same comments, and formatting it again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sel_grammar::{dump, format, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let before = parse(src);
    if !before.errors.is_empty() {
        assert!(format(src).is_err());
        return;
    }
    let once = match format(src) {
        Ok(f) => f,
        Err(e) => panic!("a valid program does not format: {}", e[0]),
    };
    let after = parse(&once);
    if let Some(e) = after.errors.first() {
        panic!("formatted text does not parse: {e}\n--- formatted:\n{once}");
    }
    assert_eq!(
        dump(&before.program),
        dump(&after.program),
        "formatting changed the tree\n--- formatted:\n{once}"
    );
    assert_eq!(
        before.program.comments.len(),
        after.program.comments.len(),
        "formatting lost or added comments\n--- formatted:\n{once}"
    );
    let twice = format(&once).expect("formatted text formats");
    assert_eq!(once, twice, "formatting is not idempotent");
});
