// Recognises list and heading markers in one paragraph. Everything here is
// local to the paragraph's text, so results can be cached by that text.

import { circledValue, parseChineseNumeral, toHalfWidthDigits } from '../text/chars';

export type Family =
  | 'cn-top' // 一、
  | 'cn-paren' // （一）
  | 'arabic-dot' // 1.
  | 'arabic-paren' // （1）
  | 'circled' // ①
  | 'ordinal-topic' // 第一个问题：
  | 'ordinal' // 第一，
  | 'sequence' // 首先，其次，再次，最后，
  | 'qi' // 其一，
  | 'inline' // 一是 / 一要
  | 'dash'; // ——

/** Families that make headings (stand-alone lines or run-in heading sentences). */
export const HEADING_FAMILIES: ReadonlySet<Family> = new Set<Family>([
  'cn-top',
  'cn-paren',
  'arabic-dot',
  'arabic-paren',
  'circled',
  'ordinal-topic',
]);

/** GB/T 9704 order of heading levels; lower is higher. Run-in and inline markers rank below all headings. */
export const FAMILY_RANK: Record<Family, number> = {
  'cn-top': 1,
  'ordinal-topic': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  circled: 5,
  ordinal: 6,
  sequence: 6,
  qi: 6,
  dash: 6,
  inline: 7,
};

/** Value of 最后 in a sequence-word run: it closes the run, whatever its length. */
export const LAST = -1;

export interface MarkerToken {
  family: Family;
  /** Markers are siblings only if their keys are equal (family, plus the verb of 一是 / 一要). */
  key: string;
  value: number;
  /** Token as written, offsets local to the paragraph text. */
  start: number;
  end: number;
  text: string;
  /** The part of the token that renumbering rewrites. */
  numeralStart: number;
  numeralEnd: number;
  numeral: string;
  /** The token in its family's canonical form (GB/T 15834 B.3). */
  canonical: string;
  atStart: boolean;
}

const SEQUENCE_WORDS = ['首先', '其次', '再次', '最后'];

const RE = {
  cnParen: /[（(][ \u3000]*([一二三四五六七八九十]{1,3})[ \u3000]*[）)]([、.．，,]?)/y,
  arabicParen: /[（(][ \u3000]*([0-9０-９]{1,2})[ \u3000]*[）)]([、.．，,]?)/y,
  cnTop: /([一二三四五六七八九十]{1,3})([ \u3000]*[、.．，,]|[ \u3000]+)/y,
  arabicDot: /([0-9０-９]{1,2})[ \u3000]*([.．、])(?![0-9０-９])/y,
  topic: /第([一二三四五六七八九十]{1,3})(个问题|个方面|个部分|部分)([：:，,]?)/y,
  ordinal: /第([一二三四五六七八九十]{1,3})([，,、：:])/y,
  sequence: /(首先|其次|再次|最后)([，,、：:])/y,
  qi: /其([一二三四五六七八九十])([，,、：:])/y,
  inline: /([一二三四五六七八九十]{1,3})(是|要|抓|靠|来)/y,
};

// `一、二线城市`, `三、四月份`: two numerals joined by a 顿号, not a heading.
const NUMERAL_PAIR_TAIL = /^[一二三四五六七八九十]+[、线级类档月年季期批产次号]/;

function exec(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function token(
  family: Family,
  value: number,
  m: RegExpExecArray,
  at: number,
  numeralOffset: number,
  numeral: string,
  canonical: string,
  atStart: boolean,
  key: string = family,
): MarkerToken {
  const numeralStart = at + numeralOffset;
  return {
    family,
    key,
    value,
    start: at,
    end: at + m[0].length,
    text: m[0],
    numeralStart,
    numeralEnd: numeralStart + numeral.length,
    numeral,
    canonical,
    atStart,
  };
}

/** The heading-level markers that may open a paragraph. */
export function headingAt(text: string, at: number): MarkerToken | undefined {
  let m = exec(RE.cnParen, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    if (v) return token('cn-paren', v, m, at, m[0].indexOf(m[1]), m[1], `（${m[1]}）`, true);
  }
  m = exec(RE.arabicParen, text, at);
  if (m) {
    const v = Number(toHalfWidthDigits(m[1]));
    if (v > 0) return token('arabic-paren', v, m, at, m[0].indexOf(m[1]), m[1], `（${toHalfWidthDigits(m[1])}）`, true);
  }
  m = exec(RE.cnTop, text, at);
  if (m && text[at + m[0].length] !== undefined) {
    const v = parseChineseNumeral(m[1]);
    const rest = text.slice(at + m[0].length, at + m[0].length + 4);
    if (v && !NUMERAL_PAIR_TAIL.test(rest)) return token('cn-top', v, m, at, 0, m[1], `${m[1]}、`, true);
  }
  m = exec(RE.arabicDot, text, at);
  if (m && text[at + m[0].length] !== undefined) {
    const v = Number(toHalfWidthDigits(m[1]));
    if (v > 0) return token('arabic-dot', v, m, at, 0, m[1], `${toHalfWidthDigits(m[1])}.`, true);
  }
  const c = circledValue(text[at]);
  if (c) {
    const m1 = [text[at]] as unknown as RegExpExecArray;
    return token('circled', c, m1, at, 0, text[at], text[at], true);
  }
  return undefined;
}

/** Run-in markers: at a paragraph start or right after a sentence boundary. */
export function runInAt(text: string, at: number, atStart: boolean): MarkerToken | undefined {
  let m = exec(RE.topic, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    if (v) return token('ordinal-topic', v, m, at, 1, m[1], m[0], atStart, `ordinal-topic:${m[2]}`);
  }
  m = exec(RE.ordinal, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    if (v) return token('ordinal', v, m, at, 1, m[1], `第${m[1]}，`, atStart);
  }
  m = exec(RE.sequence, text, at);
  if (m) {
    const i = SEQUENCE_WORDS.indexOf(m[1]);
    return token('sequence', i === 3 ? LAST : i + 1, m, at, 0, m[1], `${m[1]}，`, atStart);
  }
  m = exec(RE.qi, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    if (v) return token('qi', v, m, at, 1, m[1], `其${m[1]}，`, atStart);
  }
  return undefined;
}

export function inlineAt(text: string, at: number, atStart: boolean): MarkerToken | undefined {
  const m = exec(RE.inline, text, at);
  if (!m) return undefined;
  const v = parseChineseNumeral(m[1]);
  if (!v) return undefined;
  // `一是一、二是二`: the numeral repeats after the verb.
  if (text.startsWith(m[1], at + m[0].length)) return undefined;
  return token('inline', v, m, at, 0, m[1], m[0], atStart, `inline:${m[2]}`);
}

const SENTENCE_END = new Set(Array.from('。！？；：!?;:'));
/** A news-photo credit spliced into running text (`新华社记者 鞠鹏/摄第一，…`) ends a sentence too. */
const PHOTO_CREDIT = /(新华社|记者|摄影)[^。！？]{0,16}摄$/;

function isBoundary(text: string, i: number, prev: string): boolean {
  if (SENTENCE_END.has(prev)) return true;
  return prev === '摄' && PHOTO_CREDIT.test(text.slice(Math.max(0, i - 24), i));
}
/**
 * A quotation mark, or the spaces (maybe none) after a boundary mark that come
 * before a character a run-in or inline marker can start with.
 */
const JUMP = /[“”]|[。！？；：!?;:，,摄][ \u3000\t\r\n]*(?=[一二三四五六七八九十第首其再最])/;

/** True if a line starts with any marker (used to stop hard-wrap joining). */
export function startsWithMarker(text: string): boolean {
  return !!(headingAt(text, 0) || runInAt(text, 0, true) || inlineAt(text, 0, true) || text.startsWith('——'));
}

/**
 * All markers of one paragraph, in order: one at its start (heading, run-in,
 * inline or dash) and run-in / inline markers after sentence boundaries outside
 * quotation marks.
 */
export function scanMarkers(text: string): MarkerToken[] {
  const out: MarkerToken[] = [];
  let first = headingAt(text, 0) ?? runInAt(text, 0, true) ?? inlineAt(text, 0, true);
  if (!first && text.startsWith('——')) {
    const m = ['——'] as unknown as RegExpExecArray;
    first = token('dash', 0, m, 0, 0, '', '——', true);
  }
  if (first) out.push(first);
  // Jump from one quotation mark or boundary-before-a-candidate to the next instead of walking every character.
  const from = first ? first.end : 0;
  let quoteDepth = 0;
  const jump = new RegExp(JUMP.source, 'g');
  jump.lastIndex = from;
  for (let m = jump.exec(text); m; m = jump.exec(text)) {
    if (m[0] === '“') {
      quoteDepth++;
      continue;
    }
    if (m[0] === '”') {
      quoteDepth = Math.max(0, quoteDepth - 1);
      continue;
    }
    // The match is the boundary mark and the spaces after it (a consuming match is faster than a look-behind).
    const after = m.index + 1;
    // Right after the first marker nothing new begins (`第一，一是` is one marker's text).
    if (quoteDepth > 0 || after === from) continue;
    const at = m.index + m[0].length;
    const sentence = isBoundary(text, after, m[0][0]);
    const t = (sentence ? runInAt(text, at, false) : undefined) ?? inlineAt(text, at, false);
    if (t) {
      out.push(t);
      // The token's own last mark may open the next one (`第二，一是…`).
      jump.lastIndex = t.end - 1;
    }
  }
  return out;
}
