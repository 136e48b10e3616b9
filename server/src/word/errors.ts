// Why a file cannot be read as a Word draft: one class with a code the caller
// can branch on, and the reason in Chinese and English, naming the file (the
// command line prints both and exits 2).

import { translator } from '../core/l10n';
import type { Localized } from '../core/types';

export type DocxErrorCode =
  /** No bytes at all. */
  | 'empty'
  /** Word 97–2003 (.doc), WPS (.wps), RTF: to be saved as .docx. */
  | 'doc'
  | 'wps'
  | 'rtf'
  /** An OLE2 compound file that is neither: an .xls, .ppt, … */
  | 'compound'
  /** Password-protected: an encrypted package, or encrypted zip entries. */
  | 'encrypted'
  /** Neither a zip nor a known office format: text, an image, … */
  | 'not-zip'
  /** A zip without a Word document inside: a renamed .zip, an .xlsx, … */
  | 'not-docx'
  /** The end of the zip is missing. */
  | 'truncated'
  /** A zip or deflate stream that does not hold together. */
  | 'corrupt'
  /** Unpacks to more than the limit, or has too many parts: a zip bomb. */
  | 'too-large'
  /** A part declares a DTD: refused before any parsing. */
  | 'doctype'
  /** A part is not well-formed XML. */
  | 'xml'
  /** The file cannot be read; the output of `annotate` is the input, or cannot be written. */
  | 'read'
  | 'same-file'
  | 'write';

type Arg = string | number | Localized;

const zh = translator('zh-cn');
const en = translator('en');

/** A message in both languages; an argument may itself be bilingual (a reason inside a reason). */
export function bilingual(template: string, ...args: Arg[]): Localized {
  const pick = (lang: keyof Localized) => args.map((a) => (typeof a === 'object' ? a[lang] : a));
  return { zh: zh(template, ...pick('zh')), en: en(template, ...pick('en')) };
}

export class DocxError extends Error {
  readonly code: DocxErrorCode;
  /** The file as the caller named it ('' when it gave no name). */
  readonly file: string;
  readonly zh: string;
  readonly en: string;

  constructor(code: DocxErrorCode, file: string, text: Localized) {
    super(`${text.zh} / ${text.en}`);
    this.name = 'DocxError';
    this.code = code;
    this.file = file;
    this.zh = text.zh;
    this.en = text.en;
  }

  get localized(): Localized {
    return { zh: this.zh, en: this.en };
  }
}

/** Thrown inside the zip and XML readers, which do not know the file's name; `readDocx` adds it. */
export class PartError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    /** Completes "{file} …": the reason without the file. */
    readonly template: string,
    readonly args: Arg[] = [],
  ) {
    super(template);
  }
}

/** The error for a file: the file's name first, then the reason. */
export function fileError(e: PartError, file: string): DocxError {
  return new DocxError(e.code, file, bilingual(e.template, file || '(.docx)', ...e.args));
}
