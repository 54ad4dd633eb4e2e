//! Snapshots of trees (as S-expressions) and of error lists after recovery.

use sel_grammar::{dump, parse};

fn tree(src: &str) -> String {
    let p = parse(src);
    assert!(p.errors.is_empty(), "{src}: {}", p.errors[0]);
    dump(&p.program)
}

/// The partial tree, then each error's span and first line.
fn recovered(src: &str) -> String {
    let p = parse(src);
    let mut out = dump(&p.program);
    for e in &p.errors {
        let first = e.to_string().lines().next().unwrap_or("").to_string();
        out.push_str(&format!("error {:?}: {first}\n", e.span));
    }
    out
}

#[test]
fn expressions() {
    insta::assert_snapshot!(tree(
        "x = 1 + 2 * 3 - 4 / 5 % 6;\n\
         y = a || b && c == d != e < f <= g > h >= i;\n\
         z = c ? 1 : d ? 2 : 3;\n\
         w = - + !x;\n\
         v = a = b += 1;\n\
         arr[i + 1] *= 2;\n\
         (x) + 1;\n\
         'abc'.split(',')[0].length();\n\
         1.5e3 + .5 + 5d + 017 + 5L + \"s\\n\" + true + false + null;"
    ));
}

#[test]
fn statements() {
    insta::assert_snapshot!(tree(
        "import static java.util.*;\n\
         import a.b.C;\n\
         int i = 0, j;\n\
         String[] s = new String[]{'a', 'b',};\n\
         Map m = new Map();\n\
         long[] l = new long[10];\n\
         for (int k = 0; k < 10; k += 1) { if (k == 5) break; else continue; }\n\
         for (;;) {}\n\
         for (i = 0; i < 3; i.toString()) x;\n\
         while (i < 10) { i += 1; }\n\
         if (a) if (b) 1; else 2;\n\
         { }\n\
         throw 'oops';\n\
         return new int[]{1, 2}[1];"
    ));
}

#[test]
fn recovery_keeps_good_statements() {
    insta::assert_snapshot!(recovered(
        "x = 1;\n\
         y = 2 +;\n\
         z = (3;\n\
         w = 4;\n\
         if (x) { a = ; b = 5; }\n\
         return x 1;\n\
         v = 6;"
    ));
}

#[test]
fn recovery_with_lexical_and_literal_errors() {
    insta::assert_snapshot!(recovered(
        "a = 0x1F;\n\
         b = 'x\\qy';\n\
         c = # 1;\n\
         d = 99999999999999999999;\n\
         e = 'ok';"
    ));
}

#[test]
fn recovery_stray_tokens() {
    insta::assert_snapshot!(recovered("} x = 1; else y = 2; ;; import z; { w = 3;"));
}

/// `new T[n]{...}` is one mistake: the initialiser after a dimension is skipped whole
/// instead of being read as a block that adds two more errors.
#[test]
fn recovery_skips_an_initialiser_after_a_dimension() {
    insta::assert_snapshot!(recovered("new long[2]{1, {2}}; y = 2;\nx = a[1] {z = 3;}"));
}
