// speech-length over LSP: a character typed in a draft over its target is
// answered unchanged (the finding states rounded figures, see
// test/core/speechLength.test.ts), so no list is sent again.

import * as assert from 'assert';
import { readFixture } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const draft = readFixture('rules/speech-length.typing.txt');
const at = draft.indexOf('要严格落实');

describe('speech-length over LSP', function () {
  this.timeout(30000);
  let client: TestClient;
  afterEach(async () => client?.shutdown());

  it('a character typed is answered unchanged though the draft is over its target', async () => {
    client = new TestClient({ model: 'pull', settings: { debounce: 0, targetMinutes: 2, speakingRate: 200 } });
    await client.initialize();
    const uri = 'untitled:length.txt';
    await client.open(uri, draft);
    type Report = { kind: string; resultId: string; items?: Array<{ code?: unknown }> };
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const first = await pull();
    assert.ok(first.items!.some((d) => d.code === 'speech-length'));
    await client.edit(uri, at, at, '要');
    assert.deepStrictEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
  });
});
