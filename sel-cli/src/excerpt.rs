//! Long source lines cut down to a window around the marked span, so one diagnostic on a
//! 20,000-character line prints a line a terminal can show, not the whole line and a
//! screen of carets.
//!
//! The window is handed to `codespan-reporting` as the file's source through a
//! [`Files`] implementation that still reports the original line and column numbers, so
//! the `┌─ name:line:col` header stays true to the file.

use codespan_reporting::files::{Error, Files, Location};
use std::ops::Range;

/// Lines longer than this (in characters) are shown as a window of this width.
pub const MAX_LINE: usize = 100;
/// How many characters of the line are kept before the span's start.
const BEFORE: usize = 30;
/// Marks where the line was cut.
const CUT: &str = "…";

/// A window of one long line of the source.
#[derive(Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The window, with [`CUT`] where it was cut.
    pub text: String,
    /// The span in `text`.
    pub span: Range<usize>,
    /// How many characters of the span fall past the window (0 if it fits).
    pub hidden: usize,
    /// 0-based index of the line in the source.
    line: usize,
    /// 1-based column (in characters) of the window's first character.
    first_column: usize,
    /// Length of the leading [`CUT`] in `text` (0 if the line starts in the window).
    lead: usize,
}

/// The excerpt to show for `span` of `source`, or `None` when the lines it touches are
/// short enough to show whole.
pub fn excerpt(source: &str, span: Range<usize>) -> Option<Excerpt> {
    let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[span.start..]
        .find('\n')
        .map_or(source.len(), |i| span.start + i);
    let last_end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |i| span.end + i);
    let long = source[line_start..last_end]
        .split('\n')
        .any(|l| l.chars().count() > MAX_LINE);
    if !long {
        return None;
    }
    // Only the span's first line is shown; a span that goes on is cut with it.
    let line = &source[line_start..line_end];
    let start_col = source[line_start..span.start].chars().count();
    let from = start_col.saturating_sub(BEFORE);
    let byte = |col: usize| line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let (w_start, w_end) = (byte(from), byte(from + MAX_LINE));
    let lead = if w_start > 0 { CUT.len() } else { 0 };
    let mut text = String::with_capacity(w_end - w_start + 2 * CUT.len());
    if lead > 0 {
        text.push_str(CUT);
    }
    text.push_str(&line[w_start..w_end]);
    if w_end < line.len() {
        text.push_str(CUT);
    }
    let rel =
        |b: usize| lead + b.clamp(line_start + w_start, line_start + w_end) - line_start - w_start;
    let shown = rel(span.start)..rel(span.end);
    let hidden = source[span.clone()].chars().count() - text[shown.clone()].chars().count();
    Some(Excerpt {
        text,
        span: shown,
        hidden,
        line: source[..line_start].matches('\n').count(),
        first_column: from + 1,
        lead,
    })
}

/// The excerpt as the one-line file a diagnostic is drawn from.
pub struct ExcerptFile<'a> {
    pub name: &'a str,
    pub excerpt: &'a Excerpt,
}

impl<'a> Files<'a> for ExcerptFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.excerpt.text)
    }

    fn line_index(&'a self, (): (), _: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _: usize) -> Result<usize, Error> {
        Ok(self.excerpt.line + 1)
    }

    fn location(&'a self, (): (), byte: usize) -> Result<Location, Error> {
        let e = self.excerpt;
        let byte = byte.clamp(e.lead, e.text.len());
        let into = e.text.get(e.lead..byte).map_or(0, |s| s.chars().count());
        Ok(Location {
            line_number: e.line + 1,
            column_number: e.first_column + into,
        })
    }

    fn line_range(&'a self, (): (), _: usize) -> Result<Range<usize>, Error> {
        Ok(0..self.excerpt.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(excerpt("x = 1;\ny = 2;", 7..8), None);
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let src = format!("x = 1;\ny = '{}' + z;", "a".repeat(500));
        let at = src.find('z').unwrap();
        let e = excerpt(&src, at..at + 1).unwrap();
        assert_eq!(e.text, format!("…{}' + z;", "a".repeat(26)));
        assert_eq!(&e.text[e.span.clone()], "z");
        assert_eq!(e.hidden, 0);
        let file = ExcerptFile {
            name: "f",
            excerpt: &e,
        };
        let loc = file.location((), e.span.start).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (2, 510));
    }

    #[test]
    fn a_long_span_is_cut_with_the_window() {
        let src = format!("'{}';", "é".repeat(20_000));
        let e = excerpt(&src, 0..src.len()).unwrap();
        assert_eq!(
            e.text.chars().count(),
            MAX_LINE + 1,
            "the window and one cut mark"
        );
        assert!(e.text.starts_with("'é") && e.text.ends_with('…'));
        assert_eq!(e.span, 0..e.text.len() - '…'.len_utf8());
        assert_eq!(e.hidden, 20_003 - MAX_LINE);
    }
}
