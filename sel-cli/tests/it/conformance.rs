//! Runs the whole public conformance corpus and fails on any case that fails without
//! being listed in `tests/data/known-divergences.txt`, or that is listed but passes.

use sel_cli::conformance::{load_cases, load_known_divergences, Report, Runner};

fn data(name: &str) -> String {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

#[test]
fn public_corpus_matches_the_reference() {
    let cases = load_cases(&data("sel-public.jsonl")).expect("corpus parses");
    assert!(
        cases.len() > 1000,
        "corpus looks truncated: {}",
        cases.len()
    );
    let known = load_known_divergences(&data("known-divergences.txt")).expect("list parses");
    let report = Report::run(&Runner::default(), &cases, &known);
    let rendered = report.render(true);
    println!("{rendered}");
    assert!(
        report.unexpected_failures().is_empty(),
        "{} cases fail without being listed as known divergences",
        report.unexpected_failures().len()
    );
    assert!(
        report.stale_divergences().is_empty(),
        "known divergences that pass now (remove them from the list): {:?}",
        report
            .stale_divergences()
            .iter()
            .map(|r| &r.id)
            .collect::<Vec<_>>()
    );
    assert!(
        report.unknown_ids.is_empty(),
        "unknown ids: {:?}",
        report.unknown_ids
    );
}

#[test]
fn benchmark_expressions_match_the_reference() {
    let cases = load_cases(&data("bench-exprs.jsonl")).expect("bench file parses");
    assert_eq!(cases.len(), 20);
    let report = Report::run(&Runner::default(), &cases, &Default::default());
    assert_eq!(report.passed(), 20, "{}", report.render(true));
}

/// Cases whose expected results were derived from reading the reference's sources
/// (not observed on it): argument checks of host functions, null arguments, a thrown
/// null String, `String.format` past the memory limit.
#[test]
fn fidelity_cases_match_the_reference_sources() {
    let cases = load_cases(&data("sel-fidelity.jsonl")).expect("fidelity file parses");
    assert!(cases.len() >= 20, "{}", cases.len());
    let report = Report::run(&Runner::default(), &cases, &Default::default());
    assert_eq!(report.passed(), cases.len(), "{}", report.render(true));
}

/// The whole corpus through an evaluator with a program cache, twice (the second pass
/// all hits): the same outcome as without it for every deterministic case, and the
/// same verdict for the others. The cache is smaller than the corpus, so eviction runs
/// too.
#[test]
fn the_program_cache_changes_no_outcome() {
    use sel_cli::conformance::{compare, CompareMode};
    let mut cases = load_cases(&data("sel-public.jsonl")).expect("corpus parses");
    cases.extend(load_cases(&data("sel-fidelity.jsonl")).expect("fidelity file parses"));
    let fresh = Runner::default();
    let cached = Runner::default().with_cache(cases.len() / 2);
    let deterministic =
        |c: &sel_cli::conformance::Case| c.compare == CompareMode::Full && c.setup.is_empty();
    for pass in 0..2 {
        for case in &cases {
            let (want, got) = (fresh.run(case), cached.run(case));
            if deterministic(case) {
                assert_eq!(got, want, "pass {pass}: {}", case.id);
            } else {
                assert_eq!(compare(case, &got), compare(case, &want), "{}", case.id);
            }
        }
    }
    let stats = cached.cache_stats().expect("a cache");
    assert!(stats.hits > cases.len() as u64, "{stats:?}");
    assert_eq!(stats.entries, stats.capacity, "{stats:?}");
}
