// The status-bar item that says whether the active file is checked as a
// speech draft, and switches it: a plain-text file to the draft language and
// back (kept in `files.associations`), a Markdown file by `speechDraft.ignore`
// and `speechDraft.languages`. A file a glob of `speechDraft.ignore` excludes
// says which one.

import * as path from 'path';
import * as vscode from 'vscode';
import { keepLanguage, SPEECH } from './draftLanguage';
import { draftLanguages, ignoredBy, isDraft, SECTION } from './settings';

export const TOGGLE_COMMAND = 'speechDraft.toggleDraft';
/** Languages a draft may be written in: the item shows for these only. */
const TEXT_LANGUAGES = new Set([SPEECH, 'plaintext', 'markdown']);

/** What the item shows for a document, or undefined where it hides. */
export type DraftState = { kind: 'draft' } | { kind: 'notDraft' } | { kind: 'ignored'; glob: string };

export function draftState(doc: vscode.TextDocument | undefined): DraftState | undefined {
  if (!doc || !TEXT_LANGUAGES.has(doc.languageId) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return undefined;
  const glob = ignoredBy(doc);
  if (glob !== undefined) return { kind: 'ignored', glob };
  return isDraft(doc) ? { kind: 'draft' } : { kind: 'notDraft' };
}

export class DraftStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('speechDraft.draft', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item.name = vscode.l10n.t('Speech Draft: checked as a draft');
    this.item.command = TOGGLE_COMMAND;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      // A language switch reopens the document; the editor shows the new one just after.
      vscode.workspace.onDidOpenTextDocument(() => setTimeout(() => this.refresh(), 0)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('files.associations')) this.refresh();
      }),
    );
    this.refresh();
  }

  refresh(): void {
    const state = draftState(vscode.window.activeTextEditor?.document);
    if (!state) return this.item.hide();
    if (state.kind === 'draft') {
      this.item.text = vscode.l10n.t('$(pass-filled) Speech draft');
      this.item.tooltip = vscode.l10n.t('Checked as a speech draft. Click to stop checking this file.');
    } else if (state.kind === 'notDraft') {
      this.item.text = vscode.l10n.t('$(circle-large-outline) Not a draft');
      this.item.tooltip = vscode.l10n.t('Not checked as a speech draft. Click to check this file as one.');
    } else {
      this.item.text = vscode.l10n.t('$(circle-slash) Not checked');
      this.item.tooltip = vscode.l10n.t('Not checked: speechDraft.ignore excludes it (“{0}”).', state.glob);
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** This one file in `speechDraft.ignore`: its path in its workspace folder, written literally. */
function ignoreEntry(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const p = folder ? path.posix.relative(folder.uri.path, uri.path) : uri.fsPath.replace(/\\/g, '/');
  return p.replace(/[[\]{}*?\\]/g, (c) => `[${c}]`);
}

async function updateList(key: string, change: (list: string[]) => string[], uri: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const inWorkspace = !!vscode.workspace.getWorkspaceFolder(uri);
  const inspected = config.inspect<string[]>(key);
  const current = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? (key === 'languages' ? draftLanguages() : []);
  await config.update(key, change([...current]), inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

/** Switches the document between checked as a draft and not; resolves to the document as it then is. */
export async function toggleDraft(doc: vscode.TextDocument | undefined): Promise<vscode.TextDocument | undefined> {
  const state = draftState(doc);
  if (!doc || !state) return doc;
  if (state.kind === 'ignored') {
    const entry = ignoreEntry(doc.uri);
    // The file's own entry (the status bar's): take it out. A glob of the writer's: show where it is.
    if (state.glob === entry) {
      await updateList('ignore', (l) => l.filter((g) => g !== entry), doc.uri);
      return doc;
    }
    const open = vscode.l10n.t('Open Settings');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('speechDraft.ignore excludes this file (“{0}”).', state.glob), open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.ignore`);
    return doc;
  }
  if (state.kind === 'draft') {
    // A .txt made a draft goes back to plain text; a file checked for its language (Markdown, plaintext when listed) is excluded by name.
    const madeDraft = doc.uri.scheme === 'untitled' || !/\.speech$/i.test(doc.uri.path);
    if (doc.languageId === SPEECH && madeDraft && !draftLanguages().includes('plaintext')) return keepLanguage(doc, 'plaintext');
    await updateList('ignore', (l) => [...l, ignoreEntry(doc.uri)], doc.uri);
    return doc;
  }
  if (doc.languageId === 'markdown') {
    await updateList('languages', (l) => (l.includes('markdown') ? l : [...l, 'markdown']), doc.uri);
    return doc;
  }
  return keepLanguage(doc, SPEECH);
}
