// The speech's heading tree: document symbols, and the `speechDraft/outline`
// and `speechDraft/stats` answers the client's tree view and status bar use.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { headingSelection, inHeadingTree, isSection, speakingMinutes, type Finding, type Item, type Translate } from '../core';
import type { FindingCounts, HeadingTreeNode, StatsResult } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';

const MAX_NAME = 60;

/**
 * Counts of the findings that start in a stretch, by severity, from running
 * totals over the findings in order of their start: a look-up per section,
 * not a pass over every finding (a long draft has thousands of both).
 */
function findingCounter(findings: readonly Finding[]): (start: number, end: number) => FindingCounts {
  const sorted = [...findings].sort((a, b) => a.span.start - b.span.start);
  const starts = sorted.map((f) => f.span.start);
  const running = { error: [0], warning: [0], info: [0] };
  for (const f of sorted) for (const s of ['error', 'warning', 'info'] as const) running[s].push(running[s][running[s].length - 1] + (f.severity === s ? 1 : 0));
  /** The first finding starting at or after `offset`. */
  const from = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (start, end) => {
    const [i, j] = [from(start), from(end)];
    return { error: running.error[j] - running.error[i], warning: running.warning[j] - running.warning[i], info: running.info[j] - running.info[i] };
  };
}

export function headingTreeNodes(a: Analysis): HeadingTreeNode[] {
  const { model, findings } = a.result;
  const rate = a.config.speakingRate;
  const count = findingCounter(findings);
  const walk = (items: Item[]): HeadingTreeNode[] =>
    items
      .filter(inHeadingTree)
      .map((i) => ({
        marker: i.marker.text,
        heading: i.headingText,
        kind: i.kind as HeadingTreeNode['kind'],
        section: isSection(i),
        depth: i.depth,
        range: toRange(model.lines, i.span),
        selectionRange: toRange(model.lines, headingSelection(i)),
        chars: i.chars,
        minutes: speakingMinutes(i.chars, rate),
        findings: count(i.span.start, i.span.end),
        children: walk(i.children),
      }));
  return walk(model.roots);
}

export function stats(a: Analysis): StatsResult {
  const { model, findings } = a.result;
  return {
    version: a.version,
    chars: model.chars,
    minutes: speakingMinutes(model.chars, a.config.speakingRate),
    speakingRate: a.config.speakingRate,
    targetMinutes: a.config.targetMinutes,
    paragraphs: model.paragraphs.filter((p) => !p.comment).length,
    findings: findingCounter(findings)(0, Infinity),
  };
}

function shorten(s: string): string {
  return s.length > MAX_NAME ? s.slice(0, MAX_NAME) + '…' : s;
}

export function documentSymbols(a: Analysis, t: Translate): DocumentSymbol[] {
  const { model } = a.result;
  const rate = a.config.speakingRate;
  const walk = (items: Item[]): DocumentSymbol[] =>
    items
      .filter(inHeadingTree)
      .map((i) => ({
        name: shorten(`${i.marker.text}${i.headingText}`) || i.marker.text,
        detail: t('{0} characters · {1} min', i.chars, speakingMinutes(i.chars, rate).toFixed(1)),
        kind: i.kind === 'heading' ? SymbolKind.String : i.kind === 'runin' ? SymbolKind.EnumMember : SymbolKind.Field,
        range: toRange(model.lines, i.span),
        selectionRange: toRange(model.lines, headingSelection(i)),
        children: walk(i.children),
      }));
  const symbols = walk(model.roots);
  const block = model.parts.outline;
  if (block) {
    symbols.unshift({
      name: model.text.slice(block.label.start, block.label.end),
      detail: t('{0} items', block.items.length),
      kind: SymbolKind.Array,
      range: toRange(model.lines, block.span),
      selectionRange: toRange(model.lines, block.label),
    });
  }
  return symbols;
}
