//! Timeouts and durations (SPEC §1.6, §1.9): a ParsableLong is a number of seconds or a
//! string, interpolated with workflow params, that is an integer or a duration such as
//! `"20 minutes"` or `"1d 2h"`.

use serde_json::Value as Json;

/// Maestro's default step and workflow timeout: 10 days.
pub const DEFAULT_TIMEOUT_MS: i64 = 10 * 24 * 3600 * 1000;
/// The longest timeout allowed: 120 days.
pub const MAX_TIMEOUT_MS: i64 = 120 * 24 * 3600 * 1000;

/// Sums every `<integer><unit>` component of `text` (unknown text is ignored), in ms.
pub fn parse_duration_ms(text: &str) -> i64 {
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut total: i64 = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let Ok(n) = lower[start..i].parse::<i64>() else {
            continue;
        };
        let mut j = i;
        if j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let word_end = (j..b.len())
            .find(|&k| !b[k].is_ascii_alphabetic())
            .unwrap_or(b.len());
        let unit = match &lower[j..word_end] {
            "d" | "day" | "days" => 86_400_000,
            "h" | "hour" | "hours" => 3_600_000,
            "min" | "minute" | "minutes" => 60_000,
            "s" | "sec" | "second" | "seconds" => 1000,
            "ms" | "millisecond" | "milliseconds" => 1,
            _ => 0,
        };
        if unit > 0 {
            total = total.saturating_add(n.saturating_mul(unit));
            i = word_end;
        }
    }
    total
}

/// Resolves a timeout value (already interpolated when it was a string) to ms, with the
/// bounds check of §1.9.
pub fn timeout_ms(value: &Json) -> Result<i64, String> {
    let ms = match value {
        Json::Number(n) => match n.as_i64() {
            Some(s) if s >= 0 => s.saturating_mul(1000),
            _ => return Err(format!("timeout [{n}] must be a non-negative integer")),
        },
        Json::String(s) => match s.trim().parse::<i64>() {
            Ok(secs) => secs.saturating_mul(1000),
            Err(_) => parse_duration_ms(s),
        },
        other => return Err(format!("timeout [{other}] must be a number or a string")),
    };
    if ms <= 0 || ms > MAX_TIMEOUT_MS {
        return Err(format!(
            "timeout [{}] must be greater than 0 and at most 120 days",
            crate::value::render(value)
        ));
    }
    Ok(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn durations_sum_their_components() {
        assert_eq!(parse_duration_ms("100s"), 100_000);
        assert_eq!(parse_duration_ms("20 minutes"), 1_200_000);
        assert_eq!(parse_duration_ms("1d2h"), 93_600_000);
        assert_eq!(parse_duration_ms("1d 2h"), 93_600_000);
        assert_eq!(parse_duration_ms("30min"), 1_800_000);
        assert_eq!(parse_duration_ms("soon"), 0);
    }

    #[test]
    fn timeouts_are_checked() {
        assert_eq!(timeout_ms(&json!(100)), Ok(100_000));
        assert_eq!(timeout_ms(&json!("15")), Ok(15_000));
        assert_eq!(timeout_ms(&json!("2h")), Ok(7_200_000));
        assert!(timeout_ms(&json!("soon")).is_err());
        assert!(timeout_ms(&json!("121 days")).is_err());
    }
}
