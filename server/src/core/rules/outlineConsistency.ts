import { pairOutlineBlock, type OutlineBlockLevel } from '../outlineBlockPairing';
import { updateOutlineBlockEdit } from '../outlineBlockText';
import type { Fix } from '../types';
import type { DocumentRule, RuleContext } from './types';

function reportLevel(level: OutlineBlockLevel, ctx: RuleContext, regenerate: Fix[] | undefined): void {
  const { t, report } = ctx;
  const show = (marker: string, text: string) => `${marker}${text}`;
  for (const o of level.unmatched) {
    report({
      span: o.span.end > o.textSpan.end ? { start: o.span.start, end: o.textSpan.end } : o.span,
      message: t('The 【提纲】 item “{0}” has no matching heading in the body.', show(o.marker.text, o.text)),
      fixes: regenerate,
    });
  }
  for (const b of level.unlisted) {
    report({
      span: b.heading.end > b.heading.start ? { start: b.marker.start, end: b.heading.end } : b.span,
      message: t('The heading “{0}” is missing from the 【提纲】.', show(b.marker.text, b.headingText)),
      fixes: regenerate,
    });
  }
  for (const { item: o, heading: b, reworded, children } of level.pairs) {
    if (reworded) {
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
    if (children) reportLevel(children, ctx, regenerate);
  }
  const late = level.pairs.filter((p) => p.outOfOrder).sort((x, y) => x.item.span.start - y.item.span.start);
  for (const { item: o, heading: b } of late) {
    report({
      span: { start: b.marker.start, end: b.heading.end },
      message: t('The heading “{0}” is not in the order of the 【提纲】.', show(b.marker.text, b.headingText)),
      related: [{ span: o.textSpan, message: t('The 【提纲】 item.') }],
      fixes: regenerate,
    });
  }
}

export const outlineConsistency = {
  id: 'outline-consistency',
  name: { zh: '提纲一致', en: 'Outline matches body' },
  description: {
    zh: '【提纲】与正文标题不一致：提纲有而正文无、正文有而提纲无、措辞不同或顺序不同。',
    en: 'The 【提纲】 and the body headings disagree: an item missing on either side, worded differently, or in another order.',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, ctx) {
    const pairing = pairOutlineBlock(model);
    if (!pairing) return;
    const edit = updateOutlineBlockEdit(model);
    const regenerate = edit ? [{ title: ctx.t('Update the 【提纲】 from the body'), edits: [edit], safe: false }] : undefined;
    reportLevel(pairing, ctx, regenerate);
  },
} as const satisfies DocumentRule;
