// Core spans and edits to LSP ranges and edits.

import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { LineIndex, Span, TextEdit as CoreEdit } from '../core';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toEdits(lines: LineIndex, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}

/** The document version an edit was computed from, and its line index (one analysis: never mixed). */
export interface EditSource {
  uri: string;
  version: number;
  lines: LineIndex;
}

/**
 * A workspace edit of one document. Where the client takes `documentChanges`
 * it names the version the edits were computed from, so that a client whose
 * document has moved on refuses it instead of applying it to the wrong lines.
 */
export function workspaceEdit(source: EditSource, edits: readonly CoreEdit[], documentChanges: boolean): WorkspaceEdit {
  const lspEdits = toEdits(source.lines, edits);
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: source.uri, version: source.version }, edits: lspEdits }] };
  return { changes: { [source.uri]: lspEdits } };
}

export const RULE_DOC_BASE = 'https://github.com/speech-draft/speech-draft/blob/main/docs/rules/';
