// `check --fix` writes atomically (a temporary file and a rename) and loses no
// one else's write: a change to the draft landing before the rename stops
// the write (tested with a step injected between the last look and the
// rename, not with timing). Temporary files a killed run left behind are
// removed by the next --fix, but not one that may still be being written.
// Set-user-ID and set-group-ID bits are kept.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ABANDONED_AFTER_MS, readDraft, STALE_AFTER_MS, temporaryName, writeDraft } from '../../server/src/cli/draftFile';
import { buildCli, runCli, tempDir } from '../cli/runCli';
import { skipBecause } from '../helpers/skip';

const DRAFT = '在全县防汛工作会议上的讲话\n\n同志们:\n\n今天开会，部署防汛工作。\n';
const FIXED = DRAFT.replace('同志们:', '同志们：');

function readIn(dir: string) {
  const file = path.join(dir, 'draft.txt');
  fs.writeFileSync(file, DRAFT);
  const read = readDraft(file);
  assert.strictEqual(read.kind, 'draft');
  return { file, draft: (read as Extract<typeof read, { kind: 'draft' }>).draft };
}

describe('check --fix and what else writes the draft', function () {
  this.timeout(120000);

  it('gives up, keeping the other write, when the draft changes between the last check and the rename', () => {
    const dir = tempDir();
    const { file, draft } = readIn(dir);
    const rival = DRAFT + '补充一段，由同事刚刚保存。\n';
    const reason = writeDraft(draft, FIXED, { beforeLastCheck: () => fs.writeFileSync(file, rival) });
    assert.deepStrictEqual(reason, { zh: '检查期间文件在磁盘上被改动了', en: 'the file changed on disk while it was being checked' });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), rival, 'the other write is kept');
    assert.deepStrictEqual(fs.readdirSync(dir), ['draft.txt'], 'the temporary file is gone');
  });

  it('gives up on a write that keeps the size and the modification time', () => {
    const dir = tempDir();
    const { file, draft } = readIn(dir);
    const sameSize = DRAFT.replace('部署', '安排');
    const reason = writeDraft(draft, FIXED, {
      beforeLastCheck: () => {
        const { atime, mtime } = fs.statSync(file);
        fs.writeFileSync(file, sameSize);
        fs.utimesSync(file, atime, mtime); // as if the clock had not moved
      },
    });
    assert.ok(reason, 'refused');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), sameSize);
  });

  it('gives up when the draft was replaced by another file (a rename over it), even with the same bytes', () => {
    const dir = tempDir();
    const { file, draft } = readIn(dir);
    const reason = writeDraft(draft, FIXED, {
      beforeLastCheck: () => {
        fs.writeFileSync(path.join(dir, 'other'), DRAFT);
        fs.renameSync(path.join(dir, 'other'), file);
      },
    });
    assert.ok(reason, 'refused');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), DRAFT);
  });

  it('writes when nothing else did', () => {
    const dir = tempDir();
    const { file, draft } = readIn(dir);
    let looked = 0;
    assert.strictEqual(writeDraft(draft, FIXED, { beforeLastCheck: () => looked++ }), undefined);
    assert.strictEqual(looked, 1, 'the last look happens once, before the rename');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXED);
    assert.deepStrictEqual(fs.readdirSync(dir), ['draft.txt']);
  });

  it('the next --fix removes temporary files a killed run left, but not ones that may still be being written', () => {
    buildCli();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'draft.txt'), DRAFT);
    // A process that has ended: its id names a writer that is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const now = Date.now();
    const files = {
      stale: [temporaryName('draft.txt', gone), now - 2 * STALE_AFTER_MS],
      young: [temporaryName('draft.txt', gone), now],
      writerAlive: [temporaryName('draft.txt', process.pid), now - 2 * STALE_AFTER_MS],
      abandoned: [temporaryName('draft.txt', process.pid), now - 2 * ABANDONED_AFTER_MS],
      otherDraft: [temporaryName('notes.md', gone), now - 2 * STALE_AFTER_MS],
      notOurs: ['.draft.txt.tmp', now - 2 * ABANDONED_AFTER_MS],
    } as const;
    for (const [name, mtime] of Object.values(files)) {
      fs.writeFileSync(path.join(dir, name), '半截');
      fs.utimesSync(path.join(dir, name), new Date(mtime), new Date(mtime));
    }
    const plain = runCli(['check', dir]);
    assert.notStrictEqual(plain.status, 2, plain.stderr);
    assert.strictEqual(fs.readdirSync(dir).length, 7, 'a check without --fix writes and removes nothing');

    const r = runCli(['check', '--fix', dir]);
    assert.notStrictEqual(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stdout, /\.tmp/, 'temporary files are never checked as drafts');
    const left = new Set(fs.readdirSync(dir));
    assert.deepStrictEqual(
      Object.entries(files).filter(([, [name]]) => left.has(name)).map(([what]) => what),
      ['young', 'writerAlive', 'notOurs'],
    );
    assert.strictEqual(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8'), FIXED);
  });

  it('keeps the set-user-ID and set-group-ID bits', function () {
    if (process.platform === 'win32') skipBecause(this, 'Windows has no set-user-ID bits');
    buildCli();
    const dir = tempDir();
    const file = path.join(dir, 'draft.txt');
    for (const mode of [0o4755, 0o2775, 0o6750]) {
      fs.writeFileSync(file, DRAFT);
      fs.chmodSync(file, mode);
      if ((fs.statSync(file).mode & 0o7777) !== mode) skipBecause(this, 'this file system or user cannot set the set-user-ID and set-group-ID bits');
      const r = runCli(['check', '--fix', file]);
      assert.notStrictEqual(r.status, 2, r.stderr);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXED);
      assert.strictEqual((fs.statSync(file).mode & 0o7777).toString(8), mode.toString(8));
    }
  });
});
