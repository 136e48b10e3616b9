// Moving a section among its siblings: the server makes the edit from its
// model (the whole section's text moves, each list's numbers follow, in the
// draft's own numerals); the client only applies it, in one undo step.

import * as vscode from 'vscode';
import { MoveSectionRequest, type HeadingTreeNode } from '../../server/src/protocol';
import type { SpeechServer } from './speechServer';

/** Moves `node` one place up or down, or to the place of its sibling `to`; false when nothing moved. */
export async function moveSection(server: SpeechServer, doc: vscode.TextDocument, node: HeadingTreeNode, to: 'up' | 'down' | HeadingTreeNode): Promise<boolean> {
  const version = doc.version;
  const result = await server.sendRequest(MoveSectionRequest, {
    textDocument: { uri: doc.uri.toString() },
    position: node.selectionRange.start,
    to: typeof to === 'string' ? to : to.selectionRange.start,
  });
  if (!result) return false;
  if (result.status === 'refused') {
    void vscode.window.showInformationMessage(result.message);
    return false;
  }
  // Made for another version of the text: its positions would be wrong. The tree refreshes; the writer tries again.
  if (result.version !== version || doc.version !== version) return false;
  return server.applyEdit(result.edit);
}
