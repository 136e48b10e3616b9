import type { Item, SpeechModel } from '../model/types';
import type { Translate } from '../l10n';
import type { Finding } from '../types';
import type { DocumentRule, Report } from './types';

// GB/T 15834 B.4: a heading generally ends without punctuation (？ ！ …… are
// allowed). A heading written as a sentence (`（一）稳定经济大盘。`) is a house
// style, the State Council's: quiet where its siblings all end so, an info
// finding on the odd ones out where they differ. A comma, 顿号, semicolon or
// colon at the end is a heading cut short. Never a safe fix: the writer decides.

const SENTENCE_END = new Set(Array.from('。.'));
const CUT_SHORT = new Set(Array.from('，、；：,;:'));

function hasBody(model: SpeechModel, item: Item): boolean {
  return item.span.end > model.paragraphs[item.marker.paragraph].end;
}

/**
 * Items of a list, not headings: one-paragraph items with no text of their own
 * below. When at least half of a group is like that, the whole group is a list
 * (its last item only seems to have a body: the text after the list).
 */
function isListItem(model: SpeechModel, item: Item, bareIn: Map<Item['group'], number>): boolean {
  let bare = bareIn.get(item.group);
  // Counted once a group: a group of many headings would otherwise be counted once per heading.
  if (bare === undefined) bareIn.set(item.group, (bare = item.group.items.filter((i) => !hasBody(model, i)).length));
  return !hasBody(model, item) || bare * 2 >= item.group.items.length;
}

/** The draft parts its paragraphs with blank lines: at least half of them are (comments left out; one walk, no copy of the list). */
function blankLineStyle(model: SpeechModel): boolean {
  let speech = 0;
  let parted = 0;
  let lastLine = 0;
  for (const p of model.paragraphs) {
    if (p.comment) continue;
    if (speech++ > 0 && p.firstLine > lastLine + 1) parted++;
    lastLine = p.lastLine;
  }
  return speech > 1 && parted * 2 >= speech - 1;
}

/** `（一）标题句。` with its body on the very next line, where the draft parts paragraphs by blank lines: a run-in heading a line break split. */
function splitRunIn(model: SpeechModel, item: Item, blankLines: boolean): boolean {
  if (!blankLines) return false;
  const p = model.paragraphs[item.marker.paragraph];
  const next = model.paragraphs[p.index + 1];
  return !!next && !next.comment && next.firstLine === p.lastLine + 1;
}

function lastCharOf(model: SpeechModel, item: Item): string {
  return model.text[model.paragraphs[item.marker.paragraph].end - 1];
}

function endFinding(model: SpeechModel, item: Item, t: Translate): Omit<Finding, 'rule' | 'severity'> {
  const end = model.paragraphs[item.marker.paragraph].end;
  const last = model.text[end - 1];
  return {
    span: { start: end - 1, end },
    message: t('A heading ends without punctuation: remove “{0}”.', last),
    fixes: [{ title: t('Remove “{0}”', last), edits: [{ start: end - 1, end, newText: '' }], safe: false }],
  };
}

/** Headings of one group that end as sentences beside ones that do not: the fewer are the odd ones (on a tie, those with the mark). */
function checkSentenceEnds(model: SpeechModel, headings: Item[], t: Translate, report: Report): void {
  const sentences = headings.filter((i) => SENTENCE_END.has(lastCharOf(model, i)));
  const plain = headings.filter((i) => !SENTENCE_END.has(lastCharOf(model, i)) && !CUT_SHORT.has(lastCharOf(model, i)));
  if (sentences.length === 0 || plain.length === 0) return;
  if (sentences.length <= plain.length) {
    const example = plain[0];
    for (const item of sentences) {
      const f = endFinding(model, item, t);
      report({ ...f, severity: 'info', message: t('Its sibling headings end without a full stop, as “{0}” does: remove “{1}”.', example.headingText, lastCharOf(model, item)) });
    }
    return;
  }
  const mark = lastCharOf(model, sentences[0]);
  for (const item of plain) {
    const end = model.paragraphs[item.marker.paragraph].end;
    report({
      span: { start: Math.max(item.heading.start, end - 1), end },
      severity: 'info',
      message: t('Its sibling headings end with “{0}”, as “{1}” does: this one does not.', mark, sentences[0].headingText),
      fixes: [{ title: t('Add “{0}”', mark), edits: [{ start: end, end, newText: mark }], safe: false }],
    });
  }
}

export const headingStyle = {
  id: 'heading-style',
  name: { zh: '标题格式', en: 'Heading form' },
  description: {
    zh: '独立成行的标题末尾用了逗号、顿号、分号或冒号；同级标题有的用句号、有的不用；或标题过长。',
    en: 'A stand-alone heading line ending in ，、；：, sibling headings that differ in ending with a full stop, or a heading longer than the configured limit.',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report, config }) {
    const blankLines = blankLineStyle(model);
    const bareIn = new Map<Item['group'], number>();
    const headings = (items: Item[]) =>
      items.filter((i) => i.kind === 'heading' && i.standalone && !isListItem(model, i, bareIn) && !splitRunIn(model, i, blankLines));
    for (const group of model.groups) {
      const own = headings(group.items);
      for (const item of own) if (CUT_SHORT.has(lastCharOf(model, item))) report(endFinding(model, item, t));
      checkSentenceEnds(model, own, t, report);
    }
    for (const item of headings(model.items)) {
      const length = Array.from(item.headingText.replace(/\s/g, '')).length;
      if (length > config.headingMaxLength) {
        report({
          span: item.heading,
          message: t('The heading has {0} characters, more than {1}: shorten it.', length, config.headingMaxLength),
        });
      }
    }
  },
} as const satisfies DocumentRule;
