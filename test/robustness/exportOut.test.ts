// `export --out` replaces nothing it must not: never the draft itself (by
// path, through a symbolic link or a hard link), never a named pipe or a
// device, and an existing file other than a .docx only with --overwrite.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';
import { buildCli, runCli, tempDir } from '../cli/runCli';
import { HANG_MS, mkfifo, NO_FIFO } from './specialFiles';
import { skipBecause } from '../helpers/skip';

function draftIn(dir: string): string {
  const draft = path.join(dir, 'clean-draft.speech');
  fs.copyFileSync(path.join(repoRoot, 'examples', 'clean-draft.speech'), draft);
  return draft;
}

const isDocx = (file: string) => fs.readFileSync(file).subarray(0, 2).toString() === 'PK';

describe('export --out', function () {
  this.timeout(180000);
  before(buildCli);

  it('refuses the draft itself, by any path, symbolic link or hard link, even with --overwrite and --force', () => {
    const dir = tempDir();
    const draft = draftIn(dir);
    const before = fs.readFileSync(draft);
    fs.symlinkSync('clean-draft.speech', path.join(dir, 'link.docx'));
    fs.linkSync(draft, path.join(dir, 'hard.docx'));
    for (const out of [draft, './clean-draft.speech', 'link.docx', 'hard.docx']) {
      for (const extra of [[], ['--overwrite'], ['--overwrite', '--force']]) {
        const r = runCli(['export', '--out', out, ...extra, draft], { cwd: dir });
        assert.strictEqual(r.status, 2, `${out} ${extra.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /：未写入：这就是正在导出的文稿。 \/ .*: not written: it is the draft being exported\./);
        assert.ok(fs.readFileSync(draft).equals(before), `${out}: the draft is as it was`);
      }
    }
    assert.ok(fs.lstatSync(path.join(dir, 'link.docx')).isSymbolicLink(), 'the link is still a link');
    assert.strictEqual(fs.statSync(draft).nlink, 2, 'the hard link is still one');
  });

  it('replaces an existing file that is not a .docx only with --overwrite; an existing .docx is replaced as before', () => {
    const dir = tempDir();
    const draft = draftIn(dir);
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, '会议记录，不能丢。\n');
    const refused = runCli(['export', '--out', notes, draft]);
    assert.strictEqual(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /notes\.txt：未写入：文件已存在且不是 \.docx；使用 --overwrite 可覆盖。 \/ .*notes\.txt: not written: the file exists and is not a \.docx; --overwrite replaces it\./);
    assert.strictEqual(fs.readFileSync(notes, 'utf8'), '会议记录，不能丢。\n');

    const replaced = runCli(['export', '--out', notes, '--overwrite', draft]);
    assert.strictEqual(replaced.status, 0, replaced.stderr);
    assert.ok(isDocx(notes));

    const docx = path.join(dir, 'old.docx');
    fs.writeFileSync(docx, 'an older export');
    const again = runCli(['export', '--out', docx, draft]);
    assert.strictEqual(again.status, 0, again.stderr);
    assert.ok(isDocx(docx));
  });

  it('never replaces a named pipe, nor one a link points to, even with --overwrite, and does not wait on it', function () {
    const dir = tempDir();
    const draft = draftIn(dir);
    const pipe = path.join(dir, 'pipe.docx');
    if (!mkfifo(pipe)) skipBecause(this, NO_FIFO);
    fs.symlinkSync(pipe, path.join(dir, 'to-pipe.docx'));
    for (const out of ['pipe.docx', 'to-pipe.docx']) {
      const r = runCli(['export', '--overwrite', '--out', out, draft], { cwd: dir, timeout: HANG_MS });
      assert.ok(!r.timedOut, `${out}: export hung`);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /：未写入：这是命名管道（FIFO），不是普通文件；只写入普通文件。 \/ .*: not written: it is a named pipe \(FIFO\), not a regular file; only a regular file is written\./);
    }
    assert.ok(fs.lstatSync(pipe).isFIFO(), 'the pipe is still a pipe');
    assert.ok(fs.lstatSync(path.join(dir, 'to-pipe.docx')).isSymbolicLink(), 'the link is still a link');
  });

  it('refuses --overwrite with other commands, and names it in the usage', () => {
    const dir = tempDir();
    const draft = draftIn(dir);
    const r = runCli(['check', '--overwrite', draft]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--force、--overwrite 和 --keep-outline 只用于 export。/);
    assert.match(runCli(['check', '--out', 'x.docx', draft]).stderr, /--out 只用于 export 或 annotate。/);
    assert.match(runCli(['--help']).stdout, /export \[--out FILE\.docx\] \[--force\] \[--overwrite\]/);
  });
});
