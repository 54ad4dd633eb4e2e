//! The prepared-program cache against parsing afresh: a program evaluated from the
//! cache must give the same result or error (kind, message, span) and use exactly as
//! much of every limit as a fresh parse and evaluation; the cache stays within its
//! capacity and is safe to share between threads.

use crate::common;
use common::{limits, vars};
use proptest::prelude::*;
use sel_core::{Evaluator, Limits, Value};
use std::collections::HashMap;
use std::sync::Arc;

fn show(r: Result<Value, sel_core::SelError>) -> String {
    match r {
        Ok(v) => format!("{}: {}", v.type_name(), v.display()),
        Err(e) => format!("{e} at {:?} cause {:?}", e.span, e.cause),
    }
}

/// The outcome of `src` under `l`: fresh, or the second evaluation on a caching
/// evaluator (the first one fills the cache; the second must be a hit).
fn outcome(cached: bool, l: Limits, src: &str, vars: &HashMap<String, Value>) -> String {
    if !cached {
        return show(Evaluator::new(l).evaluate(src, vars, None));
    }
    let ev = Evaluator::new(l).with_cache(4);
    let first = show(ev.evaluate(src, vars, None));
    let second = show(ev.evaluate(src, vars, None));
    assert_eq!(first, second, "{src}");
    let stats = ev.cache_stats().expect("a cache");
    assert_eq!(
        (stats.hits, stats.misses, stats.entries),
        (1, 1, 1),
        "{src}"
    );
    second
}

/// The smallest value of limit `name` at which the outcome is the unlimited one.
fn settled(cached: bool, name: &str, src: &str, vars: &HashMap<String, Value>) -> u64 {
    let max = if name == "stack" { 1 << 20 } else { 1u64 << 22 };
    let goal = outcome(cached, limits(name, max), src, vars);
    let (mut lo, mut hi) = (1u64, max);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if outcome(cached, limits(name, mid), src, vars) == goal {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Asserts that `src` behaves identically from the cache and afresh; returns the
/// outcome.
fn same(src: &str, vars: &HashMap<String, Value>) -> String {
    let fresh = outcome(false, Limits::default(), src, vars);
    assert_eq!(outcome(true, Limits::default(), src, vars), fresh, "{src}");
    for name in ["visit", "memory", "stack", "loop", "length"] {
        let n = settled(false, name, src, vars);
        assert_eq!(settled(true, name, src, vars), n, "{name} usage of {src}");
        if n > 1 {
            assert_eq!(
                outcome(true, limits(name, n - 1), src, vars),
                outcome(false, limits(name, n - 1), src, vars),
                "{name} = {} for {src}",
                n - 1
            );
        }
    }
    fresh
}

#[test]
fn programs_give_the_same_outcome_and_limit_usage() {
    let v = vars();
    for (src, want) in [
        ("return (1 + 2) * 3 - 4 / 2 + 10 % 3;", "LONG: 8"),
        (
            "s = 0; for (i = 0; i < 100; i += 1) { s += i; } return s;",
            "LONG: 4950",
        ),
        (
            "m = new Map(); m.put('a', 1); m.put('b', 'x'); m.put('c', new int[]{1, 2}); return m;",
            "MAP: {a=1, b=x, c=[1, 2]}",
        ),
        (
            "return String.format('%s_%s_%02d', 'data-eng', '20240301', 7);",
            "STRING: data-eng_20240301_07",
        ),
        ("return foo + '-' + i + sa[1];", "STRING: bar-10b"),
        ("a = new int[30000];", ""),
        (
            "for (i = 0; i < 30; i += 1) { if (i > 20) throw 'at ' + i; }",
            "ERROR: ERROR: at 21",
        ),
        ("'abc'.substring(5);", ""),
        ("1 +;", ""),
        ("throw 'boom';", "ERROR: ERROR: boom"),
    ] {
        let got = same(src, &v);
        if !want.is_empty() {
            assert_eq!(got, want, "{src}");
        }
    }
}

#[test]
fn validation_uses_the_cache_with_the_same_answer() {
    let ev = Evaluator::new(Limits::default()).with_cache(8);
    let fresh = Evaluator::new(Limits::default());
    for src in ["x = a + b; return y;", "1 +;", "return params['k'] + z;"] {
        assert_eq!(ev.validate(src), fresh.validate(src), "{src}");
        assert_eq!(ev.validate(src), fresh.validate(src), "{src}");
        // The evaluation after validation (Maestro's order) parses nothing again.
        let _ = ev.evaluate(src, &(), None);
    }
    let s = ev.cache_stats().unwrap();
    assert_eq!((s.misses, s.hits, s.entries), (3, 6, 3));
}

#[test]
fn the_cache_is_bounded_and_shared_by_clones_and_threads() {
    let ev = Arc::new(Evaluator::new(Limits::default()).with_cache(16));
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let ev = Arc::clone(&ev);
            std::thread::spawn(move || {
                for round in 0..3 {
                    for k in 0..40 {
                        let src = format!("return {k} * 2 + {};", t % 2);
                        let r = ev.evaluate(&src, &(), None).unwrap();
                        assert_eq!(r, Value::Long(k * 2 + t % 2), "round {round}");
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let s = ev.cache_stats().unwrap();
    assert_eq!(s.entries, 16);
    assert_eq!(s.capacity, 16);
    assert_eq!(s.hits + s.misses, 4 * 3 * 40);
    let clone = (*ev).clone();
    clone.evaluate("return 1;", &(), None).unwrap();
    assert_eq!(ev.cache_stats().unwrap().misses, s.misses + 1);
    // Capacity 0 is no cache at all.
    assert_eq!(
        Evaluator::new(Limits::default())
            .with_cache(0)
            .cache_stats(),
        None
    );
    assert_eq!(Evaluator::new(Limits::default()).cache_stats(), None);
}

/// Random straight-line and loop programs (small: every case runs dozens of binary
/// searches).
fn arb_program() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(vec!["x", "y", "i", "foo", "sa[0]"]).prop_map(str::to_string),
        (-3i64..40).prop_map(|n| n.to_string()),
        Just("'s'".to_string()),
    ];
    let expr = leaf.prop_recursive(3, 10, 2, |inner| {
        (
            inner.clone(),
            prop::sample::select(vec!["+", "-", "*", "/", "%", "<", "=="]),
            inner,
        )
            .prop_map(|(a, op, b)| format!("({a} {op} {b})"))
    });
    (prop::collection::vec(expr, 1..4), 0i64..30).prop_map(|(es, n)| {
        let body: Vec<String> = es.iter().map(|e| format!("y = {e};")).collect();
        format!(
            "x = 1; y = 2; for (i = 0; i < {n}; i += 1) {{ x += 1; {} }} return x + ',' + y;",
            body.join(" ")
        )
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(24)
        .min(24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn cached_programs_match_fresh_ones(src in arb_program()) {
        same(&src, &vars());
    }
}
