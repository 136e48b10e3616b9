// Issue 18: with a catastrophic placeholder pattern the server stopped
// answering for good (alive, so never restarted). It answers now, with the
// diagnostics of a draft built against the pattern.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CATASTROPHIC } from '../helpers/hostilePatterns';
import { TestClient } from '../helpers/lspClient';

describe('language server with hostile placeholder patterns', function () {
  this.timeout(60000);

  it('diagnoses a draft built against every pattern, and answers the next request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-patterns-'));
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ placeholderPatterns: [...CATASTROPHIC.map((c) => c.pattern), '〔待定〕'] }));
    const uri = pathToFileURL(path.join(dir, 'a.txt')).href;
    const text = `${CATASTROPHIC.map((c) => c.paragraph(20_000)).join('\n\n')}\n\n会议时间〔待定〕。\n`;
    const client = new TestClient({ model: 'pull', initializationOptions: { trusted: true } });
    try {
      await client.initialize();
      await client.open(uri, text);
      const diags = await client.diagnosticsFor(uri);
      assert.ok(diags.some((d) => d.code === 'placeholder' && String(d.message).includes('〔待定〕')));
      const outline = await client.request<unknown>('speechDraft/outline', { textDocument: { uri } });
      assert.ok(outline);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
