// 错别字: word-level typos found with a dictionary and confusion classes
// (see wording/typoFinder.ts), and words wrong in their context (see
// wording/contextPairs.ts). What `word-usage` reports is left to it.

import { message } from '../l10n';
import { findContextPairs } from '../wording/contextPairs';
import { guarded, typoIndex, wordingFile } from '../wording/typoData';
import { readTypoTables, TypoFinder } from '../wording/typoFinder';
import type { WordingFile } from '../wording/wordingFile';
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

/** What one paragraph holds, worked out once per paragraph text. */
interface ParagraphTypos {
  found: readonly Found[];
  /** The stretches the dictionary could take for typos, wherever they stand (quotations too): counted across the draft. */
  suspects: readonly string[];
}

const MAY_BE_TYPO = message('“{0}” looks like a typo for “{1}” (a sound-alike or look-alike character).');
const NONE: ParagraphTypos = Object.freeze({ found: [], suspects: [] });

/** The finder over the loaded data, made once per data file; null where making it failed. */
const finders = new WeakMap<WordingFile, TypoFinder | null>();

function typoFinder(): TypoFinder | undefined {
  const file = wordingFile();
  const index = typoIndex();
  if (!file || !index) return undefined;
  let finder = finders.get(file);
  if (finder === undefined) finders.set(file, (finder = guarded(() => new TypoFinder(index, readTypoTables(file))) ?? null));
  return finder ?? undefined;
}

function findInParagraph(text: string, ctx: RuleContext, typos: TypoFinder | undefined): ParagraphTypos {
  const pairs = findContextPairs(text);
  const fromDictionary = typos?.find(text);
  // Most paragraphs: nothing in context, nothing the dictionary suspects (no array made for them).
  if (pairs.length === 0 && (fromDictionary === undefined || (fromDictionary.typos.length === 0 && fromDictionary.suspects.length === 0))) return NONE;
  const found: Found[] = pairs.map((c) => ({ ...c, wrong: text.slice(c.start, c.end), dictionary: false }));
  for (const c of fromDictionary?.typos ?? []) {
    if (found.some((f) => f.start < c.end && c.start < f.end)) continue;
    found.push({ start: c.start, end: c.end, wrong: text.slice(c.start, c.end), right: c.right, why: MAY_BE_TYPO, dictionary: true });
  }
  const suspects = fromDictionary?.suspects.map((s) => text.substr(s >> 3, s & 7)) ?? [];
  if (found.length === 0) return suspects.length ? { found, suspects } : NONE;
  const taken = wordUsageSpans(text, ctx);
  return { found: found.filter((f) => !overlapsAny(taken, f.start, f.end)), suspects };
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
    const paragraphs: Array<{ start: number; typos: ParagraphTypos }> = [];
    let fromDictionary = false;
    for (const p of model.paragraphs) {
      if (p.comment) continue;
      const t = ctx.memo(p.text, (text) => findInParagraph(text, ctx, typos));
      if (t === NONE) continue;
      paragraphs.push({ start: p.start, typos: t });
      if (!fromDictionary) fromDictionary = t.found.some((f) => f.dictionary);
    }
    // A stretch the draft writes twice or more is meant (a term, a name), not mistyped: counted among the suspects,
    // which every occurrence of a stretch that is a finding anywhere is one of.
    const count = new Map<string, number>();
    if (fromDictionary) for (const { typos: t } of paragraphs) for (const s of t.suspects) count.set(s, (count.get(s) ?? 0) + 1);
    for (const { start: offset, typos: t } of paragraphs) {
      for (const f of t.found) {
        if (f.dictionary && (count.get(f.wrong) ?? 0) > 1) continue;
        report(ctx, offset + f.start, offset + f.end, f);
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
