// Whether a .txt (or any plain-text file) is a speech draft: kept as its
// language in the workspace's `files.associations` — `speech` for a draft,
// `plaintext` for a file that is not — so that VS Code itself opens it so next
// time, with the draft language's defaults (word wrap, no unicode highlighting
// of 　（×, auto-closing （“《【). A .txt that looks like a speech from its first
// lines and has no entry yet asks once; the status bar switches it any time.

import * as path from 'path';
import * as vscode from 'vscode';
import { looksLikeSpeech, SPEECH_LIKE_PREFIX } from '../../common/drafts/speechLike';
import { ignoredBy } from './settings';

export const SPEECH = 'speech';
const PLAIN = 'plaintext';
/** workspaceState: the writer chose to open every speech-like .txt as a draft without being asked. */
const ALWAYS_KEY = 'speechDraft.openSpeechLikeTxtAsDraft';

/** Glob characters written literally: `[` `]` `{` `}` `*` `?` each in a class of its own. */
function literalGlob(s: string): string {
  return s.replace(/[[\]{}*?]/g, (c) => `[${c}]`);
}

/**
 * The `files.associations` key of one file: `**` and its path inside its
 * workspace folder (VS Code matches a key holding a slash against the whole
 * path), or its whole path where no folder holds it.
 */
export function associationKey(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const relative = folder ? path.posix.relative(folder.uri.path, uri.path) : undefined;
  return relative ? `**/${literalGlob(relative)}` : literalGlob(uri.path);
}

/** The language this file's own entry names, if it has one. */
export function associatedLanguage(uri: vscode.Uri): string | undefined {
  const entries = vscode.workspace.getConfiguration('files', uri).get<Record<string, string>>('associations') ?? {};
  return entries[associationKey(uri)];
}

/**
 * Opens the file as a draft (`speech`) or as plain text from now on: its entry
 * in the workspace's `files.associations` (the user's, with no folder open),
 * and the open document switched at once.
 */
export async function keepLanguage(doc: vscode.TextDocument, languageId: string): Promise<vscode.TextDocument> {
  if (doc.uri.scheme === 'file') {
    const config = vscode.workspace.getConfiguration('files', doc.uri);
    const target = vscode.workspace.getWorkspaceFolder(doc.uri) ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const inspected = config.inspect<Record<string, string>>('associations');
    const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
    await config.update('associations', { ...current, [associationKey(doc.uri)]: languageId }, target);
  }
  return doc.languageId === languageId ? doc : vscode.languages.setTextDocumentLanguage(doc, languageId);
}

/** A plain-text file of the file system, in no language of its own, that nobody has decided about. */
function undecided(doc: vscode.TextDocument): boolean {
  return doc.languageId === PLAIN && doc.uri.scheme === 'file' && /\.txt$/i.test(doc.uri.path) && associatedLanguage(doc.uri) === undefined && ignoredBy(doc) === undefined;
}

export class SpeechLikeTxt implements vscode.Disposable {
  /** Asked in this session already (a dismissed question is not asked again until the window reloads). */
  private readonly asked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor((e) => e && void this.consider(e.document)));
    const active = vscode.window.activeTextEditor?.document;
    if (active) void this.consider(active);
  }

  /** Asks about a speech-like .txt the writer is looking at; resolves to the document as it is then. */
  async consider(doc: vscode.TextDocument): Promise<vscode.TextDocument> {
    const key = doc.uri.toString();
    if (!undecided(doc) || this.asked.has(key) || !looksLikeSpeech(doc.getText(new vscode.Range(0, 0, 80, 0)).slice(0, SPEECH_LIKE_PREFIX))) return doc;
    this.asked.add(key);
    if (this.state.get(ALWAYS_KEY) === true) return keepLanguage(doc, SPEECH);
    const open = vscode.l10n.t('Open as a Speech Draft');
    const always = vscode.l10n.t('Always, in This Workspace');
    const no = vscode.l10n.t('Not a Speech');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('“{0}” looks like a speech draft. Open it as one (word wrap, checks of numbering, 【提纲】 and punctuation)?', path.posix.basename(doc.uri.path)),
      open,
      always,
      no,
    );
    if (doc.isClosed) return doc;
    if (choice === always) await this.state.update(ALWAYS_KEY, true);
    if (choice === open || choice === always) return keepLanguage(doc, SPEECH);
    if (choice === no) return keepLanguage(doc, PLAIN);
    return doc;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
