// The VS Code side of sel-lsp: starts the server over stdio for .sel files and for the
// JSON and YAML files that hold Maestro workflows, and passes the `sel.*` settings
// (`sel.runTs` for the inlay hints of default params) as initialization options and on
// change.

import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('sel');
  const command = config.get<string>('server.path', 'sel-lsp');
  const serverOptions: ServerOptions = { command, args: ['--stdio'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sel' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'yaml' },
    ],
    initializationOptions: { sel: { runTs: config.get('runTs') ?? null } },
    synchronize: { configurationSection: 'sel' },
  };
  client = new LanguageClient('sel-lsp', 'SEL language server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
