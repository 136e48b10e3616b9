// The extension's own settings (the checker's settings go to the server as they are).

import * as vscode from 'vscode';

export const SECTION = 'speechDraft';

export function draftLanguages(): string[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('languages');
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : ['speech', 'plaintext'];
}

/** True for a document the checker looks at. */
export function isDraft(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && draftLanguages().includes(doc.languageId);
}
