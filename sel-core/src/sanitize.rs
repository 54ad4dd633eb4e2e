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

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn maestro_rules() {
        assert_eq!(sanitize("  1 + 1 == 2 "), "1 + 1 == 2;");
        assert_eq!(sanitize("x = 1;"), "x = 1;");
        assert_eq!(sanitize(""), "");
        assert_eq!(sanitize("if (x) { y = 1; }"), "if (x) { y = 1; }");
        assert_eq!(sanitize("{\"a\": 1}"), "{\"a\": 1};");
        assert_eq!(sanitize("x = 1 // c"), "x = 1 // c;");
    }
}
