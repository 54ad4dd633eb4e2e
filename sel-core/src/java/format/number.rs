//! Number rendering for the formatter: `%d %o %x` of Integer/Long and `%e %f %g %a` of
//! Double, following `java.util.Formatter` (Locale.US).
//!
//! Since JDK 21 the decimal conversions start from the `Double.toString` digits and round
//! them HALF_UP (`%.2f` of 1.005 is `1.01`, of 0.125 is `0.13`), see [`round_digits`].

use super::spec::{check_bad_flags, Flags, Spec};
use crate::error::SelError;
use crate::java::double::{decimal, Decimal};

/// Java's `leadingSign`.
fn leading_sign(sb: &mut String, flags: Flags, neg: bool) {
    if !neg {
        if flags.has(Flags::PLUS) {
            sb.push('+');
        } else if flags.has(Flags::SPACE) {
            sb.push(' ');
        }
    } else if flags.has(Flags::PAREN) {
        sb.push('(');
    } else {
        sb.push('-');
    }
}

fn trailing_sign(sb: &mut String, flags: Flags, neg: bool) {
    if neg && flags.has(Flags::PAREN) {
        sb.push(')');
    }
}

/// Java's `adjustWidth`: a trailing `)` takes one column of the zero-padded width.
fn adjust_width(width: Option<usize>, flags: Flags, neg: bool) -> Option<usize> {
    match width {
        Some(w) if neg && flags.has(Flags::PAREN) => Some(w.saturating_sub(1)),
        w => w,
    }
}

/// Java's `localizedMagnitude` for Locale.US: appends the ASCII number `value` (digits
/// and at most one `.`) with `,` every three integer digits if grouping is on, then
/// inserts zeros right after what `sb` held before (the sign) up to `width` if `0` is on.
fn magnitude(sb: &mut String, value: &str, flags: Flags, width: Option<usize>) {
    let begin = sb.len();
    let dot = value.find('.').unwrap_or(value.len());
    let group = flags.has(Flags::GROUP);
    for (j, c) in value.char_indices() {
        sb.push(c);
        if group && j < dot && j + 1 != dot && (dot - j) % 3 == 1 {
            sb.push(',');
        }
    }
    if let Some(w) = width {
        if flags.has(Flags::ZERO) && sb.len() < w {
            let zeros = "0".repeat(w - sb.len());
            sb.insert_str(begin, &zeros);
        }
    }
}

/// `%d %o %x` of an Integer (`is_int`, 32-bit two's complement for `%o %x`) or a Long.
pub(super) fn integer(spec: &Spec, v: i64, is_int: bool) -> Result<String, SelError> {
    let f = spec.flags;
    let mut sb = String::new();
    if spec.conv == 'd' {
        let neg = v < 0;
        leading_sign(&mut sb, f, neg);
        magnitude(
            &mut sb,
            &v.unsigned_abs().to_string(),
            f,
            adjust_width(spec.width, f, neg),
        );
        trailing_sign(&mut sb, f, neg);
        return Ok(sb);
    }
    // Java rejects these for int/long (they are printed unsigned) only when printing.
    check_bad_flags(spec, &[Flags::PAREN, Flags::SPACE, Flags::PLUS])?;
    let bits = if is_int { v as u32 as u64 } else { v as u64 };
    let (digits, prefix) = if spec.conv == 'o' {
        (format!("{bits:o}"), "0")
    } else if f.has(Flags::UPPER) {
        (format!("{bits:X}"), "0X")
    } else {
        (format!("{bits:x}"), "0x")
    };
    let len = digits.len() + if f.has(Flags::ALT) { prefix.len() } else { 0 };
    if f.has(Flags::ALT) {
        sb.push_str(prefix);
    }
    if let (true, Some(w)) = (f.has(Flags::ZERO), spec.width) {
        sb.push_str(&"0".repeat(w.saturating_sub(len)));
    }
    sb.push_str(&digits);
    Ok(sb)
}

/// A finite non-negative decimal `0.d1d2… × 10^(point)`: `digits` may be empty (zero).
struct Fixed {
    digits: Vec<u8>,
    /// Position of the decimal point relative to the first digit.
    point: i64,
}

/// Rounds the Java decimal of `a` HALF_UP so that no digit below `10^-frac` remains;
/// `frac` may be negative (rounding to tens etc.).
fn round_digits(d: &Decimal, frac: i64) -> Fixed {
    let point = d.exp as i64 + 1;
    let keep = point + frac;
    if keep >= d.digits.len() as i64 {
        return Fixed {
            digits: d.digits.clone(),
            point,
        };
    }
    if keep < 0 {
        return Fixed {
            digits: vec![],
            point,
        };
    }
    let keep = keep as usize;
    let mut digits = d.digits[..keep].to_vec();
    if d.digits[keep] >= b'5' {
        let mut i = keep;
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                return Fixed {
                    digits,
                    point: point + 1,
                };
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    Fixed { digits, point }
}

impl Fixed {
    fn digit(&self, pos: i64) -> char {
        if pos < 0 {
            return '0';
        }
        *self.digits.get(pos as usize).unwrap_or(&b'0') as char
    }

    /// Plain notation with exactly `frac` fraction digits (no point when 0).
    fn plain(&self, frac: usize) -> String {
        let mut s = String::new();
        if self.point <= 0 {
            s.push('0');
        } else {
            for i in 0..self.point {
                s.push(self.digit(i));
            }
        }
        if frac > 0 {
            s.push('.');
            for i in 0..frac as i64 {
                s.push(self.digit(self.point + i));
            }
        }
        s
    }

    fn is_zero(&self) -> bool {
        self.digits.iter().all(|&d| d == b'0')
    }
}

/// Scientific mantissa (`d.ddd`, `frac` fraction digits) and exponent text (`+05`).
fn scientific(d: &Decimal, frac: usize) -> (String, String) {
    let r = round_digits(d, frac as i64 - d.exp as i64);
    let exp = r.point - 1;
    let shifted = Fixed {
        digits: r.digits,
        point: 1,
    };
    (shifted.plain(frac), exp_text(exp))
}

fn exp_text(exp: i64) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{:02}", exp.unsigned_abs())
}

/// `%e %f %g %a` of a double.
pub(super) fn double(spec: &Spec, v: f64) -> String {
    let f = spec.flags;
    let upper = f.has(Flags::UPPER);
    let mut sb = String::new();
    if v.is_nan() {
        sb.push_str(if upper { "NAN" } else { "NaN" });
        return sb;
    }
    let neg = v.is_sign_negative();
    let a = v.abs();
    leading_sign(&mut sb, f, neg);
    if a.is_infinite() {
        sb.push_str(if upper { "INFINITY" } else { "Infinity" });
    } else {
        finite(&mut sb, spec, a, neg);
    }
    trailing_sign(&mut sb, f, neg);
    sb
}

fn finite(sb: &mut String, spec: &Spec, a: f64, neg: bool) {
    let f = spec.flags;
    let e_char = if f.has(Flags::UPPER) { 'E' } else { 'e' };
    let zero = Decimal {
        digits: vec![b'0'],
        exp: 0,
    };
    let d = if a == 0.0 { zero } else { decimal(a) };
    match spec.conv {
        'e' => {
            let prec = spec.precision.unwrap_or(6);
            let (mut mant, exp) = scientific(&d, prec);
            if f.has(Flags::ALT) && prec == 0 {
                mant.push('.');
            }
            let w = spec
                .width
                .map(|w| w.saturating_sub(exp.len() + 1))
                .and_then(|w| adjust_width(Some(w), f, neg));
            magnitude(sb, &mant, f, w);
            sb.push(e_char);
            sb.push_str(&exp);
        }
        'f' => {
            let prec = spec.precision.unwrap_or(6);
            let mut mant = round_digits(&d, prec as i64).plain(prec);
            if f.has(Flags::ALT) && prec == 0 {
                mant.push('.');
            }
            magnitude(sb, &mant, f, adjust_width(spec.width, f, neg));
        }
        'g' => {
            let prec = match spec.precision {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            let r = round_digits(&d, prec as i64 - 1 - d.exp as i64);
            let exp = r.point - 1;
            if r.is_zero() || (-4..prec as i64).contains(&exp) {
                let frac = if r.is_zero() {
                    prec - 1
                } else {
                    (prec as i64 - 1 - exp) as usize
                };
                magnitude(sb, &r.plain(frac), f, adjust_width(spec.width, f, neg));
            } else {
                let (mant, exp) = scientific(&d, prec - 1);
                let w = spec
                    .width
                    .map(|w| w.saturating_sub(exp.len() + 1))
                    .and_then(|w| adjust_width(Some(w), f, neg));
                magnitude(sb, &mant, f, w);
                sb.push(e_char);
                sb.push_str(&exp);
            }
        }
        _ => hex_float(sb, spec, a),
    }
}

/// `%a`: Java's `Double.toHexString` form, optionally rounded to `precision` hex digits.
fn hex_float(sb: &mut String, spec: &Spec, a: f64) {
    let f = spec.flags;
    let upper = f.has(Flags::UPPER);
    let prec = match spec.precision {
        None => 0,
        Some(0) => 1,
        Some(p) => p,
    };
    let s = hex_double(a, prec);
    // Zero padding counts the sign, `0x` and the unpadded digits (not the zeros a
    // precision adds below), as Java does.
    let pad = spec
        .width
        .filter(|_| f.has(Flags::ZERO))
        .map_or(0, |w| w.saturating_sub(sb.len() + 2 + s.len()));
    sb.push_str(if upper { "0X" } else { "0x" });
    sb.push_str(&"0".repeat(pad));
    let (mant, exp) = s.split_once('p').unwrap_or((&s, "0"));
    let mut mant = if upper {
        mant.to_ascii_uppercase()
    } else {
        mant.to_string()
    };
    if prec != 0 {
        // Pad the fraction with zeros to `prec` digits.
        let frac_len = mant.split_once('.').map_or(0, |(_, fr)| fr.len());
        for _ in frac_len..prec {
            mant.push('0');
        }
    }
    sb.push_str(&mant);
    sb.push(if upper { 'P' } else { 'p' });
    sb.push_str(exp);
}

/// `Double.toHexString(a)` without the `0x`, with the significand rounded (half even) to
/// `prec` hex digits when `1 <= prec < 13`; subnormals are then normalised like Java.
fn hex_double(a: f64, prec: usize) -> String {
    let bits = a.to_bits();
    let biased = (bits >> 52) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if a == 0.0 {
        return "0.0p0".to_string();
    }
    if prec == 0 || prec >= 13 {
        let digits = format!("{frac:013x}");
        let digits = digits.trim_end_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        return if biased == 0 {
            format!("0.{digits}p-1022")
        } else {
            format!("1.{digits}p{}", biased - 1023)
        };
    }
    // Normalise: significand with the leading 1 at bit 52 and unbiased exponent.
    let (mut sig, mut exp) = if biased == 0 {
        let shift = frac.leading_zeros() - 11;
        (frac << shift, -1022 - shift as i64)
    } else {
        (frac | 1u64 << 52, biased - 1023)
    };
    let drop = 52 - 4 * prec as u32;
    let rem = sig & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    sig >>= drop;
    if rem > half || (rem == half && sig & 1 == 1) {
        sig += 1;
        if sig >> (4 * prec) == 2 {
            sig >>= 1;
            exp += 1;
        }
    }
    // Java prints the rounded value like `Double.toHexString` (trailing zeros dropped).
    let frac_digits = sig & ((1u64 << (4 * prec)) - 1);
    let text = format!("{frac_digits:0prec$x}");
    let text = text.trim_end_matches('0');
    let text = if text.is_empty() { "0" } else { text };
    format!("1.{text}p{exp}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_up_on_shortest_digits() {
        let r = |v: f64, frac: usize| round_digits(&decimal(v), frac as i64).plain(frac);
        assert_eq!(r(0.125, 2), "0.13");
        assert_eq!(r(0.05, 1), "0.1");
        assert_eq!(r(1.005, 2), "1.01");
        assert_eq!(r(2.5, 0), "3");
        assert_eq!(r(9.999, 2), "10.00");
        assert_eq!(r(0.0004, 3), "0.000");
        assert_eq!(r(0.0005, 3), "0.001");
        assert_eq!(r(0.00049, 3), "0.000");
        assert_eq!(r(1e23, 1), "100000000000000000000000.0");
        assert_eq!(r(0.1, 20), "0.10000000000000000000");
    }

    #[test]
    fn hex_doubles() {
        assert_eq!(hex_double(1.0, 0), "1.0p0");
        assert_eq!(hex_double(0.5, 0), "1.0p-1");
        assert_eq!(hex_double(4.9e-324, 0), "0.0000000000001p-1022");
        assert_eq!(hex_double(4.9e-324, 2), "1.0p-1074");
        assert_eq!(hex_double(1.0 + 2f64.powi(-52), 1), "1.0p0");
        // Ties go to the even digit: 0x1.f8 rounds up, 0x1.e8 down.
        assert_eq!(hex_double(1.96875, 1), "1.0p1");
        assert_eq!(hex_double(1.90625, 1), "1.ep0");
        assert_eq!(hex_double(1.97, 1), "1.0p1");
        assert_eq!(hex_double(1.99, 1), "1.0p1");
    }
}
