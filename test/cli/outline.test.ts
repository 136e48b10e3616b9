// `speech-draft outline FILE`: the heading tree with characters and minutes.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, cliFixtures, copyFixtures, runCli } from './runCli';

describe('speech-draft outline', function () {
  this.timeout(60000);
  before(buildCli);

  it('prints headings and run-in headings indented by level, each with characters and minutes, then the total', () => {
    const r = runCli(['outline', path.join(cliFixtures, 'defects.txt')]);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const total = lines.pop()!;
    assert.deepStrictEqual(
      lines.map((l) => l.replace(/ {2}\d+ 字，\d+\.\d 分钟$/, '')),
      ['一、提高思想认识', '三、落实防汛责任', '  第二,要压实乡镇责任', '  第三，要强化值班值守', '    首先,要检查堤防', '    其次，要备足物资'],
    );
    for (const line of lines) {
      const [, chars, minutes] = / {2}(\d+) 字，(\d+\.\d) 分钟$/.exec(line)!;
      assert.strictEqual(minutes, (Number(chars) / 200).toFixed(1), line);
    }
    const [, all, allMinutes] = /^合计 (\d+) 字，按每分钟 200 字计约 (\d+\.\d) 分钟。$/.exec(total)!;
    assert.strictEqual(allMinutes, (Number(all) / 200).toFixed(1));
    const sections = lines.filter((l) => !l.startsWith(' ')).map((l) => Number(/(\d+) 字/.exec(l)![1]));
    assert.ok(sections.reduce((a, b) => a + b) < Number(all), 'the whole has more than its sections (title, salutation, opening)');
  });

  it('counts minutes at the speaking rate of the config file, and speaks English when asked', () => {
    const dir = copyFixtures('defects.txt');
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ speakingRate: 100 }));
    const r = runCli(['outline', '--locale', 'en', path.join(dir, 'defects.txt')]);
    assert.strictEqual(r.status, 0, r.stderr);
    const total = r.stdout.trimEnd().split('\n').pop()!;
    const [, chars, minutes] = /^Total: (\d+) characters, about (\d+\.\d) minutes at 100 characters a minute\.$/.exec(total)!;
    assert.strictEqual(minutes, (Number(chars) / 100).toFixed(1));
    assert.match(r.stdout, /^一、提高思想认识 {2}\d+ characters, \d+\.\d min$/m);
  });

  it('says so when a draft has no headings', () => {
    const dir = copyFixtures('folder');
    const r = runCli(['outline', path.join(dir, 'folder', 'sub', 'b.md')]);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^（没有标题）\n合计 \d+ 字/);
  });

  it('refuses a file it cannot read, with exit status 2', () => {
    const r = runCli(['outline', 'no-such.txt']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /no-such\.txt：无法读取：没有这个文件或文件夹。/);
  });
});
