//! Run-time errors carry the source span of the innermost node that raised them, so
//! that `sel eval` and the language server can point at the failing part.

use sel_core::{Evaluator, Limits};

/// The source text under the span of the error `src` fails with.
fn failing_text(src: &str) -> String {
    let e = Evaluator::new(Limits::default())
        .evaluate(src, &(), None)
        .expect_err(src);
    let span = e.span.unwrap_or_else(|| panic!("{src}: no span on {e}"));
    src[span.start as usize..span.end as usize].to_string()
}

#[test]
fn operator_errors_point_at_the_operation() {
    assert_eq!(failing_text("x = 1; return 2 + x / 0;"), "x / 0");
    assert_eq!(failing_text("x = 0; x /= 0; return x;"), "x /= 0");
}

#[test]
fn call_errors_point_at_the_call() {
    assert_eq!(
        failing_text("s = 'abc'; return s.substring(5) + 'x';"),
        "s.substring(5)"
    );
}

#[test]
fn errors_inside_arguments_point_at_the_argument() {
    assert_eq!(failing_text("return 'abc'.substring(1 / 0);"), "1 / 0");
}

#[test]
fn statement_errors_point_at_the_statement() {
    let src = "for (i = 0; i < 30000; i += 1) { } return 1;";
    assert_eq!(failing_text(src), "for (i = 0; i < 30000; i += 1) { }");
}
