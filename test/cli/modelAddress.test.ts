// The command on the real, imperfect model address from the shared corpus
// (skipped where the corpus is absent); --fix works on a temporary copy.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { requireCorpus } from '../helpers/corpus';
import { buildCli, runCli, tempDir, type JsonFinding } from './runCli';

const FULL_WIDTH_TWIN: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

describe('speech-draft on the model address', function () {
  this.timeout(60000);
  let original: Buffer;
  before(function () {
    original = fs.readFileSync(path.join(requireCorpus(this), 'model-address.txt'));
    buildCli();
  });

  function copy(): string {
    const file = path.join(tempDir(), 'model-address.txt');
    fs.writeFileSync(file, original);
    return file;
  }

  it('check --format json reports numbering-sequence on lines 13 and 10', () => {
    const r = runCli(['check', '--format', 'json', copy()]);
    assert.notStrictEqual(r.status, 2, r.stderr);
    const lines = (JSON.parse(r.stdout) as JsonFinding[]).filter((f) => f.rule === 'numbering-sequence').map((f) => f.line);
    assert.ok(lines.includes(13), `三、 after 一、: ${lines}`);
    assert.ok(lines.includes(10), `第二 with no 第一: ${lines}`);
  });

  it('--fix changes only ASCII punctuation, each into its full-width twin, and a second run changes nothing', () => {
    const file = copy();
    const before = original.toString('utf8');
    const r = runCli(['check', '--fix', file]);
    assert.notStrictEqual(r.status, 2, r.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.notStrictEqual(after, before, 'the draft has ASCII commas to fix');
    assert.strictEqual(after.length, before.length);
    for (let i = 0; i < before.length; i++) {
      if (after[i] === before[i]) continue;
      assert.strictEqual(after[i], FULL_WIDTH_TWIN[before[i]], `offset ${i}: “${before[i]}” became “${after[i]}”`);
    }
    runCli(['check', '--fix', file]);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), after);
  });
});
