//! `String.split(regex, limit)` and `String.replaceAll(regex, replacement)` with
//! `java.util.regex` semantics, on top of fancy-regex.
//!
//! Java patterns are translated to fancy-regex syntax ([`translate`]); patterns that are
//! plain text (optionally with `\` before punctuation, like `\.`) skip the regex engine.
//! Matching is iterated the way `java.util.regex.Matcher.find` does (after an empty match
//! the next search starts one char later), and replacements use Java's syntax.
//!
//! Every search is bounded by a backtracking limit: a pattern that exceeds it fails with
//! `IllegalStateException` ("regex is too complex") instead of running for ages.
//!
//! Not supported (reported as `PatternSyntaxException` naming the construct): `\X`
//! (grapheme clusters), `\N{name}`, `\b{g}`, `\G`, Unicode blocks `\p{InGreek}`. Known
//! approximations: lookbehind needs no
//! obvious maximum length (Java rejects e.g. `(?<=a*)`, we accept it); case-insensitive
//! backreferences compare exactly; `java…` properties use the nearest Unicode property;
//! empty matches never split a surrogate pair (Java can produce lone surrogates there).

mod props;
mod translate;

use crate::error::{ErrorKind, SelError};
use fancy_regex::{Regex, RegexBuilder};

/// Backtracking steps allowed per search.
const BACKTRACK_LIMIT: usize = 1_000_000;
/// Compiled-program size bound for the delegated automata (bytes).
const SIZE_LIMIT: usize = 10 * (1 << 20);

/// A compiled Java pattern.
enum Finder {
    /// The pattern matches exactly this text.
    Literal(String),
    Regex {
        re: Regex,
        group_count: usize,
        names: Vec<(String, usize)>,
    },
}

fn too_complex() -> SelError {
    SelError::new(
        ErrorKind::IllegalStateException,
        "regex is too complex: it exceeded the backtracking limit while matching",
    )
}

/// The text a pattern stands for if it has no regex meaning: plain chars, and `\` before
/// ASCII punctuation (a literal in Java). Empty patterns go through the engine.
fn literal_text(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if e.is_ascii_punctuation() => out.push(e),
                _ => return None,
            },
            '.' | '$' | '|' | '(' | ')' | '[' | '{' | '^' | '?' | '*' | '+' => return None,
            c => out.push(c),
        }
    }
    (!out.is_empty()).then_some(out)
}

fn compile(pattern: &str) -> Result<Finder, SelError> {
    if let Some(text) = literal_text(pattern) {
        return Ok(Finder::Literal(text));
    }
    let t = translate::translate(pattern)?;
    let re = RegexBuilder::new(&t.pattern)
        .backtrack_limit(BACKTRACK_LIMIT)
        .delegate_size_limit(SIZE_LIMIT)
        .delegate_dfa_size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            fancy_regex::Error::CompileError(_) => SelError::new(
                ErrorKind::IllegalStateException,
                format!("regex is too complex to compile: {pattern}"),
            ),
            other => SelError::new(
                ErrorKind::PatternSyntaxException,
                format!("Unsupported regex ({other})\n{pattern}"),
            ),
        })?;
    Ok(Finder::Regex {
        re,
        group_count: t.group_count,
        names: t.names,
    })
}

impl Finder {
    /// The first match starting at or after byte `from`, as a byte range.
    fn find(&self, s: &str, from: usize) -> Result<Option<(usize, usize)>, SelError> {
        match self {
            Finder::Literal(t) => {
                let hay = &s[from..];
                let at = match t.as_bytes() {
                    // One (hence ASCII) byte, the usual separator: a byte scan costs
                    // less than setting up `str::find`'s searcher, and an ASCII byte
                    // only ever occurs as a whole char.
                    [b] => hay.bytes().position(|c| c == *b),
                    _ => hay.find(t.as_str()),
                };
                Ok(at.map(|i| (from + i, from + i + t.len())))
            }
            Finder::Regex { re, .. } => match re.find_from_pos(s, from) {
                Ok(m) => Ok(m.map(|m| (m.start(), m.end()))),
                Err(_) => Err(too_complex()),
            },
        }
    }
}

/// Where the search after a match `(start, end)` resumes (Java: one char further after
/// an empty match), or `None` past the end.
fn next_from(s: &str, (start, end): (usize, usize)) -> Option<usize> {
    if start != end {
        return Some(end);
    }
    s[end..].chars().next().map(|c| end + c.len_utf8())
}

/// Java `s.split(re, limit)` (SPEC §13.2).
pub fn split(s: &str, re: &str, limit: i32) -> Result<Vec<String>, SelError> {
    Ok(split_bounded(s, re, limit, usize::MAX)?.unwrap_or_default())
}

/// [`split`], giving up (`None`) as soon as the result is known to have more than
/// `max_parts` elements, so that a caller with a memory budget never builds millions of
/// parts it cannot afford. Parts are kept as ranges and runs of empty parts as a count
/// until a non-empty part follows (with `limit == 0` trailing empties are dropped), so
/// the count checked is exact.
pub fn split_bounded(
    s: &str,
    re: &str,
    limit: i32,
    max_parts: usize,
) -> Result<Option<Vec<String>>, SelError> {
    Ok(split_bounded_ranges(s, re, limit, max_parts)?.map(|parts| {
        parts
            .into_iter()
            .map(|(a, b)| s[a..b].to_string())
            .collect()
    }))
}

/// [`split_bounded`] as byte ranges of `s`, so that callers can build their own
/// strings from the parts without an intermediate copy.
pub fn split_bounded_ranges(
    s: &str,
    re: &str,
    limit: i32,
    max_parts: usize,
) -> Result<Option<Vec<(usize, usize)>>, SelError> {
    let finder = compile(re)?;
    let limited = limit > 0;
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut found = 0usize; // parts found so far (committed or pending)
    let mut pending_empty = 0usize; // empty parts not yet followed by a non-empty one
    let mut index = 0usize; // start of the current part
    let mut from = Some(0usize);
    let push = |parts: &mut Vec<(usize, usize)>, pending: &mut usize, r: (usize, usize)| {
        if r.0 == r.1 {
            *pending += 1;
            return true;
        }
        if parts.len() + *pending >= max_parts {
            return false;
        }
        parts.extend(std::iter::repeat_n((r.0, r.0), *pending));
        *pending = 0;
        parts.push(r);
        true
    };
    while let Some(pos) = from {
        let Some(m) = finder.find(s, pos)? else { break };
        from = next_from(s, m);
        if !limited || (found as i64) < limit as i64 - 1 {
            if index == 0 && m.0 == 0 && m.1 == 0 {
                // No leading empty part for a zero-width match at the start.
                continue;
            }
            if !push(&mut parts, &mut pending_empty, (index, m.0)) {
                return Ok(None);
            }
            found += 1;
            index = m.1;
        } else {
            break;
        }
    }
    if index == 0 && found == 0 {
        return Ok(Some(vec![(0, s.len())]));
    }
    if !push(&mut parts, &mut pending_empty, (index, s.len())) {
        return Ok(None);
    }
    if limit != 0 && pending_empty > 0 {
        if parts.len() + pending_empty > max_parts {
            return Ok(None);
        }
        parts.extend(std::iter::repeat_n((index, index), pending_empty));
    }
    Ok(Some(parts))
}

/// One piece of a parsed Java replacement string.
enum Rep {
    Text(String),
    Group(usize),
}

fn iae(msg: impl Into<String>) -> SelError {
    SelError::new(ErrorKind::IllegalArgumentException, msg)
}

/// Parses a Java replacement (`Matcher.appendReplacement` syntax) against the groups
/// of the pattern.
fn parse_replacement(
    rep: &str,
    group_count: usize,
    names: &[(String, usize)],
) -> Result<Vec<Rep>, SelError> {
    let chars: Vec<char> = rep.chars().collect();
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\\' => {
                let Some(&e) = chars.get(i) else {
                    return Err(iae("character to be escaped is missing"));
                };
                text.push(e);
                i += 1;
            }
            '$' => {
                let Some(&n) = chars.get(i) else {
                    return Err(iae("Illegal group reference: group index is missing"));
                };
                let group = if n == '{' {
                    i += 1;
                    let start = i;
                    while chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                        i += 1;
                    }
                    let name: String = chars[start..i].iter().collect();
                    if name.is_empty() {
                        return Err(iae("named capturing group has 0 length name"));
                    }
                    if chars.get(i) != Some(&'}') {
                        return Err(iae("named capturing group is missing trailing '}'"));
                    }
                    i += 1;
                    match names.iter().find(|(n, _)| *n == name) {
                        Some((_, g)) => *g,
                        None => return Err(iae(format!("No group with name {{{name}}}"))),
                    }
                } else {
                    let Some(d) = n.to_digit(10) else {
                        return Err(iae("Illegal group reference"));
                    };
                    i += 1;
                    let mut g = d as usize;
                    // Further digits only while the number stays a valid group.
                    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                        let next = g * 10 + d as usize;
                        if next > group_count {
                            break;
                        }
                        g = next;
                        i += 1;
                    }
                    if g > group_count {
                        return Err(SelError::new(
                            ErrorKind::IndexOutOfBoundsException,
                            format!("No group {g}"),
                        ));
                    }
                    g
                };
                if !text.is_empty() {
                    out.push(Rep::Text(std::mem::take(&mut text)));
                }
                out.push(Rep::Group(group));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Rep::Text(text));
    }
    Ok(out)
}

/// Java `s.replaceAll(re, replacement)`.
pub fn replace_all(s: &str, re: &str, replacement: &str) -> Result<String, SelError> {
    Ok(replace_all_bounded(s, re, replacement, usize::MAX)?.unwrap_or_default())
}

/// [`replace_all`], giving up (`None`) once the result exceeds `max_bytes` bytes of
/// UTF-8: `s.replaceAll('', s)` squares the length of `s`.
pub fn replace_all_bounded(
    s: &str,
    re: &str,
    replacement: &str,
    max_bytes: usize,
) -> Result<Option<String>, SelError> {
    let finder = compile(re)?;
    let (group_count, names): (usize, &[(String, usize)]) = match &finder {
        Finder::Literal(_) => (0, &[]),
        Finder::Regex {
            group_count, names, ..
        } => (*group_count, names),
    };
    let mut out = String::new();
    let mut rep: Option<Vec<Rep>> = None; // parsed at the first match, like Java
    let mut copied = 0usize;
    let mut from = Some(0usize);
    while let Some(pos) = from {
        let m = match &finder {
            Finder::Literal(_) => finder.find(s, pos)?.map(|m| (m, None)),
            Finder::Regex { re, .. } => match re.captures_from_pos(s, pos) {
                Ok(Some(c)) => c.get(0).map(|m0| ((m0.start(), m0.end()), Some(c))),
                Ok(None) => None,
                Err(_) => return Err(too_complex()),
            },
        };
        let Some((span, caps)) = m else { break };
        if rep.is_none() {
            rep = Some(parse_replacement(replacement, group_count, names)?);
        }
        out.push_str(&s[copied..span.0]);
        for piece in rep.iter().flatten() {
            match piece {
                Rep::Text(t) => out.push_str(t),
                Rep::Group(0) => out.push_str(&s[span.0..span.1]),
                Rep::Group(g) => {
                    if let Some(m) = caps.as_ref().and_then(|c| c.get(*g)) {
                        out.push_str(m.as_str());
                    }
                }
            }
        }
        if out.len() > max_bytes {
            return Ok(None);
        }
        copied = span.1;
        from = next_from(s, span);
    }
    out.push_str(&s[copied..]);
    if out.len() > max_bytes {
        return Ok(None);
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests;
