// The Word reader and annotator (`server/src/word/api.ts`), a bundle of its
// own (dist/word.js) that the command line and the language server load from
// beside themselves the first time a .docx comes, so that neither starts larger.

import * as path from 'path';

export type WordLibrary = typeof import('../word/api');

let library: WordLibrary | undefined;

export function wordLibrary(): WordLibrary {
  return (library ??= require(path.join(__dirname, 'word.js')) as WordLibrary);
}

/** Files read as Word documents: `.docx`, and the two older formats the reader refuses with the message to save as `.docx`. */
export const WORD_EXTENSIONS = ['.docx', '.doc', '.wps'];

export function isWordFile(file: string): boolean {
  return WORD_EXTENSIONS.includes(path.extname(file).toLowerCase());
}
