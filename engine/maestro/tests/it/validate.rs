//! `maestro validate`: good files pass, every problem of a bad file is reported with
//! its location, and a mix is as bad as its worst file.

use crate::common::*;

#[test]
fn good_files_are_valid() {
    let d = tempdir();
    let a = sample("sample-dag-test-1.json");
    let b = sample("sample-conditional-wf.yaml");
    let o = maestro_in(
        d.path(),
        &["validate", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        o.stdout,
        format!("{}: valid\n{}: valid\n", a.display(), b.display())
    );
}

#[test]
fn bad_files_report_every_problem_with_its_place() {
    let d = tempdir();
    for (name, text, want) in crate::run::invalid_definitions() {
        write(d.path(), name, &text);
        let o = maestro_in(d.path(), &["validate", name]);
        assert_eq!(o.code, 3, "{name}: {}", o.stderr);
        assert!(
            o.stderr
                .lines()
                .any(|l| l.trim() == want || l.trim().starts_with(want)),
            "{name}: want [{want}] in\n{}",
            o.stderr
        );
    }
    // Two problems in one file: both listed, in document order, with the count.
    let text = "{\n  \"properties\": {\"owner\": \"tester\"},\n  \"workflow\": {\n    \"id\": \"two\",\n    \"steps\": [\n      {\"step\": {\"id\": \"a\", \"type\": 7}}\n    ]\n  }\n}\n";
    write(d.path(), "two.json", text);
    let o = maestro_in(d.path(), &["validate", "two.json"]);
    assert_eq!(o.code, 3);
    assert_eq!(
        o.stderr,
        "error: Invalid workflow definition: 2 problem(s) found\n  two.json:6:8: the step has no \"type\"\n  two.json:6:36: \"type\" must be a string, found a number\n"
    );
}

#[test]
fn a_mix_of_good_and_bad_files_fails() {
    let d = tempdir();
    let good = sample("sample-dag-test-2.json");
    write(d.path(), "bad.json", "{\"workflow\": ");
    let o = maestro_in(d.path(), &["validate", good.to_str().unwrap(), "bad.json"]);
    assert_eq!(o.code, 3);
    assert_eq!(o.stdout, format!("{}: valid\n", good.display()));
    assert!(o.stderr.contains("bad.json:1:"), "{}", o.stderr);
}
