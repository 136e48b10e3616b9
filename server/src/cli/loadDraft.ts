// The one place a command gets a draft from a file: the text the checker
// sees, its format, and the file as read (for writing fixes back). What
// cannot be read is said here, once for every command. A Word file will be
// read here too: `server/src/word/api.ts` (the bundle `dist/word.js`,
// required when a `.docx` comes) gives its text, and its source is then the
// Word draft (which `--fix` does not write; `annotate` writes a copy).

import { draftFormat, type DraftFormat } from '../core';
import { readDraft, type Draft } from './draftFile';
import type { Io } from './io';
import { bilingualLine, message } from './messages';

export interface LoadedDraft {
  file: string;
  text: string;
  format: DraftFormat;
  /** The plain-text file as read. */
  source: Draft;
}

/** `skipped`: a binary file, not an error; `refused`: cannot be read, an error (exit status 2). */
export type LoadResult = { kind: 'draft'; draft: LoadedDraft } | { kind: 'skipped' } | { kind: 'refused' };

export function loadDraft(file: string, io: Io): LoadResult {
  const read = readDraft(file);
  if (read.kind === 'binary') {
    io.err(bilingualLine(message('{0}: skipped: it is a binary file.', file)));
    return { kind: 'skipped' };
  }
  if (read.kind === 'refused') {
    io.err(bilingualLine(message('{0}: {1}.', file, read.reason)));
    return { kind: 'refused' };
  }
  return { kind: 'draft', draft: { file, text: read.draft.text, format: draftFormat({ fileName: file }), source: read.draft } };
}
