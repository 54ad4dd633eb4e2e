//! `sel check` and `sel fmt`, run as a process.

use crate::common::{err, ok, scratch, sel, Run};

#[test]
fn check_passes_quietly_and_lists_refs() {
    let dir = scratch("check-ok");
    let f = dir.join("ok.sel");
    std::fs::write(&f, "x = RUN_DATE + 1;\nreturn n + x;\n").unwrap();
    let g = dir.join("none.sel");
    std::fs::write(&g, "1;").unwrap();
    let (f, g) = (f.to_str().unwrap(), g.to_str().unwrap());
    assert_eq!(sel(&["check", f], ""), ok(""));
    assert_eq!(
        sel(&["check", "--refs", f, g], ""),
        ok(&format!("{f}: refs: RUN_DATE, n\n{g}: refs: (none)\n"))
    );
}

#[test]
fn check_reports_every_syntax_error_of_every_file() {
    let dir = scratch("check-bad");
    let bad = dir.join("bad.sel");
    std::fs::write(&bad, "x = 1;\ny = (;\nz = ];\n").unwrap();
    let good = dir.join("good.sel");
    std::fs::write(&good, "1;").unwrap();
    let b = bad.to_str().unwrap();
    let run = sel(&["check", b, good.to_str().unwrap()], "");
    assert_eq!(run.code, 3);
    assert_eq!(run.stdout, "");
    let headers: Vec<&str> = run.stderr.lines().filter(|l| l.contains("─ ")).collect();
    assert_eq!(
        headers,
        [format!("  ┌─ {b}:2:6"), format!("  ┌─ {b}:3:5")],
        "{}",
        run.stderr
    );
    assert_eq!(sel(&["check", "/nonexistent.sel"], "").code, 2);
}

#[test]
fn check_validation_error_exit_4() {
    let dir = scratch("check-validate");
    let f = dir.join("v.sel");
    // The length limit is part of validation; 10 000 characters is over it.
    std::fs::write(&f, format!("x = '{}';", "a".repeat(10_000))).unwrap();
    let run = sel(&["check", f.to_str().unwrap()], "");
    assert_eq!(run.code, 4);
    assert_eq!(
        run.stderr.lines().next(),
        Some("error[IllegalArgumentException]: Expression length is over the limit: 10000 vs length: 10007")
    );
}

const MESSY: &str = "// sum\nx=1;if(x>0){y=x+1;}/* done */\nreturn y ;\n";
const TIDY: &str = "// sum\nx = 1;\nif (x > 0) {\n    y = x + 1;\n} /* done */\nreturn y;\n";

#[test]
fn fmt_rewrites_in_place_keeping_comments() {
    let dir = scratch("fmt-write");
    let messy = dir.join("messy.sel");
    let tidy = dir.join("tidy.sel");
    std::fs::write(&messy, MESSY).unwrap();
    std::fs::write(&tidy, TIDY).unwrap();
    let run = sel(
        &["fmt", messy.to_str().unwrap(), tidy.to_str().unwrap()],
        "",
    );
    assert_eq!(run, ok(""));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), TIDY);
    assert_eq!(std::fs::read_to_string(&tidy).unwrap(), TIDY);
}

#[test]
fn fmt_check_lists_files_that_would_change() {
    let dir = scratch("fmt-check");
    let messy = dir.join("messy.sel");
    let tidy = dir.join("tidy.sel");
    std::fs::write(&messy, MESSY).unwrap();
    std::fs::write(&tidy, TIDY).unwrap();
    let (m, t) = (messy.to_str().unwrap(), tidy.to_str().unwrap());
    assert_eq!(
        sel(&["fmt", "--check", m, t], ""),
        Run {
            stdout: format!("{m}\n"),
            stderr: String::new(),
            code: 1
        }
    );
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY, "unchanged");
    assert_eq!(sel(&["fmt", "--check", t], ""), ok(""));
}

#[test]
fn fmt_stdin_to_stdout() {
    assert_eq!(sel(&["fmt", "-"], MESSY), ok(TIDY));
    assert_eq!(
        sel(&["fmt", "--check", "-"], MESSY),
        Run {
            stdout: "<stdin>\n".to_string(),
            stderr: String::new(),
            code: 1
        }
    );
}

#[test]
fn fmt_leaves_files_with_syntax_errors_alone() {
    let dir = scratch("fmt-bad");
    let bad = dir.join("bad.sel");
    std::fs::write(&bad, "x=(;").unwrap();
    let b = bad.to_str().unwrap();
    assert_eq!(
        sel(&["fmt", b], ""),
        err(
            &format!(
                "error[ParseException]: Encountered \" \";\" \"; \"\" at line 1, column 4.
  ┌─ {b}:1:4
  │
1 │ x=(;
  │    ^
  │
  = Was expecting one of: \"false\" ... \"new\" ... \"null\" ... \"true\" ... <INTEGER_LITERAL> ... <FLOATING_POINT_LITERAL> ... <STRING_LITERAL> ... <IDENTIFIER> ... \"(\" ... \"!\" ... \"+\" ... \"-\" ... <IDENTIFIER> ...

"
            ),
            3
        )
    );
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "x=(;");
    assert_eq!(
        sel(&["fmt", "/nonexistent.sel"], ""),
        err(
            "sel: /nonexistent.sel: No such file or directory (os error 2)\n",
            2
        )
    );
}

#[test]
fn check_reads_standard_input_and_describes_its_arguments() {
    assert_eq!(sel(&["check", "-"], "x = 1;\n"), ok(""));
    assert_eq!(
        sel(&["check", "--refs", "-"], "x = n + 1;"),
        ok("<stdin>: refs: n\n")
    );
    let run = sel(&["check", "-"], "x = (;");
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("  ┌─ <stdin>:1:6\n"), "{}", run.stderr);
    let help = sel(&["check", "--help"], "").stdout;
    assert!(
        help.contains("  <FILES>...\n          Files to check; `-` reads standard input\n"),
        "{help}"
    );
}

/// The checker the language server uses (`sel_core::typecheck`) runs in `check` too.
#[test]
fn check_reports_certain_type_errors_like_the_language_server() {
    assert_eq!(
        sel(&["check", "-"], "x = 1;\nint y = \"a\";\n"),
        err(
            "\
error[type]: Type mismatch, lhs type: LONG, rhs object type: STRING
  ┌─ <stdin>:2:9
  │
2 │ int y = \"a\";
  │         ^^^ fails here when evaluated

",
            5
        )
    );
}

/// The reference's message names the last character for an unexpected end of input;
/// the caret is put there too, not on the line after the final newline.
#[test]
fn missing_semicolon_at_end_of_file_caret_agrees_with_the_message() {
    let run = sel(&["check", "-"], "x = 1;\ny = 2;\nz = 3\n");
    assert_eq!(run.code, 3);
    let head: Vec<&str> = run.stderr.lines().take(6).collect();
    assert_eq!(
        head,
        [
            "error[ParseException]: Encountered \"<EOF>\" at line 3, column 6.",
            "  ┌─ <stdin>:3:6",
            "  │",
            "3 │ z = 3",
            "  │      ^",
            "  │",
        ],
        "{}",
        run.stderr
    );
    // Without the final newline the last character is the `3`, and so is the caret.
    let run = sel(&["check", "-"], "z = 3");
    let head: Vec<&str> = run.stderr.lines().take(5).collect();
    assert_eq!(
        head[..2],
        [
            "error[ParseException]: Encountered \"<EOF>\" at line 1, column 5.",
            "  ┌─ <stdin>:1:5",
        ]
    );
    assert_eq!(head[4], "  │     ^");
}

/// A 20,008-character line is shown as a window around the span, labelled by the phase
/// that rejected it (check evaluates nothing).
#[test]
fn long_lines_are_elided_and_labelled_by_phase() {
    let line = format!("x = '{}';", "a".repeat(20_000));
    let window = format!("x = '{}…", "a".repeat(95));
    let carets = "^".repeat(100);
    let expected = format!(
        "\
error[IllegalArgumentException]: Expression length is over the limit: 10000 vs length: 20008
  ┌─ <stdin>:1:1
  │
1 │ {window}
  │ {carets} rejected before evaluation (and 19907 more characters)

"
    );
    assert_eq!(
        sel(&["check", "-"], &format!("{line}\n")),
        err(&expected, 4)
    );
    // A syntax error far into a long line: the window starts 30 characters before it,
    // and the header keeps the file's column.
    let src = format!("y = 1;\nx = '{}' + (1 + 2 ;", "a".repeat(200));
    let run = sel(&["check", "-"], &src);
    let head: Vec<&str> = run.stderr.lines().take(5).collect();
    assert_eq!(
        head[1..],
        [
            "  ┌─ <stdin>:2:217",
            "  │",
            &format!("2 │ …{}' + (1 + 2 ;", "a".repeat(19)),
            &format!("  │ {}^", " ".repeat(31)),
        ]
    );
    assert!(
        run.stderr.lines().all(|l| l.chars().count() < 300),
        "{}",
        run.stderr
    );
}

/// On a terminal a clean check says so; piped (above) it prints nothing.
#[test]
fn clean_check_on_a_terminal_says_so() {
    let dir = scratch("check-tty");
    let (a, b) = (dir.join("a.sel"), dir.join("b.sel"));
    std::fs::write(&a, "x = 1;").unwrap();
    std::fs::write(&b, "y = 2;").unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sel"));
    cmd.arg("check").arg(&a).arg(&b).env("NO_COLOR", "1");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty");
    p.exp_string("2 files, no problems").unwrap();
    p.exp_eof().unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sel"));
    cmd.arg("check").arg(&a).env("NO_COLOR", "1");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty");
    p.exp_string("1 file, no problems").unwrap();
    p.exp_eof().unwrap();
}
