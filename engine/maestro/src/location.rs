//! Turning byte offsets of diagnostics into `FILE:LINE:COLUMN` locations people can use.

use maestro_model::{Diagnostic, Severity};

/// 1-based line and column (in characters) of byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..text.floor_char_boundary(at)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The error diagnostics as `path:line:col: message`, in document order.
pub fn describe_diagnostics(path: &str, text: &str, diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let (l, c) = line_col(text, d.span.start);
            format!("{path}:{l}:{c}: {}", d.message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_and_columns() {
        let t = "ab\ncdé\nf";
        assert_eq!(super::line_col(t, 0), (1, 1));
        assert_eq!(super::line_col(t, 3), (2, 1));
        assert_eq!(super::line_col(t, 8), (3, 1));
        assert_eq!(super::line_col(t, 7), (2, 4));
    }
}
