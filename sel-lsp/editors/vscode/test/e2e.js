// End-to-end check of sel-lsp through VS Code's own protocol library
// (vscode-languageserver-protocol, what vscode-languageclient speaks the protocol with),
// headless under Node, without VS Code: starts $SEL_LSP_BIN over stdio the way the
// extension does (`--stdio`), opens $SEL_E2E_FILE, and prints what the server answered
// as one JSON line for the Rust test (sel-lsp/tests/it/e2e_vscode.rs) to assert.

'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const rpc = require('vscode-languageserver-protocol/node');

async function main() {
  const file = path.resolve(process.env.SEL_E2E_FILE);
  const text = fs.readFileSync(file, 'utf8');
  const uri = 'file://' + file;
  const server = spawn(process.env.SEL_LSP_BIN, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  const diagnostics = new Promise((resolve) => {
    conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri) resolve(p.diagnostics);
    });
  });
  conn.listen();
  const init = await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions: { sel: { runTs: null } },
  });
  conn.sendNotification(rpc.InitializedNotification.type, {});
  conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'json', version: 1, text },
  });
  const diags = await diagnostics;
  const position = {
    line: Number(process.env.SEL_E2E_LINE),
    character: Number(process.env.SEL_E2E_COL),
  };
  const at = { textDocument: { uri }, position };
  const completion = await conn.sendRequest(rpc.CompletionRequest.type, at);
  const resolved = await conn.sendRequest(
    rpc.CompletionResolveRequest.type,
    completion.items.find((i) => i.label === 'Util'),
  );
  const hover = await conn.sendRequest(rpc.HoverRequest.type, at);
  const rename = await conn.sendRequest(rpc.RenameRequest.type, { ...at, newName: 'span' });
  await conn.sendRequest(rpc.ShutdownRequest.type);
  conn.sendNotification(rpc.ExitNotification.type);
  const out = {
    server: init.serverInfo,
    diagnostics: diags.map((d) => [d.range.start.line, d.range.start.character, d.code]),
    completion: completion.items.map((i) => i.label),
    incomplete: completion.isIncomplete,
    utilDoc: resolved.documentation && resolved.documentation.value,
    hover: hover.contents.value,
    renameEdits: rename.changes[uri].length,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  server.on('exit', (code) => process.exit(code === 0 ? 0 : 3));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(2);
});
