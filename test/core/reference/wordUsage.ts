// The rule as it was before its overlap tests were made linear (each match
// checked against every one found before): the reference the new rule must
// agree with on random text (test/core/linearRules.test.ts). Its entries and
// what it skips are the rule's own.

import { DATE_TEXT, entriesFor } from '../../../server/src/core/rules/wordUsage';
import { overlapsSpans } from '../../../server/src/core/text/verbatim';
import type { ParagraphRule } from '../../../server/src/core/rules/types';

export const referenceWordUsage: ParagraphRule = {
  id: 'word-usage',
  description: {
    zh: '公文中常见的误用词语和数字写法，如“截止”误作“截至”、“其它”、“二零二五年”、“4千”和常见别字，可在配置中扩充。',
    en: 'Words and number forms often misused in official writing (截止 for 截至, 其它, 二零二五年, 4千, classic misspellings), extensible from config.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'paragraph',
  check({ text, verbatim }, { t, report, config }) {
    const taken: Array<[number, number]> = [];
    for (const entry of entriesFor(config)) {
      if (entry.hint && !entry.hint.test(text)) continue;
      entry.pattern.lastIndex = 0;
      for (let m = entry.pattern.exec(text); m; m = entry.pattern.exec(text)) {
        const wrong = m[0];
        const start = m.index;
        const end = start + wrong.length;
        if (taken.some(([a, b]) => start < b && a < end) || overlapsSpans(verbatim(), start, end)) continue; // one finding per stretch
        taken.push([start, end]);
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
};
