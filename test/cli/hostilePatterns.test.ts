// Issue 18: placeholder patterns that backtrack catastrophically in
// JavaScript's engine hung `check` for good. The command runs as a child with a
// generous kill timeout: a hang fails the test instead of stopping the run.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CATASTROPHIC } from '../helpers/hostilePatterns';
import { buildCli, cliPath, tempDir } from './runCli';

const KILL_AFTER_MS = 30_000;

function checkWithTimeout(cwd: string, args: string[]): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('check with hostile placeholder patterns', function () {
  this.timeout(KILL_AFTER_MS * 3);
  before(buildCli);

  it('finishes on a draft holding a paragraph built against each pattern', () => {
    const dir = tempDir();
    const patterns = CATASTROPHIC.map((c) => c.pattern);
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ placeholderPatterns: [...patterns, '〔待定〕'] }));
    const body = CATASTROPHIC.map((c) => c.paragraph(30_000)).join('\n\n');
    fs.writeFileSync(path.join(dir, 'draft.txt'), `在全县工作会议上的讲话\n\n同志们：\n\n${body}\n\n会议时间〔待定〕。\n`);
    const r = checkWithTimeout(dir, ['check', 'draft.txt']);
    assert.strictEqual(r.signal, null, `killed after ${KILL_AFTER_MS} ms: the check hung`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /占位符“〔待定〕”尚未填写/);
    assert.strictEqual(r.stderr, '');
  });

  it('names a pattern the engine cannot compile once, however many drafts use the file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ placeholderPatterns: ['X(?=年)', '〔待定〕'] }));
    for (const name of ['a.txt', 'b.txt']) fs.writeFileSync(path.join(dir, name), '会议时间〔待定〕，20X年。\n');
    const r = checkWithTimeout(dir, ['check', 'a.txt', 'b.txt']);
    assert.strictEqual(r.signal, null);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.strictEqual(lines.length, 1, r.stderr);
    assert.match(lines[0], /\.speechdraftrc\.json: placeholderPatterns\[0\]: 不使用模式 "X\(\?=年\)"：不支持环视断言。 \/ Pattern "X\(\?=年\)" is not used: look-around is not supported\./);
    assert.strictEqual((r.stdout.match(/〔待定〕/g) ?? []).length, 2);
  });
});
