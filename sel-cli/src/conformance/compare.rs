//! Comparing what a case produced with what the reference produced.

use super::case::{Case, CompareMode};
use super::run::Actual;
use serde_json::Value as Json;

/// The outcome of comparing one case.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Pass,
    /// Each entry names a field and shows expected vs actual.
    Fail(Vec<String>),
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Pass)
    }
}

/// Compares `actual` with the case's `expect` according to its compare mode.
pub fn compare(case: &Case, actual: &Actual) -> Verdict {
    let expect = &case.expect;
    let actual = normalize_hashes(&actual.0);
    let fields: &[&str] = match (case.compare, expect.get("ok")) {
        (CompareMode::Full, Some(Json::Bool(true))) => &["ok", "type", "value", "display", "refs"],
        (CompareMode::Full, _) => &["ok", "error", "cause", "refs", "refs_error"],
        (CompareMode::Type, _) => &["ok", "type"],
        (CompareMode::ErrorClass, _) => &["ok"],
    };
    let mut diffs = Vec::new();
    for field in fields {
        let (e, a) = (expect.get(*field), actual.get(*field));
        if e != a {
            diffs.push(format!("{field}: expected {} got {}", show(e), show(a)));
        }
    }
    if case.compare == CompareMode::ErrorClass {
        let class = |j: &Json| {
            j.get("error")
                .and_then(Json::as_str)
                .map(|s| s.split(':').next().unwrap_or("").to_string())
        };
        if class(expect) != class(&actual) {
            diffs.push(format!(
                "error class: expected {:?} got {:?}",
                class(expect),
                class(&actual)
            ));
        }
    }
    if diffs.is_empty() {
        Verdict::Pass
    } else {
        Verdict::Fail(diffs)
    }
}

fn show(v: Option<&Json>) -> String {
    match v {
        None => "(absent)".into(),
        Some(v) => v.to_string(),
    }
}

/// The corpus replaced Java identity hash codes (`@1b6d3586`) by `@HASH`; do the same
/// to our strings so the deterministic stand-ins compare equal.
fn normalize_hashes(v: &Json) -> Json {
    match v {
        Json::String(s) => Json::String(replace_hashes(s)),
        Json::Array(a) => Json::Array(a.iter().map(normalize_hashes).collect()),
        Json::Object(o) => Json::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), normalize_hashes(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Replaces every `@` followed by one or more hex digits (up to a non-alphanumeric
/// character or the end) with `@HASH`.
fn replace_hashes(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'@' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_hexdigit() {
                j += 1;
            }
            let ends_word =
                j == bytes.len() || !(bytes[j].is_ascii_alphanumeric() || bytes[j] >= 0x80);
            if j > i + 1 && ends_word {
                out.push_str("@HASH");
                i = j;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::replace_hashes;

    #[test]
    fn hashes_are_normalised() {
        assert_eq!(replace_hashes("[J@0"), "[J@HASH");
        assert_eq!(
            replace_hashes("x[Lcom.a.B;@7fcb697, y"),
            "x[Lcom.a.B;@HASH, y"
        );
        assert_eq!(replace_hashes("mail@host"), "mail@host");
        assert_eq!(replace_hashes("@"), "@");
        assert_eq!(replace_hashes("é@ab1é"), "é@ab1é");
    }
}
