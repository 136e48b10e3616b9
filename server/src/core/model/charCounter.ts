// Speech characters in any span, in constant time after a pass over the
// paragraphs: each paragraph's running count is cached by its text, so an edit
// recounts only the paragraphs it touched.

import type { Paragraph } from '../parse/paragraphs';
import { speechCharPrefix } from '../text/chars';
import type { ParagraphCache } from './build';

export class CharCounter {
  /** Characters in all paragraphs before paragraph k. */
  private readonly before: Int32Array;
  private readonly prefixes: Int32Array[];

  constructor(
    private readonly paragraphs: readonly Paragraph[],
    cache: ParagraphCache<Int32Array>,
  ) {
    this.before = new Int32Array(paragraphs.length + 1);
    this.prefixes = paragraphs.map((p, k) => {
      const prefix = cache.get(p.text, () => speechCharPrefix(p.text));
      this.before[k + 1] = this.before[k] + prefix[prefix.length - 1];
      return prefix;
    });
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
    const inside = offset >= p.end ? this.prefixes[k][p.text.length] : this.prefixes[k][offset - p.start];
    return this.before[k] + inside;
  }

  count(start: number, end: number): number {
    return end <= start ? 0 : this.at(end) - this.at(start);
  }

  paragraph(k: number): number {
    return this.before[k + 1] - this.before[k];
  }
}
