//! Property tests of evaluation: token soups and generated programs (loops, strings,
//! arrays, maps, built-in calls, with input variables) evaluated under small limits
//! never panic and always finish, with either a value or an error. (The grammar crate's
//! property tests cover parsing alone.)

use proptest::prelude::*;
use sel_core::{Evaluator, Limits, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

fn small_limits() -> Limits {
    Limits {
        stack: 64,
        loops: 50,
        array: 100,
        length: 10_000,
        visits: 20_000,
        memory: 200_000,
        timeout: Duration::from_secs(2),
    }
}

fn vars() -> HashMap<String, Value> {
    let mut v = HashMap::new();
    v.insert("s".into(), Value::String(Some("a,b,,c".into())));
    v.insert("n".into(), Value::Long(i64::MAX));
    v.insert("d".into(), Value::Double(f64::NAN));
    v.insert("la".into(), Value::LongArray(vec![1, -2, 3]));
    v.insert(
        "sa".into(),
        Value::StringArray(vec![Some("x".into()), None]),
    );
    v.insert(
        "m".into(),
        Value::Map(Some(vec![
            ("k".into(), Value::Long(1)),
            ("inner".into(), Value::Map(Some(vec![]))),
        ])),
    );
    v.insert("nul".into(), Value::Null);
    v
}

/// Evaluates and checks termination; the proptest harness turns a panic into a failure.
fn check(src: &str) {
    let ev = Evaluator::new(small_limits());
    let start = Instant::now();
    let r = ev.evaluate(src, &vars(), None);
    let elapsed = start.elapsed();
    // Twice the timeout: the deadline must stop anything the other limits let through.
    assert!(elapsed < Duration::from_secs(4), "{src:?} ran {elapsed:?}");
    match r {
        Ok(v) => {
            let _ = v.display();
            let _ = v.to_json();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    let _ = ev.validate(src);
}

const SOUP: &[&str] = &[
    "x",
    "s",
    "n",
    "d",
    "la",
    "sa",
    "m",
    "nul",
    "params",
    "Util",
    "Math",
    "String",
    "int",
    "long[]",
    "String[]",
    "Map",
    "new",
    "return",
    "if",
    "else",
    "for",
    "while",
    "break",
    "continue",
    "throw",
    "true",
    "null",
    "0",
    "1",
    "-1",
    "2147483647",
    "1e308",
    "0.5",
    "'a'",
    "''",
    "'%d'",
    "'(a+)+'",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ".",
    "=",
    "+=",
    "-=",
    "*=",
    "/=",
    "%=",
    "==",
    "!=",
    "<",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "!",
    "?",
    ":",
    "&&",
    "||",
    "length",
    "size",
    "split",
    "replaceAll",
    "format",
    "join",
    "put",
    "get",
    "intsBetween",
    "substring",
    "toUpperCase",
    "max",
    "pow",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..50).prop_map(|v| v.join(" "))
}

/// Expressions that are mostly well-typed, so evaluation gets past the first operator.
fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        Just("s".to_string()),
        Just("n".to_string()),
        Just("d".to_string()),
        Just("la".to_string()),
        Just("sa".to_string()),
        Just("m".to_string()),
        Just("nul".to_string()),
        (-3i64..40).prop_map(|i| i.to_string()),
        Just("2147483647".to_string()),
        Just("0.5".to_string()),
        "[a-c,%]{0,4}".prop_map(|s| format!("'{s}'")),
        Just("true".to_string()),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            (
                inner.clone(),
                prop::sample::select(&["+", "-", "*", "/", "%", "==", "<", "&&"][..]),
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(c, a, b)| format!("({c} ? {a} : {b})")),
            inner.clone().prop_map(|a| format!("({a}).length()")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}).split({b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("({a}).replaceAll({b}, {c})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("String.format({a}, {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("String.join({a}, {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("Math.max({a}, {b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("Util.intsBetween({a}, {b}, {c})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("m.put({a}, {b})")),
            inner.clone().prop_map(|a| format!("m.get({a})")),
            inner.clone().prop_map(|a| format!("la[{a}]")),
            inner.clone().prop_map(|a| format!("new int[{a}]")),
            inner.prop_map(|a| format!("String.valueOf({a})")),
        ]
    })
}

fn stmt() -> impl Strategy<Value = String> {
    let simple = prop_oneof![
        expr().prop_map(|e| format!("x = {e};")),
        expr().prop_map(|e| format!("s += {e};")),
        expr().prop_map(|e| format!("{e};")),
        expr().prop_map(|e| format!("return {e};")),
        Just("s += s;".to_string()),
        Just("m.put(s, m);".to_string()),
        Just("break;".to_string()),
        expr().prop_map(|e| format!("throw {e};")),
    ];
    simple.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            (expr(), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|(c, b)| format!("if ({c}) {{ {} }}", b.join(" "))),
            prop::collection::vec(inner.clone(), 0..3)
                .prop_map(|b| format!("for (i = 0; i < 1000; i += 1) {{ {} }}", b.join(" "))),
            (expr(), prop::collection::vec(inner, 0..3))
                .prop_map(|(c, b)| format!("while ({c}) {{ {} }}", b.join(" "))),
        ]
    })
}

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(stmt(), 1..6).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn token_soups_evaluate_without_panicking(src in soup()) {
        check(&src);
    }

    #[test]
    fn generated_programs_evaluate_without_panicking(src in program()) {
        check(&src);
    }

    #[test]
    fn arbitrary_text_evaluates_without_panicking(src in "\\PC{0,80}") {
        check(&src);
    }
}
