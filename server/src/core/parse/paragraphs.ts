// Splits a draft into paragraphs. A paragraph is a run of non-blank lines; a
// line hard-wrapped mid-sentence (it ends in a comma-like mark and the next line
// is not indented and starts no marker) continues its paragraph.

import { LineIndex } from '../text/lineIndex';
import { isSpaceCode } from '../text/chars';
import { startsWithMarker } from './markers';
import { verbatimBlockLines } from './verbatimBlocks';

export interface Paragraph {
  index: number;
  /** First content character: after indentation and any Markdown `#` prefix. */
  start: number;
  /** End of the content of the last line (before its line break and trailing spaces). */
  end: number;
  firstLine: number;
  lastLine: number;
  /** `text.slice(start, end)`; continuation lines keep their line breaks. */
  text: string;
  indented: boolean;
  /** A `<!-- … -->` line: never part of the speech. */
  comment: boolean;
}

const COMMENT = /^<!--[\s\S]*-->$/;
const WRAP_ENDINGS = new Set(Array.from('，,、（(“‘《'));

interface LineInfo {
  contentStart: number;
  contentEnd: number;
  indented: boolean;
}

function lineInfo(text: string, lines: LineIndex, line: number): LineInfo {
  let s = lines.lineStarts[line];
  const e0 = lines.lineEnd(line);
  if (s === 0 && text.charCodeAt(0) === 0xfeff) s = 1;
  const lineStart = s;
  while (s < e0 && isSpaceCode(text.charCodeAt(s))) s++;
  const indented = s > lineStart;
  // Markdown heading prefix: tolerated, not part of the content.
  if (text.charCodeAt(s) === 0x23 /* # */) {
    let h = s;
    while (h < e0 && text.charCodeAt(h) === 0x23 && h - s < 6) h++;
    if (h < e0 && isSpaceCode(text.charCodeAt(h))) {
      s = h;
      while (s < e0 && isSpaceCode(text.charCodeAt(s))) s++;
    }
  }
  let e = e0;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return { contentStart: s, contentEnd: e, indented };
}

export function splitParagraphs(text: string, lines: LineIndex): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  // Code and front matter are not the speech: their lines part paragraphs as blank lines do.
  const verbatim = verbatimBlockLines(text, lines);
  for (let line = 0; line < lines.lineCount; line++) {
    const info = lineInfo(text, lines, line);
    if (info.contentStart >= info.contentEnd || verbatim?.[line]) {
      current = undefined;
      continue;
    }
    const content = text.slice(info.contentStart, info.contentEnd);
    const comment = content.charCodeAt(0) === 0x3c /* < */ && COMMENT.test(content);
    if (current && !current.comment && !comment && !info.indented && continuesWrappedLine(current, content)) {
      current.end = info.contentEnd;
      current.lastLine = line;
      current.text = text.slice(current.start, current.end);
      continue;
    }
    current = {
      index: out.length,
      start: info.contentStart,
      end: info.contentEnd,
      firstLine: line,
      lastLine: line,
      text: content,
      indented: info.indented,
      comment,
    };
    out.push(current);
    // A comment stands alone; the next line starts a new paragraph.
    if (comment) current = undefined;
  }
  return out;
}

function continuesWrappedLine(previous: Paragraph, next: string): boolean {
  const last = previous.text[previous.text.length - 1];
  return WRAP_ENDINGS.has(last) && !startsWithMarker(next);
}
