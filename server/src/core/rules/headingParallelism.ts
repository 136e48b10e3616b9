import type { Span } from '../types';
import { normalizeHeading } from '../text/similarity';
import type { DocumentRule, Report } from './types';
import type { Translate } from '../l10n';

interface Sibling {
  text: string;
  span: Span;
}

const CLAUSE_SPLIT = /[，、；]/;
const QUOTES = /[“”‘’"]/g;

/** Clause count and the lengths of all clauses but the last: `肯定成绩，正视差距，在…中…` → 3:4,4. */
function shape(text: string): string {
  const clauses = normalizeHeading(text).split(CLAUSE_SPLIT).filter(Boolean);
  return `${clauses.length}:${clauses
    .slice(0, -1)
    .map((c) => Array.from(c).length)
    .join(',')}`;
}

function majority<T>(values: T[]): { value: T; count: number } | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: { value: T; count: number } | undefined;
  for (const [value, count] of counts) if (!best || count > best.count) best = { value, count };
  return best;
}

/** Reports the sibling that breaks a shape all the others share. */
function checkSiblings(siblings: Sibling[], t: Translate, report: Report): void {
  if (siblings.length < 3) return;
  const shapes = siblings.map((s) => shape(s.text));
  const common = majority(shapes);
  const multiClause = common && !common.value.startsWith('1:');
  if (common && multiClause && common.count >= 2 && common.count * 3 >= siblings.length * 2 && common.count < siblings.length) {
    const model = siblings[shapes.indexOf(common.value)];
    siblings.forEach((s, i) => {
      if (shapes[i] !== common.value) {
        report({ span: s.span, message: t('“{0}” breaks the shape its sibling headings share, as in “{1}”.', s.text, model.text) });
      }
    });
    return;
  }
  if (siblings.length < 4) return;
  // A shared lead word (要深刻认识… / 要正确把握…) or a shared tail (…“温差” / …“落差”).
  const texts = siblings.map((s) => normalizeHeading(s.text).replace(QUOTES, ''));
  for (const [part, pick] of [
    ['opening', (s: string) => s.slice(0, 2)],
    ['tail', (s: string) => s.slice(-1)],
  ] as const) {
    const parts = texts.map(pick);
    const m = majority(parts);
    if (!m || m.count !== siblings.length - 1) continue;
    const odd = parts.findIndex((p) => p !== m.value);
    const message =
      part === 'opening'
        ? t('“{0}” does not open with “{1}” as its sibling headings do.', siblings[odd].text, m.value)
        : t('“{0}” does not end in “{1}” as its sibling headings do.', siblings[odd].text, m.value);
    report({ span: siblings[odd].span, message });
    return;
  }
}

export const headingParallelism = {
  id: 'heading-parallelism',
  name: { zh: '标题对仗', en: 'Parallel headings' },
  description: {
    zh: '同级标题结构不对称：分句数和字数、共同的开头或结尾与其他同级标题不一致。',
    en: 'A sibling heading breaks the shape the group shares (clauses and their lengths, a shared opening or tail).',
  },
  defaultSeverity: 'info',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  check(model, { t, report }) {
    for (const group of model.groups) {
      if (group.items[0].kind !== 'heading') continue;
      const standalone = group.items.filter((i) => i.standalone);
      if (standalone.length !== group.items.length) continue;
      checkSiblings(
        group.items.map((i) => ({ text: i.headingText, span: { start: i.marker.start, end: i.heading.end } })),
        t,
        report,
      );
    }
    const walk = (items: NonNullable<typeof model.parts.outline>['items']) => {
      checkSiblings(
        items.map((o) => ({ text: o.text, span: { start: o.span.start, end: o.textSpan.end } })),
        t,
        report,
      );
      for (const o of items) walk(o.children);
    };
    if (model.parts.outline) walk(model.parts.outline.items);
  },
} as const satisfies DocumentRule;
