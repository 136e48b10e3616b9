// Moving a section among its siblings: the whole section's text moves, and
// the siblings' numbers follow, in one edit (one undo).

import * as vscode from 'vscode';
import type { OutlineNode } from '../../server/src/protocol';
import { reorderedBlocks } from './reorder';

export async function moveSection(doc: vscode.TextDocument, siblings: OutlineNode[], from: number, to: number): Promise<boolean> {
  if (from === to || to < 0 || to >= siblings.length) return false;
  // Only sections that begin their own line can move: run-in items inside a paragraph cannot.
  const starts: number[] = [];
  for (const s of siblings) {
    const line = doc.lineAt(s.range.start.line);
    if (s.range.start.character !== line.firstNonWhitespaceCharacterIndex) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This item does not begin its own line, so it cannot be moved.'));
      return false;
    }
    starts.push(doc.offsetAt(line.range.start));
  }
  const last = siblings[siblings.length - 1];
  const lastEnd = doc.offsetAt(doc.lineAt(last.range.end.line).rangeIncludingLineBreak.end);
  const edit = reorderedBlocks(doc.getText(), starts, lastEnd, from, to, siblings.map((n) => n.marker));
  const we = new vscode.WorkspaceEdit();
  we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.newText);
  return vscode.workspace.applyEdit(we);
}
