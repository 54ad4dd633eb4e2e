//! The language server's document analysis (`sel_lsp::document::Analysis::build`) on
//! `.sel` files and JSON/YAML workflows, then every per-position feature (completion,
//! hover, definition, signature help) at offsets picked by the fuzzer, semantic tokens,
//! symbols, inlay hints (which evaluate SEL) and an incremental edit at fuzzed LSP
//! positions: none may panic.
//!
//! Input: a header byte (language), two position bytes for the edit, then the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sel_lsp::analysis::{
    completion, definition, hover, inlay, semantic_tokens, signature, symbols,
};
use sel_lsp::document::{Analysis, Document, Language};
use sel_lsp::workflow::ParseCache;
use tower_lsp_server::gen_lsp_types::{
    Position, Range, TextDocumentContentChangeEvent, TextDocumentContentChangePartial,
};

fuzz_target!(|data: &[u8]| {
    let [lang, a, b, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let language = match lang % 3 {
        0 => Language::Sel,
        1 => Language::Json,
        _ => Language::Yaml,
    };
    let mut doc = Document::new(text.to_string(), 1, language);
    let analysis = Analysis::build(&doc, &ParseCache::default(), &mut ParseCache::default());
    let workflow = analysis.workflow.as_ref();
    let len = text.len();
    let mut offsets = vec![0, len, (*a as usize * len) / 255, (*b as usize * len) / 255];
    offsets.extend(
        text.char_indices()
            .filter(|(_, c)| *c == '.' || *c == '(')
            .map(|(i, _)| i + 1)
            .take(4),
    );
    for d in offsets {
        let _ = analysis.index.position(text, d.min(len));
        if let Some((unit, o)) = analysis.unit_at(d) {
            let _ = completion::complete(unit, workflow, o);
            let _ = hover::hover(unit, workflow, o);
            let _ = definition::definition(unit, workflow, o);
            let _ = signature::help(unit, workflow, o);
        }
    }
    let mut toks = Vec::new();
    for unit in &analysis.units {
        semantic_tokens::tokens(unit, &mut toks);
        let _ = symbols::sel_symbols(unit);
    }
    if let Some(w) = workflow {
        let _ = symbols::workflow_symbols(w);
        let _ = inlay::hints(w);
    }
    // An edit at arbitrary (possibly out-of-range) LSP positions.
    let pos = |x: u8| Position::new(u32::from(x >> 4), u32::from(x & 15));
    let change = TextDocumentContentChangeEvent::TextDocumentContentChangePartial(
        TextDocumentContentChangePartial::new(Range::new(pos(*a), pos(*b)), None, "é(".to_string()),
    );
    doc.apply(vec![change], 2);
    let _ = Analysis::build(&doc, &ParseCache::default(), &mut ParseCache::default());
});
