// The palette and view commands, declared as data: id -> handler.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands, StatsRequest, type HeadingTreeNode } from '../../server/src/protocol';
import { exportDocx, type ExportArgs } from './exportDocx';
import { moveSection } from './moveSection';
import { goToPlaceholder } from './placeholders';
import { toggleDraft, TOGGLE_COMMAND, type DraftStatus } from './draftStatus';
import { checkWorkspace } from './workspaceCheck';
import { OPEN_RULE_DOCS, openRuleDocs } from './ruleDocs';
import type { HeadingTreeProvider } from './headingTreeView';
import { isDraft } from './settings';
import type { SpeechServer } from './speechServer';
import type { WordDocuments, WriteArgs } from './wordDocument';

export interface Context {
  extension: vscode.ExtensionContext;
  server: SpeechServer;
  headingTree: HeadingTreeProvider;
  headingTreeViews: vscode.TreeView<HeadingTreeNode>[];
  wordDocuments: WordDocuments;
  draftStatus: DraftStatus;
}

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

export function readSnippets(extensionPath: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(extensionPath, 'snippets', 'speech.code-snippets'), 'utf8'));
}

/** The draft a command works on: the active editor, or the one the heading tree shows. */
function draftDocument(ctx: Context): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (isDraft(active)) return active;
  if (ctx.headingTree.document && !ctx.headingTree.document.isClosed) return ctx.headingTree.document;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a speech draft first (.speech, or a .txt checked as a draft).'));
  return undefined;
}

async function serverCommand(ctx: Context, command: string, ...args: unknown[]): Promise<void> {
  const doc = draftDocument(ctx);
  if (!doc) return;
  const edit = await ctx.server.request('workspace/executeCommand', { command, arguments: [doc.uri.toString(), ...args] });
  if (!edit) void vscode.window.setStatusBarMessage(vscode.l10n.t('Nothing to change.'), 3000);
}

async function insertTemplate(ctx: Context, key?: string): Promise<void> {
  const snippets = readSnippets(ctx.extension.extensionPath);
  let chosen = key;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      Object.entries(snippets).map(([k, s]) => ({ label: k, description: s.prefix.join(' · '), detail: s.description, key: k })),
      { placeHolder: vscode.l10n.t('Insert a section template') },
    );
    chosen = pick?.key;
  }
  const editor = vscode.window.activeTextEditor;
  if (!chosen || !editor) return;
  await editor.insertSnippet(new vscode.SnippetString(snippets[chosen].body.join('\n')));
}

async function showStatistics(ctx: Context): Promise<void> {
  const doc = draftDocument(ctx);
  if (!doc) return;
  const s = await ctx.server.sendRequest(StatsRequest, { textDocument: { uri: doc.uri.toString() } });
  if (!s) return;
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      '{0} characters in {1} paragraphs: about {2} minutes at {3} a minute (target {4}). Errors {5}, warnings {6}, infos {7}.',
      s.chars,
      s.paragraphs,
      s.minutes.toFixed(1),
      s.speakingRate,
      s.targetMinutes,
      s.findings.error,
      s.findings.warning,
      s.findings.info,
    ),
  );
}

async function move(ctx: Context, node: HeadingTreeNode | undefined, direction: 'up' | 'down'): Promise<void> {
  const given = node ?? ctx.headingTreeViews.map((v) => v.selection[0]).find(Boolean);
  const target = given && ctx.headingTree.current(given);
  if (!target?.section || !ctx.headingTree.document) return;
  await moveSection(ctx.server, ctx.headingTree.document, target, direction);
}

export function createCommands(ctx: Context): Record<string, (...args: never[]) => unknown> {
  return {
    'speechDraft.renumber': () => serverCommand(ctx, Commands.renumber),
    'speechDraft.updateOutline': () => serverCommand(ctx, Commands.updateOutlineBlock),
    'speechDraft.insertTemplate': (key?: string) => insertTemplate(ctx, key),
    'speechDraft.nextPlaceholder': () => goToPlaceholder('next'),
    'speechDraft.previousPlaceholder': () => goToPlaceholder('previous'),
    'speechDraft.fixAll': () => serverCommand(ctx, Commands.fixAll),
    'speechDraft.checkWorkspace': () => checkWorkspace(ctx.server),
    [TOGGLE_COMMAND]: async (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      const now = await toggleDraft(doc);
      ctx.draftStatus.refresh();
      return now;
    },
    'speechDraft.showStatistics': () => showStatistics(ctx),
    'speechDraft.restartServer': () => ctx.server.restart(),
    [OPEN_RULE_DOCS]: (rule?: string) => openRuleDocs(ctx.extension.extensionPath, rule),
    'speechDraft.copyOutline': async () => {
      await vscode.env.clipboard.writeText(ctx.headingTree.asText());
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Outline copied.'), 3000);
    },
    'speechDraft.moveSectionUp': (node?: HeadingTreeNode) => move(ctx, node, 'up'),
    'speechDraft.moveSectionDown': (node?: HeadingTreeNode) => move(ctx, node, 'down'),
    'speechDraft.revealSection': async (uri: vscode.Uri, range: { start: vscode.Position; end: vscode.Position }) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = new vscode.Selection(r.start, r.start);
      editor.revealRange(r, vscode.TextEditorRevealType.AtTop);
    },
    // From the editor tab's menu the tab's file comes first; from tests and other extensions, options.
    'speechDraft.exportDocx': async (args?: ExportArgs | vscode.Uri) => {
      const fromTab = args instanceof vscode.Uri;
      const doc = fromTab ? await vscode.workspace.openTextDocument(args) : draftDocument(ctx);
      return doc ? exportDocx(ctx.server, doc, fromTab ? {} : args) : undefined;
    },
    'speechDraft.checkWordDocument': (file?: vscode.Uri) => ctx.wordDocuments.check(file),
    'speechDraft.annotateWordDocument': (args?: WriteArgs) => ctx.wordDocuments.annotate(args),
    'speechDraft.saveWordDocumentAsText': (args?: WriteArgs) => ctx.wordDocuments.saveAsText(args),
    'speechDraft.newDraft': async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: '' });
      await vscode.window.showTextDocument(doc);
      await insertTemplate(ctx, readSnippetKeys(ctx)[0]);
    },
  };
}

function readSnippetKeys(ctx: Context): string[] {
  return Object.keys(readSnippets(ctx.extension.extensionPath));
}
