//! `java.lang.String` behaviour on UTF-16 code units: lengths, indices, comparison,
//! trimming, case mapping, plus SEL's `String.escape`.
//!
//! Rust strings are UTF-8, so every index Java exposes is translated from/to UTF-16
//! units here. Rust strings cannot hold lone surrogates; where Java would split a
//! surrogate pair the half is replaced by U+FFFD.

use crate::error::{ErrorKind, SelError};

/// `s.length()`: the number of UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    // Nearly all SEL text is ASCII, where the lengths agree (checked a word at a time).
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}

/// Builds a string from UTF-16 units, replacing lone surrogates by U+FFFD.
pub(crate) fn from_utf16_lossy(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// The first `n` UTF-16 units of `s` (all of it if shorter).
pub(crate) fn utf16_prefix(s: &str, n: usize) -> String {
    let mut len = 0;
    for (i, c) in s.char_indices() {
        let l = c.len_utf16();
        if len + l > n {
            let mut out = s[..i].to_string();
            if len < n {
                // Java would keep the high surrogate alone.
                out.push(char::REPLACEMENT_CHARACTER);
            }
            return out;
        }
        len += l;
    }
    s.to_string()
}

/// `s.substring(begin, end)` on UTF-16 indices (`s.substring(b)` is `substring(s, b, len)`).
///
/// Out-of-range indices raise `StringIndexOutOfBoundsException` with the Java 21 text
/// `Range [7, 6) out of bounds for length 6` (observed on the reference).
pub fn substring(s: &str, begin: i32, end: i32) -> Result<String, SelError> {
    let len = utf16_len(s);
    if begin < 0 || end < begin || end as usize > len {
        return Err(SelError::new(
            ErrorKind::StringIndexOutOfBoundsException,
            format!("Range [{begin}, {end}) out of bounds for length {len}"),
        ));
    }
    let (b, e) = (begin as usize, end as usize);
    if s.is_ascii() {
        return Ok(s[b..e].to_string());
    }
    let units: Vec<u16> = s.encode_utf16().collect();
    Ok(from_utf16_lossy(&units[b..e]))
}

/// `a.compareTo(b)`: difference of the first differing UTF-16 units, else of the lengths.
pub fn compare_to(a: &str, b: &str) -> i32 {
    let mut ia = a.encode_utf16();
    let mut ib = b.encode_utf16();
    loop {
        match (ia.next(), ib.next()) {
            (Some(x), Some(y)) if x != y => return x as i32 - y as i32,
            (Some(_), Some(_)) => {}
            (None, None) => return 0,
            // Lengths differ: the difference of the full lengths.
            (Some(_), None) => return 1 + ia.count() as i32,
            (None, Some(_)) => return -1 - ib.count() as i32,
        }
    }
}

/// `s.lastIndexOf(needle)`: UTF-16 index of the last occurrence, or -1.
/// (`''` is found at the end.) UTF-8 and UTF-16 matches coincide for valid strings.
pub fn last_index_of(s: &str, needle: &str) -> i32 {
    match s.rfind(needle) {
        Some(byte) => utf16_len(&s[..byte]) as i32,
        None => -1,
    }
}

/// What Java's `String.trim` strips: chars `<= U+0020` (not other white space).
fn trimmed(c: char) -> bool {
    c <= ' '
}

/// `s.trim()`.
pub fn trim(s: &str) -> &str {
    s.trim_matches(trimmed)
}

/// How many leading bytes `s.trim()` strips.
pub fn trim_start_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(trimmed).len()
}

/// `s.toUpperCase()` in an English locale: full Unicode mapping (`ß` → `SS`).
pub fn to_upper_case(s: &str) -> String {
    s.to_uppercase()
}

/// `s.toLowerCase()` in an English locale: full Unicode mapping including the final
/// sigma rule and `İ` → `i̇` (two units), which is what Rust's mapping does too.
pub fn to_lower_case(s: &str) -> String {
    s.to_lowercase()
}

/// SEL `String.escape`: `\`, TAB, BS, LF, CR, FF and `"` become backslash escapes.
/// The reference does this with successive `replace` calls; none of them produces text a
/// later one would rewrite, so one pass is equivalent.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{c}' => out.push_str("\\f"),
            '"' => out.push_str("\\\""),
            c => out.push(c),
        }
    }
    out
}

/// Java `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 units, wrapping.
pub fn string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(u as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_substrings() {
        assert_eq!(utf16_len(""), 0);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("aé😀"), 4);
        assert_eq!(substring("abcdef", 2, 4).unwrap(), "cd");
        assert_eq!(substring("abcdef", 0, 0).unwrap(), "");
        assert_eq!(substring("abcdef", 6, 6).unwrap(), "");
        assert_eq!(substring("a😀b", 1, 3).unwrap(), "😀");
        assert_eq!(substring("a😀b", 3, 4).unwrap(), "b");
        assert_eq!(substring("a😀b", 1, 2).unwrap(), "\u{FFFD}");
        for (b, e, msg) in [
            (7, 6, "Range [7, 6) out of bounds for length 6"),
            (4, 2, "Range [4, 2) out of bounds for length 6"),
            (-1, 2, "Range [-1, 2) out of bounds for length 6"),
            (0, 7, "Range [0, 7) out of bounds for length 6"),
        ] {
            let e = substring("abcdef", b, e).unwrap_err();
            assert_eq!(e.kind, ErrorKind::StringIndexOutOfBoundsException);
            assert_eq!(e.message, msg);
        }
        assert_eq!(utf16_prefix("a😀b", 2), "a\u{FFFD}");
        assert_eq!(utf16_prefix("a😀b", 3), "a😀");
        assert_eq!(utf16_prefix("ab", 9), "ab");
    }

    #[test]
    fn comparisons() {
        assert_eq!(compare_to("apple", "b"), -1);
        assert_eq!(compare_to("a", "abc"), -2);
        assert_eq!(compare_to("abc", "a"), 2);
        assert_eq!(compare_to("A", "a"), -32);
        assert_eq!(compare_to("FooBar ", "oBa"), -41);
        assert_eq!(compare_to("abc", "abd"), -1);
        assert_eq!(compare_to("abc", "abc"), 0);
        // UTF-16 order: U+FFFF sorts after a surrogate pair.
        assert_eq!(compare_to("\u{FFFF}", "😀"), 0xFFFF - 0xD83D);
    }

    #[test]
    fn searching_and_trimming() {
        assert_eq!(last_index_of("abcabc", "z"), -1);
        assert_eq!(last_index_of("abcabc", ""), 6);
        assert_eq!(last_index_of("abcabc", "bc"), 4);
        assert_eq!(last_index_of("😀a😀a", "a"), 5);
        assert_eq!(trim("  padded \t\n"), "padded");
        assert_eq!(trim("\u{a0}x\u{a0}"), "\u{a0}x\u{a0}");
        assert_eq!(trim("\u{0}\u{1f}x"), "x");
    }

    #[test]
    fn case_mapping() {
        assert_eq!(to_upper_case("Hello"), "HELLO");
        assert_eq!(to_upper_case("straße"), "STRASSE");
        assert_eq!(to_lower_case("I"), "i");
        assert_eq!(utf16_len(&to_lower_case("İ")), 2);
        assert_eq!(to_lower_case("ΟΔΟΣ"), "οδος");
        assert_eq!(to_upper_case("ﬁ"), "FI");
    }

    #[test]
    fn escapes_and_hashes() {
        assert_eq!(escape("a\tb\"c\\d\ne"), "a\\tb\\\"c\\\\d\\ne");
        assert_eq!(escape("x\"y"), "x\\\"y");
        assert_eq!(escape("\r\u{c}\u{8}"), "\\r\\f\\b");
        assert_eq!(escape("'"), "'");
        assert_eq!(string_hash(""), 0);
        assert_eq!(string_hash("a"), 97);
        assert_eq!(string_hash("hello"), 99162322);
        assert_eq!(string_hash("polygenelubricants"), i32::MIN);
        assert_eq!(string_hash("😀"), 0xD83D * 31 + 0xDE00);
    }
}
