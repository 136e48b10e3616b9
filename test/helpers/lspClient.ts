// A real LSP client for tests: spawns the bundled server over stdio and
// speaks JSON-RPC to it, as an editor does.

import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './corpus';

export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export type DiagnosticsModel = 'push' | 'pull';

export interface ClientOptions {
  model: DiagnosticsModel;
  locale?: string;
  /** What `workspace/configuration` answers for the section `speechDraft`. */
  settings?: Record<string, unknown>;
  /** Sent in `initialize`, for clients that push their settings. */
  initializationOptions?: unknown;
  /** Node.js options for the server process, e.g. --expose-gc. */
  nodeArgs?: string[];
  /** Adjusts the declared capabilities, to play a more limited client. */
  tweakCapabilities?: (caps: ClientCapabilities) => void;
  /** Folders (paths) sent as `workspaceFolders` in `initialize`, the first also as `rootUri`; none by default. */
  workspaceFolders?: string[];
}

export function capabilities(model: DiagnosticsModel): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      diagnostics: model === 'pull' ? { refreshSupport: true } : undefined,
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
      diagnostic: model === 'pull' ? { dynamicRegistration: false } : undefined,
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      hover: { contentFormat: ['markdown'] },
      completion: { completionItem: { snippetSupport: false } },
    },
  };
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly messages: Array<{ type: number; message: string }> = [];
  /** Every edit the server asked to apply, applied or refused. */
  readonly appliedEdits: unknown[] = [];
  /** Those refused because they name a version the document no longer has (as vscode-languageclient does). */
  readonly refusedEdits: unknown[] = [];
  /** Every publishDiagnostics received, in order. */
  readonly publishLog: Array<{ uri: string; version: number | undefined; codes: unknown[] }> = [];
  /** Methods the server registered dynamically. */
  readonly registrations: string[] = [];
  /** How often the server asked to re-pull diagnostics. */
  refreshRequests = 0;
  /** The `scopeUri` of every `workspace/configuration` item the server asked for, in order. */
  readonly configurationScopes: Array<string | undefined> = [];
  settings: Record<string, unknown>;
  private diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: Array<() => void> = [];
  /** Everything the server wrote on stdout, to check it is protocol only. */
  readonly rawStdout: Buffer[] = [];
  stderr = '';
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();

  constructor(readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (b: Buffer) => this.rawStdout.push(b));
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.publishLog.push({ uri: p.uri, version: p.version, codes: p.diagnostics.map((d) => d.code) });
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string }> }) => {
      this.configurationScopes.push(...p.items.map((i) => i.scopeUri));
      return p.items.map(() => this.settings);
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      this.wake();
      return null;
    });
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.wake();
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEditLike }): { applied: boolean; failureReason?: string } => {
      this.appliedEdits.push(p.edit);
      const stale = (p.edit.documentChanges ?? []).some((c) => c.textDocument.version !== null && this.versions.has(c.textDocument.uri) && this.versions.get(c.textDocument.uri) !== c.textDocument.version);
      if (stale) {
        this.refusedEdits.push(p.edit);
        return { applied: false, failureReason: 'the document changed' };
      }
      return { applied: true };
    });
    this.connection.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Waits until `ready()` holds, re-checking on every message from the server. */
  async until<T>(ready: () => T | undefined | Promise<T | undefined>, what: string, timeout = 10000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = await ready();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async initialize(): Promise<Record<string, unknown>> {
    const caps = capabilities(this.options.model);
    this.options.tweakCapabilities?.(caps);
    const folders = this.options.workspaceFolders?.map((p) => ({ uri: pathToFileURL(p).href, name: path.basename(p) }));
    const r = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      locale: this.options.locale ?? 'zh-cn',
      capabilities: caps,
      initializationOptions: this.options.initializationOptions,
      workspaceFolders: folders ?? null,
    });
    await this.connection.sendNotification('initialized', {});
    return r as Record<string, unknown>;
  }

  text(uri: string): string {
    return this.texts.get(uri)!;
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one incremental change, given in UTF-16 offsets of the client's text. */
  async edit(uri: string, start: number, end: number, newText: string): Promise<void> {
    const text = this.texts.get(uri)!;
    const change: TextDocumentContentChangeEvent = { range: { start: positionIn(text, start), end: positionIn(text, end) }, text: newText };
    const version = this.versions.get(uri)! + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text.slice(0, start) + newText + text.slice(end));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  }

  /**
   * Sends incremental changes (UTF-16 offsets of the text as each leaves it)
   * all in one write, as an editor does when the user types faster than the
   * server reads: the server receives them together.
   */
  burst(uri: string, edits: Array<{ start: number; end: number; newText: string }>): void {
    const frames: Buffer[] = [];
    for (const e of edits) {
      const text = this.texts.get(uri)!;
      const version = this.versions.get(uri)! + 1;
      const change = { range: { start: positionIn(text, e.start), end: positionIn(text, e.end) }, text: e.newText };
      this.versions.set(uri, version);
      this.texts.set(uri, text.slice(0, e.start) + e.newText + text.slice(e.end));
      frames.push(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [change] } }));
    }
    this.child.stdin!.write(Buffer.concat(frames));
  }

  /** Forget the diagnostics received, to wait for the next ones. */
  forgetDiagnostics(uri: string): void {
    this.diagnostics.delete(uri);
  }

  version(uri: string): number {
    return this.versions.get(uri)!;
  }

  /** Diagnostics for the document's current version, by whichever model this client speaks. */
  async diagnosticsFor(uri: string): Promise<Diagnostic[]> {
    if (this.options.model === 'pull') {
      const r = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      return r.items;
    }
    // The publish for this version, or the last one when the server found the list unchanged and sent none.
    const version = this.version(uri);
    const p = await this.until(async () => {
      const d = this.diagnostics.get(uri);
      if (d && d.version === version) return d;
      const info = await this.request<{ answeredVersion?: number } | null>('speechDraft/documentInfo', { textDocument: { uri } });
      // A publish may have come while the request was under way: the latest one is the list held.
      return info?.answeredVersion !== undefined && info.answeredVersion >= version ? this.diagnostics.get(uri) : undefined;
    }, `diagnostics of ${uri} v${version}`);
    return p.diagnostics;
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    return (await this.connection.sendRequest(method, params)) as T;
  }

  /** The code actions offered for one diagnostic, at its range. */
  codeActionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may be gone already
    }
    this.connection.dispose();
    this.child.kill();
  }
}

/** One JSON-RPC message framed for the wire. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Offset -> LSP position in a text. */
export function positionIn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  return { line, character: offset - (Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1) };
}

/** The text a range covers, computed on the client's side. */
export function sliceRange(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };
type LspEdit = { range: LspRange; newText: string };

/** A WorkspaceEdit as the server sends it: `changes`, or `documentChanges` naming the document's version. */
export interface WorkspaceEditLike {
  changes?: Record<string, LspEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: LspEdit[] }>;
}

/** The edits a WorkspaceEdit makes to `uri`, and the version it names (undefined for unversioned `changes`). */
export function editsOf(edit: WorkspaceEditLike, uri: string): { edits: LspEdit[]; version: number | null | undefined } {
  if (edit.documentChanges) {
    const mine = edit.documentChanges.filter((c) => c.textDocument.uri === uri);
    assert.ok(mine.length <= 1, 'one TextDocumentEdit per document');
    return { edits: mine[0]?.edits ?? [], version: mine[0]?.textDocument.version };
  }
  return { edits: edit.changes?.[uri] ?? [], version: undefined };
}

/** Applies a WorkspaceEdit's changes for `uri` to a text, as an editor would; also the edits as offsets. */
export function applyWorkspaceEdit(
  text: string,
  edit: WorkspaceEditLike,
  uri: string,
): { text: string; spans: Array<{ start: number; end: number; newText: string }> } {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  const spans = editsOf(edit, uri).edits.map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText }));
  const out = [...spans].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
  return { text: out, spans: spans.sort((a, b) => a.start - b.start) };
}
