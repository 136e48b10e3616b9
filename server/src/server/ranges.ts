// Folding ranges (sections, the 【提纲】 block) and selection ranges
// (marker → heading → paragraph → section → parent sections → document).

import { FoldingRangeKind, type FoldingRange, type Position, type SelectionRange } from 'vscode-languageserver/node';
import { headingSelection, type Span, type SpeechModel } from '../core';
import { toRange } from './convert';

export function foldingRanges(model: SpeechModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lineOf = (o: number) => model.lines.positionAt(o).line;
  const block = model.parts.outlineBlock;
  if (block && lineOf(block.span.end) > lineOf(block.span.start)) {
    out.push({ startLine: lineOf(block.span.start), endLine: lineOf(block.span.end), kind: FoldingRangeKind.Region });
  }
  for (const item of model.items) {
    if (item.kind === 'inline') continue;
    const start = lineOf(item.span.start);
    const end = lineOf(item.span.end);
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  return out;
}

export function selectionRange(model: SpeechModel, position: Position): SelectionRange {
  const offset = model.lines.offsetAt(position);
  const spans: Span[] = [];
  const add = (s: Span) => {
    if (s.start <= offset && offset <= s.end && !spans.some((x) => x.start === s.start && x.end === s.end)) spans.push(s);
  };
  // Innermost first: the items holding the offset, deepest first.
  const holding = model.items.filter((i) => i.span.start <= offset && offset <= i.span.end).sort((a, b) => b.depth - a.depth);
  const innermost = holding[0];
  if (innermost) {
    add({ start: innermost.marker.start, end: innermost.marker.end });
    add(headingSelection(innermost));
  }
  const paragraph = model.paragraphs.find((p) => p.start <= offset && offset <= p.end);
  if (paragraph) add({ start: paragraph.start, end: paragraph.end });
  for (const item of holding) add(item.span);
  add({ start: 0, end: model.text.length });
  if (spans.length === 0) spans.push({ start: offset, end: offset });
  // Each range must contain the one before it.
  spans.sort((a, b) => a.end - a.start - (b.end - b.start));
  const chain: Span[] = [];
  for (const s of spans) {
    const inner = chain[chain.length - 1];
    if (!inner || (s.start <= inner.start && inner.end <= s.end)) chain.push(s);
  }
  let parent: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) parent = { range: toRange(model.lines, chain[i]), parent };
  return parent!;
}
