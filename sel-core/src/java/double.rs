//! Java's `Double.toString` (the JDK 19+ shortest-digits rule, SPEC §5.9) and the decimal
//! digits it is based on, which `java.util.Formatter` also starts from (JDK 21).

/// The decimal Java chooses for a finite non-zero double, `d1.d2…dn × 10^exp`: `digits`
/// are ASCII digits without trailing zeros (at least one digit, the first non-zero) and
/// `exp` is the power of ten of the first digit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    pub digits: Vec<u8>,
    pub exp: i32,
}

/// Java's decimal for `|v|` (`v` finite and non-zero).
///
/// Java picks the shortest decimal that rounds to `v`; when that has a single digit it
/// instead picks the closest decimal of length 1 or 2 (so `4.9E-324`, not `5.0E-324`).
/// Rust's `{:e}` gives the shortest round-tripping digits (closest among them), and
/// `{:.1e}` the correctly rounded two-digit decimal, which covers both cases.
pub(crate) fn decimal(v: f64) -> Decimal {
    let a = v.abs();
    let shortest = format!("{a:e}");
    let (digits, exp) = split_sci(&shortest);
    if digits.len() > 1 {
        return break_tie(a, digits, exp);
    }
    let two = format!("{a:.1e}");
    // The closest two-digit decimal always rounds back to `a` when a one-digit one does.
    if two.parse::<f64>().ok() == Some(a) {
        let (d2, e2) = split_sci(&two);
        return Decimal {
            digits: d2,
            exp: e2,
        };
    }
    Decimal { digits, exp }
}

/// When `a` lies exactly halfway between two shortest candidates, Java takes the one with
/// the even last digit while Rust may take the upper one (e.g. `1608882928643910.25`
/// is `1.6088829286439102E15` in Java). A tie needs the exact expansion of `a` to have
/// exactly one more digit than the candidate, ending in 5; a double has at most 767
/// significant digits, so `{:.770e}` shows the whole exact expansion.
fn break_tie(a: f64, digits: Vec<u8>, exp: i32) -> Decimal {
    let n = digits.len();
    // Cheap filter first: a tie's (n+1)-digit rounding is exact and ends in 5.
    let near = format!("{a:.n$e}");
    if split_sci(&near).0.last() != Some(&b'5') {
        return Decimal { digits, exp };
    }
    let exact = format!("{a:.770e}");
    let (ex_digits, ex_exp) = split_sci(&exact);
    if ex_digits.len() != n + 1 || ex_digits[n] != b'5' || ex_exp != exp {
        return Decimal { digits, exp };
    }
    let lower = ex_digits[..n].to_vec();
    let mut upper = lower.clone();
    let mut i = n;
    while i > 0 && upper[i - 1] == b'9' {
        upper[i - 1] = b'0';
        i -= 1;
    }
    if i == 0 {
        // 99…9 + 1 would change the exponent; Rust's choice stands.
        return Decimal { digits, exp };
    }
    upper[i - 1] += 1;
    let even = if lower[n - 1] % 2 == 0 { lower } else { upper };
    let text = format!(
        "{}.{}e{}",
        even[0] as char,
        std::str::from_utf8(&even[1..]).unwrap_or("0"),
        exp
    );
    if text.parse::<f64>().ok() != Some(a) {
        return Decimal { digits, exp };
    }
    let mut d = even;
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    Decimal { digits: d, exp }
}

/// Splits Rust's `d.ddde±x` text into significant digits (trailing zeros removed) and
/// the exponent.
fn split_sci(s: &str) -> (Vec<u8>, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp.parse().unwrap_or(0))
}

/// Java 19+ `Double.toString(v)`.
pub fn double_to_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    let Decimal { digits, exp } = decimal(v);
    let mut out = String::with_capacity(digits.len() + 8);
    if v < 0.0 {
        out.push('-');
    }
    let a = v.abs();
    if (1e-3..1e7).contains(&a) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            for i in 0..int_len {
                out.push(*digits.get(i).unwrap_or(&b'0') as char);
            }
            out.push('.');
            if digits.len() > int_len {
                out.extend(digits[int_len..].iter().map(|&d| d as char));
            } else {
                out.push('0');
            }
        } else {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.extend(digits.iter().map(|&d| d as char));
        }
    } else {
        out.push(digits[0] as char);
        out.push('.');
        if digits.len() > 1 {
            out.extend(digits[1..].iter().map(|&d| d as char));
        } else {
            out.push('0');
        }
        out.push('E');
        out.push_str(&exp.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials() {
        assert_eq!(double_to_string(f64::NAN), "NaN");
        assert_eq!(double_to_string(f64::INFINITY), "Infinity");
        assert_eq!(double_to_string(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(double_to_string(0.0), "0.0");
        assert_eq!(double_to_string(-0.0), "-0.0");
    }

    #[test]
    fn plain_range() {
        for (v, s) in [
            (1.5, "1.5"),
            (100.0, "100.0"),
            (0.001, "0.001"),
            (0.002, "0.002"),
            (1234567.0, "1234567.0"),
            (9999999.0, "9999999.0"),
            (9999999.999, "9999999.999"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0 / 3.0, "33.333333333333336"),
            (0.3 - 0.1, "0.19999999999999998"),
            (1.1 * 1.1, "1.2100000000000002"),
            (100.0 * 1.1, "110.00000000000001"),
            (9007199254740993i64 as f64, "9.007199254740992E15"),
            (3.0e10 / 7.0, "4.285714285714286E9"),
            (-1.5, "-1.5"),
            (5.5 % 2.0, "1.5"),
            (1e6, "1000000.0"),
            (-2.7, "-2.7"),
        ] {
            assert_eq!(double_to_string(v), s, "{v:?}");
        }
    }

    #[test]
    fn scientific() {
        for (v, s) in [
            (1e7, "1.0E7"),
            (1.2345678e7, "1.2345678E7"),
            (1e10, "1.0E10"),
            (9.9e-4, "9.9E-4"),
            (1e-5, "1.0E-5"),
            (1e-4, "1.0E-4"),
            (4.9e-324, "4.9E-324"),
            (-3.0e9, "-3.0E9"),
            (1e23, "1.0E23"),
            (1e21, "1.0E21"),
            (123456789012.5, "1.234567890125E11"),
            (1e16 + 1.0, "1.0E16"),
            (9223372036854775807i64 as f64, "9.223372036854776E18"),
            (123456789012345678.0, "1.2345678901234568E17"),
            (f64::MAX, "1.7976931348623157E308"),
            (f64::MIN_POSITIVE, "2.2250738585072014E-308"),
            (2e-323, "2.0E-323"),
            (1e-322, "9.9E-323"),
            (2.0f64.powi(63), "9.223372036854776E18"),
            (3.4028234663852886e38, "3.4028234663852886E38"),
            (1608882928643910.0 + 0.25, "1.6088829286439102E15"),
            (-1425502010969177.0 - 0.25, "-1.4255020109691772E15"),
        ] {
            assert_eq!(double_to_string(v), s, "{v:?}");
        }
    }

    #[test]
    fn decimal_digits() {
        assert_eq!(
            decimal(0.125),
            Decimal {
                digits: b"125".to_vec(),
                exp: -1
            }
        );
        assert_eq!(
            decimal(1e23),
            Decimal {
                digits: b"1".to_vec(),
                exp: 23
            }
        );
    }
}
