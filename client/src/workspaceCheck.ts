// 讲稿助手：检查整个工作区: the extension finds the candidate files (VS Code
// knows the workspace's exclusions and file associations), the server reads,
// checks and publishes them with progress (speechDraft/checkWorkspace), and
// the Problems panel shows what it found. A file shown in an editor has its
// own (pulled) diagnostics: it is not sent, and what was published for it
// goes once it is shown, so that nothing is listed twice.

import * as vscode from 'vscode';
import { CheckWorkspaceRequest, type CheckWorkspaceResult, type WorkspaceFile } from '../../server/src/protocol';
import { associatedLanguage, SPEECH } from './draftLanguage';
import { draftLanguages } from './settings';
import type { SpeechServer } from './speechServer';

/** More files than any office keeps drafts in: the rest are left out (and said so). */
const MAX_FILES = 5000;

/** The files to check, with the language each would open in. */
export async function workspaceFiles(): Promise<{ files: WorkspaceFile[]; truncated: boolean }> {
  const languages = draftLanguages();
  const extensions = ['speech', 'txt', ...(languages.includes('markdown') ? ['md'] : [])];
  const found = await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, undefined, MAX_FILES + 1);
  const files: WorkspaceFile[] = [];
  const shown = new Set(shownFiles().map((u) => u.toString()));
  for (const uri of found.slice(0, MAX_FILES).sort((a, b) => a.path.localeCompare(b.path))) {
    if (shown.has(uri.toString())) continue;
    const own = associatedLanguage(uri);
    if (/\.speech$/i.test(uri.path)) files.push({ uri: uri.toString(), languageId: own ?? SPEECH });
    else if (/\.md$/i.test(uri.path)) files.push({ uri: uri.toString(), languageId: own ?? 'markdown' });
    else if (own) files.push({ uri: uri.toString(), languageId: own });
    // A .txt nobody has decided about: a draft if it looks like a speech (or if every plain-text file is one).
    else files.push({ uri: uri.toString(), languageId: 'plaintext', ifSpeechLike: !languages.includes('plaintext') });
  }
  return { files, truncated: found.length > MAX_FILES };
}

/** The files open in editor tabs. */
function shownFiles(): vscode.Uri[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri] : []));
}

/**
 * Drops what the workspace check published for a file once it is shown: VS
 * Code pulls the diagnostics of what is shown, into a collection of their own.
 */
export function dropPublishedWhenShown(server: SpeechServer): vscode.Disposable {
  return vscode.window.onDidChangeVisibleTextEditors((editors) => {
    const published = server.client?.diagnostics;
    if (published) for (const e of editors) published.delete(e.document.uri);
  });
}

export async function checkWorkspace(server: SpeechServer): Promise<CheckWorkspaceResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the workspace check looks at the drafts in it.'));
    return undefined;
  }
  const { files, truncated } = await workspaceFiles();
  const result = await server.sendRequest(CheckWorkspaceRequest, { files });
  const summary = vscode.l10n.t('Checked {0} drafts: {1} with findings, {2} findings in all.', result.checked, result.withFindings, result.findings);
  const notes = [result.cancelled ? vscode.l10n.t('Stopped before the end.') : '', truncated ? vscode.l10n.t('Only the first {0} files were looked at.', MAX_FILES) : ''].filter(Boolean);
  const show = vscode.l10n.t('Show Problems');
  void vscode.window.showInformationMessage([summary, ...notes].join(' '), show).then((c) => {
    if (c === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
