// 讲稿助手：检查 Word 文档 — a .docx opened as a read-only view of its draft
// (scheme `speechdraft-docx:`, language `speech`), checked by the server as
// any draft: diagnostics, heading tree and status bar come with it. From the
// view: 将批注写入 Word 副本 (the findings into a copy, never the .docx itself)
// and 另存为讲话稿文本 (the text as a .speech file to edit). The server reads
// and writes the Word files; this module only asks and shows.

import * as vscode from 'vscode';
import { AnnotateWordDocumentRequest, ReadWordDocumentRequest, WORD_DOCUMENT_SCHEME } from '../../server/src/protocol';
import type { SpeechServer } from './speechServer';

/** The view of a .docx, and back. */
export const viewOf = (file: vscode.Uri): vscode.Uri => vscode.Uri.from({ scheme: WORD_DOCUMENT_SCHEME, path: file.path });
export const fileOf = (view: vscode.Uri): vscode.Uri => vscode.Uri.from({ scheme: 'file', path: view.path });

export interface WriteArgs {
  /** Where to write, without asking (tests, other extensions). */
  target?: vscode.Uri;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `draft.docx` → `draft.批注.docx` or `draft.speech` beside it. */
function beside(file: vscode.Uri, ending: string): vscode.Uri {
  return file.with({ path: file.path.replace(/(\.docx)?$/i, ending) });
}

export class WordDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly server: SpeechServer) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(WORD_DOCUMENT_SCHEME, this);
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const held = this.texts.get(view.toString());
    if (held !== undefined) return held;
    // A view restored with the window: read again (an error shows where the text would).
    const { text } = await this.server.sendRequest(ReadWordDocumentRequest, { uri: fileOf(view).toString() });
    this.texts.set(view.toString(), text);
    return text;
  }

  /** Opens the view of `file` (read again each time, so that a .docx saved meanwhile shows as it is now). */
  async open(file: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    let text: string;
    try {
      ({ text } = await this.server.sendRequest(ReadWordDocumentRequest, { uri: file.toString() }));
    } catch (e) {
      void vscode.window.showErrorMessage(messageOf(e));
      return undefined;
    }
    const view = viewOf(file);
    const before = this.texts.get(view.toString());
    this.texts.set(view.toString(), text);
    if (before !== undefined && before !== text) this.changed.fire(view);
    let doc = await vscode.workspace.openTextDocument(view);
    if (doc.languageId !== 'speech') doc = await vscode.languages.setTextDocumentLanguage(doc, 'speech');
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  /** The view a command from it works on: the active editor's, else the one last shown. */
  private currentView(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    const view =
      active?.uri.scheme === WORD_DOCUMENT_SCHEME ? active : vscode.window.visibleTextEditors.map((e) => e.document).find((d) => d.uri.scheme === WORD_DOCUMENT_SCHEME);
    if (!view) void vscode.window.showInformationMessage(vscode.l10n.t('Open a Word document first (Speech Draft: Check Word Document).'));
    return view;
  }

  /** The view a writing command works on and where it writes: the given target, else one the writer picks beside the .docx. */
  private async viewAndTarget(args: WriteArgs, suffix: string, filter: [string, string], title: string) {
    const view = this.currentView();
    if (!view) return undefined;
    const file = fileOf(view.uri);
    const target = args.target ?? (await vscode.window.showSaveDialog({ defaultUri: beside(file, suffix), filters: { [filter[0]]: [filter[1]] }, title }));
    return target ? { view, file, target } : undefined;
  }

  async annotate(args: WriteArgs = {}): Promise<vscode.Uri | undefined> {
    const chosen = await this.viewAndTarget(args, '.批注.docx', [vscode.l10n.t('Word document'), 'docx'], vscode.l10n.t('Write Comments into a Copy of the Word Document'));
    if (!chosen) return undefined;
    const { view, target } = chosen;
    try {
      // The server refuses the .docx itself (by whatever path or link names it) and writes atomically.
      const done = await this.server.sendRequest(AnnotateWordDocumentRequest, { textDocument: { uri: view.uri.toString() }, target: target.toString() });
      if (!done) return undefined;
      if (!args.target) void vscode.window.showInformationMessage(vscode.l10n.t('{0} comments written into {1}.', done.comments, vscode.workspace.asRelativePath(target)));
      return target;
    } catch (e) {
      void vscode.window.showErrorMessage(messageOf(e));
      return undefined;
    }
  }

  async saveAsText(args: WriteArgs = {}): Promise<vscode.Uri | undefined> {
    const chosen = await this.viewAndTarget(args, '.speech', [vscode.l10n.t('Speech draft'), 'speech'], vscode.l10n.t('Save as a Speech Draft'));
    if (!chosen) return undefined;
    const { view, file, target } = chosen;
    if (target.toString() === file.toString()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is the Word document itself: the text needs another name.', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(view.getText(), 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
    return target;
  }

  /** The .docx a command from the explorer names, else the active editor's, else one the writer picks. */
  async check(given?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    let file = given instanceof vscode.Uri ? given : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    if (!file && active?.scheme === WORD_DOCUMENT_SCHEME) file = fileOf(active);
    if (!file) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Check a Word Document') });
      file = picked?.[0];
    }
    return file ? this.open(file) : undefined;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
