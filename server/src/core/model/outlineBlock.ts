// The 【提纲】 block: a label, then items on one line (`一、…。二、…。`) or one per
// line. Its items nest like the body's.

import { headingAt, inlineAt, runInAt, startsWithMarker, type MarkerToken } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import { isSpace } from '../text/chars';
import { nestByKey } from './tree';
import type { OutlineBlock, OutlineBlockItem } from './types';

const LABEL = /^(【提纲】|【提 纲】|提纲[：:]|\[提纲\])/;
const BOUNDARY = new Set(Array.from('。；;！!？?'));
const ITEM_TAIL = new Set(Array.from('。；;，,、.！!？? \u3000\t\r\n'));

/** The label is looked for in this many first paragraphs. */
export const OUTLINE_BLOCK_LABEL_WITHIN = 20;

export function findOutlineBlock(text: string, paragraphs: Paragraph[]): OutlineBlock | undefined {
  const limit = Math.min(paragraphs.length, OUTLINE_BLOCK_LABEL_WITHIN);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i];
    const label = LABEL.exec(p.text);
    if (!label) continue;
    const members = [i];
    for (let j = i + 1; j < paragraphs.length; j++) {
      const q = paragraphs[j];
      const prev = paragraphs[j - 1];
      if (q.comment || q.firstLine !== prev.lastLine + 1 || !startsWithMarker(q.text)) break;
      members.push(j);
    }
    const markers: { token: MarkerToken; offset: number }[] = [];
    for (const j of members) {
      const q = paragraphs[j];
      const from = j === i ? label[0].length : 0;
      scanOutlineBlockMarkers(q.text, from, (token) => markers.push({ token, offset: q.start }));
    }
    const last = paragraphs[members[members.length - 1]];
    const items = buildItems(text, markers, last.end);
    return {
      span: { start: p.start, end: last.end },
      label: { start: p.start, end: p.start + label[0].length },
      singleLine: members.length === 1,
      paragraphs: members,
      items,
    };
  }
  return undefined;
}

function scanOutlineBlockMarkers(text: string, from: number, emit: (t: MarkerToken) => void): void {
  let boundary = true;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (isSpace(ch) || ch === '\n' || ch === '\r') {
      boundary = true;
      continue;
    }
    if (boundary) {
      const t = headingAt(text, i) ?? runInAt(text, i, true) ?? inlineAt(text, i, true);
      if (t) {
        emit(t);
        i = t.end - 1;
        boundary = false;
        continue;
      }
    }
    boundary = BOUNDARY.has(ch);
  }
}

function buildItems(text: string, found: { token: MarkerToken; offset: number }[], blockEnd: number): OutlineBlockItem[] {
  const tokens = found.map(({ token, offset }) => ({
    ...token,
    start: token.start + offset,
    end: token.end + offset,
    numeralStart: token.numeralStart + offset,
    numeralEnd: token.numeralEnd + offset,
    paragraph: -1,
  }));
  const parents = nestByKey(tokens);
  const all: OutlineBlockItem[] = [];
  const roots: OutlineBlockItem[] = [];
  tokens.forEach((marker, i) => {
    const end = i + 1 < tokens.length ? tokens[i + 1].start : blockEnd;
    let s = marker.end;
    while (s < end && isSpace(text[s])) s++;
    let e = end;
    while (e > s && ITEM_TAIL.has(text[e - 1])) e--;
    const parent = parents[i] >= 0 ? all[parents[i]] : undefined;
    const item: OutlineBlockItem = {
      marker,
      text: text.slice(s, e),
      textSpan: { start: s, end: e },
      span: { start: marker.start, end },
      parent,
      children: [],
      depth: parent ? parent.depth + 1 : 0,
    };
    all.push(item);
    (parent ? parent.children : roots).push(item);
  });
  return roots;
}
