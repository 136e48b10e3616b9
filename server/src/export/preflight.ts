// What stops an export: text that must not reach the printed page
// (placeholders, download-site residue) and structural errors.

import type { Finding, RuleId } from '../core';

const ALWAYS_BLOCKING: ReadonlySet<RuleId> = new Set(['placeholder', 'web-residue']);
const STRUCTURAL: ReadonlySet<RuleId> = new Set([
  'numbering-sequence',
  'numbering-style',
  'numbering-hierarchy',
  'outline-consistency',
  'announced-count',
  'heading-style',
  'heading-parallelism',
  'speech-structure',
]);

export interface Preflight {
  /** Findings that stop the export unless the writer chooses to export anyway. */
  blocking: Finding[];
  /** Warnings listed; the export goes on. */
  warnings: Finding[];
}

export function preflight(findings: readonly Finding[]): Preflight {
  const blocking: Finding[] = [];
  const warnings: Finding[] = [];
  for (const f of findings) {
    if (ALWAYS_BLOCKING.has(f.rule) || (f.severity === 'error' && STRUCTURAL.has(f.rule))) blocking.push(f);
    else if (f.severity !== 'info') warnings.push(f);
  }
  return { blocking, warnings };
}
