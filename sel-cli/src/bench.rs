//! `sel bench`: throughput of the evaluator on a benchmark file (JSON lines with `id`,
//! `name`, `expr`, optional `vars` and `expect`), the way Maestro uses it: every
//! evaluation parses and evaluates afresh (or, with `preparsed`, evaluates a program
//! parsed once). Results are checked against `expect` once before anything is timed.
//!
//! The fresh figures are the headline; unless `preparsed`, a second block, each line
//! prefixed `cached`, gives the same expressions on an evaluator with a program cache
//! ([`Evaluator::with_cache`]), the way a host that re-evaluates the same params runs.

use crate::conformance::{observation_clock_millis, run_case, Case, CompareMode, Verdict};
use sel_core::{Evaluator, FixedClock, Limits, Prepared, Value};
use serde::Deserialize;
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How to run the benchmark.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// Time spent on each expression, and again on the mix.
    pub seconds: f64,
    /// Evaluate programs parsed once instead of parsing every time.
    pub preparsed: bool,
    /// Run exactly this many evaluations of each expression (and rounds of the mix)
    /// instead of timing: reproducible instruction counts under a profiler.
    pub iterations: Option<u64>,
    /// Measure everything this many times, taking turns, and report the median of each:
    /// on a shared machine a single timing can be far off.
    pub runs: u32,
    /// Also measure with the program cache (ignored with `preparsed`).
    pub cached: bool,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            seconds: 1.0,
            preparsed: false,
            iterations: None,
            runs: 1,
            cached: true,
        }
    }
}

#[derive(Deserialize)]
struct Line {
    id: String,
    #[serde(default)]
    name: String,
    expr: String,
    #[serde(default)]
    vars: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    expect: Option<serde_json::Value>,
}

/// One benchmark expression, ready to run.
struct Item {
    id: String,
    name: String,
    expr: String,
    vars: HashMap<String, Value>,
    prepared: Option<Prepared>,
}

impl Item {
    #[inline]
    fn run(&self, ev: &Evaluator) -> Result<Value, sel_core::SelError> {
        match &self.prepared {
            Some(p) => ev.evaluate_prepared(p, &self.vars, None),
            None => ev.evaluate(&self.expr, &self.vars, None),
        }
    }
}

/// What a benchmark run produced.
#[derive(Clone, Debug, Default)]
pub struct BenchReport {
    /// `ID NAME: N evals/s` per expression, then `mix: N evals/s`.
    pub text: String,
    /// Expressions whose result differed from `expect`: not timed, not in the mix.
    pub wrong: Vec<String>,
}

/// Loads, checks and times the benchmark in `text`; fails if the file is malformed or
/// no expression gives its expected result.
pub fn bench(text: &str, opts: &BenchOptions) -> Result<BenchReport, String> {
    // Configured like the conformance runner (and Maestro): production limits, UTC,
    // Util.toJson; the clock is pinned so that results are reproducible.
    let ev = &Evaluator::new(Limits::default())
        .with_clock(Arc::new(FixedClock(observation_clock_millis())))
        .with_default_zone("UTC")
        .with_util_function("toJson", sel_core::maestro::to_json());
    let mut items = Vec::new();
    let mut wrong = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        if let Some(expect) = &l.expect {
            if let Err(e) = check(ev, &l, expect) {
                wrong.push(e);
                continue;
            }
        }
        let vars = l
            .vars
            .iter()
            .flatten()
            .map(|(k, v)| (k.clone(), Value::from_json(v)))
            .collect();
        let prepared = if opts.preparsed {
            Some(ev.prepare(&l.expr).map_err(|e| format!("{}: {e}", l.id))?)
        } else {
            None
        };
        items.push(Item {
            id: l.id,
            name: l.name,
            expr: l.expr,
            vars,
            prepared,
        });
    }
    if items.is_empty() {
        return Err(match wrong.is_empty() {
            true => "no benchmark expressions".into(),
            false => wrong.join("\n"),
        });
    }
    // One evaluator per block: fresh (the headline), then with the program cache.
    let mut blocks = vec![("", ev.clone())];
    if opts.cached && !opts.preparsed {
        blocks.push(("cached ", ev.clone().with_cache(2 * items.len())));
    }
    // One row of rates per expression and block, each block's mix last; the runs take
    // turns so that a burst of load elsewhere spoils one run of everything, not every
    // run of one.
    let width = items.len() + 1;
    let mut rates = vec![Vec::new(); width * blocks.len()];
    for _ in 0..opts.runs.max(1) {
        for ((_, ev), rows) in blocks.iter().zip(rates.chunks_mut(width)) {
            for (item, row) in items.iter().zip(rows.iter_mut()) {
                row.push(measure(opts, 1, || {
                    let _ = black_box(item.run(ev));
                }));
            }
            rows[items.len()].push(measure(opts, items.len() as u64, || {
                for item in &items {
                    let _ = black_box(item.run(ev));
                }
            }));
        }
    }
    let mut out = String::new();
    for ((prefix, _), rows) in blocks.iter().zip(rates.chunks_mut(width)) {
        for (item, row) in items.iter().zip(rows.iter_mut()) {
            out += &format!(
                "{prefix}{} {}: {} evals/s\n",
                item.id,
                item.name,
                median(row).round()
            );
        }
        out += &format!(
            "{prefix}mix: {} evals/s\n",
            median(&mut rows[items.len()]).round()
        );
    }
    Ok(BenchReport { text: out, wrong })
}

/// The median of some rates (the mean of the middle two for an even count).
fn median(rates: &mut [f64]) -> f64 {
    rates.sort_by(f64::total_cmp);
    match rates.len() {
        0 => 0.0,
        n if n % 2 == 1 => rates[n / 2],
        n => (rates[n / 2 - 1] + rates[n / 2]) / 2.0,
    }
}

/// Fails unless evaluating `l` gives its expected outcome (the conformance rules).
fn check(ev: &Evaluator, l: &Line, expect: &serde_json::Value) -> Result<(), String> {
    let case = Case {
        id: l.id.clone(),
        category: "bench".into(),
        expr: l.expr.clone(),
        vars: l.vars.clone(),
        var_types: None,
        sanitize: false,
        setup: Vec::new(),
        compare: CompareMode::Full,
        expect: expect.clone(),
    };
    match crate::conformance::compare(&case, &run_case(ev, &case)) {
        Verdict::Pass => Ok(()),
        Verdict::Fail(diffs) => Err(format!(
            "{} {}: wrong result before timing: {}",
            l.id,
            l.name,
            diffs.join("; ")
        )),
    }
}

/// Evaluations per second of `round` (which performs `per_round` evaluations): runs
/// rounds in growing batches until the time budget is spent.
fn measure(opts: &BenchOptions, per_round: u64, mut round: impl FnMut()) -> f64 {
    if let Some(n) = opts.iterations {
        let start = Instant::now();
        for _ in 0..n {
            round();
        }
        return (n * per_round) as f64 / start.elapsed().as_secs_f64().max(1e-9);
    }
    // Warm up caches and the allocator first.
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(50) {
        round();
    }
    let budget = Duration::from_secs_f64(opts.seconds.max(0.01));
    let start = Instant::now();
    let (mut done, mut batch) = (0u64, 1u64);
    loop {
        for _ in 0..batch {
            round();
        }
        done += batch;
        let elapsed = start.elapsed();
        if elapsed >= budget {
            return (done * per_round) as f64 / elapsed.as_secs_f64();
        }
        batch = (batch * 2).min(1 << 16);
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&mut [7.0]), 7.0);
        assert_eq!(median(&mut []), 0.0);
    }
}
