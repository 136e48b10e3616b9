// 数字用法 (GB/T 15835): one kind of number for one kind of thing within a
// draft (3个百分点 and 三个百分点), half-width digits in running text (５０％),
// ranges with ～ (3～5, not 3-5), and adjacent numerals of an estimate without a
// 顿号 (三五天, not 三、五天). `4千`, `二零二五年` and `截止` belong to
// `word-usage`, which this rule leaves alone. What a paragraph holds is found
// once per paragraph text (memo); only the draft-wide comparison is redone.

import { message } from '../l10n';
import { overlapsAny, wordUsageSpans } from '../wording/wordUsageSpans';
import type { Paragraph } from '../parse/paragraphs';
import type { DocumentRule, DocumentRuleContext, RuleContext } from './types';

interface Local {
  start: number;
  end: number;
  replacement: string;
  why: string;
  safe: boolean;
}

/** A number before a unit of measure or count: compared across the draft. */
interface Use {
  unit: string;
  arabic: boolean;
  start: number;
  end: number;
  /** The number as written (for messages), and as Arabic digits where it converts. */
  number: string;
  asArabic?: string;
}

interface ParagraphNumbers {
  locals: Local[];
  uses: Use[];
}

const FULL_WIDTH = message('Digits in running text are half-width: “{1}”, not “{0}” (GB/T 15835).');
const RANGE = message('A range of numbers takes a tilde: “{1}”, not “{0}” (GB/T 15835).');
const ESTIMATE = message('Adjacent numerals of an estimate take no 顿号: “{1}”, not “{0}” (GB/T 15835).');
const MIXED = message('This draft writes “{0}” with Arabic digits elsewhere (“{1}”): one kind of number for one kind of thing (GB/T 15835).');
const MIXED_CHINESE = message('This draft writes “{0}” with Chinese numerals elsewhere (“{1}”): one kind of number for one kind of thing (GB/T 15835).');

/** Units of measurement and statistics, where a draft should not switch between 3 and 三. Longer first. */
const UNITS = [
  '个百分点',
  '百分点',
  '平方公里',
  '平方米',
  '万千瓦',
  '千瓦',
  '万亩',
  '亩',
  '万吨',
  '吨',
  '公里',
  '千米',
  '亿元',
  '万元',
  '元',
  '万人',
  '人次',
  '万户',
  '户',
  '个县',
  '个乡镇',
  '个村',
  '家企业',
];
const UNIT = UNITS.join('|');
const ARABIC_USE = new RegExp(`(?<![0-9０-９.．])([0-9０-９]+(?:[.．][0-9０-９]+)?)(${UNIT})`, 'g');
/** Exact Chinese numbers only: not an estimate (三五, 两三), not 几, 多, 余, not an ordinal (第). */
const CHINESE_USE = new RegExp(`(?<![第几数点一二两三四五六七八九十百千万〇零])([一二两三四五六七八九十百千〇零]+)(${UNIT})`, 'g');
/** A number right before the first character of a unit: what both patterns need (one quick pass, where they try every numeral). */
const UNIT_FIRSTS = [...new Set(UNITS.map((u) => u[0]))].join('');
const ARABIC_BEFORE_UNIT = new RegExp(`[0-9０-９][${UNIT_FIRSTS}]`);
const CHINESE_BEFORE_UNIT = new RegExp(`[一二两三四五六七八九十百千〇零][${UNIT_FIRSTS}]`);
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** What `hintsOf` tells of a paragraph: which of the rule's patterns may match in it. */
export const FULL_WIDTH_DIGIT = 1;
export const DIGIT_DASH_DIGIT = 2;
export const NUMERAL_DUN_NUMERAL = 4;
export const ARABIC_THEN_UNIT = 8;
export const CHINESE_THEN_UNIT = 16;
const ALL_HINTS = 31;
/** Per code unit, its classes (bits below): one table read a unit. */
const ASCII_DIGIT = 1;
const WIDE_DIGIT = 2;
const CHINESE_NUMERAL = 4; // CHINESE_BEFORE_UNIT's first class
const ESTIMATE_NUMERAL = 8; // ESTIMATE_PAIR's numerals
const DASH = 16;
const UNIT_FIRST = 32;
const DUN = 64;
const CLASS_OF = new Uint8Array(0x10000);
for (const [bit, chars] of [
  [ASCII_DIGIT, '0123456789'],
  [WIDE_DIGIT, '０１２３４５６７８９'],
  [CHINESE_NUMERAL, '一二两三四五六七八九十百千〇零'],
  [ESTIMATE_NUMERAL, '一二两三四五六七八九'],
  [DASH, '-－–'],
  [UNIT_FIRST, UNIT_FIRSTS],
  [DUN, '、'],
] as const) {
  for (const c of chars) CLASS_OF[c.charCodeAt(0)] |= bit;
}

/**
 * Which patterns may match in the text, in one pass of a table read a unit (five searches of the text did it before,
 * most of them over paragraphs with no number at all): each bit is set where the pattern's own first test
 * (`/[０-９]/`, `/[0-9][-－–][0-9]/`, ESTIMATE_PAIR's `X、Y`, ARABIC_BEFORE_UNIT, CHINESE_BEFORE_UNIT) would pass.
 */
export function hintsOf(text: string): number {
  let hints = 0;
  let prev = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const k = CLASS_OF[text.charCodeAt(i)];
    if (k !== 0) {
      if ((k & WIDE_DIGIT) !== 0) hints |= FULL_WIDTH_DIGIT;
      if ((k & UNIT_FIRST) !== 0) {
        if ((prev & (ASCII_DIGIT | WIDE_DIGIT)) !== 0) hints |= ARABIC_THEN_UNIT;
        if ((prev & CHINESE_NUMERAL) !== 0) hints |= CHINESE_THEN_UNIT;
      }
      if ((k & DASH) !== 0 && (prev & ASCII_DIGIT) !== 0 && i + 1 < n && (CLASS_OF[text.charCodeAt(i + 1)] & ASCII_DIGIT) !== 0) hints |= DIGIT_DASH_DIGIT;
      if ((k & DUN) !== 0 && (prev & ESTIMATE_NUMERAL) !== 0 && i + 1 < n && (CLASS_OF[text.charCodeAt(i + 1)] & ESTIMATE_NUMERAL) !== 0) hints |= NUMERAL_DUN_NUMERAL;
      if (hints === ALL_HINTS) return hints;
    }
    prev = k;
  }
  return hints;
}

/** `hintsOf` by the patterns' own tests, one search each: the plain version the tests compare it with. */
export function hintsBySearch(text: string): number {
  return (
    (/[０-９]/.test(text) ? FULL_WIDTH_DIGIT : 0) |
    (/[0-9][-－–][0-9]/.test(text) ? DIGIT_DASH_DIGIT : 0) |
    (/[一二两三四五六七八九]、[一二两三四五六七八九]/.test(text) ? NUMERAL_DUN_NUMERAL : 0) |
    (ARABIC_BEFORE_UNIT.test(text) ? ARABIC_THEN_UNIT : 0) |
    (CHINESE_BEFORE_UNIT.test(text) ? CHINESE_THEN_UNIT : 0)
  );
}

/** 三, 十二, 二十, 一百零五, 三千二百 as a number; undefined for an estimate or anything else. */
export function chineseNumber(s: string): number | undefined {
  let total = 0;
  let digit = -1;
  let lastPlace = 10_000;
  for (const c of s) {
    if (c in DIGIT) {
      if (digit >= 0 && DIGIT[c] !== 0 && digit !== 0) return undefined; // 三五: two digits side by side, an estimate
      digit = DIGIT[c];
    } else {
      const place = c === '十' ? 10 : c === '百' ? 100 : c === '千' ? 1000 : 0;
      if (!place || place >= lastPlace) return undefined;
      total += (digit < 0 ? (place === 10 ? 1 : -1) : digit) * place;
      if (digit === 0 || (digit < 0 && place !== 10)) return undefined;
      lastPlace = place;
      digit = -1;
    }
  }
  return total + (digit > 0 ? digit : 0);
}

const halfWidth = (s: string) => s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** `１．` or `（１）` opening a paragraph is a marker: numbering-style's. */
const MARKER_AT_START = /^\s*[（(]?[０-９]+[）)．.、]/;
const FULL_WIDTH_RUN = /[０-９]+(?:[．.][０-９]+)?/g;
/** 3-5, 3－5, 3–5 between numbers of up to four digits, in Chinese text: not a date, a phone number or a code. */
const HYPHEN_RANGE = /(?<![0-9A-Za-z.\/_\-－–])([0-9]{1,4}(?:\.[0-9]+)?)([-－–])([0-9]{1,4}(?:\.[0-9]+)?)(?![0-9A-Za-z.\/_\-－–])/g;
const CHINESE_AFTER = /^[\u4e00-\u9fff%％]/;
const ESTIMATE_PAIR = /(?<![第一二两三四五六七八九十百千万])([一二两三四五六七八九])、([一二两三四五六七八九])(?=[十百千万]?[个天年月日次人家件条项种位名岁倍斤里米元遍回批])/g;

function scan(text: string, ctx: RuleContext): ParagraphNumbers {
  const hints = hintsOf(text);
  // Most paragraphs: none of the patterns can match, and nothing is made for them.
  if (hints === 0) return NOTHING;
  const locals: Local[] = [];
  const uses: Use[] = [];
  let taken: Array<[number, number]> | undefined;
  const leftToWordUsage = (start: number, end: number) => overlapsAny((taken ??= wordUsageSpans(text, ctx)), start, end);

  if ((hints & FULL_WIDTH_DIGIT) !== 0) {
    const marker = MARKER_AT_START.exec(text);
    const markerEnd = marker ? marker[0].length : 0;
    FULL_WIDTH_RUN.lastIndex = 0;
    for (let m = FULL_WIDTH_RUN.exec(text); m; m = FULL_WIDTH_RUN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // A marker: opening the paragraph (１．), inline in parentheses (（２）), or after a sentence (。１．).
      const inParentheses = /[（(]/.test(text[start - 1] ?? '') && /[）)]/.test(text[end] ?? '');
      const runIn = /[。；：！？]/.test(text[start - 1] ?? '') && /[．.、]/.test(text[end] ?? '');
      if (start < markerEnd || inParentheses || runIn || leftToWordUsage(start, end)) continue;
      locals.push({ start, end, replacement: halfWidth(m[0]), why: FULL_WIDTH, safe: true });
    }
  }
  if ((hints & DIGIT_DASH_DIGIT) !== 0) {
    HYPHEN_RANGE.lastIndex = 0;
    for (let m = HYPHEN_RANGE.exec(text); m; m = HYPHEN_RANGE.exec(text)) {
      const end = m.index + m[0].length;
      const before = text[m.index - 1] ?? '';
      const chinese = CHINESE_AFTER.test(text.slice(end, end + 1)) || /[\u4e00-\u9fff]/.test(before);
      // A range goes up (3-5); 2025-03 or 10-3 is something else.
      if (!chinese || Number(m[1]) >= Number(m[3])) continue;
      locals.push({ start: m.index, end, replacement: `${m[1]}～${m[3]}`, why: RANGE, safe: false });
    }
  }
  if ((hints & NUMERAL_DUN_NUMERAL) !== 0) {
    ESTIMATE_PAIR.lastIndex = 0;
    for (let m = ESTIMATE_PAIR.exec(text); m; m = ESTIMATE_PAIR.exec(text)) {
      // 三、 opening a paragraph (or a line of it) is a heading marker, not an estimate.
      if (/^\s*$/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue;
      if ((DIGIT[m[2]] ?? 0) <= (DIGIT[m[1]] ?? 0)) continue;
      locals.push({ start: m.index, end: m.index + m[0].length, replacement: m[1] + m[2], why: ESTIMATE, safe: false });
    }
  }
  for (const [re, arabic, hint] of [
    [ARABIC_USE, true, ARABIC_THEN_UNIT],
    [CHINESE_USE, false, CHINESE_THEN_UNIT],
  ] as const) {
    if ((hints & hint) === 0) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[1].length;
      // 四元左右, 一倍多: an estimate.
      if (ESTIMATE_AFTER.test(text.substr(m.index + m[0].length, 2))) continue;
      const value = arabic ? undefined : chineseNumber(m[1]);
      // 一元钱, 一个县: “one” is a word more than a count.
      if (!arabic && (value === undefined || value === 1)) continue;
      uses.push({ unit: m[2], arabic, start, end, number: m[1], asArabic: value === undefined ? undefined : String(value) });
    }
  }
  return locals.length || uses.length ? { locals, uses } : NOTHING;
}

const ESTIMATE_AFTER = /^(?:[多余]|左右|上下)/;
const NOTHING: ParagraphNumbers = Object.freeze({ locals: [], uses: [] }) as unknown as ParagraphNumbers;

export const numberUsage: DocumentRule = {
  id: 'number-usage',
  name: { zh: '数字用法', en: 'Number usage' },
  description: {
    zh: '数字用法（GB/T 15835）：同一讲稿中同类数量用同一种数字，正文用半角数字，数值范围用浪纹线“～”，相邻数字表示概数不加顿号。',
    en: 'Number usage (GB/T 15835): one kind of number for one kind of thing within a draft, half-width digits in running text, ranges with a tilde (～), and no 顿号 between the adjacent numerals of an estimate.',
  },
  defaultSeverity: 'warning',
  fixes: 'mixed',
  blocksExport: 'never',
  scope: 'document',
  // A paragraph's findings are its text's and those of its numbers out of step with the draft's: after an edit that
  // leaves the numbers before units as they were (the paragraphs taken out and put in hold the same), only the new ones are looked at.
  reads: 'paragraphs',
  check(model, ctx) {
    const scanned = (text: string) => scan(text, ctx);
    const { paragraphs } = model;
    const edited = ctx.edited;
    const last = ctx.kept as Kinds | undefined;
    const range = edited && last && sameUses(edited, paragraphs, scanned, ctx) ? { from: edited.from, to: edited.to } : undefined;
    const found: Array<{ p: Paragraph; numbers: ParagraphNumbers }> = [];
    for (let k = range?.from ?? 0; k < (range?.to ?? paragraphs.length); k++) {
      const p = paragraphs[k];
      if (p.comment) continue;
      const numbers = ctx.memo(p.text, scanned);
      if (numbers !== NOTHING) found.push({ p, numbers });
    }
    const kinds = range ? last! : kindsOf(found);
    ctx.keep(kinds);
    for (const { p, numbers } of found) {
      for (const l of numbers.locals) report(ctx, p.start + l.start, p.start + l.end, ctx.t(l.why, p.text.slice(l.start, l.end), l.replacement), l.replacement, l.safe);
      for (const u of numbers.uses) {
        const kind = kinds.get(u.unit);
        if (kind?.odd !== u.arabic) continue;
        const why = u.arabic ? MIXED_CHINESE : MIXED;
        const fix = !u.arabic && u.asArabic !== undefined ? u.asArabic : undefined;
        report(ctx, p.start + u.start, p.start + u.end, ctx.t(why, `${u.number}${u.unit}`, kind.example), fix, false);
      }
    }
    return range;
  },
};

/** Per unit the draft writes with both kinds of number, the kind out of step (`arabic` true for digits) and an example of the other. */
type Kinds = Map<string, { odd: boolean; example: string }>;

/** Per unit, the kind of number the draft writes less often is out of step (a tie: the Chinese numerals); the example is the other's first. */
function kindsOf(found: ReadonlyArray<{ numbers: ParagraphNumbers }>): Kinds {
  const byUnit = new Map<string, { arabic: number; chinese: number; firstArabic?: string; firstChinese?: string }>();
  for (const { numbers } of found) {
    for (const use of numbers.uses) {
      let u = byUnit.get(use.unit);
      if (!u) byUnit.set(use.unit, (u = { arabic: 0, chinese: 0 }));
      if (use.arabic) {
        u.arabic++;
        u.firstArabic ??= use.number;
      } else {
        u.chinese++;
        u.firstChinese ??= use.number;
      }
    }
  }
  const kinds: Kinds = new Map();
  for (const [unit, u] of byUnit) {
    if (!u.arabic || !u.chinese) continue;
    const odd = u.chinese > u.arabic;
    kinds.set(unit, { odd, example: `${odd ? u.firstChinese : u.firstArabic}${unit}` });
  }
  return kinds;
}

/** The paragraphs the edit took out and those it put in hold the same numbers before units, in the same order. */
function sameUses(edited: NonNullable<DocumentRuleContext['edited']>, paragraphs: readonly Paragraph[], scanned: (text: string) => ParagraphNumbers, ctx: RuleContext): boolean {
  const before: Use[] = [];
  for (let k = edited.from; k < edited.oldTo; k++) if (!edited.previous.paragraphs[k].comment) before.push(...edited.memoBefore(k, scanned).uses);
  let i = 0;
  for (let k = edited.from; k < edited.to; k++) {
    if (paragraphs[k].comment) continue;
    for (const u of ctx.memo(paragraphs[k].text, scanned).uses) {
      const b = before[i++];
      if (!b || b.unit !== u.unit || b.arabic !== u.arabic || b.number !== u.number) return false;
    }
  }
  return i === before.length;
}

function report(ctx: RuleContext, start: number, end: number, text: string, replacement: string | undefined, safe: boolean): void {
  ctx.report({
    span: { start, end },
    message: text,
    fixes: replacement === undefined ? undefined : [{ title: ctx.t('Write “{0}”', replacement), edits: [{ start, end, newText: replacement }], safe }],
  });
}
