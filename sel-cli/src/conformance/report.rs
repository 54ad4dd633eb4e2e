//! Running a whole corpus and reporting: per-category table, totals, known divergences.

use super::case::Case;
use super::compare::{compare, Verdict};
use super::run::{Actual, Runner};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Reads a known-divergences file: one case id per line followed by its reason;
/// `#` starts a comment line. Returns id → reason. A line without a reason is an error:
/// every divergence must say why.
pub fn load_known_divergences(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, reason) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("line {}: `{line}` has no reason", i + 1))?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(format!("line {}: `{id}` has no reason", i + 1));
        }
        if out.insert(id.to_string(), reason.to_string()).is_some() {
            return Err(format!("line {}: `{id}` is listed twice", i + 1));
        }
    }
    Ok(out)
}

/// The outcome of one case.
#[derive(Clone, Debug)]
pub struct CaseResult {
    pub id: String,
    pub category: String,
    pub actual: Actual,
    pub verdict: Verdict,
    /// The reason, if the case is listed as a known divergence.
    pub known: Option<String>,
}

/// The outcome of a corpus run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub results: Vec<CaseResult>,
    /// Ids listed as known divergences that are not in the corpus at all.
    pub unknown_ids: Vec<String>,
}

impl Report {
    /// Runs every case.
    pub fn run(runner: &Runner, cases: &[Case], known: &BTreeMap<String, String>) -> Report {
        let results = cases
            .iter()
            .map(|case| {
                let actual = runner.run(case);
                let verdict = compare(case, &actual);
                CaseResult {
                    id: case.id.clone(),
                    category: case.category.clone(),
                    actual,
                    verdict,
                    known: known.get(&case.id).cloned(),
                }
            })
            .collect::<Vec<_>>();
        let ids: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        let unknown_ids = known
            .keys()
            .filter(|k| !ids.contains(k.as_str()))
            .cloned()
            .collect();
        Report {
            results,
            unknown_ids,
        }
    }

    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.verdict.passed()).count()
    }

    /// Failing cases that are not listed as known divergences.
    pub fn unexpected_failures(&self) -> Vec<&CaseResult> {
        self.results
            .iter()
            .filter(|r| !r.verdict.passed() && r.known.is_none())
            .collect()
    }

    /// Failing cases that are listed as known divergences.
    pub fn known_failures(&self) -> Vec<&CaseResult> {
        self.results
            .iter()
            .filter(|r| !r.verdict.passed() && r.known.is_some())
            .collect()
    }

    /// Listed cases that pass now: the list should drop them.
    pub fn stale_divergences(&self) -> Vec<&CaseResult> {
        self.results
            .iter()
            .filter(|r| r.verdict.passed() && r.known.is_some())
            .collect()
    }

    /// Per-category counts: (total, passed, known failures).
    pub fn by_category(&self) -> BTreeMap<&str, (usize, usize, usize)> {
        let mut map: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for r in &self.results {
            let e = map.entry(r.category.as_str()).or_default();
            e.0 += 1;
            if r.verdict.passed() {
                e.1 += 1;
            } else if r.known.is_some() {
                e.2 += 1;
            }
        }
        map
    }

    /// The per-category table, the failures (with `verbose`) and the closing
    /// `N passed, M failed` line, where M counts failures not listed as known.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<22} {:>6} {:>6} {:>6} {:>6} {:>8}",
            "category", "cases", "pass", "fail", "known", "pass %"
        );
        for (cat, (total, pass, known)) in self.by_category() {
            let fail = total - pass - known;
            let _ = writeln!(
                s,
                "{:<22} {:>6} {:>6} {:>6} {:>6} {:>7.1}%",
                cat,
                total,
                pass,
                fail,
                known,
                100.0 * pass as f64 / total.max(1) as f64
            );
        }
        if verbose {
            for r in self.unexpected_failures() {
                let _ = writeln!(s, "FAIL {} [{}]", r.id, r.category);
                if let Verdict::Fail(diffs) = &r.verdict {
                    for d in diffs {
                        let _ = writeln!(s, "    {d}");
                    }
                }
            }
        }
        for r in self.stale_divergences() {
            let _ = writeln!(s, "stale known divergence (passes now): {}", r.id);
        }
        for id in &self.unknown_ids {
            let _ = writeln!(s, "known divergence not in the corpus: {id}");
        }
        let known = self.known_failures().len();
        if known > 0 {
            let _ = writeln!(s, "{known} known divergences");
        }
        let _ = writeln!(
            s,
            "{} passed, {} failed",
            self.passed(),
            self.unexpected_failures().len()
        );
        s
    }

    /// One JSON line per case: `{"id": ..., "actual": {...}}`.
    pub fn results_jsonl(&self) -> String {
        let mut s = String::new();
        for r in &self.results {
            let line = json!({"id": r.id, "actual": r.actual.0});
            let _ = writeln!(s, "{line}");
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::load_known_divergences;

    #[test]
    fn divergence_file_needs_reasons() {
        let ok = load_known_divergences("# c\nsel-1 reason one\n\nsel-2  two words\n").unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok["sel-2"], "two words");
        assert_eq!(
            load_known_divergences("sel-1\n").unwrap_err(),
            "line 1: `sel-1` has no reason"
        );
        assert_eq!(
            load_known_divergences("a x\na y\n").unwrap_err(),
            "line 2: `a` is listed twice"
        );
    }
}
