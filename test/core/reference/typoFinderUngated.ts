// The typo finder without its first pass: every stretch of two to four
// characters, with each of its characters replaced, goes to the look-ups of
// targets. Slow and obviously complete: the reference that the first pass
// (the exact set of forms and the gate) must agree with (test/core/typoForms.test.ts).

import { ALL_FORMS, QUOTED, TypoFinder } from '../../../server/src/core/wording/typoFinder';

const OPENING = new Set('“‘「『《〈');
const CLOSING = new Set('”’」』》〉');

export class UngatedTypoFinder extends TypoFinder {
  protected override firstPass(text: string): boolean {
    let quoted = 0;
    for (let q = 0; q < text.length; q++) {
      if (q + 1 < text.length) {
        if (OPENING.has(text[q])) quoted++;
        else if (CLOSING.has(text[q]) && quoted > 0) quoted--;
      }
      this.marks[q] = (quoted > 0 ? QUOTED : 0) | (q + 1 < text.length ? ALL_FORMS : 0);
      if (q + 1 < text.length) this.marked[this.markedCount++] = q;
    }
    return true;
  }
}
