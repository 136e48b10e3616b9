// Speech Draft for VS Code: starts the language server and adds what LSP
// alone cannot: the heading tree view (titled 讲话提纲), the status bar, commands.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, type HeadingTreeNode } from '../../server/src/protocol';
import { createCommands } from './commands';
import type { CrashHandler } from './crashes';
import { SpeechLikeTxt } from './draftLanguage';
import { DraftStatus } from './draftStatus';
import { EncodingCheck } from './encoding';
import { GroupedMarks } from './groupedMarks';
import { HeadingTreeProvider } from './headingTreeView';
import { isDraft, SECTION } from './settings';
import { SpeechServer } from './speechServer';
import { StatusBar } from './statusBar';
import { WordDocuments } from './wordDocument';
import { dropPublishedWhenShown } from './workspaceCheck';

/** What the extension hands to its tests (and to other extensions). */
export interface SpeechDraftApi {
  server: SpeechServer;
  /** Set once the first draft has opened. */
  readonly client: LanguageClient;
  readonly crashes: CrashHandler;
  headingTree: HeadingTreeProvider;
  statusBar: StatusBar;
  draftStatus: DraftStatus;
  speechLikeTxt: SpeechLikeTxt;
  encoding: EncodingCheck;
  groupedMarks: GroupedMarks;
}

let server: SpeechServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SpeechDraftApi> {
  const speech = (server = new SpeechServer(context));
  const headingTree = new HeadingTreeProvider(speech);
  const views = ['speechDraft.outline', 'speechDraft.outlineExplorer'].map((id) =>
    vscode.window.createTreeView<HeadingTreeNode>(id, { treeDataProvider: headingTree, dragAndDropController: headingTree, showCollapseAll: true }),
  );
  const statusBar = new StatusBar(speech);
  const draftStatus = new DraftStatus();
  const speechLikeTxt = new SpeechLikeTxt(context.workspaceState);
  const encoding = new EncodingCheck((doc) => speechLikeTxt.consider(doc));
  const groupedMarks = new GroupedMarks(speech);
  const wordDocuments = new WordDocuments(speech);
  context.subscriptions.push(speech, headingTree, statusBar, draftStatus, speechLikeTxt, encoding, groupedMarks, wordDocuments, ...views);
  // The client commands of the server's quick fixes (ruleSettings.ts) live in the client library's bundle.
  const clientCommands = Object.fromEntries(Object.values(ClientCommands).map((id) => [id, (args: never) => speech.bundle().ruleSettingCommands()[id](args)]));
  const commands = { ...createCommands({ extension: context, server: speech, headingTree, headingTreeViews: views, wordDocuments, draftStatus }), ...clientCommands };
  for (const [id, run] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown));
  }
  context.subscriptions.push(
    dropPublishedWhenShown(speech),
    speech.onDidStart(() => void Promise.all([headingTree.refresh(), statusBar.refresh()])),
    // Activated by a Markdown or text file that is not a draft: start when one is opened, or becomes one.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isDraft(doc)) void speech.start();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION) && vscode.workspace.textDocuments.some(isDraft)) void speech.start();
    }),
  );
  if (vscode.workspace.textDocuments.some(isDraft)) {
    await speech.start();
    await headingTree.refresh();
    await statusBar.refresh();
  }
  return {
    server: speech,
    get client() {
      return speech.client!;
    },
    get crashes() {
      return speech.crashes!;
    },
    headingTree,
    statusBar,
    draftStatus,
    speechLikeTxt,
    encoding,
    groupedMarks,
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
