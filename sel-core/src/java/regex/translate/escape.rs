//! Single-character escapes of Java patterns (`\t \x{…} \uXXXX \0oo \cX`).

use super::{SelError, Tr};

impl Tr<'_> {
    /// A single-character escape (the `\` already consumed, `pos` at the letter):
    /// `\t \n \r \f \a \e \0oo \xhh \x{h…} \uhhhh \cX` or an escaped non-letter.
    pub(super) fn escaped_char(&mut self) -> Result<char, SelError> {
        let c = self.peek().unwrap_or('\\');
        self.pos += 1;
        let simple = match c {
            't' => Some('\t'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            'f' => Some('\u{c}'),
            'a' => Some('\u{7}'),
            'e' => Some('\u{1b}'),
            _ => None,
        };
        if let Some(s) = simple {
            return Ok(s);
        }
        match c {
            '0' => {
                let digit = |t: &Self, k: usize| t.peek_at(k).and_then(|c| c.to_digit(8));
                let Some(a) = digit(self, 0) else {
                    return Err(self.error("Illegal octal escape sequence", self.pos as i64));
                };
                self.pos += 1;
                let mut v = a;
                if let Some(b) = digit(self, 0) {
                    self.pos += 1;
                    v = v * 8 + b;
                    if a <= 3 {
                        if let Some(d) = digit(self, 0) {
                            self.pos += 1;
                            v = v * 8 + d;
                        }
                    }
                }
                Ok(char::from_u32(v).unwrap_or('\0'))
            }
            'x' => {
                if self.peek() == Some('{') {
                    self.pos += 1;
                    let start = self.pos;
                    while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                        self.pos += 1;
                    }
                    let hex: String = self.chars[start..self.pos].iter().collect();
                    if hex.is_empty() || self.peek() != Some('}') {
                        return Err(
                            self.error("Unclosed hexadecimal escape sequence", self.pos as i64)
                        );
                    }
                    let v = u32::from_str_radix(&hex, 16).unwrap_or(u32::MAX);
                    if v > 0x10FFFF {
                        return Err(
                            self.error("Hexadecimal codepoint is too big", self.pos as i64 - 1)
                        );
                    }
                    self.pos += 1;
                    Ok(char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER))
                } else {
                    let v = self.hex_digits(2, "Illegal hexadecimal escape sequence")?;
                    Ok(char::from_u32(v).unwrap_or('\0'))
                }
            }
            'u' => {
                let v = self.hex_digits(4, "Illegal Unicode escape sequence")?;
                if (0xD800..0xDC00).contains(&v)
                    && self.peek() == Some('\\')
                    && self.peek_at(1) == Some('u')
                {
                    // A surrogate pair written as two escapes is one code point.
                    let save = self.pos;
                    self.pos += 2;
                    if let Ok(lo) = self.hex_digits(4, "") {
                        if (0xDC00..0xE000).contains(&lo) {
                            let cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                            return Ok(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
                        }
                    }
                    self.pos = save;
                }
                Ok(char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER))
            }
            'c' => match self.peek() {
                Some(x) => {
                    self.pos += 1;
                    Ok(char::from_u32((x as u32) ^ 64).unwrap_or('\0'))
                }
                None => Err(self.error("Illegal control escape sequence", self.pos as i64)),
            },
            c if c.is_ascii_alphabetic() => {
                Err(self.error("Illegal/unsupported escape sequence", self.pos as i64 - 1))
            }
            c => Ok(c),
        }
    }

    pub(super) fn hex_digits(&mut self, n: usize, what: &str) -> Result<u32, SelError> {
        let mut v = 0;
        for _ in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    self.pos += 1;
                }
                None => return Err(self.error(what, self.pos as i64)),
            }
        }
        Ok(v)
    }
}
