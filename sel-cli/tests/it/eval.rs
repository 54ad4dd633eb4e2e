//! `sel eval` and the top-level help, run as a process.

use crate::common::{err, ok, scratch, sel, sel_env};

#[test]
fn prints_type_and_display() {
    assert_eq!(sel(&["eval", "1+2;"], ""), ok("LONG: 3\n"));
    assert_eq!(
        sel(&["eval", "1+2"], ""),
        ok("LONG: 3\n"),
        "sanitize adds the ;"
    );
    assert_eq!(
        sel(&["eval", "new String[]{'a', 'b'};"], ""),
        ok("STRING_ARRAY: [a, b]\n")
    );
    assert_eq!(
        sel(&["eval", "0.1 + 0.2"], ""),
        ok("DOUBLE: 0.30000000000000004\n")
    );
    assert_eq!(sel(&["eval", "x = 5; int y = 1;"], ""), ok("VOID: VOID\n"));
    assert_eq!(sel(&["eval", "zzz"], ""), ok("NULL: NULL\n"));
}

#[test]
fn json_output() {
    assert_eq!(
        sel(&["eval", "--json", "new long[]{1, 2};"], ""),
        ok("{\"type\":\"LONG_ARRAY\",\"value\":[1,2]}\n")
    );
    assert_eq!(
        sel(&["eval", "--json", "'a' + 1"], ""),
        ok("{\"type\":\"STRING\",\"value\":\"a1\"}\n")
    );
}

#[test]
fn vars_now_and_files() {
    assert_eq!(
        sel(&["eval", "--vars", r#"{"x": 1, "s": "ab"}"#, "s + x"], ""),
        ok("STRING: ab1\n")
    );
    assert_eq!(
        sel(&["eval", "--vars", r#"{"d": [1.5, 2]}"#, "d"], ""),
        ok("DOUBLE_ARRAY: [1.5, 2.0]\n")
    );
    assert_eq!(
        sel(
            &[
                "eval",
                "--now",
                "2024-03-01T00:00:00Z",
                "System.currentTimeMillis()"
            ],
            ""
        ),
        ok("LONG: 1709251200000\n")
    );
    assert_eq!(
        sel(&["eval", "--now", "1000", "System.currentTimeMillis()"], ""),
        ok("LONG: 1000\n")
    );
    let dir = scratch("eval-files");
    let expr = dir.join("e.sel");
    std::fs::write(
        &expr,
        "total = 0;\nfor (i = 1; i <= n; i += 1) { total += i; }\nreturn total;\n",
    )
    .unwrap();
    let vars = dir.join("vars.json");
    std::fs::write(&vars, r#"{"n": 4}"#).unwrap();
    let (e, v) = (expr.to_str().unwrap(), vars.to_str().unwrap());
    assert_eq!(
        sel(&["eval", "-f", e, "--vars-file", v], ""),
        ok("LONG: 10\n")
    );
    assert_eq!(
        sel(&["eval", "-", "--vars", r#"{"n": 3}"#], "n * 2"),
        ok("LONG: 6\n")
    );
}

#[test]
fn thrown_error_is_a_value_with_exit_5() {
    let run = sel(&["eval", "throw 'boom'"], "");
    assert_eq!((run.stdout.as_str(), run.code), ("ERROR: boom\n", 5));
}

#[test]
fn syntax_error_is_rendered_with_exit_3() {
    assert_eq!(
        sel(&["eval", "x = (1 + ;"], ""),
        err(
            "error[ParseException]: Encountered \" \";\" \"; \"\" at line 1, column 10.
  ┌─ <expr>:1:10
  │
1 │ x = (1 + ;
  │          ^
  │
  = Was expecting one of: \"false\" ... \"new\" ... \"null\" ... \"true\" ... <INTEGER_LITERAL> ... <FLOATING_POINT_LITERAL> ... <STRING_LITERAL> ... <IDENTIFIER> ... \"(\" ... \"!\" ... \"+\" ... \"-\" ...

",
            3
        )
    );
}

/// Maestro trims an expression before parsing it: the reference's message keeps its
/// position in the trimmed text, while the snippet points into the file as written.
#[test]
fn errors_point_into_the_file_despite_the_trim() {
    let dir = scratch("eval-trimmed");
    let syntax = dir.join("syntax.sel");
    std::fs::write(&syntax, "\n\n x = 1;\n y = ;\n").unwrap();
    let run = sel(&["eval", "-f", syntax.to_str().unwrap()], "");
    let name = syntax.display();
    assert_eq!(
        (run.stderr.as_str(), run.code),
        (
            format!(
                "error[ParseException]: Encountered \" \";\" \"; \"\" at line 2, column 6.
  ┌─ {name}:4:6
  │
4 │  y = ;
  │      ^
  │
  = Was expecting one of: \"false\" ... \"new\" ... \"null\" ... \"true\" ... <INTEGER_LITERAL> ... <FLOATING_POINT_LITERAL> ... <STRING_LITERAL> ... <IDENTIFIER> ... \"(\" ... \"!\" ... \"+\" ... \"-\" ... <IDENTIFIER> ...
  = the message counts lines in the expression as Maestro parses it, without the leading blank lines

"
            )
            .as_str(),
            3
        )
    );
    let runtime = dir.join("runtime.sel");
    std::fs::write(&runtime, "\n\n  x = 1 / 0;\n").unwrap();
    let run = sel(&["eval", "-f", runtime.to_str().unwrap()], "");
    let name = runtime.display();
    assert_eq!(
        (run.stderr.as_str(), run.code),
        (
            format!(
                "error[ArithmeticException]: / by zero
  ┌─ {name}:3:7
  │
3 │   x = 1 / 0;
  │       ^^^^^

"
            )
            .as_str(),
            5
        )
    );
}

#[test]
fn runtime_error_is_rendered_with_exit_5() {
    assert_eq!(
        sel(&["eval", "x = 1; x = 1.5;"], ""),
        err(
            "error[IllegalArgumentException]: Type mismatch, lhs type: LONG, rhs object type: DOUBLE
  ┌─ <expr>:1:8
  │
1 │ x = 1; x = 1.5;
  │        ^^^^^^^

",
            5
        )
    );
}

#[test]
fn limit_error_exit_6_and_validation_exit_4() {
    assert_eq!(
        sel(&["eval", "--limit", "loop=3", "while (true) {}"], ""),
        err(
            "error[IllegalStateException]: Loop execution aborted as the iteration is over the loop limit 3
  ┌─ <expr>:1:1
  │
1 │ while (true) {}
  │ ^^^^^^^^^^^^^^^

",
            6
        )
    );
    let run = sel(&["eval", "--limit", "length=5", "1 + 2 + 3;"], "");
    assert_eq!(
        (run.stderr.lines().next(), run.code),
        (
            Some("error[IllegalArgumentException]: Expression length is over the limit: 5 vs length: 10"),
            4
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        sel(&["eval", "--vars", "[1]", "x"], ""),
        err(
            "sel: --vars: expected a JSON object of param names to values\n",
            2
        )
    );
    assert_eq!(
        sel(&["eval", "--limit", "bogus=1", "x"], ""),
        err(
            "sel: --limit \"bogus=1\": unknown limit 'bogus' (expected stack, loop, array, length, visit, memory or timeout)\n",
            2
        )
    );
    assert_eq!(
        sel(&["eval", "--now", "yesterday", "1"], ""),
        err(
            "sel: --now \"yesterday\": not an RFC 3339 instant or epoch milliseconds (premature end of input)\n",
            2
        )
    );
    assert_eq!(
        sel(&["eval", "-f", "/nonexistent/e.sel"], ""),
        err(
            "sel: /nonexistent/e.sel: No such file or directory (os error 2)\n",
            2
        )
    );
    assert_eq!(
        sel(&["eval"], ""),
        err(
            "sel: nothing to evaluate: give an expression (sel eval '1 + 2'), `-` to read it from standard input, or -f FILE\n",
            2
        )
    );
    assert_eq!(sel(&["frobnicate"], "").code, 2);
}

#[test]
fn help_documents_exit_codes() {
    let run = sel(&["--help"], "");
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.ends_with(&format!("{}\n", sel_cli::exit::HELP)),
        "{}",
        run.stdout
    );
    for sub in ["eval", "check", "fmt", "repl", "conformance"] {
        assert!(run.stdout.contains(&format!("  {sub} ")), "{sub} missing");
    }
}

#[test]
fn no_colour_when_piped_even_without_no_color() {
    let run = sel_env(&["eval", "1 +"], "", &[("NO_COLOR", "")]);
    assert_eq!(run.code, 3);
    assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    assert!(run.stderr.starts_with("error[ParseException]"));
}

/// The reference's message stays as it is; a note says where the null came from.
#[test]
fn calling_a_method_on_an_unbound_name_says_it_is_unbound() {
    assert_eq!(
        sel(&["eval", "x.foo()"], ""),
        err(
            "\
error[UnsupportedOperationException]: NULL DO NOT support calling foo
  ┌─ <expr>:1:1
  │
1 │ x.foo()
  │ ^^^^^^^
  │
  = `x` is not bound (no param or variable of that name), so it reads as null

",
            5
        )
    );
    // A name that is assigned null, or given as a param, is bound: no note.
    let run = sel(&["eval", "x = null; x.foo()"], "");
    assert_eq!(run.code, 5);
    assert!(!run.stderr.contains("is not bound"), "{}", run.stderr);
    let run = sel(&["eval", "--vars", r#"{"y": 1}"#, "y.foo()"], "");
    assert!(!run.stderr.contains("is not bound"), "{}", run.stderr);
}

/// What a label on the whole program says depends on the phase: validation evaluates
/// nothing.
#[test]
fn validation_errors_are_not_labelled_as_evaluation() {
    assert_eq!(
        sel(&["eval", "--limit", "length=5", "1 + 2 + 3;"], ""),
        err(
            "\
error[IllegalArgumentException]: Expression length is over the limit: 5 vs length: 10
  ┌─ <expr>:1:1
  │
1 │ 1 + 2 + 3;
  │ ^^^^^^^^^^ rejected before evaluation

",
            4
        )
    );
}
