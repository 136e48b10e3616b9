// The extension's own settings (the checker's settings go to the server as they
// are), and which documents are drafts: a language of `speechDraft.languages`,
// in a file or an untitled editor, not matched by `speechDraft.ignore`.

import * as vscode from 'vscode';
import { WORD_DOCUMENT_SCHEME } from '../../server/src/protocol';
import { Glob, pathForGlobs } from '../../common/drafts/glob';

export const SECTION = 'speechDraft';

function stringsOr(config: vscode.WorkspaceConfiguration, key: string): string[] {
  const value = config.get<unknown>(key);
  const valid = (v: unknown): v is string[] => Array.isArray(v) && v.every((l) => typeof l === 'string');
  // A broken value falls back to the default package.json declares (generated from the settings table).
  const fallback = config.inspect<unknown>(key)?.defaultValue;
  return valid(value) ? value : valid(fallback) ? fallback : [];
}

export function draftLanguages(): string[] {
  return stringsOr(vscode.workspace.getConfiguration(SECTION), 'languages');
}

/** The `speechDraft.ignore` glob that matches the document, if one does. */
export function ignoredBy(doc: vscode.TextDocument): string | undefined {
  if (doc.uri.scheme !== 'file') return undefined;
  const patterns = stringsOr(vscode.workspace.getConfiguration(SECTION, doc.uri), 'ignore').filter((p) => p !== '');
  if (!patterns.length) return undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const path = pathForGlobs(doc.uri.fsPath, folders);
  return patterns.find((p) => new Glob(p).matches(path));
}

/** True for a document the checker looks at. */
export function isDraft(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  const scheme = doc?.uri.scheme;
  return !!doc && (scheme === 'file' || scheme === 'untitled' || scheme === WORD_DOCUMENT_SCHEME) && draftLanguages().includes(doc.languageId) && ignoredBy(doc) === undefined;
}
