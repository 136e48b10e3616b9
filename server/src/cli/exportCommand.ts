// `speech-draft export FILE [--out FILE.docx] [--force] [--keep-outline]`:
// the draft as a Word document in the official layout. It checks first:
// placeholders, download-site residue and structural errors stop it (unless
// --force); warnings are listed and the export goes on.

import { Checker, draftFormat, type Finding, type Locale, type Translate } from '../core';
import { exportDocx } from '../export/docx';
import { preflight } from '../export/preflight';
import type { CliArgs } from './args';
import { EXIT_ERRORS_FOUND, EXIT_TROUBLE } from './checkCommand';
import { ConfigResolver } from './configs';
import { readDraft, replaceAtomically } from './draftFile';
import type { Io } from './io';
import { bilingualLine, message } from './messages';
import { formatText } from './output';

export function docxPathFor(draft: string): string {
  return draft.replace(/\.(txt|md|speech)$/i, '') + '.docx';
}

export async function runExport(args: CliArgs, locale: Locale, t: Translate, io: Io): Promise<number> {
  const file = args.paths[0];
  const read = readDraft(file);
  if (read.kind === 'binary') {
    io.err(bilingualLine(message('{0}: skipped: it is a binary file.', file)));
    return EXIT_TROUBLE;
  }
  if (read.kind === 'refused') {
    io.err(bilingualLine(message('{0}: {1}.', file, read.reason)));
    return EXIT_TROUBLE;
  }
  const config = new ConfigResolver(args.config, (line) => io.err(`speech-draft: ${line}\n`)).configFor(file);
  const format = draftFormat({ fileName: file });
  const result = new Checker({ config, locale, format }).check(read.draft.text);
  const { blocking, warnings } = preflight(result.findings);
  const list = (findings: Finding[]) => formatText([{ file, lines: result.model.lines, findings }], t, false).split('\n').slice(0, -2).join('\n');
  if (warnings.length) io.err(list(warnings) + '\n');
  if (blocking.length) {
    io.err(list(blocking) + '\n');
    if (!args.force) {
      io.err(t('{0}: not exported: {1} problems must be fixed first (placeholders, download-site text or structural errors); --force exports anyway.', file, blocking.length) + '\n');
      return EXIT_ERRORS_FOUND;
    }
  }
  const out = args.out ?? docxPathFor(file);
  const bytes = await exportDocx(result.model, { markdown: format === 'markdown', layout: { keepOutline: args.keepOutline } });
  const failed = replaceAtomically(out, bytes, 0o644);
  if (failed) {
    io.err(bilingualLine(message('{0}: cannot be written: {1}.', out, failed)));
    return EXIT_TROUBLE;
  }
  io.err(t('{0}: exported to {1}', file, out) + '\n');
  return 0;
}
