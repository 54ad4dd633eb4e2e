//! Maestro's expression pre-processing (§10.2).

/// Trims the expression (Java `String.trim`) and appends `;` unless it is empty,
/// already ends with `;`, or ends with `}` without starting with `{"`.
pub fn sanitize(expr: &str) -> String {
    let t = crate::java::text::trim(expr);
    if t.is_empty() || t.ends_with(';') || (t.ends_with('}') && !t.starts_with("{\"")) {
        t.to_string()
    } else {
        format!("{t};")
    }
}

/// Where in `expr` the text [`sanitize`] returns begins: positions in that text are
/// this many bytes further on in `expr` (what the trim removed in front).
pub fn sanitized_start(expr: &str) -> usize {
    crate::java::text::trim_start_len(expr)
}

#[cfg(test)]
mod tests {
    use super::{sanitize, sanitized_start};

    #[test]
    fn maestro_rules() {
        assert_eq!(sanitize("  1 + 1 == 2 "), "1 + 1 == 2;");
        assert_eq!(sanitize("x = 1;"), "x = 1;");
        assert_eq!(sanitize(""), "");
        assert_eq!(sanitize("if (x) { y = 1; }"), "if (x) { y = 1; }");
        assert_eq!(sanitize("{\"a\": 1}"), "{\"a\": 1};");
        assert_eq!(sanitize("x = 1 // c"), "x = 1 // c;");
    }

    #[test]
    fn start_of_the_sanitized_text() {
        for src in ["1 + 1", "\n\n x = 1;\n", "\t\u{0}\r\n y", "", "   "] {
            let start = sanitized_start(src);
            let clean = sanitize(src);
            let kept = clean.strip_suffix(';').unwrap_or(&clean);
            assert!(src[start..].starts_with(kept), "{src:?}");
        }
        assert_eq!(sanitized_start("\n\n x = 1;"), 3);
    }
}
