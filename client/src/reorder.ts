// Reordering sibling sections as text (no editor code: unit-tested on its own).

import { toChineseNumeral, toCircled } from '../../server/src/core/text/chars';

const SEQUENCE = ['首先', '其次', '再次'];

/** The marker `marker` (as written, `二、`, `（三）`, `3.`, `其次，`) renumbered to `n`, keeping its form. */
export function renumberMarker(marker: string, n: number, last: boolean): string {
  if (/[一二三四五六七八九十]+/.test(marker)) return marker.replace(/[一二三四五六七八九十]+/, toChineseNumeral(n));
  if (/[0-9０-９]+/.test(marker)) return marker.replace(/[0-9０-９]+/, String(n));
  if (/[①-⑳]/.test(marker)) return marker.replace(/[①-⑳]/, toCircled(n) ?? marker);
  const word = /^(首先|其次|再次|最后)/.exec(marker);
  if (word) return marker.replace(word[1], last && word[1] === '最后' ? '最后' : (SEQUENCE[n - 1] ?? word[1]));
  return marker;
}

/**
 * The edit that moves block `from` to position `to`, where the blocks are the
 * siblings' text from each one's line start to the next one's (the last one
 * to `lastEnd`), and renumbers the siblings' own markers so that the numbering
 * follows. Line endings stay as they were; the text outside is untouched.
 */
export function reorderedBlocks(
  text: string,
  starts: number[],
  lastEnd: number,
  from: number,
  to: number,
  markers: string[],
): { start: number; end: number; newText: string } {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const endsWithEol = (b: string) => /(\r\n|\n|\r)$/.test(b);
  const blocks = starts.map((s, i) => ({ text: text.slice(s, i + 1 < starts.length ? starts[i + 1] : lastEnd), marker: markers[i] }));
  const lastHadEol = endsWithEol(blocks[blocks.length - 1].text);
  // Each block keeps the blank lines that followed it in its place: they separate blocks, not belong to them.
  const separators = blocks.map((b) => /(?:\r\n|\n|\r)*$/.exec(b.text.replace(/(\r\n|\n|\r)$/, ''))![0]);
  const bodies = blocks.map((b) => ({ ...b, text: b.text.replace(/(?:\r\n|\n|\r)+$/, '') }));
  const [moved] = bodies.splice(from, 1);
  bodies.splice(to, 0, moved);
  let newText = bodies
    .map((b, i) => {
      const indent = /^[ \t\u3000]*/.exec(b.text)![0];
      const rest = b.text.slice(indent.length);
      const marker = b.marker && rest.startsWith(b.marker) ? b.marker : '';
      const renumbered = marker ? renumberMarker(marker, i + 1, i === bodies.length - 1) + rest.slice(marker.length) : rest;
      return indent + renumbered + eol + separators[i];
    })
    .join('');
  if (!lastHadEol) newText = newText.replace(/(\r\n|\n|\r)$/, '');
  return { start: starts[0], end: lastEnd, newText };
}
