//! Exact position mapping between a decoded string and the document it was read from.
//!
//! A string in a JSON or YAML document is not its own text: escapes (`\n`, `\u00e9`,
//! `''`), line folding and block-scalar indentation make decoded offsets and document
//! offsets drift apart. A [`SourceMap`] records, piece by piece, which document bytes
//! produced which decoded bytes, so that a diagnostic at byte 7 of an expression lands on
//! the right document byte, and a cursor in the document maps back into the expression.
//!
//! Offsets on both sides are byte offsets (the decoded side is UTF-8 text).

use crate::spanned::Span;

/// One piece of the mapping: `dec_len` decoded bytes starting at `dec` came from
/// `src_len` document bytes starting at `src`.
///
/// An *exact* piece maps byte for byte (`dec_len == src_len`): text copied verbatim.
/// Any other piece is atomic: an escape (`\n` → newline), a folded line break
/// (`"\n   "` → `" "`), dropped indentation (`"    "` → nothing), or synthesized text
/// that has no source of its own (glue of a DSL `OTHERWISE` condition).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub dec: usize,
    pub dec_len: usize,
    pub src: usize,
    pub src_len: usize,
    pub exact: bool,
}

impl Piece {
    fn dec_end(&self) -> usize {
        self.dec + self.dec_len
    }
    fn src_end(&self) -> usize {
        self.src + self.src_len
    }
}

/// The mapping of one decoded string; see the module documentation.
///
/// Pieces are ordered by decoded offset and cover the decoded text without gaps. Their
/// document ranges are usually increasing too, but need not be (a synthesized condition
/// may quote earlier lines), so lookups by document offset scan every piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    pieces: Vec<Piece>,
    /// Where the content lies in the document (inside quotes; for synthesized text the
    /// span it is attributed to). Decoded offset `len` maps to its end.
    content: Span,
}

impl SourceMap {
    /// A map for text copied verbatim from `start`.
    pub fn verbatim(start: usize, len: usize) -> SourceMap {
        let mut b = MapBuilder::new(start);
        b.exact(len);
        b.finish()
    }

    /// A map for `len` bytes of text that was made up rather than read: every offset maps
    /// to the whole of `span`.
    pub fn synthetic(len: usize, span: Span) -> SourceMap {
        let mut m = SourceMap {
            pieces: Vec::new(),
            content: span,
        };
        m.push(Piece {
            dec: 0,
            dec_len: len,
            src: span.start,
            src_len: span.len(),
            exact: false,
        });
        m
    }

    /// Joins maps of consecutive pieces of text into the map of their concatenation.
    pub fn concat(parts: &[&SourceMap]) -> SourceMap {
        let mut out = SourceMap::default();
        let mut dec = 0;
        let mut content: Option<Span> = None;
        for part in parts {
            for p in &part.pieces {
                out.push(Piece {
                    dec: dec + p.dec,
                    ..*p
                });
            }
            dec += part.decoded_len();
            content = Some(match content {
                None => part.content,
                Some(c) => c.cover(part.content),
            });
        }
        out.content = content.unwrap_or_default();
        out
    }

    /// The map of the decoded sub-range `range` of this text (as its own text starting at 0).
    pub fn slice(&self, start: usize, end: usize) -> SourceMap {
        let mut out = SourceMap::default();
        for p in &self.pieces {
            let (a, b) = (p.dec.max(start), p.dec_end().min(end));
            let zero_inside = p.dec_len == 0 && p.dec > start && p.dec < end;
            if a >= b && !zero_inside {
                continue;
            }
            let piece = if p.exact {
                Piece {
                    dec: a - start,
                    dec_len: b - a,
                    src: p.src + (a - p.dec),
                    src_len: b - a,
                    exact: true,
                }
            } else {
                Piece {
                    dec: a - start,
                    dec_len: b.saturating_sub(a),
                    ..*p
                }
            };
            out.push(piece);
        }
        let s = self.doc_offset(start);
        let e = if end > start { self.doc_end(end) } else { s };
        out.content = Span::new(s.min(e), e.max(s));
        out
    }

    /// Length of the decoded text this map describes.
    pub fn decoded_len(&self) -> usize {
        self.pieces.last().map_or(0, Piece::dec_end)
    }

    /// The document span of the string's content.
    pub fn content(&self) -> Span {
        self.content
    }

    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Whether every piece is exact and contiguous: the decoded text is a verbatim copy
    /// of `content`.
    pub fn is_verbatim(&self) -> bool {
        let mut at = self.content.start;
        self.pieces.iter().all(|p| {
            let ok = p.exact && p.src == at;
            at = p.src_end();
            ok
        })
    }

    /// The piece that produced decoded byte `d` (zero-length pieces produce nothing).
    fn piece_of(&self, d: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.dec_end() <= d);
        self.pieces[i..]
            .iter()
            .find(|p| p.dec_len > 0 && p.dec <= d && d < p.dec_end())
    }

    /// Document offset of decoded offset `d`: where the text that produced byte `d`
    /// starts. `d == len` maps to the end of the last produced byte; beyond that, clamps.
    pub fn doc_offset(&self, d: usize) -> usize {
        match self.piece_of(d) {
            Some(p) if p.exact => p.src + (d - p.dec),
            Some(p) => p.src,
            None => self.doc_end(d),
        }
    }

    /// Document offset just after the text that produced decoded byte `d - 1`: the
    /// document end of a decoded range ending at `d`.
    pub fn doc_end(&self, d: usize) -> usize {
        if d == 0 {
            return self.pieces.first().map_or(self.content.start, |p| p.src);
        }
        let d = d.min(self.decoded_len());
        if d == 0 {
            return self.content.start;
        }
        match self.piece_of(d - 1) {
            Some(p) if p.exact => p.src + (d - p.dec),
            Some(p) => p.src_end(),
            None => self.content.end,
        }
    }

    /// Document span of the decoded range `start..end`.
    pub fn doc_span(&self, start: usize, end: usize) -> Span {
        let s = self.doc_offset(start);
        if end <= start {
            return Span::at(s);
        }
        let e = self.doc_end(end);
        Span::new(s.min(e), e.max(s))
    }

    /// Decoded offset for document offset `o`: inside verbatim text the matching byte,
    /// inside an escape or folded break the start of what it decoded to. The content
    /// end maps to the text length. `None` outside the content.
    pub fn text_offset(&self, o: usize) -> Option<usize> {
        // Exact pieces win over atomic ones: synthesized glue may be attributed to a
        // range that also holds quoted source text.
        let mut atomic = None;
        for p in &self.pieces {
            if p.src <= o && o < p.src_end() {
                if p.exact {
                    return Some(p.dec + (o - p.src));
                }
                if atomic.is_none() {
                    atomic = Some(p.dec);
                }
            }
        }
        if atomic.is_some() {
            return atomic;
        }
        if o == self.content.end || self.pieces.last().is_some_and(|p| p.src_end() == o) {
            return Some(self.decoded_len());
        }
        if self.pieces.is_empty() && o == self.content.start {
            return Some(0);
        }
        None
    }

    fn push(&mut self, p: Piece) {
        if let Some(last) = self.pieces.last_mut() {
            // Merge runs of verbatim text so that long strings stay one piece.
            if last.exact && p.exact && last.src_end() == p.src && last.dec_end() == p.dec {
                last.dec_len += p.dec_len;
                last.src_len += p.src_len;
                return;
            }
        }
        self.pieces.push(p);
    }
}

/// Builds a [`SourceMap`] while a reader walks a string's source left to right.
#[derive(Debug)]
pub struct MapBuilder {
    map: SourceMap,
    src: usize,
    dec: usize,
}

impl MapBuilder {
    /// Starts at document offset `start` (the first content byte).
    pub fn new(start: usize) -> MapBuilder {
        MapBuilder {
            map: SourceMap {
                pieces: Vec::new(),
                content: Span::at(start),
            },
            src: start,
            dec: 0,
        }
    }

    /// The next `len` source bytes are copied verbatim.
    pub fn exact(&mut self, len: usize) {
        self.piece(len, len, true);
    }

    /// The next `src_len` source bytes decode to `dec_len` bytes as one atomic unit.
    pub fn atomic(&mut self, src_len: usize, dec_len: usize) {
        self.piece(src_len, dec_len, false);
    }

    fn piece(&mut self, src_len: usize, dec_len: usize, exact: bool) {
        if src_len == 0 && dec_len == 0 {
            return;
        }
        self.map.push(Piece {
            dec: self.dec,
            dec_len,
            src: self.src,
            src_len,
            exact,
        });
        self.src += src_len;
        self.dec += dec_len;
    }

    /// Current document offset.
    pub fn src(&self) -> usize {
        self.src
    }

    pub fn finish(mut self) -> SourceMap {
        self.map.content.end = self.src;
        self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_maps_atomically() {
        // "a\nb" in JSON at document offset 10: a, \n (2 bytes), b
        let mut b = MapBuilder::new(10);
        b.exact(1);
        b.atomic(2, 1);
        b.exact(1);
        let m = b.finish();
        assert_eq!(m.decoded_len(), 3);
        assert_eq!(m.content(), Span::new(10, 14));
        assert_eq!(
            (0..=3).map(|d| m.doc_offset(d)).collect::<Vec<_>>(),
            vec![10, 11, 13, 14]
        );
        assert_eq!(m.doc_span(1, 2), Span::new(11, 13));
        assert_eq!(m.text_offset(12), Some(1));
        assert_eq!(m.text_offset(14), Some(3));
        assert_eq!(m.text_offset(9), None);
    }

    #[test]
    fn slice_and_concat() {
        let m = SourceMap::verbatim(5, 10);
        let s = m.slice(2, 6);
        assert_eq!(s.doc_offset(0), 7);
        assert_eq!(s.doc_span(0, 4), Span::new(7, 11));
        let glue = SourceMap::synthetic(3, Span::new(0, 2));
        let c = SourceMap::concat(&[&glue, &s]);
        assert_eq!(c.decoded_len(), 7);
        assert_eq!(c.doc_offset(1), 0);
        assert_eq!(c.doc_offset(4), 8);
        assert_eq!(c.text_offset(8), Some(4));
    }
}
