//! The compiled loop fast path against the tree walk: every program must give the same
//! result or error (kind, message and span) with it as without it, and use exactly as
//! much of every limit (visits, memory, operand stack, loop iterations), so that a
//! limit fires at the same node with the same message.

use crate::common;
use common::{limits, vars};
use proptest::prelude::*;
use sel_core::{Evaluator, Limits, Value};
use std::collections::HashMap;

/// The outcome of one evaluation, spans included.
fn outcome(fast: bool, l: Limits, src: &str, vars: &HashMap<String, Value>) -> String {
    let ev = Evaluator::new(l).with_fast_loops(fast);
    match ev.evaluate(src, vars, None) {
        Ok(v) => format!("{}: {}", v.type_name(), v.display()),
        Err(e) => format!("{e} at {:?}", e.span),
    }
}

/// The smallest value of limit `name` at which the outcome is the unlimited one
/// (below it, the limit's own error wins).
fn settled(fast: bool, name: &str, src: &str, vars: &HashMap<String, Value>) -> u64 {
    let max = if name == "stack" { 1 << 20 } else { 1u64 << 22 };
    let goal = outcome(fast, limits(name, max), src, vars);
    let (mut lo, mut hi) = (1u64, max);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if outcome(fast, limits(name, mid), src, vars) == goal {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Asserts that `src` behaves identically with and without compiled loops.
fn same(src: &str, vars: &HashMap<String, Value>) -> String {
    let plain = outcome(false, Limits::default(), src, vars);
    assert_eq!(outcome(true, Limits::default(), src, vars), plain, "{src}");
    for name in ["visit", "memory", "stack", "loop"] {
        let n = settled(false, name, src, vars);
        assert_eq!(settled(true, name, src, vars), n, "{name} usage of {src}");
        if n > 1 {
            // The limit's own error, one below.
            assert_eq!(
                outcome(true, limits(name, n - 1), src, vars),
                outcome(false, limits(name, n - 1), src, vars),
                "{name} = {} for {src}",
                n - 1
            );
        }
    }
    plain
}

#[test]
fn benchmark_loops() {
    let none = HashMap::new();
    assert_eq!(
        same(
            "s = 0; for (i = 0; i < 1000; i += 1) { s += i; } return s;",
            &none
        ),
        "LONG: 499500"
    );
    assert_eq!(
        same(
            "a = new int[10]; for (i = 0; i < 10; i += 1) { a[i] = i * i; } return a;",
            &none
        ),
        "LONG_ARRAY: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"
    );
}

#[test]
fn control_flow() {
    let none = HashMap::new();
    for (src, want) in [
        (
            "s = 0; for (i = 0; i < 100; i += 1) { if (i % 3 == 0) { continue; } s += i * 2 - 1; if (s > 1000) break; } return s;",
            "LONG: 1067",
        ),
        (
            "i = 10; t = 1; while (i > 0) { t *= i; i -= 1; } return t;",
            "LONG: 3628800",
        ),
        (
            "done = false; i = 0; while (!done) { i += 1; if (i >= 7) break; } return i;",
            "LONG: 7",
        ),
        (
            "n = 0; b = true; for (i = 0; i < 50; i += 1) { if (b && i > 10 || i == 3) n += 1; else if (i < 5) { n -= 2; } else n = n; } return n;",
            "LONG: 32",
        ),
        (
            "s = 0; for (i = 0; i < 20; i += 1) { s += -i + +i * 2; s %= 1000; } return s;",
            "LONG: 190",
        ),
        (
            "s = 0; for (i = 0; i < 30; i += 1) { for (j = 0; j < i; j += 1) { s += j; } } return s;",
            "LONG: 4060",
        ),
        ("for (i = 0; i < 10; i += 1) { } return i;", "LONG: 10"),
        ("for (i = 0; i < 10; i += 1) { {} } return i;", "LONG: 10"),
        (
            "for (i = 0; i < 10; i += 1) { s = 7; s += i; } return s;",
            "LONG: 16",
        ),
        (
            "x = 0; for (i = 0; i < 5; i += 1) { x = (i + 1) * (2 + i) / 2; } return x;",
            "LONG: 15",
        ),
        (
            "s = 0; for (i = 0; i < 3; i += 1) { s += i; return s; } return 99;",
            "LONG: 0",
        ),
    ] {
        assert_eq!(same(src, &none), want, "{src}");
    }
}

#[test]
fn aliases_share_one_register() {
    let none = HashMap::new();
    assert_eq!(
        same(
            "long a = 1; long b = a; for (i = 0; i < 5; i += 1) { a += 1; b += a; } return b;",
            &none
        ),
        "LONG: 94"
    );
    // A declaration in the body rebinds a name: the loop stays on the tree walk, and
    // the literal's shared box (§4.7) keeps counting.
    assert_eq!(
        same(
            "for (i = 0; i < 3; i += 1) { long x = 5; x += 1; } return x;",
            &none
        ),
        "LONG: 8"
    );
}

#[test]
fn errors_inside_compiled_iterations() {
    let none = HashMap::new();
    for (src, want) in [
        (
            "s = 0; for (i = 5; i > -5; i -= 1) { s += 100 / i; } return s;",
            "java.lang.ArithmeticException: / by zero at Some(42..49)",
        ),
        (
            "x = 100; for (i = 3; i >= 0; i -= 1) { x /= i; } return x;",
            "java.lang.ArithmeticException: / by zero at Some(39..45)",
        ),
        (
            "a = new int[5]; for (i = 0; i < 10; i += 1) { a[i] = i; } return a;",
            "java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5 at Some(46..54)",
        ),
        (
            "a = new int[5]; s = 0; for (i = 0; i < 10; i += 1) { s += a[i]; } return s;",
            "java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 5 at Some(58..62)",
        ),
        (
            "for (i = 0; i < 100000; i += 1) { } return i;",
            "java.lang.IllegalStateException: Loop execution aborted as the iteration is over the loop limit 25001 at Some(0..35)",
        ),
    ] {
        assert_eq!(same(src, &none), want, "{src}");
    }
}

#[test]
fn inputs_and_array_reads() {
    let v = vars();
    assert_eq!(
        same(
            "s = 0; for (k = 0; k < i; k += 1) { s += la[k % 2] * k; } return s;",
            &v
        ),
        "LONG: 70"
    );
    // The index is the int value of the long, as in the reference.
    assert_eq!(
        same(
            "a = new int[3]; for (k = 4294967296L; k < 4294967299L; k += 1) { a[k] = k; } return a;",
            &v
        ),
        same(
            "a = new int[3]; for (k = 4294967296L; k < 4294967299L; k += 1) { a[k] = k; } return a;",
            &v
        )
    );
}

/// Random loops over three LONG variables, a BOOLEAN and an array.
fn arb_program() -> impl Strategy<Value = String> {
    let var = prop::sample::select(vec!["x", "y", "z", "i"]);
    let leaf = prop_oneof![
        var.clone().prop_map(str::to_string),
        (-3i64..40).prop_map(|n| n.to_string()),
        (0i64..8).prop_map(|n| format!("a[{n}]")),
    ];
    let expr = leaf.prop_recursive(3, 12, 2, |inner| {
        (
            inner.clone(),
            prop::sample::select(vec!["+", "-", "*", "/", "%"]),
            inner,
        )
            .prop_map(|(a, op, b)| format!("({a} {op} {b})"))
    });
    let cond = (
        expr.clone(),
        prop::sample::select(vec!["<", "<=", ">", ">=", "==", "!="]),
        expr.clone(),
    )
        .prop_map(|(a, op, b)| format!("{a} {op} {b}"));
    let stmt = prop_oneof![
        (
            prop::sample::select(vec!["x", "y", "z"]),
            prop::sample::select(vec!["=", "+=", "-=", "*=", "/=", "%="]),
            expr.clone()
        )
            .prop_map(|(v, op, e)| format!("{v} {op} {e};")),
        ((0i64..10), expr.clone()).prop_map(|(n, e)| format!("a[{n}] = {e};")),
        (
            cond.clone(),
            prop::sample::select(vec!["break;", "continue;", "x += 1;", "f = !f;"])
        )
            .prop_map(|(c, s)| format!("if ({c}) {s}")),
        cond.prop_map(|c| format!("if (f || {c}) y -= 1; else z += 2;")),
    ];
    (prop::collection::vec(stmt, 1..5), 1i64..60).prop_map(|(body, n)| {
        format!(
            "x = 1; y = 2; z = 3; f = false; a = new int[8]; for (i = 0; i < {n}; i += 1) {{ {} }} return x + ',' + y + ',' + z + ',' + a[3];",
            body.join(" ")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn compiled_loops_match_the_tree_walk(src in arb_program()) {
        same(&src, &HashMap::new());
    }
}
