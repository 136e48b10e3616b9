// A GB18030/GBK draft opened as UTF-8 shows as mojibake (VS Code puts U+FFFD
// for every byte it cannot read). Rather than leave the writer with that, say
// what the file is and offer to reopen it in its encoding.

import * as path from 'path';
import * as vscode from 'vscode';

/** Bytes looked at: enough for any draft's opening pages. */
const SNIFF_BYTES = 64 * 1024;

/** Whether bytes that are not UTF-8 read as GB18030 text: valid, and mostly Han characters where they are not ASCII. */
export function looksLikeGb18030(bytes: Uint8Array): boolean {
  let sample = bytes.subarray(0, SNIFF_BYTES);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return false;
  } catch {
    // not UTF-8: read on
  }
  // A sample cut inside a two- or four-byte character: back up to the last ASCII byte.
  if (sample.length < bytes.length) {
    let end = sample.length;
    while (end > 0 && sample[end - 1] >= 0x80) end--;
    sample = sample.subarray(0, end);
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(sample);
  } catch {
    return false;
  }
  const wide = [...text].filter((c) => c.codePointAt(0)! >= 0x80);
  const han = wide.filter((c) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c)).length;
  return wide.length > 0 && han / wide.length >= 0.6;
}

export class EncodingCheck implements vscode.Disposable {
  private readonly told = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly reopened: (doc: vscode.TextDocument) => unknown) {
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor((e) => e && void this.check(e.document)));
    const active = vscode.window.activeTextEditor?.document;
    if (active) void this.check(active);
  }

  /** Whether a file shown as UTF-8 (with U+FFFD where VS Code could not read it) is GB18030 on disk. */
  async misread(doc: vscode.TextDocument): Promise<boolean> {
    if (doc.uri.scheme !== 'file' || !/^utf8/.test(doc.encoding) || !doc.getText(new vscode.Range(0, 0, 200, 0)).includes('\ufffd')) return false;
    try {
      return looksLikeGb18030(await vscode.workspace.fs.readFile(doc.uri));
    } catch {
      return false;
    }
  }

  /** Says so, once a session, when a file shown as UTF-8 is GB18030, and reopens it in that encoding if the writer wants. */
  async check(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (this.told.has(key) || !(await this.misread(doc))) return;
    this.told.add(key);
    const reopen = vscode.l10n.t('Reopen as GB18030');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('“{0}” is not UTF-8: it looks like GB18030/GBK and shows as garbled text. Reopen it in that encoding (and save it as UTF-8 for the command line)?', path.posix.basename(doc.uri.path)),
      reopen,
    );
    if (choice === reopen) await this.reopen(doc);
  }

  async reopen(doc: vscode.TextDocument): Promise<vscode.TextDocument> {
    const reopened = await reopenAs(doc, 'gb18030');
    void this.reopened(reopened);
    return reopened;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The document read again in `encoding`; VS Code's own picker where that fails (a document with unsaved changes). */
export async function reopenAs(doc: vscode.TextDocument, encoding: string): Promise<vscode.TextDocument> {
  try {
    const reopened = await vscode.workspace.openTextDocument(doc.uri, { encoding });
    await vscode.window.showTextDocument(reopened);
    return reopened;
  } catch {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
    return doc;
  }
}
