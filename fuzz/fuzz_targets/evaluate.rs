//! Evaluation under tight limits with fuzzed input variables and a fuzzed `params`
//! extension: never panics, always terminates (libFuzzer's `-timeout` reports a hang,
//! `-rss_limit_mb` a run-away allocation), and a result converts to display text and
//! JSON without panicking.
//!
//! Input: `program \0 tail` (see `sel_fuzz::split_input`); the tail gives one value to
//! each name the program reads, then the extension's answers.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use sel_core::Evaluator;
use sel_fuzz::{split_input, tight_limits, vars_for, FuzzExtension, FuzzValue};
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let Some((src, tail)) = split_input(data) else {
        return;
    };
    let ev = Evaluator::new(tight_limits());
    let names = ev.validate(src).unwrap_or_default();
    let mut u = Unstructured::new(tail);
    let vars = vars_for(names.iter().map(String::as_str), &mut u);
    let answers = Vec::<FuzzValue>::arbitrary(&mut u)
        .unwrap_or_default()
        .into_iter()
        .map(FuzzValue::into_value)
        .collect();
    let ext = FuzzExtension { answers };
    let start = Instant::now();
    let result = ev.evaluate(src, &vars, Some(&ext));
    // The timeout is 2 s; anything far past it means a built-in ignores the deadline.
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "evaluation ran {:?}",
        start.elapsed()
    );
    match result {
        Ok(v) => {
            let _ = v.display();
            let _ = v.to_json();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
