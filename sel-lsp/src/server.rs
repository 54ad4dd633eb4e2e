//! The protocol side: document sync, analysis scheduling and the LSP requests, each
//! delegating to [`crate::analysis`] and converting offsets with the document's line
//! index.
//!
//! The message loop never does heavy work: analyses run on the blocking pool
//! (`spawn_blocking`), and a debounced task per document publishes diagnostics only for
//! the newest version.

use crate::analysis::completion::{self, Kind};
use crate::analysis::definition::{self, Target};
use crate::analysis::symbols::{self, SymbolKind as SelSymbolKind};
use crate::analysis::{
    actions, hover, inlay, refs, rename, semantic_tokens, signature, Diag, Severity, Unit,
};
use crate::document::{Analysis, Document, Language};
use crate::workflow::ParseCache;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_lsp_server::gen_lsp_types::*;
use tower_lsp_server::jsonrpc::{self, Result};
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
    /// The client renders snippets in completion items.
    snippets: bool,
    /// The `sel.runTs` setting: the `RUN_TS` (epoch ms) inlay hints use for default params.
    run_ts: Option<i64>,
    /// The client accepts `workspace/inlayHint/refresh`.
    hint_refresh: bool,
    /// Documentation of the last completion list's items, for `completionItem/resolve`,
    /// with a generation number so a stale item resolves to nothing.
    last_docs: (u64, Vec<Option<&'static str>>),
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
    async fn initialize(&self, p: InitializeParams) -> Result<InitializeResult> {
        self.lock().snippets = p
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        self.lock().hint_refresh = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|h| h.refresh_support)
            .unwrap_or(false);
        if let Some(o) = &p.initialization_options {
            self.lock().run_ts = run_ts_setting(o);
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "sel-lsp".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncKind::Incremental.into()),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![".".into(), "'".into(), "\"".into()]),
                    resolve_provider: Some(true),
                    ..Default::default()
                }),
                hover_provider: Some(true.into()),
                signature_help_provider: Some(SignatureHelpOptions {
                    trigger_characters: Some(vec!["(".into(), ",".into()]),
                    ..Default::default()
                }),
                definition_provider: Some(true.into()),
                references_provider: Some(true.into()),
                code_action_provider: Some(true.into()),
                rename_provider: Some(
                    RenameOptions {
                        prepare_provider: Some(true),
                        work_done_progress_options: Default::default(),
                    }
                    .into(),
                ),
                document_symbol_provider: Some(true.into()),
                document_formatting_provider: Some(true.into()),
                inlay_hint_provider: Some(true.into()),
                semantic_tokens_provider: Some(
                    SemanticTokensOptions {
                        legend: SemanticTokensLegend {
                            token_types: semantic_tokens::LEGEND
                                .iter()
                                .map(|t| t.to_string())
                                .collect(),
                            token_modifiers: Vec::new(),
                        },
                        full: Some(true.into()),
                        ..Default::default()
                    }
                    .into(),
                ),
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

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        let list = self.completion_list(&p.text_document_position_params).await;
        Ok(list.map(Into::into))
    }

    async fn completion_resolve(&self, mut item: CompletionItem) -> Result<CompletionItem> {
        let key = item
            .data
            .as_ref()
            .and_then(|d| Some((d.get("g")?.as_u64()?, d.get("i")?.as_u64()? as usize)));
        if let Some((generation, i)) = key {
            let s = self.lock();
            if s.last_docs.0 == generation {
                if let Some(Some(doc)) = s.last_docs.1.get(i) {
                    item.documentation = Some(markdown(doc.to_string()).into());
                }
            }
        }
        Ok(item)
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        let (uri, pos) = position_params(&p.text_document_position_params);
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let Some((unit, offset)) = unit_at(&a, pos) else {
            // On a param's key: its merged definition.
            let Some(w) = &a.workflow else {
                return Ok(None);
            };
            let index = refs::index(&a);
            let Some(o) = refs::at(&index, a.index.offset(&a.text, pos)) else {
                return Ok(None);
            };
            return Ok(hover::param_markdown(w, &o.symbol).map(|md| Hover {
                contents: markdown(md).into(),
                range: Some(range(&a, o.start, o.end)),
            }));
        };
        Ok(hover::hover(unit, a.workflow.as_ref(), offset).map(|h| {
            let (s, e) = unit.doc_span_of(h.span);
            Hover {
                contents: markdown(h.markdown).into(),
                range: Some(range(&a, s, e)),
            }
        }))
    }

    async fn signature_help(&self, p: SignatureHelpParams) -> Result<Option<SignatureHelp>> {
        let (uri, pos) = position_params(&p.text_document_position_params);
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let Some((unit, offset)) = unit_at(&a, pos) else {
            return Ok(None);
        };
        Ok(
            signature::help(unit, a.workflow.as_ref(), offset).map(|h| SignatureHelp {
                signatures: h
                    .signatures
                    .into_iter()
                    .map(|s| SignatureInformation {
                        label: s.label,
                        documentation: Some(s.doc.into()),
                        parameters: Some(
                            s.params
                                .into_iter()
                                .map(|p| ParameterInformation {
                                    label: p.into(),
                                    documentation: None,
                                })
                                .collect(),
                        ),
                        active_parameter: None,
                    })
                    .collect(),
                active_signature: Some(h.active_signature as u32),
                active_parameter: Some((h.active_param as u32).into()),
            }),
        )
    }

    async fn goto_definition(&self, p: DefinitionParams) -> Result<Option<DefinitionResponse>> {
        let (uri, pos) = position_params(&p.text_document_position_params);
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let d = a.index.offset(&a.text, pos);
        let target = unit_at(&a, pos)
            .and_then(|(unit, offset)| {
                definition::definition(unit, a.workflow.as_ref(), offset).map(|t| match t {
                    Target::Unit(s, e) => unit.doc_span(s as usize, e as usize),
                    Target::Document(s, e) => (s, e),
                })
            })
            .or_else(|| {
                // Names the SEL resolver does not see: step ids and params in string
                // arguments (`getFromStep('…')`), transitions, interpolations.
                let index = refs::index(&a);
                let o = refs::at(&index, d)?;
                let def = refs::of(&index, &o.symbol)
                    .into_iter()
                    .find(|x| x.form == refs::Form::Definition)?;
                Some((def.start, def.end))
            });
        Ok(target.map(|(s, e)| {
            Definition::from(Location {
                uri: uri.clone(),
                range: range(&a, s, e),
            })
            .into()
        }))
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let (uri, pos) = position_params(&p.text_document_position_params);
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let index = refs::index(&a);
        let Some(o) = refs::at(&index, a.index.offset(&a.text, pos)) else {
            return Ok(None);
        };
        let with_decl = p.context.include_declaration;
        Ok(Some(
            refs::of(&index, &o.symbol)
                .into_iter()
                .filter(|x| with_decl || x.form != refs::Form::Definition)
                .map(|x| Location {
                    uri: uri.clone(),
                    range: range(&a, x.start, x.end),
                })
                .collect(),
        ))
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<Vec<CodeActionResponse>>> {
        let uri = &p.text_document.uri;
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let (s, e) = (
            a.index.offset(&a.text, p.range.start),
            a.index.offset(&a.text, p.range.end),
        );
        let out = actions::actions(&a, s, e)
            .into_iter()
            .map(|act| {
                let edits = act
                    .edits
                    .into_iter()
                    .map(|e| TextEdit {
                        range: range(&a, e.start, e.end),
                        new_text: e.text,
                    })
                    .collect();
                CodeAction {
                    title: act.title,
                    kind: Some(if act.quick_fix {
                        CodeActionKind::QuickFix
                    } else {
                        CodeActionKind::RefactorRewrite
                    }),
                    diagnostics: act
                        .diagnostic
                        .and_then(|i| a.diagnostics.get(i))
                        .map(|d| vec![to_lsp_diag(&a, d)]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..Default::default()
                    }),
                    is_preferred: act.quick_fix.then_some(true),
                    ..Default::default()
                }
                .into()
            })
            .collect();
        Ok(Some(out))
    }

    async fn prepare_rename(
        &self,
        p: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResult>> {
        let (uri, pos) = position_params(&p);
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let Some((symbol, s, e)) = rename::prepare(&a, a.index.offset(&a.text, pos)) else {
            return Err(jsonrpc::Error::invalid_params(
                "There is no renameable name here.",
            ));
        };
        Ok(Some(
            PrepareRenamePlaceholder {
                range: range(&a, s, e),
                placeholder: symbol.name().to_string(),
            }
            .into(),
        ))
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let (uri, pos) = position_params(&p.text_document_position_params);
        let Some(a) = self.analysis(uri).await else {
            return Ok(None);
        };
        let edits = rename::rename(&a, a.index.offset(&a.text, pos), &p.new_name)
            .map_err(jsonrpc::Error::invalid_params)?;
        let edits = edits
            .into_iter()
            .map(|e| TextEdit {
                range: range(&a, e.start, e.end),
                new_text: e.text,
            })
            .collect();
        Ok(Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }))
    }

    async fn document_symbol(
        &self,
        p: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let list = match (&a.workflow, a.units.first()) {
            (Some(w), _) => symbols::workflow_symbols(w),
            (None, Some(u)) => symbols::sel_symbols(u),
            (None, None) => Vec::new(),
        };
        let out: Vec<DocumentSymbol> = list.into_iter().map(|s| symbol(&a, s)).collect();
        Ok(Some(out.into()))
    }

    async fn semantic_tokens_full(
        &self,
        p: SemanticTokensParams,
    ) -> Result<Option<SemanticTokens>> {
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let mut toks = Vec::new();
        for u in &a.units {
            semantic_tokens::tokens(u, &mut toks);
        }
        toks.sort_by_key(|t| (t.start, t.end));
        let mut data = Vec::with_capacity(toks.len());
        let (mut line, mut col) = (0u32, 0u32);
        // The protocol's tokens are single-line: one that spans lines (a block comment,
        // a string in a YAML block scalar) is sent as one token per line it covers.
        let pieces = toks.into_iter().flat_map(|t| {
            let text = a.text.get(t.start..t.end).unwrap_or("");
            let mut out = Vec::new();
            let mut at = t.start;
            for line in text.split_inclusive('\n') {
                let body = line.trim_end_matches(['\n', '\r']);
                if !body.is_empty() {
                    out.push((at, at + body.len(), t.ty));
                }
                at += line.len();
            }
            out
        });
        for (start, end, ty) in pieces {
            let r = range(&a, start, end);
            if r.start.line != r.end.line {
                continue;
            }
            let delta_line = r.start.line - line;
            let delta_col = if delta_line == 0 {
                r.start.character - col
            } else {
                r.start.character
            };
            data.push(SemanticToken {
                delta_line,
                delta_start: delta_col,
                length: r.end.character - r.start.character,
                token_type: ty,
                token_modifiers_bitset: 0,
            });
            line = r.start.line;
            col = r.start.character;
        }
        Ok(Some(SemanticTokens {
            result_id: None,
            data,
        }))
    }

    async fn formatting(&self, p: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        if a.language != Language::Sel {
            return Ok(None);
        }
        let Ok(formatted) = sel_grammar::format(&a.text) else {
            return Ok(None);
        };
        if formatted == *a.text {
            return Ok(Some(Vec::new()));
        }
        Ok(Some(vec![TextEdit {
            range: range(&a, 0, a.text.len()),
            new_text: formatted,
        }]))
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let Some(hints) = self.hints(&a).await else {
            return Ok(Some(Vec::new()));
        };
        let (from, to) = (
            a.index.offset(&a.text, p.range.start),
            a.index.offset(&a.text, p.range.end),
        );
        Ok(Some(
            hints
                .iter()
                .filter(|h| from <= h.at && h.at <= to)
                .map(|h| InlayHint {
                    position: a.index.position(&a.text, h.at),
                    label: h.label.clone().into(),
                    kind: None,
                    text_edits: None,
                    tooltip: None,
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
                .collect(),
        ))
    }

    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) {
        let run_ts = run_ts_setting(&p.settings);
        let refresh = {
            let mut s = self.lock();
            if s.run_ts == run_ts {
                return;
            }
            s.run_ts = run_ts;
            // Hints are cached per analysis: drop the analyses so they are redone.
            for open in s.docs.values_mut() {
                open.analysis = None;
            }
            s.hint_refresh
        };
        if refresh {
            // Not awaited here: the client answers it while this notification is done.
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.inlay_hint_refresh().await;
            });
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.lock().docs.remove(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }
}

/// The `runTs` setting (under `sel`, or at the top level): epoch milliseconds, or an
/// RFC 3339 timestamp such as `2024-03-01T05:30:00Z`.
fn run_ts_setting(v: &serde_json::Value) -> Option<i64> {
    let x = v
        .get("sel")
        .and_then(|s| s.get("runTs"))
        .or_else(|| v.get("runTs"))?;
    if let Some(n) = x.as_i64() {
        return Some(n);
    }
    chrono::DateTime::parse_from_rfc3339(x.as_str()?)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// The unit under `pos` and the offset in it.
fn unit_at(a: &Analysis, pos: Position) -> Option<(&Unit, usize)> {
    a.unit_at(a.index.offset(&a.text, pos))
}

fn position_params(p: &TextDocumentPositionParams) -> (&Uri, Position) {
    (&p.text_document.uri, p.position)
}

fn completion_kind(k: Kind) -> CompletionItemKind {
    match k {
        Kind::Keyword => CompletionItemKind::Keyword,
        Kind::Variable => CompletionItemKind::Variable,
        Kind::Param => CompletionItemKind::Property,
        Kind::Class => CompletionItemKind::Class,
        Kind::Method => CompletionItemKind::Method,
        Kind::Field => CompletionItemKind::Field,
        Kind::Step => CompletionItemKind::Module,
        Kind::Signal => CompletionItemKind::Event,
        Kind::Zone => CompletionItemKind::Constant,
    }
}

fn markdown(text: String) -> MarkupContent {
    MarkupContent {
        kind: MarkupKind::Markdown,
        value: text,
    }
}

fn symbol(a: &Analysis, s: symbols::Symbol) -> DocumentSymbol {
    #[allow(deprecated)] // `deprecated` is a required field of the generated struct
    DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: match s.kind {
            SelSymbolKind::Variable => SymbolKind::Variable,
            SelSymbolKind::Param => SymbolKind::Property,
            SelSymbolKind::Step => SymbolKind::Module,
        },
        tags: None,
        deprecated: None,
        range: range(a, s.span.0, s.span.1),
        selection_range: range(a, s.selection.0, s.selection.1),
        children: Some(s.children.into_iter().map(|c| symbol(a, c)).collect()),
    }
}

impl Backend {
    /// The inlay hints of a workflow analysis, computed once per version off the loop.
    async fn hints(&self, a: &Arc<Analysis>) -> Option<Arc<Vec<inlay::Hint>>> {
        a.workflow.as_ref()?;
        if let Some(h) = a.hints.get() {
            return Some(h.clone());
        }
        let a2 = a.clone();
        let run_ts = self.lock().run_ts;
        let computed = tokio::task::spawn_blocking(move || inlay::hints(&a2, run_ts))
            .await
            .ok()?;
        Some(a.hints.get_or_init(|| Arc::new(computed)).clone())
    }

    async fn completion_list(&self, p: &TextDocumentPositionParams) -> Option<CompletionList> {
        let (uri, pos) = position_params(p);
        let a = self.analysis(uri).await?;
        let (unit, offset) = unit_at(&a, pos)?;
        let list = completion::complete_ranked(unit, a.workflow.as_ref(), offset);
        let (s, e) = unit.doc_span(list.replace.0, list.replace.1);
        let replace = range(&a, s, e);
        let mut state = self.lock();
        let snippets = state.snippets;
        let generation = state.last_docs.0 + 1;
        state.last_docs = (generation, list.items.iter().map(|i| i.doc).collect());
        drop(state);
        let items = list
            .items
            .into_iter()
            .enumerate()
            .map(|(n, i)| {
                let snippet = i.snippet.filter(|_| snippets);
                let format = snippet.as_ref().map(|_| InsertTextFormat::Snippet);
                let new_text = snippet.unwrap_or_else(|| i.label.clone());
                CompletionItem {
                    // Keeps the server's ranking: clients sort by `sortText`.
                    sort_text: Some(format!("{n:04}")),
                    kind: Some(completion_kind(i.kind)),
                    detail: i.detail,
                    insert_text_format: format,
                    text_edit: Some(
                        TextEdit {
                            range: replace,
                            new_text,
                        }
                        .into(),
                    ),
                    data: i.doc.map(|_| serde_json::json!({"g": generation, "i": n})),
                    label: i.label,
                    ..Default::default()
                }
            })
            .collect();
        Some(CompletionList {
            is_incomplete: list.incomplete,
            items,
            ..Default::default()
        })
    }
}
