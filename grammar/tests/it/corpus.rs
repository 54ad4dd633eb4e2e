//! Acceptance test against the conformance corpus: every front-end error the reference
//! reports must come out of `parse` as `errors[0]`, to the character, and every other
//! case must parse without error.

use sel_grammar::{parse, SyntaxErrorKind};
use serde_json::Value;

/// Maestro's `ExprEvaluator.sanitize`.
fn sanitize(expr: &str) -> String {
    let t = expr.trim();
    if t.is_empty() || t.ends_with(';') || (t.ends_with('}') && !t.starts_with("{\"")) {
        t.to_string()
    } else {
        format!("{t};")
    }
}

/// Whether the reference's error comes from the front end (lexer, parser, literals).
fn is_front_end(expr: &str, err: &str) -> bool {
    const PREFIXES: [&str; 5] = [
        "com.netflix.sel.ast.ParseException:",
        "com.netflix.sel.ast.TokenMgrError:",
        "java.lang.Error:",
        "java.lang.StackOverflowError:",
        "java.lang.IllegalArgumentException: Invalid escaped literal string:",
    ];
    if PREFIXES.iter().any(|p| err.starts_with(p)) {
        return true;
    }
    // A NumberFormatException is the parser's when it names an integer literal of the
    // program (not the content of a string passed to `Long.valueOf`).
    if let Some(rest) = err.strip_prefix("java.lang.NumberFormatException: For input string: \"") {
        let lit = rest.trim_end_matches('"');
        let looks_literal = !lit.is_empty()
            && (lit.bytes().all(|b| b.is_ascii_digit())
                || (lit.starts_with("0x") || lit.starts_with("0X"))
                    && lit[2..].bytes().all(|b| b.is_ascii_hexdigit()));
        return looks_literal
            && expr
                .match_indices(lit)
                .any(|(i, _)| !matches!(expr[..i].chars().last(), Some('\'' | '"')));
    }
    false
}

/// Cases we knowingly do not match, with the reason.
const KNOWN_MISMATCHES: &[(&str, &str)] = &[];

#[test]
fn corpus_front_end_errors() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/sel-public.jsonl"
    ))
    .expect("corpus");
    let mut checked = 0;
    let mut clean = 0;
    let mut failures = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("json");
        let id = case["id"].as_str().unwrap_or("?").to_string();
        let mut expr = case["expr"].as_str().unwrap_or("").to_string();
        if case["sanitize"].as_bool() == Some(true) {
            expr = sanitize(&expr);
        }
        let expect = &case["expect"];
        let err = expect["error"]
            .as_str()
            .or_else(|| expect["refs_error"].as_str());
        let known = KNOWN_MISMATCHES.iter().any(|(k, _)| *k == id);
        let parsed = parse(&expr);
        match err {
            Some(err) if is_front_end(&expr, err) => {
                checked += 1;
                let got = parsed.errors.first().map(|e| e.to_string());
                let ok = match &parsed.errors.first() {
                    // The reference's stack overflow has no useful message: compare kinds.
                    Some(e) if e.kind == SyntaxErrorKind::TooDeep => {
                        err.starts_with("java.lang.StackOverflowError")
                    }
                    _ => got.as_deref() == Some(err),
                };
                if !ok && !known {
                    failures.push(format!("{id}: {expr:?}\n  want: {err:?}\n  got:  {got:?}"));
                }
            }
            _ => {
                clean += 1;
                if !parsed.errors.is_empty() && !known {
                    failures.push(format!(
                        "{id}: {expr:?} should parse\n  got: {:?}",
                        parsed.errors[0].to_string()
                    ));
                }
            }
        }
    }
    eprintln!("{checked} front-end error cases, {clean} cases without front-end error");
    assert!(checked > 100, "only {checked} front-end cases");
    assert!(clean > 1000, "only {clean} clean cases");
    assert!(
        failures.is_empty(),
        "{} of {} front-end cases / {} clean cases fail:\n{}",
        failures.len(),
        checked,
        clean,
        failures.join("\n")
    );
}
