// Lines that are not the speech at all: fenced code (``` or ~~~, closed by a
// fence of the same kind), YAML or TOML front matter at the top (--- … ---),
// the content of <script>, <style>, <pre> and <textarea> blocks, and indented
// code (four spaces or a tab, after a blank line, with no Chinese in the block:
// drafts indented with spaces are prose). None of them can be the prose of a
// Chinese speech, so they are recognised whatever the draft's format; an
// opening fence never closed is text (it would hide the rest of the draft).
// The paragraph splitter leaves these lines out, so no rule sees them.

import { isChineseChar } from '../text/chars';
import type { LineIndex } from '../text/lineIndex';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_OPEN = /^(?:---|\+\+\+)[ \t]*$/;
const RAW_BLOCK = /^ {0,3}<(script|style|pre|textarea)(?=[\s>]|$)/i;
const INDENTED = /^(?: {4}|\t)/;

/** Where a line's text starts and ends (without its line break). */
function lineText(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.lineStarts[line], lines.lineEnd(line));
}

/** A line's text, without the BOM of the first. */
function readLine(text: string, lines: LineIndex, line: number): string {
  verbatimWork.lines++;
  const s = lineText(text, lines, line);
  return line === 0 && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Lines read to find the blocks: the tests count them to see that an edit reads only what it touched. */
export const verbatimWork = { lines: 0 };

function hasChinese(s: string): boolean {
  for (const ch of s) if (isChineseChar(ch)) return true;
  return false;
}

/** 1 for each line inside a block of code, front matter or raw HTML; undefined when there is none. */
export function verbatimBlockLines(text: string, lines: LineIndex): Uint8Array | undefined {
  // Most drafts have none of it: three characters tell.
  if (!/```|~~~|^(?:---|\+\+\+)|<(?:script|style|pre|textarea)|(?:^|\n)(?: {4}|\t)/i.test(text)) return undefined;
  const n = lines.lineCount;
  const marks = new Uint8Array(n);
  let any = false;
  const mark = (from: number, to: number) => {
    for (let l = from; l <= to; l++) marks[l] = 1;
    any = true;
  };
  const read = (line: number) => readLine(text, lines, line);
  let line = 0;
  if (n > 1 && FRONT_MATTER_OPEN.test(read(0))) {
    const close = read(0).trim() === '+++' ? /^\+\+\+[ \t]*$/ : /^(?:---|\.\.\.)[ \t]*$/;
    for (let l = 1; l < n; l++) {
      if (close.test(read(l))) {
        mark(0, l);
        line = l + 1;
        break;
      }
    }
  }
  // A search that found no closing line finds none from any later line either: remembered, so that
  // a draft of unclosed fences or tags is read once, not once per fence.
  const unclosedFence: Record<string, number> = { '`': Infinity, '~': Infinity };
  const unclosedTag = new Set<string>();
  let blankBefore = true;
  for (; line < n; line++) {
    const s = read(line);
    const fence = FENCE.exec(s);
    if (fence && fence[1].length < unclosedFence[fence[1][0]]) {
      const closing = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*$`);
      let end = -1;
      for (let l = line + 1; l < n; l++) {
        if (closing.test(read(l))) {
          end = l;
          break;
        }
      }
      if (end < 0) unclosedFence[fence[1][0]] = fence[1].length;
      if (end >= 0) {
        mark(line, end);
        line = end;
        blankBefore = false;
        continue;
      }
    }
    const raw = RAW_BLOCK.exec(s);
    if (raw && !unclosedTag.has(raw[1].toLowerCase())) {
      const closeTag = `</${raw[1].toLowerCase()}>`;
      let end = -1;
      for (let l = line; l < n; l++) {
        if (read(l).toLowerCase().includes(closeTag)) {
          end = l;
          break;
        }
      }
      if (end < 0) unclosedTag.add(raw[1].toLowerCase());
      if (end >= 0) {
        mark(line, end);
        line = end;
        blankBefore = false;
        continue;
      }
    }
    if (blankBefore && INDENTED.test(s) && s.trim() !== '') {
      // The block: this line and the indented or blank lines after it, with no Chinese in any of them.
      let end = line;
      while (end + 1 < n && (INDENTED.test(read(end + 1)) || read(end + 1).trim() === '')) end++;
      while (end > line && read(end).trim() === '') end--;
      let chinese = false;
      for (let l = line; l <= end && !chinese; l++) chinese = hasChinese(read(l));
      if (!chinese) {
        mark(line, end);
        line = end;
        blankBefore = false;
        continue;
      }
    }
    blankBefore = s.trim() === '';
  }
  return any ? marks : undefined;
}

/** What a fence or a raw HTML block opens or closes with: a line holding none of it opens or closes none. */
const FENCE_OR_TAG = /```|~~~|<\/?(?:script|style|pre|textarea)/i;

/**
 * Whether `text` may hold a block of code or raw HTML, where the text before an edit held none and
 * only its lines `[from, to]` differ from that text's (front matter, at the start, is the caller's).
 * False only where `verbatimBlockLines` finds none: a fence or tag pair needs a line of its own
 * among them (the pairs of the lines outside were the old text's); an indented block of no Chinese
 * needs a line among them or next to them (the run of indented and blank lines around them is read,
 * from the nearest start of a block with no Chinese up to them, and past them until its Chinese).
 * The lines read are those of the edit and the few beside them, not the text's.
 */
export function blockMayFormAround(text: string, lines: LineIndex, from: number, to: number): boolean {
  const n = lines.lineCount;
  const first = Math.max(0, from - 1);
  const last = Math.min(n - 1, to + 1);
  const read = (line: number) => readLine(text, lines, line);
  const blank = (line: number) => read(line).trim() === '';
  for (let l = first; l <= last; l++) if (FENCE_OR_TAG.test(read(l))) return true;
  // `open`: a line that would start an indented block (after a blank line) is behind, and no line
  // since has Chinese. Blank lines are passed over, Chinese or not: a block then seen is only maybe one.
  let open = false;
  for (let l = first - 1; l >= 0; l--) {
    const s = read(l);
    if (s.trim() === '') continue;
    if (!INDENTED.test(s) || hasChinese(s)) break;
    if (l === 0 || blank(l - 1)) {
      open = true;
      break;
    }
  }
  for (let l = first; l < n; l++) {
    const s = read(l);
    if (s.trim() === '') {
      if (l > last && !open) return false;
      continue;
    }
    if (!INDENTED.test(s)) {
      // The run ends: a block where a start with no Chinese since is open.
      if (open) return true;
      if (l > last) return false;
      continue;
    }
    if (hasChinese(s)) open = false;
    else if (l === 0 || blank(l - 1)) open = true;
    // Past the edit a start is the old text's, and so is the Chinese after it.
    if (l > last && !open) return false;
  }
  return open;
}
