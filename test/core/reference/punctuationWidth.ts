// The decision of punctuation-width as it was before its fixpoint was made
// linear (each pass re-read every mark, and a run of marks was scanned from
// each of them): kept as the reference the linear decision must agree with on
// random text (given the same marks: see test/core/punctuationWidth.test.ts).

import { isChineseChar, isHan } from '../../../server/src/core/text/chars';
import { blank, charAt, charEndingAt, FULL, SEE_THROUGH, TWINS, type Pair } from '../../../server/src/core/text/widthDecision';

const TWO_WORDS = /[A-Za-z]+[ ,]+[A-Za-z]+/;

/** The nearest character before (step -1) or after (step 1) position i that is not a space. */
function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (j >= 0 && j < text.length && (blank(text[j]) || SEE_THROUGH.has(text[j]))) j += step;
  if (j < 0 || j >= text.length) return undefined;
  return step === -1 ? charEndingAt(text, j + 1) : charAt(text, j);
}

/**
 * The stretch of non-Chinese text right before position i: `Hello, world` in
 * `他说Hello, world!`. `chineseBefore` tells whether Chinese text precedes it.
 */
function latinRunBefore(text: string, i: number): { run: string; chineseBefore: boolean } {
  let j = i;
  while (j > 0 && i - j < 200) {
    const ch = charEndingAt(text, j);
    if (isChineseChar(ch)) return { run: text.slice(j, i), chineseBefore: true };
    j -= ch.length;
  }
  return { run: text.slice(j, i), chineseBefore: false };
}

/**
 * Is the mark at i in Chinese text? Its nearest neighbour before is Chinese; or
 * the one after is (or the paragraph ends) and the mark does not close a run of
 * English words (`Hello, world! 然后`), which keeps its own marks.
 */
function inChineseText(text: string, i: number): boolean {
  const before = neighbour(text, i, -1);
  if (isChineseChar(before)) return true;
  const after = neighbour(text, i, 1);
  const { run, chineseBefore } = latinRunBefore(text, i);
  if (TWO_WORDS.test(run)) return false;
  return isChineseChar(after) || (after === undefined && chineseBefore);
}

/**
 * Position -> its full-width twin. A mark turned full-width is Chinese text
 * for its neighbours (`:(1,000)工作`): decide again until nothing changes, so
 * that a second run of the fixes finds nothing.
 */
export function referenceDecide(text: string, single: readonly number[], pairs: readonly Pair[]): Map<number, string> {
  const wrong = new Map<number, string>();
  const view = text.split('');
  const turn = (i: number, full: string) => {
    wrong.set(i, full);
    view[i] = full;
  };
  for (let changed = true; changed; ) {
    changed = false;
    const now = view.join('');
    for (const i of single) {
      if (wrong.has(i) || !inChineseText(now, i)) continue;
      turn(i, FULL[text[i]]);
      changed = true;
    }
    for (const p of pairs) {
      if (wrong.has(p.open)) continue;
      const chinese =
        inChineseText(now, p.open) || (p.close !== undefined && ([...text.slice(p.open + 1, p.close)].some(isHan) || inChineseText(now, p.close)));
      if (!chinese) continue;
      const [opening, closing] = TWINS[text[p.open]];
      turn(p.open, opening);
      if (p.close !== undefined) turn(p.close, closing);
      changed = true;
    }
  }
  return new Map([...wrong].sort((a, b) => a[0] - b[0]));
}
