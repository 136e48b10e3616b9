// Download-site residue, line by line: what the entries of catalogue.json (and
// the configured `residuePatterns`) find on a line, widened to whole pieces of
// residue. Residue is a notion of lines: a line left with nothing but spaces,
// punctuation, dates and times once its residue is taken out is residue as a
// whole; otherwise each piece goes alone, and a piece is never a fragment: a
// site's name is taken back to where it starts, a notice to the end of its
// sentence, a bracket holding nothing else goes with it. Paragraph-local: the
// web-residue rule reports the pieces, and the other text rules skip them.

import type { SpeechDraftConfig } from '../config/config';
import { userPatterns, type UserPattern } from '../config/patterns';
import { TextMemo } from '../text/textMemo';
import { urlSpans } from '../text/urls';
import { pairHash, WordList } from '../text/wordList';
import type { Span } from '../types';
import catalogue from './catalogue.json';

export type Where = 'anywhere' | 'lineStart' | 'ownLine';
export type Extent = 'match' | 'sentence' | 'rest' | 'siteName';

/** One entry of the catalogue, as the data file writes it. */
export interface ResidueEntry {
  id: string;
  name: { zh: string; en: string };
  /** A JavaScript pattern (flags gu), or `finder`: `urls` (the URL spans of text/urls.ts). */
  pattern?: string;
  finder?: 'urls';
  where: Where;
  extent: Extent;
  unless?: string;
  needs: string[];
  examples: string[];
}

export const RESIDUE_ENTRIES: readonly ResidueEntry[] = catalogue.entries as ResidueEntry[];

interface Finder {
  /** Matches on one line, in order. */
  find(line: string): Span[];
  unless?: RegExp;
  where: Where;
  extent: Extent;
  /** Words one of which every match holds; undefined: any line may match. */
  needs?: readonly string[];
}

function regexFinder(re: RegExp): (line: string) => Span[] {
  return (line) => {
    const out: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
}

const BUILT_IN: readonly Finder[] = RESIDUE_ENTRIES.map((e) => ({
  find: e.finder === 'urls' ? urlSpans : regexFinder(new RegExp(e.pattern!, 'gu')),
  unless: e.unless ? new RegExp(e.unless, 'u') : undefined,
  where: e.where,
  extent: e.extent,
  needs: e.needs,
}));

/** A word of some entry: a paragraph with none of them holds no built-in residue. */
export const RESIDUE_TRIGGER = new WordList(RESIDUE_ENTRIES.flatMap((e) => e.needs));

/** Per code unit a needed word starts with: the words, each with the built-in finders (as bits) that need it. */
const NEEDED_STARTS = new Uint8Array(0x10000);
const NEEDED = new Map<number, Array<{ word: string; finders: number }>>();
/**
 * Per hash of two code units (`pairHash`), 1 where a needed word of two or more starts with
 * such a pair; `NEEDED_STARTS` is 2 for a unit that is a needed word by itself (—, 《). Common
 * characters start needed words (下 of 下载, 时 of 时间): most of them are let through by the
 * first table and stopped by this one, before the words are looked up.
 */
const NEEDED_PAIRS = new Uint8Array(0x10000);
BUILT_IN.forEach((f, bit) => {
  for (const word of f.needs ?? []) {
    const c = word.charCodeAt(0);
    if (word.length > 1) {
      NEEDED_STARTS[c] ||= 1;
      NEEDED_PAIRS[pairHash(c, word.charCodeAt(1))] = 1;
    } else NEEDED_STARTS[c] = 2;
    const list = NEEDED.get(c) ?? (NEEDED.set(c, []).get(c) as Array<{ word: string; finders: number }>);
    const known = list.find((w) => w.word === word);
    if (known) known.finders |= 1 << bit;
    else list.push({ word, finders: 1 << bit });
  }
});
if (BUILT_IN.length > 31) throw new RangeError('at most 31 built-in residue finders: their needed words are told apart by bits');

/**
 * The built-in finders one of whose needed words stands in `text` between
 * `start` and `end`, as bits: one pass over the line instead of a search per
 * word and finder.
 */
function neededFinders(text: string, start: number, end: number): number {
  residueWork.steps += end - start;
  let found = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const first = NEEDED_STARTS[c];
    if (first === 0) continue;
    if (first === 1 && (i + 1 >= end || NEEDED_PAIRS[pairHash(c, text.charCodeAt(i + 1))] === 0)) continue;
    for (const { word, finders } of NEEDED.get(c)!) {
      if ((found & finders) !== finders && i + word.length <= end && text.startsWith(word, i)) found |= finders;
    }
  }
  return found;
}

const configured = new WeakMap<SpeechDraftConfig, readonly Finder[]>();

/** The built-in finders and the configured patterns (on the linear engine: found anywhere, the match alone). */
function findersOf(config: SpeechDraftConfig | undefined): readonly Finder[] {
  if (!config || config.residuePatterns.length === 0) return BUILT_IN;
  let list = configured.get(config);
  if (!list) {
    const user = userPatterns(config.residuePatterns).map((u: UserPattern): Finder => ({ find: (line) => u.spans(line), where: 'anywhere', extent: 'match' }));
    configured.set(config, (list = [...BUILT_IN, ...user]));
  }
  return list;
}

// What is left of a residue line that does not make it speech: spaces, invisible characters,
// punctuation and symbols (`|`, `【】`, emoji), and dates and times (`2023-5-1 10:20`, `2016年05月03日`).
const FURNITURE_CHAR = /[\s\p{P}\p{S}\u200b-\u200d\u2060\ufeff]/u;
const DATE_OR_TIME = /\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日/y;

/** Characters stepped over while pieces are found and widened, for the tests that count work on growing inputs. */
export const residueWork = { steps: 0 };

/** Where the furniture starting at `from` ends (before `to`). */
function furnitureEnd(line: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    residueWork.steps++;
    const c = line.codePointAt(i)!;
    const ch = String.fromCodePoint(c);
    if (FURNITURE_CHAR.test(ch)) {
      i += ch.length;
      continue;
    }
    DATE_OR_TIME.lastIndex = i;
    const m = DATE_OR_TIME.exec(line);
    if (!m || m.index + m[0].length > to) break;
    i += m[0].length;
  }
  return Math.min(i, to);
}

const isFurniture = (line: string, from: number, to: number) => furnitureEnd(line, from, to) >= to;

const SENTENCE_END = new Set(Array.from('。！？!?'));
const CLAUSE_MARK = new Set(Array.from('，、；,;'));
const OPENING = '（(【[';
const CLOSING = '）)】]';
const ELLIPSIS = /^[…⋯]+/;
const ELLIPSIS_BEFORE = /[…⋯]+$/;
const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
/** Words before a site's name that are not part of it: 本文来自某某范文网. */
const BEFORE_NAME = /(?:来自|转自|出自|摘自|源自|选自|登录|访问)$/;
/** A title runs into a site's name: the name starts after the title's last word. */
const TITLE_ENDING = /讲话|发言|致辞|报告|说明|材料|心得|体会|总结|范文|提纲|汇报|稿|文章/g;
const LONGEST_NAME = 8;

/** The site's name before a word such as 范文网: Han characters back to where the name starts. */
function nameStart(line: string, start: number): number {
  let i = start;
  while (i > 0 && start - i < 40 && isHanCode(line.charCodeAt(i - 1))) {
    residueWork.steps++;
    i--;
  }
  let run = line.slice(i, start);
  const before = BEFORE_NAME.exec(run);
  if (before) {
    i += before.index + before[0].length;
    run = line.slice(i, start);
  }
  if (run.length <= LONGEST_NAME) return i;
  // Run into a title (在全市工作会议上的讲话某某范文网): the name follows the title's last word.
  let cut = -1;
  TITLE_ENDING.lastIndex = 0;
  for (let m = TITLE_ENDING.exec(run); m; m = TITLE_ENDING.exec(run)) cut = m.index + m[0].length;
  if (cut >= 0 && run.length - cut <= LONGEST_NAME) return i + cut;
  return start - 4;
}

/** The end of the bracket that `at` stands in on this line, or the line's end. */
function restEnd(line: string, at: number): number {
  let depth = 0;
  let open = -1;
  for (let i = at - 1; i >= 0; i--) {
    residueWork.steps++;
    if (CLOSING.includes(line[i])) depth++;
    else if (OPENING.includes(line[i])) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return line.length;
  depth = 0;
  for (let i = at; i < line.length; i++) {
    residueWork.steps++;
    if (OPENING.includes(line[i])) depth++;
    else if (CLOSING.includes(line[i])) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return line.length;
}

/** A match widened to the piece of residue it belongs to; `floor`: where the piece before ends. */
function widen(line: string, span: Span, extent: Extent, floor: number): Span {
  switch (extent) {
    case 'match':
      return span;
    case 'siteName':
      return { start: Math.max(floor, nameStart(line, span.start)), end: span.end };
    case 'rest':
      return { start: span.start, end: Math.max(span.end, restEnd(line, span.start)) };
    case 'sentence': {
      let start = span.start;
      while (start > floor && !SENTENCE_END.has(line[start - 1])) {
        residueWork.steps++;
        start--;
      }
      let end = span.end;
      while (end < line.length && !SENTENCE_END.has(line[end])) {
        residueWork.steps++;
        end++;
      }
      if (end < line.length) end++;
      return { start, end };
    }
  }
}

/** The residue pieces of one line (its trailing spaces cut off), in order and apart. */
function piecesOfLine(line: string, finders: readonly Finder[], needed: number): Span[] {
  let leadEnd = -1;
  const lead = () => (leadEnd < 0 ? (leadEnd = furnitureEnd(line, 0, line.length)) : leadEnd);
  const found: Array<{ span: Span; extent: Extent }> = [];
  for (let k = 0; k < finders.length; k++) {
    const f = finders[k];
    // `needed` has the bit of each built-in finder (the first ones) one of whose words the line holds.
    if (f.needs && (needed & (1 << k)) === 0) continue;
    for (const s of f.find(line)) {
      if (f.where === 'lineStart' && s.start > lead()) continue;
      if (f.where === 'ownLine' && !(s.start <= lead() && isFurniture(line, s.end, line.length))) continue;
      if (f.unless && f.unless.test(line.slice(s.start, s.end))) continue;
      found.push({ span: s, extent: f.extent });
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // Widened in order: a match inside the piece before adds nothing (and costs nothing: the piece is not read again).
  const pieces: Span[] = [];
  for (const { span, extent } of found) {
    const last = pieces[pieces.length - 1];
    if (last && span.end <= last.end) continue;
    const w = widen(line, span, extent, last ? last.end : 0);
    // Pieces apart by nothing but punctuation and spaces are one piece.
    if (last && (w.start <= last.end || isFurniture(line, last.end, w.start))) last.end = Math.max(last.end, w.end);
    else pieces.push(w);
  }
  return pieces.map((p) => withSurroundings(line, p));
}

/**
 * A piece with what goes with it: the bracket around it when the bracket holds
 * nothing else (or is left open to the line's end), the ellipses around that
 * when they stand on both sides, and the mark ending it when it is a sentence
 * of its own.
 */
function withSurroundings(line: string, piece: Span): Span {
  let { start, end } = piece;
  const back = (i: number) => {
    while (i > 0 && /\s/.test(line[i - 1])) i--;
    return i;
  };
  const fore = (i: number) => {
    while (i < line.length && /\s/.test(line[i])) i++;
    return i;
  };
  const b = back(start);
  const opening = b > 0 ? OPENING.indexOf(line[b - 1]) : -1;
  if (opening >= 0) {
    const f = fore(end);
    if (f < line.length && line[f] === CLOSING[opening]) {
      start = b - 1;
      end = f + 1;
    } else if (isFurniture(line, end, line.length)) {
      start = b - 1;
      end = line.length;
    }
  }
  const dotsBefore = ELLIPSIS_BEFORE.exec(line.slice(Math.max(0, start - 6), start));
  const dotsAfter = ELLIPSIS.exec(line.slice(end, end + 6));
  // A piece of its own: it opens its line, or follows the end of a sentence (ellipses between them).
  const lead = back(start - (dotsBefore?.[0].length ?? 0));
  const ownSentence = lead === 0 || SENTENCE_END.has(line[lead - 1]);
  if (dotsBefore && dotsAfter) {
    start -= dotsBefore[0].length;
    end += dotsAfter[0].length;
  } else if (ownSentence && isFurniture(line, end, line.length)) {
    // A notice ending its line takes what is left of it, and the ellipsis leading into it.
    end = line.length;
    if (dotsBefore) start -= dotsBefore[0].length;
  }
  if (ownSentence) {
    while (end < line.length && (SENTENCE_END.has(line[end]) || /\s/.test(line[end]))) end++;
  } else if (CLAUSE_MARK.has(line[lead - 1]) && (fore(end) >= line.length || SENTENCE_END.has(line[fore(end)]))) {
    // The last clause of its sentence (提速，还剩1200字。): the comma before it goes, the sentence's end stays.
    start = lead - 1;
  }
  return { start, end };
}

/** One line of a paragraph that holds residue. */
export interface ResidueLine {
  /** The line's content in the paragraph text (without its line break). */
  start: number;
  end: number;
  /** Nothing of the speech is left without the residue: the line goes whole. */
  whole: boolean;
  /** The pieces, in order and apart (offsets in the paragraph text). */
  readonly pieces: readonly Span[];
}

const NONE: readonly ResidueLine[] = Object.freeze([]);
const NO_PIECES: Span[] = [];

/** Made once per paragraph text for web-residue and the stretches the text rules skip (`notProse`). */
const residueMemo = new TextMemo<SpeechDraftConfig, readonly ResidueLine[]>((text, config) => linesOf(text, config));

/** The lines of a paragraph's text that hold residue. */
export function residueLines(text: string, config?: SpeechDraftConfig): readonly ResidueLine[] {
  return residueMemo.get(text, config);
}

function linesOf(text: string, config: SpeechDraftConfig | undefined): readonly ResidueLine[] {
  const finders = findersOf(config);
  const builtInOnly = finders === BUILT_IN;
  let out: ResidueLine[] | undefined;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > start && text[end - 1] === '\r') end--;
    let trimmed = end;
    while (trimmed > start && /\s/.test(text[trimmed - 1])) trimmed--;
    const needed = neededFinders(text, start, trimmed);
    // A line holding no word of a built-in finder is not looked at further (unless patterns are configured).
    const line = needed !== 0 || !builtInOnly ? text.slice(start, trimmed) : '';
    const pieces = line ? piecesOfLine(line, finders, needed) : NO_PIECES;
    if (pieces.length) {
      let whole = true;
      let at = 0;
      for (const p of pieces) {
        if (!isFurniture(line, at, p.start)) whole = false;
        at = p.end;
      }
      if (!isFurniture(line, at, line.length)) whole = false;
      (out ??= []).push({
        start,
        end: trimmed,
        whole,
        pieces: whole ? [{ start, end: trimmed }] : pieces.map((p) => ({ start: start + p.start, end: start + p.end })),
      });
    }
    start = next;
  }
  return out ?? NONE;
}

/** The residue of a paragraph as stretches of its text (a whole line from its first character to its last). */
export function residueSpans(text: string, config?: SpeechDraftConfig): Span[] {
  return residueLines(text, config).flatMap((l) => l.pieces);
}
