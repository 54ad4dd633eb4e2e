//! The engine benchmarks of issue 11 ("Speed"), figures in docs/benchmarks.md:
//!
//! - `latency`: step-to-step latency of a NoOp chain, measured by wall-clock probes in
//!   the step runtime, with the core driven the way the run actor drives it;
//! - `chain` / `fanout`: wall time of a 1,000-step NoOp chain and of a 1 → 1,000 → 1
//!   fan-out through the real engine host (actor, store);
//! - `api`: instances per second for 1,000 instances of a 10-step workflow started over
//!   HTTP against a real `maestro server` process (the release binary).
//!
//! A plain binary (`harness = false`) rather than a statistics framework: every figure is
//! a median of whole runs, which is what the issue asks for, and the parts need a
//! database and a server process that a micro-benchmark loop would not manage.

mod api;
mod chain;
mod http;
mod latency;
mod stats;
mod workflows;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo bench -p maestro --bench engine -- [OPTIONS] [PART]...

PART: latency, chain, fanout, api (default: all four)

OPTIONS:
  --database URL   sqlite://PATH (default: a fresh file in a temporary directory)
                   or postgres://USER@HOST:PORT/DB (use a database of its own)
  --runs N         repetitions of each in-process figure (default 5)
  --steps N        chain length and fan-out width (default 1000)
  --instances N    instances started through the API (default 1000)
  --concurrency N  HTTP clients starting them (default 8)

examples:
  cargo bench -p maestro --bench engine -- latency chain
  cargo bench -p maestro --bench engine -- --database postgres://postgres@127.0.0.1:5432/bench_x api
";

pub struct Options {
    pub database: String,
    pub runs: usize,
    pub steps: usize,
    pub instances: usize,
    pub concurrency: usize,
    pub parts: Vec<String>,
    /// Keeps the temporary SQLite directory alive.
    _tmp: Option<tempfile::TempDir>,
}

fn parse() -> Result<Options, String> {
    let mut database = None;
    let (mut runs, mut steps, mut instances, mut concurrency) = (5, 1000, 1000, 8);
    let mut parts = Vec::new();
    let mut args = std::env::args().skip(1);
    let num = |v: Option<String>, name: &str| -> Result<usize, String> {
        v.and_then(|s| s.parse().ok())
            .filter(|n: &usize| *n > 0)
            .ok_or_else(|| format!("{name} needs a positive number"))
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            // cargo bench passes --bench to every bench binary.
            "--bench" => {}
            "--help" | "-h" => return Err(String::new()),
            "--database" => database = Some(args.next().ok_or("--database needs a URL")?),
            "--runs" => runs = num(args.next(), "--runs")?,
            "--steps" => steps = num(args.next(), "--steps")?,
            "--instances" => instances = num(args.next(), "--instances")?,
            "--concurrency" => concurrency = num(args.next(), "--concurrency")?,
            p @ ("latency" | "chain" | "fanout" | "api") => parts.push(p.to_string()),
            other => return Err(format!("unknown argument [{other}]")),
        }
    }
    if parts.is_empty() {
        parts = ["latency", "chain", "fanout", "api"]
            .map(String::from)
            .to_vec();
    }
    let mut tmp = None;
    let database = match database {
        Some(d) => d,
        None => {
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            let url = format!("sqlite://{}", dir.path().join("bench.db").display());
            tmp = Some(dir);
            url
        }
    };
    Ok(Options {
        database,
        runs,
        steps,
        instances,
        concurrency,
        parts,
        _tmp: tmp,
    })
}

fn main() -> ExitCode {
    let opts = match parse() {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("engine bench: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    println!("database: {}", opts.database);
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("engine bench: cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    for part in &opts.parts {
        let r = match part.as_str() {
            "latency" => rt.block_on(latency::run(&opts)),
            "chain" => rt.block_on(chain::run(&opts, chain::Shape::Chain)),
            "fanout" => rt.block_on(chain::run(&opts, chain::Shape::FanOut)),
            _ => api::run(&opts),
        };
        if let Err(e) = r {
            eprintln!("engine bench: {part}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
