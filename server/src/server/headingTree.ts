// The speech's heading tree: document symbols, and the `speechDraft/outline`
// and `speechDraft/stats` answers the client's tree view and status bar use.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { countSpeechChars, firstAtOrAfter, gapsOf, headingSelection, inHeadingTree, isSection, missingMarkers, outlineItemsForGap, speakingMinutes, type Finding, type Gap, type Item, type OutlineBlockItem, type Span, type Translate } from '../core';
import type { FindingCounts, HeadingTreeNode, HeadingTreeNodeKind, SeverityName, StatsResult } from '../protocol';
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
  const from = (offset: number) => firstAtOrAfter(starts, offset);
  return (start, end) => {
    const [i, j] = [from(start), from(end)];
    return { error: running.error[j] - running.error[i], warning: running.warning[j] - running.warning[i], info: running.info[j] - running.info[i] };
  };
}

/** The severity of the worst of these findings. */
function worstOf(c: FindingCounts): SeverityName | undefined {
  return c.error ? 'error' : c.warning ? 'warning' : c.info ? 'info' : undefined;
}

const NONE: FindingCounts = { error: 0, warning: 0, info: 0 };

/** The first words of a stretch, for a node that has no heading of its own. */
function firstWords(text: string, span: Span): string {
  const line = text.slice(span.start, span.end).split(/\r?\n/).find((l) => l.trim()) ?? '';
  const words = [...line.trim()];
  return words.length > 16 ? words.slice(0, 16).join('') + '…' : words.join('');
}

/**
 * The 讲话提纲 view's nodes: the heading tree, a node for each gap in the
 * numbering where it is (`（缺少 二、）`), and at the top level the 【提纲】
 * block with its items, the opening and the closing, in the order of the text.
 * Each node is marked by its worst finding.
 */
export function headingTreeNodes(a: Analysis, t: Translate, kinds: readonly HeadingTreeNodeKind[] = HEADING_TREE): HeadingTreeNode[] {
  const wanted = new Set(kinds);
  const keep = (list: HeadingTreeNode[]): HeadingTreeNode[] => list.filter((n) => wanted.has(n.kind)).map((n) => ({ ...n, children: keep(n.children) }));
  return keep(allNodes(a, t));
}

/** The kinds a request names (anything else in the list left out); undefined where it names none. */
export function kindsOf(list: unknown): HeadingTreeNodeKind[] | undefined {
  return Array.isArray(list) ? list.filter((k): k is HeadingTreeNodeKind => typeof k === 'string') : undefined;
}

/** What a client that names no kinds gets: the heading tree, as before the other kinds. */
const HEADING_TREE: readonly HeadingTreeNodeKind[] = ['heading', 'runin', 'inline'];

function allNodes(a: Analysis, t: Translate): HeadingTreeNode[] {
  const { model, findings } = a.result;
  const rate = a.config.speakingRate;
  const count = findingCounter(findings);
  const range = (s: Span) => toRange(model.lines, s);
  const plain = (kind: HeadingTreeNode['kind'], label: string, span: Span, selection: Span, depth: number, counts: FindingCounts, extra: Partial<HeadingTreeNode> = {}): HeadingTreeNode => {
    const chars = countSpeechChars(model.text, span.start, span.end);
    return { marker: '', heading: '', kind, label, section: false, depth, range: range(span), selectionRange: range(selection), chars, minutes: speakingMinutes(chars, rate), findings: counts, worst: worstOf(counts), children: [], ...extra };
  };
  // Gaps, by the item they stand before.
  const gaps = new Map<Item, Gap>();
  for (const g of gapsOf(model, findings)) gaps.set(g.after, g);
  const gapNode = (g: Gap): HeadingTreeNode => {
    const own = findings.find((f) => f.rule === 'numbering-sequence' && f.span.start === g.after.marker.start);
    const counts = own ? { ...NONE, [own.severity]: 1 } : NONE;
    const from = g.after.marker.start;
    const listed = [...outlineItemsForGap(model, g).values()][0];
    const markers = missingMarkers(g);
    const node = plain('gap', t('(missing {0})', markers.join('')), { start: from, end: from }, g.cut ?? { start: from, end: from }, g.after.depth, counts);
    return { ...node, marker: markers[0], heading: listed?.text ?? '', chars: 0, minutes: 0 };
  };
  const walk = (items: Item[]): HeadingTreeNode[] =>
    items.filter(inHeadingTree).flatMap((i) => {
      const counts = count(i.span.start, i.span.end);
      const node: HeadingTreeNode = {
        marker: i.marker.text,
        heading: i.headingText,
        kind: i.kind as HeadingTreeNode['kind'],
        section: isSection(i),
        depth: i.depth,
        range: range(i.span),
        selectionRange: range(headingSelection(i)),
        chars: i.chars,
        minutes: speakingMinutes(i.chars, rate),
        findings: counts,
        worst: worstOf(counts),
        children: walk(i.children),
      };
      const gap = gaps.get(i);
      return gap ? [gapNode(gap), node] : [node];
    });
  const nodes = walk(model.roots);
  const block = model.parts.outlineBlock;
  const outlineItem = (o: OutlineBlockItem): HeadingTreeNode => {
    const counts = count(o.span.start, o.span.end);
    const node = plain('outlineItem', '', o.span, { start: o.span.start, end: o.textSpan.end }, o.depth + 1, counts);
    return { ...node, label: undefined, marker: o.marker.text, heading: o.text, chars: 0, minutes: 0, children: o.children.map(outlineItem) };
  };
  if (block) {
    const label = model.text.slice(block.label.start, block.label.end);
    nodes.push({ ...plain('outlineBlock', label, block.span, block.label, 0, count(block.span.start, block.span.end)), chars: 0, minutes: 0, children: block.items.map(outlineItem) });
  }
  // The opening: what comes before the first heading, the 【提纲】 left out.
  const firstRoot = model.roots.find(inHeadingTree);
  const closing = model.parts.closing;
  const openingEnd = firstRoot ? firstRoot.marker.start : (closing?.start ?? model.text.length);
  let openingStart = block && block.span.start <= (model.parts.title?.start ?? model.parts.bodyStart) ? block.span.end : 0;
  while (openingStart < openingEnd && /\s/.test(model.text[openingStart])) openingStart++;
  if (openingStart < openingEnd) {
    const span = { start: openingStart, end: openingEnd };
    // A 【提纲】 after the title lies inside: its findings and characters are its own node's.
    const holds = block && block.span.start >= span.start && block.span.end <= span.end;
    const inBlock = holds ? count(block.span.start, block.span.end) : NONE;
    const all = count(span.start, span.end);
    const counts = { error: all.error - inBlock.error, warning: all.warning - inBlock.warning, info: all.info - inBlock.info };
    const node = plain('opening', t('Opening'), span, { start: span.start, end: span.start }, 0, counts);
    const chars = node.chars - (holds ? countSpeechChars(model.text, block.span.start, block.span.end) : 0);
    nodes.push({ ...node, heading: firstWords(model.text, span), chars, minutes: speakingMinutes(chars, rate) });
  }
  if (closing) {
    nodes.push({ ...plain('closing', t('Closing'), closing, { start: closing.start, end: closing.start }, 0, count(closing.start, closing.end)), heading: firstWords(model.text, closing) });
  }
  const at = (n: HeadingTreeNode) => model.lines.offsetAt(n.range.start);
  return nodes.sort((x, y) => at(x) - at(y));
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
  const block = model.parts.outlineBlock;
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
