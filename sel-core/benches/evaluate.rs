//! Parse + evaluate throughput of each benchmark expression (tests/data/bench-exprs.jsonl),
//! afresh every time as Maestro does, then the 20 taken in turn ("mix"), then each on a
//! program parsed once. Run with `cargo bench -p sel-core`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sel_core::{Evaluator, FixedClock, Limits, Value};
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Arc;

struct Case {
    id: String,
    name: String,
    expr: String,
    vars: HashMap<String, Value>,
}

fn cases() -> Vec<Case> {
    let text = include_str!("../../tests/data/bench-exprs.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let j: serde_json::Value = serde_json::from_str(l).expect("bench line is JSON");
            let s = |k: &str| j[k].as_str().unwrap_or_default().to_string();
            let vars = j["vars"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), Value::from_json(v)))
                        .collect()
                })
                .unwrap_or_default();
            Case {
                id: s("id"),
                name: s("name"),
                expr: s("expr"),
                vars,
            }
        })
        .collect()
}

/// Configured like the conformance runner: production limits, UTC, a pinned clock.
fn evaluator() -> Evaluator {
    Evaluator::new(Limits::default())
        .with_clock(Arc::new(FixedClock(1_795_290_735_913)))
        .with_default_zone("UTC")
        .with_util_function("toJson", sel_core::maestro::to_json())
}

fn bench(c: &mut Criterion) {
    let ev = evaluator();
    let cases = cases();
    let mut g = c.benchmark_group("parse+evaluate");
    for case in &cases {
        g.bench_function(format!("{} {}", case.id, case.name), |b| {
            b.iter(|| ev.evaluate(black_box(&case.expr), &case.vars, None))
        });
    }
    g.throughput(Throughput::Elements(cases.len() as u64));
    g.bench_function("mix", |b| {
        b.iter(|| {
            for case in &cases {
                let _ = black_box(ev.evaluate(black_box(&case.expr), &case.vars, None));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("evaluate (pre-parsed)");
    for case in &cases {
        let Ok(p) = ev.prepare(&case.expr) else {
            continue;
        };
        g.bench_function(format!("{} {}", case.id, case.name), |b| {
            b.iter(|| ev.evaluate_prepared(black_box(&p), &case.vars, None))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
