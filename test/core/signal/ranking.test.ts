// Structure before typography: the findings in rank order are those a stable
// sort by rank gives, whether they come in order of span (as the checker gives
// them: parted in one pass) or not (sorted).

import * as assert from 'assert';
import fc from 'fast-check';
import { byRank, checkText, ranked, type Finding } from '../../../server/src/core';
import { draftArbitrary, fuzzParams } from '../../helpers/drafts';

const finding = (rule: string, start: number, end = start + 1, notice = false): Finding => ({
  rule,
  severity: 'warning',
  span: { start, end },
  message: `${rule} ${start}`,
  ...(notice ? { notice: true } : {}),
});

describe('ranked', () => {
  it('puts notices first, then the structure, each in order of span, as a stable sort does', () => {
    // numbering-sequence may stop the export (structure); punctuation-width never does.
    const list = [finding('punctuation-width', 0), finding('numbering-sequence', 2), finding('punctuation-width', 2), finding('numbering-sequence', 2, 5), finding('speech-length', 9, 10, true)];
    const shown = ranked(list);
    assert.deepStrictEqual(shown, [list[4], list[1], list[3], list[0], list[2]]);
    assert.deepStrictEqual(shown, [...list].sort(byRank));
    assert.notStrictEqual(ranked([list[0]]), [list[0]], 'a copy');
  });

  it('sorts a list that is not in order of span', () => {
    const list = [finding('punctuation-width', 7), finding('numbering-sequence', 3), finding('punctuation-width', 1)];
    assert.deepStrictEqual(ranked(list), [list[1], list[2], list[0]]);
  });

  it('gives what a stable sort gives for the checker\'s findings of any draft', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        const { findings } = checkText(draft);
        assert.deepStrictEqual(ranked(findings), [...findings].sort(byRank));
      }),
      fuzzParams(100),
    );
  });
});
