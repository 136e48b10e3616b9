// The usual first use: a draft is already open when the language server starts
// (opening it is what activates the extension). Its diagnostics must come
// without the writer typing anything.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere } from './util';

describe('A draft open before the language server starts', () => {
  it('gets its diagnostics once the server is up', async () => {
    const a = await api();
    await a.client.stop();
    try {
      // A new untitled draft: no diagnostics from an earlier server can linger on it.
      const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: '一、认清形势\n\n正文。\n\n三、狠抓落实\n\n正文。\n' });
      await vscode.window.showTextDocument(doc);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri), []);
      await a.client.start();
      const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics of the draft open at start');
      assert.ok(diags.some((d) => codeOf(d) === 'numbering-sequence' && d.range.start.line === 4));
    } finally {
      if (!a.client.isRunning()) await a.client.start();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
