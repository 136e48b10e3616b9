// Where the `word-usage` rule reports in one paragraph (its own list and the
// configured words): the wording rules leave those stretches to it.

import { paragraphInput } from '../paragraphInput';
import { wordUsage } from '../rules/wordUsage';
import type { RuleContext } from '../rules/types';

export function wordUsageSpans(text: string, ctx: RuleContext): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  wordUsage.check(paragraphInput(text, [], 'text', ctx.config), { ...ctx, report: (f) => spans.push([f.span.start, f.span.end]) });
  return spans;
}

export const overlapsAny = (spans: ReadonlyArray<[number, number]>, start: number, end: number) => spans.some(([a, b]) => start < b && a < end);
