// When the server process dies: restart it quietly and tell the writer once,
// instead of the client's cascade of notifications; give up after too many
// crashes in a short time, with one message.

import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type Message } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

export class CrashHandler implements ErrorHandler {
  private restarts: number[] = [];
  /** Messages shown, for tests: one per crash, never more. */
  messages = 0;

  error(_error: Error, _message: Message | undefined, count: number | undefined) {
    // A few broken messages do not mean the server is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed() {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < WINDOW_MS);
    this.restarts.push(now);
    this.messages++;
    if (this.restarts.length > MAX_RESTARTS) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The Speech Draft server stopped {0} times in three minutes and was not restarted. Run “Restart the Language Server” to try again.', this.restarts.length),
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('The Speech Draft server stopped unexpectedly and was restarted.'));
    return { action: CloseAction.Restart, handled: true };
  }
}
