// Character classes used everywhere: Han characters, full-width punctuation,
// Chinese numerals.

/** Han ideographs (all CJK Unified blocks and compatibility ideographs) and 〇. */
export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    cp === 0x3007
  );
}

const FULL_WIDTH_PUNCT_CHARS = '，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』〖〗…—·～﹏＂＇＜＞［］｛｝｜／＼＿－＋＝＠＃＄％＾＆＊〝〞';
const FULL_WIDTH_PUNCT = new Set(Array.from(FULL_WIDTH_PUNCT_CHARS));

/**
 * 1 for each BMP code unit counted as speech (Han or full-width punctuation):
 * counting is a table look-up per code unit, with no string made per character.
 */
const SPEECH_UNIT = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isHanCode(c)) table[c] = 1;
  for (const ch of FULL_WIDTH_PUNCT_CHARS) table[ch.charCodeAt(0)] = 1;
  return table;
})();

export function isFullWidthPunct(ch: string): boolean {
  return FULL_WIDTH_PUNCT.has(ch);
}

/** True for a Han character or full-width punctuation: text that reads as Chinese. */
export function isChineseChar(ch: string | undefined): boolean {
  if (!ch) return false;
  const cp = ch.codePointAt(0)!;
  return isHanCode(cp) || FULL_WIDTH_PUNCT.has(ch);
}

export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.codePointAt(0)!);
}

const isLeadSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrailSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The speech's length as it is counted here: Han characters plus full-width
 * punctuation. Spaces, Latin letters and Arabic digits are not counted.
 */
export function countSpeechChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isLeadSurrogate(c)) n += SPEECH_UNIT[c];
    else if (i + 1 < end && isTrailSurrogate(text.charCodeAt(i + 1))) {
      if (isHanCode(text.codePointAt(i)!)) n++;
      i++;
    }
  }
  return n;
}

/**
 * Speech characters before each offset: `prefix[end] - prefix[start]` counts a
 * span in constant time, so nested sections do not re-scan their text.
 */
export function speechCharPrefix(text: string): Int32Array {
  const length = text.length;
  const prefix = new Int32Array(length + 1);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (!isLeadSurrogate(c)) n += SPEECH_UNIT[c];
    else if (i + 1 < length && isTrailSurrogate(text.charCodeAt(i + 1))) {
      // A pair counts once, at its second half; the first half counts nothing.
      prefix[i + 1] = n;
      if (isHanCode(text.codePointAt(i)!)) n++;
      i++;
    }
    prefix[i + 1] = n;
  }
  return prefix;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const CN_NUMERAL_CHARS = '一二三四五六七八九十';

/** Parses 一 … 九十九 (also 十一, 二十, 二十三). Returns undefined for anything else. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 3) return undefined;
  if (s.length === 1) return s === '十' ? 10 : nonZero(s);
  const ten = s.indexOf('十');
  if (ten < 0 || s.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : nonZero(s.slice(0, ten));
  const unitsPart = s.slice(ten + 1);
  const units = unitsPart === '' ? 0 : nonZero(unitsPart);
  if (tens === undefined || units === undefined || ten > 1) return undefined;
  return tens * 10 + units;
}

function nonZero(s: string): number | undefined {
  if (s.length !== 1 || s === '两') return undefined;
  const d = DIGITS[s];
  return d ? d : undefined;
}

export function toChineseNumeral(n: number): string {
  const units = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return units[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : units[tens]) + '十' + units[n % 10];
}

/** Parses an announced count: Chinese (三, 十二, 两) or Arabic (4), full-width digits too. */
export function parseCount(s: string): number | undefined {
  if (/^[0-9０-９]+$/.test(s)) return Number(toHalfWidthDigits(s));
  if (s === '两') return 2;
  return parseChineseNumeral(s);
}

export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function circledValue(ch: string): number | undefined {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : undefined;
}
export function toCircled(n: number): string | undefined {
  return n >= 1 && n <= CIRCLED.length ? CIRCLED[n - 1] : undefined;
}

/**
 * Word's and WPS's automatic numbering writes single characters for markers:
 * `⒈` (digit full stop), `⑴` (parenthesized digit), `㈠` (parenthesized
 * ideograph). Each stands for a standard marker: `1.`, `（1）`, `（一）`.
 */
export const ENCLOSED = {
  dot: '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛',
  paren: '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇',
  ideograph: '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩',
} as const;
export type EnclosedKind = keyof typeof ENCLOSED;

/** The kind and value of an automatic-numbering character, if `ch` is one. */
export function enclosedValue(ch: string): { kind: EnclosedKind; value: number } | undefined {
  for (const kind of Object.keys(ENCLOSED) as EnclosedKind[]) {
    const i = ENCLOSED[kind].indexOf(ch);
    if (i >= 0 && ch.length === 1) return { kind, value: i + 1 };
  }
  return undefined;
}

/** The character of that kind for `n`, when the set has one. */
export function toEnclosed(kind: EnclosedKind, n: number): string | undefined {
  return n >= 1 && n <= ENCLOSED[kind].length ? ENCLOSED[kind][n - 1] : undefined;
}

/** 1 for each code unit of `chars`: a test per character with no string made and no hashing. */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}
