// The needle index that the formulation finder looks for labels and names
// with: what `scan` and `startsAt` find is every needle at every place, as a
// plain comparison of each needle at each position finds it.

import * as assert from 'assert';
import { NeedleIndex } from '../../server/src/core/wording/needles';
import { shippedFormulations } from '../../server/src/core/wording/typoData';
import { provideBuiltWordingData } from '../helpers/wording';

/** Every needle at every place, longer first at one place (as `add` was given them, longest first within a pair). */
function plainly(needles: readonly string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) for (const n of needles) if (text.startsWith(n, i)) out.push(`${i}:${n}`);
  return out;
}

describe('NeedleIndex', () => {
  before(() => provideBuiltWordingData());

  it('finds what a comparison of every needle at every place finds, needles sharing their first two or three units among them', () => {
    const shipped = shippedFormulations()!;
    // The shipped names share first pairs by the dozen (国家…, 中央…), some their third unit too; made-up ones add
    // needles of two units, one the start of another, and one that ends where the text does.
    const names = [...shipped.enumerations, ...shipped.names].map((e) => e.name).filter((n) => n.length >= 2);
    const made = ['国家', '国家安全', '国家安全委员会', '国家发展', '中央', '中央委', '\u{20bb7}\u{20bb7}', '𠮷国'];
    // Longest first, as the formulation finder's order within a pair does not matter here but a stable one does.
    const needles = [...new Set([...names, ...made])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const index = new NeedleIndex<string>();
    for (const n of needles) index.add(n, n);
    const pieces = [...needles, ...needles.map((n) => n.slice(0, 3)), ...needles.map((n) => n.slice(0, 2) + '的'), '、', '。', '的', '国', '家', '中'];
    let seed = 20261202;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let matched = 0;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = random(10); i >= 0; i--) text += pieces[random(pieces.length)];
      const want = plainly(needles, text);
      const scanned: string[] = [];
      index.scan(text, (at, needle, value) => {
        assert.strictEqual(value, needle);
        scanned.push(`${at}:${needle}`);
      });
      const started: string[] = [];
      for (let i = 0; i < text.length; i++) index.startsAt(text, i, (at, needle) => started.push(`${at}:${needle}`));
      assert.deepStrictEqual(scanned, want, text);
      assert.deepStrictEqual(started, want, text);
      matched += want.length;
    }
    // Not a comparison of empty results.
    assert.ok(matched >= 3000, `${matched}`);
  });
});
