//! Java's number parsers: `Long.parseLong`, `Integer.parseInt` and `Double.parseDouble`,
//! with their exact grammar and `NumberFormatException` messages.

use crate::error::{ErrorKind, SelError};

fn nfe(s: &str) -> SelError {
    SelError::new(
        ErrorKind::NumberFormatException,
        format!("For input string: \"{s}\""),
    )
}

/// First code points of the BMP runs of Unicode `Nd` digits (each run is 0..=9).
/// `Character.digit(char, 10)` works on UTF-16 units, so supplementary digits never count.
const ND_ZEROS: [u32; 37] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

/// `Character.digit(c, 10)`: the value of a decimal digit of any BMP script.
fn decimal_digit(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = ND_ZEROS.partition_point(|&z| z <= cp);
    let zero = *ND_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// Shared by `parse_long` and `parse_int`: accumulates negatively (the negative range is
/// the larger one) and rejects anything outside `[min, max]` with the input in the message.
fn parse_integer(s: &str, min: i64, max: i64) -> Result<i64, SelError> {
    let mut chars = s.chars().peekable();
    let negative = match chars.peek() {
        Some('-') => true,
        Some('+') => false,
        Some(_) => false,
        None => return Err(nfe(s)),
    };
    let limit = if negative { min } else { -max };
    if matches!(chars.peek(), Some('-' | '+')) {
        chars.next();
        if chars.peek().is_none() {
            return Err(nfe(s));
        }
    }
    let mut acc: i64 = 0;
    for c in chars {
        let d = decimal_digit(c).ok_or_else(|| nfe(s))? as i64;
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_sub(d))
            .filter(|&a| a >= limit)
            .ok_or_else(|| nfe(s))?;
    }
    if negative {
        Ok(acc)
    } else {
        Ok(-acc)
    }
}

/// `Long.parseLong(s)` (radix 10). A null string is the caller's business.
pub fn parse_long(s: &str) -> Result<i64, SelError> {
    parse_integer(s, i64::MIN, i64::MAX)
}

/// `Integer.parseInt(s)` (radix 10).
pub fn parse_int(s: &str) -> Result<i32, SelError> {
    parse_integer(s, i32::MIN as i64, i32::MAX as i64).map(|v| v as i32)
}

/// `Double.parseDouble(s)`: the `FloatingDecimal` grammar.
///
/// Leading and trailing chars `<= U+0020` are ignored; the error message quotes the
/// trimmed text. Accepted: optional sign, then `NaN`, `Infinity`, a decimal
/// (`1`, `1.`, `.5`, `1.5e-3`) or a hex float (`0x1.8p3`, exponent required), the last two
/// optionally followed by one of `fFdD`.
pub fn parse_double(s: &str) -> Result<f64, SelError> {
    let t = super::text::trim(s);
    if t.is_empty() {
        return Err(SelError::new(
            ErrorKind::NumberFormatException,
            "empty String",
        ));
    }
    parse_trimmed(t).ok_or_else(|| nfe(t))
}

fn parse_trimmed(t: &str) -> Option<f64> {
    let (negative, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let magnitude = if body == "NaN" {
        return Some(f64::NAN);
    } else if body == "Infinity" {
        f64::INFINITY
    } else {
        let body = body.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(body);
        if body.len() > 1 && (body.starts_with("0x") || body.starts_with("0X")) {
            parse_hex(&body[2..])?
        } else {
            parse_dec(body)?
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Splits `s` at the first byte that is not accepted by `f`.
fn take_while(s: &str, f: impl Fn(u8) -> bool) -> (&str, &str) {
    let n = s.bytes().take_while(|&b| f(b)).count();
    s.split_at(n)
}

/// `Digits [. Digits] [e ±Digits]` with at least one mantissa digit; converted by Rust's
/// correctly rounding parser on a normalised copy.
fn parse_dec(s: &str) -> Option<f64> {
    let (int, rest) = take_while(s, |b| b.is_ascii_digit());
    let (frac, rest) = match rest.strip_prefix('.') {
        Some(r) => take_while(r, |b| b.is_ascii_digit()),
        None => ("", rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exp = match rest.as_bytes().first() {
        None => "0",
        Some(b'e' | b'E') => {
            let e = &rest[1..];
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            e
        }
        Some(_) => return None,
    };
    let int = if int.is_empty() { "0" } else { int };
    let frac = if frac.is_empty() { "0" } else { frac };
    format!("{int}.{frac}e{exp}").parse().ok()
}

/// `HexDigits [. HexDigits] p ±Digits` (after the `0x`), rounded to nearest-even.
fn parse_hex(s: &str) -> Option<f64> {
    let (int, rest) = take_while(s, |b| b.is_ascii_hexdigit());
    let (frac, rest) = match rest.strip_prefix('.') {
        Some(r) => take_while(r, |b| b.is_ascii_hexdigit()),
        None => ("", rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exp = rest.strip_prefix(['p', 'P'])?;
    let exp_digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    if exp_digits.is_empty() || !exp_digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Saturate huge exponents: anything past ±1e6 over- or underflows regardless of the
    // (bounded-effect) mantissa length handled below.
    let mut e: i64 = 0;
    for b in exp_digits.bytes() {
        e = (e * 10 + (b - b'0') as i64).min(10_000_000);
    }
    if exp.starts_with('-') {
        e = -e;
    }
    // Keep the first 16 significant hex digits (64 bits) and remember whether any
    // non-zero digit was dropped (sticky bit for rounding).
    let mut mant: u64 = 0;
    let mut kept = 0u32;
    let mut sticky = false;
    let mut scale: i64 = 0; // binary exponent adjustment for the digits
    let mut seen_nonzero = false;
    for (i, c) in int.bytes().chain(frac.bytes()).enumerate() {
        let d = (c as char).to_digit(16).unwrap_or(0) as u64;
        let in_frac = i >= int.len();
        if d != 0 {
            seen_nonzero = true;
        }
        if !seen_nonzero {
            if in_frac {
                scale -= 4;
            }
            continue;
        }
        if kept < 16 {
            mant = mant << 4 | d;
            kept += 1;
            if in_frac {
                scale -= 4;
            }
        } else {
            sticky |= d != 0;
            if !in_frac {
                scale += 4;
            }
        }
    }
    if mant == 0 {
        return Some(0.0);
    }
    Some(round_binary(mant, sticky, e + scale))
}

/// The double nearest (ties to even) to `(mant + ε) × 2^exp`, where `ε` in `(0, 1)` is
/// present iff `sticky`.
pub(crate) fn round_binary(mant: u64, sticky: bool, exp: i64) -> f64 {
    let lz = mant.leading_zeros();
    let m = mant << lz; // top bit at 63
    let exp = exp - lz as i64;
    let lead = exp + 63; // power of two of the leading bit
    if lead > 1023 {
        return f64::INFINITY;
    }
    // Number of significand bits we can keep: 53 for normals, fewer for subnormals.
    let keep = if lead >= -1022 {
        53
    } else {
        53 - (-1022 - lead)
    };
    if keep < 0 {
        return 0.0;
    }
    let drop = 64 - keep as u32; // 11..=64
    let (kept, half, rest_nonzero) = if drop == 64 {
        (0u64, m >> 63 == 1, (m << 1) != 0 || sticky)
    } else {
        let kept = m >> drop;
        let rem = m & ((1u64 << drop) - 1);
        let half_bit = 1u64 << (drop - 1);
        (
            kept,
            rem & half_bit != 0,
            (rem & (half_bit - 1)) != 0 || sticky,
        )
    };
    let round_up = half && (rest_nonzero || kept & 1 == 1);
    let kept = kept + round_up as u64;
    // `kept × 2^(lead - keep + 1)`; build it exactly (kept < 2^54, scaling is exact as the
    // result is representable by construction, except overflow to infinity).
    let scale = lead - keep + 1;
    scalb(kept as f64, scale)
}

/// `x × 2^n` computed in steps that stay exact while the result is representable.
fn scalb(mut x: f64, mut n: i64) -> f64 {
    while n > 1000 {
        x *= 2f64.powi(1000);
        n -= 1000;
    }
    while n < -1000 {
        // Splitting keeps intermediate values normal, so only the last step can round,
        // and it cannot because the result has at most `keep` significant bits.
        x *= 2f64.powi(-1000);
        n += 1000;
    }
    x * 2f64.powi(n as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(r: Result<impl std::fmt::Debug, SelError>) -> String {
        let e = r.unwrap_err();
        assert_eq!(e.kind, ErrorKind::NumberFormatException);
        e.message
    }

    #[test]
    fn longs() {
        assert_eq!(parse_long("12").unwrap(), 12);
        assert_eq!(parse_long("-42").unwrap(), -42);
        assert_eq!(parse_long("+5").unwrap(), 5);
        assert_eq!(parse_long("0").unwrap(), 0);
        assert_eq!(parse_long("-0").unwrap(), 0);
        assert_eq!(parse_long("007").unwrap(), 7);
        assert_eq!(parse_long("9223372036854775807").unwrap(), i64::MAX);
        assert_eq!(parse_long("-9223372036854775808").unwrap(), i64::MIN);
        assert_eq!(parse_long("١٢").unwrap(), 12);
        assert_eq!(parse_long("１２").unwrap(), 12);
        assert_eq!(parse_long("3000000000").unwrap(), 3000000000);
        for bad in [
            "",
            "abc",
            " 5",
            "5 ",
            "+",
            "-",
            "0x10",
            "1_000",
            "1.0",
            "--1",
            "+-1",
            "𝟏",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
        ] {
            assert_eq!(err(parse_long(bad)), format!("For input string: \"{bad}\""));
        }
    }

    #[test]
    fn ints() {
        assert_eq!(parse_int("2147483647").unwrap(), i32::MAX);
        assert_eq!(parse_int("-2147483648").unwrap(), i32::MIN);
        assert_eq!(
            err(parse_int("2147483648")),
            "For input string: \"2147483648\""
        );
        assert_eq!(err(parse_int("")), "For input string: \"\"");
    }

    #[test]
    fn doubles() {
        for (s, v) in [
            ("2.5", 2.5),
            ("1d", 1.0),
            ("1.1f", 1.1),
            (" 1.5 ", 1.5),
            ("\t\n1.5\u{0}", 1.5),
            ("1.", 1.0),
            (".5", 0.5),
            ("+.5e1", 5.0),
            ("1.e2", 100.0),
            ("-0", -0.0),
            ("1E3", 1000.0),
            ("1e-400", 0.0),
            ("4.9e-324", 4.9e-324),
            ("1e99999999999999999999", f64::INFINITY),
            ("-1e309", f64::NEG_INFINITY),
            ("Infinity", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+Infinity", f64::INFINITY),
            ("0x1p3", 8.0),
            ("0X1P3", 8.0),
            ("0x.8p1", 1.0),
            ("0x1.8p-1d", 0.75),
            ("-0x10p0", -16.0),
            ("0x1.fffffffffffff8p0", 2.0),
            ("0x1.fffffffffffff7p0", 1.9999999999999998),
            ("0x1p-1074", 4.9e-324),
            ("0x1p-1075", 0.0),
            ("0x1.1p-1075", 4.9e-324),
            ("0x1p1024", f64::INFINITY),
            ("0x0.0p0", 0.0),
            ("0x00000000000000000001p0", 1.0),
            ("0x123456789abcdef123p0", 3.358127276707303e20),
            ("9007199254740993", 9007199254740992.0),
            ("0.30000000000000004", 0.30000000000000004),
        ] {
            let got = parse_double(s).unwrap();
            assert_eq!(got.to_bits(), v.to_bits(), "{s:?}: {got:?} vs {v:?}");
        }
        assert!(parse_double("NaN").unwrap().is_nan());
        assert!(parse_double("-NaN").unwrap().is_nan());
        for (bad, shown) in [
            ("abc", "abc"),
            ("1,5", "1,5"),
            (" x ", "x"),
            (".", "."),
            ("e5", "e5"),
            ("1e", "1e"),
            ("1e+", "1e+"),
            ("1.5ff", "1.5ff"),
            ("NaNd", "NaNd"),
            ("Infinityf", "Infinityf"),
            ("inf", "inf"),
            ("0x1", "0x1"),
            ("0x", "0x"),
            ("0xp1", "0xp1"),
            ("1_0", "1_0"),
            ("+", "+"),
            ("--1", "--1"),
            ("１", "１"),
            ("1 2", "1 2"),
        ] {
            assert_eq!(
                err(parse_double(bad)),
                format!("For input string: \"{shown}\"")
            );
        }
        assert_eq!(err(parse_double("")), "empty String");
        assert_eq!(err(parse_double("  \t")), "empty String");
    }
}
