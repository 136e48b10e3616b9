// Where a draft copied from a download site is cut off: the site's note that
// the preview ends, near the end of the text. The note's wording is this
// small list; the web-residue rule's catalogue of site residue is its own.

import type { Paragraph } from '../parse/paragraphs';
import type { Span } from '../types';

/**
 * The site's note: the preview ends (`预览结束` `试读结束`), the rest is not
 * shown (`……（未完，全文共6831字，当前仅显示2399字）`, `全文3684字，当前显示2251字`,
 * `还剩1433字`). Only near the end: after it come short lines at most. The
 * list is documented in docs/rules/speech-structure.md. The spaces before it
 * are bounded: an unbounded run tried from every space of a long run of them
 * made the search quadratic (a paragraph of 40,000 spaces took seconds).
 */
const CUT =
  /(?:…{1,2}|\.{3,6})?\s{0,8}(?:[（(]\s*未完[^（()）]{0,40}[）)]|(?:免费)?(?:预览|试读|试看)已?结束|全文共?\s*[0-9０-９]+\s*字[，,]?\s*(?:当前|目前)?仅?(?:显示|预览|展示)|(?:还剩|剩余)\s*[0-9０-９]+\s*字)/;
/** Lines after the cut are the site's (`本文6元`): never longer than this. */
const AFTER_CUT_MAX = 40;

/** Where the text is cut off (see `CUT`): from the site's note to the end. */
export function findCut(paragraphs: Paragraph[]): Span | undefined {
  const speech = paragraphs.filter((p) => !p.comment);
  if (speech.length === 0) return undefined;
  const end = speech[speech.length - 1].end;
  let cut: Span | undefined;
  for (let k = speech.length - 1; k >= 0 && k >= speech.length - 6; k--) {
    const p = speech[k];
    const m = CUT.exec(p.text);
    if (m) cut = { start: p.start + m.index + (m[0].length - m[0].trimStart().length), end };
    else if (Array.from(p.text).length > AFTER_CUT_MAX) break;
  }
  return cut;
}

