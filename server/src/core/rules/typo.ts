// 错别字: word-level typos found with a dictionary and confusion classes
// (see wording/typoFinder.ts), and words wrong in their context (see
// wording/contextPairs.ts). What `word-usage` reports is left to it.

import { message } from '../l10n';
import { findContextPairs } from '../wording/contextPairs';
import { typoIndex } from '../wording/typoData';
import { TypoFinder } from '../wording/typoFinder';
import { overlapsAny, wordUsageSpans } from '../wording/wordUsageSpans';
import type { DocumentRule, RuleContext } from './types';

interface Found {
  start: number;
  end: number;
  wrong: string;
  right: string;
  why: string;
  /** From the dictionary (not a context pair): dropped when the draft repeats the stretch. */
  dictionary: boolean;
}

const MAY_BE_TYPO = message('“{0}” looks like a typo for “{1}” (a sound-alike or look-alike character).');

let finder: { index: object; finder: TypoFinder } | undefined;

/** The finder over the loaded data, made once; undefined while there is no data. */
function typoFinder(): TypoFinder | undefined {
  const index = typoIndex();
  if (!index) return undefined;
  if (finder?.index !== index) finder = { index, finder: new TypoFinder(index) };
  return finder.finder;
}

function findInParagraph(text: string, ctx: RuleContext, typos: TypoFinder | undefined): Found[] {
  const found: Found[] = findContextPairs(text).map((c) => ({ ...c, wrong: text.slice(c.start, c.end), dictionary: false }));
  if (typos) {
    for (const c of typos.find(text)) {
      if (found.some((f) => f.start < c.end && c.start < f.end)) continue;
      found.push({ start: c.start, end: c.end, wrong: text.slice(c.start, c.end), right: c.right, why: MAY_BE_TYPO, dictionary: true });
    }
  }
  if (found.length === 0) return found;
  const taken = wordUsageSpans(text, ctx);
  return found.filter((f) => !overlapsAny(taken, f.start, f.end));
}

/** How often each stretch occurs in the draft, counted once per stretch asked about. */
function occurrences(text: string): (s: string) => number {
  const counts = new Map<string, number>();
  return (s) => {
    let n = counts.get(s);
    if (n === undefined) {
      n = 0;
      for (let at = text.indexOf(s); at >= 0 && n < 2; at = text.indexOf(s, at + 1)) n++;
      counts.set(s, n);
    }
    return n;
  };
}

export const typo: DocumentRule = {
  id: 'typo',
  name: { zh: '错别字', en: 'Typo' },
  description: {
    zh: '错别字：音近或形近的字误用，使词语或成语写错，如“布署”“宏扬”“再接再励”；以及因语境而错的词，如“即要……也要”“必需加强”“认真的落实”。',
    en: 'Typos: a sound-alike or look-alike character that misspells a word or an idiom (布署, 宏扬, 再接再励), and words wrong in their context (即要……也要, 必需加强, 认真的落实).',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'never',
  scope: 'document',
  check(model, ctx) {
    const typos = typoFinder();
    const count = occurrences(model.text);
    for (const p of model.paragraphs) {
      if (p.comment) continue;
      for (const f of ctx.memo(p.text, (text) => findInParagraph(text, ctx, typos))) {
        // A stretch the draft writes twice or more is meant (a term, a name), not mistyped.
        if (f.dictionary && count(f.wrong) > 1) continue;
        const start = p.start + f.start;
        const end = p.start + f.end;
        report(ctx, start, end, f);
      }
    }
  },
};

function report(ctx: RuleContext, start: number, end: number, f: Found): void {
  ctx.report({
    span: { start, end },
    message: ctx.t(f.why, f.wrong, f.right),
    fixes: [{ title: ctx.t('Write “{0}”', f.right), edits: [{ start, end, newText: f.right }], safe: false }],
  });
}
