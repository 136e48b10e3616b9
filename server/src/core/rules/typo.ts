// 错别字: word-level typos found with a dictionary and confusion classes
// (see wording/typoFinder.ts), and words wrong in their context (see
// wording/contextPairs.ts). What `word-usage` reports is left to it.

import { message } from '../l10n';
import { findContextPairs } from '../wording/contextPairs';
import { guarded, typoIndex, wordingFile } from '../wording/typoData';
import { readTypoTables, TypoFinder } from '../wording/typoFinder';
import type { WordingFile } from '../wording/wordingFile';
import { overlapsAny, wordUsageSpans } from '../wording/wordUsageSpans';
import type { Paragraph } from '../parse/paragraphs';
import type { DocumentRule, DocumentRuleContext, RuleContext } from './types';

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
  // A paragraph's findings are its text's, less the stretches the draft writes twice or more: after an edit that
  // moves no suspect across that line (counted from the paragraphs taken out and put in), only the new ones are looked at.
  reads: 'paragraphs',
  check(model, ctx) {
    const typos = typoFinder();
    const typosOf = (text: string) => findInParagraph(text, ctx, typos);
    const { paragraphs } = model;
    const last = ctx.kept as Suspects | undefined;
    const edited = ctx.edited;
    const range = edited && last && last.typos === typos && countedAgain(last.count, edited, paragraphs, typosOf, ctx) ? { from: edited.from, to: edited.to } : undefined;
    const found: Array<{ start: number; typos: ParagraphTypos }> = [];
    for (let k = range?.from ?? 0; k < (range?.to ?? paragraphs.length); k++) {
      const p = paragraphs[k];
      if (p.comment) continue;
      const t = ctx.memo(p.text, typosOf);
      if (t !== NONE) found.push({ start: p.start, typos: t });
    }
    // A stretch the draft writes twice or more is meant (a term, a name), not mistyped: counted among the suspects,
    // which every occurrence of a stretch that is a finding anywhere is one of.
    let count = last?.count;
    if (!range) {
      count = new Map<string, number>();
      for (const { typos: t } of found) for (const s of t.suspects) count.set(s, (count.get(s) ?? 0) + 1);
    }
    ctx.keep({ typos, count: count! } satisfies Suspects);
    for (const { start: offset, typos: t } of found) {
      for (const f of t.found) {
        if (f.dictionary && (count!.get(f.wrong) ?? 0) > 1) continue;
        report(ctx, offset + f.start, offset + f.end, f);
      }
    }
    return range;
  },
};

/** The suspects of the draft, counted, and the finder they were found with. */
interface Suspects {
  typos: TypoFinder | undefined;
  count: Map<string, number>;
}

/**
 * Counts the suspects of the paragraphs the edit took out and put in: true, the counts updated, where
 * no stretch went from once to twice or more or back (so that the findings elsewhere stand).
 */
function countedAgain(
  count: Map<string, number>,
  edited: NonNullable<DocumentRuleContext['edited']>,
  paragraphs: readonly Paragraph[],
  typosOf: (text: string) => ParagraphTypos,
  ctx: RuleContext,
): boolean {
  const delta = new Map<string, number>();
  for (let k = edited.from; k < edited.oldTo; k++) {
    if (edited.previous.paragraphs[k].comment) continue;
    for (const s of edited.memoBefore(k, typosOf).suspects) delta.set(s, (delta.get(s) ?? 0) - 1);
  }
  for (let k = edited.from; k < edited.to; k++) {
    if (paragraphs[k].comment) continue;
    for (const s of ctx.memo(paragraphs[k].text, typosOf).suspects) delta.set(s, (delta.get(s) ?? 0) + 1);
  }
  for (const [s, d] of delta) {
    const was = count.get(s) ?? 0;
    if (d !== 0 && was > 1 !== was + d > 1) return false;
  }
  for (const [s, d] of delta) {
    const now = (count.get(s) ?? 0) + d;
    if (now) count.set(s, now);
    else count.delete(s);
  }
  return true;
}

function report(ctx: RuleContext, start: number, end: number, f: Found): void {
  ctx.report({
    span: { start, end },
    message: ctx.t(f.why, f.wrong, f.right),
    fixes: [{ title: ctx.t('Write “{0}”', f.right), edits: [{ start, end, newText: f.right }], safe: false }],
  });
}
