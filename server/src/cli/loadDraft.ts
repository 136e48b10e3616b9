// The one place a command gets a draft from a file: the text the checker
// sees, its format, and the file as read. What cannot be read is said here,
// once for every command. A Word file (`.docx`; `.doc` and `.wps` are refused
// with the reader's message) is read by the Word library (dist/word.js,
// loaded when one comes): its draft keeps the way back from each character
// to the document, and `--fix` never writes it (`annotate` writes a copy).

import { draftFormat, type DraftFormat } from '../core';
import { isWordFile, wordLibrary } from '../node/wordLibrary';
import type { WordDraft } from '../word/api';
import { readDraft, type Draft } from './draftFile';
import type { Io } from './io';
import { bilingualLine, message } from './messages';

interface Loaded {
  file: string;
  text: string;
  format: DraftFormat;
}

/** A plain-text draft: `source` is the file as read (for writing fixes back). */
export interface TextDraft extends Loaded {
  kind: 'text';
  source: Draft;
}

/** A Word document: `word` maps the text back to paragraphs and runs; `bytes` is the file as read. */
export interface WordDocumentDraft extends Loaded {
  kind: 'word';
  word: WordDraft;
  bytes: Uint8Array;
}

export type LoadedDraft = TextDraft | WordDocumentDraft;

/** `skipped`: a binary file, not an error; `refused`: cannot be read, an error (exit status 2). */
export type LoadResult = { kind: 'draft'; draft: LoadedDraft } | { kind: 'skipped' } | { kind: 'refused' };

export function loadDraft(file: string, io: Io): LoadResult {
  if (isWordFile(file)) return loadWordDraft(file, io);
  const read = readDraft(file);
  if (read.kind === 'binary') {
    io.err(bilingualLine(message('{0}: skipped: it is a binary file.', file)));
    return { kind: 'skipped' };
  }
  if (read.kind === 'refused') {
    io.err(bilingualLine(message('{0}: {1}.', file, read.reason)));
    return { kind: 'refused' };
  }
  return { kind: 'draft', draft: { kind: 'text', file, text: read.draft.text, format: draftFormat({ fileName: file }), source: read.draft } };
}

function loadWordDraft(file: string, io: Io): LoadResult {
  const { readDocxFile, DocxError } = wordLibrary();
  try {
    const { draft, bytes } = readDocxFile(file);
    return { kind: 'draft', draft: { kind: 'word', file, text: draft.text, format: 'text', word: draft, bytes } };
  } catch (e) {
    if (!(e instanceof DocxError)) throw e;
    // The reader's message names the file and the reason (a .doc: save it as .docx).
    io.err(bilingualLine(e.localized));
    return { kind: 'refused' };
  }
}
