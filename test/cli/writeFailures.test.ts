// Writes that fail: a full disk (simulated) and a folder that vanished between
// reading and writing. The original is left as it was, nothing is left behind.

import * as assert from 'assert';
import * as fs from 'fs';
// The module object itself (not a namespace copy), so that a write can be made to fail.
import nodeFs = require('fs');
import * as os from 'os';
import * as path from 'path';
import { readDraft, writeDraft } from '../../server/src/cli/draftFile';

function draftIn(dir: string) {
  const file = path.join(dir, 'draft.txt');
  fs.writeFileSync(file, '同志们:\n');
  const read = readDraft(file);
  assert.strictEqual(read.kind, 'draft');
  return { file, draft: (read as Extract<typeof read, { kind: 'draft' }>).draft };
}

describe('writing a fixed draft when the write fails', () => {
  it('a full disk: says so, keeps the original, leaves no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-full-'));
    const { file, draft } = draftIn(dir);
    const real = nodeFs.writeFileSync;
    // The disk fills while the temporary file is written.
    (nodeFs as { writeFileSync: unknown }).writeFileSync = (target: unknown, ...rest: unknown[]) => {
      if (typeof target === 'number') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => void)(target, ...rest);
    };
    let reason;
    try {
      reason = writeDraft(draft, '同志们：\n');
    } finally {
      (nodeFs as { writeFileSync: unknown }).writeFileSync = real;
    }
    assert.deepStrictEqual(reason, { zh: '磁盘已满', en: 'the disk is full' });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '同志们:\n');
    assert.deepStrictEqual(fs.readdirSync(dir), ['draft.txt']);
  });

  it('a folder gone between reading and writing: says so, writes nothing anywhere', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-gone-'));
    const { draft } = draftIn(dir);
    fs.rmSync(dir, { recursive: true });
    const reason = writeDraft(draft, '同志们：\n');
    assert.ok(reason && /no such file or folder/.test(reason.en), JSON.stringify(reason));
    assert.ok(!fs.existsSync(dir));
  });
});
