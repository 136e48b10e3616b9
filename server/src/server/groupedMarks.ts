// The marks of the grouped findings (`本段有 12 处半角标点`: each of the 12), for
// the editor to underline lightly: the answer to `speechDraft/groupedMarks`.

import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GroupedMarksResult } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';
import type { Sessions } from './session';
import type { Settings } from './settings';

/** From the analysis the diagnostics come from (in on-save mode the text last saved). */
export async function groupedMarksOf(uri: string, documents: TextDocuments<TextDocument>, settings: Settings, sessions: Sessions): Promise<GroupedMarksResult | null> {
  if (!documents.get(uri)) return null;
  const s = await settings.forDocument(uri);
  const doc = documents.get(uri);
  const a = doc ? sessions.forDiagnostics(doc, s) : null;
  return a ? groupedMarks(a) : null;
}

export function groupedMarks(a: Analysis): GroupedMarksResult {
  const { findings, model } = a.result;
  const marks = findings.flatMap((f) => (f.members ?? []).map((m) => ({ range: toRange(model.lines, m.span), rule: m.rule, message: m.message })));
  return { version: a.version, marks };
}
