// The rule as it was before its overlap tests were made linear (a plain list
// of open marks, scanned at each closing mark; a plain list of marks left open
// by a paragraph): the reference the new rule must agree with on random text
// (test/core/linearRules.test.ts). What the marks are is the rule's own.

import type { Paragraph } from '../../../server/src/core/parse/paragraphs';
import { codeTable } from '../../../server/src/core/text/chars';
import { notProse } from '../../../server/src/core/paragraphInput';
import { inSpans } from '../../../server/src/core/text/urls';
import type { Span } from '../../../server/src/core/types';
import type { DocumentRule } from '../../../server/src/core/rules/types';

/** Closing mark -> its opening mark. `(` and `（` are two different pairs: `（…)` is unbalanced. */
const OPENER_OF: Record<string, string> = {
  '”': '“',
  '’': '‘',
  '）': '（',
  ')': '(',
  '》': '《',
  '】': '【',
  '〕': '〔',
  '〉': '〈',
  '」': '「',
  '』': '『',
  // Lookalike quotation marks: reported below, and paired like the right ones.
  '〞': '“',
  '〟': '“',
};
/** Marks that look like quotation marks but are not the ones GB/T 15834 uses. */
const LOOKALIKE: Record<string, string> = { '〝': '“', '〞': '”', '〟': '”' };
/** A bracket closed by its twin of the other width: `（…)`, `(…）`. */
const OTHER_WIDTH: Record<string, string> = { ')': '（', '）': '(' };
/** `1)` or `a)` opening a paragraph or sentence is a list number, not half of a pair. */
const LIST_NUMBER_BEFORE = /(?:^|[。；！？;!?\s])(?:[0-9]{1,2}|[A-Za-z])$/;

/** Every mark this rule looks at. */
const MARKS = codeTable('“”‘’（）()《》【】〔〕〈〉「」『』〝〞〟');
const NO_MARKS: readonly Mark[] = Object.freeze([]);

interface Mark {
  /** Offset in the paragraph text. */
  at: number;
  ch: string;
  /** A `)` that may be a list number (`1)`), when nothing is open. */
  listNumber: boolean;
}

/** The paragraph's marks, outside code, markup, addresses and residue. */
function marksOf(text: string, skipped: readonly Span[]): readonly Mark[] {
  let out: Mark[] | undefined;
  for (let i = 0; i < text.length; i++) {
    if (MARKS[text.charCodeAt(i)] === 0) continue;
    const ch = text[i];
    if (inSpans(skipped, i)) continue;
    (out ??= []).push({ at: i, ch, listNumber: ch === ')' && LIST_NUMBER_BEFORE.test(text.slice(Math.max(0, i - 3), i)) });
  }
  return out ?? NO_MARKS;
}

interface Open {
  mark: string;
  /** The opening mark it stands for (`〝` stands for `“`). */
  kind: string;
  at: number;
}

function lastOfKind(stack: readonly Open[], kind: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].kind === kind) return k;
  return -1;
}

export const referencePunctuationPairs: DocumentRule = {
  id: 'punctuation-pairs',
  description: {
    zh: '引号、括号、书名号、方头括号不成对或交叉嵌套（包括全角与半角括号混配），或用了“〞”之类不规范的引号。',
    en: 'Unbalanced or mis-nested “” ‘’ （） 《》 【】 (a full-width bracket closed by a half-width one too), and wrong quotation marks such as 〞.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  check(model, { t, report, memo, config }) {
    const text = model.text;
    const at = (i: number): Span => ({ start: i, end: i + 1 });
    const paragraphs = model.paragraphs.filter((p) => !p.comment);
    const neverClosed = (o: Open) => {
      const closing = Object.keys(OPENER_OF).find((c) => OPENER_OF[c] === o.kind)!;
      report({ span: at(o.at), message: t('“{0}” is never closed: “{1}” is missing.', o.mark, closing) });
    };
    // Marks left open at the end of a line whose sentence runs on, unsplit, on the next line (`（PM⏎2.5⏎）`).
    let carried: Open[] = [];
    // Marks left open by a paragraph, closed within the next two: one finding (a plain list, scanned).
    let pending: Array<{ open: Open; paragraph: number }> = [];
    const flush = (before: number) => {
      for (const x of pending) if (x.paragraph < before) neverClosed(x.open);
      pending = pending.filter((x) => x.paragraph >= before);
    };
    paragraphs.forEach((p: Paragraph, index) => {
      const marks = memo(p.text, (t) => marksOf(t, notProse(t, config)));
      flush(index - 2);
      if (marks.length === 0 && carried.length === 0) return;
      const stack: Open[] = carried;
      carried = [];
      for (const mark of marks) {
        const ch = mark.ch;
        const i = p.start + mark.at;
        const opener = OPENER_OF[ch];
        if (ch === ')' && mark.listNumber && lastOfKind(stack, '(') < 0) continue;
        if (LOOKALIKE[ch]) report({ span: at(i), message: t('“{0}” is not a Chinese quotation mark: use “{1}”.', ch, LOOKALIKE[ch]) });
        if (!opener) {
          stack.push({ mark: ch, kind: ch === '〝' ? '“' : ch, at: i });
          continue;
        }
        let k = lastOfKind(stack, opener);
        const other = OTHER_WIDTH[ch];
        if (k < 0 && other && (k = lastOfKind(stack, other)) >= 0) {
          report({
            span: at(i),
            message: t('“{0}” closes “{1}”: a bracket pair is all full-width or all half-width.', ch, stack[k].mark),
            related: [{ span: at(stack[k].at), message: t('The opening mark.') }],
          });
          stack.splice(k, 1);
          continue;
        }
        if (k < 0) {
          const j = pending.map((x) => x.open.kind).lastIndexOf(opener);
          if (j >= 0) {
            const [{ open: split }] = pending.splice(j, 1);
            report({
              span: at(split.at),
              message: t('“{0}” is closed only in a later paragraph: “{0}…{1}” is split across paragraphs.', split.mark, ch),
              related: [{ span: at(i), message: t('The closing mark.') }],
            });
          } else report({ span: at(i), message: t('“{0}” closes nothing: its opening mark is missing.', ch) });
          continue;
        }
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
      // A quotation over several paragraphs opens each with “ and closes only at its end.
      const next = paragraphs[index + 1];
      if (next && text[next.start] === '“' && stack.length > 0 && stack.every((o) => o.kind === '“')) return;
      const runsOn = next?.firstLine === p.lastLine + 1 && !'。！？!?…'.includes(text[p.end - 1]);
      for (const o of stack) {
        if (runsOn) carried.push(o);
        else pending.push({ open: o, paragraph: index });
      }
    });
    carried.forEach(neverClosed);
    flush(Infinity);
  },
};
