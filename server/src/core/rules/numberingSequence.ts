import { HEADING_FAMILIES, LAST } from '../parse/markers';
import { openAtCut, withCutNote } from '../model/facts';
import { GroupFindings } from '../model/groupFindings';
import type { Group, Item, SpeechModel } from '../model/types';
import { describeMarker, renumberEdits } from '../numbering';
import type { Translate } from '../l10n';
import type { Fix, RelatedInfo } from '../types';
import type { DocumentRule, Report } from './types';

/** Subheading levels where a level with one item is a defect (`（一）` with no `（二）`). */
const NO_SINGLE: ReadonlySet<string> = new Set(['cn-top', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled']);

function span(item: Item) {
  return { start: item.marker.start, end: item.marker.end };
}

function shown(item: Item): string {
  return describeMarker(item.marker, item.marker.value);
}

function renumberFix(group: Group, t: Translate): Fix[] | undefined {
  const edits = renumberEdits(group);
  return edits && edits.length ? [{ title: t('Renumber this list'), edits, safe: false }] : undefined;
}

const byGroup = new GroupFindings();

/** One list's findings. */
function checkGroup(model: SpeechModel, group: Group, t: Translate, report: Report): void {
  const items = group.items;
  const fix = renumberFix(group, t);
  const first = items[0];
  const parentRelated: RelatedInfo[] | undefined = group.parent
    ? [{ span: span(group.parent), message: t('The list stands under this heading.') }]
    : undefined;
  // Sequence words: 首先 1, 其次 2, 再次 3, 最后 closes the run.
  if (first.marker.value !== 1 && first.marker.value !== LAST) {
    report({
      span: span(first),
      message: t('The list starts at “{0}”: “{1}” is missing before it.', shown(first), describeMarker(first.marker, 1)),
      related: parentRelated,
      fixes: fix,
    });
  }
  // The number each item stands for: a repeat that the next item continues is read as the number it should have.
  let prevValue = first.marker.value;
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1].marker;
    const cur = items[i].marker;
    const related = [{ span: span(items[i - 1]), message: t('The item before.') }];
    const before = prevValue;
    prevValue = cur.value;
    if (cur.value === LAST) continue;
    if (prev.value === LAST) {
      report({
        span: { start: prev.start, end: prev.end },
        message: t('“{0}” is not the last item of its list.', shown(items[i - 1])),
        fixes: fix,
      });
    } else if (cur.value === before) {
      // `一、` `一、` `三、`: the second one should be `二、`; `三、` then follows in order.
      const next = items[i + 1]?.marker.value;
      const meant = next === undefined || next === LAST || next === before + 2 ? before + 1 : undefined;
      if (meant !== undefined) prevValue = meant;
      report({
        span: span(items[i]),
        message:
          meant !== undefined
            ? t('“{0}” repeats the number of the item before it: it should be “{1}”.', shown(items[i]), describeMarker(cur, meant))
            : t('“{0}” repeats the number of the item before it.', shown(items[i])),
        related,
        fixes: fix,
      });
    } else if (cur.value < before) {
      report({
        span: span(items[i]),
        message: t('“{0}” comes after “{1}”: the order is wrong.', shown(items[i]), shown(items[i - 1])),
        related,
        fixes: fix,
      });
    } else if (cur.value > before + 1) {
      const missing = [];
      for (let v = before + 1; v < cur.value && missing.length < 3; v++) missing.push(`“${describeMarker(cur, v)}”`);
      report({
        span: span(items[i]),
        message: t('“{0}” follows “{1}”: {2} is missing.', shown(items[i]), shown(items[i - 1]), missing.join('、')),
        related,
        fixes: fix,
      });
    }
  }
  if (items.length === 1 && first.marker.value === 1 && NO_SINGLE.has(group.family) && HEADING_FAMILIES.has(group.family)) {
    // A lone `一、` where the download stops: the rest was cut, the number is not wrong.
    const message = openAtCut(model, first)
      ? withCutNote(t('“{0}” has no “{1}” after it.', shown(first), describeMarker(first.marker, 2)), model, t)
      : t('“{0}” stands alone: a level with one item has no “{1}”; add it or drop the number.', shown(first), describeMarker(first.marker, 2));
    report({ span: span(first), message, related: parentRelated });
  }
}

export const numberingSequence = {
  id: 'numbering-sequence',
  name: { zh: '序号连续', en: 'Numbering sequence' },
  description: {
    zh: '同一组序号断号、重号、顺序颠倒、不从一开始，或只有一项；讲话标题之前留有别处带来的序号标题。',
    en: 'A list whose numbers skip, repeat, run out of order, do not start at one, or that has one item only; a numbered heading left above the speech’s title.',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report }) {
    // `十五、积极参与多边事务` above the title and salutation: a numbered heading in no list of the speech.
    const stray = model.parts.strayHeading;
    if (stray) {
      report({
        span: stray,
        message: t('“{0}” stands above the speech’s title and salutation, in no list of the speech: a heading of the book or file it was copied from? Remove it.', model.text.slice(stray.start, stray.end)),
      });
    }
    // A list's findings read its items and its parent alone: after an edit, the lists it did not reach give theirs again.
    // Where the text is cut, a lone item's finding reads what follows it: checked anew.
    const key = t('Renumber this list');
    for (const group of model.groups) {
      if (!group.enumerative || group.family === 'dash') continue;
      if (model.parts.cut) checkGroup(model, group, t, report);
      else byGroup.report(group, key, report, (r) => checkGroup(model, group, t, r));
    }
  },
} as const satisfies DocumentRule;
