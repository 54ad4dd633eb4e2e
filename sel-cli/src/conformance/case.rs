//! Reading corpus cases from JSON lines.

use serde::Deserialize;
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// How strictly a case's outcome is compared (see the corpus README).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareMode {
    /// ok, type, value, display, refs, error and cause must all match.
    Full,
    /// The value is nondeterministic: ok and type only.
    Type,
    /// The error text is environment specific: ok and the exception class only.
    ErrorClass,
}

/// One corpus case.
#[derive(Clone, Debug, Deserialize)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub category: String,
    pub expr: String,
    #[serde(default)]
    pub vars: Option<serde_json::Map<String, Json>>,
    #[serde(default)]
    pub var_types: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub sanitize: bool,
    #[serde(default)]
    pub setup: Vec<String>,
    #[serde(default = "default_compare")]
    pub compare: CompareMode,
    pub expect: Json,
}

fn default_compare() -> CompareMode {
    CompareMode::Full
}

/// Parses a JSON-lines corpus. Blank lines are skipped; a malformed line is an error
/// naming its line number.
pub fn load_cases(text: &str) -> Result<Vec<Case>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}
