//! Parses every expression of a benchmark file (JSON lines with an `expr` field) a
//! given number of times: a fixed, reproducible workload for instruction counting
//! (`valgrind --tool=callgrind target/release/examples/parse_loop FILE N`), where the
//! cost per parse is the difference between two runs with different `N` divided by the
//! difference in `N`, so the start-up and file reading cancel out.

use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("usage: parse_loop FILE.jsonl N");
    let n: u64 = args.next().map_or(1, |s| s.parse().expect("N is a number"));
    let text = std::fs::read_to_string(&file).expect("readable file");
    let exprs: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let j: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            j["expr"].as_str().expect("expr field").to_string()
        })
        .collect();
    for _ in 0..n {
        for e in &exprs {
            black_box(sel_grammar::parse(black_box(e)));
        }
    }
}
