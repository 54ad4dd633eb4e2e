//! Parse throughput of each benchmark expression (tests/data/bench-exprs.jsonl) and of
//! all 20 in turn. Run with `cargo bench -p sel-grammar`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn exprs() -> Vec<(String, String)> {
    let text = include_str!("../../tests/data/bench-exprs.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let j: serde_json::Value = serde_json::from_str(l).expect("bench line is JSON");
            let s = |k: &str| j[k].as_str().unwrap_or_default().to_string();
            (format!("{} {}", s("id"), s("name")), s("expr"))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let exprs = exprs();
    let mut g = c.benchmark_group("parse");
    for (name, expr) in &exprs {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| sel_grammar::parse(black_box(expr)))
        });
    }
    g.throughput(Throughput::Elements(exprs.len() as u64));
    g.bench_function("mix", |b| {
        b.iter(|| {
            for (_, expr) in &exprs {
                black_box(sel_grammar::parse(black_box(expr)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
