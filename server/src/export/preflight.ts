// What stops an export: text that must not reach the printed page
// (placeholders, download-site residue) and structural errors, as each rule
// declares (`blocksExport`).

import { ruleById, type Finding } from '../core';

export interface Preflight {
  /** Findings that stop the export unless the writer chooses to export anyway. */
  blocking: Finding[];
  /** Warnings listed; the export goes on. */
  warnings: Finding[];
}

function blocks(f: Finding): boolean {
  const when = ruleById(f.rule)?.blocksExport ?? 'never';
  return when === 'always' || (when === 'error' && f.severity === 'error');
}

export function preflight(findings: readonly Finding[]): Preflight {
  const blocking: Finding[] = [];
  const warnings: Finding[] = [];
  for (const f of findings) {
    if (blocks(f)) blocking.push(f);
    else if (f.severity !== 'info') warnings.push(f);
  }
  return { blocking, warnings };
}
