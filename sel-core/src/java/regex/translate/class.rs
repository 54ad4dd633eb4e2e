//! Java character classes (`[a-z&&[^b]]`, nested classes, ranges with Java's ASCII
//! case folding) translated to Rust class syntax.

use super::{esc, props, SelError, Tr};

impl Tr<'_> {
    /// A character class (pos at `[`), as Rust class text.
    pub(super) fn class(&mut self) -> Result<String, SelError> {
        self.pos += 1;
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut operands: Vec<String> = Vec::new();
        let mut items = String::new();
        let mut first = true;
        loop {
            self.skip_comments();
            let Some(c) = self.peek() else {
                return Err(self.error("Unclosed character class", self.chars.len() as i64 - 1));
            };
            match c {
                ']' if !first => {
                    self.pos += 1;
                    break;
                }
                '[' => {
                    let nested = self.class()?;
                    items.push_str(&nested);
                }
                '&' if self.peek_at(1) == Some('&') => {
                    self.pos += 2;
                    operands.push(std::mem::take(&mut items));
                }
                '\\' if matches!(
                    self.peek_at(1),
                    Some('d' | 'D' | 's' | 'S' | 'w' | 'W' | 'h' | 'H' | 'v' | 'V')
                ) =>
                {
                    let k = self.peek_at(1).unwrap_or('d');
                    self.pos += 2;
                    items.push_str(
                        &props::predefined(k, self.flags.unicode_classes).unwrap_or_default(),
                    );
                }
                '\\' if matches!(self.peek_at(1), Some('p' | 'P')) => {
                    self.pos += 1;
                    let p = self.property()?;
                    items.push_str(&p);
                }
                '\\' if self.peek_at(1) == Some('Q') => {
                    self.pos += 2;
                    while self.pos < self.chars.len()
                        && !(self.peek() == Some('\\') && self.peek_at(1) == Some('E'))
                    {
                        let ch = self.chars[self.pos];
                        self.pos += 1;
                        self.class_char(&mut items, ch, ch);
                    }
                    if self.pos < self.chars.len() {
                        self.pos += 2;
                    }
                }
                _ => {
                    let lo = self.class_atom()?;
                    let mut hi = lo;
                    if self.peek() == Some('-')
                        && !matches!(self.peek_at(1), Some(']') | Some('[') | None)
                    {
                        self.pos += 1;
                        if self.peek() == Some('\\')
                            && self.peek_at(1).is_some_and(|c| "dDsSwWhHvVpPQ".contains(c))
                        {
                            return Err(self.error("Illegal character range", self.pos as i64 + 1));
                        }
                        let at = self.pos;
                        hi = self.class_atom()?;
                        if hi < lo {
                            return Err(self.error("Illegal character range", at as i64));
                        }
                    }
                    self.class_char(&mut items, lo, hi);
                }
            }
            first = false;
        }
        operands.push(items);
        let operands: Vec<String> = operands.into_iter().filter(|o| !o.is_empty()).collect();
        let body = if operands.is_empty() {
            // Nothing at all: matches no char (negated: any char).
            r"\x00&&\x01".to_string()
        } else {
            operands
                .iter()
                .map(|o| format!("[{o}]"))
                .collect::<Vec<_>>()
                .join("&&")
        };
        Ok(format!("[{}{body}]", if negated { "^" } else { "" }))
    }

    /// One char inside a class: a literal or a single-char escape.
    fn class_atom(&mut self) -> Result<char, SelError> {
        let c = self.peek().unwrap_or('\0');
        self.pos += 1;
        if c != '\\' {
            return Ok(c);
        }
        if self.peek().is_none() {
            return Err(self.error("Unescaped trailing backslash", self.chars.len() as i64));
        }
        if self.peek().is_some_and(|c| c.is_ascii_digit() && c != '0') {
            return Err(self.error("Illegal/unsupported escape sequence", self.pos as i64));
        }
        if matches!(
            self.peek(),
            Some('b' | 'B' | 'A' | 'z' | 'Z' | 'G' | 'R' | 'X' | 'N' | 'k' | 'E')
        ) {
            return Err(self.error("Illegal/unsupported escape sequence", self.pos as i64));
        }
        self.escaped_char()
    }

    /// Adds `lo-hi` to a class, with Java's ASCII-only case folding under `(?i)`.
    fn class_char(&self, items: &mut String, lo: char, hi: char) {
        let mut push = |a: char, b: char| {
            if a == b {
                items.push_str(&esc(a));
            } else {
                items.push_str(&format!("{}-{}", esc(a), esc(b)));
            }
        };
        push(lo, hi);
        if self.flags.case_insensitive && !self.flags.unicode_case {
            for (from, to, delta) in [('a', 'z', -32i32), ('A', 'Z', 32)] {
                let a = lo.max(from);
                let b = hi.min(to);
                if a <= b {
                    let shift = |c: char| char::from_u32((c as i32 + delta) as u32).unwrap_or(c);
                    push(shift(a), shift(b));
                }
            }
        }
    }
}
