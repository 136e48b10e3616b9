// Custom requests and command ids, declared once and shared by the language
// server and the VS Code client.

import type { Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/**
 * A custom request: its method, and the types of its parameters and result for
 * both sides. Plain data, so that the extension's first bundle carries no LSP
 * library (the client library loads when the first draft opens).
 */
export interface Request<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

const request = <P, R>(method: string): Request<P, R> => ({ method });

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export interface OutlineNode {
  /** The marker as written: `一、`, `（二）`, `第三，`. */
  marker: string;
  heading: string;
  kind: 'heading' | 'runin' | 'inline';
  depth: number;
  /** The whole section. */
  range: Range;
  /** The marker and the heading text. */
  selectionRange: Range;
  chars: number;
  minutes: number;
  /** Findings inside the section, by severity. */
  findings: FindingCounts;
  children: OutlineNode[];
}

export interface OutlineParams {
  textDocument: TextDocumentIdentifier;
}

export interface OutlineResult {
  version: number;
  nodes: OutlineNode[];
}

export interface StatsResult {
  version: number;
  chars: number;
  minutes: number;
  speakingRate: number;
  targetMinutes: number;
  paragraphs: number;
  findings: FindingCounts;
}

export interface DocumentInfoResult {
  version: number;
  /** Length in UTF-16 code units. */
  length: number;
  /** FNV-1a of the UTF-16 code units, as 8 hex digits. */
  hash: string;
}

export const OutlineRequest = request<OutlineParams, OutlineResult | null>('speechDraft/outline');
export const StatsRequest = request<OutlineParams, StatsResult | null>('speechDraft/stats');
export interface ServerStatusResult {
  pid: number;
  /** Documents the server holds an analysis for. */
  analyzed: number;
  /** After a garbage collection when the server runs with --expose-gc. */
  heapUsed: number;
  rss: number;
}

export const ServerStatusRequest = request<void, ServerStatusResult>('speechDraft/serverStatus');
export interface ExportDocxParams {
  textDocument: TextDocumentIdentifier;
  /** Export even when placeholders, download-site text or structural errors are found. */
  force?: boolean;
  keepOutline?: boolean;
}

export interface ExportProblem {
  rule: string;
  /** 0-based. */
  line: number;
  message: string;
}

export type ExportDocxResult =
  | { status: 'blocked'; problems: ExportProblem[]; warnings: number }
  | {
      status: 'done';
      /** The .docx, base64. */
      data: string;
      warnings: number;
      /** Characters XML cannot hold (U+FFFE, U+FFFF, lone surrogates, C0 controls but tab and line breaks), written as U+FFFD. */
      replaced: number;
    };

export const ExportDocxRequest = request<ExportDocxParams, ExportDocxResult | null>('speechDraft/exportDocx');
export const DocumentInfoRequest = request<OutlineParams, DocumentInfoResult | null>('speechDraft/documentInfo');

/**
 * Commands the server executes (`workspace/executeCommand`); arguments: [uri]
 * or [uri, position]. The editor's own palette commands (no arguments) are
 * `speechDraft.*` without `server`.
 */
export const Commands = {
  renumber: 'speechDraft.server.renumber',
  updateOutline: 'speechDraft.server.updateOutline',
  /** [uri, position on the heading or its 【提纲】 item] or [uri, index of the 【提纲】 item, depth first]. */
  syncHeadingFromOutline: 'speechDraft.server.syncHeadingFromOutline',
  /** Applies every safe fix of one rule: [uri, ruleId]. */
  fixAllOfRule: 'speechDraft.server.fixAllOfRule',
} as const;

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
