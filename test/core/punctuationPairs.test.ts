// punctuation-pairs' test of a paragraph whose marks pair up within it (the
// document pass skips such a paragraph): the plain stack against OpenMarks.

import * as assert from 'assert';
import { ruleFixtureParagraphs, seededStrings } from '../helpers/fixtures';
import { marksOf, selfContained, selfContainedByOpenMarks } from '../../server/src/core/rules/punctuationPairs';

describe('punctuation-pairs: a paragraph whose marks pair up within it', () => {
  it('is told by the plain stack as by OpenMarks (every fixture paragraph, and random strings of marks)', () => {
    // Marks of every kind, list numbers (`1)`), sentence ends and plain text.
    const units = ['“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '【', '】', '〔', '〕', '〈', '〉', '「', '」', '『', '』', '〝', '〞', '〟', '1)', '。a)', '字', '。', '“字”', '（字）', '《字》', '(字)'];
    const texts = [...ruleFixtureParagraphs(), ...seededStrings(units, 5000, 8, 11)];
    const counts = [0, 0];
    for (const text of texts) {
      const marks = marksOf(text, () => []);
      const plain = selfContainedByOpenMarks(marks);
      assert.strictEqual(selfContained(marks), plain, JSON.stringify(text));
      if (marks.length) counts[plain ? 1 : 0]++;
    }
    // Both answers met, on paragraphs with marks.
    assert.ok(counts[0] > 100 && counts[1] > 100, String(counts));
  });
});
