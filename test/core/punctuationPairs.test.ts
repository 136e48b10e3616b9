// punctuation-pairs' test of a paragraph whose marks pair up within it (the
// document pass skips such a paragraph): the plain stack against OpenMarks.

import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { marksOf, selfContained, selfContainedByOpenMarks } from '../../server/src/core/rules/punctuationPairs';

describe('punctuation-pairs: a paragraph whose marks pair up within it', () => {
  it('is told by the plain stack as by OpenMarks (every fixture paragraph, and random strings of marks)', () => {
    const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');
    const texts: string[] = [];
    for (const f of readdirSync(dir)) if (f.endsWith('.txt')) texts.push(...readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/));
    // Marks of every kind, list numbers (`1)`), sentence ends and plain text.
    const units = ['“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '【', '】', '〔', '〕', '〈', '〉', '「', '」', '『', '』', '〝', '〞', '〟', '1)', '。a)', '字', '。', '“字”', '（字）', '《字》', '(字)'];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 16;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let n = next() % 8; n > 0; n--) s += units[next() % units.length];
      texts.push(s);
    }
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
