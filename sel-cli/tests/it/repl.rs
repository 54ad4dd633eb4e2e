//! `sel repl` run as a process: scripted through piped standard input (exact output),
//! and interactively through a pseudo-terminal (line editor, completion, history).

use crate::common::{ok, scratch, sel, Run};

#[test]
fn variables_persist_and_multi_line_entries() {
    let script = "\
x = 1;
y = x +
  1;
for (i = 0; i < 3; i += 1) {
  x = x * 2;
}
x + y;
String s = 'a';
s += i;
:vars
";
    assert_eq!(
        sel(&["repl"], script),
        ok("\
LONG: 1
LONG: 2
VOID: VOID
LONG: 10
VOID: VOID
STRING: a3
LONG i = 3
STRING s = a3
LONG x = 8
LONG y = 2
")
    );
}

#[test]
fn types_stick_and_failed_entries_change_nothing() {
    let script = "x = 1;\nx = 2; x = 1.5;\nx;\ny = 5; throw 'no';\ny;\n";
    assert_eq!(
        sel(&["repl"], script),
        Run {
            stdout: "LONG: 1\nLONG: 1\nERROR: no\nNULL: NULL\n".to_string(),
            stderr: "\
error[IllegalArgumentException]: Type mismatch, lhs type: LONG, rhs object type: DOUBLE
  ┌─ <entry 2, line 2>:1:8
  │
1 │ x = 2; x = 1.5;
  │        ^^^^^^^

"
            .to_string(),
            code: 5
        }
    );
}

#[test]
fn random_values_are_kept_not_recomputed() {
    let run = sel(&["repl"], "r = Math.random();\nr;\nr == r;\n");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{run:?}");
    assert!(lines[0].starts_with("DOUBLE: 0."), "{}", lines[0]);
    assert_eq!(lines[1], lines[0]);
    assert_eq!(lines[2], "BOOLEAN: true");
}

#[test]
fn returns_at_any_depth_keep_variables() {
    let script = "\
total = 0;
for (int i = 1; i < 10; i += 1) { total += i; if (total > 10) return total; }
i;
{ long q = 7; q; }
q * 2;
";
    assert_eq!(
        sel(&["repl"], script),
        ok("LONG: 0\nLONG: 15\nLONG: 5\nLONG: 7\nLONG: 14\n")
    );
}

#[test]
fn vars_params_and_now_options() {
    let script = "n;\nn = n + 1;\n:vars\nSystem.currentTimeMillis();\n";
    assert_eq!(
        sel(
            &[
                "repl",
                "--vars",
                r#"{"n": 41, "tag": "x"}"#,
                "--now",
                "5000"
            ],
            script
        ),
        ok("LONG: 41\nLONG: 42\nLONG n = 42\nSTRING tag = x\nLONG: 5000\n")
    );
}

#[test]
fn values_that_cannot_be_passed_on_are_dropped_with_a_note() {
    let run = sel(&["repl"], "Map m;\nm;\n");
    assert_eq!(
        run,
        Run {
            stdout: "VOID: VOID\nNULL: NULL\n".to_string(),
            stderr:
                "note: `m` (MAP) is not kept for later entries: only data values can be passed on\n"
                    .to_string(),
            code: 0
        }
    );
}

#[test]
fn commands() {
    let dir = scratch("repl-commands");
    let file = dir.join("setup.sel");
    std::fs::write(&file, "base = 10;\nfactor = 3;\n").unwrap();
    let f = file.to_str().unwrap();
    let script = format!(
        ":help\n:load {f}\nbase * factor;\n:type base * 1.5\n:type\n:limits\n:reset\n:vars\n:frob\n:quit\n1;\n"
    );
    let run = sel(&["repl", "--limit", "loop=7"], &script);
    assert_eq!(
        run.stdout,
        "\
Type SEL statements; an entry runs once its braces are closed and it ends with
`;` or `}`. Variables persist from one entry to the next.
  :help        show this help
  :vars        list the variables entries can read
  :type EXPR   evaluate EXPR without keeping anything and print its type
  :limits      show the limits every entry runs under
  :load FILE   run a file as one entry
  :reset       forget all variables
  :quit        leave (also Ctrl-D)
LONG: 3
LONG: 30
DOUBLE
stack   128
loop    7
array   25001
length  10000
visit   100000000
memory  100000000
timeout 120000 ms
variables cleared
no variables
"
    );
    assert_eq!(
        run.stderr,
        "usage: :type EXPR\nunknown command :frob (:help lists the commands)\n"
    );
    assert_eq!(run.code, 2, "the misused commands fail the run");
}

#[test]
fn load_errors_name_the_file() {
    let dir = scratch("repl-load");
    let file = dir.join("bad.sel");
    std::fs::write(&file, "x = (;\n").unwrap();
    let f = file.to_str().unwrap();
    let run = sel(&["repl"], &format!(":load {f}\n:load /nonexistent.sel\n"));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(&format!(
            "error[ParseException]: Encountered \" \";\" \"; \"\" at line 1, column 6.\n  ┌─ {f}:1:6\n"
        )),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .ends_with("sel: /nonexistent.sel: No such file or directory (os error 2)\n"));
}

#[test]
fn incomplete_entry_at_end_of_input_runs_as_is() {
    assert_eq!(sel(&["repl"], "1 + 2"), ok("LONG: 3\n"));
    assert_eq!(sel(&["repl"], ""), ok(""));
}

#[test]
fn bad_options_are_usage_errors() {
    assert_eq!(
        sel(&["repl", "--vars", "nope"], ""),
        Run {
            stdout: String::new(),
            stderr: "sel: --vars: invalid JSON: expected ident at line 1 column 2\n".to_string(),
            code: 2
        }
    );
}

/// The line editor on a pseudo-terminal: multi-line entry, persistent variables,
/// completion, history written to `$SEL_HISTORY`.
#[test]
fn interactive_session_through_a_pty() {
    let dir = scratch("repl-pty");
    let history = dir.join("nested/history");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sel"));
    // Limits high enough that only Ctrl-C stops the endless loop below.
    cmd.args([
        "repl",
        "--limit",
        "loop=2000000000",
        "--limit",
        "visit=1000000000000",
    ])
    .env("NO_COLOR", "1")
    .env("SEL_HISTORY", &history)
    .env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty");
    p.exp_string(":help for commands, Ctrl-D to quit.").unwrap();
    p.exp_string("sel> ").unwrap();
    p.send_line("counter = 41;").unwrap();
    p.exp_string("LONG: 41").unwrap();
    // An open brace continues the entry on the next line.
    p.send_line("if (counter > 0) {").unwrap();
    p.send_line("counter += 1;").unwrap();
    p.send_line("}").unwrap();
    p.exp_string("VOID: VOID").unwrap();
    p.send_line("counter;").unwrap();
    p.exp_string("LONG: 42").unwrap();
    // Typed-ahead keys may be flushed when the editor enters raw mode: wait for it.
    p.exp_string("sel> ").unwrap();
    // Tab twice lists the candidates for `co`.
    p.send("co\t\t").unwrap();
    p.flush().unwrap();
    p.exp_string("continue").unwrap();
    p.exp_string("counter").unwrap();
    p.send_control('u').unwrap();
    // A single candidate is inserted: a method of the variable's type, from the catalogue.
    p.send_line("s = 'abc';").unwrap();
    p.exp_string("STRING: abc").unwrap();
    p.exp_string("sel> ").unwrap();
    p.send("s.toU\t").unwrap();
    p.flush().unwrap();
    p.exp_string("toUpperCase").unwrap();
    p.send_line("();").unwrap();
    p.exp_string("STRING: ABC").unwrap();
    // Ctrl-C stops a long evaluation, not the session: its variables are still there.
    p.exp_string("sel> ").unwrap();
    p.send_line("n = 0; while (true) { n += 1; }").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    p.exp_string("error[Cancelled]: SEL evaluation was cancelled by the host")
        .unwrap();
    p.exp_string("sel> ").unwrap();
    p.send_line("s + counter;").unwrap();
    p.exp_string("STRING: abc42").unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        std::fs::read_to_string(&history).unwrap(),
        "#V2\ncounter = 41;\nif (counter > 0) {\\ncounter += 1;\\n}\ncounter;\ns = 'abc';\ns.toUpperCase();\nn = 0; while (true) { n += 1; }\ns + counter;\n:quit\n"
    );
}

/// Piped sessions name each failing entry by number and first input line, and the run
/// fails when an entry did.
#[test]
fn piped_errors_name_the_entry_and_its_line_and_fail_the_run() {
    let script = "x = 1;\n\n  y = x +\n 1.5;\nz = 1 +;\nx;\n";
    assert_eq!(
        sel(&["repl"], script),
        Run {
            stdout: "LONG: 1\nDOUBLE: 2.5\nLONG: 1\n".to_string(),
            stderr: "\
error[ParseException]: Encountered \" \";\" \"; \"\" at line 1, column 8.
  ┌─ <entry 3, line 5>:1:8
  │
1 │ z = 1 +;
  │        ^
  │
  = Was expecting one of: \"false\" ... \"new\" ... \"null\" ... \"true\" ... <INTEGER_LITERAL> ... <FLOATING_POINT_LITERAL> ... <STRING_LITERAL> ... <IDENTIFIER> ... \"(\" ... \"!\" ... \"+\" ... \"-\" ...

"
            .to_string(),
            code: 3
        }
    );
    assert_eq!(sel(&["repl"], "x = 1;\nthrow 'no';\n").code, 5);
}

/// An array initialiser after a dimension is one mistake, reported once.
#[test]
fn dimension_with_initialiser_is_one_error() {
    let run = sel(&["repl"], "new long[2]{1};\n");
    assert_eq!(run.code, 3);
    assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with(
        "error[ParseException]: Encountered \" \"{\" \"{ \"\" at line 1, column 12.\n  ┌─ <entry 1, line 1>:1:12\n"
    ), "{}", run.stderr);
}

/// A session variable is bound; a name no entry set is not, and the note says so.
#[test]
fn unbound_receiver_note_knows_the_session_variables() {
    let run = sel(&["repl"], "s = 'a';\ns.foo();\nt.foo();\n");
    assert_eq!(run.code, 5);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.contains("is not bound"))
            .collect::<Vec<_>>(),
        ["  = `t` is not bound (no param or variable of that name), so it reads as null"],
        "{}",
        run.stderr
    );
}
