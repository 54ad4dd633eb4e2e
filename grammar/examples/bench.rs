//! Rough parse-time measurement over the benchmark expressions:
//! `cargo run --release --example bench -p sel-grammar`.
use std::time::Instant;

fn main() {
    let data = include_str!("../../tests/data/bench-exprs.jsonl");
    let exprs: Vec<String> = data
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v["expr"].as_str()?.to_string())
        })
        .collect();
    for e in &exprs {
        let n = 200_000;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(sel_grammar::parse(std::hint::black_box(e)));
        }
        let ns = t.elapsed().as_nanos() as f64 / n as f64;
        println!(
            "{ns:8.0} ns  {:4} chars  {}",
            e.len(),
            &e[..e.len().min(70)]
        );
    }
}
