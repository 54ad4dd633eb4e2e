//! No input, however deep, may overflow the stack; nesting past `MAX_DEPTH` is an error.

use sel_grammar::{parse, SyntaxErrorKind, MAX_DEPTH};

fn assert_too_deep(src: &str) {
    let p = parse(src);
    assert!(!p.errors.is_empty(), "no error for deep input");
    assert_eq!(
        p.errors[0].kind,
        SyntaxErrorKind::TooDeep,
        "{}",
        p.errors[0]
    );
    drop(p);
}

fn nest(open: &str, mid: &str, close: &str, n: usize) -> String {
    format!("{}{}{}", open.repeat(n), mid, close.repeat(n))
}

#[test]
fn deep_nesting_is_reported() {
    let n = 10 * MAX_DEPTH as usize;
    assert_too_deep(&nest("(", "1", ")", n));
    assert_too_deep(&format!("return {};", nest("(", "1", ")", n)));
    assert_too_deep(&format!("x = {}1;", "- ".repeat(n)));
    assert_too_deep(&format!("x = {}1;", "!".repeat(n)));
    assert_too_deep(&nest("{", "1;", "}", n));
    assert_too_deep(&nest("if (true) ", "1;", "", n));
    assert_too_deep(&nest("while (true) ", "1;", "", n));
    assert_too_deep(&nest("for (;;) ", "1;", "", n));
    assert_too_deep(&format!("{};", nest("f.g(", "1", ")", n)));
    assert_too_deep(&format!("{};", nest("a[", "1", "]", n)));
    assert_too_deep(&format!("x{} = 1;", nest("[a", "1", "]", n)));
    assert_too_deep(&format!("{}0;", "x = ".repeat(n)));
    assert_too_deep(&format!("{}0;", "c ? 1 : ".repeat(n)));
    assert_too_deep(&format!("{};", nest("new int[]{", "1", "}", n)));
    // Unclosed, as the reference's own overflow case.
    assert_too_deep(&format!("return {}", "(".repeat(4000)));
}

#[test]
fn reasonable_nesting_parses() {
    let p = parse(&format!("return {};", nest("(", "1", ")", 100)));
    assert!(p.errors.is_empty());
    let p = parse(&format!("x = {}1;", "- ".repeat(MAX_DEPTH as usize / 2)));
    assert!(p.errors.is_empty(), "{:?}", p.errors.first());
}

#[test]
fn long_chains_are_iterative() {
    let src = format!("x = 1{};", " + 1".repeat(20_000));
    let p = parse(&src);
    assert!(p.errors.is_empty());
    let src = format!("x = a{};", ".b()".repeat(20_000));
    assert!(parse(&src).errors.is_empty());
    let src = "x = 1;\n".repeat(20_000);
    assert!(parse(&src).errors.is_empty());
}
