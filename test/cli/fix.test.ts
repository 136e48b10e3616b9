// `speech-draft check --fix`, always on copies in a temporary folder: only the
// fixed characters change; BOM, line endings and mode stay; a second run
// changes nothing; a file that cannot be written is left as it was.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, copyFixtures, runCli, runCliUnprivileged, type JsonFinding } from './runCli';
import { skipBecause } from '../helpers/skip';

/** Positions (UTF-16) where two texts of equal length differ. */
function differences(before: string, after: string): Array<[string, string]> {
  assert.strictEqual(after.length, before.length, 'these fixes replace characters one for one');
  const out: Array<[string, string]> = [];
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) out.push([before[i], after[i]]);
  return out;
}

describe('speech-draft check --fix', function () {
  this.timeout(60000);
  before(buildCli);

  it('applies the safe fixes only, reports them by rule, then the findings that remain', () => {
    const dir = copyFixtures('defects.txt');
    const file = path.join(dir, 'defects.txt');
    const before = fs.readFileSync(file, 'utf8');
    const r = runCli(['check', '--fix', 'defects.txt'], { cwd: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    const after = fs.readFileSync(file, 'utf8');
    // Four ASCII commas (two in prose, two after markers) became full-width; nothing else moved.
    assert.deepStrictEqual(differences(before, after), [
      [',', '，'],
      [',', '，'],
      [',', '，'],
      [',', '，'],
    ]);
    const [report, ...rest] = r.stdout.split('\n');
    assert.match(report, /^defects\.txt：已修正 4 处（(punctuation-width ×2, numbering-style ×2|numbering-style ×2, punctuation-width ×2)）。$/);
    // The gaps in the numbering need a person: they are reported after the fix.
    assert.ok(rest.includes('defects.txt:11:1  warning  “一、”之后是“三、”，缺少“二、”。  numbering-sequence'), r.stdout);
    assert.ok(!rest.some((l) => / {2}(numbering-style|punctuation-width)$/.test(l)), r.stdout);
  });

  it('keeps the BOM, CRLF line endings and the file mode, and a second run changes nothing', () => {
    const dir = copyFixtures('bom.txt', 'crlf.txt');
    const files = ['bom.txt', 'crlf.txt'].map((f) => path.join(dir, f));
    fs.chmodSync(files[0], 0o640);
    fs.chmodSync(files[1], 0o604);
    const before = files.map((f) => fs.readFileSync(f));
    assert.ok(before[0].subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'fixture: bom.txt starts with a BOM');
    assert.ok(before[1].includes('\r\n') && !/[^\r]\n/.test(before[1].toString('utf8')), 'fixture: crlf.txt has CRLF line endings only');

    const r = runCli(['check', '--fix', dir]);
    assert.notStrictEqual(r.status, 2, r.stderr);
    const after = files.map((f) => fs.readFileSync(f));
    assert.ok(after[0].subarray(0, 3).equals(before[0].subarray(0, 3)), 'BOM kept');
    assert.strictEqual(after[1].toString('utf8').split('\r\n').length, before[1].toString('utf8').split('\r\n').length, 'CRLF kept');
    assert.ok(!/[^\r]\n/.test(after[1].toString('utf8')), 'no bare LF introduced');
    const twins: Record<string, string> = { ',': '，', ':': '：', '(': '（', ')': '）', '!': '！' };
    for (let i = 0; i < files.length; i++) {
      const diff = differences(before[i].toString('utf8'), after[i].toString('utf8'));
      assert.ok(diff.length > 0, `${files[i]} had fixes`);
      for (const [was, now] of diff) assert.strictEqual(now, twins[was], `${files[i]}: ${was} → ${now}`);
    }
    assert.deepStrictEqual(
      files.map((f) => fs.statSync(f).mode & 0o777),
      [0o640, 0o604],
    );
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['bom.txt', 'crlf.txt'], 'no temporary file left behind');

    const again = runCli(['check', '--fix', dir]);
    assert.ok(!again.stdout.includes('已修正'), again.stdout);
    assert.ok(files.every((f, i) => fs.readFileSync(f).equals(after[i])), 'the second run changed nothing');
  });

  it('reports the changes on stderr with --format json, keeping stdout JSON', () => {
    const dir = copyFixtures('defects.txt');
    const r = runCli(['check', '--fix', '--format', 'json', path.join(dir, 'defects.txt')]);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(findings.every((f) => !f.fixable), 'every safe fix was applied');
    assert.match(r.stderr, /defects\.txt：已修正 4 处/);
  });

  it('writes through a symbolic link without replacing the link', () => {
    const dir = copyFixtures('defects.txt');
    const link = path.join(dir, 'link.txt');
    fs.symlinkSync('defects.txt', link);
    runCli(['check', '--fix', link]);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.ok(!fs.readFileSync(path.join(dir, 'defects.txt'), 'utf8').includes('汛期将至,'));
  });

  it('leaves a read-only file intact and says why, in both languages', () => {
    const dir = copyFixtures('defects.txt');
    const file = path.join(dir, 'defects.txt');
    fs.chmodSync(file, 0o444);
    const before = fs.readFileSync(file);
    const r = runCli(['check', '--fix', file]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /defects\.txt：无法写入：文件是只读的；原文件保持不变。 \/ .*defects\.txt: cannot be written: the file is read-only; the original is left as it was\./);
    assert.ok(fs.readFileSync(file).equals(before), 'the original is untouched');
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o444);
    assert.deepStrictEqual(fs.readdirSync(dir), ['defects.txt']);
    // What is wrong in it is still reported, from the text as it is.
    assert.match(r.stdout, / {2}punctuation-width\n/);
  });

  it('leaves the original intact when no temporary file can be made beside it', function () {
    const dir = copyFixtures('defects.txt');
    const file = path.join(dir, 'defects.txt');
    const before = fs.readFileSync(file);
    fs.chmodSync(file, 0o666); // the file itself may be written, by anyone…
    fs.chmodSync(dir, 0o555); // …but its folder takes no new file
    const r = runCliUnprivileged(['check', '--fix', file]);
    fs.chmodSync(dir, 0o755);
    if (!r) {
      skipBecause(this, 'running as root, and setpriv is not there to drop the privilege');
    }
    assert.strictEqual(r.status, 2, r.stderr);
    assert.match(r.stderr, /defects\.txt：无法写入：没有权限；原文件保持不变。/);
    assert.ok(fs.readFileSync(file).equals(before));
    assert.deepStrictEqual(fs.readdirSync(dir), ['defects.txt']);
  });
});
