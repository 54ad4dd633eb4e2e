//! DSL transition lines (SPEC §1.16): `jobId`, `IF <cond> THEN jobId`, `OTHERWISE jobId`.
//!
//! Conditions keep exact positions: an IF condition is a slice of its line, and an
//! OTHERWISE condition `!((c1) || (c2))` is stitched from the IF conditions' own maps
//! with the glue attributed to the OTHERWISE line.

use crate::diagnostics::{Code, Diagnostics};
use crate::escapes::SourceMap;
use crate::model::{Name, SourceText, Successor, SuccessorSyntax, Transition};
use crate::spanned::{Node, NodeKind, Span, Str};

/// Java's `\s`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `[_a-zA-Z][.\-_a-zA-Z0-9]*`
fn is_id(s: &str) -> bool {
    let mut b = s.bytes();
    matches!(b.next(), Some(c) if c == b'_' || c.is_ascii_alphabetic())
        && b.all(|c| c == b'.' || c == b'-' || c == b'_' || c.is_ascii_alphanumeric())
}

/// If `text[at..]` is `\s*ID\s*$`, the id's range.
fn trailing_id(text: &str, at: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut a = at;
    while a < b.len() && is_space(b[a]) {
        a += 1;
    }
    let mut e = b.len();
    while e > a && is_space(b[e - 1]) {
        e -= 1;
    }
    is_id(&text[a..e]).then_some((a, e))
}

/// If `text[at..]` starts with `keyword` (any case) followed by at least one space,
/// the offset after the spaces.
fn keyword(text: &str, at: usize, kw: &str) -> Option<usize> {
    let b = text.as_bytes();
    let end = at + kw.len();
    if end > b.len() || !text.get(at..end)?.eq_ignore_ascii_case(kw) {
        return None;
    }
    let mut i = end;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    (i > end).then_some(i)
}

enum Line {
    Plain((usize, usize)),
    If {
        cond: (usize, usize),
        id: (usize, usize),
    },
    Otherwise {
        kw: (usize, usize),
        id: (usize, usize),
    },
}

fn classify(text: &str) -> Option<Line> {
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() && is_space(b[start]) {
        start += 1;
    }
    if let Some(id) = trailing_id(text, start) {
        return Some(Line::Plain(id));
    }
    if let Some(cond_start) = keyword(text, start, "IF") {
        // `(.+?)\s+THEN\s+ID\s*$`: the shortest condition after which the rest matches.
        for e in cond_start + 1..b.len() {
            if !text.is_char_boundary(e) || !is_space(b[e]) {
                continue;
            }
            let mut t = e;
            while t < b.len() && is_space(b[t]) {
                t += 1;
            }
            if let Some(after) = keyword(text, t, "THEN") {
                if let Some(id) = trailing_id(text, after) {
                    return Some(Line::If {
                        cond: (cond_start, e),
                        id,
                    });
                }
            }
        }
    }
    if let Some(after) = keyword(text, start, "OTHERWISE") {
        if let Some(id) = trailing_id(text, after) {
            return Some(Line::Otherwise {
                kw: (start, start + "OTHERWISE".len()),
                id,
            });
        }
    }
    None
}

/// Parses a DSL transition list into a transition.
pub(crate) fn parse_transition(list: &Node, d: &mut Diagnostics) -> Option<Transition> {
    let items: Vec<&Node> = match &list.kind {
        NodeKind::Array(items) => items.iter().collect(),
        NodeKind::Null => return None,
        _ => {
            d.error(
                Code::Dsl,
                list.span,
                "\"transition\" must be a list of transition lines",
            );
            return None;
        }
    };
    let mut t = Transition {
        span: list.span,
        ..Transition::default()
    };
    let mut ifs: Vec<SourceText> = Vec::new();
    let count = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let Some(line) = item.scalar_text() else {
            if !matches!(item.kind, NodeKind::Null) {
                d.error(Code::Dsl, item.span, "a transition line must be a string");
            }
            continue;
        };
        if line.value.is_empty() {
            continue;
        }
        let succ = match classify(&line.value) {
            Some(Line::Plain(id)) => Successor {
                id: slice_name(&line, id),
                condition: Some(SourceText::synthetic("true", line.map.doc_span(id.0, id.1))),
                syntax: SuccessorSyntax::DslPlain,
            },
            Some(Line::If { cond, id }) => {
                let c = SourceText {
                    text: line.value[cond.0..cond.1].to_string(),
                    map: line.map.slice(cond.0, cond.1),
                    span: item.span,
                };
                ifs.push(c.clone());
                Successor {
                    id: slice_name(&line, id),
                    condition: Some(c),
                    syntax: SuccessorSyntax::DslIf,
                }
            }
            Some(Line::Otherwise { kw, id }) => {
                if i + 1 != count {
                    d.error(
                        Code::Dsl,
                        item.span,
                        "'OTHERWISE' must be the last line of the transition list",
                    );
                }
                let kw_span = line.map.doc_span(kw.0, kw.1);
                Successor {
                    id: slice_name(&line, id),
                    condition: Some(otherwise(&ifs, kw_span, item.span)),
                    syntax: SuccessorSyntax::DslOtherwise,
                }
            }
            None => {
                d.error(
                    Code::Dsl,
                    item.span,
                    format!(
                        "invalid transition \"{}\": expected 'job_id', 'IF condition THEN job_id' or 'OTHERWISE job_id'",
                        line.value
                    ),
                );
                continue;
            }
        };
        // Like a Java map put: a repeated successor replaces the earlier condition.
        match t.successors.iter_mut().find(|s| s.id.text == succ.id.text) {
            Some(existing) => *existing = succ,
            None => t.successors.push(succ),
        }
    }
    Some(t)
}

fn slice_name(line: &Str, (a, b): (usize, usize)) -> Name {
    Name::new(&line.value[a..b], line.map.doc_span(a, b))
}

/// `!((c1) || (c2) ...)`, or `true` when there is no IF before.
fn otherwise(ifs: &[SourceText], kw_span: Span, line_span: Span) -> SourceText {
    if ifs.is_empty() {
        return SourceText::synthetic("true", kw_span);
    }
    let glue = |t: &str| (t.to_string(), SourceMap::synthetic(t.len(), kw_span));
    let mut parts = vec![glue("!((")];
    for (i, c) in ifs.iter().enumerate() {
        if i > 0 {
            parts.push(glue(") || ("));
        }
        parts.push((c.text.clone(), c.map.clone()));
    }
    parts.push(glue("))"));
    let maps: Vec<&SourceMap> = parts.iter().map(|(_, m)| m).collect();
    SourceText {
        text: parts.iter().map(|(t, _)| t.as_str()).collect(),
        map: SourceMap::concat(&maps),
        span: line_span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert!(matches!(classify(" job.1 "), Some(Line::Plain((1, 6)))));
        match classify("IF a THEN b THEN c") {
            Some(Line::If { cond, id }) => {
                assert_eq!(cond, (3, 11));
                assert_eq!(id, (17, 18));
            }
            _ => panic!("not an IF line"),
        }
        match classify("if x > 0 Then job.5") {
            Some(Line::If { cond, id }) => {
                assert_eq!(cond, (3, 8));
                assert_eq!(id, (14, 19));
            }
            _ => panic!("not an IF line"),
        }
        assert!(matches!(
            classify("OTHERWISE job.6"),
            Some(Line::Otherwise {
                kw: (0, 9),
                id: (10, 15)
            })
        ));
        assert!(classify("IFx THEN y").is_none());
        assert!(classify("a b").is_none());
    }
}
