// The marks of the grouped findings (`本段有 12 处半角标点`: each of the 12), for
// the editor to underline lightly: the answer to `speechDraft/groupedMarks`.

import type { GroupedMarksResult } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';

export function groupedMarks(a: Analysis): GroupedMarksResult {
  const { findings, model } = a.result;
  const marks = findings.flatMap((f) => (f.members ?? []).map((m) => ({ range: toRange(model.lines, m.span), rule: m.rule, message: m.message })));
  return { version: a.version, marks };
}
