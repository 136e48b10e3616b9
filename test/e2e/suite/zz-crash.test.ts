// Crash recovery: if the server process dies, the client restarts it, the
// writer sees one message, and diagnostics come back. (Runs last: it kills the server.)

import * as assert from 'assert';
import * as vscode from 'vscode';
import { ServerStatusRequest } from '../../../server/src/protocol';
import { GAP_DRAFT } from '../../helpers/signalDrafts';
import { api, codeOf, diagnosticsWhere, waitFor, workspaceFile } from './util';

describe('Speech Draft after a server crash', () => {
  it('restarts the server, says so once, and the diagnostics return', async () => {
    const a = await api();
    // A file of its own, with a gap: the shared drafts may have been changed by the tests before.
    const file = workspaceFile('crash.speech');
    await vscode.workspace.fs.writeFile(file, Buffer.from(GAP_DRAFT, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics before the crash');
    const { pid } = await a.server.sendRequest(ServerStatusRequest, undefined);
    const messagesBefore = a.crashes.messages;
    process.kill(pid, 'SIGKILL');
    // The client notices, restarts the server, and reopens the drafts.
    const restarted = await waitFor(
      [a.client.onDidChangeState],
      () => (a.client.isRunning() && a.crashes.messages > messagesBefore ? true : undefined),
      'the restart',
      30000,
    );
    assert.ok(restarted);
    const status = await a.server.sendRequest(ServerStatusRequest, undefined);
    assert.notStrictEqual(status.pid, pid);
    assert.strictEqual(a.crashes.messages, messagesBefore + 1, 'one message for one crash');
    // A keystroke after the restart is checked as before.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), ''));
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics after the restart');
  });
});
