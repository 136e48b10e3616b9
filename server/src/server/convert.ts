// Core spans and edits to LSP ranges and edits.

import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { LineIndex, Span, TextEdit as CoreEdit } from '../core';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toEdits(lines: LineIndex, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}

export function workspaceEdit(uri: string, lines: LineIndex, edits: readonly CoreEdit[]): WorkspaceEdit {
  return { changes: { [uri]: toEdits(lines, edits) } };
}

export const RULE_DOC_BASE = 'https://github.com/speech-draft/speech-draft/blob/main/docs/rules/';
