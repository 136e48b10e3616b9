// Applying fixes. A fix is taken whole or not at all; its edits never overlap
// another taken fix; text outside the edits is never touched.

import type { Finding, Fix, TextEdit } from './types';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point, or an insertion inside a replaced range, conflict too.
  return a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
}

export interface ApplyResult {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/** Applies the fixes in order of preference; a fix conflicting with one already taken waits for the next pass. */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const valid = fix.edits.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end);
    const conflict = fix.edits.some((e, i) => taken.some((t) => overlaps(t, e)) || fix.edits.some((o, j) => j !== i && overlaps(o, e)));
    if (!valid || conflict || fix.edits.length === 0) {
      skipped.push(fix);
      continue;
    }
    taken.push(...fix.edits);
    applied.push(fix);
  }
  return { text: applyEdits(text, taken), applied, skipped };
}

/** Applies edits known not to overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The preferred fix of each finding, when it is safe (cannot change what the speech says). */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) if (f.fixes?.[0]?.safe) out.push(f.fixes[0]);
  return out;
}
