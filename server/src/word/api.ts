// Word drafts: a .docx read as the draft the checker sees, and findings
// written back into a copy as Word comments. A bundle of its own
// (dist/word.js), loaded by the command line and the language server only
// when a .docx comes, so that neither starts larger.
//
//   const { draft } = readDocxFile('讲话稿.docx');       // or readDocx(bytes, { file })
//   const result = checkText(draft.text);               // the core, as for any draft
//   draft.paragraphs[draft.paragraphAt(f.span.start)]   // ¶ number, style, label of a finding
//   draft.locate(offset)                                 // w:p, run and offset of one character
//   const copy = annotateDocx(bytes, commentsOf(result.findings));
//   writeCopyAtomically('讲话稿.docx', annotatedName('讲话稿.docx'), copy);
//
// The draft's text has one paragraph a line and a blank line between
// paragraphs: Word's paragraphs in order (each paragraph of a table cell its
// own, row by row), automatic numbering as the label Word shows (`一、`),
// fields as their results, hyperlinks as their text, tracked changes accepted,
// comments, footnotes, endnotes, headers, footers, text boxes and drawings
// left out. Errors are DocxError (a `code`, `zh` and `en` naming the file):
// print both, exit 2.

import type { Finding } from '../core/types';
import type { WordComment } from './annotate';

export { annotateDocx, type AnnotateOptions, type WordComment } from './annotate';
export { readDocx, WordDraft, type ReadOptions } from './draft';
export { DocxError, type DocxErrorCode } from './errors';
export { annotatedName, readDocxFile, writeCopyAtomically } from './files';
export type { WordParagraph, WordPlace } from './reader';
export type { ParagraphKind } from './styles';
export { DEFAULT_LIMITS, type ZipLimits } from './zip';

/**
 * Findings as comments: the message, the first fix's title as the suggestion,
 * the rule. Grouping (one comment for many marks of a paragraph) is the
 * caller's, as in the editor.
 */
export function commentsOf(findings: readonly Finding[]): WordComment[] {
  return findings.map((f) => ({ start: f.span.start, end: f.span.end, message: f.message, suggestion: f.fixes?.[0]?.title, rule: f.rule }));
}
