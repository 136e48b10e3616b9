// Speech Draft for VS Code: starts the language server and adds what LSP
// alone cannot: the outline tree view, the status bar, commands.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OutlineNode } from '../../server/src/protocol';
import { createCommands } from './commands';
import { CrashHandler } from './crashes';
import { createLanguageClient } from './languageClient';
import { OutlineProvider } from './outlineView';
import { StatusBar } from './statusBar';

/** What the extension hands to its tests (and to other extensions). */
export interface SpeechDraftApi {
  client: LanguageClient;
  outline: OutlineProvider;
  statusBar: StatusBar;
  crashes: CrashHandler;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SpeechDraftApi> {
  const crashes = new CrashHandler();
  client = createLanguageClient(context, crashes);
  const outline = new OutlineProvider(client);
  const views = ['speechDraft.outline', 'speechDraft.outlineExplorer'].map((id) =>
    vscode.window.createTreeView<OutlineNode>(id, { treeDataProvider: outline, dragAndDropController: outline, showCollapseAll: true }),
  );
  const statusBar = new StatusBar(client);
  context.subscriptions.push(outline, statusBar, ...views);
  for (const [id, run] of Object.entries(createCommands({ extension: context, client, outline, outlineViews: views }))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown));
  }
  await client.start();
  await outline.refresh();
  await statusBar.refresh();
  return { client, outline, statusBar, crashes };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
