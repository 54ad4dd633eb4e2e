//! An in-process client for protocol tests: drives `sel_lsp::service()` through
//! tower-lsp-server's `LspService` with real JSON-RPC messages and collects what the
//! server sends back.

#![allow(dead_code)]

use futures::StreamExt;
use serde_json::{json, Value};
use std::time::Duration;
use tokio::sync::mpsc;
use tower::{Service, ServiceExt};
use tower_lsp_server::jsonrpc::Request;
use tower_lsp_server::LspService;

pub struct Client {
    service: LspService<sel_lsp::Backend>,
    notifications: mpsc::UnboundedReceiver<Value>,
    next_id: i64,
}

impl Client {
    /// A server that went through `initialize` / `initialized`.
    pub async fn start() -> Client {
        Client::start_with(json!({})).await
    }

    /// A server initialized with the client `capabilities`.
    pub async fn start_with(capabilities: Value) -> Client {
        Client::start_full(capabilities, Value::Null).await
    }

    /// A server initialized with `capabilities` and `initializationOptions`.
    pub async fn start_full(capabilities: Value, options: Value) -> Client {
        let (service, socket) = sel_lsp::service();
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut socket = socket;
            while let Some(req) = socket.next().await {
                let v = serde_json::to_value(&req).unwrap_or(Value::Null);
                let _ = tx.send(v);
            }
        });
        let mut c = Client {
            service,
            notifications: rx,
            next_id: 0,
        };
        let init = c
            .request(
                "initialize",
                json!({"processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options}),
            )
            .await;
        assert_eq!(init["serverInfo"]["name"], "sel-lsp");
        c.notify("initialized", json!({})).await;
        c
    }

    /// Sends a request and returns its result (panics on an error response).
    pub async fn request(&mut self, method: &'static str, params: Value) -> Value {
        self.next_id += 1;
        let req = Request::build(method)
            .params(params)
            .id(self.next_id)
            .finish();
        let svc = self.service.ready().await.expect("service ready");
        let resp = svc.call(req).await.expect("call").expect("a response");
        let (_, body) = resp.into_parts();
        body.unwrap_or_else(|e| panic!("{method} failed: {e:?}"))
    }

    /// Sends a request that must fail and returns the error's message.
    pub async fn request_err(&mut self, method: &'static str, params: Value) -> String {
        self.next_id += 1;
        let req = Request::build(method)
            .params(params)
            .id(self.next_id)
            .finish();
        let svc = self.service.ready().await.expect("service ready");
        let resp = svc.call(req).await.expect("call").expect("a response");
        let (_, body) = resp.into_parts();
        match body {
            Ok(v) => panic!("{method} succeeded with {v}"),
            Err(e) => e.message.to_string(),
        }
    }

    pub async fn notify(&mut self, method: &'static str, params: Value) {
        let req = Request::build(method).params(params).finish();
        let svc = self.service.ready().await.expect("service ready");
        assert!(svc.call(req).await.expect("call").is_none());
    }

    pub async fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        )
        .await;
    }

    /// Waits for the next `publishDiagnostics` for `uri` with `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let deadline = Duration::from_secs(20);
        loop {
            let msg = tokio::time::timeout(deadline, self.notifications.recv())
                .await
                .expect("diagnostics in time")
                .expect("server alive");
            if msg["method"] == "textDocument/publishDiagnostics"
                && msg["params"]["uri"] == uri
                && msg["params"]["version"] == version
            {
                return msg["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }

    pub async fn at(
        &mut self,
        method: &'static str,
        uri: &str,
        line: u32,
        character: u32,
    ) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
        .await
    }
}

/// `[line, character, line, character]` of a protocol range.
pub fn range(v: &Value) -> [u64; 4] {
    let n = |x: &Value| x.as_u64().expect("number");
    [
        n(&v["start"]["line"]),
        n(&v["start"]["character"]),
        n(&v["end"]["line"]),
        n(&v["end"]["character"]),
    ]
}

/// A compact view of diagnostics: range, severity, code and message.
pub fn summary(diags: &[Value]) -> Vec<([u64; 4], u64, String, String)> {
    diags
        .iter()
        .map(|d| {
            (
                range(&d["range"]),
                d["severity"].as_u64().unwrap_or(0),
                d["code"].as_str().unwrap_or("").to_string(),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The position of the `nth` occurrence of `needle` in `text` (line, UTF-16 column).
pub fn pos(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() as u32;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .encode_utf16()
        .count() as u32;
    (line, col)
}

/// The labels of a completion response (a plain list or a `CompletionList`).
pub fn labels(v: &Value) -> Vec<String> {
    let items = v.get("items").unwrap_or(v);
    items
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| i["label"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Byte offset of a protocol position (UTF-16 column).
pub fn offset(text: &str, line: u64, ch: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize)
        .map(str::len)
        .sum();
    let mut units = 0u64;
    for (i, c) in text[start..].char_indices() {
        if units >= ch {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

/// The text after applying a `WorkspaceEdit` for `uri`.
pub fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .expect("edits")
        .iter()
        .map(|e| {
            let r = range(&e["range"]);
            (
                offset(text, r[0], r[1]),
                offset(text, r[2], r[3]),
                e["newText"].as_str().expect("text").to_string(),
            )
        })
        .collect();
    edits.sort();
    for w in edits.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlapping edits {edits:?}");
    }
    let mut out = text.to_string();
    for (s, e, t) in edits.into_iter().rev() {
        out.replace_range(s..e, &t);
    }
    out
}
