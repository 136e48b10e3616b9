// The `speechDraft/exportDocx` answer: the draft as a Word document, unless
// the preflight finds what must be fixed first (and the writer did not force it).

import * as path from 'path';
import { draftFormat } from '../core';
import type { ExportDocxParams, ExportDocxResult } from '../protocol';
import type { Analysis } from './analysis';

/** The exporter, a bundle of its own loaded on first use (it is larger than the rest of the server). */
function exporter(): typeof import('../export/api') {
  return require(path.join(__dirname, 'export.js'));
}

export async function exportDocx(a: Analysis, params: ExportDocxParams, languageId: string | undefined): Promise<ExportDocxResult> {
  const { exportDocx: toDocx, preflight } = exporter();
  const { blocking, warnings } = preflight(a.result.findings);
  if (blocking.length && !params.force) {
    const problems = blocking.map((f) => ({ rule: f.rule, line: a.result.model.lines.positionAt(f.span.start).line, message: f.message }));
    return { status: 'blocked', problems, warnings: warnings.length };
  }
  const report = { replaced: 0 };
  const options = { markdown: draftFormat({ languageId }) === 'markdown', layout: { keepOutlineBlock: !!params.keepOutline } };
  const bytes = await toDocx(a.result.model, options, report);
  return { status: 'done', data: Buffer.from(bytes).toString('base64'), warnings: warnings.length, replaced: report.replaced };
}
