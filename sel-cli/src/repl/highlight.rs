//! Syntax highlighting of the line being edited, from `sel_grammar::tokens` (the same
//! classification the language server uses). Only used when colour is on.

use sel_grammar::TokenKind;

/// The ANSI style of a token kind (`None`: left plain).
fn style(kind: TokenKind) -> Option<&'static str> {
    Some(match kind {
        TokenKind::Keyword => "\x1b[35m",  // magenta
        TokenKind::Constant => "\x1b[36m", // cyan
        TokenKind::IntLiteral | TokenKind::FloatLiteral => "\x1b[33m", // yellow
        TokenKind::StringLiteral => "\x1b[32m", // green
        TokenKind::Comment => "\x1b[2m",   // dim
        TokenKind::Error => "\x1b[31;4m",  // red, underlined
        TokenKind::Identifier | TokenKind::Operator | TokenKind::Punctuation => return None,
    })
}

const RESET: &str = "\x1b[0m";

/// `text` with ANSI colours around its tokens. Commands (`:...`) are left plain.
pub fn highlight(text: &str) -> String {
    if text.trim_start().starts_with(':') {
        return text.to_string();
    }
    let mut tokens = sel_grammar::tokens(text);
    tokens.sort_by_key(|t| t.span.start);
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for t in tokens {
        let r = t.span.range();
        // Spans come from the lexer over the same text; skip anything odd rather than
        // slicing out of bounds or off a character boundary.
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        let Some(style) = style(t.kind) else { continue };
        out.push_str(&text[at..r.start]);
        out.push_str(style);
        out.push_str(&text[r.clone()]);
        out.push_str(RESET);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn colours_by_token_kind() {
        assert_eq!(
            highlight("if (x) return 'a' + 1; // c"),
            "\x1b[35mif\x1b[0m (x) \x1b[35mreturn\x1b[0m \x1b[32m'a'\x1b[0m + \x1b[33m1\x1b[0m; \x1b[2m// c\x1b[0m"
        );
        assert_eq!(
            highlight("true # 1.5"),
            "\x1b[36mtrue\x1b[0m \x1b[31;4m#\x1b[0m \x1b[33m1.5\x1b[0m"
        );
    }

    #[test]
    fn commands_and_plain_text_unchanged() {
        assert_eq!(highlight(":type 1"), ":type 1");
        assert_eq!(highlight("x = y;"), "x = y;");
        assert_eq!(highlight(""), "");
    }
}
