//! Byte offsets ↔ LSP positions (zero-based line, UTF-16 code-unit column).
//!
//! Everything inside the server works in byte offsets of the document text (the grammar's
//! spans, the engine's source maps); only the protocol edge converts, here. Lines end at
//! `\n`; a `\r` before it belongs to the line break, so it is never counted as a column.

use tower_lsp_server::gen_lsp_types::{Position, Range};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, column as u32)
    }

    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(
            self.position(text, start),
            self.position(text, end.max(start)),
        )
    }

    /// The byte offset of `pos`. Columns past the end of the line clamp to the line end
    /// (before its `\r\n`/`\n`); lines past the end clamp to the end of the text; a column
    /// inside a surrogate pair lands before that character.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.line_starts.get(line) else {
            return self.len;
        };
        let end = self.line_starts.get(line + 1).map_or(self.len, |&n| n - 1);
        let line_text = text[start..end]
            .strip_suffix('\r')
            .unwrap_or(&text[start..end]);
        let mut units = 0usize;
        for (i, c) in line_text.char_indices() {
            let next = units + c.len_utf16();
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        start + line_text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_round_trip() {
        let text = "ab\ncd\n";
        let li = LineIndex::new(text);
        assert_eq!(li.position(text, 0), Position::new(0, 0));
        assert_eq!(li.position(text, 2), Position::new(0, 2));
        assert_eq!(li.position(text, 3), Position::new(1, 0));
        assert_eq!(li.position(text, 6), Position::new(2, 0));
        assert_eq!(li.position(text, 99), Position::new(2, 0));
        for o in 0..=text.len() {
            assert_eq!(li.offset(text, li.position(text, o)), o);
        }
    }

    #[test]
    fn utf16_columns() {
        // é is 2 bytes / 1 unit, 😀 is 4 bytes / 2 units, 中 is 3 bytes / 1 unit.
        let text = "é😀中x\n😀y";
        let li = LineIndex::new(text);
        assert_eq!(li.position(text, 2), Position::new(0, 1));
        assert_eq!(li.position(text, 6), Position::new(0, 3));
        assert_eq!(li.position(text, 9), Position::new(0, 4));
        assert_eq!(li.position(text, 10), Position::new(0, 5));
        assert_eq!(li.position(text, 15), Position::new(1, 2));
        // Inside a character: back to its start.
        assert_eq!(li.position(text, 4), Position::new(0, 1));
        assert_eq!(li.offset(text, Position::new(0, 3)), 6);
        assert_eq!(
            li.offset(text, Position::new(0, 2)),
            2,
            "inside the surrogate pair"
        );
        assert_eq!(li.offset(text, Position::new(0, 5)), 10);
        assert_eq!(
            li.offset(text, Position::new(0, 50)),
            10,
            "clamped to the line end"
        );
        assert_eq!(li.offset(text, Position::new(1, 2)), 15);
        assert_eq!(li.offset(text, Position::new(7, 0)), text.len());
    }

    #[test]
    fn crlf_is_a_line_break() {
        let text = "a\r\nb";
        let li = LineIndex::new(text);
        assert_eq!(li.position(text, 3), Position::new(1, 0));
        assert_eq!(li.offset(text, Position::new(0, 5)), 1);
    }
}
