import { overlapsSpans } from '../text/verbatim';
import type { ParagraphRule } from './types';

/** Function words that are never doubled on purpose. */
const DOUBLED_SLIPS = new Set(Array.from('的了是在和与及对把被将从就都也并而们'));
/** 他他们, 我我们: a pronoun doubled before 们. */
const PRONOUNS = new Set(Array.from('我你您他她它咱'));
/** Two-character words that end in one of them (目的|的, 为了|了解 is two words, not a slip). */
const WORDS_ENDING = new Set(
  ('目的 有的 真的 别的 为了 除了 到了 罢了 算了 好了 不了 现在 存在 正在 实在 所在 自在 内在 潜在 外在 ' +
    '但是 就是 总是 可是 于是 或是 若是 还是 凡是 只是 正是 要是 不是 都是 也是 而是 便是 即是 乃是 算是 像是 倒是 真是 硬是 老是 本是 原是 ' +
    '平和 温和 缓和 总和 共和 饱和 调和 随和 柔和 暖和 人和 以及 普及 涉及 危及 波及 顾及 惠及 遍及 提及 来及 不及 ' +
    '面对 应对 核对 针对 相对 绝对 反对 比对 配对 校对 即将 必将 终将 服从 自从 随从 适从 成就 造就 迁就 将就 也就 早就 ' +
    '首都 全都 大都 合并 兼并 然而 因而 从而 进而 继而 反而 时而').split(' '),
);
/** Two-character words that start with one of them (为了|了解, 但是|是否). */
const WORDS_STARTING = new Set(
  ('的确 了解 了结 了然 了却 了之 是否 是非 在于 在座 在场 在职 在岗 在建 在编 在线 在外 和谐 和平 和睦 和美 和衷 ' +
    '与会 与其 与时 及时 及早 及其 对于 对待 对象 对照 对接 对标 对外 把握 把关 被动 将来 将近 从事 从严 从来 从中 ' +
    '就业 就地 就近 就医 都市 都会 也许 并且 并非 并列 并重 并举 而且 而言').split(' '),
);

/**
 * Two-character words are doubled on purpose all the time (研究研究, 舒服舒服,
 * 坚持坚持再坚持, 一步一步), so only words of three or more characters count.
 */
const MIN_WORD = 3;
const MAX_WORD = 6;
const SLIP_CODES = new Set([...DOUBLED_SLIPS, ...PRONOUNS].map((c) => c.charCodeAt(0)));

interface Doubled {
  start: number;
  /** Length of the word written twice. */
  length: number;
}

function isHanCodeUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** A word of `len` Han characters at `i`, written again right after it. */
function doubledAt(text: string, i: number, len: number): boolean {
  for (let k = 0; k < len; k++) {
    const c = text.charCodeAt(i + k);
    if (c !== text.charCodeAt(i + len + k) || !isHanCodeUnit(c)) return false;
  }
  return true;
}

/** Length of the doubling starting at i: a word of three to six characters, or a slip of one; 0 for none. */
function doublingAt(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c < 0x3400) return 0;
  for (let len = MAX_WORD; len >= MIN_WORD; len--) {
    if (i + 2 * len <= n && text.charCodeAt(i + len) === c && doubledAt(text, i, len)) return len;
  }
  if (text.charCodeAt(i + 1) !== c || !SLIP_CODES.has(c)) return 0;
  const ch = text[i];
  const pronoun = PRONOUNS.has(ch) && text[i + 2] === '们';
  const boundary = (i > 0 && WORDS_ENDING.has(text[i - 1] + ch)) || WORDS_STARTING.has(ch + (text[i + 2] ?? ''));
  return pronoun || (DOUBLED_SLIPS.has(ch) && !boundary) ? 1 : 0;
}

/** The code unit at i, -1 past the end: reads inside the text only (a read past its end slows every read). */
function unitAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/**
 * Doubled words and slips, in order, never overlapping: left to right, each
 * found doubling skipped whole. Only the stretches around every third character
 * that may hold one are looked at closely: a doubled word of three to six
 * characters covers a multiple of three at which its character comes back three
 * to six places on, and a doubled character is one of the three pairs around it.
 */
function doublings(text: string): Doubled[] {
  const found: Doubled[] = [];
  const n = text.length;
  // The characters from p - 1 to p + 6, carried from one sample to the next: three new reads a sample.
  let w0 = -1;
  let w1 = unitAt(text, 0);
  let w2 = unitAt(text, 1);
  let w3 = unitAt(text, 2);
  let w4 = unitAt(text, 3);
  let w5 = unitAt(text, 4);
  let w6 = unitAt(text, 5);
  let w7 = unitAt(text, 6);
  let next = 0; // positions before it are looked at or covered by a doubling
  for (let p = 0; p < n; p += 3) {
    if (p > 0) {
      w0 = w3;
      w1 = w4;
      w2 = w5;
      w3 = w6;
      w4 = w7;
      w5 = unitAt(text, p + 4);
      w6 = unitAt(text, p + 5);
      w7 = unitAt(text, p + 6);
    }
    const c = w1;
    const pairNear = c === w2 || w0 === c || w3 === w2;
    if (!pairNear && (c < 0x3400 || (w4 !== c && w5 !== c && w6 !== c && w7 !== c))) continue;
    for (let i = Math.max(next, p - 5); i <= p + 1 && i + 1 < n; i++) {
      const length = doublingAt(text, i);
      if (length) {
        found.push({ start: i, length });
        i += 2 * length - 1;
      }
      next = i + 1;
    }
  }
  return found;
}

export const repeatedWord = {
  id: 'repeated-word',
  name: { zh: '字词重复', en: 'Repeated word' },
  description: {
    zh: '误重复的字词（如“的的”“进一步进一步”），不含正常的叠词（常常、研究研究、一步一步）。',
    en: 'An accidental doubled word or character (的的, 进一步进一步), not a legitimate reduplication (常常, 研究研究).',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'never',
  scope: 'paragraph',
  check({ text, verbatim }, { t, report }) {
    for (const { start, length } of doublings(text)) {
      if (overlapsSpans(verbatim(), start, start + 2 * length)) continue;
      const word = text.slice(start, start + length);
      const span = { start: start + length, end: start + 2 * length };
      report({
        span,
        message: t('“{0}” is written twice: remove one.', word),
        fixes: [{ title: t('Remove the repeated “{0}”', word), edits: [{ ...span, newText: '' }], safe: false }],
      });
    }
  },
} as const satisfies ParagraphRule;
