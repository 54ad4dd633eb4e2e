//! Limits (§8.1), memory accounting calibration (§8.2), visit counts of the reference
//! AST shape (§3.4) and the Java bugs the port must not copy (§11.2).

use crate::common;
use common::{eval, eval_with, limits, show};
use sel_core::{ErrorKind, Evaluator, Limits, Value};
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// The smallest limit `name` under which `src` (with `vars`) still succeeds, minus one:
/// the amount of that resource the evaluation uses.
fn usage(name: &str, src: &str, vars: &HashMap<String, Value>) -> u64 {
    let ok = |n: u64| {
        Evaluator::new(limits(name, n))
            .evaluate(src, vars, None)
            .is_ok()
    };
    let (mut lo, mut hi) = (1u64, 1u64 << 20);
    assert!(ok(hi), "{src} fails even with {name} = {hi}");
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo - 1
}

#[test]
fn visit_counts_follow_the_reference_ast() {
    let none = HashMap::new();
    for (src, visits) in [
        ("1;", 5),
        ("1 + 1;", 8),
        ("x = 1;", 9),
        ("long x = 1;", 9),
        ("Math.max(1, 2);", 15),
        ("(1);", 7),
        ("for (;;) { break; }", 9),
        ("if (true) 1;", 10),
    ] {
        assert_eq!(usage("visit", src, &none), visits, "{src}");
    }
    assert_eq!(
        eval_with(limits("visit", 5), "1;"),
        "java.lang.IllegalStateException: SEL evaluation aborted as it takes too many operations over the limit 5"
    );
}

#[test]
fn memory_calibration() {
    let none = HashMap::new();
    for (src, bytes) in [
        ("x = 1;", 32),
        ("1 + 'ab';", 72),
        ("1 + 2.0;", 64),
        ("x = 'ab'; x = x + 'cd';", 72),
        ("x = 'ab'; x += 'cd';", 32),
        ("new int[10];", 352),
        ("new int[]{1,2,3};", 128),
        ("String.valueOf(1);", 34),
        ("m = new Map(); m.put('a', 1);", 64),
    ] {
        assert_eq!(usage("memory", src, &none), bytes, "{src}");
    }
    let mut vars = HashMap::new();
    vars.insert("foo".to_string(), Value::String(Some("bar".into())));
    vars.insert("la".to_string(), Value::LongArray(vec![1, 2, 3]));
    assert_eq!(usage("memory", "foo;", &vars), 38);
    assert_eq!(usage("memory", "la;", &vars), 128);
    assert_eq!(
        eval_with(limits("memory", 32), "x = 1;"),
        "java.lang.IllegalStateException: SEL evaluation aborted as it takes too much memory (in byte) over the limit 32"
    );
}

#[test]
fn operand_stack_limit() {
    let nested = |n: usize| format!("{}1{};", "1+(".repeat(n - 1), ")".repeat(n - 1));
    assert_eq!(eval(&nested(128)), "LONG: 128");
    assert_eq!(
        eval(&nested(129)),
        "java.lang.ArrayIndexOutOfBoundsException: Array index out of range: 129"
    );
    let elems = |n: usize| vec!["1"; n].join(",");
    assert!(eval(&format!("int[] q = new int[]{{{}}};", elems(126))).starts_with("VOID"));
    assert!(eval(&format!("int[] q = new int[]{{{}}};", elems(127))).contains("out of range: 129"));
    assert!(eval(&format!("q = new int[]{{{}}};", elems(127))).starts_with("LONG_ARRAY"));
    assert!(eval(&format!("q = new int[]{{{}}};", elems(128))).contains("out of range: 129"));
    // Left-nested chains do not grow the stack.
    assert_eq!(
        eval(&format!("{};", vec!["1"; 1000].join("+"))),
        "LONG: 1000"
    );
}

#[test]
fn stack_overflow_does_not_poison_the_evaluator() {
    // §11.2 B3: only the failing evaluation reports the overflow.
    let ev = Evaluator::new(Limits::default());
    let deep = format!("{}1{};", "1+(".repeat(200), ")".repeat(200));
    assert!(ev.evaluate(&deep, &(), None).is_err());
    assert_eq!(show(ev.evaluate("1 + 1;", &(), None)), "LONG: 2");
}

#[test]
fn statics_are_private_to_each_evaluation() {
    // §11.2 B1.
    let ev = Evaluator::new(Limits::default());
    assert_eq!(
        show(ev.evaluate("Integer = 7; Integer + 1;", &(), None)),
        "LONG: 8"
    );
    assert_eq!(show(ev.evaluate("Integer + 1;", &(), None)), "LONG: 1");
    assert_eq!(
        show(ev.evaluate("String = 'abc'; String;", &(), None)),
        "STRING: abc"
    );
    assert_eq!(
        show(ev.evaluate("String.valueOf(1);", &(), None)),
        "STRING: 1"
    );
    ev.evaluate("Map = new Map(); Map.put('secret', 42);", &(), None)
        .unwrap();
    assert_eq!(show(ev.evaluate("Map.size();", &(), None)), "LONG: 0");
}

#[test]
fn ints_between_is_bounded() {
    // §11.2 B5: the reference loops forever on these.
    for src in [
        "Util.intsBetween(5, 1, 0);",
        "Util.intsBetween(2147483640, 2147483647, 5);",
    ] {
        let r = Evaluator::new(Limits::default()).evaluate(src, &(), None);
        let e = r.unwrap_err();
        assert_eq!(e.kind, ErrorKind::IllegalStateException, "{src}");
        assert!(e.message.contains("too much memory"));
    }
    assert_eq!(
        eval("Util.intsBetween(5, '10', 2);"),
        "LONG_ARRAY: [5, 7, 9]"
    );
    assert_eq!(
        eval("Util.intsBetween(1, '-5', -2);"),
        "LONG_ARRAY: [1, -1, -3]"
    );
    assert_eq!(eval("Util.intsBetween(0, 5, 0);"), "LONG_ARRAY: []");
}

#[test]
fn cyclic_maps_fail_cleanly() {
    // §11.2 B8.
    assert_eq!(
        eval("mp = new Map(); mp.put('a', mp); mp.size();"),
        "LONG: 1"
    );
    let e = Evaluator::new(Limits::default())
        .evaluate("mp = new Map(); mp.put('a', mp); mp;", &(), None)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::StackOverflowError);
    let e = Evaluator::new(Limits::default())
        .evaluate("mp = new Map(); mp.put('a', mp); 'x' + mp;", &(), None)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::StackOverflowError);
}

#[test]
fn expression_length_counts_utf16_units() {
    let l = limits("length", 10);
    assert_eq!(eval_with(l.clone(), "12345678;"), "LONG: 12345678");
    assert_eq!(
        eval_with(l.clone(), "123456789;"),
        "java.lang.IllegalArgumentException: Expression length is over the limit: 10 vs length: 10"
    );
    // One astral character is two UTF-16 units: 9 units here.
    assert_eq!(eval_with(l, "'😀😀😀';"), "STRING: 😀😀😀");
    assert!(eval_with(limits("length", 9), "'😀😀😀';").ends_with("vs length: 9"));
}

#[test]
fn timeout_and_cancellation_stop_the_work() {
    let mut l = Limits::default();
    l.set("loop", "2000000000").unwrap();
    l.set("visit", "9000000000000000000").unwrap();
    l.timeout = Duration::from_millis(50);
    let ev = Evaluator::new(l);
    let spin = "for (i = 0; i < 2000000; i += 1) { for (j = 0; j < 2000000; j += 1) { } }";
    let e = ev.evaluate(spin, &(), None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TimeoutException);
    assert!(e.is_limit());
    let cancel = AtomicBool::new(true);
    let e = Evaluator::new(limits("loop", 2_000_000_000))
        .evaluate_with_cancel(spin, &(), None, &cancel)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Cancelled);
}

#[test]
fn deep_left_chains_do_not_overflow_the_native_stack() {
    let src = format!("{};", vec!["1"; 4999].join("+"));
    let run = move || {
        let ev = Evaluator::new(Limits::default());
        (
            show(ev.evaluate(&src, &(), None)),
            ev.validate(&src).is_ok(),
        )
    };
    // A small thread stack: evaluation must grow its own when needed.
    let (value, validated) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(value, "LONG: 4999");
    assert!(validated);
}

#[test]
fn evaluator_is_send_sync_and_shareable() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Evaluator>();
    assert_send_sync::<Value>();
    let ev = Arc::new(Evaluator::new(Limits::default()));
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let ev = Arc::clone(&ev);
            std::thread::spawn(move || {
                for i in 0..50 {
                    let src =
                        format!("x = {t}; for (k = 0; k < {i}; k += 1) {{ x += 1; }} return x;");
                    assert_eq!(
                        show(ev.evaluate(&src, &(), None)),
                        format!("LONG: {}", t + i)
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
