// `check --fix DIR` rewrites drafts inside DIR only: a symbolic link in it
// that leads out is named and not followed (a file named on the command line
// may still be a link, as before).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, runCli, tempDir } from '../cli/runCli';

const DRAFT = '在全县防汛工作会议上的讲话\n\n同志们:\n\n今天开会，部署防汛工作。\n';

describe('check --fix DIR and symbolic links', function () {
  this.timeout(120000);
  before(buildCli);

  function layout() {
    const root = tempDir();
    const dir = path.join(root, 'drafts');
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(dir, 'a.txt'), DRAFT);
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), DRAFT);
    fs.writeFileSync(path.join(elsewhere, 'outside.txt'), DRAFT);
    fs.symlinkSync(path.join(elsewhere, 'outside.txt'), path.join(dir, 'out-link.txt'));
    fs.symlinkSync('../elsewhere/outside.txt', path.join(dir, 'relative-out.txt'));
    fs.symlinkSync('sub/b.txt', path.join(dir, 'in-link.txt'));
    return { dir, outside: path.join(elsewhere, 'outside.txt') };
  }

  it('does not follow links leading out of the folder, says so, and fixes what is inside', () => {
    const { dir, outside } = layout();
    const r = runCli(['check', '--fix', dir]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), DRAFT, 'the file outside is untouched');
    for (const link of ['out-link.txt', 'relative-out.txt']) {
      assert.ok(r.stderr.includes(`${path.join(dir, link)}：未跟随：链接指向 ${dir} 之外。`), r.stderr);
      assert.ok(r.stderr.includes(`${path.join(dir, link)}: not followed: the link leads out of ${dir}.`), r.stderr);
    }
    assert.ok(!fs.readFileSync(path.join(dir, 'a.txt'), 'utf8').includes('同志们:'));
    assert.ok(!fs.readFileSync(path.join(dir, 'sub', 'b.txt'), 'utf8').includes('同志们:'), 'a link inside the folder is followed');
    assert.ok(fs.lstatSync(path.join(dir, 'out-link.txt')).isSymbolicLink());
    assert.match(r.stdout, /文件 2 个。/, 'the linked draft inside is checked once, under one of its names');
  });

  it('does not report the findings of a file outside either, without --fix', () => {
    const { dir } = layout();
    const r = runCli(['check', '--format', 'json', dir]);
    const files = new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => path.basename(f.file)));
    assert.ok(!files.has('out-link.txt') && !files.has('relative-out.txt'), [...files].join());
  });

  it('still fixes through a link named on the command line', () => {
    const { dir, outside } = layout();
    const r = runCli(['check', '--fix', path.join(dir, 'out-link.txt')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(!fs.readFileSync(outside, 'utf8').includes('同志们:'));
  });
});
