// 讲稿助手：检查整个工作区: the files the client found (it knows the
// workspace's exclusions and file associations) are read from disk, checked
// and published, with progress the writer sees and may cancel
// (`window/workDoneProgress`). A draft open in the editor is checked as it is
// there; where the server publishes diagnostics itself (push), it is left to
// its own checks. One file at a time, giving way to other messages between
// files, so that typing in an open draft is never held up.

import { fileURLToPath } from 'url';
import type { CancellationToken, Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Translate } from '../core';
import { looksLikeSpeech } from '../../../common/drafts/speechLike';
import { MAX_DRAFT_BYTES, readRegularFile } from '../node/regularFile';
import type { CheckWorkspaceParams, CheckWorkspaceResult, WorkspaceFile } from '../protocol';
import type { Analysis, Analyzer } from './analysis';
import { checksDocument, type Settings } from './settings';

export interface WorkspaceCheckDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: Settings;
  analyzer: Analyzer;
  diagnosticsOf: (a: Analysis) => Diagnostic[];
  t: Translate;
  /** The client pulls the diagnostics of open documents: those published here must then be taken back when one opens. */
  pulls: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceCheck {
  /** Files whose diagnostics this check published and the document's own checks have not replaced. */
  private readonly published = new Set<string>();

  constructor(private readonly deps: WorkspaceCheckDeps) {}

  async run(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    const { connection } = this.deps;
    const t = this.deps.t;
    const files = Array.isArray(params?.files) ? params.files.filter((f) => typeof f?.uri === 'string' && typeof f.languageId === 'string') : [];
    const result: CheckWorkspaceResult = { checked: 0, withFindings: 0, findings: 0, skipped: 0, cancelled: false };
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(t('Checking the workspace'), 0, t('{0} files', files.length), true);
    try {
      for (const [i, file] of files.entries()) {
        if (token.isCancellationRequested || progress?.token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        progress?.report(Math.floor((i / Math.max(files.length, 1)) * 100), t('{0} of {1}: {2}', i + 1, files.length, fileName(file.uri)));
        // Published already, and kept up to date, by the document's own checks.
        if (!this.deps.pulls && this.deps.documents.get(file.uri)) continue;
        const findings = await this.checkFile(file);
        if (findings === undefined) result.skipped++;
        else {
          result.checked++;
          result.findings += findings;
          if (findings) result.withFindings++;
        }
        await giveWay();
      }
    } finally {
      progress?.done();
    }
    return result;
  }

  /** The number of findings published for the file; undefined where it is not checked. */
  private async checkFile(file: WorkspaceFile): Promise<number | undefined> {
    // A draft open in the editor is checked as it is there, in its language there.
    const open = this.deps.documents.get(file.uri);
    const text = open ? open.getText() : readText(file.uri);
    if (text === undefined) return undefined;
    const languageId = open ? open.languageId : file.ifSpeechLike ? (looksLikeSpeech(text) ? 'speech' : undefined) : file.languageId;
    if (!languageId) return undefined;
    const { settings, analyzer } = this.deps;
    try {
      const s = await settings.forDocument(file.uri);
      // Opened while its settings were read, by a client that is pushed to: its own checks have it now.
      if (!checksDocument(s, languageId) || (!open && this.deps.documents.get(file.uri) && !this.deps.pulls)) return undefined;
      const a = analyzer.check(file.uri, analyzer.checkerFor(file.uri, undefined, s, languageId), open?.version ?? 0, text, s);
      this.published.add(file.uri);
      void this.deps.connection.sendDiagnostics({ uri: file.uri, diagnostics: this.deps.diagnosticsOf(a) });
      return a.result.findings.length;
    } finally {
      // Nothing of a file that is not open is kept.
      if (!this.deps.documents.get(file.uri)) {
        analyzer.release(file.uri);
        settings.forget(file.uri);
      }
    }
  }

  /** A file this check published opened: with pulled diagnostics, take its published ones back (they would show twice). */
  opened(uri: string): void {
    if (!this.published.delete(uri)) return;
    if (this.deps.pulls) void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function fileName(uri: string): string {
  const last = uri.replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The file's text: a regular file on disk, valid UTF-8 (a BOM dropped); undefined otherwise. */
function readText(uri: string): string | undefined {
  let file: string;
  try {
    if (!uri.startsWith('file:')) return undefined;
    file = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const read = readRegularFile(file, MAX_DRAFT_BYTES);
  if (read.kind !== 'read' || read.bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return decoder.decode(read.bytes).replace(/^\ufeff/, '');
  } catch {
    return undefined;
  }
}
