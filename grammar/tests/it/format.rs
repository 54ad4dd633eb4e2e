//! The formatter keeps the tree and every comment, and is idempotent.

use proptest::prelude::*;
use sel_grammar::{dump, format, parse};

fn check_round_trip(src: &str) {
    let before = parse(src);
    assert!(before.errors.is_empty());
    let once = format(src).unwrap_or_else(|e| panic!("{src:?}: {}", e[0]));
    let after = parse(&once);
    assert!(
        after.errors.is_empty(),
        "{src:?} formats to unparsable {once:?}: {}",
        after.errors[0]
    );
    assert_eq!(
        dump(&before.program),
        dump(&after.program),
        "tree changed: {src:?} -> {once:?}"
    );
    assert_eq!(
        before.program.comments.len(),
        after.program.comments.len(),
        "{src:?} -> {once:?}"
    );
    let twice = format(&once).unwrap();
    assert_eq!(once, twice, "not idempotent: {src:?}");
}

#[test]
fn corpus_programs_round_trip() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/sel-public.jsonl"
    ))
    .expect("corpus");
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("json");
        let expr = case["expr"].as_str().unwrap_or("");
        if parse(expr).errors.is_empty() {
            check_round_trip(expr);
            n += 1;
        }
    }
    assert!(n > 1000);
}

#[test]
fn errors_are_returned() {
    let e = format("x = ;").unwrap_err();
    assert_eq!(e[0].kind, sel_grammar::SyntaxErrorKind::Parse);
}

/// Random valid programs, with comments sprinkled between tokens.
fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        Just("y1".to_string()),
        Just("017".to_string()),
        Just("5L".to_string()),
        Just("1.5f".to_string()),
        Just("'s'".to_string()),
        Just("\"t\\n\"".to_string()),
        Just("true".to_string()),
        Just("null".to_string()),
        Just("\\u0078".to_string()),
        Just("5".to_string()),
    ];
    leaf.prop_recursive(5, 40, 4, |inner| {
        prop_oneof![
            (
                inner.clone(),
                prop::sample::select(
                    &["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||"][..]
                ),
                inner.clone()
            )
                .prop_map(|(a, o, b)| format!("{a}{o}{b}")),
            (
                prop::sample::select(&["-", "+", "!", "- ", "+ "][..]),
                inner.clone()
            )
                .prop_map(|(o, a)| format!("{o}{a}")),
            inner.clone().prop_map(|a| format!("({a})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("{a}?{b}:{c}")),
            inner.clone().prop_map(|a| format!("(x={a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("(arr[{a}]+={b})")),
            (inner.clone(), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|(a, v)| format!("{a}.f({})", v.join(","))),
            inner.clone().prop_map(|a| format!("{a}.len")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}[{b}]")),
            inner.clone().prop_map(|a| format!("new int[{a}]")),
            prop::collection::vec(inner.clone(), 0..3)
                .prop_map(|v| format!("new String[]{{{}}}", v.join(","))),
            prop::collection::vec(inner, 0..3).prop_map(|v| format!("new Map({})", v.join(","))),
        ]
    })
}

fn stmt() -> impl Strategy<Value = String> {
    let simple = prop_oneof![
        expr().prop_map(|e| format!("{e};")),
        expr().prop_map(|e| format!("return {e};")),
        expr().prop_map(|e| format!("int i={e},j;")),
        Just("break;".to_string()),
        Just("String[] s;".to_string()),
    ];
    simple.prop_recursive(4, 24, 3, |inner| {
        // A declaration cannot be the direct body of if/while/for.
        let body = inner.clone().prop_map(|s| {
            if s.starts_with("int ") || s.starts_with("String[]") {
                format!("{{{s}}}")
            } else {
                s
            }
        });
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!("{{{}}}", v.join(""))),
            (expr(), body.clone()).prop_map(|(c, s)| format!("if({c}){s}")),
            (expr(), body.clone(), body.clone())
                .prop_map(|(c, a, b)| format!("if({c}){a}else {b}")),
            (expr(), body.clone()).prop_map(|(c, s)| format!("while({c}){s}")),
            (expr(), body).prop_map(|(c, s)| format!("for(int i=0;{c};i+=1){s}")),
        ]
    })
}

fn program() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(stmt(), 0..5),
        prop::collection::vec(
            (
                0usize..200,
                prop::sample::select(&["/*c*/", "// d\n", "\n\n", "/** e\n f */", "\t"][..]),
            ),
            0..4,
        ),
    )
        .prop_map(|(stmts, comments)| {
            let mut src = String::from("import a.b.*;");
            src.push_str(&stmts.join(" "));
            // Comments go only where a space may go: between two statements.
            let bounds: Vec<usize> = src.match_indices(';').map(|(i, _)| i + 1).collect();
            let mut inserts: Vec<(usize, &str)> = comments
                .into_iter()
                .filter_map(|(i, c)| bounds.get(i % bounds.len().max(1)).map(|&b| (b, c)))
                .collect();
            inserts.sort();
            for (at, c) in inserts.into_iter().rev() {
                src.insert_str(at, c);
            }
            src
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_programs_round_trip(src in program()) {
        let p = parse(&src);
        prop_assume!(p.errors.is_empty());
        check_round_trip(&src);
        prop_assert_eq!(sel_grammar::reference_error(&src), Ok(None));
    }
}
