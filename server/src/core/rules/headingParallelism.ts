import type { Span } from '../types';
import { normalizeHeading } from '../text/similarity';
import type { DocumentRule, Report } from './types';
import type { Translate } from '../l10n';
import { GroupFindings } from '../model/groupFindings';

interface Sibling {
  text: string;
  span: Span;
}

const CLAUSE_SPLIT = /[，、；]/;
const QUOTES = /[“”‘’"]/g;

/**
 * The number of clauses: `肯定成绩，正视差距，在…中…` has three. Clauses of one
 * form may differ in length (`扩大内需，促进消费` beside `深化改革开放，激发市场活力`):
 * only their number is the shape.
 */
function shape(text: string): number {
  return normalizeHeading(text).split(CLAUSE_SPLIT).filter(Boolean).length;
}

/** A quoted name (`“十一五”时期…`) or a number (`2024年…`) is what the heading is about, not a lead word. */
const NOT_A_LEAD_WORD = /^[“‘"「《0-9０-９一二三四五六七八九十百千〇两]/;
const NUMERAL = /[0-9０-９一二三四五六七八九十百千万〇两]/;

/** The first two characters, as a lead word (`要深刻…` `坚持…`), unless they are not one (`NOT_A_LEAD_WORD`). */
function opening(text: string): string | undefined {
  if (NOT_A_LEAD_WORD.test(text)) return undefined;
  const lead = text.slice(0, 2);
  // Never cut a number in two (`第十一…` / `第十五…`).
  return NUMERAL.test(text[1] ?? '') && NUMERAL.test(text[2] ?? '') ? undefined : lead;
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
  const multiClause = common && common.value > 1;
  // All but one share a number of clauses: a looser majority is a writer's free mix, as in a report's long headings.
  if (common && multiClause && common.count >= 2 && common.count === siblings.length - 1) {
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
  const texts = siblings.map((s) => normalizeHeading(s.text));
  for (const [part, pick] of [
    ['opening', opening],
    ['tail', (s: string) => s.replace(QUOTES, '').slice(-1)],
  ] as const) {
    const picked = texts.map(pick);
    if (picked.some((p) => p === undefined)) continue;
    const parts = picked as string[];
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

const byGroup = new GroupFindings();

export const headingParallelism = {
  id: 'heading-parallelism',
  name: { zh: '标题对仗', en: 'Parallel headings' },
  description: {
    zh: '同级标题结构不对称：分句数、共同的开头词或结尾与其他同级标题不一致（引号里的名称和数字不算开头词）。',
    en: 'A sibling heading breaks the shape the group shares (its number of clauses, a shared lead word or tail; quoted names and numbers are no lead words).',
  },
  defaultSeverity: 'info',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report }) {
    // A list's findings read its items' headings alone: after an edit, the lists it did not reach give theirs again.
    const key = t('The item before.');
    for (const group of model.groups) {
      if (group.items[0].kind !== 'heading' || group.items.length < 3) continue;
      const standalone = group.items.filter((i) => i.standalone);
      if (standalone.length !== group.items.length) continue;
      byGroup.report(group, key, report, (r) =>
        checkSiblings(
          group.items.map((i) => ({ text: i.headingText, span: { start: i.marker.start, end: i.heading.end } })),
          t,
          r,
        ),
      );
    }
    const walk = (items: NonNullable<typeof model.parts.outlineBlock>['items']) => {
      checkSiblings(
        items.map((o) => ({ text: o.text, span: { start: o.span.start, end: o.textSpan.end } })),
        t,
        report,
      );
      for (const o of items) walk(o.children);
    };
    if (model.parts.outlineBlock) walk(model.parts.outlineBlock.items);
  },
} as const satisfies DocumentRule;
