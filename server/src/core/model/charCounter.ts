// Speech characters in any span, in constant time after a pass over the
// paragraphs: each paragraph's running count is cached by its text, so an edit
// recounts only the paragraphs it touched.

import type { Paragraph } from '../parse/paragraphs';
import { countSpeechChars, speechCharPrefix } from '../text/chars';
import type { ParagraphFacts } from './build';

export class CharCounter {
  /** Characters in all paragraphs before paragraph k. */
  private readonly before: Int32Array;
  /**
   * `facts[k]`: what is known of paragraph k's text (counts are kept there). `edited`: the counter of the paragraphs before an edit, which made `[from, to)` of these of its
   * `[from, oldTo)` (the others the same texts): its counts are copied, those after the stretch moved
   * by what the stretch's count changed, and only the stretch is counted.
   */
  constructor(
    private readonly paragraphs: readonly Paragraph[],
    private readonly facts: readonly ParagraphFacts[],
    edited?: { counter: CharCounter; from: number; oldTo: number; to: number },
  ) {
    const from = edited ? edited.from : 0;
    if (edited && edited.to === edited.oldTo) {
      // As many paragraphs, the stretch's counts the same: the running counts are the last ones (never changed once made).
      const was = edited.counter.before;
      let k = from;
      while (k < edited.to && was[k + 1] - was[k] === (facts[k].chars ??= countSpeechChars(paragraphs[k].text))) k++;
      if (k === edited.to) {
        this.before = was;
        return;
      }
    }
    const before = (this.before = new Int32Array(paragraphs.length + 1));
    const to = edited ? edited.to : paragraphs.length;
    if (edited) before.set(edited.counter.before.subarray(0, from + 1));
    for (let k = from; k < to; k++) before[k + 1] = before[k] + (facts[k].chars ??= countSpeechChars(paragraphs[k].text));
    if (edited && to < paragraphs.length) {
      const was = edited.counter.before;
      before.set(was.subarray(edited.oldTo + 1), to + 1);
      const shift = before[to] - was[edited.oldTo];
      if (shift !== 0) for (let k = to + 1; k <= paragraphs.length; k++) before[k] += shift;
    }
  }

  /** Characters in all paragraphs. */
  get total(): number {
    return this.before[this.paragraphs.length];
  }

  /** Running counts inside paragraph k, made only for paragraphs a span starts or ends inside. */
  private prefix(k: number): Int32Array {
    return (this.facts[k].charPrefix ??= speechCharPrefix(this.paragraphs[k].text));
  }

  /** Speech characters before `offset`; only paragraphs hold countable characters. */
  at(offset: number): number {
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].start <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return 0;
    const p = ps[k];
    if (offset >= p.end) return this.before[k + 1];
    // A span starting at a paragraph's start needs no running count (most headings do).
    if (offset <= p.start) return this.before[k];
    return this.before[k] + this.prefix(k)[offset - p.start];
  }

  count(start: number, end: number): number {
    return end <= start ? 0 : this.at(end) - this.at(start);
  }

  paragraph(k: number): number {
    return this.before[k + 1] - this.before[k];
  }
}
