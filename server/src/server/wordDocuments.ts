// Word documents in the editor: the `speechDraft/readWordDocument` answer
// (the text of a .docx for the client's read-only view) and
// `speechDraft/annotateWordDocument` (the view's findings written into a copy
// of the .docx as comments). The Word library is loaded on the first request.
// What cannot be read or written is an error response naming the file, never
// a crash.

import * as path from 'path';
import { fileURLToPath } from 'url';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Locale, Translate } from '../core';
import { wordLibrary } from '../node/wordLibrary';
import { WORD_DOCUMENT_SCHEME, type AnnotateWordDocumentParams, type AnnotateWordDocumentResult, type ReadWordDocumentParams, type ReadWordDocumentResult } from '../protocol';
import type { Analysis } from './analysis';

const VIEW_PREFIX = new RegExp(`^${WORD_DOCUMENT_SCHEME}:(//)?`);

/** The .docx a view shows (`speechdraft-docx:/a/b.docx` → `/a/b.docx`); undefined for any other URI. */
export function wordDocumentPath(uri: string): string | undefined {
  if (!VIEW_PREFIX.test(uri)) return undefined;
  try {
    return fileURLToPath(uri.replace(VIEW_PREFIX, 'file://'));
  } catch {
    return undefined;
  }
}

function failed(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

function filePath(uri: string, t: Translate): string {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
  } catch {
    // Below: the same answer as for another scheme.
  }
  throw failed(t('{0} is not a file on this computer.', uri));
}

/** The library's errors as error responses in the server's language; anything else is not ours to hide. */
function asResponse<T>(locale: Locale, f: () => T): T {
  const { DocxError } = wordLibrary();
  try {
    return f();
  } catch (e) {
    if (e instanceof DocxError) throw failed(locale === 'en' ? e.en : e.zh);
    throw e;
  }
}

export async function readWordDocument(params: ReadWordDocumentParams, locale: Locale, t: Translate): Promise<ReadWordDocumentResult> {
  const file = filePath(params.uri, t);
  const { draft } = asResponse(locale, () => wordLibrary().readDocxFile(file));
  // Paragraphs are one a line with a blank line between: the k-th is on line 2k.
  const paragraphs = draft.paragraphs.map((p, k) => ({
    line: 2 * k,
    kind: p.kind,
    ...(p.level !== undefined ? { level: p.level } : {}),
    label: p.label,
    ...(p.styleName !== undefined ? { style: p.styleName } : {}),
  }));
  return { text: draft.text, paragraphs };
}

export async function annotateWordDocument(a: Analysis, params: AnnotateWordDocumentParams, locale: Locale, t: Translate): Promise<AnnotateWordDocumentResult> {
  const input = wordDocumentPath(a.uri);
  if (!input) throw failed(t('{0} is not the view of a Word document.', a.uri));
  const target = filePath(params.target, t);
  if (path.extname(target).toLowerCase() !== '.docx') throw failed(t('{0}: not written: the annotated copy is a Word document and its name ends in .docx.', target));
  const lib = wordLibrary();
  return asResponse(locale, () => {
    const { draft, bytes } = lib.readDocxFile(input);
    // The findings' offsets are the view's: a document changed on disk since would get them in the wrong places.
    if (draft.text !== a.text) throw failed(t('{0} changed on disk since it was opened: check it again before writing comments.', input));
    // The findings as the editor shows them (grouped per the halfWidthMarks setting).
    const comments = lib.commentsOf(a.result.findings);
    lib.writeCopyAtomically(input, target, lib.annotateDocx(bytes, comments, { file: input, locale }));
    return { comments: comments.length, findings: a.result.findings.length };
  });
}
