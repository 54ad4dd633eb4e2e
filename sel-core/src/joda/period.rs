//! English word-based periods (`PeriodFormat.wordBased(Locale.ENGLISH)`), as used by
//! `Util.timeoutFor…Deadline`: `1 day, 2 hours and 30 minutes` → milliseconds.
//!
//! Joda builds this formatter as a chain: field 1, separator, field 2, …, where each
//! separator is consumed only right after its field, and must then be followed by
//! some later field (`1 day,` and `1 hour, 1 day` fail).

use super::calendar::*;
use super::parse::{fail_error, Fail, PResult};
use super::text::number_format;
use crate::error::{ErrorKind, SelError};

/// `(singular, plural)` suffixes of years … milliseconds.
const UNITS: [(&str, &str); 8] = [
    (" year", " years"),
    (" month", " months"),
    (" week", " weeks"),
    (" day", " days"),
    (" hour", " hours"),
    (" minute", " minutes"),
    (" second", " seconds"),
    (" millisecond", " milliseconds"),
];

/// Separator forms in the order Joda tries them (reverse case-insensitive order).
const SEPARATORS: [&str; 6] = [",and ", ", and ", ", ", ",", " and ", " "];

fn matches_at(text: &str, pos: usize, s: &str) -> bool {
    text.as_bytes()
        .get(pos..pos + s.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(s.as_bytes()))
}

/// The suffix of unit `k` at `pos` (plural first), if any.
fn suffix_at(text: &str, pos: usize, k: usize) -> Option<usize> {
    let (one, many) = UNITS[k];
    [many, one]
        .into_iter()
        .find(|s| matches_at(text, pos, s))
        .map(|s| s.len())
}

/// Joda `FieldFormatter.parseInto` for unit `k`: absent (position unchanged) unless
/// its suffix follows a number.
fn field(text: &str, mut pos: usize, k: usize, values: &mut [i32; 8]) -> PResult {
    let b = text.as_bytes();
    if pos >= b.len() {
        return Ok(pos);
    }
    // Pre-scan for the suffix, skipping only number characters.
    let mut suffix_pos = None;
    for (p, &c) in b.iter().enumerate().skip(pos) {
        if suffix_at(text, p, k).is_some() {
            suffix_pos = Some(p);
            break;
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b',' | b'+' | b'-')) {
            break;
        }
    }
    let Some(sp) = suffix_pos else {
        return Ok(pos);
    };
    let mut limit = 10.min(sp - pos);
    let mut len = 0;
    let mut has_digits = false;
    while len < limit {
        let c = b[pos + len];
        if len == 0 && (c == b'-' || c == b'+') {
            if len + 1 >= limit || !b[pos + 1].is_ascii_digit() {
                break;
            }
            if c == b'-' {
                len += 1;
            } else {
                pos += 1;
            }
            limit = (limit + 1).min(b.len() - pos);
            continue;
        }
        if !c.is_ascii_digit() {
            break;
        }
        has_digits = true;
        len += 1;
    }
    if !has_digits {
        return Err(Fail::At(pos));
    }
    if pos + len != sp {
        return Ok(pos);
    }
    let digits = &text[pos..pos + len];
    values[k] = digits
        .parse::<i32>()
        .map_err(|_| Fail::Error(number_format(digits)))?;
    pos += len;
    match suffix_at(text, pos, k) {
        Some(n) => Ok(pos + n),
        None => Err(Fail::At(pos)),
    }
}

/// Fields `k..=7` with the separators between them. Joda nests separators to the
/// right: a separator is consumed only after its field parsed, and must then be
/// followed by some later field.
fn chain(text: &str, pos: usize, k: usize, values: &mut [i32; 8]) -> PResult {
    let p = field(text, pos, k, values)?;
    if k == 7 {
        return Ok(p);
    }
    let mut q = p;
    let mut found = false;
    if p > pos {
        if let Some(s) = SEPARATORS.iter().find(|s| matches_at(text, p, s)) {
            q += s.len();
            found = true;
        }
    }
    let after = chain(text, q, k + 1, values)?;
    if found && after == q {
        return Err(Fail::At(q));
    }
    Ok(after)
}

/// Parses an English word-based period and converts it to a standard duration in
/// milliseconds (weeks of 7 days, days of 24 hours). Months or years →
/// `UnsupportedOperationException`.
pub fn parse_word_period_millis(text: &str) -> Result<i64, SelError> {
    let mut values = [0i32; 8];
    let end = chain(text, 0, 0, &mut values).map_err(|f| fail_error(text, f))?;
    if end < text.len() {
        return Err(fail_error(text, Fail::At(end)));
    }
    for (k, what) in [(1, "months and months"), (0, "years and years")] {
        if values[k] != 0 {
            return Err(SelError::new(
                ErrorKind::UnsupportedOperationException,
                format!("Cannot convert to Duration as this period contains {what} vary in length"),
            ));
        }
    }
    let units = [
        MS_PER_WEEK,
        MS_PER_DAY,
        MS_PER_HOUR,
        MS_PER_MINUTE,
        MS_PER_SECOND,
        1,
    ];
    Ok(values[2..]
        .iter()
        .zip(units)
        .map(|(v, u)| *v as i64 * u)
        .sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        match parse_word_period_millis(s) {
            Ok(v) => v.to_string(),
            Err(e) => format!("{}: {}", e.kind.java_class(), e.message),
        }
    }

    #[test]
    fn periods() {
        assert_eq!(p("1 day, 2 hours and 30 minutes"), "95400000");
        assert_eq!(p("1 day"), "86400000");
        assert_eq!(p("1 day and 2 hours"), "93600000");
        assert_eq!(p(""), "0");
        assert_eq!(p("2 Weeks"), "1209600000");
        assert_eq!(p("1 hour 1 minute 1 second 1 millisecond"), "3661001");
        assert_eq!(p("-1 days"), "-86400000");
        assert_eq!(
            p("1 fortnight"),
            "java.lang.IllegalArgumentException: Invalid format: \"1 fortnight\""
        );
        assert_eq!(
            p("1 month"),
            "java.lang.UnsupportedOperationException: Cannot convert to Duration as this period contains months and months vary in length"
        );
        assert_eq!(
            p("1 year"),
            "java.lang.UnsupportedOperationException: Cannot convert to Duration as this period contains years and years vary in length"
        );
        assert_eq!(p("1 day, 30 minutes"), "88200000");
        assert_eq!(
            p("1 hour, 1 day"),
            "java.lang.IllegalArgumentException: Invalid format: \"1 hour, 1 day\" is malformed at \"1 day\""
        );
        assert_eq!(
            p("1 day ,2 hours"),
            "java.lang.IllegalArgumentException: Invalid format: \"1 day ,2 hours\" is malformed at \",2 hours\""
        );
        assert_eq!(
            p("1 day,"),
            "java.lang.IllegalArgumentException: Invalid format: \"1 day,\" is too short"
        );
        assert_eq!(
            p("1 h"),
            "java.lang.IllegalArgumentException: Invalid format: \"1 h\""
        );
        assert_eq!(
            p("3000000000 days"),
            "java.lang.NumberFormatException: For input string: \"3000000000\""
        );
    }
}
