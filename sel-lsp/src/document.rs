//! An open document: its text (kept in sync incrementally), its line index, and the
//! analysis of one version of it.

use crate::analysis::{diagnostics, Diag, Unit, UnitMap};
use crate::line_index::LineIndex;
use crate::workflow::{self, ParseCache, Workflow};
use maestro_model::Format;
use std::sync::Arc;
use tower_lsp_server::gen_lsp_types::{Range, TextDocumentContentChangeEvent};

/// What kind of text a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Sel,
    Json,
    Yaml,
}

impl Language {
    /// From the client's language id, else from the file name.
    pub fn detect(language_id: &str, uri: &str) -> Language {
        match language_id {
            "sel" => return Language::Sel,
            "json" | "jsonc" => return Language::Json,
            "yaml" => return Language::Yaml,
            _ => {}
        }
        let lower = uri.to_ascii_lowercase();
        if lower.ends_with(".sel") {
            Language::Sel
        } else if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Language::Yaml
        } else {
            Language::Json
        }
    }
}

/// The text of an open document.
#[derive(Clone, Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    pub language: Language,
    pub index: LineIndex,
}

impl Document {
    pub fn new(text: String, version: i32, language: Language) -> Document {
        let index = LineIndex::new(&text);
        Document {
            text,
            version,
            language,
            index,
        }
    }

    /// Applies `didChange` events in order: ranged ones splice, others replace the text.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32) {
        for change in changes {
            match change_range(&change) {
                Some(range) => {
                    let start = self.index.offset(&self.text, range.start);
                    let end = self.index.offset(&self.text, range.end).max(start);
                    self.text.replace_range(start..end, change_text(&change));
                }
                None => self.text = change_text(&change).to_string(),
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
    }
}

fn change_range(c: &TextDocumentContentChangeEvent) -> Option<Range> {
    match c {
        TextDocumentContentChangeEvent::TextDocumentContentChangePartial(p) => Some(p.range),
        TextDocumentContentChangeEvent::TextDocumentContentChangeWholeDocument(_) => None,
    }
}

fn change_text(c: &TextDocumentContentChangeEvent) -> &str {
    match c {
        TextDocumentContentChangeEvent::TextDocumentContentChangePartial(p) => &p.text,
        TextDocumentContentChangeEvent::TextDocumentContentChangeWholeDocument(w) => &w.text,
    }
}

/// Everything known about one version of a document.
#[derive(Debug)]
pub struct Analysis {
    pub version: i32,
    pub text: Arc<str>,
    pub index: LineIndex,
    pub language: Language,
    pub units: Vec<Unit>,
    pub workflow: Option<Workflow>,
    pub diagnostics: Vec<Diag>,
    /// Inlay hints, computed on the first request (evaluation is the slow part).
    pub hints: std::sync::OnceLock<Arc<Vec<crate::analysis::inlay::Hint>>>,
}

impl Analysis {
    /// Analyses `doc`, reusing parses from `old` and leaving the reusable ones in `next`.
    pub fn build(doc: &Document, old: &ParseCache, next: &mut ParseCache) -> Analysis {
        let (units, workflow) = match doc.language {
            Language::Sel => {
                let parsed = old.get(doc.text.clone(), next);
                (vec![Unit::new(parsed, &(), UnitMap::Identity, None)], None)
            }
            Language::Json | Language::Yaml => {
                let format = if doc.language == Language::Json {
                    Format::Json
                } else {
                    Format::Yaml
                };
                let (w, units) = workflow::analyze(&doc.text, format, old, next);
                (units, Some(w))
            }
        };
        let mut analysis = Analysis {
            version: doc.version,
            text: Arc::from(doc.text.as_str()),
            index: doc.index.clone(),
            language: doc.language,
            units,
            workflow,
            diagnostics: Vec::new(),
            hints: std::sync::OnceLock::new(),
        };
        analysis.diagnostics = diagnostics::document(&analysis);
        analysis
    }

    /// The unit containing document offset `d` (for workflows, the site under it).
    pub fn unit_at(&self, d: usize) -> Option<(&Unit, usize)> {
        self.units
            .iter()
            .find_map(|u| u.text_offset(d).map(|o| (u, o)))
    }
}
