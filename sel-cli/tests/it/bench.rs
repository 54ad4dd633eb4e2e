//! `sel bench`, run as a process: the output format of issue 6, the check of each
//! expression against its expected result before timing, and bad input.
//!
//! Only the shape of the figures is asserted (each a positive integer): their size
//! depends on the machine, and speed is measured by benchmarks, not by tests.

use crate::common::{scratch, sel};

const FILE: &str = r#"{"id": "b-1", "name": "add", "expr": "return 1 + 2;", "expect": {"ok": true, "type": "LONG", "value": 3, "display": "3", "refs": []}}
{"id": "b-2", "name": "param", "expr": "return n * 2;", "vars": {"n": 21}, "expect": {"ok": true, "type": "LONG", "value": 42, "display": "42", "refs": ["n"]}}

{"id": "b-3", "name": "no-expect", "expr": "'a' + 'b';"}
"#;

/// The rate of a line `<label>: N evals/s`, if the line has that form.
fn rate(line: &str, label: &str) -> Option<u64> {
    let n = line.strip_prefix(label)?.strip_prefix(": ")?;
    let n = n.strip_suffix(" evals/s")?;
    n.parse().ok().filter(|&n| n > 0)
}

fn write(test: &str, text: &str) -> String {
    let path = scratch(test).join("bench.jsonl");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// One line per expression in file order, then the mix; nothing on stderr.
fn assert_report(stdout: &str, labels: &[&str]) {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), labels.len(), "{stdout}");
    for (line, label) in lines.iter().zip(labels) {
        assert!(
            rate(line, label).is_some(),
            "{line:?} is not `{label}: N evals/s`"
        );
    }
}

#[test]
fn prints_a_rate_per_expression_and_for_the_mix() {
    let file = write("bench-format", FILE);
    let fresh = ["b-1 add", "b-2 param", "b-3 no-expect", "mix"];
    let with_cached = [
        "b-1 add",
        "b-2 param",
        "b-3 no-expect",
        "mix",
        "cached b-1 add",
        "cached b-2 param",
        "cached b-3 no-expect",
        "cached mix",
    ];
    for (extra, labels) in [
        (&["--iterations", "3"][..], &with_cached[..]),
        (&["--iterations", "3", "--preparsed"], &fresh),
        (&["--iterations", "3", "--no-cached"], &fresh),
        (&["--seconds", "0.01", "--runs", "3"], &with_cached),
    ] {
        let mut args = vec!["bench", file.as_str()];
        args.extend(extra);
        let run = sel(&args, "");
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{extra:?}");
        assert_report(&run.stdout, labels);
    }
}

#[test]
fn a_wrong_result_is_reported_and_left_out() {
    let wrong = FILE.replace(
        "\"value\": 42, \"display\": \"42\"",
        "\"value\": 43, \"display\": \"43\"",
    );
    let file = write("bench-wrong", &wrong);
    let run = sel(&["bench", &file, "--iterations", "2", "--no-cached"], "");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("b-2 param: wrong result before timing: "),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
    assert_report(&run.stdout, &["b-1 add", "b-3 no-expect", "mix"]);
}

#[test]
fn bad_input_is_a_usage_error() {
    let file = write(
        "bench-bad",
        "{\"id\": \"b-1\", \"expr\": \"1;\"}\nnot json\n",
    );
    let run = sel(&["bench", &file, "--iterations", "1"], "");
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(run.stderr.starts_with("sel: line 2: "), "{}", run.stderr);

    let empty = write("bench-empty", "\n");
    let run = sel(&["bench", &empty], "");
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (2, "sel: no benchmark expressions\n")
    );

    let run = sel(&["bench", &file, "--runs", "0"], "");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--runs"), "{}", run.stderr);
}
