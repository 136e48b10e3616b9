// Chinese first: every message the code uses has a zh-cn translation.

import * as assert from 'assert';
import { allRules } from '../../server/src/core';
import { usedMessages, zhCnBundle } from '../helpers/l10nScan';

describe('l10n', () => {
  it('has a zh-cn translation for every message used in the code', () => {
    const used = usedMessages();
    const bundle = zhCnBundle();
    assert.ok(used.size > 50, `found only ${used.size} messages: the scanner is broken`);
    const missing = [...used].filter(([m]) => !(m in bundle)).map(([m, f]) => `${f}: ${m}`);
    assert.deepStrictEqual(missing, []);
  });

  it('holds no entry the code does not use, besides the rules’ names and descriptions (generated)', () => {
    const used = usedMessages();
    const ruleTexts = new Set(allRules.flatMap((r) => [r.name.en, r.description.en]));
    const unused = Object.keys(zhCnBundle()).filter((m) => !used.has(m) && !ruleTexts.has(m));
    assert.deepStrictEqual(unused, [], 'run `npm run generate`, which drops them');
    for (const r of allRules) {
      assert.strictEqual(zhCnBundle()[r.name.en], r.name.zh, `${r.id}: its name, from npm run generate`);
      assert.strictEqual(zhCnBundle()[r.description.en], r.description.zh, `${r.id}: its description, from npm run generate`);
    }
  });

  it('keeps the placeholders of each message in its translation', () => {
    for (const [en, zh] of Object.entries(zhCnBundle())) {
      const args = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.strictEqual(args(zh), args(en), `${en} → ${zh}`);
    }
  });
});
