// Splits a draft into paragraphs. A paragraph is a run of non-blank lines; a
// line hard-wrapped mid-sentence (it ends in a comma-like mark and the next line
// is not indented and starts no marker) continues its paragraph, unless it is a
// heading ending in a comma with its body on the next line.

import type { EditRange, LineIndex } from '../text/lineIndex';
import { isSpaceCode } from '../text/chars';
import { headingAt, startsWithMarker } from './markers';
import { blockMayFormAround, verbatimBlockLines } from './verbatimBlocks';

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
  // Code and front matter are not the speech: their lines part paragraphs as blank lines do.
  const verbatim = verbatimBlockLines(text, lines);
  const out: Paragraph[] = [];
  if (verbatim) withVerbatimBlocks.add(out);
  splitFrom(text, lines, verbatim, 0, out);
  return out;
}

/** Lines read by the splitter: the tests count them to see that an edit splits only what it touched. */
export const splitWork = { lines: 0 };

/** Splits made of a text holding code, front matter or raw HTML: an edit of one is split again whole. */
const withVerbatimBlocks = new WeakSet<readonly Paragraph[]>();

/**
 * The lines from `fromLine` on, split into `out` (a new paragraph starts at `fromLine`).
 * `resync(line, started)` is asked after each line past the edit that was blank or started a
 * paragraph; when it returns true the split stops there, the rest being known.
 */
function splitFrom(
  text: string,
  lines: LineIndex,
  verbatim: Uint8Array | undefined,
  fromLine: number,
  out: Paragraph[],
  resync?: (line: number, started: boolean) => boolean,
): void {
  let current: Paragraph | undefined;
  for (let line = fromLine; line < lines.lineCount; line++) {
    splitWork.lines++;
    const info = lineInfo(text, lines, line);
    if (info.contentStart >= info.contentEnd || verbatim?.[line]) {
      current = undefined;
      if (resync?.(line, false)) return;
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
    if (resync?.(line, true)) return;
    // A comment stands alone; the next line starts a new paragraph.
    if (comment) current = undefined;
  }
}

/**
 * The paragraphs of `text`, which is the text of `previous` (split over `previousLines`) with
 * `edit` applied: those before the edit are kept, the lines from the paragraph before the edit on
 * are split again until the split meets the old one (a blank line or a paragraph starting where an
 * old one started, past the edit), and the paragraphs after are the old ones moved. A text with
 * code, front matter or raw HTML, or an edit that may make some, is split whole.
 */
/** The paragraphs after an edit, and which of them are old ones: `[0, keptBefore)` as they were, `[movedTo, …)` moved from `[movedFrom, …)`. */
export interface SplitAfterEdit {
  paragraphs: Paragraph[];
  keptBefore: number;
  movedFrom: number;
  movedTo: number;
}

export function splitParagraphsAfterEdit(
  previous: readonly Paragraph[],
  previousLines: LineIndex,
  text: string,
  lines: LineIndex,
  edit: EditRange,
): SplitAfterEdit {
  const editFirstLine = previousLines.lineAt(edit.start);
  const editLastLine = lines.lineAt(edit.newEnd);
  // A text that held no block holds one after the edit only where the lines around it make one
  // (read there, not over the text); one that may is split whole only where the text now holds one.
  const hadBlocks = withVerbatimBlocks.has(previous);
  const mayMakeBlock = !hadBlocks && blockMayFormAround(text, lines, editFirstLine - 1, editLastLine + 1) && verbatimBlockLines(text, lines) !== undefined;
  if (hadBlocks || mayMakeBlock || startsFrontMatter(text) || startsFrontMatter(previousLines.text)) {
    const paragraphs = splitParagraphs(text, lines);
    return { paragraphs, keptBefore: 0, movedFrom: previous.length, movedTo: paragraphs.length };
  }
  // The last paragraph starting before the edit's line: its first line and the one before are as they were.
  const from = Math.max(0, firstStartingFrom(previous, editFirstLine) - 1);
  const fromLine = from < previous.length ? Math.min(previous[from].firstLine, editFirstLine) : editFirstLine;
  const out = previous.slice(0, from);
  const charDelta = edit.newEnd - edit.oldEnd;
  const lineDelta = lines.lineCount - previousLines.lineCount;
  let kept = previous.length;
  splitFrom(text, lines, undefined, fromLine, out, (line, started) => {
    if (line <= editLastLine) return false;
    // The same line of the old text, and the first old paragraph starting there or after.
    const oldLine = line - lineDelta;
    const a = firstStartingFrom(previous, oldLine);
    if (started && previous[a]?.firstLine !== oldLine) return false;
    if (started) out.pop();
    kept = a;
    return true;
  });
  // A slice holds on to the whole text it was cut from: the paragraphs made here are copied, so
  // that a paragraph's text kept through many edits holds no old text of the draft.
  for (let k = from; k < out.length; k++) out[k].text = copyOf(out[k].text);
  const movedTo = out.length;
  // An edit that keeps the length and the lines, and the number of paragraphs before it: those after it are the old ones as they were.
  const inPlace = charDelta === 0 && lineDelta === 0 && movedTo === kept;
  for (let k = kept; k < previous.length; k++) {
    const p = previous[k];
    if (inPlace) {
      out.push(p);
      continue;
    }
    out.push({
      index: out.length,
      start: p.start + charDelta,
      end: p.end + charDelta,
      firstLine: p.firstLine + lineDelta,
      lastLine: p.lastLine + lineDelta,
      text: p.text,
      indented: p.indented,
      comment: p.comment,
    });
  }
  return { paragraphs: out, keptBefore: from, movedFrom: kept, movedTo };
}

/** The index of the first paragraph starting on `line` or after it (`paragraphs.length` for none). */
function firstStartingFrom(paragraphs: readonly Paragraph[], line: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].firstLine < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A flat string of its own (concatenation, then a slice, makes V8 copy the characters). */
function copyOf(s: string): string {
  return (' ' + s).slice(1);
}

function startsFrontMatter(text: string): boolean {
  const c = text.charCodeAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return c === 0x2d /* - */ || c === 0x2b /* + */;
}

function continuesWrappedLine(previous: Paragraph, next: string): boolean {
  const last = previous.text[previous.text.length - 1];
  return WRAP_ENDINGS.has(last) && !startsWithMarker(next) && !headingBeforeItsBody(previous, next);
}

/** The marks a heading cut short ends in (heading-style reports them), of those that wrap a line. */
const HEADING_COMMAS = new Set(Array.from('，,、'));
/** A sentence ended within the line: a run-in heading and its body, which may wrap. */
const SENTENCE_END = /[。！？；!?;]/;
/** No heading is longer (heading-style's default `headingMaxLength`). */
const HEADING_LINE_MAX = 40;

/**
 * `一、坚持系统谋划，` or `（二）聚焦重点任务，` on a line of its own with its body on the next:
 * a heading ending in a comma, not a line hard-wrapped, so that in a draft without blank lines
 * the heading is not lost to the outline. A line of one paragraph so far, opening with a
 * heading marker, without a sentence end, at most a heading long, and shorter than the line
 * after it: a line hard-wrapped is as long as the wrap width, and the next one no longer,
 * while a heading is shorter than its body.
 */
function headingBeforeItsBody(previous: Paragraph, next: string): boolean {
  const line = previous.text;
  if (previous.firstLine !== previous.lastLine || line.length > HEADING_LINE_MAX || next.length <= line.length) return false;
  return HEADING_COMMAS.has(line[line.length - 1]) && !SENTENCE_END.test(line) && headingAt(line, 0) !== undefined;
}
