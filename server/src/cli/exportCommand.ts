// `speech-draft export FILE [--out FILE.docx] [--force] [--overwrite] [--keep-outline]`:
// the draft as a Word document in the official layout. It checks first:
// placeholders, download-site residue and structural errors stop it (unless
// --force); warnings are listed and the export goes on. The document never
// replaces the draft itself (whatever path or link names it), a named pipe or
// a device, nor an existing file other than a .docx unless --overwrite.

import * as fs from 'fs';
import * as path from 'path';
import { Checker, type Finding, type Localized } from '../core';
import { exportDocx } from '../export/docx';
import { preflight } from '../export/preflight';
import { notRegular } from '../node/regularFile';
import type { CliArgs } from './args';
import type { CommandContext } from './context';
import { replaceAtomically } from './draftFile';
import { EXIT } from './exitCodes';
import { loadDraft } from './loadDraft';
import { bilingualLine, message, reasonOf } from './messages';
import { formatText } from './output';
import { escapeControls } from './terminalText';

export function docxPathFor(draft: string): string {
  return draft.replace(/\.(txt|md|speech)$/i, '') + '.docx';
}

export async function runExport(args: CliArgs, { locale, t, io, configs }: CommandContext): Promise<number> {
  const file = args.paths[0];
  const loaded = loadDraft(file, io);
  if (loaded.kind !== 'draft') return EXIT.trouble;
  const { draft } = loaded;
  if (draft.kind === 'word') {
    io.err(bilingualLine(message('{0}: not exported: it is a Word document already; export writes a text draft as Word (annotate writes the findings into a copy).', file)));
    return EXIT.trouble;
  }
  const out = args.out ?? docxPathFor(file);
  // Looked at before the work, and again just before the document takes the name.
  const whyNot = () => outputRefusal(out, draft.source.stat, args.overwrite);
  const refused = whyNot();
  if (refused) {
    io.err(bilingualLine(message('{0}: not written: {1}.', out, refused)));
    return EXIT.trouble;
  }
  const result = new Checker({ config: configs.configFor(file), locale, format: draft.format }).check(draft.text);
  const { blocking, warnings } = preflight(result.findings);
  const list = (findings: Finding[]) => formatText([{ file, lines: result.model.lines, findings }], t, false).split('\n').slice(0, -2).join('\n');
  if (warnings.length) io.err(list(warnings) + '\n');
  if (blocking.length) {
    io.err(list(blocking) + '\n');
    if (!args.force) {
      io.err(t('{0}: not exported: {1} problems must be fixed first (placeholders, download-site text or structural errors); --force exports anyway.', escapeControls(file), blocking.length) + '\n');
      return EXIT.errorsFound;
    }
  }
  const report = { replaced: 0 };
  const bytes = await exportDocx(result.model, { markdown: draft.format === 'markdown', layout: { keepOutlineBlock: args.keepOutlineBlock } }, report);
  const failed = replaceAtomically(out, bytes, { mode: 0o644, beforeRename: whyNot });
  if (failed) {
    io.err(bilingualLine(message('{0}: cannot be written: {1}.', out, failed)));
    return EXIT.trouble;
  }
  io.err(t('{0}: exported to {1}', escapeControls(file), escapeControls(out)) + '\n');
  if (report.replaced > 0) {
    io.err(t('{0}: {1} characters a Word document cannot hold (U+FFFE, U+FFFF, lone surrogates, control characters) were written as U+FFFD.', escapeControls(out), report.replaced) + '\n');
  }
  return EXIT.clean;
}

/** Why the document may not take the name `out`, if it may not. */
function outputRefusal(out: string, draft: fs.BigIntStats, overwrite: boolean): Localized | undefined {
  let stat: fs.BigIntStats;
  try {
    stat = fs.statSync(out, { bigint: true });
  } catch (e) {
    // Nothing there yet (or a dangling link, which the rename replaces): the usual case.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : reasonOf(e);
  }
  if (stat.dev === draft.dev && stat.ino === draft.ino) return message('it is the draft being exported');
  const special = notRegular(stat);
  if (special) return message('{0}; only a regular file is written', special);
  if (!overwrite && path.extname(out).toLowerCase() !== '.docx') return message('the file exists and is not a .docx; --overwrite replaces it');
  return undefined;
}
