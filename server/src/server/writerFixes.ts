// Fixes that respect the writer. A gap in the numbering is often a section
// lost, not a wrong number: first the lost heading from the 【提纲】 (at the
// cut, where there is one), then the place where the text was likely cut,
// and only then renumbering, with the 【提纲】 following, in a preview. A
// 【提纲】 item with no heading in the body: its heading put back, before the
// 【提纲】 is rewritten from the body.

import type { Command } from 'vscode-languageserver/node';
import { gapAt, gapInsertion, gapsOf, outlineItemInsertion, renumberWithOutline, unmatchedOutlineItems, type Finding, type Fix, type Gap, type HeadingLine, type TextEdit, type Translate } from '../core';
import { Commands } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';

export interface PlannedAction {
  title: string;
  edits?: TextEdit[];
  command?: Command;
  preferred?: boolean;
  /** Shown in a preview before it applies, under this label. */
  preview?: string;
}

export interface WriterFixes {
  /** Before the rule's own fixes. */
  first: PlannedAction[];
  /** After them. */
  last: PlannedAction[];
  /** A fix of the rule that one of these replaces. */
  replaces(fix: Fix): boolean;
}

const NOTHING: WriterFixes = { first: [], last: [], replaces: () => false };

/** `二、直面问题……`: the marker and the heading's first words, as a title names it. */
function shortHeading(h: HeadingLine): string {
  const chars = [...h.text];
  return h.marker + (chars.length > 6 ? chars.slice(0, 4).join('') + '……' : h.text);
}

const gapsByAnalysis = new WeakMap<Analysis, Gap[]>();
function gaps(a: Analysis): Gap[] {
  let g = gapsByAnalysis.get(a);
  if (!g) gapsByAnalysis.set(a, (g = gapsOf(a.result.model, a.result.findings)));
  return g;
}

/** The actions this finding gets besides its rule's fixes; `canReveal`: the client shows a place on request (`window/showDocument`). */
export function writerFixes(a: Analysis, f: Finding, t: Translate, canReveal: boolean): WriterFixes {
  const { model, findings } = a.result;
  if (f.rule === 'numbering-sequence') {
    const first: PlannedAction[] = [];
    const last: PlannedAction[] = [];
    const gap = gapAt(gaps(a), f.span.start);
    if (gap) {
      const inserted = gapInsertion(model, gap);
      if (inserted) {
        first.push({ title: t('Insert the missing heading “{0}” from the 【提纲】', shortHeading(inserted.first)), edits: [inserted.edit], preferred: true });
      }
      if (gap.cut && canReveal) {
        const title = t('Go to where text was likely cut');
        first.push({ title, command: { title, command: Commands.reveal, arguments: [a.uri, toRange(model.lines, gap.cut)] } });
      }
    }
    const item = model.items.find((i) => i.marker.start === f.span.start);
    const renumber = t('Renumber this list');
    const edits = item ? renumberWithOutline(model, [item.group]) : [];
    if (edits.length) last.push({ title: renumber, edits, preview: renumber });
    return { first, last, replaces: (fix) => fix.title === renumber };
  }
  if (f.rule === 'outline-consistency') {
    const o = unmatchedOutlineItems(model).find((x) => x.span.start === f.span.start);
    const inserted = o && outlineItemInsertion(model, findings, o);
    if (!inserted) return NOTHING;
    const title = t('Insert the heading “{0}” into the body', shortHeading(inserted.heading));
    return { first: [{ title, edits: [inserted.edit], preferred: true }], last: [], replaces: () => false };
  }
  return NOTHING;
}
