// Chinese first: every message the code uses has a zh-cn translation.

import * as assert from 'assert';
import { usedMessages, zhCnBundle } from '../helpers/l10nScan';

describe('l10n', () => {
  it('has a zh-cn translation for every message used in the code', () => {
    const used = usedMessages();
    const bundle = zhCnBundle();
    assert.ok(used.size > 50, `found only ${used.size} messages: the scanner is broken`);
    const missing = [...used].filter(([m]) => !(m in bundle)).map(([m, f]) => `${f}: ${m}`);
    assert.deepStrictEqual(missing, []);
  });

  it('keeps the placeholders of each message in its translation', () => {
    for (const [en, zh] of Object.entries(zhCnBundle())) {
      const args = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.strictEqual(args(zh), args(en), `${en} → ${zh}`);
    }
  });
});
