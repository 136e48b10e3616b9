// The extension's own settings (the checker's settings go to the server as they are).

import * as vscode from 'vscode';
import { WORD_DOCUMENT_SCHEME } from '../../server/src/protocol';

export const SECTION = 'speechDraft';

export function draftLanguages(): string[] {
  const config = vscode.workspace.getConfiguration(SECTION);
  const value = config.get<unknown>('languages');
  const valid = (v: unknown): v is string[] => Array.isArray(v) && v.every((l) => typeof l === 'string');
  // A broken value falls back to the default package.json declares (generated from the settings table).
  const fallback = config.inspect<unknown>('languages')?.defaultValue;
  return valid(value) ? value : valid(fallback) ? fallback : [];
}

/** True for a document the checker looks at. */
export function isDraft(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  const scheme = doc?.uri.scheme;
  return !!doc && (scheme === 'file' || scheme === 'untitled' || scheme === WORD_DOCUMENT_SCHEME) && draftLanguages().includes(doc.languageId);
}
