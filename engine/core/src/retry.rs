//! Retry policies (SPEC §1.8, §4.3): limits per failure kind and the fixed or exponential
//! backoff, resolved from a step's `retry_policy` whose fields may be interpolated.

use serde_json::{json, Map, Value as Json};

/// Which counter a failed attempt advances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    Error,
    Platform,
    Timeout,
}

impl FailureKind {
    fn prefix(self) -> &'static str {
        match self {
            FailureKind::Error => "error",
            FailureKind::Platform => "platform",
            FailureKind::Timeout => "timeout",
        }
    }
}

/// A resolved policy.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    pub error_retry_limit: i64,
    pub platform_retry_limit: i64,
    pub timeout_retry_limit: i64,
    /// The backoff object with every field filled in.
    pub backoff: Map<String, Json>,
}

const EXPONENTIAL: &str = "EXPONENTIAL_BACKOFF";
const FIXED: &str = "FIXED_BACKOFF";

fn default_backoff(kind: &str) -> Map<String, Json> {
    let v = if kind == FIXED {
        json!({"type": FIXED, "error_retry_backoff_in_secs": 60,
               "platform_retry_backoff_in_secs": 60, "timeout_retry_backoff_in_secs": 60})
    } else {
        json!({"type": EXPONENTIAL,
               "error_retry_backoff_in_secs": 60, "error_retry_exponent": 2,
               "error_retry_limit_in_secs": 600,
               "platform_retry_backoff_in_secs": 60, "platform_retry_exponent": 2,
               "platform_retry_limit_in_secs": 3600,
               "timeout_retry_backoff_in_secs": 60, "timeout_retry_exponent": 2,
               "timeout_retry_limit_in_secs": 3600})
    };
    match v {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            error_retry_limit: 2,
            platform_retry_limit: 10,
            timeout_retry_limit: 0,
            backoff: default_backoff(EXPONENTIAL),
        }
    }
}

/// Reads one ParsableLong field after interpolation: an integer, or for `*_in_secs`
/// fields a duration.
fn number(
    field: &str,
    v: &Json,
    interpolate: &dyn Fn(&str) -> Result<String, String>,
) -> Result<i64, String> {
    match v {
        Json::Number(n) => n
            .as_i64()
            .ok_or_else(|| format!("retry policy field [{field}] must be an integer")),
        Json::String(s) => {
            let text = interpolate(s)?;
            match text.trim().parse::<i64>() {
                Ok(i) => Ok(i),
                Err(_) if field.ends_with("_in_secs") => {
                    Ok(crate::duration::parse_duration_ms(&text) / 1000)
                }
                Err(_) => Err(format!(
                    "retry policy field [{field}] value [{text}] is not an integer"
                )),
            }
        }
        _ => Err(format!(
            "retry policy field [{field}] must be a number or a string"
        )),
    }
}

impl RetryPolicy {
    /// Resolves a step's `retry_policy` (JSON as written). Strings are interpolated by
    /// `interpolate` (workflow params).
    pub fn resolve(
        raw: Option<&Json>,
        interpolate: &dyn Fn(&str) -> Result<String, String>,
    ) -> Result<RetryPolicy, String> {
        let mut p = RetryPolicy::default();
        let Some(Json::Object(raw)) = raw else {
            return Ok(p);
        };
        for (field, slot) in [
            ("error_retry_limit", &mut p.error_retry_limit),
            ("platform_retry_limit", &mut p.platform_retry_limit),
            ("timeout_retry_limit", &mut p.timeout_retry_limit),
        ] {
            if let Some(v) = raw.get(field) {
                let n = number(field, v, interpolate)?;
                if !(0..=99).contains(&n) {
                    return Err(format!(
                        "retry policy [{field}] must be between 0 and 99, got {n}"
                    ));
                }
                *slot = n;
            }
        }
        if let Some(Json::Object(b)) = raw.get("backoff") {
            let kind = b
                .get("type")
                .and_then(Json::as_str)
                .map(str::to_ascii_uppercase)
                .unwrap_or_else(|| EXPONENTIAL.to_string());
            if kind != FIXED && kind != EXPONENTIAL {
                return Err(format!("unknown backoff type [{kind}]"));
            }
            let mut full = default_backoff(&kind);
            for (k, v) in b {
                if k == "type" {
                    continue;
                }
                if !full.contains_key(k) {
                    return Err(format!("unknown backoff field [{k}] for {kind}"));
                }
                let n = number(k, v, interpolate)?;
                let ok = if k.ends_with("_exponent") {
                    (0..=i64::from(i32::MAX)).contains(&n)
                } else {
                    (1..=86_400).contains(&n)
                };
                if !ok {
                    return Err(format!("backoff field [{k}] value {n} is out of range"));
                }
                full.insert(k.clone(), Json::from(n));
            }
            p.backoff = full;
        }
        Ok(p)
    }

    pub fn limit(&self, kind: FailureKind) -> i64 {
        match kind {
            FailureKind::Error => self.error_retry_limit,
            FailureKind::Platform => self.platform_retry_limit,
            FailureKind::Timeout => self.timeout_retry_limit,
        }
    }

    fn field(&self, name: &str) -> i64 {
        self.backoff.get(name).and_then(Json::as_i64).unwrap_or(0)
    }

    /// The delay before the next attempt, in ms, when `done` retries of `kind` happened.
    pub fn delay_ms(&self, kind: FailureKind, done: i64) -> i64 {
        let prefix = kind.prefix();
        let base = self.field(&format!("{prefix}_retry_backoff_in_secs"));
        let fixed = self.backoff.get("type").and_then(Json::as_str) == Some(FIXED);
        let secs = if fixed {
            base
        } else {
            let exp = self.field(&format!("{prefix}_retry_exponent")) as f64;
            let cap = self.field(&format!("{prefix}_retry_limit_in_secs"));
            let raw = (base as f64) * exp.powf(done as f64);
            (raw.floor().min(cap as f64)) as i64
        };
        secs.saturating_mul(1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(s: &str) -> Result<String, String> {
        Ok(s.to_string())
    }

    #[test]
    fn exponential_defaults() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_ms(FailureKind::Error, 0), 60_000);
        assert_eq!(p.delay_ms(FailureKind::Error, 1), 120_000);
        assert_eq!(p.delay_ms(FailureKind::Error, 5), 600_000);
        assert_eq!(p.delay_ms(FailureKind::Platform, 6), 3_600_000);
    }

    #[test]
    fn fixed_and_partial_policies() {
        let raw = json!({"error_retry_limit": 1, "backoff": {"type": "fixed_backoff", "error_retry_backoff_in_secs": 5}});
        let p = RetryPolicy::resolve(Some(&raw), &none).unwrap();
        assert_eq!(p.error_retry_limit, 1);
        assert_eq!(p.platform_retry_limit, 10);
        assert_eq!(p.delay_ms(FailureKind::Error, 3), 5_000);
        assert_eq!(p.delay_ms(FailureKind::Platform, 3), 60_000);
        let bad = json!({"error_retry_limit": 100});
        assert!(RetryPolicy::resolve(Some(&bad), &none).is_err());
        let dur = json!({"backoff": {"error_retry_backoff_in_secs": "2 minutes"}});
        let p = RetryPolicy::resolve(Some(&dur), &none).unwrap();
        assert_eq!(p.delay_ms(FailureKind::Error, 0), 120_000);
    }
}
