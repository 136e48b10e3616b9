// The speech's heading tree: document symbols, and the `speechDraft/outline`
// and `speechDraft/stats` answers the client's tree view and status bar use.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Finding, Item, Translate } from '../core';
import type { FindingCounts, OutlineNode, StatsResult } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';

const SHOWN_KINDS = new Set(['heading', 'runin', 'inline']);
const MAX_NAME = 60;

function countFindings(findings: readonly Finding[], start: number, end: number): FindingCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.span.start >= start && f.span.start < end) counts[f.severity]++;
  return counts;
}

function selection(item: Item) {
  return { start: item.marker.start, end: Math.max(item.heading.end, item.marker.end) };
}

export function outlineNodes(a: Analysis): OutlineNode[] {
  const { model, findings } = a.result;
  const rate = a.config.speakingRate;
  const walk = (items: Item[]): OutlineNode[] =>
    items
      .filter((i) => SHOWN_KINDS.has(i.kind))
      .map((i) => ({
        marker: i.marker.text,
        heading: i.headingText,
        kind: i.kind as OutlineNode['kind'],
        depth: i.depth,
        range: toRange(model.lines, i.span),
        selectionRange: toRange(model.lines, selection(i)),
        chars: i.chars,
        minutes: Math.round((i.chars / rate) * 10) / 10,
        findings: countFindings(findings, i.span.start, i.span.end),
        children: walk(i.children),
      }));
  return walk(model.roots);
}

export function stats(a: Analysis): StatsResult {
  const { model, findings } = a.result;
  return {
    version: a.version,
    chars: model.chars,
    minutes: Math.round((model.chars / a.config.speakingRate) * 10) / 10,
    speakingRate: a.config.speakingRate,
    targetMinutes: a.config.targetMinutes,
    paragraphs: model.paragraphs.filter((p) => !p.comment).length,
    findings: countFindings(findings, 0, Infinity),
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
      .filter((i) => SHOWN_KINDS.has(i.kind))
      .map((i) => ({
        name: shorten(`${i.marker.text}${i.headingText}`) || i.marker.text,
        detail: t('{0} characters · {1} min', i.chars, (i.chars / rate).toFixed(1)),
        kind: i.kind === 'heading' ? SymbolKind.String : i.kind === 'runin' ? SymbolKind.EnumMember : SymbolKind.Field,
        range: toRange(model.lines, i.span),
        selectionRange: toRange(model.lines, selection(i)),
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
