//! When an entry is complete. Enter runs the entry once its brackets are closed and it
//! ends with `;` or `}` (and does not stop short: `x = new int[]{1, 2}` still wants its
//! `;`); otherwise the entry continues on the next line. Commands are one line.

use sel_grammar::TokenKind;

/// Whether `text` (everything typed for this entry so far) should run now.
pub fn is_complete(text: &str) -> bool {
    if text.trim().is_empty() || super::commands::is_command(text) {
        return true;
    }
    let tokens: Vec<_> = sel_grammar::tokens(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Comment)
        .collect();
    let mut depth = 0i64;
    for t in &tokens {
        match text.get(t.span.range()).unwrap_or("") {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => depth -= 1,
            _ => {}
        }
    }
    let Some(last) = tokens.iter().max_by_key(|t| t.span.end) else {
        return true; // only comments
    };
    // Text the lexer rejects (an unterminated string...) will not get better on the
    // next line: run it and show the error.
    if last.kind == TokenKind::Error {
        return true;
    }
    let ends = text.get(last.span.range()).unwrap_or("");
    if depth > 0 || !(ends == ";" || ends == "}") {
        return false;
    }
    // Balanced and ending well: incomplete only if the parser wants more at the end.
    let parsed = sel_grammar::parse(text);
    !parsed
        .errors
        .iter()
        .any(|e| e.span.start as usize >= text.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::is_complete;

    #[test]
    fn runs_when_closed_and_terminated() {
        for done in [
            "1 + 2;",
            "x = 1; y = 2;",
            "if (x) { y = 1; }",
            "if (x) {\n y = 1;\n} else {\n y = 2;\n}",
            "x = new int[]{1, 2};",
            "1 + ;",
            "x = 'oops;",
            ":vars",
            "",
            "// just a comment",
            "return 1; // done",
            "}",
        ] {
            assert!(is_complete(done), "{done:?} should run");
        }
    }

    #[test]
    fn continues_when_open_or_unterminated() {
        for open in [
            "1 + 2",
            "if (x) {",
            "for (i = 0; i < 3; i += 1) {\n s += i;",
            "x = new int[]{1, 2}",
            "f(1,",
            "x = 1 // no semicolon yet",
        ] {
            assert!(!is_complete(open), "{open:?} should continue");
        }
    }
}
