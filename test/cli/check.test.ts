// `speech-draft check`: output formats, languages, exit status, folders and
// config files, on drafts under test/fixtures/cli.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../../server/src/core';
import { buildCli, cliFixtures, copyFixtures, runCli, runCliUnprivileged, tempDir, type JsonFinding } from './runCli';
import { skipBecause } from '../helpers/skip';

const FINDING_LINE = /^(.+):(\d+):(\d+) {2}(error|warning|info) {2}(.+) {2}([a-z]+(?:-[a-z]+)*)$/;

function json(args: string[], options: Parameters<typeof runCli>[1] = {}): JsonFinding[] {
  const r = runCli(['check', '--format', 'json', ...args], options);
  assert.notStrictEqual(r.status, 2, r.stderr);
  return JSON.parse(r.stdout) as JsonFinding[];
}

/** 1-based column, in code points, of `needle` on 1-based `line` of a file. */
function columnOf(file: string, line: number, needle: string): number {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lineText = text.split(/\r\n|\n/)[line - 1];
  const at = lineText.indexOf(needle);
  assert.ok(at >= 0, `${needle} is not on line ${line}`);
  return Array.from(lineText.slice(0, at)).length + 1;
}

describe('speech-draft check', function () {
  this.timeout(60000);
  before(buildCli);

  describe('text output', () => {
    it('gives one `file:line:column  severity  message  rule-id` line per finding, then a Chinese summary', () => {
      const r = runCli(['check', 'defects.txt'], { cwd: cliFixtures });
      assert.strictEqual(r.status, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      const summary = lines.pop()!;
      for (const line of lines) assert.match(line, FINDING_LINE);
      assert.ok(lines.includes('defects.txt:11:1  warning  “一、”之后是“三、”，缺少“二、”。  numbering-sequence'), r.stdout);
      assert.ok(lines.some((l) => /^defects\.txt:13:1 {2}warning {2}.*“第二”.* {2}numbering-sequence$/.test(l)), r.stdout);
      assert.ok(lines.some((l) => /^defects\.txt:13:1 {2}warning {2}.*“第二,”.* {2}numbering-style$/.test(l)), r.stdout);
      // The summary counts what was printed, by severity, in Chinese.
      const count = (s: string) => lines.filter((l) => FINDING_LINE.exec(l)![4] === s).length;
      assert.strictEqual(summary, `文件 1 个。错误 ${count('error')} 个，警告 ${count('warning')} 个，提示 ${count('info')} 个。`);
    });

    it('has no colour codes when stdout is not a terminal', () => {
      const r = runCli(['check', path.join(cliFixtures, 'defects.txt')]);
      assert.ok(!r.stdout.includes('\x1b['), JSON.stringify(r.stdout.slice(0, 200)));
    });

    it('speaks English with --locale en, or with LANG / LC_ALL set to English', () => {
      const file = path.join(cliFixtures, 'defects.txt');
      const english = /“三、” follows “一、”: “二、” is missing\.[^\n]*\n[\s\S]*Files: 1\. Errors: \d+, warnings: \d+, info: \d+\.\n$/;
      assert.match(runCli(['check', '--locale', 'en', file]).stdout, english);
      assert.match(runCli(['check', '--locale=en', file]).stdout, english);
      assert.match(runCli(['check', file], { env: { LANG: 'en_US.UTF-8' } }).stdout, english);
      assert.match(runCli(['check', file], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' } }).stdout, english);
      assert.match(runCli(['check', '--locale', 'zh-cn', file], { env: { LANG: 'en_US.UTF-8' } }).stdout, /缺少“二、”/);
      // Chinese first: a locale that is neither gives Chinese.
      assert.match(runCli(['check', file], { env: { LANG: 'C.UTF-8' } }).stdout, /缺少“二、”/);
    });
  });

  describe('JSON output', () => {
    it('is an array of objects with exactly the documented keys', () => {
      const findings = json(['defects.txt'], { cwd: cliFixtures });
      assert.ok(findings.length > 0);
      for (const f of findings) {
        assert.deepStrictEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'fixable', 'line', 'message', 'rule', 'severity'].sort());
        assert.strictEqual(f.file, 'defects.txt');
        assert.ok(['error', 'warning', 'info'].includes(f.severity));
        assert.ok(Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.column) && f.column >= 1);
        assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column));
      }
      const gap = findings.find((f) => f.rule === 'numbering-sequence' && f.line === 11)!;
      assert.deepStrictEqual([gap.column, gap.severity, gap.fixable], [1, 'warning', false], 'renumbering is not a safe fix');
      assert.strictEqual(gap.message, '“一、”之后是“三、”，缺少“二、”。');
    });

    it('counts columns in characters, so 😀 and 𠀀 before a defect count one each', () => {
      const file = path.join(cliFixtures, 'defects.txt');
      const line17 = fs.readFileSync(file, 'utf8').split('\n')[16];
      assert.ok(line17.startsWith('😀𠀀'), 'fixture: line 17 starts with two characters outside the BMP');
      const marker = json([file]).find((f) => f.rule === 'numbering-style' && f.line === 17);
      assert.ok(marker, 'numbering-style finds “首先,” on line 17');
      assert.strictEqual(marker.column, columnOf(file, 17, '首先,'));
      assert.strictEqual(marker.column, 15, 'two astral characters and twelve others come before it (17 in UTF-16 units)');
      assert.strictEqual(marker.endLine, 17);
      assert.ok(marker.endColumn > marker.column);
      assert.strictEqual(marker.fixable, true);
    });

    it('does not count a BOM as a column, and reads CRLF lines as lines', () => {
      const bom = json([path.join(cliFixtures, 'bom.txt')]).filter((f) => f.rule === 'punctuation-width' && f.line === 1);
      assert.deepStrictEqual(
        bom.map((f) => f.column),
        [columnOf(path.join(cliFixtures, 'bom.txt'), 1, '('), columnOf(path.join(cliFixtures, 'bom.txt'), 1, ')')],
      );
      assert.strictEqual(bom[0].column, 17);
      const crlf = json([path.join(cliFixtures, 'crlf.txt')]);
      assert.ok(crlf.some((f) => f.rule === 'numbering-sequence' && f.line === 11 && f.column === 1), JSON.stringify(crlf));
      assert.ok(crlf.every((f) => f.endLine === f.line), 'no finding runs into the next line through a \\r');
    });
  });

  describe('exit status', () => {
    it('is 0 without findings at error severity and 1 with one', () => {
      const dir = copyFixtures('defects.txt');
      const config = path.join(dir, '.speechdraftrc.json');
      const allWarnings = Object.fromEntries(RULE_IDS.map((id) => [id, 'warning']));
      fs.writeFileSync(config, JSON.stringify({ rules: allWarnings }));
      const clean = runCli(['check', path.join(dir, 'defects.txt')]);
      assert.strictEqual(clean.status, 0, clean.stderr);
      assert.match(clean.stdout, /错误 0 个/);

      fs.writeFileSync(config, JSON.stringify({ rules: { ...allWarnings, 'numbering-sequence': 'error' } }));
      const failing = runCli(['check', path.join(dir, 'defects.txt')]);
      assert.strictEqual(failing.status, 1, failing.stderr);
      assert.match(failing.stdout, /defects\.txt:11:1 {2}error {2}.* {2}numbering-sequence\n/);
      assert.match(failing.stdout, /错误 2 个/);
    });

    it('follows --config instead of the nearest .speechdraftrc.json', () => {
      const dir = copyFixtures('defects.txt');
      fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ rules: { 'numbering-sequence': 'error' } }));
      const other = path.join(tempDir(), 'lenient.json');
      fs.writeFileSync(other, JSON.stringify({ rules: { 'numbering-sequence': 'off' } }));
      const findings = json(['--config', other, path.join(dir, 'defects.txt')]);
      assert.ok(!findings.some((f) => f.rule === 'numbering-sequence'));
      assert.ok(findings.some((f) => f.rule === 'numbering-style'));
    });

    it('is 2 for bad usage, with the reason in Chinese and English', () => {
      const file = path.join(cliFixtures, 'defects.txt');
      const cases: Array<[string[], RegExp]> = [
        [['check'], /check 需要指定文件或文件夹。 \/ check needs a file or folder to work on\./],
        [['lint', file], /未知的命令 lint：请用 check、outline、export 或 annotate。 \/ Unknown command lint: use check, outline, export or annotate\./],
        [['check', '--strict', file], /未知的选项 --strict。 \/ Unknown option --strict\./],
        [['check', '--format', 'xml', file], /--format 只能是 text 或 json，不能是 xml。 \/ --format must be text or json, not xml\./],
        [['check', '--locale', 'fr', file], /--locale 只能是 zh-cn 或 en，不能是 fr。 \/ --locale must be zh-cn or en, not fr\./],
        [['check', file, '--format'], /选项 --format 需要一个值。 \/ The option --format needs a value\./],
        [['outline', file, file], /outline 只接受一个文件。 \/ outline takes one file\./],
        [['check', '--config', 'no-such.json', file], /--config no-such\.json：没有这个文件或文件夹。 \/ --config no-such\.json: no such file or folder\./],
      ];
      for (const [args, reason] of cases) {
        const r = runCli(args);
        assert.strictEqual(r.status, 2, args.join(' '));
        assert.match(r.stderr, reason);
        assert.strictEqual(r.stdout, '', 'nothing on stdout for bad usage');
      }
    });

    it('is 2 for a missing file, naming it, while the other files are still checked', () => {
      const r = runCli(['check', 'no-such-draft.txt', 'defects.txt'], { cwd: cliFixtures });
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /no-such-draft\.txt：无法读取：没有这个文件或文件夹。 \/ no-such-draft\.txt: cannot be read: no such file or folder\./);
      assert.match(r.stdout, /^defects\.txt:11:1 {2}warning/m);
    });
  });

  describe('--help and --version', () => {
    it('prints the usage in Chinese and English, also with no arguments', () => {
      for (const args of [[], ['--help'], ['check', '--help'], ['-h']]) {
        const r = runCli(args);
        assert.strictEqual(r.status, 0);
        assert.match(r.stdout, /用法：\n {2}speech-draft check \[--format text\|json\] \[--fix\]/);
        assert.match(r.stdout, /Usage:\n {2}speech-draft check \[--format text\|json\] \[--fix\] \[--config FILE\] \[--locale zh-cn\|en\] PATH\.\.\./);
        assert.match(r.stdout, /speech-draft outline/);
      }
    });

    it('prints the version of package.json', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(cliFixtures, '..', '..', '..', 'package.json'), 'utf8'));
      const r = runCli(['--version']);
      assert.strictEqual(r.status, 0);
      assert.strictEqual(r.stdout, `${version}\n`);
    });
  });

  describe('folders', () => {
    it('checks .txt, .md and .speech inside, recursively, skipping node_modules, dot-folders and other files', () => {
      const dir = copyFixtures('folder');
      const root = path.join(dir, 'folder');
      const draft = fs.readFileSync(path.join(cliFixtures, 'defects.txt'));
      for (const hidden of ['node_modules/pkg/readme.txt', '.history/old.txt', 'sub/.drafts/x.speech']) {
        fs.mkdirSync(path.dirname(path.join(root, hidden)), { recursive: true });
        fs.writeFileSync(path.join(root, hidden), draft);
      }
      const r = runCli(['check', '--format', 'json', 'folder'], { cwd: dir });
      const files = [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file))];
      assert.deepStrictEqual(files, [path.join('folder', 'a.speech')], 'sub/b.md is clean; nothing from the skipped places');
      assert.match(runCli(['check', 'folder'], { cwd: dir }).stdout, /文件 2 个。/, 'a.speech and sub/b.md, not notes.json');
    });

    it('checks .md drafts as Markdown and .txt drafts as plain text', () => {
      const dir = tempDir();
      const text = '在全镇安全生产会议上的讲话\n\n同志们：\n\n今年要**压实责任**，抓好落实。\n\n谢谢大家！\n';
      fs.writeFileSync(path.join(dir, 'same.md'), text);
      fs.writeFileSync(path.join(dir, 'same.txt'), text);
      const placeholders = json([dir]).filter((f) => f.rule === 'placeholder');
      assert.deepStrictEqual([...new Set(placeholders.map((f) => path.basename(f.file)))], ['same.txt'], '** is emphasis in Markdown');
    });

    it('names a folder it cannot list and goes on with the rest', function () {
      const dir = copyFixtures('defects.txt');
      fs.chmodSync(dir, 0o755);
      fs.mkdirSync(path.join(dir, 'locked'), { mode: 0o000 });
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      const r = runCliUnprivileged(['check', dir]);
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
      if (!r) {
        skipBecause(this, 'running as root, and setpriv is not there to drop the privilege');
      }
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /locked：无法读取：没有权限。 \/ .*locked: cannot be read: permission denied\./);
      assert.match(r.stdout, /defects\.txt:11:1/);
    });
  });

  describe('config files', () => {
    it('reports a broken .speechdraftrc.json with file, key and reason, and keeps what is valid', () => {
      const r = runCli(['check', path.join(cliFixtures, 'broken-config')]);
      const config = path.join(cliFixtures, 'broken-config', '.speechdraftrc.json');
      const lines = r.stderr.trimEnd().split('\n');
      assert.ok(lines.includes(`speech-draft: ${config}: rules.numbering-nonsense: 未知的规则 id“numbering-nonsense”。 / Unknown rule id "numbering-nonsense".`), r.stderr);
      assert.ok(lines.some((l) => l.startsWith(`speech-draft: ${config}: rules.punctuation-width: `) && l.includes('"loud"')), r.stderr);
      assert.ok(lines.some((l) => l.startsWith(`speech-draft: ${config}: speakingRate: `) && l.includes('"fast"')), r.stderr);
      // The valid part (numbering-sequence at error) applies, so the status is 1, not 2.
      assert.strictEqual(r.status, 1, r.stderr);
      assert.match(r.stdout, /draft\.txt:9:1 {2}error {2}“二、”之后是“四、”，缺少“三、”。 {2}numbering-sequence/);
    });

    it('reports a config file that is not JSON once, with its line and column, and checks with the defaults', () => {
      const dir = copyFixtures('defects.txt', 'crlf.txt');
      fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), '{\n  "rules": {\n    "numbering-sequence": "error",\n  }\n}\n');
      const r = runCli(['check', dir]);
      assert.strictEqual(r.status, 0, 'the defaults apply: numbering-sequence stays a warning');
      const problems = r.stderr.split('\n').filter((l) => l.includes('.speechdraftrc.json'));
      assert.strictEqual(problems.length, 1, 'one report for two drafts');
      assert.match(problems[0], /\.speechdraftrc\.json: line 4, column \d+: 不是合法的 JSON（.*）/);
      assert.match(r.stdout, /defects\.txt:11:1 {2}warning/);
      assert.match(r.stdout, /文件 2 个。/);
    });
  });
});
