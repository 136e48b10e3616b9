// Runs first (files run in name order): the extension activated with no draft
// open starts no language server and loads no LSP client; the first draft to
// open starts it.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { skipBecause } from '../../helpers/skip';
import { api, codeOf, diagnosticsWhere, EXTENSION_ID, waitFor, workspaceFile } from './util';

describe('Activation without a draft', () => {
  it('starts the language server only when a draft opens, not for a Markdown file', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (ext.isActive && (await api()).server.isRunning()) {
      skipBecause(this, 'a draft was open before this test; the server is already up');
    }
    const a = await api();
    assert.strictEqual(a.server.client, undefined, 'no client before a draft opens');
    // Markdown is not a draft language by default.
    const md = await vscode.workspace.openTextDocument(workspaceFile('draft.md'));
    await vscode.window.showTextDocument(md);
    assert.strictEqual(a.server.client, undefined, 'a Markdown file starts nothing');
    assert.ok(!a.server.isRunning());

    const started = waitFor([a.server.onDidStart], () => (a.server.isRunning() ? true : undefined), 'the server to start');
    const txt = await vscode.workspace.openTextDocument(workspaceFile('draft.txt'));
    await vscode.window.showTextDocument(txt);
    await started;
    const diags = await diagnosticsWhere(txt.uri, (d) => d.length > 0, 'diagnostics of the first draft');
    assert.ok(diags.every((d) => typeof codeOf(d) === 'string'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
