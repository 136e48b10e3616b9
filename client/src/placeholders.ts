// 转到下一个/上一个占位符: the placeholder findings of the active draft, in
// order from the cursor, wrapping at the ends. A finding's code is
// `{ value, target }` once it links its rule's page, so it is read through
// `ruleOf`, never compared as a string.

import * as vscode from 'vscode';
import { ruleOf } from './diagnosticCode';

export type Direction = 'next' | 'previous';

/** The placeholders of a document, sorted by where they start. */
export function placeholderRanges(uri: vscode.Uri): vscode.Range[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => ruleOf(d) === 'placeholder')
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
}

/** The placeholder after (or before) the selection, wrapping round; undefined when there is none. */
export function placeholderFrom(ranges: readonly vscode.Range[], selection: vscode.Selection, direction: Direction): vscode.Range | undefined {
  if (direction === 'next') return ranges.find((r) => r.start.isAfter(selection.start)) ?? ranges[0];
  return [...ranges].reverse().find((r) => r.start.isBefore(selection.start)) ?? ranges[ranges.length - 1];
}

export async function goToPlaceholder(direction: Direction): Promise<vscode.Range | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const target = placeholderFrom(placeholderRanges(editor.document.uri), editor.selection, direction);
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholder left in this draft.'));
    return undefined;
  }
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return target;
}
