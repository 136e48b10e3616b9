// A document rule that reads paragraph by paragraph (`DocumentRule.reads`),
// checked after an edit around the new paragraphs only: its findings there,
// and the last check's elsewhere, those after the edit moved.

import type { EditStretch } from './model/editStretch';
import { movedFindings } from './model/moved';
import type { SpeechModel } from './model/types';
import type { Paragraph } from './parse/paragraphs';
import type { DocumentRule, DocumentRuleContext, EditedParagraphs, ParagraphRange } from './rules/types';
import type { Finding } from './types';
import { firstFindingFrom } from './text/search';

/** What a rule that reads paragraph by paragraph found at a check (in order of span) and kept for the next one. */
export interface ParagraphRun {
  model: SpeechModel;
  findings: readonly Finding[];
  kept: unknown;
}

const bySpan = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * Runs a rule that reads paragraph by paragraph, reporting into `out` (left empty), its findings in order of span in the run:
 * after the edit of `stretch`, where `last` is its run on the model the edit started from, it is
 * told which paragraphs are new (`ctx.edited`) and may check only around them; its findings
 * elsewhere are the last run's (`splicedFindings`). A range it checked that cannot be joined so
 * makes it check the whole draft.
 */
export function checkByParagraph(
  rule: DocumentRule,
  model: SpeechModel,
  ctx: DocumentRuleContext,
  out: Finding[],
  last: ParagraphRun | undefined,
  stretch: EditStretch | undefined,
  movedFrom: WeakMap<Finding, Finding> | undefined,
  memoBefore: EditedParagraphs['memoBefore'],
): ParagraphRun {
  const from = out.length;
  let kept: unknown;
  const keep = (value: unknown) => void (kept = value);
  let findings: Finding[] | undefined;
  if (stretch && last?.model === stretch.previous) {
    const edited: EditedParagraphs = { previous: stretch.previous, from: stretch.from, oldTo: stretch.oldTo, to: stretch.to, memoBefore };
    const range = rule.check(model, { ...ctx, edited, kept: last.kept, keep });
    const made = out.splice(from).sort(bySpan);
    findings = range ? splicedFindings(last.findings, made, range, stretch, model.paragraphs, movedFrom) : made;
  }
  if (!findings) {
    out.length = from;
    rule.check(model, { ...ctx, keep });
    findings = out.splice(from).sort(bySpan);
  }
  return { model, findings, kept };
}

/** Where paragraph `k` of these begins its share of the text (a paragraph's findings start there, before the next one's). */
const startOf = (paragraphs: readonly Paragraph[], k: number): number => (k <= 0 ? -Infinity : k >= paragraphs.length ? Infinity : paragraphs[k].start);

/**
 * The rule's findings after the edit of `stretch`, in order of span: the last check's (`last`, in
 * order of span) that start before the paragraphs `range` checked again, those made there
 * (`made`, in order of span), and the last check's that start after them; a kept one that names a
 * place past the edit is a moved copy (`movedFrom` says of which). Undefined where the range does
 * not hold the new paragraphs, a finding made starts outside it, or a kept one names a place inside
 * the edit: the rule is then run on the whole draft.
 */
export function splicedFindings(
  last: readonly Finding[],
  made: readonly Finding[],
  range: ParagraphRange,
  stretch: EditStretch,
  paragraphs: readonly Paragraph[],
  movedFrom?: WeakMap<Finding, Finding>,
): Finding[] | undefined {
  const shift = stretch.to - stretch.oldTo;
  if (range.from < 0 || range.from > stretch.from || range.to < stretch.to || range.to > paragraphs.length) return undefined;
  const [low, high] = [startOf(paragraphs, range.from), startOf(paragraphs, range.to)];
  if (made.length && (made[0].span.start < low || made[made.length - 1].span.start >= high)) return undefined;
  const old = stretch.previous.paragraphs;
  const before = last.slice(0, firstFindingFrom(last, startOf(old, range.from)));
  const after = last.slice(firstFindingFrom(last, startOf(old, range.to - shift)));
  const moved = { previous: stretch.previous, edit: stretch.edit };
  const keptBefore = movedFindings(before, moved);
  const keptAfter = keptBefore && movedFindings(after, moved);
  if (!keptAfter) return undefined;
  if (movedFrom) {
    keptBefore.forEach((f, i) => f !== before[i] && movedFrom.set(f, before[i]));
    keptAfter.forEach((f, i) => f !== after[i] && movedFrom.set(f, after[i]));
  }
  return keptBefore.concat(made, keptAfter);
}
