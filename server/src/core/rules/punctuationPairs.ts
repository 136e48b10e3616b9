import type { Paragraph } from '../parse/paragraphs';
import type { Span } from '../types';
import type { DocumentRule } from './types';

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '(': '）', '《': '》', '【': '】', '〝': '”' };
const CLOSE: Record<string, string> = { '”': '“', '’': '‘', '）': '（', ')': '（', '》': '《', '】': '【', '〞': '“', '〟': '“' };
/** Marks that look like quotation marks but are not the ones GB/T 15834 uses. */
const WRONG: Record<string, string> = { '〝': '“', '〞': '”', '〟': '”' };

interface Open {
  mark: string;
  kind: string;
  at: number;
}

/** Normalised opening mark of a pair: （ and ( are one pair. */
function kindOfOpen(ch: string): string {
  return ch === '(' ? '（' : ch === '〝' ? '“' : ch;
}

export const punctuationPairs: DocumentRule = {
  id: 'punctuation-pairs',
  description: {
    zh: '引号、括号、书名号、方头括号不成对或交叉嵌套，或用了“〞”之类不规范的引号。',
    en: 'Unbalanced or mis-nested “” ‘’ （） 《》 【】, and wrong quotation marks such as 〞.',
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(model, { t, report }) {
    const paragraphs = model.paragraphs.filter((p) => !p.comment);
    paragraphs.forEach((p: Paragraph, index) => {
      const text = model.text;
      const stack: Open[] = [];
      const at = (i: number): Span => ({ start: i, end: i + 1 });
      for (let i = p.start; i < p.end; i++) {
        const ch = text[i];
        if (WRONG[ch]) report({ span: at(i), message: t('“{0}” is not a Chinese quotation mark: use “{1}”.', ch, WRONG[ch]) });
        if (OPEN[ch]) {
          stack.push({ mark: ch, kind: kindOfOpen(ch), at: i });
          continue;
        }
        const opener = CLOSE[ch];
        if (!opener) continue;
        const k = stack.map((o) => o.kind).lastIndexOf(opener);
        if (k < 0) {
          report({ span: at(i), message: t('“{0}” closes nothing: its opening mark is missing.', ch) });
        } else {
          if (k !== stack.length - 1) {
            const inner = stack[stack.length - 1];
            report({
              span: at(i),
              message: t('“{0}” closes across “{1}”: the pairs are nested wrongly.', ch, inner.mark),
              related: [{ span: at(inner.at), message: t('The mark left open.') }],
            });
          }
          stack.splice(k, 1);
        }
      }
      // A quotation over several paragraphs opens each with “ and closes only at its end.
      const next = paragraphs[index + 1];
      const continues = next && text[next.start] === '“' && stack.every((o) => o.kind === '“');
      if (continues) return;
      for (const o of stack) report({ span: at(o.at), message: t('“{0}” is never closed.', o.mark) });
    });
  },
};
