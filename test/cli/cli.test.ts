// The command line, run as a user runs it: the built dist/cli.js in a child process.

import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCorpus, repoRoot, requireCorpus } from '../helpers/corpus';
import { fixtureDir } from '../helpers/fixtures';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const fixtures = path.join(fixtureDir, 'cli');

function run(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-cli-'));
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
  fixable: boolean;
}

describe('speech-draft command', function () {
  this.timeout(60000);
  before(() => {
    if (!fs.existsSync(cli)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot });
  });

  it('prints file:line:column  severity  message  rule-id and a summary', () => {
    const r = run(['check', path.join(fixtures, 'gaps.txt')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /gaps\.txt:11:1 {2}warning {2}“一、”之后是“三、”，缺少“二、”。 {2}numbering-sequence\n/);
    assert.match(r.stdout, /gaps\.txt:13:1 {2}warning {2}这一组序号从“第二”开始，前面缺少“第一”。 {2}numbering-sequence\n/);
    assert.match(r.stdout, /1 个文件：0 个错误，\d+ 个警告，\d+ 个提示。\n$/);
    assert.ok(!r.stdout.includes('\x1b['), 'no colours when stdout is not a terminal');
  });

  it('speaks English with --locale en', () => {
    const r = run(['check', '--locale', 'en', path.join(fixtures, 'gaps.txt')]);
    assert.match(r.stdout, /“三、” follows “一、”: “二、” is missing\./);
    assert.match(r.stdout, /0 errors, \d+ warnings, \d+ infos in 1 files\./);
  });

  it('gives JSON with exactly the documented keys, columns in characters', () => {
    const r = run(['check', '--format', 'json', path.join(fixtures, 'bmp.txt')]);
    const findings: JsonFinding[] = JSON.parse(r.stdout);
    for (const f of findings) {
      assert.deepStrictEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'fixable', 'line', 'message', 'rule', 'severity']);
    }
    const comma = findings.find((f) => f.rule === 'punctuation-width')!;
    // 𠀀😀要抓好春耕, : the comma is the 8th character of line 5 (though the 10th UTF-16 unit).
    assert.deepStrictEqual([comma.line, comma.column, comma.endLine, comma.endColumn, comma.fixable], [5, 8, 5, 9, true]);
  });

  it('exits 1 when a finding is at error severity', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(fixtures, 'gaps.txt'), path.join(dir, 'gaps.txt'));
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ rules: { 'numbering-sequence': 'error' } }));
    const r = run(['check', path.join(dir, 'gaps.txt')]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /error {2}“一、”之后是“三、”/);
  });

  it('exits 2 for bad usage or a missing file, with the reason on stderr', () => {
    assert.strictEqual(run(['check']).status, 2);
    assert.strictEqual(run(['lint', 'x.txt']).status, 2);
    assert.strictEqual(run(['check', '--format', 'xml', 'x.txt']).status, 2);
    const r = run(['check', path.join(fixtures, 'no-such-file.txt')]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /no-such-file\.txt：没有这个文件或文件夹。/);
    assert.match(r.stderr, /no-such-file\.txt: no such file or folder\./);
  });

  it('checks the drafts inside folders, recursively, and only drafts', () => {
    const r = run(['check', '--format', 'json', path.join(fixtures, 'folder')]);
    const files = [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => path.relative(fixtures, f.file)))];
    assert.deepStrictEqual(files, [path.join('folder', 'a.speech')]);
    assert.match(run(['check', path.join(fixtures, 'folder')]).stdout, /2 个文件/);
  });

  it('--fix applies only safe fixes, keeps BOM, CRLF and mode, and a second run changes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'draft.txt');
    const original = '\uFEFF在全镇会议上的讲话\r\n\r\n同志们:\r\n\r\n一.认清形势\r\n\r\n要抓好春耕,确保不误农时，，1.5倍。\r\n\r\n三、抓好落实\r\n';
    fs.writeFileSync(file, original, 'utf8');
    fs.chmodSync(file, 0o640);
    const r = run(['check', '--fix', file]);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.strictEqual(
      fixed,
      '\uFEFF在全镇会议上的讲话\r\n\r\n同志们：\r\n\r\n一、认清形势\r\n\r\n要抓好春耕，确保不误农时，1.5倍。\r\n\r\n三、抓好落实\r\n',
    );
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
    assert.match(r.stderr, /draft\.txt：已修复 .*punctuation-width ×2/);
    assert.match(r.stdout, /“一、”之后是“三、”/, 'renumbering is not a safe fix: the finding remains');
    assert.deepStrictEqual(fs.readdirSync(dir), ['draft.txt'], 'no temporary file is left behind');
    run(['check', '--fix', file]);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), fixed);
  });

  it('refuses a GB18030 draft, naming it, and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gbk.txt');
    const bytes = Buffer.concat([Buffer.from('d6d0cec4', 'hex'), Buffer.from(',abc\n')]); // 中文 in GBK
    fs.writeFileSync(file, bytes);
    const r = run(['check', '--fix', file]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /gbk\.txt：不是 UTF-8 编码/);
    assert.match(r.stderr, /gbk\.txt: not UTF-8/);
    assert.ok(fs.readFileSync(file).equals(bytes));
  });

  it('skips a binary file with a notice', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const r = run(['check', path.join(dir, 'image.txt')]);
    assert.strictEqual(r.status, 0);
    assert.match(r.stderr, /image\.txt：是二进制文件，已跳过。/);
  });

  it('leaves a file it cannot write intact and says so', function () {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    const file = path.join(sub, 'draft.txt');
    fs.writeFileSync(file, '同志们:\n');
    fs.chmodSync(file, 0o644);
    fs.chmodSync(sub, 0o555); // no temporary file can be made beside the draft
    let r;
    if (process.getuid?.() === 0) {
      // Root ignores folder permissions: run the command as nobody.
      const setpriv = spawnSync('setpriv', ['--version']);
      if (setpriv.status !== 0) {
        console.log('      (skipped: running as root without setpriv)');
        this.skip();
      }
      const p = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'check', '--fix', file], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'zh_CN.UTF-8' },
      });
      r = { status: p.status, stderr: p.stderr };
    } else {
      r = run(['check', '--fix', file]);
    }
    fs.chmodSync(sub, 0o755);
    assert.strictEqual(r.status, 2, r.stderr);
    assert.match(r.stderr, /draft\.txt：无法写入（EACCES），原文件保持不变。/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '同志们:\n');
    assert.deepStrictEqual(fs.readdirSync(sub), ['draft.txt']);
  });

  it('reports a broken config with file, key and reason, and goes on with the defaults', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(fixtures, 'gaps.txt'), path.join(dir, 'gaps.txt'));
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), '{ "rules": { "no-such-rule": "off", "placeholder": 3 }, "speakingRate": "fast" }');
    const r = run(['check', path.join(dir, 'gaps.txt')]);
    assert.strictEqual(r.status, 0);
    assert.match(r.stderr, /\.speechdraftrc\.json: rules\.no-such-rule: 未知的规则 id“no-such-rule”。/);
    assert.match(r.stderr, /rules\.placeholder: .*got 3/);
    assert.match(r.stderr, /speakingRate: .*"fast"/);
    assert.match(r.stdout, /numbering-sequence/);
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), '{ "rules": { ');
    const broken = run(['check', path.join(dir, 'gaps.txt')]);
    assert.match(broken.stderr, /\.speechdraftrc\.json: line 1, column \d+: 不是合法的 JSON/);
    assert.match(broken.stdout, /numbering-sequence/);
  });

  it('prints the outline with characters and minutes', () => {
    const r = run(['outline', path.join(fixtures, 'gaps.txt')]);
    assert.strictEqual(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepStrictEqual(lines.slice(0, 3), ['一、认清形势  17 字，0.1 分钟', '三、抓好落实  16 字，0.1 分钟', '  第二，抓好种子供应  10 字，0.1 分钟']);
    assert.match(lines[3], /^合计 \d+ 字，按每分钟 200 字计约 [\d.]+ 分钟。$/);
  });

  describe('on the model address', function () {
    let text: string;
    before(function () {
      text = readCorpus(requireCorpus(this), 'model-address.txt');
    });
    it('reports numbering-sequence on lines 13 and 10', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'model-address.txt'), text);
      const findings: JsonFinding[] = JSON.parse(run(['check', '--format', 'json', path.join(dir, 'model-address.txt')]).stdout);
      assert.deepStrictEqual(findings.filter((f) => f.rule === 'numbering-sequence').map((f) => f.line).sort(), [10, 13]);
    });
    it('--fix changes only ASCII punctuation into its full-width twin', () => {
      const dir = tempDir();
      const file = path.join(dir, 'model-address.txt');
      fs.writeFileSync(file, text);
      run(['check', '--fix', file]);
      const fixed = fs.readFileSync(file, 'utf8');
      const twin: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
      assert.strictEqual(fixed.length, text.length);
      let changed = 0;
      for (let i = 0; i < text.length; i++) {
        if (fixed[i] === text[i]) continue;
        changed++;
        assert.strictEqual(fixed[i], twin[text[i]], `position ${i}`);
      }
      assert.ok(changed >= 110);
    });
  });
});
