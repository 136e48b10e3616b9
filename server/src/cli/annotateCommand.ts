// `speech-draft annotate FILE.docx [--out FILE.docx]`: a copy of the Word
// document with every finding as a Word comment on its span, grouped as the
// editor shows them (`groupFindings`: more than three half-width marks of a
// paragraph are one finding), written atomically beside its output;
// the input is never written (an output that is the input, by whatever path
// or link, is refused).

import * as fs from 'fs';
import * as path from 'path';
import { Checker, groupFindings } from '../core';
import { notRegular } from '../node/regularFile';
import { wordLibrary } from '../node/wordLibrary';
import type { CliArgs } from './args';
import type { CommandContext } from './context';
import { EXIT } from './exitCodes';
import { loadDraft } from './loadDraft';
import { bilingualLine, message } from './messages';
import { escapeControls } from './terminalText';

export function runAnnotate(args: CliArgs, { locale, t, io, configs }: CommandContext): number {
  const file = args.paths[0];
  const loaded = loadDraft(file, io);
  if (loaded.kind !== 'draft') return EXIT.trouble;
  const { draft } = loaded;
  if (draft.kind !== 'word') {
    io.err(bilingualLine(message('{0}: not annotated: annotate takes a Word document (.docx); check lists the findings of a text draft.', file)));
    return EXIT.trouble;
  }
  const out = args.out ?? wordLibrary().annotatedName(file);
  if (path.extname(out).toLowerCase() !== '.docx') {
    io.err(bilingualLine(message('{0}: not written: the annotated copy is a Word document and its name ends in .docx.', out)));
    return EXIT.trouble;
  }
  // A pipe or a device is not replaced by the copy (the rename would).
  const special = fs.existsSync(out) ? notRegular(fs.statSync(out)) : undefined;
  if (special) {
    io.err(bilingualLine(message('{0}: not written: {1}.', out, special)));
    return EXIT.trouble;
  }
  const { annotateDocx, commentsOf, writeCopyAtomically, DocxError } = wordLibrary();
  const result = new Checker({ config: configs.configFor(file), locale, format: draft.format }).check(draft.text);
  const comments = commentsOf(groupFindings(result.findings, result.model, t));
  try {
    writeCopyAtomically(file, out, annotateDocx(draft.bytes, comments, { file, locale }));
  } catch (e) {
    if (!(e instanceof DocxError)) throw e;
    io.err(bilingualLine(e.localized));
    return EXIT.trouble;
  }
  io.err(t('{0}: {1} comments ({2} findings) written into {3}', escapeControls(file), comments.length, result.findings.length, escapeControls(out)) + '\n');
  return EXIT.clean;
}
