//! Parses one expression many times (for `perf stat`):
//! `cargo run --release --example count -p sel-grammar -- 'expr' [n]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let e = args.next().unwrap_or_default();
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    for _ in 0..n {
        std::hint::black_box(sel_grammar::parse(std::hint::black_box(&e)));
    }
}
