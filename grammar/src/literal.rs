//! Literal values, computed at parse time the way the reference computes them (§2.6-2.8).

use std::borrow::Cow;

/// The value of an integer literal: the text with every `l`/`L` removed, read as a
/// base-10 `i64` (so `017` is 17). On failure, the reference's `NumberFormatException`
/// message (hex literals always fail).
pub(crate) fn int_value(text: &str) -> Result<i64, String> {
    // Fast path: up to 18 plain digits (and an `l`/`L` suffix, which `Long.parseLong`
    // never sees) cannot overflow; no string is built.
    let b = text.as_bytes();
    let digits = match b.last() {
        Some(b'l' | b'L') => &b[..b.len() - 1],
        _ => b,
    };
    if !digits.is_empty() && digits.len() <= 18 {
        let mut v = 0i64;
        for &d in digits {
            let d = d.wrapping_sub(b'0');
            if d > 9 {
                return int_value_slow(text);
            }
            v = v * 10 + i64::from(d);
        }
        return Ok(v);
    }
    int_value_slow(text)
}

#[cold]
fn int_value_slow(text: &str) -> Result<i64, String> {
    let digits: String;
    let s = if text.contains(['l', 'L']) {
        digits = text.chars().filter(|&c| c != 'l' && c != 'L').collect();
        &digits
    } else {
        text
    };
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(v) = s.parse::<i64>() {
            return Ok(v);
        }
    }
    Err(format!("For input string: \"{s}\""))
}

/// The value of a floating-point literal: Java `Double.parseDouble` of the text, which
/// ignores an `f`/`d` suffix (no rounding to `float`), rounds correctly, and gives
/// infinity on overflow.
pub(crate) fn float_value(text: &str) -> f64 {
    let s = text.trim_end_matches(['f', 'F', 'd', 'D']);
    // The lexer only produces forms Rust's parser accepts ("1.", ".5", "1.e5", "1e400").
    s.parse().unwrap_or(f64::NAN)
}

/// The value of a string literal (`raw` includes its quotes): `\b \n \t \f \r \\ \" \'`
/// are decoded; anything else after a backslash (octal escapes, which the lexer lets
/// through) is the reference's `Invalid escaped literal string` error.
pub(crate) fn string_value(raw: &str) -> Result<Cow<'_, str>, String> {
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
    if !inner.contains('\\') {
        return Ok(Cow::Borrowed(inner));
    }
    let err = || format!("Invalid escaped literal string: {raw}");
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next().ok_or_else(err)? {
            'b' => '\u{8}',
            'n' => '\n',
            't' => '\t',
            'f' => '\u{c}',
            'r' => '\r',
            '\\' => '\\',
            '"' => '"',
            '\'' => '\'',
            _ => return Err(err()),
        });
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert_eq!(int_value("017"), Ok(17));
        assert_eq!(int_value("5L"), Ok(5));
        assert_eq!(int_value("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(
            int_value("9223372036854775808"),
            Err("For input string: \"9223372036854775808\"".into())
        );
        assert_eq!(int_value("0xFFL"), Err("For input string: \"0xFF\"".into()));
    }

    #[test]
    fn floats() {
        assert_eq!(float_value("1.1f"), 1.1);
        assert_eq!(float_value("1e400"), f64::INFINITY);
        assert_eq!(float_value(".5"), 0.5);
        assert_eq!(float_value("1.e2"), 100.0);
        assert_eq!(float_value("5d"), 5.0);
    }

    #[test]
    fn strings() {
        assert_eq!(string_value(r#"'a\n\'b'"#).unwrap().as_ref(), "a\n'b");
        assert_eq!(
            string_value(r#""a\101b""#),
            Err(r#"Invalid escaped literal string: "a\101b""#.into())
        );
    }
}
