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

/// Unclosed index brackets nest JavaCC's unbounded look-aheads: the diagnostic pass
/// would scan for a time exponential in their number (fuzz: 112 bytes took 5 s, 30
/// levels would take years). It now gives up within a bounded number of scanned
/// tokens and the fast pass's error stands.
#[test]
fn nested_lookaheads_stay_bounded() {
    let src = format!("{}1", "la[Sa".repeat(30));
    let p = parse(&src);
    assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
    let e = &p.errors[0];
    assert_eq!(e.kind, SyntaxErrorKind::Parse);
    assert_eq!((e.span.start, e.span.end), (151, 151));
    assert!(
        e.message.starts_with(
            "Encountered \"<EOF>\" at line 1, column 151.\nWas expecting one of:\n    \"]\" ...\n"
        ),
        "{}",
        e.message
    );
    // The fuzzer's input: the reference's message is still produced in time.
    let fuzz = "la[Sla[Sa[S1 = la[Sa[Long.Sa[S1 = la[Sa[Long.MAXla[ASUss0Sa[Long.MAla[Sla[Sa[S1 = la[Sa[Long.Sa[S1 = la[Sa[Long.";
    let p = parse(fuzz);
    assert!(
        p.errors[0]
            .message
            .starts_with("Encountered \" \".\" \". \"\" at line 1, column 112."),
        "{}",
        p.errors[0].message
    );
}

/// The fuzzer's disagreement after the scan budget came in: the diagnostic pass gives
/// up, says so, and the fast pass's error stands.
#[test]
fn budget_exhaustion_is_reported_as_such() {
    let src = format!("getMillisea{}", "[((io[ (i = q".repeat(12));
    assert_eq!(sel_grammar::reference_error(&src), Err(sel_grammar::GaveUp));
    let p = parse(&src);
    assert_eq!(p.errors[0].kind, SyntaxErrorKind::Parse);
    assert!(
        p.errors[0].message.starts_with("Encountered \"<EOF>\""),
        "{}",
        p.errors[0].message
    );
}
