//! Property tests: the parser never panics, the fast and diagnostic parsers agree on
//! what is valid, and nesting is bounded.

use proptest::prelude::*;
use sel_grammar::{dump, parse, reference_error, token_image, tokens, SyntaxErrorKind, MAX_DEPTH};

const SOUP: &[&str] = &[
    "x", "y", "int", "String", "new", "return", "if", "else", "for", "while", "break", "continue",
    "throw", "import", "static", "true", "null", "1", "2.5", "0x1F", "'s'", "\"t\\n\"", "(", ")",
    "{", "}", "[", "]", ";", ",", ".", "=", "+=", "==", "<", ">=", "+", "-", "*", "/", "%", "!",
    "?", ":", "&&", "||", "~", "++", "<<", "#", "//c\n", "/*c*/", "\\u0078", "'\\7'", "switch",
    "final", "\n", "\t",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..40).prop_map(|v| v.join(" "))
}

fn check(src: &str) {
    let p = parse(src);
    let Ok(reference) = reference_error(src) else {
        // The diagnostic pass gave up (bounded look-aheads): the fast pass's errors
        // stand, and there must be some.
        assert!(!p.errors.is_empty(), "{src:?}");
        return;
    };
    assert_eq!(
        p.errors.is_empty(),
        reference.is_none(),
        "fast and reference parsers disagree on {src:?}: {:?} vs {:?}",
        p.errors.first(),
        reference
    );
    if let Some(r) = reference {
        assert_eq!(p.errors[0], r);
    }
    let _ = dump(&p.program);
    let _ = token_image(src);
    let _ = tokens(src);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,60}") {
        check(&s);
    }

    #[test]
    fn ascii_noise_never_panics(s in "[ -~\\t\\n]{0,80}") {
        check(&s);
    }

    #[test]
    fn token_soups_never_panic(s in soup()) {
        check(&s);
    }

    #[test]
    fn deep_nesting_is_bounded(
        n in (MAX_DEPTH as usize + 1)..(10 * MAX_DEPTH as usize),
        which in 0usize..6,
    ) {
        let src = match which {
            0 => format!("{}1{}", "(".repeat(n), ")".repeat(n)),
            1 => format!("x = {}1;", "- ".repeat(n)),
            2 => format!("{}{}", "{".repeat(n), "}".repeat(n)),
            3 => format!("{}1;", "if (x) ".repeat(n)),
            4 => format!("{}1{};", "a[".repeat(n), "]".repeat(n)),
            _ => format!("{}1", "(".repeat(n)),
        };
        let p = parse(&src);
        prop_assert_eq!(p.errors[0].kind, SyntaxErrorKind::TooDeep);
    }
}

#[test]
fn valid_programs_from_the_corpus_agree() {
    for src in [
        "x = 1;",
        "a[i] = b[j] = 3;",
        "int[] a = new int[]{1, 2,}; a[0] += a[1];",
        "for (int i = 0, j = 1; i < 3; i += 1) { j *= 2; } return j;",
        "return x > 1 ? 'a' : 'b';",
    ] {
        check(src);
        assert!(parse(src).errors.is_empty(), "{src}");
    }
}
