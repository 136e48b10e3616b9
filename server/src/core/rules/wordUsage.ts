import type { SpeechDraftConfig } from '../config/config';
import { message } from '../l10n';
import { TakenSpans } from '../text/spans';
import { overlapsSpans } from '../text/verbatim';
import { WordList } from '../text/wordList';
import type { Trigger } from '../triggers';
import type { ParagraphRule } from './types';

export interface WordUsageEntry {
  pattern: RegExp;
  /** A quick test the text must pass before the pattern runs. */
  hint?: RegExp;
  /** The right form; undefined where there is no sure rewrite. */
  right: (wrong: string) => string | undefined;
  /** `{0}` the wrong form, `{1}` the right one, `{2}` the right form in its context. */
  why: string;
  /** Said when there is no rewrite. */
  whyNoFix?: string;
  /** The rewrite cannot change what the speech says: a safe fix (`check --fix`). */
  safe?: (wrong: string) => boolean;
}

const WRITE_RIGHT = message('Write “{1}”, not “{0}”.');

// Classic misspellings: [wrong, right, what may follow `wrong` without it being one].
const MISSPELLINGS: Array<[string, string, string?]> = [
  ['再接再励', '再接再厉'],
  ['迫不急待', '迫不及待'],
  ['一股作气', '一鼓作气'],
  ['既使', '即使', '得用命'], // 既使得…又…, 既使用…又…
  ['即然', '既然'],
  ['按排', '安排', '名序列行位班期放查污水灌涝'], // 按排名, 按排放量, 按排查结果
  ['不径而走', '不胫而走'],
  ['谈笑风声', '谈笑风生'],
  ['默守成规', '墨守成规'],
  ['走头无路', '走投无路'],
  ['情不自尽', '情不自禁'],
  ['穿流不息', '川流不息'],
  ['针贬', '针砭'],
  ['松驰', '松弛'],
  ['甘败下风', '甘拜下风'],
  ['一愁莫展', '一筹莫展'],
  ['出奇不意', '出其不意'],
  ['记忆尤新', '记忆犹新'],
  ['变本加利', '变本加厉'],
  ['按步就班', '按部就班'],
  ['既往不究', '既往不咎'],
  ['义不容词', '义不容辞'],
  ['迫在眉捷', '迫在眉睫'],
  ['美仑美奂', '美轮美奂'],
  ['一如继往', '一如既往'],
  ['相辅相承', '相辅相成'],
  ['精兵减政', '精兵简政'],
  ['融汇贯通', '融会贯通'],
  ['直接了当', '直截了当'],
  ['名符其实', '名副其实'],
  ['厉精图治', '励精图治'],
  ['坚苦奋斗', '艰苦奋斗'],
  ['再所不惜', '在所不惜'],
  ['关怀倍至', '关怀备至'],
  ['委屈求全', '委曲求全'],
  ['天翻地复', '天翻地覆'],
  ['布署', '部署'],
  ['震憾', '震撼'],
  ['气慨', '气概'],
  ['渲泄', '宣泄'],
  ['急燥', '急躁'],
  ['烦燥', '烦躁'],
];

/** What may follow 截止 when it should be 截至: a date, a time, or 目前 and the like. */
const DATE_AFTER = `(?=(?:到|至)?(?:${[
  '目前|当前|现在|今天|今日|昨天',
  '今年|去年|上年|本年|本月|上月|本周|上周|本季度|[一二三四1-4]季度|第[一二三四]季度',
  '年底|年末|年初|月底|月末|上半年|下半年',
  '[0-9０-９一二三四五六七八九十〇零]{1,4}[年月日]',
].join('|')}))`;
/** The date 截至 governs, for the message: `截至2025年8月底`. */
export const DATE_TEXT = /^(?:到|至)?[^，。；：、,;:\s]{0,10}/;

/** `3.5千` → `3500`, without floating-point error. */
function timesPower(digits: string, zeros: number): string | undefined {
  const [whole, fraction = ''] = digits.split('.');
  if (fraction.length > zeros) return undefined;
  return String(Number(whole + fraction.padEnd(zeros, '0')));
}

// Words and number forms often misused in official writing (GB/T 15835 for numbers).
const ENTRIES: WordUsageEntry[] = [
  {
    pattern: new RegExp(`截止(?:到|至)?${DATE_AFTER}`, 'g'),
    hint: /截止/,
    right: () => '截至',
    why: message('“{0}” marks a deadline; before a date or time write “{1}”: {2}.'),
  },
  {
    // ○ (a circle) typed for the numeral 〇 in a year: 二○○○年, 一九八○年. The same character to the eye: a safe fix.
    pattern: /(?<![〇○零一二三四五六七八九十])(?=[〇零一二三四五六七八九]*○)[〇○零一二三四五六七八九]{2,4}(?=年)/g,
    hint: /○/,
    right: (w) => w.replace(/[○零]/g, '〇'),
    why: message('A year in Chinese numerals writes zero as 〇, not as the circle ○ or 零: “{1}”, not “{0}”.'),
    safe: (w) => !w.includes('零'),
  },
  {
    // A year of four Chinese numerals with 零 in it: 二零二五年.
    pattern: /(?<![〇零一二三四五六七八九十百千])(?=[〇一二三四五六七八九]*零)[〇零一二三四五六七八九]{4}(?=年)/g,
    hint: /零/,
    right: (w) => w.replace(/零/g, '〇'),
    why: message('A year in Chinese numerals writes zero as 〇: “{1}”, not “{0}”.'),
  },
  {
    // 4千, 1百零8, 3.5千; not 445万, 3亿, nor the units 千瓦 千米 千克 百分点.
    pattern: /(?<![0-9０-９.．])[0-9０-９]+(?:\.[0-9]+)?[千百](?![瓦米克伏卡兆焦帕赫分货])(?:零?[0-9０-９]+)?/g,
    hint: /[0-9０-９][千百]/,
    right: (w) => {
      // `3千2` is ambiguous and gets no rewrite.
      const m = /^([0-9]+(?:\.[0-9]+)?)([千百])(?:(零)([0-9]+))?$/.exec(w);
      if (!m) return undefined;
      const base = timesPower(m[1], m[2] === '千' ? 3 : 2);
      return base === undefined ? undefined : String(Number(base) + Number(m[4] ?? 0));
    },
    why: message('Arabic digits do not go before 千 or 百 (万 and 亿 are fine): “{0}” should be “{1}”.'),
    whyNoFix: message('Arabic digits do not go before 千 or 百 (万 and 亿 are fine): write “{0}” all in digits or all in Chinese numerals.'),
  },
];

/** Wrong words that are plain strings, each with its right form. */
const WORDS: Array<[string, string, string?]> = [['其它', '其他'], ['做为', '作为'], ['部份', '部分'], ...MISSPELLINGS];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const userEntries = new WeakMap<SpeechDraftConfig, WordUsageEntry[]>();

/**
 * All plain words in one alternation, searched in one pass: a paragraph is
 * scanned once for forty words instead of forty times.
 */
function wordsEntry(words: Array<[string, string, string?]>): WordUsageEntry {
  const right = new Map(words.map(([wrong, r]) => [wrong, r]));
  const alternatives = [...words]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([wrong, , notBefore]) => (notBefore ? `${escape(wrong)}(?![${escape(notBefore)}])` : escape(wrong)));
  return { pattern: new RegExp(alternatives.join('|'), 'g'), right: (w) => right.get(w), why: WRITE_RIGHT };
}

const allWords = (config: SpeechDraftConfig): Array<[string, string, string?]> => [
  ...WORDS,
  ...config.wordUsage.filter((e) => e.wrong.length > 0).map((e): [string, string] => [e.wrong, e.right]),
];

/** The built-in list plus the configured words, built once per config. */
export function entriesFor(config: SpeechDraftConfig): WordUsageEntry[] {
  let list = userEntries.get(config);
  if (!list) userEntries.set(config, (list = [...ENTRIES, wordsEntry(allWords(config))]));
  return list;
}

/** By the configured words (not the config object): a fresh config with the same words shares the lists. */
const triggers = new Map<string, Trigger>();
const ZERO = new WordList(['零', '○']);

/** What every entry needs: its hint, or the wrong word itself. */
function triggerFor(config: SpeechDraftConfig): Trigger {
  const key = JSON.stringify(config.wordUsage);
  let trigger = triggers.get(key);
  if (!trigger) {
    if (triggers.size >= 16) triggers.delete(triggers.keys().next().value!);
    const digitsBeforeUnit = [...'0123456789０１２３４５６７８９'].flatMap((d) => [d + '千', d + '百']);
    const words = new WordList(['截止', ...digitsBeforeUnit, ...allWords(config).map(([wrong]) => wrong)]);
    triggers.set(key, (trigger = [words, ZERO]));
  }
  return trigger;
}

export const wordUsage = {
  id: 'word-usage',
  name: { zh: '用词规范', en: 'Word usage' },
  description: {
    zh: '公文中常见的误用词语和数字写法，如“截止”误作“截至”、“其它”、“二零二五年”、“二○○○年”（圆圈误作〇）、“4千”和常见别字，可在配置中扩充。',
    en: 'Words and number forms often misused in official writing (截止 for 截至, 其它, 二零二五年, ○ for 〇 in 二○○○年, 4千, classic misspellings), extensible from config.',
  },
  defaultSeverity: 'warning',
  fixes: 'mixed',
  blocksExport: 'never',
  scope: 'paragraph',
  trigger: triggerFor,
  check({ text, verbatim }, { t, report, config }) {
    const taken = new TakenSpans(); // one finding per stretch: the first entry to match it
    const skipped = verbatim();
    for (const entry of entriesFor(config)) {
      if (entry.hint && !entry.hint.test(text)) continue;
      taken.beginPass();
      entry.pattern.lastIndex = 0;
      for (let m = entry.pattern.exec(text); m; m = entry.pattern.exec(text)) {
        const wrong = m[0];
        const start = m.index;
        const end = start + wrong.length;
        if (taken.overlaps(start, end) || overlapsSpans(skipped, start, end)) continue;
        taken.take({ start, end });
        const right = entry.right(wrong);
        const inContext = right === undefined ? wrong : right + (DATE_TEXT.exec(text.slice(end))?.[0] ?? '');
        report({
          span: { start, end },
          message: right === undefined && entry.whyNoFix ? t(entry.whyNoFix, wrong) : t(entry.why, wrong, right ?? wrong, inContext),
          fixes: right !== undefined ? [{ title: t('Write “{0}”', right), edits: [{ start, end, newText: right }], safe: entry.safe?.(wrong) ?? false }] : undefined,
        });
      }
    }
  },
} as const satisfies ParagraphRule;
