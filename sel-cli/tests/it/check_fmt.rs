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
