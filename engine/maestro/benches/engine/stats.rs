//! Percentiles and medians of measured durations.

/// The `p`-th percentile (0–100) of `xs` by nearest rank; `xs` need not be sorted.
pub fn percentile(xs: &[f64], p: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

pub fn median(xs: &[f64]) -> f64 {
    percentile(xs, 50.0)
}

/// `[a, b, c]` with two decimals, for the per-run lists the docs quote.
pub fn list(xs: &[f64]) -> String {
    let items: Vec<String> = xs.iter().map(|x| format!("{x:.2}")).collect();
    format!("[{}]", items.join(", "))
}
