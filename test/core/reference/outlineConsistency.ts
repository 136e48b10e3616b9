// The rule as it was before its look-ups were made linear: the reference the
// new rule must agree with on random drafts (test/core/linearRules.test.ts).

import { HEADING_FAMILIES } from '../../../server/src/core/parse/markers';
import type { Item, OutlineBlockItem } from '../../../server/src/core/model/types';
import { updateOutlineBlockEdit } from '../../../server/src/core/outlineBlockText';
import { normalizeHeading, similarity } from '../../../server/src/core/text/similarity';
import type { Fix } from '../../../server/src/core/types';
import type { DocumentRule, RuleContext } from '../../../server/src/core/rules/types';

interface Pair {
  outline: OutlineBlockItem;
  body: Item;
}

/** Body headings that answer to outline items: heading items, else run-in items. */
function bodyLevel(items: Item[]): Item[] {
  const headings = items.filter((i) => i.kind === 'heading');
  return headings.length ? headings : items.filter((i) => i.kind === 'runin');
}

/** Pairs outline items with body headings: same text, then same number and like text, then like text. */
function match(outline: OutlineBlockItem[], body: Item[]): { pairs: Pair[]; lostOutline: OutlineBlockItem[]; lostBody: Item[] } {
  const pairs: Pair[] = [];
  const freeO = new Set(outline);
  const freeB = new Set(body);
  const take = (o: OutlineBlockItem, b: Item) => {
    pairs.push({ outline: o, body: b });
    freeO.delete(o);
    freeB.delete(b);
  };
  const passes: Array<(o: OutlineBlockItem, b: Item) => boolean> = [
    (o, b) => normalizeHeading(o.text) === normalizeHeading(b.headingText),
    (o, b) => o.marker.value === b.marker.value && similarity(normalizeHeading(o.text), normalizeHeading(b.headingText)) >= 0.4,
    (o, b) => similarity(normalizeHeading(o.text), normalizeHeading(b.headingText)) >= 0.6,
  ];
  for (const same of passes) {
    for (const o of outline) {
      if (!freeO.has(o)) continue;
      const b = body.find((x) => freeB.has(x) && same(o, x));
      if (b) take(o, b);
    }
  }
  return { pairs, lostOutline: outline.filter((o) => freeO.has(o)), lostBody: body.filter((b) => freeB.has(b)) };
}

/** Pairs whose body heading breaks the outline's order (those outside a longest increasing run). */
function outOfOrder(pairs: Pair[], body: Item[]): Pair[] {
  const sorted = [...pairs].sort((a, b) => a.outline.span.start - b.outline.span.start);
  const pos = sorted.map((p) => body.indexOf(p.body));
  const best: number[] = pos.map(() => 1);
  const prev: number[] = pos.map(() => -1);
  for (let i = 0; i < pos.length; i++)
    for (let j = 0; j < i; j++)
      if (pos[j] < pos[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
  const keep = new Set<number>();
  let k = best.indexOf(Math.max(0, ...best));
  while (k >= 0) {
    keep.add(k);
    k = prev[k];
  }
  return sorted.filter((_, i) => !keep.has(i));
}

function compare(outline: OutlineBlockItem[], body: Item[], ctx: RuleContext, regenerate: Fix[] | undefined): void {
  const { t, report } = ctx;
  const level = bodyLevel(body);
  const { pairs, lostOutline, lostBody } = match(outline, level);
  const show = (marker: string, text: string) => `${marker}${text}`;
  for (const o of lostOutline) {
    report({
      span: o.span.end > o.textSpan.end ? { start: o.span.start, end: o.textSpan.end } : o.span,
      message: t('The 【提纲】 item “{0}” has no matching heading in the body.', show(o.marker.text, o.text)),
      fixes: regenerate,
    });
  }
  for (const b of lostBody) {
    report({
      span: b.heading.end > b.heading.start ? { start: b.marker.start, end: b.heading.end } : b.span,
      message: t('The heading “{0}” is missing from the 【提纲】.', show(b.marker.text, b.headingText)),
      fixes: regenerate,
    });
  }
  for (const { outline: o, body: b } of pairs) {
    if (normalizeHeading(o.text) !== normalizeHeading(b.headingText)) {
      report({
        span: { start: b.heading.start, end: b.heading.end },
        message: t('The heading differs from its 【提纲】 item: body “{0}”, 【提纲】 “{1}”.', b.headingText, o.text),
        related: [{ span: o.textSpan, message: t('The 【提纲】 item.') }],
        fixes: [
          { title: t('Update the 【提纲】 item from the heading'), edits: [{ ...o.textSpan, newText: b.headingText }], safe: false },
          { title: t('Update the heading from the 【提纲】'), edits: [{ ...b.heading, newText: o.text }], safe: false },
        ],
      });
    }
    const sub = o.children.filter((c) => HEADING_FAMILIES.has(c.marker.family));
    if (sub.length) compare(sub, b.children, ctx, regenerate);
  }
  for (const { outline: o, body: b } of outOfOrder(pairs, level)) {
    report({
      span: { start: b.marker.start, end: b.heading.end },
      message: t('The heading “{0}” is not in the order of the 【提纲】.', show(b.marker.text, b.headingText)),
      related: [{ span: o.textSpan, message: t('The 【提纲】 item.') }],
      fixes: regenerate,
    });
  }
}

export const referenceOutlineConsistency: DocumentRule = {
  id: 'outline-consistency',
  description: {
    zh: '【提纲】与正文标题不一致：提纲有而正文无、正文有而提纲无、措辞不同或顺序不同。',
    en: 'The 【提纲】 and the body headings disagree: an item missing on either side, worded differently, or in another order.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  check(model, ctx) {
    const block = model.parts.outlineBlock;
    if (!block || block.items.length === 0) return;
    const edit = updateOutlineBlockEdit(model);
    const regenerate = edit ? [{ title: ctx.t('Update the 【提纲】 from the body'), edits: [edit], safe: false }] : undefined;
    compare(block.items, model.roots, ctx, regenerate);
  },
};
