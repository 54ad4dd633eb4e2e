//! Latency on a generated workflow document with 2,000 params (half literals, half
//! expressions over earlier params): completion inside a param expression through the
//! in-process protocol service, and the analysis that produces diagnostics after an
//! incremental edit (what the debounced task runs; the 30 ms debounce itself is not
//! counted), and references of one param (the name index rename also uses). Prints
//! p50/p99 over 1,000 samples each (200 for references), then runs criterion.

#[path = "../tests/it/common/mod.rs"]
mod common;

use criterion::{criterion_group, Criterion};
use sel_lsp::document::{Analysis, Document, Language};
use sel_lsp::workflow::ParseCache;
use std::time::{Duration, Instant};
use tower_lsp_server::gen_lsp_types::{
    Position, Range, TextDocumentContentChangeEvent, TextDocumentContentChangePartial,
};

const PARAMS: usize = 2000;

/// `{"workflow": {"id": ..., "params": {p0: literal, p1: "p0 + 1", ...}, "steps": [...]}}`
fn document() -> String {
    let mut params = Vec::new();
    for i in 0..PARAMS {
        let def = if i % 2 == 0 {
            format!("\"p{i}\": {{\"type\": \"LONG\", \"value\": {i}}}")
        } else {
            format!(
                "\"p{i}\": {{\"type\": \"LONG\", \"expression\": \"p{} * 2 + Math.max(p{}, {i})\"}}",
                i - 1,
                i - 1
            )
        };
        params.push(format!("      {def}"));
    }
    format!(
        "{{\n  \"workflow\": {{\n    \"id\": \"bench_wf\",\n    \"params\": {{\n{}\n    }},\n    \"steps\": [{{\"step\": {{\"id\": \"s1\", \"type\": \"NoOp\"}}}}]\n  }}\n}}\n",
        params.join(",\n")
    )
}

/// Line and UTF-16 column of the first occurrence of `needle`.
fn pos(text: &str, needle: &str) -> (u32, u32) {
    common::pos(text, needle, 0)
}

fn percentiles(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    println!(
        "{name}: n={} p50={:.3} ms p99={:.3} ms max={:.3} ms",
        samples.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
}

/// An edit of one expression in the middle of the document (the first name in p1001's
/// expression, at `(l, c)`), alternating two texts so each analysis sees a change.
fn edit((l, c): (u32, u32), flip: bool) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent::TextDocumentContentChangePartial(
        #[allow(deprecated)]
        TextDocumentContentChangePartial {
            range: Range::new(Position::new(l, c), Position::new(l, c + 5)),
            range_length: None,
            text: if flip { "p0998".into() } else { "p1000".into() },
        },
    )
}

fn analysis_after_edit(
    doc: &mut Document,
    cache: &mut ParseCache,
    at: (u32, u32),
    flip: bool,
) -> usize {
    let change = edit(at, flip);
    let version = doc.version + 1;
    doc.apply(vec![change], version);
    let mut next = ParseCache::default();
    let a = Analysis::build(doc, cache, &mut next);
    *cache = next;
    a.diagnostics.len()
}

fn benches(c: &mut Criterion) {
    let text = document();
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let mut client = rt.block_on(async {
        let mut client = common::Client::start().await;
        client.open("file:///bench.json", "json", &text).await;
        client.diagnostics("file:///bench.json", 1).await;
        client
    });
    // At the start of p1001's expression (nothing typed: every name, ranked, cut at
    // 100) and after its first name `p1000` (typed: filtered by the prefix).
    let (line, col) = pos(&text, "p1000 * 2");
    for (what, at, first) in [
        ("nothing typed", col, "p0"),
        ("`p1000` typed", col + 5, "p1000"),
    ] {
        let mut complete =
            || rt.block_on(client.at("textDocument/completion", "file:///bench.json", line, at));
        let list = complete();
        assert_eq!(list["items"][0]["label"], first, "{what}");
        assert_eq!(list["isIncomplete"], what == "nothing typed");
        let samples = (0..1000)
            .map(|_| {
                let t = Instant::now();
                complete();
                t.elapsed()
            })
            .collect();
        percentiles(
            &format!("completion, {what} (2,000 params, protocol round trip)"),
            samples,
        );
        c.bench_function(&format!("completion_2000_params_{}", first), |b| {
            b.iter(&mut complete)
        });
    }

    // References of `p1000` (its key, and its two uses in p1001's expression): the
    // whole-document index of names that references and rename build per request.
    let (line, col) = pos(&text, "p1000 * 2");
    let mut references = || {
        rt.block_on(client.request(
            "textDocument/references",
            serde_json::json!({"textDocument": {"uri": "file:///bench.json"},
                "position": {"line": line, "character": col},
                "context": {"includeDeclaration": true}}),
        ))
    };
    assert_eq!(references().as_array().map(Vec::len), Some(3));
    let samples = (0..200)
        .map(|_| {
            let t = Instant::now();
            references();
            t.elapsed()
        })
        .collect();
    percentiles("references (2,000 params, protocol round trip)", samples);

    let mut doc = Document::new(text.clone(), 1, Language::Json);
    let mut cache = ParseCache::default();
    let mut next = ParseCache::default();
    Analysis::build(&doc, &cache, &mut next);
    cache = next;
    let at = pos(&text, "p1000 * 2");
    let mut flip = false;
    let samples = (0..1000)
        .map(|_| {
            flip = !flip;
            let t = Instant::now();
            analysis_after_edit(&mut doc, &mut cache, at, flip);
            t.elapsed()
        })
        .collect();
    percentiles("diagnostics after an edit (2,000 params)", samples);
    c.bench_function("diagnostics_after_edit_2000_params", |b| {
        b.iter(|| {
            flip = !flip;
            analysis_after_edit(&mut doc, &mut cache, at, flip)
        })
    });
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(10));
    targets = benches
}

fn main() {
    group();
    Criterion::default().configure_from_args().final_summary();
}
