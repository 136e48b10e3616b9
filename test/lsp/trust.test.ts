// Workspace trust: in an untrusted workspace a config file's own placeholder
// patterns and words are not used, nor may it switch a rule off; the writer is
// told once. (What else it may not set: test/robustness/configSearch.test.ts.)

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lspClient';

describe('language server in an untrusted workspace', function () {
  this.timeout(30000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-trust-'));
  fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ placeholderPatterns: ['〔待定〕'], rules: { 'speech-structure': 'off' } }));
  const uri = pathToFileURL(path.join(dir, 'a.txt')).href;
  // A speech (its title) with no salutation: speech-structure has a finding to hide (a text that is no speech has none).
  const text = '在全县工作会议上的讲话\n\n会议时间〔待定〕，地点在县政府。\n';

  for (const trusted of [true, false]) {
    it(`${trusted ? 'uses' : 'ignores'} the file's patterns and rules switched off when the workspace is ${trusted ? '' : 'not '}trusted`, async () => {
      const client = new TestClient({ model: 'push', initializationOptions: { trusted } });
      try {
        await client.initialize();
        await client.open(uri, text);
        const diags = await client.diagnosticsFor(uri);
        assert.strictEqual(diags.some((d) => d.code === 'placeholder'), trusted);
        // Switching a rule off would hide findings: only a trusted file may.
        assert.strictEqual(diags.some((d) => d.code === 'speech-structure'), !trusted);
        if (!trusted) {
          await client.until(() => client.messages.length > 0 || undefined, 'the notice');
          assert.strictEqual(client.messages.length, 1);
          assert.match(client.messages[0].message, /placeholderPatterns: 未使用：此工作区不受信任。/);
          assert.match(client.messages[0].message, /rules\.speech-structure: 未使用：此工作区不受信任。/);
        }
      } finally {
        await client.shutdown();
      }
    });
  }
});
