// The context pairs of the typo rule: the 的 that should be 地 or 得 is found
// for every word its patterns name (the table of the words' first and last
// characters, asked before any pattern runs, must let each through), and the
// lookalikes stay quiet.

import * as assert from 'assert';
import { DE_WORDS, findContextPairs } from '../../server/src/core/wording/contextPairs';

const words = (alternation: string) => alternation.split('|');
const at = (text: string) => findContextPairs(text).map((f) => `${f.start}${f.right}`);

describe('context pairs (的 / 地 / 得)', () => {
  it('finds 地 after each adverb before each verb, and 得 after each verb of doing before each complement', () => {
    let checked = 0;
    for (const adverb of words(DE_WORDS.adverbs)) {
      for (const verb of words(DE_WORDS.verbs)) {
        const text = `我们要${adverb}的${verb}各项工作。`;
        assert.deepStrictEqual(at(text), [`${3 + adverb.length}地`], text);
        checked++;
      }
    }
    for (const verb of words(DE_WORDS.doneVerbs)) {
      for (const complement of words(DE_WORDS.complements)) {
        const text = `这项工作${verb}的${complement}。`;
        assert.deepStrictEqual(at(text), [`${4 + verb.length}得`], text);
        checked++;
      }
    }
    assert.ok(checked > 1000, `${checked} sentences`);
  });

  it('leaves 的 alone where no such words stand on both sides, at the start and at the end of a paragraph', () => {
    for (const text of ['认真的态度很重要。', '要认真的。', '的确要认真落实。', '要认真的', '的', '我们的落实工作', '科学的研究方法', '做的事情很多。']) {
      assert.deepStrictEqual(at(text), [], text);
    }
  });
});
