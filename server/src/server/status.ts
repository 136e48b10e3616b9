// For tests and troubleshooting: what the server holds and has done
// (`speechDraft/serverStatus`), and the text it holds of a document
// (`speechDraft/documentInfo`, to compare with the editor's). Cheap by design:
// neither checks anything.

import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fnv1a } from '../core';
import type { DocumentInfoResult, DocumentParams, ServerStatusResult } from '../protocol';
import type { Analyzer } from './analysis';
import { diagnosticStats, type Diagnostics } from './diagnostics';
import { fixAllStats } from './fixAll';
import type { Sessions } from './session';
import type { Settings } from './settings';
import { warmUpStats } from './warmUp';

export function serverStatus(documents: TextDocuments<TextDocument>, sessions: Sessions, analyzer: Analyzer, settings: Settings): ServerStatusResult {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    pid: process.pid,
    documents: documents.keys().length,
    analyzed: sessions.analyzed,
    cachedSettings: settings.size,
    configs: analyzer.configCount,
    checks: analyzer.checks,
    checksAfterEdit: analyzer.checksAfterEdit,
    settingsLoads: settings.loads,
    settingsResolutions: settings.resolutions,
    fixAllRuns: fixAllStats.runs,
    warmUp: { ...warmUpStats },
    diagnosticsMade: diagnosticStats.made,
    heapUsed: m.heapUsed,
    rss: m.rss,
  };
}

export function documentInfo(documents: TextDocuments<TextDocument>, diagnostics: Diagnostics, params: DocumentParams): DocumentInfoResult | null {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const text = doc.getText();
  return { version: doc.version, length: text.length, hash: fnv1a(text), answeredVersion: diagnostics.answeredVersion(doc.uri) };
}
