// Recognises list and heading markers in one paragraph. Everything here is
// local to the paragraph's text, so results can be cached by that text.

import { CIRCLED, circledValue, codeTable, ENCLOSED, enclosedValue, parseChineseNumeral, toHalfWidthDigits } from '../text/chars';

export type Family =
  | 'cn-top' // 一、
  | 'cn-paren' // （一）
  | 'arabic-dot' // 1.
  | 'arabic-paren' // （1）
  | 'circled' // ①
  | 'ordinal-topic' // 第一个问题：
  | 'ordinal' // 第一，(also 第一点， 第一个词是…, each series its own key)
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

/** The key of ① ② ③ inside a paragraph (`主要有：①…；②…`): a list in a sentence, not headings. */
export const INLINE_CIRCLED_KEY = 'circled:inline';

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
  /** `第一点，` `第一条：` `第一个词是` `第一个是`: a series of its own, named by what follows the numeral. */
  counted: /第([一二三四五六七八九十]{1,3})(个[\u4e00-\u9fff]{0,3}?|点|条|项)([：:，,]|是)/y,
  sequence: /(首先|其次|再次|最后)([，,、：:])/y,
  qi: /其([一二三四五六七八九十])([，,、：:])/y,
  inline: /([一二三四五六七八九十]{1,3})(是|要|抓|靠|来)/y,
};

const FULL_MARK: Record<string, string> = { ':': '：', ',': '，' };

/** `第一部分` heads its paragraph as a heading does: a mark or space after it, or nothing but a short heading line. */
function headsParagraph(text: string, end: number, mark: string): boolean {
  if (mark || end === text.length || /[ \u3000\t]/.test(text[end])) return true;
  const rest = text.slice(end);
  return rest.length <= 40 && !/[。！？；，,;!?]/.test(rest.replace(/[。！？]$/, ''));
}

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
  if (c) return token('circled', c, single(text[at]), at, 0, text[at], text[at], true);
  return enclosedAt(text, at);
}

const single = (ch: string) => [ch] as unknown as RegExpExecArray;

/** `⒈` `⑴` `㈠`: automatic numbering, read as the marker it stands for; its canonical form is that marker. */
function enclosedAt(text: string, at: number): MarkerToken | undefined {
  const e = enclosedValue(text[at]);
  if (!e) return undefined;
  const ch = text[at];
  if (e.kind === 'dot') return token('arabic-dot', e.value, single(ch), at, 0, ch, `${e.value}.`, true);
  if (e.kind === 'paren') return token('arabic-paren', e.value, single(ch), at, 0, ch, `（${e.value}）`, true);
  const numeral = '一二三四五六七八九十'[e.value - 1];
  return token('cn-paren', e.value, single(ch), at, 0, ch, `（${numeral}）`, true);
}

/** ① inside a paragraph, after a mark (`主要有：①…；②…`), with text after it (a footnote mark ends its sentence). */
export function circledAt(text: string, at: number, atStart: boolean): MarkerToken | undefined {
  const c = circledValue(text[at]);
  if (!c || at + 1 >= text.length || /[。！？；，、：\s]/.test(text[at + 1])) return undefined;
  return token('circled', c, single(text[at]), at, 0, text[at], text[at], atStart, INLINE_CIRCLED_KEY);
}

/** Run-in markers: at a paragraph start or right after a sentence boundary. */
export function runInAt(text: string, at: number, atStart: boolean): MarkerToken | undefined {
  // The ordinal patterns begin with 第, the others with 首其再最.
  if (text[at] !== '第') return runInWordAt(text, at, atStart);
  let m = exec(RE.topic, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    // `第二部分讲发展` in prose speaks of a document's parts: 部分 is a marker only heading its paragraph.
    const part = m[2].endsWith('部分');
    if (v && (!part || (atStart && headsParagraph(text, at + m[0].length, m[3])))) {
      const canonical = `第${m[1]}${m[2]}${FULL_MARK[m[3]] ?? m[3]}`;
      return token('ordinal-topic', v, m, at, 1, m[1], canonical, atStart, `ordinal-topic:${m[2]}`);
    }
    if (part) return undefined;
  }
  m = exec(RE.ordinal, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    if (v) return token('ordinal', v, m, at, 1, m[1], `第${m[1]}，`, atStart);
  }
  return countedAt(text, at, atStart);
}

/** `首先，` `其一，`. */
function runInWordAt(text: string, at: number, atStart: boolean): MarkerToken | undefined {
  let m = exec(RE.sequence, text, at);
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

/** `第一点，` `第一个词是`: a series named by its own word, which may also go on after a comma (`第一个字是“实”，第二个字是“干”`). */
export function countedAt(text: string, at: number, atStart: boolean): MarkerToken | undefined {
  const m = exec(RE.counted, text, at);
  if (m) {
    const v = parseChineseNumeral(m[1]);
    const canonical = `第${m[1]}${m[2]}${FULL_MARK[m[3]] ?? m[3]}`;
    if (v) return token('ordinal', v, m, at, 1, m[1], canonical, atStart, `ordinal:${m[2]}`);
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

export function isBoundary(text: string, i: number, prev: string): boolean {
  if (SENTENCE_END.has(prev)) return true;
  return prev === '摄' && PHOTO_CREDIT.test(text.slice(Math.max(0, i - 24), i));
}
// A run-in or inline marker may begin after a boundary mark and spaces (maybe
// none), at a character such a marker can start with. The scan is one table
// look-up per character: faster than a pattern that stops at every comma.
const BOUNDARY_MARK = codeTable('。！？；：!?;:，,摄');
const BOUNDARY_SPACE = codeTable(' \u3000\t\r\n');
/** What a run-in or inline marker may start with, by the patterns that can match there (each begins with one of these). */
const CANDIDATE = new Uint8Array(0x10000);
const ORDINAL_FIRST = 1; // 第: the ordinal patterns (runInAt, countedAt)
const WORD_FIRST = 2; // 首其再最: the sequence words and 其一 (runInAt)
const NUMERAL_FIRST = 3; // 一 to 十: inlineAt
const CIRCLED_FIRST = 4; // ① to ⑳: circledAt
for (const [kind, chars] of [
  [ORDINAL_FIRST, '第'],
  [WORD_FIRST, '首其再最'],
  [NUMERAL_FIRST, '一二三四五六七八九十'],
  [CIRCLED_FIRST, CIRCLED],
] as const) {
  for (const ch of chars) CANDIDATE[ch.charCodeAt(0)] = kind;
}
const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;

/** Characters any marker starts with: most paragraphs start with none of them and need no pattern tried. */
const MARKER_FIRST = codeTable('（(0123456789０１２３４５６７８９一二三四五六七八九十第首其再最—' + CIRCLED + ENCLOSED.dot + ENCLOSED.paren + ENCLOSED.ideograph);

/** The marker a paragraph opens with, if any. */
function markerAtStart(text: string): MarkerToken | undefined {
  if (MARKER_FIRST[text.charCodeAt(0)] !== 1) return undefined;
  const found = headingAt(text, 0) ?? runInAt(text, 0, true) ?? inlineAt(text, 0, true);
  if (found || !text.startsWith('——')) return found;
  return token('dash', 0, ['——'] as unknown as RegExpExecArray, 0, 0, '', '——', true);
}

/** True if a line starts with any marker (used to stop hard-wrap joining). */
export function startsWithMarker(text: string): boolean {
  return markerAtStart(text) !== undefined;
}

/**
 * All markers of one paragraph, in order: one at its start (heading, run-in,
 * inline or dash) and run-in / inline markers after sentence boundaries outside
 * quotation marks.
 */
export function scanMarkers(text: string): MarkerToken[] {
  const out: MarkerToken[] = [];
  const first = markerAtStart(text);
  if (first) out.push(first);
  // From after the first marker: its own last mark starts nothing (`第一，一是` is one marker's text).
  const from = first ? first.end : 0;
  const n = text.length;
  let quoteDepth = 0;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) quoteDepth++;
    else if (c === CLOSE_QUOTE) quoteDepth = Math.max(0, quoteDepth - 1);
    if (BOUNDARY_MARK[c] === 0 || quoteDepth > 0) continue;
    let at = i + 1;
    while (at < n && BOUNDARY_SPACE[text.charCodeAt(at)] === 1) at++;
    const kind = at < n ? CANDIDATE[text.charCodeAt(at)] : 0;
    if (kind === 0) continue;
    // Only the patterns that begin with the character are tried (a call of each costs more than its failing).
    const t =
      kind === NUMERAL_FIRST
        ? inlineAt(text, at, false)
        : kind === CIRCLED_FIRST
          ? circledAt(text, at, false)
          : isBoundary(text, i + 1, text[i])
            ? runInAt(text, at, false)
            : kind === ORDINAL_FIRST
              ? countedAt(text, at, false)
              : undefined;
    if (t) {
      out.push(t);
      // The token's own last mark may open the next one (`第二，一是…`).
      i = t.end - 2;
    }
  }
  // `①…；②…；③…` in one paragraph: the ① that opens it belongs to the list in its sentences.
  if (first?.family === 'circled' && out.some((t) => t.key === INLINE_CIRCLED_KEY)) out[0] = { ...first, key: INLINE_CIRCLED_KEY };
  return out;
}
