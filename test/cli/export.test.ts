// `speech-draft export`: refuses a draft with placeholders, writes the clean one.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('speech-draft export', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-export-'));
  for (const f of ['draft-with-defects.txt', 'clean-draft.speech']) fs.copyFileSync(path.join(repoRoot, 'examples', f), path.join(dir, f));

  it('refuses the draft with placeholders and download-site text, listing them', () => {
    const r = run(['export', path.join(dir, 'draft-with-defects.txt')]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /占位符“\*”尚未填写。 {2}placeholder/);
    assert.match(r.stderr, /未导出：须先解决 \d+ 处问题/);
    assert.ok(!fs.existsSync(path.join(dir, 'draft-with-defects.docx')));
  });

  it('exports it anyway with --force, and writes the clean draft beside itself', () => {
    assert.strictEqual(run(['export', '--force', path.join(dir, 'draft-with-defects.txt')]).status, 0);
    assert.ok(fs.existsSync(path.join(dir, 'draft-with-defects.docx')));
    const r = run(['export', path.join(dir, 'clean-draft.speech')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /已导出为 .*clean-draft\.docx/);
    const bytes = fs.readFileSync(path.join(dir, 'clean-draft.docx'));
    assert.strictEqual(bytes.subarray(0, 2).toString(), 'PK', 'a zip archive');
  });

  it('writes where --out says, and refuses options that belong to export elsewhere', () => {
    const out = path.join(dir, 'sub-out.docx');
    assert.strictEqual(run(['export', '--out', out, path.join(dir, 'clean-draft.speech')]).status, 0);
    assert.ok(fs.existsSync(out));
    assert.strictEqual(run(['check', '--force', path.join(dir, 'clean-draft.speech')]).status, 2);
  });
});
