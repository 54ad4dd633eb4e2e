//! English text tables (US locale) and small text helpers shared by printing and
//! parsing: Joda's padded integers and its `Invalid format` messages.

use crate::error::{ErrorKind, SelError};

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub const DAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const HALFDAYS: [&str; 2] = ["AM", "PM"];
pub const ERAS: [&str; 2] = ["BC", "AD"];

/// Appends `value` zero-padded to at least `width` digits, `-` first if negative
/// (Joda `FormatUtils.appendPaddedInteger`).
pub fn push_padded(out: &mut String, value: i64, width: usize) {
    if value < 0 {
        out.push('-');
    }
    // Hand-rolled: this runs for every numeric field of every formatted date.
    let mut v = value.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let digits = buf.len() - i;
    for _ in digits..width {
        out.push('0');
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

/// Joda's `FormatUtils.createErrorMessage` for a parse failing at byte index `at`.
pub fn invalid_format_message(text: &str, at: usize) -> String {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let pos = text[..at].chars().count();
    let chars: Vec<char> = text.chars().collect();
    let sample_len = pos + 32;
    let sample: String = if chars.len() <= sample_len + 3 {
        text.to_string()
    } else {
        let mut s: String = chars[..sample_len].iter().collect();
        s.push_str("...");
        s
    };
    if pos == 0 {
        format!("Invalid format: \"{sample}\"")
    } else if pos >= chars.len() {
        format!("Invalid format: \"{sample}\" is too short")
    } else {
        let rest: String = sample.chars().skip(pos).collect();
        format!("Invalid format: \"{sample}\" is malformed at \"{rest}\"")
    }
}

pub fn invalid_format(text: &str, pos: usize) -> SelError {
    SelError::new(
        ErrorKind::IllegalArgumentException,
        invalid_format_message(text, pos),
    )
}

/// Java `NumberFormatException` for `Integer.parseInt(s)` failures.
pub fn number_format(s: &str) -> SelError {
    SelError::new(
        ErrorKind::NumberFormatException,
        format!("For input string: \"{s}\""),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(invalid_format_message("abc", 0), "Invalid format: \"abc\"");
        assert_eq!(
            invalid_format_message("201901", 6),
            "Invalid format: \"201901\" is too short"
        );
        assert_eq!(
            invalid_format_message("201901011", 8),
            "Invalid format: \"201901011\" is malformed at \"1\""
        );
        let mut s = String::new();
        push_padded(&mut s, -2, 4);
        push_padded(&mut s, 7, 1);
        push_padded(&mut s, 12345, 2);
        assert_eq!(s, "-0002712345");
        // Widths beyond the buffer, extremes.
        for (v, w) in [
            (5, 30),
            (-5, 30),
            (i64::MIN, 1),
            (i64::MAX, 25),
            (0, 0),
            (0, 24),
        ] {
            let mut s = String::new();
            push_padded(&mut s, v, w);
            let digits = v.unsigned_abs().to_string();
            let pad = "0".repeat(w.saturating_sub(digits.len()));
            let sign = if v < 0 { "-" } else { "" };
            assert_eq!(s, format!("{sign}{pad}{digits}"), "{v} {w}");
        }
    }
}
