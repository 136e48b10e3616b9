import type { SpeechDraftConfig } from '../config/config';
import { message } from '../l10n';
import type { ParagraphRule } from './types';

interface Entry {
  pattern: RegExp;
  /** Said when there is no rewrite. */
  whyNoFix?: string;
  /** The right form; undefined where no safe rewrite exists. */
  right: (wrong: string) => string | undefined;
  why: string;
}

const DATE_AFTER = '(?=(?:到|至)?(?:目前|当前|现在|今年|去年|本月|上月|本周|年底|年末|月底|上半年|下半年|[0-9０-９一二三四五六七八九十〇零]{1,4}[年月日]))';

// Words and number forms often misused in official writing (GB/T 15835 for numbers).
const ENTRIES: Entry[] = [
  {
    pattern: new RegExp(`截止(?:到|至)?${DATE_AFTER}`, 'g'),
    right: () => '截至',
    why: message('“{0}” marks a deadline; before a date or time write “{1}”.'),
  },
  { pattern: /其它/g, right: () => '其他', why: message('Write “{1}”, not “{0}”.') },
  { pattern: /做为/g, right: () => '作为', why: message('Write “{1}”, not “{0}”.') },
  { pattern: /部份/g, right: () => '部分', why: message('Write “{1}”, not “{0}”.') },
  {
    pattern: /[〇一二三四五六七八九零]*零[〇一二三四五六七八九零]*(?=年)/g,
    right: (w) => (w.length === 4 ? w.replace(/零/g, '〇') : undefined),
    why: message('A year in Chinese numerals writes zero as 〇: “{1}”, not “{0}”.'),
  },
  {
    pattern: /(?<![0-9０-９.．])[0-9０-９]+[千百](?![瓦米克伏卡兆焦帕赫分])(?:零?[0-9０-９]+)?/g,
    right: (w) => {
      // `4千` → 4000, `1百零8` → 108; `3千2` is ambiguous and gets no rewrite.
      const m = /^(\d+)([千百])(?:(零)(\d+))?$/.exec(w);
      return m ? String(Number(m[1]) * (m[2] === '千' ? 1000 : 100) + Number(m[4] ?? 0)) : undefined;
    },
    why: message('Arabic digits do not go before 千 or 百 (万 and 亿 are fine): “{0}” should be “{1}”.'),
    whyNoFix: message('Arabic digits do not go before 千 or 百 (万 and 亿 are fine): write “{0}” all in digits or all in Chinese numerals.'),
  },
  ...(
    [
      ['再接再励', '再接再厉'],
      ['迫不急待', '迫不及待'],
      ['一股作气', '一鼓作气'],
      ['既使', '即使'],
      ['即然', '既然'],
      ['按排', '安排'],
      ['凑和', '凑合'],
      ['不径而走', '不胫而走'],
      ['谈笑风声', '谈笑风生'],
      ['默守成规', '墨守成规'],
      ['走头无路', '走投无路'],
      ['情不自尽', '情不自禁'],
      ['穿流不息', '川流不息'],
      ['针贬', '针砭'],
      ['松驰', '松弛'],
      ['度过难关', '渡过难关'],
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
    ] as const
  ).map(([wrong, right]) => ({ pattern: new RegExp(wrong, 'g'), right: () => right, why: message('Write “{1}”, not “{0}”.') })),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const userEntries = new WeakMap<SpeechDraftConfig, Entry[]>();

function entriesFor(config: SpeechDraftConfig): Entry[] {
  let list = userEntries.get(config);
  if (!list) {
    list = ENTRIES.concat(
      config.wordUsage.map((e) => ({ pattern: new RegExp(escape(e.wrong), 'g'), right: () => e.right, why: message('Write “{1}”, not “{0}”.') })),
    );
    userEntries.set(config, list);
  }
  return list;
}

export const wordUsage: ParagraphRule = {
  id: 'word-usage',
  description: {
    zh: '公文中常见的误用词语和数字写法，如“截止”误作“截至”、“其它”、“二零二五年”、“4千”，可在配置中扩充。',
    en: 'Words and number forms often misused in official writing (截止 for 截至, 其它, 二零二五年, 4千), extensible from config.',
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'paragraph',
  check({ text }, { t, report, config }) {
    for (const entry of entriesFor(config)) {
      entry.pattern.lastIndex = 0;
      for (let m = entry.pattern.exec(text); m; m = entry.pattern.exec(text)) {
        if (m[0].length === 0) {
          entry.pattern.lastIndex++;
          continue;
        }
        const wrong = m[0];
        const right = entry.right(wrong);
        const span = { start: m.index, end: m.index + wrong.length };
        report({
          span,
          message: right === undefined && entry.whyNoFix ? t(entry.whyNoFix, wrong) : t(entry.why, wrong, right ?? wrong),
          fixes: right !== undefined ? [{ title: t('Write “{0}”', right), edits: [{ ...span, newText: right }], safe: false }] : undefined,
        });
      }
    }
  },
};
