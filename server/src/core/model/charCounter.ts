// Speech characters in any span, in constant time after a pass over the
// paragraphs: each paragraph's running count is cached by its text, so an edit
// recounts only the paragraphs it touched.

import type { Paragraph } from '../parse/paragraphs';
import { countSpeechChars, speechCharPrefix } from '../text/chars';
import type { ParagraphFacts } from './build';

export class CharCounter {
  /** Characters in all paragraphs before paragraph k. */
  private readonly before: Int32Array;
  /** `facts[k]`: what is known of paragraph k's text (counts are kept there). */
  constructor(
    private readonly paragraphs: readonly Paragraph[],
    private readonly facts: readonly ParagraphFacts[],
  ) {
    this.before = new Int32Array(paragraphs.length + 1);
    for (let k = 0; k < paragraphs.length; k++) {
      this.before[k + 1] = this.before[k] + (facts[k].chars ??= countSpeechChars(paragraphs[k].text));
    }
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
