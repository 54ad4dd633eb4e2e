//! Unit tests of split/replaceAll; expected values were observed on a JDK.

use super::*;

fn sp(s: &str, re: &str, limit: i32) -> Vec<String> {
    split(s, re, limit).unwrap()
}

fn ra(s: &str, re: &str, rep: &str) -> String {
    replace_all(s, re, rep).unwrap()
}

fn err(r: Result<impl std::fmt::Debug, SelError>) -> (ErrorKind, String) {
    let e = r.unwrap_err();
    (e.kind, e.message)
}

#[test]
fn splits() {
    assert_eq!(sp("a,b,c", ",", 0), ["a", "b", "c"]);
    assert_eq!(sp("a,b,,c,,", ",", 0), ["a", "b", "", "c"]);
    assert_eq!(sp("a,b,,c,,", ",", -1), ["a", "b", "", "c", "", ""]);
    assert!(sp("a.b.c", ".", 0).is_empty());
    assert_eq!(sp("a.b.c", "\\.", 0), ["a", "b", "c"]);
    assert_eq!(sp("a1b22c333", "[0-9]+", 0), ["a", "b", "c"]);
    assert_eq!(sp("", ",", 0), [""]);
    assert_eq!(sp("a,b,c", ",", 1), ["a,b,c"]);
    assert_eq!(sp("abc", "", 0), ["a", "b", "c"]);
    assert_eq!(sp(" a b ", " ", 0), ["", "a", "b"]);
    assert_eq!(sp("boo:and:foo", "o", 2), ["b", "o:and:foo"]);
    assert_eq!(sp("boo:and:foo", "o", 0), ["b", "", ":and:f"]);
    assert_eq!(sp("boo:and:foo", "o", -2), ["b", "", ":and:f", "", ""]);
    assert!(sp("a", "a", 0).is_empty());
    assert_eq!(sp("x", "x", 1_000_000), ["", ""]);
    assert_eq!(
        sp("prod_db.fact_playback", "\\.", 0),
        ["prod_db", "fact_playback"]
    );
    assert_eq!(sp("a::b", "::", 0), ["a", "b"]);
    assert_eq!(sp("é😀é", "😀", 0), ["é", "é"]);
    assert_eq!(sp("a-b_c d", "\\b", 0), ["a", "-", "b_c", " ", "d"]);
    assert_eq!(sp("AbC", "(?i)b", 0), ["A", "C"]);
    assert_eq!(sp("x1y2", "(?<=\\d)", 0), ["x1", "y2"]);
}

#[test]
fn replacements() {
    assert_eq!(ra("x1y22z", "[0-9]", "#"), "x#y##z");
    assert_eq!(ra("x1y22z", "[0-9]+", "#"), "x#y#z");
    assert_eq!(
        ra("2020-01-02", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1"),
        "02/01/2020"
    );
    assert_eq!(ra("abc", "(a)", "$1x"), "axbc");
    assert_eq!(ra("abc", "(a)", "$11"), "a1bc");
    assert_eq!(ra("abc", "(?<n>b)", "[${n}]"), "a[b]c");
    assert_eq!(ra("abc", "b", "\\$"), "a$c");
    assert_eq!(ra("aaa", "a*", "X"), "XX");
    assert_eq!(ra("xax", "x*", "-"), "--a--");
    assert_eq!(ra("abc", "(?<=a)b", "X"), "aXc");
    assert_eq!(ra("abc", "z", "$"), "abc");
    assert_eq!(ra("ab\nab\n", "$", "X"), "ab\nabX\nX");
    assert_eq!(ra("ab\r\n", "$", "X"), "abX\r\nX");
    assert_eq!(ra("ab\ncd", "(?m)^", "X"), "Xab\nXcd");
    assert_eq!(ra("AbC", "(?i)[a-c]", "X"), "XXX");
    assert_eq!(ra("abc", "\\Qa(\\E*", "X"), "Xbc");
    assert_eq!(ra("AAbbCC", "(\\w+?)*", "-"), "--");
    assert_eq!(ra("a.b", ".", "-"), "---");
    assert_eq!(ra("a\u{85}b", ".", "-"), "-\u{85}-");
    assert_eq!(ra("a1 b2", "\\p{Alpha}\\d", "<$0>"), "<a1> <b2>");
    assert_eq!(ra("aé1", "\\w", "-"), "-é-");
    assert_eq!(ra("aaa", "a++a", "X"), "aaa");
    assert_eq!(ra("abab", "(ab)\\1", "X"), "X");
    assert_eq!(ra("ab", "(a)\\2", "X"), "ab");
}

#[test]
fn replacement_errors() {
    let iae = ErrorKind::IllegalArgumentException;
    let ioobe = ErrorKind::IndexOutOfBoundsException;
    for (rep, kind, msg) in [
        ("$", iae, "Illegal group reference: group index is missing"),
        ("$x", iae, "Illegal group reference"),
        ("$2", ioobe, "No group 2"),
        ("${}", iae, "named capturing group has 0 length name"),
        ("${b}", iae, "No group with name {b}"),
        ("\\", iae, "character to be escaped is missing"),
    ] {
        assert_eq!(
            err(replace_all("abc", "(a)", rep)),
            (kind, msg.to_string()),
            "{rep}"
        );
    }
    assert_eq!(
        err(replace_all("abc", "a", "$")),
        (
            iae,
            "Illegal group reference: group index is missing".to_string()
        )
    );
}

#[test]
fn pattern_errors() {
    let pse = ErrorKind::PatternSyntaxException;
    for (re, msg) in [
        ("(", "Unclosed group near index 1\n("),
        ("a)", "Unmatched closing ')' near index 0\na)\n^"),
        (")", "Unmatched closing ')'\n)"),
        ("*a", "Dangling meta character '*' near index 0\n*a\n^"),
        ("a**", "Dangling meta character '*' near index 2\na**\n  ^"),
        ("[a", "Unclosed character class near index 1\n[a\n ^"),
        ("[]", "Unclosed character class near index 1\n[]\n ^"),
        ("{a}", "Illegal repetition near index 1\n{a}\n ^"),
        ("a{", "Illegal repetition near index 2\na{"),
        ("a{2", "Unclosed counted closure near index 3\na{2"),
        (
            "a{3,2}",
            "Illegal repetition range near index 5\na{3,2}\n     ^",
        ),
        ("\\", "Unescaped trailing backslash near index 1\n\\"),
        (
            "\\q",
            "Illegal/unsupported escape sequence near index 1\n\\q\n ^",
        ),
        (
            "\\p{Foo}",
            "Unknown character property name {Foo} near index 6\n\\p{Foo}\n      ^",
        ),
        (
            "\\k<x>",
            "named capturing group <x> does not exist near index 4\n\\k<x>\n    ^",
        ),
        ("(?q)", "Unknown inline modifier near index 2\n(?q)\n  ^"),
        ("[z-a]", "Illegal character range near index 3\n[z-a]\n   ^"),
        (
            "\\x{110000}",
            "Hexadecimal codepoint is too big near index 8\n\\x{110000}\n        ^",
        ),
        ("\\0", "Illegal octal escape sequence near index 2\n\\0"),
    ] {
        assert_eq!(err(split("ab", re, 0)), (pse, msg.to_string()), "{re}");
    }
    for re in ["\\X", "\\N{LATIN SMALL LETTER A}", "\\p{InGreek}", "\\G"] {
        let (kind, msg) = err(split("ab", re, 0));
        assert_eq!(kind, pse);
        assert!(msg.starts_with("Unsupported regex construct"), "{msg}");
    }
}

#[test]
fn translation_details() {
    let t = |p: &str| translate::translate(p).unwrap().pattern;
    assert_eq!(t("a"), "a");
    assert_eq!(t("\\d+"), "(?:[0-9])+");
    assert_eq!(t("[^a-c&&[b]]"), "[^[a-c]&&[[[b]]]]");
    assert_eq!(ra("abcd", "[^a-c&&[b]]", "-"), "-b--");
    assert_eq!(ra("abcd", "[a-z&&[^bc]]", "-"), "-bc-");
    assert_eq!(t("(?i)x"), "[xX]");
    assert_eq!(t("(?iu)é"), "(?i:é)");
    assert_eq!(t("a*+"), "(?>(?:a)*)");
    let named = translate::translate("(?<year>\\d{4})-(\\d+)").unwrap();
    assert_eq!(named.group_count, 2);
    assert_eq!(named.names, [("year".to_string(), 1)]);
    assert!(literal_text("a\\.b").is_some_and(|t| t == "a.b"));
    assert!(literal_text("a.b").is_none());
    assert!(literal_text("\\d").is_none());
}

#[test]
fn catastrophic_patterns_fail_fast() {
    let s = "a".repeat(40) + "!";
    // Forces the backtracking engine (backreference) on an exponential pattern.
    let r = replace_all(&s, "(a*)*\\1b", "X");
    match r {
        Ok(out) => assert_eq!(out, s),
        Err(e) => assert_eq!(e.kind, ErrorKind::IllegalStateException),
    }
    let r = split(&s, "(?=(a|aa)+b)", 0);
    assert!(r.is_ok() || r.unwrap_err().kind == ErrorKind::IllegalStateException);
}

#[test]
fn bounded_split_counts_only_parts_that_stay() {
    // Trailing empty parts are dropped with limit 0, so they do not count.
    assert_eq!(
        split_bounded("a,,,,,,", ",", 0, 1).unwrap(),
        Some(vec!["a".to_string()])
    );
    assert_eq!(split_bounded(",,,,", ",", 0, 0).unwrap(), Some(vec![]));
    assert_eq!(split_bounded("a,,b", ",", 0, 2).unwrap(), None);
    assert_eq!(
        split_bounded("a,,b", ",", 0, 3).unwrap(),
        Some(vec!["a".to_string(), String::new(), "b".to_string()])
    );
    assert_eq!(split_bounded("a,,", ",", -1, 2).unwrap(), None);
    assert_eq!(
        split_bounded("a,,", ",", -1, 3).unwrap().map(|v| v.len()),
        Some(3)
    );
    assert_eq!(
        split_bounded(&"x".repeat(100_000), "", 0, 1000).unwrap(),
        None
    );
}

#[test]
fn bounded_replace_all_gives_up_early() {
    let s = "x".repeat(1000);
    assert_eq!(replace_all_bounded(&s, "", &s, 10_000).unwrap(), None);
    assert_eq!(
        replace_all_bounded("ab", "", "-", 5).unwrap(),
        Some("-a-b-".to_string())
    );
    assert_eq!(replace_all_bounded("ab", "", "-", 4).unwrap(), None);
}

/// Literal patterns (one byte, several bytes, escaped punctuation) split exactly like
/// the same text matched by the regex engine (a character class forces the engine).
#[test]
fn literal_patterns_agree_with_the_engine() {
    let texts = [
        "",
        ".",
        "..",
        "a.b",
        "a.b..c.",
        ".a.b",
        "prod_db.fact_playback",
        "é.ü..日本.語.",
        "a,b,,c,,",
        ",a,b",
        "x--y---z--",
        "no separator",
    ];
    let pairs = [
        ("\\.", "[.]"),
        (",", "[,]"),
        ("--", "[-][-]"),
        ("日", "[日]"),
        ("_", "[_]"),
    ];
    for t in texts {
        for (lit, class) in pairs {
            for limit in [-1, 0, 1, 2, 3, 10] {
                assert_eq!(
                    split(t, lit, limit).unwrap(),
                    split(t, class, limit).unwrap(),
                    "{t:?} {lit} {limit}"
                );
                assert_eq!(
                    split_bounded(t, lit, limit, 4).unwrap(),
                    split_bounded(t, class, limit, 4).unwrap(),
                    "{t:?} {lit} {limit}"
                );
            }
        }
    }
}
