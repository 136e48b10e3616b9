// The language server as the rest of the extension sees it. The LSP client
// library (vscode-languageclient) is a bundle of its own, dist/languageClient.js,
// loaded with the server started when the first draft opens: opening a Markdown
// or text file that is not a draft costs the extension next to nothing.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkspaceEdit } from 'vscode-languageclient/node';
import type { Request } from '../../server/src/protocol';
import type { CrashHandler } from './crashes';
import type * as ClientBundle from './languageClient';

interface Started {
  client: LanguageClient;
  crashes: CrashHandler;
}

export class SpeechServer implements vscode.Disposable {
  private starting: Promise<Started> | undefined;
  private started: Started | undefined;
  private readonly didStart = new vscode.EventEmitter<void>();
  /** Fires once the server is up (the views then ask it for their contents). */
  readonly onDidStart = this.didStart.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Undefined until the first draft has opened. */
  get client(): LanguageClient | undefined {
    return this.started?.client;
  }

  get crashes(): CrashHandler | undefined {
    return this.started?.crashes;
  }

  isRunning(): boolean {
    return !!this.started?.client.isRunning();
  }

  /** Loads the client library and starts the server, once (again after a failed start). */
  start(): Promise<Started> {
    if (this.starting) return this.starting;
    this.starting = (async () => {
      const started = this.bundle().createLanguageClient(this.context);
      await started.client.start();
      this.started = started;
      this.didStart.fire();
      return started;
    })();
    // A start that failed (the client has said why) may be tried again, by the restart command or the next draft.
    this.starting.catch(() => (this.starting = undefined));
    return this.starting;
  }

  /** The bundle of the client library and what needs it (loaded once, by the first draft or the first command that writes settings). */
  bundle(): typeof ClientBundle {
    // A path the bundler leaves alone: this file must not carry the library.
    return require(this.context.asAbsolutePath('dist/languageClient.js')) as typeof ClientBundle;
  }

  async request<R>(method: string, params?: unknown): Promise<R> {
    const { client } = await this.start();
    return client.sendRequest<R>(method, params);
  }

  /** One of the custom requests of `protocol.ts`, typed by it. */
  sendRequest<P, R>(request: Request<P, R>, params: P): Promise<R> {
    return this.request<R>(request.method, params);
  }

  /** Applies an edit the server returned (its ranges in LSP terms). */
  async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    const { client } = await this.start();
    const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
    return !!converted && vscode.workspace.applyEdit(converted);
  }

  async restart(): Promise<void> {
    if (this.started) await this.started.client.restart();
    else await this.start();
  }

  async stop(): Promise<void> {
    await this.started?.client.stop();
  }

  dispose(): void {
    this.didStart.dispose();
  }
}
