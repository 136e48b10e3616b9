// Each mark a grouped finding stands for (`本段有 12 处半角标点`: each of the 12)
// underlined lightly, a dotted line in the warning colour: the paragraph has
// one squiggle, and the writer still sees where every mark is. The server
// gives the marks (`speechDraft/groupedMarks`) and names each in its hover.

import * as vscode from 'vscode';
import { GroupedMarksRequest } from '../../server/src/protocol';
import { isDraft } from './settings';
import type { SpeechServer } from './speechServer';

export class GroupedMarks implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** The marks last drawn, per document (the tests read them). */
  readonly drawn = new Map<string, vscode.Range[]>();

  constructor(private readonly server: SpeechServer) {
    this.disposables.push(
      // The marks change with the findings: asked again when the diagnostics of a shown draft change.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const changed = new Set(e.uris.map(String));
        for (const editor of vscode.window.visibleTextEditors) if (changed.has(editor.document.uri.toString())) void this.refresh(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => void this.refresh(e))),
      vscode.workspace.onDidCloseTextDocument((d) => this.drawn.delete(d.uri.toString())),
    );
  }

  async refresh(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (!isDraft(doc) || !this.server.isRunning()) return;
    let ranges: vscode.Range[] = [];
    try {
      const result = await this.server.sendRequest(GroupedMarksRequest, { textDocument: { uri: doc.uri.toString() } });
      ranges = (result?.marks ?? []).map((m) => new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character));
    } catch {
      return; // the server restarts: the next diagnostics ask again
    }
    this.drawn.set(doc.uri.toString(), ranges);
    editor.setDecorations(this.decoration, ranges);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.decoration.dispose();
  }
}
