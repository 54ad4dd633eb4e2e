//! The protocol side: document sync, analysis scheduling and the LSP requests, each
//! delegating to [`crate::analysis`] and converting offsets with the document's line
//! index.
//!
//! The message loop never does heavy work: analyses run on the blocking pool
//! (`spawn_blocking`), and a debounced task per document publishes diagnostics only for
//! the newest version.

use crate::analysis::{self, Diag, Severity};
use crate::document::{Analysis, Document, Language};
use crate::workflow::ParseCache;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_lsp_server::gen_lsp_types::*;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::{Client, LanguageServer};

/// How long an edit waits for the next one before its diagnostics are computed.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// One open document.
struct Open {
    doc: Document,
    analysis: Option<Arc<Analysis>>,
    cache: Arc<ParseCache>,
}

#[derive(Default)]
struct State {
    docs: HashMap<Uri, Open>,
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            state: Arc::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the map inconsistent (every update
        // is a single insert or field store), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The analysis of the current text of `uri`, computing it if it is stale.
    #[allow(dead_code)] // used by the request handlers
    async fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        analysis_of(&self.state, uri).await
    }

    /// Analyses the newest version after the debounce delay and publishes diagnostics.
    fn schedule(&self, uri: Uri, version: i32) {
        let state = self.state.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            tokio::time::sleep(DEBOUNCE).await;
            let current = {
                let s = state.lock().unwrap_or_else(|e| e.into_inner());
                s.docs.get(&uri).map(|o| o.doc.version)
            };
            if current != Some(version) {
                return;
            }
            if let Some(a) = analysis_of(&state, &uri).await {
                if a.version == version {
                    let diags = a.diagnostics.iter().map(|d| to_lsp_diag(&a, d)).collect();
                    client.publish_diagnostics(uri, diags, Some(version)).await;
                }
            }
        });
    }
}

async fn analysis_of(state: &Arc<Mutex<State>>, uri: &Uri) -> Option<Arc<Analysis>> {
    let (doc, cache) = {
        let s = state.lock().unwrap_or_else(|e| e.into_inner());
        let open = s.docs.get(uri)?;
        if let Some(a) = &open.analysis {
            if a.version == open.doc.version {
                return Some(a.clone());
            }
        }
        (open.doc.clone(), open.cache.clone())
    };
    let built = tokio::task::spawn_blocking(move || {
        let mut next = ParseCache::default();
        let a = Analysis::build(&doc, &cache, &mut next);
        (Arc::new(a), Arc::new(next))
    })
    .await
    .ok()?;
    let (a, next) = built;
    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(open) = s.docs.get_mut(uri) {
        if open.doc.version == a.version {
            open.analysis = Some(a.clone());
            open.cache = next;
        }
    }
    Some(a)
}

/// A protocol range for document offsets.
pub fn range(a: &Analysis, start: usize, end: usize) -> Range {
    a.index.range(&a.text, start, end)
}

fn to_lsp_diag(a: &Analysis, d: &Diag) -> Diagnostic {
    Diagnostic {
        range: range(a, d.start, d.end),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::Error,
            Severity::Warning => DiagnosticSeverity::Warning,
            Severity::Information => DiagnosticSeverity::Information,
            Severity::Hint => DiagnosticSeverity::Hint,
        }),
        code: Some(Code::String(d.code.to_string())),
        source: Some("sel".to_string()),
        message: Message::String(d.message.clone()),
        ..Default::default()
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, _: InitializeParams) -> Result<InitializeResult> {
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "sel-lsp".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncKind::Incremental.into()),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let language = Language::detect(td.language_id.as_str(), td.uri.as_ref());
        let doc = Document::new(td.text, td.version, language);
        self.lock().docs.insert(
            td.uri.clone(),
            Open {
                doc,
                analysis: None,
                cache: Arc::default(),
            },
        );
        self.schedule(td.uri, td.version);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.text_document_identifier.uri;
        let version = params.text_document.version;
        {
            let mut s = self.lock();
            let Some(open) = s.docs.get_mut(&uri) else {
                return;
            };
            open.doc.apply(params.content_changes, version);
        }
        self.schedule(uri, version);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.lock().docs.remove(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }
}

#[allow(dead_code)]
fn _uses(_: &analysis::Unit) {}
