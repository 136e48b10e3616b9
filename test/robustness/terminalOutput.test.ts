// Text output never hands the terminal a control character from a file name,
// a heading or a config key (ESC sequences set the title, clear the screen,
// write the clipboard with OSC 52; a line break forges report lines): C0
// controls and DEL are shown as `\ooo` (octal, as `ls -b`), C1 controls as
// `\u0080`…`\u009f`. JSON output keeps the exact values.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { escapeControls } from '../../server/src/cli/terminalText';
import { buildCli, runCli, tempDir, type JsonFinding } from '../cli/runCli';

const ESC = '\x1b';
const CSI = '\u009b'; // the one-character CSI of C1
/** A file name that sets the window title, then a line break and a forged report line. */
const HOSTILE_NAME = `a${ESC}]0;pwned${'\x07'}${CSI}2J\nforged.txt:1:1  error  伪造的问题  placeholder.txt`;
// Line 3: a half-width colon (punctuation-width); line 5: a heading holding a clear-screen sequence and a C1 CSI;
// line 7: a placeholder the config declares, holding an OSC 52 clipboard write, which its message quotes.
const DRAFT = `在全县会议上的讲话\n\n同志们:\n\n一、加强${ESC}[2J组织${CSI}1m领导\n\n时间〔待定${ESC}]52;c;ZWNobyBwd25lZA==\x07〕。\n`;
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function draftDir(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, HOSTILE_NAME);
  fs.writeFileSync(file, DRAFT);
  fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ placeholderPatterns: ['〔待定[^〕]*〕'] }));
  return { dir, file };
}

describe('control characters in text output', function () {
  this.timeout(120000);
  before(buildCli);

  it('escapes C0, DEL and C1 controls, keeps everything else', () => {
    assert.strictEqual(escapeControls(`a${ESC}[31mb\n\t\x7f${CSI}c`), 'a\\033[31mb\\012\\011\\177\\u009bc');
    assert.strictEqual(escapeControls('同志们：𠀀😀 C:\\drafts\\a.txt'), '同志们：𠀀😀 C:\\drafts\\a.txt');
  });

  it('check: file names and messages are escaped, one line per finding, no forged line', () => {
    const { dir } = draftDir();
    const r = runCli(['check', dir]);
    assert.ok(!RAW_CONTROL.test(r.stdout), JSON.stringify(r.stdout));
    const lines = r.stdout.trimEnd().split('\n');
    const json = JSON.parse(runCli(['check', '--format', 'json', dir]).stdout) as JsonFinding[];
    assert.strictEqual(lines.length, json.length + 1, 'one line per finding and the summary');
    const shownName = escapeControls(path.join(dir, HOSTILE_NAME));
    assert.ok(lines.slice(0, -1).every((l) => l.startsWith(`${shownName}:`)), r.stdout);
    assert.ok(!lines.some((l) => l.startsWith('forged.txt')));
    assert.ok(r.stdout.includes('\\033]52;c;ZWNobyBwd25lZA==\\007'), 'the quoted placeholder shows its escape sequence as text');
  });

  it('JSON output keeps the exact file name and message, with DEL and C1 written as \\u escapes', () => {
    const { dir, file } = draftDir();
    const r = runCli(['check', '--format', 'json', dir]);
    assert.ok(!RAW_CONTROL.test(r.stdout.replace(/\n/g, '')), 'no raw control character in the JSON text');
    assert.ok(r.stdout.includes('\\u001b]0;pwned\\u0007\\u009b2J\\nforged'), 'the name, escaped as JSON');
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(findings.every((f) => f.file === file), 'the exact name');
    const placeholder = findings.find((f) => f.rule === 'placeholder');
    assert.ok(placeholder?.message.includes(`〔待定${ESC}]52;c;ZWNobyBwd25lZA==\x07〕`), JSON.stringify(placeholder));
  });

  it('outline: headings are escaped', () => {
    const { file } = draftDir();
    const r = runCli(['outline', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(!RAW_CONTROL.test(r.stdout.replace(/\n/g, '')), JSON.stringify(r.stdout));
    assert.match(r.stdout, /^一、加强\\033\[2J组织\\u009b1m领导 {2}/m);
  });

  it('messages naming files, config keys and the --fix report are escaped on stderr and stdout', () => {
    const { dir, file } = draftDir();
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ [`${ESC}]0;title${'\x07'}`]: 1 }));
    const missing = path.join(dir, `gone${ESC}[2J.txt`);
    const r = runCli(['check', '--fix', file, missing]);
    assert.ok(!RAW_CONTROL.test(r.stderr.replace(/\n/g, '')), JSON.stringify(r.stderr));
    assert.ok(!RAW_CONTROL.test(r.stdout.replace(/\n/g, '')), JSON.stringify(r.stdout));
    assert.match(r.stderr, /gone\\033\[2J\.txt：无法读取/);
    assert.match(r.stderr, /\.speechdraftrc\.json: \\033\]0;title\\007: 未知的设置项/);
    assert.ok(r.stdout.includes(`${escapeControls(file)}：已修正`), r.stdout);

    const exported = runCli(['export', '--force', file]);
    assert.strictEqual(exported.status, 0, exported.stderr);
    assert.ok(!RAW_CONTROL.test(exported.stderr.replace(/\n/g, '')), JSON.stringify(exported.stderr));
    assert.ok(exported.stderr.includes('已导出为'), exported.stderr);
  });
});
